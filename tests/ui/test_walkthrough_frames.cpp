// What a first walk-through of the site found (issue 16), checked as whole frames: the welcome
// folds away after the first rating, a card's reason line names its film in full, an import's
// watched-but-unrated films are their own category with the visitor's choice, and the mainstream
// <-> niche control is saved and re-ranks "For you".
#include <catch2/catch.hpp>

#include "async_answers.h"
#include "cinelocal/popularity_weight.h"
#include "data_actions.h"
#include "headless_ui.h"
#include "icons.h"
#include "reason_line.h"
#include "text.h"

using namespace cinelocal;
using namespace cinelocal::ui;

namespace {

// The user tower's answer to the newest request: a taste along the animation axis.
void answer_animation_taste(ReadyApp& app) {
    REQUIRE_FALSE(app.fake.requests.empty());
    const std::vector<float> animation = {1.0f, 0.2f};
    on_user_embedding(app.state, app.platform, app.fake.requests.back().first, animation);
}

const char* k_unrated_csv =
    "Date,Name,Year,Letterboxd URI,Rating\n"
    "2022-01-01,Alien,1979,https://boxd.it/a,\n"
    "2022-01-02,Up,2009,https://boxd.it/b,4.5\n";

// The tiny bundle with a rating head: every card shows predicted stars, as on the site (where the
// walk-through saw "4.2  Because you liked ..." cut before the film's name).
cinelocal::FileBytes files_with_predicted_stars() {
    auto files = tiny::files();
    files["rating_head.bin"] = tiny::rating_head_bytes({0.5f, -1.0f, 0.0f, 0.25f, 1.0f, -0.5f});
    return files;
}

void open_import(ReadyApp& app) {
    ImGui::GetIO().DisplaySize = ImVec2(1280, 1400);  // the report and its buttons below the language and privacy sections
    app.ui.click(app.state, app.platform, "nav/settings");
    on_file_opened(app.state, app.platform, FilePurpose::import_ratings, "ratings.csv", k_unrated_csv);
    app.ui.frame(app.state, app.platform);
}

}  // namespace

TEST_CASE("the welcome folds away after the first rating, and \"How it works\" brings it back") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    ui.frame(state, platform);
    CHECK(state.rects.all().count("welcome/start"));
    CHECK_FALSE(state.rects.all().count("welcome/reopen"));

    ui.click(state, platform, "foryou:1/rate:5");
    REQUIRE(state.profile.ratings().size() == 1);
    ui.frame(state, platform);
    CHECK_FALSE(state.rects.all().count("welcome/start"));  // no "Got it" needed
    CHECK(state.rects.all().count("welcome/reopen"));

    ui.click(state, platform, "welcome/reopen");
    ui.frame(state, platform);  // the click's frame drew what came before it
    CHECK(state.rects.all().count("welcome/start"));
    CHECK_FALSE(state.rects.all().count("welcome/reopen"));
    ui.click(state, platform, "welcome/start");
    ui.frame(state, platform);
    CHECK_FALSE(state.rects.all().count("welcome/start"));
    CHECK(state.profile.settings.welcome_done);
    CHECK(Profile::from_json(fake.storage.at(k_profile_storage_key)).value().settings.welcome_done);
}

TEST_CASE("each card's reason line names its film in full and fits the card; the predicted stars lead the line above") {
    ReadyApp app(files_with_predicted_stars());
    auto& [ui, fake, platform, state] = app;
    ImGui::GetIO().DisplaySize = ImVec2(1280, 1400);  // "Rate a few more" above: the cards lower down in view too
    ui.click(state, platform, "foryou:1/rate:5");  // Toy Story
    ui.click(state, platform, "foryou:2/rate:5");  // Shrek
    answer_animation_taste(app);
    ui.frame(state, platform);
    const std::string text = ui.drawn_text(state, platform);
    const Catalogue& catalogue = state.bundle->catalogue;
    int explained = 0;
    for (std::size_t i = 0; i < state.for_you.size(); ++i) {
        if (state.for_you_reasons[i].pulled_up.empty()) continue;
        ++explained;
        const MovieId id = catalogue.movie(state.for_you[i].index).id;
        const std::string name = catalogue.movie(*catalogue.index_of(state.for_you_reasons[i].pulled_up[0].movie)).title;
        INFO("card of movie " << id << ", reason " << name << "; the frame drew:\n" << text);
        CHECK(text.find("iked " + name) != std::string::npos);  // "Liked Toy Story" / "Because you liked Toy Story"
        const auto& rects = state.rects.all();
        REQUIRE(rects.count("foryou:" + std::to_string(id) + "/reason"));
        const float card = rects.at("foryou:" + std::to_string(id) + "/open").w;
        CHECK(rects.at("foryou:" + std::to_string(id) + "/reason").w <= card - 16.0f);  // inside the card's padding
        CHECK(rects.count("foryou:" + std::to_string(id) + "/predicted"));
    }
    CHECK(explained >= 1);  // Up leans towards both cartoons
}

TEST_CASE("the reason line gives way in order and cuts the film's name only when it alone is too wide") {
    ReadyApp app;
    const Catalogue& catalogue = app.state.bundle->catalogue;
    const Explanation why{{{1, 1.0f}, {2, 0.5f}}, {{10, -0.5f}}};  // liked Toy Story, Shrek; disliked Halloween
    ImGui::NewFrame();
    auto fitted = [&](const std::string& measured, float extra = 0.0f) {
        return fit_reason_line(catalogue, why, ImGui::CalcTextSize(measured.c_str()).x + extra);
    };
    const std::string full = "Because you liked Toy Story, Shrek; despite your low rating of Halloween";
    const std::string heart = std::string(icons::heart) + " Toy Story";
    CHECK(fitted(full) == full);
    CHECK(fitted(full, -1.0f) == "Because you liked Toy Story, Shrek");
    CHECK(fitted("Because you liked Toy Story, Shrek", -1.0f) == "Liked Toy Story, Shrek");
    CHECK(fitted("Liked Toy Story, Sh...") == "Liked Toy Story, Sh...");  // the second film cut, never the first
    CHECK(fitted("Liked Toy Story, S...", -1.0f) == "Liked Toy Story");
    CHECK(fitted("Liked Toy Story", -1.0f) == heart);
    CHECK(fitted(heart, -1.0f) == "Toy Story");
    const std::string cut = fitted("Toy Story", -1.0f);  // too narrow even for the name alone
    CHECK(cut.ends_with("..."));
    CHECK(cut.starts_with("Toy"));
    const Explanation only_disliked{{}, {{10, -0.5f}}};
    CHECK(fit_reason_line(catalogue, only_disliked, 10000.0f) == "Despite your low rating of Halloween");
    const float narrow = ImGui::CalcTextSize("Despite disliking Halloween").x - 1.0f;
    CHECK(fit_reason_line(catalogue, only_disliked, narrow) == "Halloween");
    CHECK(fit_reason_line(catalogue, Explanation{}, 10000.0f).empty());
    ImGui::EndFrame();
}

TEST_CASE("in every language the reason line fits the width and keeps the film's name whole while it fits alone") {
    ReadyApp app;
    const Catalogue& catalogue = app.state.bundle->catalogue;
    const Explanation why{{{1, 1.0f}, {2, 0.5f}}, {{10, -0.5f}}};  // liked Toy Story, Shrek; disliked Halloween
    ImGui::NewFrame();
    const float name_width = ImGui::CalcTextSize("Toy Story").x;
    for (Language language : k_languages) {
        set_language(language);
        const std::string full = reasons_text(catalogue, why);
        const float full_width = ImGui::CalcTextSize(full.c_str()).x;
        CHECK(fit_reason_line(catalogue, why, full_width) == full);
        for (float width = full_width; width >= name_width; width -= 1.0f) {
            const std::string line = fit_reason_line(catalogue, why, width);
            INFO(language_code(language) << " at " << width << " px: " << line);
            CHECK(ImGui::CalcTextSize(line.c_str()).x <= width);
            CHECK(line.find("Toy Story") != std::string::npos);
        }
        // The short wording is used where it fits, with both films; then the second is cut.
        const std::string both = tr(Text::reason_liked_short, {{"titles", "Toy Story, Shrek"}, {"count", 2}});
        CHECK(fit_reason_line(catalogue, why, ImGui::CalcTextSize(both.c_str()).x) == both);
        const std::string cut = fit_reason_line(catalogue, why, ImGui::CalcTextSize(both.c_str()).x - 1.0f);
        CHECK(cut.find("Toy Story, S") != std::string::npos);
        CHECK(cut.find("...") != std::string::npos);
    }
    set_language(Language::en);
    ImGui::EndFrame();
}

TEST_CASE("an import's watched-but-unrated films are their own category; the visitor's choice applies") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    open_import(app);
    const std::string text = ui.drawn_text(state, platform);
    INFO(text);
    CHECK(text.find("Matched: 1. To choose: 0. Watched but not rated: 1. Not found: 0.") != std::string::npos);
    CHECK(text.find("Watched but not rated: 1 film") != std::string::npos);
    CHECK(text.find("Add 1 rating, mark 1 seen") != std::string::npos);  // seen is the default
    for (const char* choice : {"import/unrated:seen", "import/unrated:watchlist", "import/unrated:skip"}) {
        CHECK(state.rects.all().count(choice));
    }

    ui.click(state, platform, "import/unrated:watchlist");
    CHECK(ui.drawn_text(state, platform).find("Add 1 rating, 1 to the watchlist") != std::string::npos);
    ui.click(state, platform, "import/confirm");
    CHECK(state.profile.find(3)->stars == 4.5f);  // Up
    CHECK(state.profile.watchlist() == std::vector<MovieId>{12});  // Alien
    CHECK(state.profile.seen().empty());
    CHECK(state.import_message == "Imported 1 rating from ratings.csv. 1 film added to the watchlist.");
}

TEST_CASE("imported as seen, a film is never suggested and the mark is saved") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    open_import(app);
    ui.click(state, platform, "import/confirm");  // the default: mark them seen
    CHECK(state.profile.seen() == std::vector<MovieId>{12});
    CHECK(state.import_message == "Imported 1 rating from ratings.csv. 1 film marked seen.");
    CHECK(Profile::from_json(fake.storage.at(k_profile_storage_key)).value().is_seen(12));
    const std::vector<float> horror = {0.0f, 1.0f};  // a horror taste: Alien fits it
    on_user_embedding(state, platform, fake.requests.back().first, horror);
    REQUIRE_FALSE(state.for_you.empty());
    for (const auto& item : state.for_you) CHECK(state.bundle->catalogue.movie(item.index).id != 12);

    // Its page says so and can undo it; then it is suggested again.
    open_movie(state, 12);
    ui.click(state, platform, "movie:12/unsee");
    CHECK_FALSE(state.profile.is_seen(12));
    CHECK_FALSE(Profile::from_json(fake.storage.at(k_profile_storage_key)).value().is_seen(12));
    bool suggested = false;
    for (const auto& item : state.for_you) suggested |= state.bundle->catalogue.movie(item.index).id == 12;
    CHECK(suggested);
}

TEST_CASE("the mainstream <-> niche control is saved and re-ranks: most mainstream puts the more liked film first") {
    ReadyApp app;
    auto& [ui, fake, platform, state] = app;
    ui.click(state, platform, "foryou:1/rate:5");
    // A horror taste for which Halloween (liked by 80) scores just above The Shining (liked by 120):
    // relevance 1 and 0.992 among the candidates, log-popularity 0.876 and 0.956 of Shrek's.
    const std::vector<float> horror = {-0.1f, 1.0f};
    on_user_embedding(state, platform, fake.requests.back().first, horror);
    auto first_id = [&app] { return app.state.bundle->catalogue.movie(app.state.for_you.front().index).id; };
    CHECK(first_id() == 10);
    ui.frame(state, platform);
    REQUIRE(state.rects.all().count("niche"));
    CHECK(ui.drawn_text(state, platform).find("Mainstream ~ niche") != std::string::npos);  // the model's balance

    // Pressed at the slider's left end, as a person dragging it all the way would.
    const WidgetRect slider = state.rects.all().at("niche");
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(slider.x + 2.0f, slider.y + slider.h / 2);
    ui.frame(state, platform);
    io.MouseDown[0] = true;
    ui.frame(state, platform);
    io.MouseDown[0] = false;
    ui.frame(state, platform);
    CHECK(state.profile.settings.niche_level == k_min_niche_level);
    CHECK(Profile::from_json(fake.storage.at(k_profile_storage_key)).value().settings.niche_level == k_min_niche_level);
    CHECK(ui.drawn_text(state, platform).find("Most mainstream") != std::string::npos);
    // 1 + 0.5 x 0.876 = 1.438 against 0.992 + 0.5 x 0.956 = 1.470.
    CHECK(first_id() == 11);
}
