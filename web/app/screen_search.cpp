// Search: titles as you type (typos forgiven). Typing never rates anything; the stars do.
#include "screens.h"

namespace cinelocal::ui {

void draw_search_screen(ScreenContext& ctx) {
    AppState& state = ctx.state;
    if (state.searched_query.empty()) {
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextUnformatted("Search");
        ImGui::PopFont();
        wrapped_muted("Type a title in the box above: results appear as you type, and a typo or two is fine. "
                      "Rate with the stars; click a poster for the film's page.");
        return;
    }
    ImGui::Text("Titles matching \"%s\"", state.searched_query.c_str());
    ImGui::Separator();
    if (state.search_results.empty()) {
        ImGui::TextColored(colors::text_muted, "No title matches. Try fewer or other words.");
        return;
    }
    const auto results = state.search_results;  // a copy: rating a row may change the state
    for (ItemIndex index : results) movie_row(ctx, "search", index);
}

}  // namespace cinelocal::ui
