// The watchlist: films the visitor wants to see, newest first.
#include "screens.h"
#include "text.h"

namespace cinelocal::ui {

void draw_watchlist_screen(ScreenContext& ctx) {
    AppState& state = ctx.state;
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(tr(Text::watchlist_title, {{"count", state.profile.watchlist().size()}}).c_str());
    ImGui::PopFont();
    std::vector<ScoredItem> items;
    const auto& watchlist = state.profile.watchlist();
    for (auto it = watchlist.rbegin(); it != watchlist.rend(); ++it) {
        if (auto index = state.bundle->catalogue.index_of(*it)) items.push_back({*index, 0.0f});
    }
    if (items.empty()) {
        wrapped_muted(tr(Text::watchlist_empty));
        return;
    }
    movie_grid(ctx, "watchlist", items);
}

}  // namespace cinelocal::ui
