// Movie night: load a friend's exported profile and get films for both of you.
#include "data_actions.h"
#include "icons.h"
#include "movie_night.h"
#include "screens.h"
#include "text.h"

namespace cinelocal::ui {

void draw_movie_night_screen(ScreenContext& ctx) {
    AppState& state = ctx.state;
    MovieNight& night = state.movie_night;
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(tr(Text::nav_movie_night));
    ImGui::PopFont();
    wrapped_muted(tr(Text::night_intro));
    const std::string load_label = std::string(icons::upload) + "  " + tr(Text::night_load);
    if (ImGui::Button(load_label.c_str()) && ctx.platform.open_file) ctx.platform.open_file(FilePurpose::movie_night_profile);
    state.rects.record_last_item("night/load", {.name = tr(Text::night_load)});
    const std::string export_label = std::string(icons::download) + "  " + tr(Text::night_export);
    same_line_if_fits(export_label.c_str());
    if (ImGui::Button(export_label.c_str())) export_data(state, ctx.platform);
    state.rects.record_last_item("night/export", {.name = tr(Text::night_export)});

    if (night.guest_name.empty()) return;
    ImGui::Spacing();
    ImGui::TextUnformatted(
        tr(Text::night_with, {{"name", night.guest_name}, {"count", night.guest.ratings().size()}}).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Text::night_end))) {
        end_movie_night(state);
        return;
    }
    state.rects.record_last_item("night/end", {.name = tr(Text::night_end)});
    int blend = night.blend == GroupBlend::least_misery ? 0 : 1;
    bool changed = ImGui::RadioButton(tr(Text::night_least_misery), &blend, 0);
    state.rects.record_last_item("night/least-misery", {.role = AccessRole::choice, .name = tr(Text::night_least_misery), .checked = blend == 0});
    ImGui::SameLine();
    changed |= ImGui::RadioButton(tr(Text::night_average), &blend, 1);
    state.rects.record_last_item("night/average", {.role = AccessRole::choice, .name = tr(Text::night_average), .checked = blend == 1});
    if (changed) {
        night.blend = blend == 0 ? GroupBlend::least_misery : GroupBlend::average;
        refresh_movie_night(state);
    }
    if (state.user_vector.empty()) {
        wrapped_muted(tr(Text::night_needs_your_taste));
        return;
    }
    if (!night.problem.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(colors::error, "%s", night.problem.c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    if (night.picks.empty()) {
        ImGui::TextColored(colors::text_muted, "%s", tr(Text::night_working));
        return;
    }
    movie_grid(ctx, "night", night.picks);
}

}  // namespace cinelocal::ui
