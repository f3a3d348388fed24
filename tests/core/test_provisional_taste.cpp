#include <catch2/catch.hpp>

#include "cinelocal/provisional_taste.h"
#include "cinelocal/scorer.h"

using namespace cinelocal;

namespace {

// Two taste columns and a popularity column; item 3 has its own scale.
ItemTable small_table() {
    return ItemTable::from_values({10, 0, 5, 0, 10, -5, 7, 7, 0, -10, 3, 2}, {0.1f, 0.1f, 0.1f, 0.05f}, 3);
}

TowerInput ratings(std::vector<std::int32_t> items, std::vector<float> stars) {
    return TowerInput{std::move(items), std::move(stars)};
}

}  // namespace

// Expected values from models/cinelocal_models/fold_in.py's FoldInScorer on the same table
// (taste_dims 2, bias_scale 8, alpha 30, ridge 100, pop_weight 0.1, positives = items 0 and 2).
TEST_CASE("the provisional vector is the evaluation's fold-in: known answer from the Python twin") {
    const auto table = small_table();
    ProvisionalTaste taste(table, 2);
    // Item 1 has 3 stars: not a positive, so it does not count.
    auto vector = taste.vector(table, ratings({0, 1, 2}, {5.0f, 3.0f, 4.0f}));
    REQUIRE(vector.ok());
    REQUIRE(vector.value().size() == 3);
    CHECK(vector.value()[0] == Approx(0.34523576).epsilon(1e-5));
    CHECK(vector.value()[1] == Approx(0.14182434).epsilon(1e-5));
    CHECK(vector.value()[2] == Approx(0.8));  // pop_weight 0.1 x bias_scale 8
    std::vector<float> scores;
    REQUIRE(score_all_items(table, vector.value(), scores).ok());
    const double expected[] = {0.74523576, -0.25817566, 0.34094207, -0.07134423};
    for (std::size_t i = 0; i < 4; ++i) CHECK(scores[i] == Approx(expected[i]).margin(2e-3));  // int16 user vector
}

TEST_CASE("without a positive rating the provisional vector ranks by popularity alone") {
    const auto table = small_table();
    ProvisionalTaste taste(table, 2);
    auto vector = taste.vector(table, ratings({1}, {2.0f}));
    REQUIRE(vector.ok());
    CHECK(vector.value()[0] == 0.0f);
    CHECK(vector.value()[1] == 0.0f);
    CHECK(vector.value()[2] == Approx(0.8));
}

TEST_CASE("a rating of an item outside the table is an error, not a crash") {
    const auto table = small_table();
    ProvisionalTaste taste(table, 2);
    auto vector = taste.vector(table, ratings({9}, {5.0f}));
    REQUIRE_FALSE(vector.ok());
    CHECK(vector.error().message.find("outside the table") != std::string::npos);
}
