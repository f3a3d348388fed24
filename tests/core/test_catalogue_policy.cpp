// Search-only films (the build's catalogue policy): in the catalogue, searchable and rateable, but
// without model vectors. Known answers on the tiny bundle plus two search-only films.
#include <catch2/catch.hpp>

#include <algorithm>

#include "cinelocal/explain.h"
#include "cinelocal/onboarding.h"
#include "cinelocal/profile.h"
#include "cinelocal/title_search.h"
#include "tiny_bundle.h"

#include <set>

using namespace cinelocal;

namespace {

Bundle bundle_with_search_only() {
    const auto files = tiny::files(tiny::catalogue_with_search_only_json);
    auto manifest = parse_manifest(tiny::manifest_json(files, 8, 6));
    REQUIRE(manifest.ok());
    auto bundle = Bundle::assemble(std::move(manifest).value(), files);
    REQUIRE(bundle.ok());
    return std::move(bundle).value();
}

std::vector<MovieId> ids(const Catalogue& catalogue, const std::vector<ScoredItem>& items) {
    std::vector<MovieId> out;
    for (const auto& item : items) out.push_back(catalogue.movie(item.index).id);
    return out;
}

}  // namespace

TEST_CASE("the first vector_count films carry vectors, the rest are search-only") {
    const Bundle bundle = bundle_with_search_only();
    CHECK(bundle.catalogue.size() == 8);
    CHECK(bundle.catalogue.vector_count() == 6);
    CHECK(bundle.item_table.item_count() == 6);
    CHECK(bundle.catalogue.has_vectors(5));
    CHECK_FALSE(bundle.catalogue.has_vectors(6));
    CHECK_FALSE(bundle.catalogue.has_vectors(-1));
}

TEST_CASE("a manifest promising more vectors than films, or none, is rejected") {
    const auto files = tiny::files(tiny::catalogue_with_search_only_json);
    auto too_many = parse_manifest(tiny::manifest_json(files, 8, 9));
    REQUIRE_FALSE(too_many.ok());
    CHECK(too_many.error().message.find("vector_count") != std::string::npos);
    // The item table must have exactly vector_count rows.
    auto wrong_rows = Bundle::assemble(parse_manifest(tiny::manifest_json(files, 8, 7)).value(), files);
    REQUIRE_FALSE(wrong_rows.ok());
    CHECK(wrong_rows.error().code == ErrorCode::size_mismatch);
}

TEST_CASE("a search-only film is found by title and its rating is kept but not fed to the tower") {
    const Bundle bundle = bundle_with_search_only();
    TitleSearch search(bundle.catalogue);
    auto found = search.find("rare cartoon", 3);
    REQUIRE_FALSE(found.empty());
    CHECK(bundle.catalogue.movie(found.front()).id == 20);

    Profile profile;
    REQUIRE(profile.rate(20, 5.0f).ok());
    REQUIRE(profile.rate(2, 4.0f).ok());
    CHECK(profile.ratings().size() == 2);
    const auto input = tower_input(profile, bundle.catalogue, 512);
    CHECK(input.item_index == std::vector<std::int32_t>{1});  // Shrek only
    CHECK(input.stars == std::vector<float>{4.0f});
}

TEST_CASE("recommendations, onboarding and explanations use films with vectors only") {
    const Bundle bundle = bundle_with_search_only();
    const std::vector<float> horror_fan = {0.0f, 1.0f};
    auto top = recommend(bundle, horror_fan, Profile{}, 8);
    REQUIRE(top.ok());
    CHECK(top.value().size() == 6);
    for (const auto& item : top.value()) CHECK(bundle.catalogue.has_vectors(item.index));

    // "Obscure Horror" has the most positives of all but no vector: never asked about.
    for (ItemIndex pick : onboarding_picks(bundle.catalogue, bundle.unit_rows, Profile{}, 6)) {
        CHECK(bundle.catalogue.has_vectors(pick));
    }
    Profile profile;
    REQUIRE(profile.rate(21, 5.0f).ok());  // a search-only rating explains nothing
    REQUIRE(profile.rate(11, 5.0f).ok());
    const auto why = explain(bundle.catalogue, bundle.unit_rows, profile, 5);  // Alien
    REQUIRE(why.pulled_up.size() == 1);
    CHECK(why.pulled_up.front().movie == 11);
    CHECK(explain(bundle.catalogue, bundle.unit_rows, profile, 7).pulled_up.empty());
}

TEST_CASE("similar films of a search-only film share its genres, then its era, then popularity") {
    const Bundle bundle = bundle_with_search_only();
    auto similar = similar_movies(bundle.catalogue, bundle.unit_rows, 20, 5);  // Rare Cartoon, 1999
    REQUIRE(similar.ok());
    // Only the animated films (the horror ones share no genre); Shrek (2001) is closest in year.
    CHECK(ids(bundle.catalogue, similar.value()) == std::vector<MovieId>{2, 1, 3});
    // A film with vectors keeps the model's neighbours, never a search-only film.
    auto of_alien = similar_movies(bundle.catalogue, bundle.unit_rows, 12, 7);
    REQUIRE(of_alien.ok());
    for (const auto& item : of_alien.value()) CHECK(bundle.catalogue.has_vectors(item.index));
}

TEST_CASE("a film without a vector, or with too few positive ratings, looks for similar films by its text") {
    const Bundle bundle = bundle_with_search_only();
    const auto at = [&](MovieId id) { return bundle.catalogue.index_of(id).value(); };
    CHECK(similar_by_text_first(bundle.catalogue, at(20)));  // Rare Cartoon: search-only, no rating
    CHECK(similar_by_text_first(bundle.catalogue, at(21)));  // Obscure Horror: many ratings, but no vector
    CHECK_FALSE(similar_by_text_first(bundle.catalogue, at(1)));  // Toy Story: a vector and 200 positives
}

TEST_CASE("with a text index, a search-only film's similar films share its words first, then its genres") {
    const Bundle bundle = bundle_with_search_only();
    auto documents = tiny::describe_documents;
    documents.push_back({1});     // Rare Cartoon: "toy"
    documents.push_back({3, 4});  // Obscure Horror: "killer house"
    auto text = TextIndex::parse(tiny::text_index_bytes(documents, 6), 8, 6);
    REQUIRE(text.ok());
    auto cartoon = similar_movies(bundle.catalogue, bundle.unit_rows, 20, 5, &text.value());
    REQUIRE(cartoon.ok());
    // Toy Story shares the word and the genre; then the other animated films, the better known first.
    CHECK(ids(bundle.catalogue, cartoon.value()) == std::vector<MovieId>{1, 2, 3});
    auto horror = similar_movies(bundle.catalogue, bundle.unit_rows, 21, 5, &text.value());
    REQUIRE(horror.ok());
    const auto got = ids(bundle.catalogue, horror.value());
    REQUIRE(got.size() == 4);  // Shrek and Toy Story share neither a word nor a genre
    CHECK(std::set<MovieId>{got[0], got[1]} == std::set<MovieId>{10, 11});  // both words and the genre
    CHECK(got[2] == 12);  // Alien: "killer" and horror, before Up: "house" alone
    CHECK(got[3] == 3);
    // A well-rated film with a vector keeps the model's neighbours even with a text index.
    auto of_alien = similar_movies(bundle.catalogue, bundle.unit_rows, 12, 7, &text.value());
    REQUIRE(of_alien.ok());
    for (const auto& item : of_alien.value()) CHECK(bundle.catalogue.has_vectors(item.index));
}
