#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>

#include "../core/tiny_bundle.h"
#include "app_actions.h"
#include "describe_search.h"
#include "fake_platform.h"

using namespace cinelocal;
using namespace cinelocal::ui;

namespace {

const std::string k_saved_toy_story = R"({"schema":"cinelocal.profile","version":1,"ratings":[{"movie":1,"stars":5}]})";

void load_tiny_bundle(AppState& state, Platform& platform, cinelocal::FileBytes files = tiny::files()) {
    REQUIRE(receive_manifest(state, tiny::manifest_json(files)).empty());
    for (auto& [name, bytes] : files) receive_file(state, platform, name, bytes);
}

std::vector<MovieId> for_you_ids(const AppState& state) {
    std::vector<MovieId> ids;
    for (const auto& item : state.for_you) ids.push_back(state.bundle->catalogue.movie(item.index).id);
    return ids;
}

}  // namespace

TEST_CASE("the saved profile is restored; before the model runs, For you is personal from the provisional taste") {
    FakePlatform fake;
    fake.storage[k_profile_storage_key] = k_saved_toy_story;
    auto platform = fake.platform();
    AppState state;
    load_tiny_bundle(state, platform);
    REQUIRE(state.bundle);
    CHECK(state.phase == LoadPhase::ready);  // usable before the model
    CHECK_FALSE(state.model_ready);
    REQUIRE(state.profile.ratings().size() == 1);
    CHECK(state.for_you_personal);
    CHECK(state.for_you_provisional);
    // Onboarding order of the films to rate next: Toy Story (rated) covers animation, so the most
    // familiar horror film comes first, then Up (the animated film furthest from Toy Story), then the rest.
    std::vector<MovieId> quick;
    for (const auto& item : state.quick_picks) quick.push_back(state.bundle->catalogue.movie(item.index).id);
    CHECK(quick == std::vector<MovieId>{11, 3, 12, 2, 10});
    CHECK(fake.requests.empty());
}

TEST_CASE("once the model is ready the tower's answer becomes For you") {
    FakePlatform fake;
    fake.storage[k_profile_storage_key] = k_saved_toy_story;
    auto platform = fake.platform();
    AppState state;
    load_tiny_bundle(state, platform);
    model_ready(state, platform);
    CHECK(state.model_ready);
    REQUIRE(fake.requests.size() == 1);
    CHECK(fake.requests[0].second.item_index == std::vector<std::int32_t>{0});
    CHECK(fake.requests[0].second.stars == std::vector<float>{5.0f});

    std::vector<float> horror = {0.0f, 1.0f};
    on_user_embedding(state, platform, fake.requests[0].first, horror);
    CHECK(state.for_you_personal);
    state.profile.settings.variety = 0.0f;  // pure relevance
    rerank_for_you(state);
    CHECK(for_you_ids(state) == std::vector<MovieId>{10, 11, 12, 3, 2});
    REQUIRE(state.for_you_reasons.size() == 5);
    // Up leans towards Toy Story, which was rated 5: that is why it is there.
    REQUIRE_FALSE(state.for_you_reasons[3].pulled_up.empty());
    CHECK(state.for_you_reasons[3].pulled_up.front().movie == 1);

    open_movie(state, 10);
    CHECK(state.detail_movie == 10);
    REQUIRE_FALSE(state.detail_similar.empty());
    CHECK(state.bundle->catalogue.movie(state.detail_similar.front().index).id == 11);
    open_movie(state, 424242);
    CHECK(state.detail_movie == 0);
    CHECK(state.notices.back().find("424242") != std::string::npos);
}

TEST_CASE("a rating is saved, and only the answer to the newest request counts") {
    FakePlatform fake;
    auto platform = fake.platform();
    AppState state;
    load_tiny_bundle(state, platform);
    model_ready(state, platform);
    CHECK(fake.requests.empty());  // nothing rated yet: popular films, no tower run

    rate_movie(state, platform, 10, 4.5f);
    fake.now += 3.0;
    rate_movie(state, platform, 2, 5.0f);
    REQUIRE(fake.requests.size() == 2);
    CHECK(Profile::from_json(fake.storage[k_profile_storage_key]).value().ratings().size() == 2);

    std::vector<float> horror = {0.0f, 1.0f}, animation = {1.0f, 0.0f};
    int version = state.for_you_version;
    on_user_embedding(state, platform, fake.requests[0].first, horror);  // stale: dropped
    CHECK(state.for_you_version == version);
    fake.now += 2.0;
    on_user_embedding(state, platform, fake.requests[1].first, animation);
    CHECK(state.for_you_version == version + 1);
    CHECK(for_you_ids(state).front() == 1);  // Toy Story: animated, unrated
    CHECK(state.last_update_ms == Approx(2.0));
}

TEST_CASE("a corrupt saved profile is kept aside, reported, and not overwritten") {
    FakePlatform fake;
    fake.storage[k_profile_storage_key] = "{\"schema\":\"cinelocal.profile\",\"version\":1,\"ratings\":[{";
    const std::string original = fake.storage[k_profile_storage_key];
    auto platform = fake.platform();
    AppState state;
    load_tiny_bundle(state, platform);
    CHECK(state.profile.empty());
    REQUIRE(state.notices.size() == 1);
    CHECK(state.notices[0].find("could not be read") != std::string::npos);
    CHECK(fake.storage[k_unreadable_profile_key] == original);

    rate_movie(state, platform, 3, 4.0f);  // a new profile starts; the unreadable copy stays
    CHECK(fake.storage[k_unreadable_profile_key] == original);
    CHECK(state.profile.ratings().size() == 1);
}

TEST_CASE("blocked storage is reported and the rating still counts for this visit") {
    FakePlatform fake;
    fake.storage_blocked = true;
    auto platform = fake.platform();
    AppState state;
    load_tiny_bundle(state, platform);
    rate_movie(state, platform, 3, 4.0f);
    CHECK(state.profile.ratings().size() == 1);
    CHECK(state.storage.unsaved);
    CHECK(state.storage.problem.find("does not let CineLocal store data") != std::string::npos);
}

TEST_CASE("an unknown movie or an invalid rating is refused with a message") {
    FakePlatform fake;
    auto platform = fake.platform();
    AppState state;
    load_tiny_bundle(state, platform);
    rate_movie(state, platform, 424242, 4.0f);
    rate_movie(state, platform, 3, 4.2f);
    CHECK(state.profile.empty());
    REQUIRE(state.notices.size() == 2);
    CHECK(state.notices[0].find("424242") != std::string::npos);
    CHECK(state.notices[1].find("half steps") != std::string::npos);
    CHECK(fake.storage.empty());
}

TEST_CASE("a corrupt bundle stops loading with the file named and leaves storage alone") {
    FakePlatform fake;
    fake.storage[k_profile_storage_key] = k_saved_toy_story;
    auto platform = fake.platform();
    AppState state;
    auto files = tiny::files();
    files["catalogue.json"][20] ^= 0x20;
    load_tiny_bundle(state, platform, files);
    CHECK(state.phase == LoadPhase::failed);
    CHECK(state.fatal_error.find("catalogue.json") != std::string::npos);
    CHECK_FALSE(state.bundle);
    CHECK(fake.storage[k_profile_storage_key] == k_saved_toy_story);
}

TEST_CASE("usable on the catalogue alone; the vectors and the tower are verified as they arrive") {
    FakePlatform fake;
    fake.storage[k_profile_storage_key] = k_saved_toy_story;
    auto platform = fake.platform();
    AppState state;
    auto files = tiny::files();
    CHECK(receive_file(state, platform, "user_tower.onnx", files["user_tower.onnx"]) == "manifest.json was not loaded");
    REQUIRE(receive_manifest(state, tiny::manifest_json(files)).empty());
    REQUIRE(receive_file(state, platform, "catalogue.json", files["catalogue.json"]).empty());
    REQUIRE(state.phase == LoadPhase::ready);  // usable: search, rating and a first grid by genres
    CHECK_FALSE(state.bundle->vectors_ready);
    CHECK(state.for_you.size() == 5);  // every film but the rated Toy Story
    CHECK_FALSE(state.for_you_personal);  // the saved rating waits for the vectors
    open_movie(state, 1);
    CHECK(state.detail_movie == 1);  // a movie page opens; its similar films by genre for now
    REQUIRE(receive_file(state, platform, "item_table.bin", files["item_table.bin"]).empty());
    CHECK(state.bundle->vectors_ready);
    CHECK(state.for_you_personal);  // the saved rating is ranked now, by the provisional taste
    CHECK(state.for_you_provisional);
    files["user_tower.onnx"][0] ^= 1;
    CHECK(receive_file(state, platform, "user_tower.onnx", files["user_tower.onnx"]) ==
          "user_tower.onnx is corrupt (sha256 differs from manifest.json)");
    CHECK(state.phase == LoadPhase::ready);
    CHECK(state.taste_model_problem.find("user_tower.onnx is corrupt") != std::string::npos);
    REQUIRE_FALSE(state.notices.empty());
    rate_movie(state, platform, 12, 5.0f);  // still personal without the model
    CHECK(state.for_you_provisional);
}

TEST_CASE("a damaged item table arriving after the start stops the app with its name; the ratings stay") {
    FakePlatform fake;
    fake.storage[k_profile_storage_key] = k_saved_toy_story;
    auto platform = fake.platform();
    AppState state;
    auto files = tiny::files();
    REQUIRE(receive_manifest(state, tiny::manifest_json(files)).empty());
    REQUIRE(receive_file(state, platform, "catalogue.json", files["catalogue.json"]).empty());
    files["item_table.bin"][1] ^= 1;
    CHECK_FALSE(receive_file(state, platform, "item_table.bin", files["item_table.bin"]).empty());
    CHECK(state.phase == LoadPhase::failed);
    CHECK(state.fatal_error.find("item_table.bin") != std::string::npos);
    CHECK(fake.storage[k_profile_storage_key] == k_saved_toy_story);
}

TEST_CASE("a start file that cannot be downloaded stops loading; another file only turns its feature off") {
    AppState state;
    REQUIRE(receive_manifest(state, tiny::manifest_json(tiny::files())).empty());
    file_unavailable(state, "user_tower.onnx", "could not download user_tower.onnx (HTTP 404)");
    CHECK(state.phase == LoadPhase::loading);
    CHECK(state.taste_model_problem == "could not download user_tower.onnx (HTTP 404)");
    file_unavailable(state, "item_table.bin", "could not download item_table.bin (HTTP 404)");
    CHECK(state.phase == LoadPhase::failed);
    CHECK(state.fatal_error == "could not download item_table.bin (HTTP 404)");
}

TEST_CASE("a rating before the tower runs is ranked by the provisional taste at once, then by the tower") {
    FakePlatform fake;
    auto platform = fake.platform();
    AppState state;
    load_tiny_bundle(state, platform);
    REQUIRE_FALSE(state.model_ready);
    rate_movie(state, platform, 1, 5.0f);
    CHECK(state.for_you_personal);
    CHECK(state.for_you_provisional);
    CHECK(fake.requests.empty());  // nothing asked of ONNX Runtime yet
    const auto provisional = for_you_ids(state);
    CHECK(std::find(provisional.begin(), provisional.end(), 1) == provisional.end());  // never the rated film
    model_ready(state, platform);
    REQUIRE(fake.requests.size() == 1);  // the tower is asked once it runs
}

TEST_CASE("with a rating head in the bundle, every movie has predicted stars: mean plus item bias before any rating") {
    FakePlatform fake;
    auto platform = fake.platform();
    AppState state;
    auto files = tiny::files();
    files["rating_head.bin"] = tiny::rating_head_bytes({0.5f, -1.0f, 0.0f, 0.25f, 1.0f, -0.5f});
    REQUIRE(receive_manifest(state, tiny::manifest_json(files)).empty());
    for (auto& [name, bytes] : files) REQUIRE(receive_file(state, platform, name, bytes).empty());
    REQUIRE(state.phase == LoadPhase::ready);
    REQUIRE(state.bundle->rating_head);
    CHECK(predicted_stars(state, 0).value() == Approx(4.0f));
    CHECK(predicted_stars(state, 1).value() == Approx(2.5f));
    CHECK(predicted_stars(state, 4).value() == Approx(4.5f));

    model_ready(state, platform);
    rate_movie(state, platform, 1, 5.0f);  // far above what was expected: the visitor's bias rises
    CHECK(predicted_stars(state, 1).value() > 2.5f);
}

TEST_CASE("without a rating head there are no predicted stars") {
    FakePlatform fake;
    auto platform = fake.platform();
    AppState state;
    load_tiny_bundle(state, platform);
    CHECK_FALSE(predicted_stars(state, 0).has_value());
}

TEST_CASE("describe-it answers from the words at once, fuses the model's answer, and honours the filters") {
    FakePlatform fake;
    auto platform = fake.platform();
    std::vector<std::pair<int, std::vector<std::int32_t>>> text_requests;
    platform.request_text_embedding = [&](int id, const std::vector<std::int32_t>& ids) { text_requests.emplace_back(id, ids); };
    AppState state;
    load_tiny_bundle(state, platform, tiny::files_with_describe());
    REQUIRE(describe_available(state));
    state.profile.set_not_interested(11, true);  // The Shining
    REQUIRE(state.profile.rate(12, 4.0f).ok());  // Alien
    const auto described_ids = [&] {
        std::vector<MovieId> ids;
        for (const auto& item : state.describe.results) ids.push_back(state.bundle->catalogue.movie(item.index).id);
        return ids;
    };
    state.describe.active = true;
    std::snprintf(state.query, sizeof state.query, "%s", "a killer in a house");
    run_describe(state, platform);
    // Words only (the model has not started): Halloween has both words, Up one; never The Shining
    // (not interested) or Alien (rated), although both match.
    CHECK(described_ids() == std::vector<MovieId>{10, 3});
    CHECK(text_requests.empty());
    state.describe.model_ready = true;
    run_describe(state, platform);  // the same text: the model is asked now that it runs
    REQUIRE(text_requests.size() == 1);
    CHECK(text_requests[0].second == std::vector<std::int32_t>{3, 4});
    // The model's answer (a horror vector) adds the films no word matched, after the matches.
    const std::vector<float> horror = {0.0f, 1.0f};
    on_text_embedding(state, text_requests[0].first, horror);
    CHECK(described_ids() == std::vector<MovieId>{10, 3, 2, 1});
    set_not_interested(state, platform, 10, true);  // Halloween, marked while its card is shown
    run_describe(state, platform);
    CHECK(described_ids() == std::vector<MovieId>{3, 2, 1});
    set_not_interested(state, platform, 10, false);
    state.profile.settings.genre_mask = state.bundle->catalogue.genre_bit("Animation");
    std::snprintf(state.query, sizeof state.query, "%s", "killer house");
    run_describe(state, platform);
    CHECK(described_ids() == std::vector<MovieId>{3});
    on_text_embedding(state, text_requests[0].first, horror);  // stale: the text changed since
    CHECK(described_ids() == std::vector<MovieId>{3});
    std::snprintf(state.query, sizeof state.query, "%s", "zebra quantum");
    run_describe(state, platform);
    CHECK(state.describe.results.empty());
    CHECK(state.describe.problem.find("None of these words") != std::string::npos);
}

TEST_CASE("describe-it's files are asked for on first use, once; a failure waits for Try again") {
    FakePlatform fake;
    auto platform = fake.platform();
    int asked = 0;
    platform.load_describe_files = [&] { ++asked; };
    AppState state;
    auto files = tiny::files_with_describe();
    REQUIRE(receive_manifest(state, tiny::manifest_json(files)).empty());
    for (auto& [name, bytes] : files) {  // the start: everything but describe-it's files
        if (name != k_content_vocab_file && name != k_text_index_file) receive_file(state, platform, name, bytes);
    }
    REQUIRE(state.phase == LoadPhase::ready);
    CHECK(describe_available(state));  // the switch is offered: the manifest lists the index
    CHECK_FALSE(state.describe.index);
    run_describe(state, platform);
    CHECK(asked == 0);  // titles mode: nothing is downloaded for describe-it
    state.describe.active = true;
    std::snprintf(state.query, sizeof state.query, "%s", "a killer in a house");
    run_describe(state, platform);
    run_describe(state, platform);
    CHECK(asked == 1);  // once, however many frames
    CHECK(state.describe.results.empty());
    file_unavailable(state, k_text_index_file, "could not download text_index.bin (HTTP 503)");
    CHECK(state.describe.load_problem == "could not download text_index.bin (HTTP 503)");
    CHECK(state.phase == LoadPhase::ready);  // the rest of the app goes on
    run_describe(state, platform);
    CHECK(asked == 1);  // not again each frame
    state.describe.load_problem.clear();  // "Try again"
    run_describe(state, platform);
    CHECK(asked == 2);
    receive_file(state, platform, k_content_vocab_file, files.at(k_content_vocab_file));
    receive_file(state, platform, k_text_index_file, files.at(k_text_index_file));
    REQUIRE(state.describe.index);
    run_describe(state, platform);  // the text typed while it loaded is ranked now
    std::vector<MovieId> ids;
    for (const auto& item : state.describe.results) ids.push_back(state.bundle->catalogue.movie(item.index).id);
    // Both words first (The Shining has "house" twice), then one: Up's one-word text before Alien's three.
    CHECK(ids == std::vector<MovieId>{11, 10, 3, 12});
    CHECK(asked == 2);
}

TEST_CASE("a search-only film's page asks for the text index; its similar films come from its words once it is in") {
    FakePlatform fake;
    auto platform = fake.platform();
    int asked = 0;
    platform.load_describe_files = [&] { ++asked; };
    auto files = tiny::files(tiny::catalogue_with_search_only_json);
    auto documents = tiny::describe_documents;
    documents.push_back({1});     // Rare Cartoon: "toy"
    documents.push_back({3, 4});  // Obscure Horror: "killer house"
    files["content_vocab.json"] = tiny::as_bytes(tiny::describe_vocab_json);
    files["text_index.bin"] = tiny::text_index_bytes(documents, 6);
    AppState state;
    REQUIRE(receive_manifest(state, tiny::manifest_json(files, 8, 6)).empty());
    for (auto& [name, bytes] : files) {
        if (name != k_content_vocab_file && name != k_text_index_file) receive_file(state, platform, name, bytes);
    }
    const auto similar_ids = [&] {
        std::vector<MovieId> ids;
        for (const auto& item : state.detail_similar) ids.push_back(state.bundle->catalogue.movie(item.index).id);
        return ids;
    };
    open_movie(state, 1);  // Toy Story has a vector and many ratings: no index needed
    run_describe(state, platform);
    CHECK(asked == 0);
    open_movie(state, 21);  // Obscure Horror: search-only
    // Meanwhile by genre, then year: The Shining (1980), Alien (1979), Halloween (1978) for a 1981 film.
    CHECK(similar_ids() == std::vector<MovieId>{11, 12, 10});
    run_describe(state, platform);
    CHECK(asked == 1);
    receive_file(state, platform, k_content_vocab_file, files.at(k_content_vocab_file));
    receive_file(state, platform, k_text_index_file, files.at(k_text_index_file));
    const auto got = similar_ids();
    REQUIRE(got.size() == 4);  // by its words now: "killer house" also reaches Up, through "house"
    CHECK(std::set<MovieId>{got[0], got[1]} == std::set<MovieId>{10, 11});
    CHECK(got[2] == 12);
    CHECK(got[3] == 3);
}

TEST_CASE("a file purpose crosses to the page and back by its name; an unknown name is no purpose") {
    for (FilePurpose purpose : {FilePurpose::import_ratings, FilePurpose::import_backup, FilePurpose::movie_night_profile})
        CHECK(file_purpose_from_name(file_purpose_name(purpose)) == purpose);
    CHECK(std::string(file_purpose_name(FilePurpose::import_ratings)) == "import_ratings");  // the page's FILE_TYPES key
    CHECK(std::string(file_purpose_name(FilePurpose::movie_night_profile)) == "movie_night_profile");
    CHECK_FALSE(file_purpose_from_name("0").has_value());  // the old numeric form
    CHECK_FALSE(file_purpose_from_name("").has_value());
}
