#include <catch2/catch.hpp>

#include <algorithm>

#include "checkerboard.h"
#include "cinelocal/explain.h"
#include "cinelocal/group.h"
#include "cinelocal/onboarding.h"

using namespace cinelocal;

TEST_CASE("similar movies share the taste, exclude the movie itself and movies with no signal") {
    auto bundle = checkerboard::bundle();
    auto similar = similar_movies(bundle.catalogue, bundle.unit_rows, 17, 8);
    REQUIRE(similar.ok());
    REQUIRE(similar.value().size() == 8);  // the other odd ids but 19, which nobody liked
    CHECK(bundle.catalogue.movie(similar.value().front().index).id == 15);
    for (const auto& item : similar.value()) {
        const MovieId id = bundle.catalogue.movie(item.index).id;
        CHECK(id % 2 == 1);
        CHECK(id != 17);
        CHECK(id != 19);
    }
    CHECK(similar_movies(bundle.catalogue, bundle.unit_rows, 12345, 5).error().code == ErrorCode::unknown_movie);
}

TEST_CASE("an explanation points at the rated movie the candidate resembles, and at disliked look-alikes") {
    auto bundle = checkerboard::bundle();
    Profile profile;
    REQUIRE(profile.rate(14, 5.0f).ok());  // a comedy loved
    REQUIRE(profile.rate(3, 4.0f).ok());   // a horror film liked
    REQUIRE(profile.rate(1, 1.0f).ok());   // a horror film disliked
    auto why_comedy = explain(bundle.catalogue, bundle.unit_rows, profile, *bundle.catalogue.index_of(12));
    REQUIRE_FALSE(why_comedy.pulled_up.empty());
    CHECK(why_comedy.pulled_up.front().movie == 14);
    CHECK(why_comedy.pushed_down.empty());

    auto why_horror = explain(bundle.catalogue, bundle.unit_rows, profile, *bundle.catalogue.index_of(5));
    REQUIRE(why_horror.pulled_up.size() == 1);
    CHECK(why_horror.pulled_up.front().movie == 3);
    REQUIRE(why_horror.pushed_down.size() == 1);
    CHECK(why_horror.pushed_down.front().movie == 1);
    CHECK(why_horror.pushed_down.front().weight < 0.0f);
}

TEST_CASE("onboarding asks about familiar films from both tastes, then about the taste not yet covered") {
    auto bundle = checkerboard::bundle();
    auto first = onboarding_picks(bundle.catalogue, bundle.unit_rows, Profile{}, 2);
    REQUIRE(first.size() == 2);
    CHECK(bundle.catalogue.movie(first[0]).id == 0);  // the most popular
    CHECK(bundle.catalogue.movie(first[1]).id % 2 == 1);  // then the other taste

    Profile profile;
    REQUIRE(profile.rate(0, 5.0f).ok());
    auto next = onboarding_picks(bundle.catalogue, bundle.unit_rows, profile, 1);
    REQUIRE(next.size() == 1);
    CHECK(bundle.catalogue.movie(next[0]).id == 1);  // most popular horror film: comedy is covered
}

TEST_CASE("before the item table arrives, onboarding spreads its picks across genres; explanations wait") {
    auto bundle = checkerboard::bundle();
    const UnitRows no_rows;  // what the app holds until item_table.bin is in
    auto first = onboarding_picks(bundle.catalogue, no_rows, Profile{}, 2);
    REQUIRE(first.size() == 2);
    CHECK(bundle.catalogue.movie(first[0]).id == 0);  // the most popular (a comedy)
    CHECK(bundle.catalogue.movie(first[1]).id % 2 == 1);  // then the other genre
    Profile profile;
    REQUIRE(profile.rate(0, 5.0f).ok());
    CHECK(explain(bundle.catalogue, no_rows, profile, 2).pulled_up.empty());
    auto similar = similar_movies(bundle.catalogue, no_rows, 17, 4);  // by genres meanwhile
    REQUIRE(similar.ok());
    for (const auto& item : similar.value()) CHECK(bundle.catalogue.movie(item.index).id % 2 == 1);
}

TEST_CASE("movie night by least misery picks what both can stand") {
    auto bundle = checkerboard::bundle();
    std::vector<float> comedy_and_some_horror = {1.0f, 0.5f, 0.0f, 0.0f};
    std::vector<float> horror_and_some_comedy = {0.5f, 1.0f, 0.0f, 0.0f};
    std::vector<bool> none(checkerboard::k_movies, false);
    auto night = group_recommend(bundle.item_table, {comedy_and_some_horror, checkerboard::horror_taste}, none, 4,
                                 GroupBlend::least_misery);
    REQUIRE(night.ok());
    for (const auto& item : night.value()) CHECK(bundle.catalogue.movie(item.index).id % 2 == 1);
    auto one_member = group_recommend(bundle.item_table, {horror_and_some_comedy}, none, 4, GroupBlend::average);
    CHECK(one_member.error().code == ErrorCode::invalid_format);
    std::vector<float> wrong = {1.0f};
    CHECK(group_recommend(bundle.item_table, {wrong, wrong}, none, 4, GroupBlend::average).error().code ==
          ErrorCode::dimension_mismatch);
}

TEST_CASE("similarity ignores the trailing popularity column that taste_dims leaves out") {
    // Rows 0 and 1 share their taste and differ only in the bias column; row 2 has another taste.
    auto table = ItemTable::from_values({100, 0, 127, 100, 0, -127, 0, 100, 0}, {0.01f, 0.01f, 0.01f}, 3);
    UnitRows all_columns(table), taste_only(table, 2);
    CHECK(taste_only.dim() == 2);
    CHECK(taste_only.cosine(0, 1) == Approx(1.0f));
    CHECK(all_columns.cosine(0, 1) < 0.0f);  // the bias column would make them look opposite
    CHECK(taste_only.cosine(0, 2) == Approx(0.0f).margin(1e-6));
    CHECK(parse_manifest(R"({"format_version":1,"model_version":"m","item_count":3,"embedding_dim":3,"taste_dims":4,"files":{}})")
              .error().code == ErrorCode::invalid_format);
}
