#include "app_view.h"

#include <algorithm>
#include <cstdio>

#include "access_mirror.h"
#include "app_actions.h"
#include "describe_search.h"
#include "icons.h"
#include "screens.h"
#include "test_snapshot.h"
#include "text.h"
#include "visitor_language.h"

namespace cinelocal::ui {
namespace {

void centered_text(const char* text, ImVec4 color) {
    const float width = ImGui::CalcTextSize(text).x;
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    ImGui::TextColored(color, "%s", text);
}

void draw_loading(const AppState& state, const Fonts& fonts) {
    const ImVec2 size = ImGui::GetWindowSize();
    ImGui::SetCursorPosY(size.y * 0.38f);
    ImGui::PushFont(fonts.title);
    centered_text("CineLocal", colors::accent);
    ImGui::PopFont();
    centered_text(tr(Text::loading_tagline), colors::text_muted);
    ImGui::Spacing();
    const float bar_w = std::min(size.x * 0.6f, 520.0f * state.pixel_ratio);
    ImGui::SetCursorPosX((size.x - bar_w) * 0.5f);
    // The step inside the bar when it fits, else under it (a phone's bar is narrower than some steps).
    const std::string label = translated_label(state.load_label);
    const bool fits = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x <= bar_w;
    ImGui::ProgressBar(state.load_fraction, ImVec2(bar_w, 0), fits ? label.c_str() : "");
    if (!fits) centered_text(label.c_str(), colors::text_muted);
}

void draw_failure(const AppState& state, const Fonts& fonts) {
    const ImVec2 size = ImGui::GetWindowSize();
    const float width = std::min(size.x * 0.8f, 720.0f * state.pixel_ratio);
    ImGui::SetCursorPos(ImVec2((size.x - width) * 0.5f, size.y * 0.3f));
    ImGui::BeginGroup();
    ImGui::PushFont(fonts.title);
    ImGui::TextColored(colors::error, "%s", tr(Text::failure_title));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(state.fatal_error.c_str());
    ImGui::Spacing();
    ImGui::TextColored(colors::text_muted, "%s", tr(Text::failure_help));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void draw_search_box(ScreenContext& ctx) {
    AppState& state = ctx.state;
    ImGui::SetNextItemWidth(-1);
    if (state.focus_search) {
        ImGui::SetKeyboardFocusHere();
        state.focus_search = false;
    }
    const std::string hint = state.describe.active ? std::string(icons::magic) + "  " + tr(Text::search_hint_describe)
                                                   : std::string(icons::search) + "  " + tr(Text::search_hint_titles);
    ImGui::InputTextWithHint("##search", hint.c_str(), state.query, sizeof state.query);
    state.rects.record_last_item("search-box", {.role = AccessRole::searchbox,
                                                .name = tr(state.describe.active ? Text::search_hint_describe : Text::search_hint_titles)});
    const bool typed = state.searched_query != state.query;
    run_search(state);
    run_describe(state, ctx.platform);
    if (typed && state.query[0] != '\0') {  // typing takes the visitor to the results
        state.screen = Screen::search;
        state.detail_movie = 0;
    }
}

void draw_notices(AppState& state) {
    const char* dismiss = tr(Text::notice_dismiss);
    const float dismiss_w = ImGui::CalcTextSize(dismiss).x + 2 * ImGui::GetStyle().FramePadding.x;  // as long as its word
    for (std::size_t i = 0; i < state.notices.size();) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextColored(colors::error, "%s", "!");
        ImGui::SameLine();
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - dismiss_w - 20 * state.pixel_ratio);
        ImGui::TextUnformatted(state.notices[i].c_str());
        ImGui::PopTextWrapPos();
        ImGui::SameLine();  // SameLine(x) would count x from the group's left, and push the button off screen
        ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x - dismiss_w);
        bool dismissed = ImGui::SmallButton(dismiss);
        state.rects.record_last_item("notice:" + std::to_string(i) + "/dismiss",
                                     {.name = std::string(dismiss) + ": " + state.notices[i]});
        ImGui::PopID();
        if (dismissed) {
            state.notices.erase(state.notices.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
}

struct NavEntry {
    Screen screen;
    const char* icon;
    Text label;
    const char* id;
};

constexpr NavEntry k_nav[] = {
    {Screen::for_you, icons::heart, Text::nav_for_you, "nav/for-you"},
    {Screen::search, icons::search, Text::nav_search, "nav/search"},
    {Screen::taste, icons::bar_chart, Text::nav_taste, "nav/taste"},
    {Screen::watchlist, icons::bookmark, Text::nav_watchlist, "nav/watchlist"},
    {Screen::movie_night, icons::users, Text::nav_movie_night, "nav/movie-night"},
    {Screen::settings, icons::cog, Text::nav_settings, "nav/settings"},
};

std::string nav_label(const NavEntry& entry) { return std::string(entry.icon) + "   " + tr(entry.label); }

// A screen's entry for assistive technology: its name without the icon, and whether it is shown.
AccessInfo nav_access(const NavEntry& entry, bool selected) {
    return {.role = AccessRole::choice, .name = tr(entry.label), .group = tr(Text::access_screens), .checked = selected};
}

// Wide enough for the longest screen name in the current language (German's are longest).
float side_bar_width(const ScreenContext& ctx) {
    float widest = 0.0f;
    for (const auto& entry : k_nav) widest = std::max(widest, ImGui::CalcTextSize(nav_label(entry).c_str()).x);
    return std::max(ctx.px(220), widest + 2 * ImGui::GetStyle().WindowPadding.x + ctx.px(12));
}

void select_screen(AppState& state, Screen screen) {
    state.screen = screen;
    state.detail_movie = 0;
    if (screen == Screen::search) state.focus_search = true;
}

// The side bar on wide windows: the name, the screens, and where the data lives.
void draw_side_bar(ScreenContext& ctx) {
    AppState& state = ctx.state;
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextColored(colors::accent, "%s CineLocal", icons::film);
    ImGui::PopFont();
    ImGui::Spacing();
    for (const auto& entry : k_nav) {
        const std::string label = nav_label(entry);
        const bool selected = state.screen == entry.screen && state.detail_movie == 0;
        if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(0, ctx.px(30)))) select_screen(state, entry.screen);
        state.rects.record_last_item(entry.id, nav_access(entry, selected));
    }
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ctx.px(110));
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(colors::text_muted, "%s %s", icons::lock,
                       tr(Text::side_bar_status, {{"ratings", state.profile.ratings().size()},
                                                  {"watchlist", state.profile.watchlist().size()}})
                           .c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

// Phones: the screens as a row of icons above the content.
void draw_tab_bar(ScreenContext& ctx) {
    AppState& state = ctx.state;
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextColored(colors::accent, "%s CineLocal", icons::film);
    ImGui::PopFont();
    const float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 5) / 6.0f;
    for (const auto& entry : k_nav) {
        if (&entry != k_nav) ImGui::SameLine();
        const bool selected = state.screen == entry.screen && state.detail_movie == 0;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Text, colors::accent);
        if (ImGui::Button(entry.icon, ImVec2(width, ctx.px(40)))) select_screen(state, entry.screen);
        if (selected) ImGui::PopStyleColor();
        state.rects.record_last_item(entry.id, nav_access(entry, selected));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(entry.label));
    }
}

void draw_screen(ScreenContext& ctx) {
    if (ctx.state.detail_movie != 0) {
        draw_movie_page(ctx);
        return;
    }
    switch (ctx.state.screen) {
        case Screen::for_you: draw_for_you_screen(ctx); break;
        case Screen::search: draw_search_screen(ctx); break;
        case Screen::taste: draw_taste_screen(ctx); break;
        case Screen::watchlist: draw_watchlist_screen(ctx); break;
        case Screen::movie_night: draw_movie_night_screen(ctx); break;
        case Screen::settings: draw_settings_screen(ctx); break;
    }
}

void draw_main(AppState& state, Platform& platform, const Fonts& fonts) {
    ScreenContext ctx{state, platform, fonts};
    const bool narrow = ctx.narrow();
    if (narrow) {
        draw_tab_bar(ctx);
    } else {
        ImGui::BeginChild("side-bar", ImVec2(side_bar_width(ctx), 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        draw_side_bar(ctx);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    draw_search_box(ctx);
    draw_notices(state);
    draw_storage_messages(ctx);
    // A screen change or a new movie page starts at the top.
    const int view = static_cast<int>(state.screen) * 1'000'000 + state.detail_movie;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild(ImGui::GetID(("content" + std::to_string(view)).c_str()), ImVec2(0, 0), false);
    draw_screen(ctx);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::EndGroup();
}

}  // namespace

void draw_app(AppState& state, Platform& platform, const Fonts& fonts) {
    state.rects.begin_frame(state.access.focused);
    follow_visitor_language(state, platform);
    if (state.phase == LoadPhase::ready) keep_profile_saved(state, platform);  // retries a refused save
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("CineLocal", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    begin_drawn_text(state);
    if (state.phase == LoadPhase::failed) {
        draw_failure(state, fonts);
    } else if (state.phase == LoadPhase::loading || !state.bundle) {
        draw_loading(state, fonts);
    } else {
        draw_main(state, platform, fonts);
        if (state.usable_at_ms < 0.0) state.usable_at_ms = platform.now_ms();
    }
    end_drawn_text(state);
    ImGui::End();
    draw_access_focus(state);  // over everything: where the keyboard is, when it is on a DOM twin
    ++state.frame;
}

}  // namespace cinelocal::ui
