#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cinelocal/bundle.h"
#include "tiny_bundle.h"

using namespace cinelocal;

static Bundle tiny_bundle() {
    auto files = tiny::files();
    auto bundle = Bundle::assemble(parse_manifest(tiny::manifest_json(files)).value(), files);
    REQUIRE(bundle.ok());
    return std::move(bundle).value();
}

static std::vector<MovieId> ids_of(const Bundle& bundle, const std::vector<ScoredItem>& items) {
    std::vector<MovieId> ids;
    for (const auto& item : items) ids.push_back(bundle.catalogue.movie(item.index).id);
    return ids;
}

TEST_CASE("scores are the dot products with the dequantized rows, within the user vector's int16 rounding") {
    auto bundle = tiny_bundle();
    std::vector<float> user = {2.0f, -1.0f}, scores;
    REQUIRE(score_all_items(bundle.item_table, user, scores).ok());
    REQUIRE(scores.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) {
        auto row = bundle.item_table.dequantized_row(i);
        // The user vector is rounded to int16 steps of max|u| / 32767: at most half a step per value.
        const float bound = (std::fabs(row[0]) + std::fabs(row[1])) * (2.0f / 32767.0f) * 0.5f + 1e-6f;
        CHECK(scores[i] == Approx(2.0f * row[0] - row[1]).margin(bound));
    }
    CHECK(scores[0] == Approx(2.54f).margin(1e-5));  // 127 * 0.01 * 2
}

TEST_CASE("an animation lover gets the unrated animated films first, in order of fit") {
    auto bundle = tiny_bundle();
    Profile profile;
    REQUIRE(profile.rate(1, 5.0f).ok());  // Toy Story, already rated: never recommended
    std::vector<float> animation_taste = {1.0f, 0.0f};
    auto top = recommend(bundle, animation_taste, profile, 3);
    REQUIRE(top.ok());
    CHECK(ids_of(bundle, top.value()) == std::vector<MovieId>{2, 3, 12});
}

TEST_CASE("a horror lover gets the horror films first") {
    auto bundle = tiny_bundle();
    std::vector<float> horror_taste = {0.0f, 1.0f};
    auto top = recommend(bundle, horror_taste, Profile{}, 3);
    REQUIRE(top.ok());
    CHECK(ids_of(bundle, top.value()) == std::vector<MovieId>{10, 11, 12});
}

TEST_CASE("top-k equals the head of a full sort and breaks ties by index") {
    std::vector<float> scores = {0.5f, 2.0f, -1.0f, 2.0f, 0.7f, 3.0f, 0.5f};
    std::vector<bool> excluded(scores.size(), false);
    excluded[5] = true;
    auto top = top_k(scores, 4, excluded);
    std::vector<ItemIndex> indices;
    for (auto& item : top) indices.push_back(item.index);
    CHECK(indices == std::vector<ItemIndex>{1, 3, 4, 0});
    CHECK(top_k(scores, 100, excluded).size() == 6);
}

TEST_CASE("a user vector of the wrong size or with NaN is a named error") {
    auto bundle = tiny_bundle();
    std::vector<float> scores, three = {1, 2, 3}, nan = {std::numeric_limits<float>::quiet_NaN(), 1.0f};
    CHECK(score_all_items(bundle.item_table, three, scores).error().code == ErrorCode::dimension_mismatch);
    CHECK(score_all_items(bundle.item_table, nan, scores).error().code == ErrorCode::invalid_format);
}

TEST_CASE("an item table of the wrong length or with a bad scale is refused") {
    auto bytes = tiny::item_table_bytes();
    CHECK(ItemTable::parse(bytes, 6, 3).error().code == ErrorCode::size_mismatch);
    bytes.pop_back();
    CHECK(ItemTable::parse(bytes, 6, 2).error().code == ErrorCode::size_mismatch);
    auto negative = tiny::item_table_bytes();
    float minus_one = -1.0f;
    std::memcpy(negative.data() + 12, &minus_one, sizeof(float));
    CHECK(ItemTable::parse(negative, 6, 2).error().code == ErrorCode::invalid_format);
}
