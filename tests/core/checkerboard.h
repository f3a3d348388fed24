// A checkerboard of tastes with obvious right answers: 20 movies, even ids are comedies along the
// first axis, odd ids are horror films along the second, each tilted a little (0.02 * id) towards a third axis
// by its position so no two are identical. Movie 19 was liked by nobody (no signal).
#pragma once
#include <cmath>
#include <string>

#include "cinelocal/bundle.h"

namespace checkerboard {

inline constexpr int k_movies = 20;
inline constexpr std::size_t k_dim = 4;

inline cinelocal::Catalogue catalogue() {
    std::string json = R"({"format_version":1,"genres":["Comedy","Horror"],"movies":[)";
    for (int id = 0; id < k_movies; ++id) {
        if (id) json += ",";
        int positives = id == 19 ? 0 : 100 - 5 * id;
        json += "[" + std::to_string(id) + ",\"Movie " + std::to_string(id) + "\"," + std::to_string(1980 + id) + "," +
                std::to_string(id % 2 == 0 ? 1 : 2) + "," + std::to_string(positives) + "]";
    }
    json += "]}";
    return cinelocal::Catalogue::parse(json).value();
}

// Row of movie id: its taste axis plus a tilt of 0.02 * id on the third axis, L2-normalised.
inline std::vector<float> row_of(int id) {
    std::vector<float> row(k_dim, 0.0f);
    row[id % 2] = 1.0f;
    row[2] = 0.02f * float(id);
    row[3] = id % 4 < 2 ? 0.02f : -0.02f;
    float norm = 0.0f;
    for (float v : row) norm += v * v;
    for (float& v : row) v /= std::sqrt(norm);
    return row;
}

inline cinelocal::ItemTable item_table() {
    std::vector<std::int8_t> values;
    std::vector<float> scales;
    for (int id = 0; id < k_movies; ++id) {
        auto row = row_of(id);
        float max_abs = 0.0f;
        for (float v : row) max_abs = std::max(max_abs, std::fabs(v));
        scales.push_back(max_abs / 127.0f);
        for (float v : row) values.push_back(static_cast<std::int8_t>(std::lround(v / scales.back())));
    }
    return cinelocal::ItemTable::from_values(values, scales, k_dim);
}

inline cinelocal::Bundle bundle() {
    auto table = item_table();
    cinelocal::UnitRows rows(table);
    cinelocal::Manifest manifest;
    manifest.item_count = k_movies;
    manifest.embedding_dim = k_dim;
    return cinelocal::Bundle{manifest, catalogue(), std::move(table), std::move(rows)};
}

inline const std::vector<float> comedy_taste = {1.0f, 0.0f, 0.0f, 0.0f};
inline const std::vector<float> horror_taste = {0.0f, 1.0f, 0.0f, 0.0f};

}  // namespace checkerboard
