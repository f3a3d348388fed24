// Movie night: load a friend's exported profile and get films for both of you.
#include "data_actions.h"
#include "icons.h"
#include "movie_night.h"
#include "screens.h"

namespace cinelocal::ui {

void draw_movie_night_screen(ScreenContext& ctx) {
    AppState& state = ctx.state;
    MovieNight& night = state.movie_night;
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted("Movie night");
    ImGui::PopFont();
    wrapped_muted("Films for two: load a friend's CineLocal file (they make it in Settings > Export your data). "
                  "It is read here, in your browser, and not kept after you close the page.");
    const std::string load_label = std::string(icons::upload) + "  Load a friend's profile";
    if (ImGui::Button(load_label.c_str()) && ctx.platform.open_file) ctx.platform.open_file(FilePurpose::movie_night_profile);
    state.rects.record_last_item("night/load");
    ImGui::SameLine();
    if (ImGui::Button((std::string(icons::download) + "  Export yours for them").c_str())) export_data(state, ctx.platform);
    state.rects.record_last_item("night/export");

    if (night.guest_name.empty()) return;
    ImGui::Spacing();
    ImGui::Text("You and %s (%zu ratings)", night.guest_name.c_str(), night.guest.ratings().size());
    ImGui::SameLine();
    if (ImGui::SmallButton("End")) {
        end_movie_night(state);
        return;
    }
    state.rects.record_last_item("night/end");
    int blend = night.blend == GroupBlend::least_misery ? 0 : 1;
    bool changed = ImGui::RadioButton("Both must like it", &blend, 0);
    state.rects.record_last_item("night/least-misery");
    ImGui::SameLine();
    changed |= ImGui::RadioButton("Best on average", &blend, 1);
    state.rects.record_last_item("night/average");
    if (changed) {
        night.blend = blend == 0 ? GroupBlend::least_misery : GroupBlend::average;
        refresh_movie_night(state);
    }
    if (state.user_vector.empty()) {
        wrapped_muted("Rate a few films first: the blend needs your taste as well.");
        return;
    }
    if (!night.problem.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(colors::error, "%s", night.problem.c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    if (night.picks.empty()) {
        ImGui::TextColored(colors::text_muted, "Working out your friend's taste...");
        return;
    }
    movie_grid(ctx, "night", night.picks);
}

}  // namespace cinelocal::ui
