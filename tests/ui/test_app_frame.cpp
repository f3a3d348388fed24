// Runs whole UI frames without a window (as ImGui's example_null): the app draws the bundle's
// movies, records where its widgets are, and a simulated click on a star rates the movie.
#include <catch2/catch.hpp>

#include <cstring>

#include "../core/tiny_bundle.h"
#include "app_actions.h"
#include "app_view.h"
#include "fake_platform.h"

using namespace cinelocal;
using namespace cinelocal::ui;

namespace {

struct HeadlessUi {
    HeadlessUi() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        fonts = apply_theme("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 1.0f);
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas, as a renderer would
    }
    ~HeadlessUi() { ImGui::DestroyContext(); }

    void frame(AppState& state, Platform& platform) {
        ImGui::NewFrame();
        draw_app(state, platform, fonts);
        ImGui::Render();
    }

    Fonts fonts;
};

}  // namespace

TEST_CASE("the main screen lists search results with stars, and clicking a star rates the movie") {
    HeadlessUi ui;
    FakePlatform fake;
    auto platform = fake.platform();
    AppState state;
    REQUIRE(receive_manifest(state, tiny::manifest_json(tiny::files())).empty());
    for (auto& [name, bytes] : tiny::files()) receive_file(state, name, bytes);
    REQUIRE(assemble_bundle(state, platform).empty());
    model_ready(state, platform);

    std::strcpy(state.query, "shining");
    ui.frame(state, platform);
    ui.frame(state, platform);
    REQUIRE(state.search_results.size() == 1);
    const auto& rects = state.rects.all();
    CHECK(rects.count("search-box"));
    CHECK(rects.count("foryou:1/rate:5"));  // For you shows popular films before any rating
    REQUIRE(rects.count("search:11/rate:4.5"));
    const WidgetRect star = rects.at("search:11/rate:4.5");

    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(star.x + star.w / 2, star.y + star.h / 2);
    ui.frame(state, platform);
    io.MouseDown[0] = true;
    ui.frame(state, platform);
    io.MouseDown[0] = false;
    ui.frame(state, platform);

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
