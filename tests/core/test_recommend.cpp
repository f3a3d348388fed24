#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "checkerboard.h"

using namespace cinelocal;

static std::vector<MovieId> ids(const Bundle& bundle, const std::vector<ScoredItem>& items) {
    std::vector<MovieId> out;
    for (const auto& item : items) out.push_back(bundle.catalogue.movie(item.index).id);
    return out;
}

TEST_CASE("a comedy lover gets the unrated comedies first, closest to the taste axis first") {
    auto bundle = checkerboard::bundle();
    Profile profile;
    REQUIRE(profile.rate(0, 5.0f).ok());
    auto top = recommend(bundle, checkerboard::comedy_taste, profile, 5);
    REQUIRE(top.ok());
    CHECK(ids(bundle, top.value()) == std::vector<MovieId>{2, 4, 6, 8, 10});
}

TEST_CASE("int8 scores equal float scores within the quantization bound") {
    // Bound per value: half an int8 step of the row (scale / 2) times |u|, plus half an int16 step
    // of the user vector (max|u| / 65534) times |row|.
    auto table = checkerboard::item_table();
    std::vector<float> user = {0.3f, -0.7f, 0.5f, 0.1f}, scores;
    REQUIRE(score_all_items(table, user, scores).ok());
    for (int id = 0; id < checkerboard::k_movies; ++id) {
        auto row = checkerboard::row_of(id);
        float exact = 0.0f, bound = 0.0f;
        for (std::size_t j = 0; j < checkerboard::k_dim; ++j) {
            exact += row[j] * user[j];
            bound += std::fabs(user[j]) * table.scale(std::size_t(id)) * 0.5f + std::fabs(row[j]) * 0.7f / 65534.0f;
        }
        CHECK(std::fabs(scores[std::size_t(id)] - exact) <= bound + 1e-6f);
    }
}

TEST_CASE("top-k equals the head of a full sort on random scores") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    std::vector<float> scores(5000);
    for (auto& s : scores) s = std::round(uniform(rng) * 100.0f) / 100.0f;  // many ties
    std::vector<bool> excluded(scores.size(), false);
    for (std::size_t i = 0; i < excluded.size(); i += 7) excluded[i] = true;
    std::vector<ScoredItem> all;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (!excluded[i]) all.push_back({ItemIndex(i), scores[i]});
    }
    std::sort(all.begin(), all.end(), [](auto& a, auto& b) { return a.score != b.score ? a.score > b.score : a.index < b.index; });
    for (std::size_t k : {std::size_t(1), std::size_t(50), std::size_t(999)}) {
        auto top = top_k(scores, k, excluded);
        REQUIRE(top.size() == k);
        for (std::size_t i = 0; i < k; ++i) CHECK(top[i].index == all[i].index);
    }
}

TEST_CASE("filters never leak a filtered movie") {
    auto bundle = checkerboard::bundle();
    Profile profile;
    REQUIRE(profile.rate(2, 4.0f).ok());
    RecommendOptions options;
    options.filters.not_interested = {4};
    options.filters.watchlist = {6};
    options.filters.hide_watchlist = true;
    options.filters.year_min = 1982;
    options.filters.year_max = 1995;
    options.filters.min_positives = 40;  // ids <= 12
    auto top = recommend(bundle, checkerboard::comedy_taste, profile, 20, options);
    REQUIRE(top.ok());
    CHECK(ids(bundle, top.value()) == std::vector<MovieId>{8, 10, 12, 3, 5, 7, 9, 11});

    options = {};
    options.filters.genre_mask = bundle.catalogue.genre_bit("Horror");
    top = recommend(bundle, checkerboard::comedy_taste, profile, 20, options);
    for (MovieId id : ids(bundle, top.value())) CHECK(id % 2 == 1);
    CHECK(top.value().size() == 10);
}

TEST_CASE("MMR with lambda 1 equals plain ranking; lower lambda brings in the other taste early") {
    auto bundle = checkerboard::bundle();
    std::vector<float> mostly_comedy = {1.0f, 0.6f, 0.0f, 0.0f};
    RecommendOptions plain;
    auto plain_top = recommend(bundle, mostly_comedy, Profile{}, 6, plain);
    std::vector<float> scores;
    REQUIRE(score_all_items(bundle.item_table, mostly_comedy, scores).ok());
    auto sorted = top_k(scores, 6, std::vector<bool>(scores.size(), false));
    CHECK(ids(bundle, plain_top.value()) == ids(bundle, sorted));
    for (MovieId id : ids(bundle, plain_top.value())) CHECK(id % 2 == 0);

    RecommendOptions diverse;
    diverse.rerank.diversity_lambda = 0.5f;
    auto diverse_top = ids(bundle, recommend(bundle, mostly_comedy, Profile{}, 6, diverse).value());
    // After the best comedy, the best horror film is the least redundant; once both tastes are
    // represented, redundancy is alike for all and relevance decides again.
    CHECK(diverse_top == std::vector<MovieId>{0, 1, 2, 4, 6, 8});
}

TEST_CASE("novelty favours less popular films among equally relevant ones") {
    auto bundle = checkerboard::bundle();
    std::vector<ScoredItem> tied = {{0, 1.0f}, {8, 1.0f}, {16, 1.0f}};
    RerankOptions options;
    options.novelty = 0.5f;
    auto picked = rerank(tied, bundle.catalogue, bundle.unit_rows, 3, options);
    CHECK(ids(bundle, picked) == std::vector<MovieId>{16, 8, 0});
}

TEST_CASE("the vector kernel (rows in blocks of four plus a tail) matches a float reference") {
    for (std::size_t d : {std::size_t(64), std::size_t(65)}) {  // 65: the model's 64 + a bias column
        INFO("d = " << d);
        std::mt19937 rng(11);
        std::uniform_int_distribution<int> value(-127, 127);
        std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
        const std::size_t n = 103;
        std::vector<std::int8_t> values(n * d);
        std::vector<float> scales(n);
        for (auto& v : values) v = std::int8_t(value(rng));
        for (auto& s : scales) s = 0.001f + 0.01f * std::fabs(uniform(rng));
        auto table = ItemTable::from_values(values, scales, d);
        std::vector<float> user(d), scores;
        for (auto& u : user) u = uniform(rng);
        REQUIRE(score_all_items(table, user, scores).ok());
        float max_abs_user = 0.0f;
        for (float u : user) max_abs_user = std::max(max_abs_user, std::fabs(u));
        for (std::size_t i = 0; i < n; ++i) {
            double exact = 0.0, bound = 0.0;
            for (std::size_t j = 0; j < d; ++j) {
                exact += double(values[i * d + j]) * scales[i] * user[j];
                bound += std::fabs(double(values[i * d + j]) * scales[i]) * max_abs_user / 65534.0;  // int16 rounding
            }
            CHECK(std::fabs(scores[i] - exact) <= bound + 1e-5);
        }
    }
}
