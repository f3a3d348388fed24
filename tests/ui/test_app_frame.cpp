// Runs whole UI frames without a window (as ImGui's example_null): the app draws the bundle's
// movies, records where its widgets are, and a simulated click on a star rates the movie.
#include <catch2/catch.hpp>

#include <cstring>

#include "headless_ui.h"

using namespace cinelocal;
using namespace cinelocal::ui;

TEST_CASE("the main screen lists search results with stars, and clicking a star rates the movie") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;

    ui.frame(state, platform);
    ui.frame(state, platform);
    CHECK(state.rects.all().count("foryou:1/rate:5"));  // For you shows popular films before any rating
    CHECK(state.rects.all().count("welcome/start"));    // and the welcome on a first visit

    ImGui::GetIO().AddInputCharactersUTF8("shining");  // typed into the search box, focused at start
    ui.frame(state, platform);
    ui.frame(state, platform);
    CHECK(std::string(state.query) == "shining");
    REQUIRE(state.search_results.size() == 1);
    CHECK(state.screen == Screen::search);  // typing shows the results
    const auto& rects = state.rects.all();
    CHECK(rects.count("search-box"));
    REQUIRE(rects.count("search:11/rate:4.5"));
    ui.click(state, platform, "search:11/rate:4.5");

    REQUIRE(state.profile.ratings().size() == 1);
    CHECK(state.profile.ratings()[0].movie == 11);
    CHECK(state.profile.ratings()[0].stars == 4.5f);
    CHECK(fake.requests.size() == 1);
    ui.frame(state, platform);
    CHECK(state.rects.all().count("search:11/clear"));
}

TEST_CASE("a failed load draws the failure screen without touching the profile") {
    HeadlessUi ui;
    FakePlatform fake;
    auto platform = fake.platform();
    AppState state;
    loading_failed(state, "could not download bundle/manifest.json (HTTP 404)");
    ui.frame(state, platform);
    CHECK(state.frame == 1);
    CHECK(state.rects.all().empty());
    CHECK(fake.storage.empty());
}

TEST_CASE("every screen of the side bar opens, and a card's buttons change the watchlist and the marks") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;

    ui.click(state, platform, "foryou:1/watch");
    CHECK(state.profile.watchlist() == std::vector<MovieId>{1});
    ui.click(state, platform, "foryou:1/hide");
    CHECK(state.profile.not_interested() == std::vector<MovieId>{1});
    CHECK(state.profile.watchlist().empty());  // not interested leaves the watchlist too
    for (const auto& item : state.for_you) CHECK(state.bundle->catalogue.movie(item.index).id != 1);
    CHECK(Profile::from_json(fake.storage.at(k_profile_storage_key)).value().not_interested() == std::vector<MovieId>{1});

    const std::pair<const char*, Screen> screens[] = {
        {"nav/taste", Screen::taste},       {"nav/watchlist", Screen::watchlist}, {"nav/movie-night", Screen::movie_night},
        {"nav/settings", Screen::settings}, {"nav/search", Screen::search},       {"nav/for-you", Screen::for_you},
    };
    for (const auto& [nav, screen] : screens) {
        ui.click(state, platform, nav);
        CHECK(state.screen == screen);
    }
    ui.click(state, platform, "nav/taste");
    CHECK(state.rects.all().count("taste/map"));
    CHECK(state.taste_map.size() == state.bundle->catalogue.size());
}

TEST_CASE("a poster opens the movie page with similar films, and Back returns") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    ui.click(state, platform, "foryou:10/open");
    CHECK(state.detail_movie == 10);
    ui.frame(state, platform);
    CHECK(state.rects.all().count("similar:11/open"));
    ui.click(state, platform, "movie:10/rate:4");
    CHECK(state.profile.find(10)->stars == 4.0f);
    ui.click(state, platform, "movie/back");
    CHECK(state.detail_movie == 0);
}

TEST_CASE("delete everything asks first, then empties the profile in memory and in storage") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    ui.click(state, platform, "foryou:1/rate:5");
    ui.click(state, platform, "nav/settings");
    ui.click(state, platform, "settings/delete");
    CHECK(state.profile.ratings().size() == 1);  // not yet: it asks
    ui.click(state, platform, "settings/delete-confirm");
    CHECK(state.profile.ratings().empty());
    auto saved = Profile::from_json(fake.storage.at(k_profile_storage_key));
    REQUIRE(saved.ok());
    CHECK(saved.value().ratings().empty());
}

TEST_CASE("the mouse wheel scrolls the content area") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    ui.frame(state, platform);
    REQUIRE(state.rects.all().count("foryou:1/open"));
    const WidgetRect before = state.rects.all().at("foryou:1/open");
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(before.x + before.w / 2, before.y + before.h / 2);
    ui.frame(state, platform);
    io.MouseWheel = -2.0f;
    ui.frame(state, platform);
    ui.frame(state, platform);
    REQUIRE(state.rects.all().count("foryou:1/open"));
    CHECK(state.rects.all().at("foryou:1/open").y < before.y);
}

TEST_CASE("storage messages: a refused save shows the backup button, Settings explains a refused persist()") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    fake.storage_blocked = true;
    rate_movie(state, platform, 1, 4.0f);
    ui.frame(state, platform);
    CHECK(state.rects.all().count("storage-problem/backup"));
    fake.storage_blocked = false;
    fake.now += k_save_retry_ms;
    ui.frame(state, platform);  // the frame retries the save
    ui.frame(state, platform);
    CHECK_FALSE(state.rects.all().count("storage-problem/backup"));
    CHECK(Profile::from_json(fake.storage.at(k_profile_storage_key)).value().find(1));

    on_persistence_answer(state, false);
    ui.click(state, platform, "nav/settings");
    CHECK(state.rects.all().count("settings/persistence-refused"));
    CHECK(state.rects.all().count("settings/backup"));
}
