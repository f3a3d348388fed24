#include "cinelocal/catalogue.h"

#include <nlohmann/json.hpp>

#include "json_integer.h"

namespace cinelocal {

Result<Catalogue> Catalogue::parse(std::string_view json_text, std::optional<std::size_t> vector_count) {
    auto json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object()) {
        return make_error(ErrorCode::invalid_format, "catalogue.json is not valid JSON");
    }
    // json.value() would throw (or convert a huge float, undefined) for a version that is not an integer.
    if (!json.contains("format_version") || !json["format_version"].is_number_integer() ||
        json.value("format_version", 0) != 1) {
        return make_error(ErrorCode::unsupported_version, "catalogue.json has an unsupported format version");
    }
    Catalogue catalogue;
    try {
        catalogue.genre_names_ = json.at("genres").get<std::vector<std::string>>();
        if (catalogue.genre_names_.size() > 32) {
            return make_error(ErrorCode::invalid_format, "catalogue.json lists more than 32 genres");
        }
        const auto& rows = json.at("movies");
        catalogue.movies_.reserve(rows.size());
        for (const auto& row : rows) {
            Movie movie;
            movie.id = json_integer<MovieId>(row.at(0));
            movie.title = row.at(1).get<std::string>();
            movie.year = json_integer<int>(row.at(2));
            movie.genre_mask = json_integer<std::uint32_t>(row.at(3));
            movie.positives = json_integer<int>(row.at(4));
            movie.tmdb_id = row.size() > 5 ? json_integer<std::int32_t>(row.at(5)) : 0;
            auto index = static_cast<ItemIndex>(catalogue.movies_.size());
            if (!catalogue.index_by_id_.emplace(movie.id, index).second) {
                return make_error(ErrorCode::invalid_format,
                                  "catalogue.json lists movie " + std::to_string(movie.id) + " twice");
            }
            catalogue.movies_.push_back(std::move(movie));
        }
    } catch (const nlohmann::json::exception& e) {
        return make_error(ErrorCode::invalid_format, std::string("catalogue.json: ") + e.what());
    }
    catalogue.vector_count_ = vector_count.value_or(catalogue.movies_.size());
    if (catalogue.vector_count_ > catalogue.movies_.size()) {
        return make_error(ErrorCode::size_mismatch, "catalogue.json has fewer movies than the model has vectors");
    }
    return catalogue;
}

std::optional<ItemIndex> Catalogue::index_of(MovieId id) const {
    auto it = index_by_id_.find(id);
    if (it == index_by_id_.end()) return std::nullopt;
    return it->second;
}

std::string Catalogue::genres_text(ItemIndex index) const {
    std::string text;
    std::uint32_t mask = movie(index).genre_mask;
    for (std::size_t g = 0; g < genre_names_.size(); ++g) {
        if (!(mask & (1u << g))) continue;
        if (!text.empty()) text += ", ";
        text += genre_names_[g];
    }
    return text;
}

std::uint32_t Catalogue::genre_bit(std::string_view name) const {
    for (std::size_t g = 0; g < genre_names_.size(); ++g) {
        if (genre_names_[g] == name) return 1u << g;
    }
    return 0;
}

}  // namespace cinelocal
