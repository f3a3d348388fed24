// On a phone-sized window every tap target of a card is at least 44 CSS px each way, and the
// stars, too small for a thumb as ten halves, open a sheet of five large ones.
#include <catch2/catch.hpp>

#include "headless_ui.h"

using namespace cinelocal;
using namespace cinelocal::ui;

namespace {

constexpr float k_thumb = 44.0f;  // CSS px; the tests run at a pixel ratio of 1

void check_thumb_sized(const AppState& state, const std::string& id) {
    INFO("widget " << id);
    REQUIRE(state.rects.all().count(id));
    const WidgetRect rect = state.rects.all().at(id);
    CHECK(rect.w >= k_thumb);
    CHECK(rect.h >= k_thumb);
}

struct PhoneApp : ReadyApp {
    PhoneApp() {
        ImGui::GetIO().DisplaySize = ImVec2(390, 2400);  // a phone's width; tall, so the first cards are in view under the welcome
        ui.frame(state, platform);
        ui.frame(state, platform);
    }
};

}  // namespace

TEST_CASE("on a phone, a card's stars and buttons are thumb-sized; the stars open a sheet of five") {
    PhoneApp app;
    auto& [ui, fake, platform, state] = app;
    check_thumb_sized(state, "foryou:1/stars");
    check_thumb_sized(state, "foryou:1/watch");
    check_thumb_sized(state, "foryou:1/hide");
    CHECK_FALSE(state.rects.all().count("foryou:1/rate:4.5"));  // no half-star buttons a thumb cannot hit
    CHECK_FALSE(state.rects.all().count("rating-sheet/rate:4"));

    ui.click(state, platform, "foryou:1/stars");
    ui.frame(state, platform);
    for (int star = 1; star <= 5; ++star) check_thumb_sized(state, "rating-sheet/rate:" + std::to_string(star));
    CHECK(state.rects.all().at("rating-sheet/half").h >= k_thumb);
    CHECK(state.rects.all().at("rating-sheet/cancel").h >= k_thumb);
    const auto* twin = state.rects.find_accessible("rating-sheet/rate:4");
    REQUIRE(twin);
    CHECK(twin->info.name == "Rate 4 stars");
    CHECK(twin->info.group == "Toy Story (1995)");

    ui.click(state, platform, "rating-sheet/rate:4");
    REQUIRE(state.profile.ratings().size() == 1);
    CHECK(state.profile.ratings()[0].movie == 1);
    CHECK(state.profile.ratings()[0].stars == 4.0f);
    ui.frame(state, platform);
    CHECK_FALSE(state.rects.all().count("rating-sheet/rate:4"));  // the sheet closed
    check_thumb_sized(state, "foryou:1/clear");
}

TEST_CASE("on a phone, the sheet's \"half a star less\" gives half stars, and Cancel changes nothing") {
    PhoneApp app;
    auto& [ui, fake, platform, state] = app;
    ui.click(state, platform, "foryou:1/stars");
    ui.frame(state, platform);
    ui.click(state, platform, "rating-sheet/cancel");
    ui.frame(state, platform);
    CHECK(state.profile.ratings().empty());
    CHECK_FALSE(state.rects.all().count("rating-sheet/rate:4"));

    ui.click(state, platform, "foryou:1/stars");
    ui.frame(state, platform);
    ui.click(state, platform, "rating-sheet/half");
    ui.frame(state, platform);
    CHECK(state.rects.find_accessible("rating-sheet/rate:4")->info.name == "Rate 3.5 stars");
    ui.click(state, platform, "rating-sheet/rate:4");
    REQUIRE(state.profile.ratings().size() == 1);
    CHECK(state.profile.ratings()[0].stars == 3.5f);
}

TEST_CASE("on a phone, a film's page shows its thumb-sized stars and buttons within the screen") {
    PhoneApp app;
    auto& [ui, fake, platform, state] = app;
    ui.click(state, platform, "foryou:1/open");
    ui.frame(state, platform);
    REQUIRE(state.detail_movie == 1);
    for (const char* id : {"movie:1/stars", "movie:1/watch", "movie:1/hide"}) {
        check_thumb_sized(state, id);
        const WidgetRect rect = state.rects.all().at(id);
        CHECK(rect.x + rect.w <= 390.0f);  // on the screen, not cut off at its right edge
    }
}
