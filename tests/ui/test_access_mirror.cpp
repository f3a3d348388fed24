// The app's side of the accessibility mirror (web/app/access_mirror.h): each frame lists its
// interactive widgets with role, name, state and group; activating a twin presses the very widget
// the frame drew; a slider's twin moves it; a new "For you" is announced with its first film.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "access_mirror.h"
#include "app_actions.h"
#include "async_answers.h"
#include "headless_ui.h"

using namespace cinelocal;
using namespace cinelocal::ui;

namespace {

nlohmann::json twins(const AppState& state) { return nlohmann::json::parse(access_tree_json(state))["widgets"]; }

const nlohmann::json* twin(const nlohmann::json& all, const std::string& id) {
    for (const auto& widget : all) {
        if (widget["id"] == id) return &widget;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("the mirror lists the screens, the search box and each card with its title and five rating buttons") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    ui.frame(state, platform);
    ui.frame(state, platform);
    const auto all = twins(state);

    const auto* for_you = twin(all, "nav/for-you");
    REQUIRE(for_you);
    CHECK((*for_you)["role"] == "choice");
    CHECK((*for_you)["name"] == "For you");
    CHECK((*for_you)["group"] == "Screens");
    CHECK((*for_you)["checked"] == true);
    REQUIRE(twin(all, "nav/settings"));
    CHECK((*twin(all, "nav/settings"))["checked"] == false);

    const auto* search = twin(all, "search-box");
    REQUIRE(search);
    CHECK((*search)["role"] == "searchbox");
    CHECK((*search)["name"] == "Search a title, e.g. Toy Story");

    const auto* card = twin(all, "foryou:1/open");
    REQUIRE(card);
    CHECK((*card)["role"] == "link");
    CHECK((*card)["group"] == "Toy Story (1995)");
    CHECK((*card)["name"].get<std::string>().starts_with("Toy Story (1995)"));
    for (int stars = 1; stars <= 5; ++stars) {
        const auto* button = twin(all, "foryou:1/rate:" + std::to_string(stars));
        REQUIRE(button);
        CHECK((*button)["role"] == "button");
        CHECK((*button)["group"] == "Toy Story (1995)");
        CHECK((*button)["name"] == (stars == 1 ? "Rate 1 star" : "Rate " + std::to_string(stars) + " stars"));
        CHECK((*button)["checked"] == false);
    }
    CHECK_FALSE(twin(all, "foryou:1/rate:4.5"));  // half stars are for the mouse: five buttons, not ten
    const auto rect = (*card)["rect"];
    const WidgetRect drawn = state.rects.all().at("foryou:1/open");
    CHECK(rect[0] == drawn.x);
    CHECK(rect[3] == drawn.h);
}

TEST_CASE("activating a twin presses the widget the frame drew: a star rates, a screen opens, a card opens its page") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    ui.frame(state, platform);
    ui.frame(state, platform);

    activate_widget(state, "foryou:1/rate:4");
    ui.frame(state, platform);
    REQUIRE(state.profile.ratings().size() == 1);
    CHECK(state.profile.ratings()[0].movie == 1);
    CHECK(state.profile.ratings()[0].stars == 4.0f);
    ui.frame(state, platform);
    CHECK((*twin(twins(state), "foryou:1/rate:4"))["checked"] == true);

    activate_widget(state, "nav/settings");
    ui.frame(state, platform);
    CHECK(state.screen == Screen::settings);
    activate_widget(state, "nav/for-you");
    ui.frame(state, platform);
    ui.frame(state, platform);
    REQUIRE(twin(twins(state), "foryou:10/open"));
    activate_widget(state, "foryou:10/open");
    ui.frame(state, platform);
    CHECK(state.detail_movie == 10);

    activate_widget(state, "no-such-widget");  // a twin of a frame that has gone: nothing happens
    ui.frame(state, platform);
    CHECK(state.detail_movie == 10);
}

TEST_CASE("a slider's twin moves it a step per arrow key; the new list is announced with its first film") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    ui.frame(state, platform);
    ui.frame(state, platform);
    const auto all = twins(state);
    const auto* years = twin(all, "filter/years");
    REQUIRE(years);
    CHECK((*years)["role"] == "slider");
    CHECK((*years)["value"] == 0);
    CHECK((*years)["valueText"] == "Any year");

    adjust_widget(state, "filter/years", 2);  // two steps: "Any year" -> "Before 1970" -> "1970s"
    ui.frame(state, platform);
    CHECK(state.profile.settings.year_min == 1970);
    CHECK(state.profile.settings.year_max == 1979);
    ui.frame(state, platform);
    CHECK((*twin(twins(state), "filter/years"))["value"] == 2);

    const int serial = state.access.announcement_serial;
    rate_movie(state, platform, 10, 5.0f);  // Halloween
    REQUIRE_FALSE(fake.requests.empty());
    on_user_embedding(state, platform, fake.requests.back().first, std::vector<float>{0.0f, 1.0f});
    REQUIRE(state.for_you_personal);
    CHECK(state.access.announcement_serial == serial + 1);
    const Movie& first = state.bundle->catalogue.movie(state.for_you.front().index);
    CHECK(state.access.announcement == "For you updated. First: " + first.title);
}

TEST_CASE("widgets scrolled out of view keep their twins, and a twin's focus scrolls its widget into view") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    ImGui::GetIO().DisplaySize = ImVec2(1280, 420);  // the welcome fills it: the cards are below the fold
    ui.frame(state, platform);
    ui.frame(state, platform);
    const AccessibleWidget* hidden = nullptr;
    for (const auto& widget : state.rects.accessible()) {
        if (widget.offscreen && widget.id.ends_with("/rate:5")) {
            hidden = &widget;
            break;
        }
    }
    REQUIRE(hidden);
    const std::string id = hidden->id;
    CHECK_FALSE(state.rects.all().count(id));  // not on screen: tests and the mouse cannot click it
    CHECK((*twin(twins(state), id))["offscreen"] == true);

    set_access_focus(state, id);
    ui.frame(state, platform);
    ui.frame(state, platform);
    REQUIRE(state.rects.all().count(id));  // scrolled into view
    const WidgetRect rect = state.rects.all().at(id);
    CHECK(rect.y >= 0.0f);
    CHECK(rect.y + rect.h <= 420.0f);
    CHECK_FALSE(twin(twins(state), id)->contains("offscreen"));
}
