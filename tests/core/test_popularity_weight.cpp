// The mainstream <-> niche control (popularity_weight.h, rerank.h's novelty): a known answer that
// tests/models/test_popularity_weight.py checks with the same numbers on the Python side.
#include <catch2/catch.hpp>

#include "checkerboard.h"
#include "cinelocal/popularity_weight.h"

using namespace cinelocal;

namespace {

// Four films liked by 99, 9, 0 and 0 people (log-popularity 1, 0.5, 0, 0), scored 2, 1.5, 0.5
// and 0 (relevance 1, 0.75, 0.25, 0): adjusted relevance 1 - w, 0.75 - w / 2, 0.25, 0.
struct FourFilms {
    Catalogue catalogue = Catalogue::parse(R"({"format_version":1,"genres":["Drama"],"movies":[
        [1,"Liked by 99",2000,1,99,0],[2,"Liked by 9",2000,1,9,0],[3,"A",2000,1,0,0],[4,"B",2000,1,0,0]]})")
                              .value();
    ItemTable table = ItemTable::from_values({1, 0, 0, 1, 1, 1, 1, -1}, {1.0f, 1.0f, 1.0f, 1.0f}, 2);
    UnitRows rows{table};

    std::vector<ItemIndex> ranked(float weight) const {
        RerankOptions options;
        options.novelty = weight;
        const std::vector<ScoredItem> candidates = {{0, 2.0f}, {1, 1.5f}, {2, 0.5f}, {3, 0.0f}};
        std::vector<ItemIndex> out;
        for (const auto& item : rerank(candidates, catalogue, rows, 4, options)) out.push_back(item.index);
        return out;
    }
};

}  // namespace

TEST_CASE("a popular and a less popular film swap places where the formula says: w = 1/2") {
    const FourFilms films;
    CHECK(films.ranked(0.0f) == std::vector<ItemIndex>{0, 1, 2, 3});
    CHECK(films.ranked(0.4f) == std::vector<ItemIndex>{0, 1, 2, 3});  // 0.6 against 0.55
    CHECK(films.ranked(0.6f) == std::vector<ItemIndex>{1, 0, 2, 3});  // 0.4 against 0.45
    // w = 1: 0, 0.25, 0.25, 0; ties keep the better-scored candidate.
    CHECK(films.ranked(1.0f) == std::vector<ItemIndex>{1, 2, 0, 3});
    CHECK(films.ranked(-1.0f) == std::vector<ItemIndex>{0, 1, 2, 3});  // 2, 1.25, 0.25, 0
}

TEST_CASE("the five settings: the model's own balance in the middle, out-of-range levels clamped") {
    CHECK(niche_weight(0) == 0.0f);
    CHECK(niche_weight(-2) == k_niche_weights.front());
    CHECK(niche_weight(2) == k_niche_weights.back());
    CHECK(niche_weight(-7) == niche_weight(-2));
    CHECK(niche_weight(9) == niche_weight(2));
    for (int level = k_min_niche_level; level < k_max_niche_level; ++level) {
        CHECK(niche_weight(level) < niche_weight(level + 1));
    }
}

TEST_CASE("recommend() with the niche setting: a comedy lover's comedies come least popular first") {
    auto bundle = checkerboard::bundle();
    Profile profile;
    REQUIRE(profile.rate(0, 5.0f).ok());
    auto ids = [&](float weight) {
        RecommendOptions options;
        options.rerank.novelty = weight;
        const auto top = recommend(bundle, checkerboard::comedy_taste, profile, 5, options);
        REQUIRE(top.ok());
        std::vector<MovieId> out;
        for (const auto& item : top.value()) out.push_back(bundle.catalogue.movie(item.index).id);
        return out;
    };
    // Likes fall with the id (100 - 5 id) and so does the comedies' relevance (the tilt grows): by
    // hand, at w = 1 film 18 keeps 0.94 - 0.53 = 0.42 and film 2 keeps 1.00 - 0.99 = 0.01.
    CHECK(ids(0.0f) == std::vector<MovieId>{2, 4, 6, 8, 10});
    CHECK(ids(niche_weight(k_min_niche_level)) == std::vector<MovieId>{2, 4, 6, 8, 10});
    CHECK(ids(niche_weight(k_max_niche_level)) == std::vector<MovieId>{18, 16, 14, 12, 10});
}
