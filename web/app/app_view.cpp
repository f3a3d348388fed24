#include "app_view.h"

#include <algorithm>
#include <cstdio>

#include "app_actions.h"
#include "star_rating.h"

namespace cinelocal::ui {
namespace {

const char* k_cross = "\xe2\x9c\x95";    // U+2715 MULTIPLICATION X
const char* k_similar = "\xe2\x89\x88";  // U+2248 ALMOST EQUAL TO: "more like this"

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
    centered_text("Movie picks computed in your browser", colors::text_muted);
    ImGui::Spacing();
    const float bar_w = std::min(size.x * 0.6f, 520.0f * state.pixel_ratio);
    ImGui::SetCursorPosX((size.x - bar_w) * 0.5f);
    ImGui::ProgressBar(state.load_fraction, ImVec2(bar_w, 0), state.load_label.c_str());
}

void draw_failure(const AppState& state, const Fonts& fonts) {
    const ImVec2 size = ImGui::GetWindowSize();
    const float width = std::min(size.x * 0.8f, 720.0f * state.pixel_ratio);
    ImGui::SetCursorPos(ImVec2((size.x - width) * 0.5f, size.y * 0.3f));
    ImGui::BeginGroup();
    ImGui::PushFont(fonts.title);
    ImGui::TextColored(colors::error, "CineLocal could not start");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(state.fatal_error.c_str());
    ImGui::Spacing();
    ImGui::TextColored(colors::text_muted,
                       "Your saved ratings are untouched. Reload the page to try again; if this keeps "
                       "happening, the site's files are incomplete and its owner should rebuild them.");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void draw_header(AppState& state, const Fonts& fonts) {
    ImGui::PushFont(fonts.title);
    ImGui::TextColored(colors::accent, "CineLocal");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (fonts.title->FontSize - ImGui::GetFontSize()) * 0.5f);
    ImGui::TextColored(colors::text_muted, "Private movie picks. Everything is computed here, in your browser.");

    ImGui::SetNextItemWidth(-1);
    if (state.focus_search) {
        ImGui::SetKeyboardFocusHere();
        state.focus_search = false;
    }
    ImGui::InputTextWithHint("##search", "Search a title, e.g. Toy Story", state.query, sizeof state.query);
    state.rects.record_last_item("search-box");
    run_search(state);
}

void draw_notices(AppState& state) {
    for (std::size_t i = 0; i < state.notices.size();) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextColored(colors::error, "%s", "!");
        ImGui::SameLine();
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - 120 * state.pixel_ratio);
        ImGui::TextUnformatted(state.notices[i].c_str());
        ImGui::PopTextWrapPos();
        ImGui::SameLine(ImGui::GetContentRegionMax().x - 100 * state.pixel_ratio);
        bool dismissed = ImGui::SmallButton("Dismiss");
        state.rects.record_last_item("notice:" + std::to_string(i) + "/dismiss");
        ImGui::PopID();
        if (dismissed) {
            state.notices.erase(state.notices.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
}

std::string titles_of(const Catalogue& catalogue, const std::vector<Reason>& reasons, std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < reasons.size() && i < count; ++i) {
        auto index = catalogue.index_of(reasons[i].movie);
        if (!index) continue;
        if (!text.empty()) text += ", ";
        text += catalogue.movie(*index).title;
    }
    return text;
}

// "Because you liked A, B; despite C" under a recommended movie.
void draw_reasons(const Catalogue& catalogue, const Explanation& why) {
    if (why.pulled_up.empty() && why.pushed_down.empty()) return;
    std::string text;
    if (!why.pulled_up.empty()) text = "Because you liked " + titles_of(catalogue, why.pulled_up, 2);
    if (!why.pushed_down.empty()) {
        text += (text.empty() ? "Despite your low rating of " : "; despite your low rating of ") +
                titles_of(catalogue, why.pushed_down, 1);
    }
    ImGui::TextColored(ImVec4(0.85f, 0.66f, 0.35f, 1.0f), "%s", text.c_str());
}

// One movie: title and year, genres (and why, when recommended), then the stars, a clear button
// once rated, and "more like this".
void draw_movie_row(AppState& state, Platform& platform, ItemIndex index, const std::string& list_id, int rank,
                    const Explanation* why = nullptr) {
    const Catalogue& catalogue = state.bundle->catalogue;
    const Movie& movie = catalogue.movie(index);
    const Rating* rating = state.profile.find(movie.id);
    const std::string id = list_id + ":" + std::to_string(movie.id);
    ImGui::PushID(id.c_str());

    const float stars_w = ImGui::CalcTextSize("\xe2\x98\x85").x * 5 + 12 * state.pixel_ratio;
    const float button_w = ImGui::CalcTextSize(k_cross).x + ImGui::GetStyle().FramePadding.x * 2;
    const float clear_w = button_w * 2 + ImGui::GetStyle().ItemSpacing.x;  // clear and "more like this"
    const float right = ImGui::GetContentRegionMax().x;
    const float text_w = right - stars_w - clear_w - ImGui::GetStyle().ItemSpacing.x * 3;

    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    if (rank > 0) {
        ImGui::TextColored(colors::text_muted, "%2d", rank);
        ImGui::SameLine();
    }
    if (movie.year > 0) {
        ImGui::Text("%s (%d)", movie.title.c_str(), movie.year);
    } else {
        ImGui::TextUnformatted(movie.title.c_str());
    }
    ImGui::TextColored(colors::text_muted, "%s", catalogue.genres_text(index).c_str());
    if (why) draw_reasons(catalogue, *why);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    state.rects.record_last_item(id + "/title");

    ImGui::SameLine(right - stars_w - clear_w - ImGui::GetStyle().ItemSpacing.x);
    if (auto stars = star_rating(id, rating ? rating->stars : 0.0f, state.rects)) {
        rate_movie(state, platform, movie.id, *stars);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(k_similar)) show_similar(state, movie.id);
    state.rects.record_last_item(id + "/similar");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("More like this");
    if (rating) {
        ImGui::SameLine();
        if (ImGui::SmallButton(k_cross)) clear_rating(state, platform, movie.id);
        state.rects.record_last_item(id + "/clear");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove your rating");
    }
    ImGui::PopID();
    ImGui::Separator();
}

void draw_similar_panel(AppState& state, Platform& platform) {
    const Catalogue& catalogue = state.bundle->catalogue;
    if (ImGui::SmallButton("< Back")) {
        show_similar(state, 0);
        return;
    }
    state.rects.record_last_item("similar/back");
    ImGui::SameLine();
    ImGui::Text("More like %s", catalogue.movie(*catalogue.index_of(state.similar_to)).title.c_str());
    ImGui::Separator();
    const auto shown = state.similar;  // a copy: the buttons below may replace the list
    for (const auto& item : shown) draw_movie_row(state, platform, item.index, "similar", 0);
}

void draw_left_panel(AppState& state, Platform& platform) {
    if (state.similar_to != 0) {
        draw_similar_panel(state, platform);
        return;
    }
    if (state.searched_query.empty()) {
        ImGui::Text("Your ratings (%zu)", state.profile.ratings().size());
        ImGui::Separator();
        if (state.profile.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(colors::text_muted,
                               "Search for films you have seen and rate them: the more you rate, the better "
                               "\"For you\" gets. You can also rate the films on the right directly.");
            ImGui::PopTextWrapPos();
        }
        const auto ratings = state.profile.ratings();  // a copy: rating a row below changes the profile
        for (auto it = ratings.rbegin(); it != ratings.rend(); ++it) {
            if (auto index = state.bundle->catalogue.index_of(it->movie)) draw_movie_row(state, platform, *index, "rated", 0);
        }
        return;
    }
    ImGui::Text("Titles matching \"%s\"", state.searched_query.c_str());
    ImGui::Separator();
    if (state.search_results.empty()) ImGui::TextColored(colors::text_muted, "No title matches. Try fewer or other words.");
    for (ItemIndex index : state.search_results) draw_movie_row(state, platform, index, "search", 0);
}

void draw_for_you(AppState& state, Platform& platform) {
    ImGui::Text("For you");
    ImGui::SameLine();
    if (state.for_you_personal) {
        if (state.last_update_ms >= 0.0) {
            ImGui::TextColored(colors::text_muted, "from your %zu ratings, updated in %.1f ms",
                               state.profile.ratings().size(), state.last_update_ms);
        } else {
            ImGui::TextColored(colors::text_muted, "from your %zu ratings", state.profile.ratings().size());
        }
    } else {
        ImGui::TextColored(colors::text_muted, state.model_ready ? "start here: rate films you know"
                                                                 : "start here; the model is starting");
    }
    if (state.for_you_personal) {
        const float slider_w = 150.0f * state.pixel_ratio;
        ImGui::SameLine(ImGui::GetContentRegionMax().x - slider_w - ImGui::CalcTextSize("Variety").x -
                        ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::SetNextItemWidth(slider_w);
        if (ImGui::SliderFloat("Variety", &state.variety, 0.0f, 1.0f, "%.1f")) rerank_for_you(state);
        state.rects.record_last_item("variety");
    }
    ImGui::Separator();
    int rank = 1;
    const auto shown = state.for_you;  // copies: rating a row below may recompute the list
    const auto reasons = state.for_you_reasons;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        draw_movie_row(state, platform, shown[i].index, "foryou", rank++, i < reasons.size() ? &reasons[i] : nullptr);
    }
}

void draw_main(AppState& state, Platform& platform, const Fonts& fonts) {
    draw_header(state, fonts);
    draw_notices(state);
    const float footer_h = ImGui::GetFrameHeightWithSpacing();
    const float panel_h = ImGui::GetContentRegionAvail().y - footer_h;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float left_w = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * state.pixel_ratio, 12 * state.pixel_ratio));
    ImGui::BeginChild("left", ImVec2(left_w, panel_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    draw_left_panel(state, platform);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("for-you", ImVec2(0, panel_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    draw_for_you(state, platform);
    ImGui::EndChild();
    ImGui::PopStyleVar();

    const auto& manifest = state.bundle->manifest;
    ImGui::TextColored(colors::text_muted, "%zu ratings, kept only in this browser  |  %zu movies (%s, GroupLens)  |  model %s",
                       state.profile.ratings().size(), manifest.item_count, manifest.dataset_name.c_str(),
                       manifest.model_version.c_str());
}

}  // namespace

void draw_app(AppState& state, Platform& platform, const Fonts& fonts) {
    state.rects.begin_frame();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("CineLocal", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (state.phase == LoadPhase::failed) {
        draw_failure(state, fonts);
    } else if (state.phase == LoadPhase::loading || !state.bundle) {
        draw_loading(state, fonts);
    } else {
        draw_main(state, platform, fonts);
    }
    ImGui::End();
    ++state.frame;
}

}  // namespace cinelocal::ui
