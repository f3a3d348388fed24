// "Your taste": the visitor's ratings (edit or remove), a genre profile (how many films of each
// genre they rated and how much they liked them), and the map of the catalogue with their
// ratings and recommendations on it.
#include <algorithm>
#include <cmath>

#include "screens.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

struct GenreStat {
    std::string name;
    int count = 0;
    float mean = 0;
};

std::vector<GenreStat> genre_profile(const AppState& state) {
    const Catalogue& catalogue = state.bundle->catalogue;
    std::vector<GenreStat> stats(catalogue.genre_names().size());
    for (std::size_t g = 0; g < stats.size(); ++g) stats[g].name = genre_name(catalogue.genre_names()[g]);
    for (const auto& rating : state.profile.ratings()) {
        auto index = catalogue.index_of(rating.movie);
        if (!index) continue;
        for (std::size_t g = 0; g < stats.size(); ++g) {
            if (!(catalogue.movie(*index).genre_mask & (1u << g))) continue;
            stats[g].mean += rating.stars;
            ++stats[g].count;
        }
    }
    std::erase_if(stats, [](const GenreStat& s) { return s.count == 0; });
    for (auto& s : stats) s.mean /= float(s.count);
    std::sort(stats.begin(), stats.end(), [](const GenreStat& a, const GenreStat& b) { return a.count > b.count; });
    return stats;
}

// One bar per genre: its length is the number of films rated, its colour the mean stars.
void draw_genre_profile(ScreenContext& ctx) {
    const auto stats = genre_profile(ctx.state);
    if (stats.empty()) {
        wrapped_muted(tr(Text::taste_genre_profile_empty));
        return;
    }
    // The columns are as wide as this language's longest genre name and count line.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    int most = 0;
    float label_w = ctx.px(110), stat_w = 0.0f;
    std::vector<std::string> counted;
    for (const auto& s : stats) {
        most = std::max(most, s.count);
        label_w = std::max(label_w, ImGui::CalcTextSize(s.name.c_str()).x + gap);
        counted.push_back(tr(Text::taste_genre_stat, {{"count", s.count}, {"stars", Decimal{s.mean, 1}}}));
        stat_w = std::max(stat_w, ImGui::CalcTextSize(counted.back().c_str()).x);
    }
    const float bar_max = std::max(ctx.px(40), ImGui::GetContentRegionAvail().x - label_w - stat_w - 2 * gap);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < stats.size(); ++i) {
        const GenreStat& s = stats[i];
        ImGui::TextUnformatted(s.name.c_str());
        ImGui::SameLine(label_w);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float bar_w = bar_max * float(s.count) / float(most);
        const float h = ImGui::GetTextLineHeight();
        const float liking = (s.mean - 0.5f) / 4.5f;  // 0 (0.5 stars) .. 1 (5 stars)
        const ImVec4 colour(0.45f + 0.5f * liking, 0.30f + 0.4f * liking, 0.35f - 0.15f * liking, 1.0f);
        draw->AddRectFilled(at, ImVec2(at.x + bar_w, at.y + h), ImGui::GetColorU32(colour), ctx.px(3));
        ImGui::Dummy(ImVec2(bar_w, h));
        ImGui::SameLine();
        ImGui::TextColored(colors::text_muted, "%s", counted[i].c_str());
    }
}

ImVec2 map_position(MapPoint point, ImVec2 min, ImVec2 max) {
    return ImVec2(min.x + (point.x * 0.5f + 0.5f) * (max.x - min.x), min.y + (0.5f - point.y * 0.5f) * (max.y - min.y));
}

// Every movie a faint dot; the visitor's ratings coloured from red (low) to gold (high);
// the current picks as rings. Hovering shows the nearest movie's title.
void draw_map(ScreenContext& ctx) {
    AppState& state = ctx.state;
    if (state.taste_map.empty()) {
        state.taste_map = taste_map(state.bundle->unit_rows);
    }
    if (state.taste_map.empty()) return;
    const float side = std::min(ImGui::GetContentRegionAvail().x, ctx.px(520));
    ImGui::InvisibleButton("taste-map", ImVec2(side, side * 0.75f));
    state.rects.record_last_item("taste/map");
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, ImGui::GetColorU32(colors::card), ctx.px(8));
    const float pad = ctx.px(8);
    const ImVec2 inner_min(min.x + pad, min.y + pad), inner_max(max.x - pad, max.y - pad);
    auto at = [&](ItemIndex index) {
        return map_position(state.taste_map[static_cast<std::size_t>(index)], inner_min, inner_max);
    };
    const ImU32 faint = IM_COL32(150, 155, 175, 60);
    const float dot = std::max(1.0f, ctx.px(1.2f));
    for (std::size_t i = 0; i < state.taste_map.size(); ++i) {
        const ImVec2 p = at(static_cast<ItemIndex>(i));
        draw->AddRectFilled(ImVec2(p.x - dot, p.y - dot), ImVec2(p.x + dot, p.y + dot), faint);
    }
    for (const auto& item : state.for_you) draw->AddCircle(at(item.index), ctx.px(5), ImGui::GetColorU32(colors::accent), 12, ctx.px(1.5f));
    const Catalogue& catalogue = state.bundle->catalogue;
    for (const auto& rating : state.profile.ratings()) {
        auto index = catalogue.index_of(rating.movie);
        if (!index || !catalogue.has_vectors(*index)) continue;  // the map shows films with vectors
        const float liking = (rating.stars - 0.5f) / 4.5f;
        draw->AddCircleFilled(at(*index), ctx.px(4.5f),
                              ImGui::GetColorU32(ImVec4(0.9f, 0.3f + 0.45f * liking, 0.25f - 0.05f * liking, 1.0f)));
    }
    if (ImGui::IsItemHovered()) {  // the nearest movie to the mouse, within a few pixels
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        float best = ctx.px(8) * ctx.px(8);
        ItemIndex nearest = -1;
        for (std::size_t i = 0; i < state.taste_map.size(); ++i) {
            const ImVec2 p = at(static_cast<ItemIndex>(i));
            const float d = (p.x - mouse.x) * (p.x - mouse.x) + (p.y - mouse.y) * (p.y - mouse.y);
            if (d < best) {
                best = d;
                nearest = static_cast<ItemIndex>(i);
            }
        }
        if (nearest >= 0) ImGui::SetTooltip("%s", catalogue.movie(nearest).title.c_str());
    }
    wrapped_muted(tr(Text::taste_map_legend));
}

}  // namespace

void draw_taste_screen(ScreenContext& ctx) {
    AppState& state = ctx.state;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const bool stacked = ctx.narrow();
    const float left_w = stacked ? 0.0f : (ImGui::GetContentRegionAvail().x - gap) * 0.5f;

    ImGui::BeginChild("ratings", ImVec2(left_w, stacked ? ImGui::GetContentRegionAvail().y * 0.5f : 0), false);
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(tr(Text::taste_your_ratings, {{"count", state.profile.ratings().size()}}).c_str());
    ImGui::PopFont();
    if (state.profile.empty()) wrapped_muted(tr(Text::taste_no_ratings));
    const auto ratings = state.profile.ratings();  // a copy: editing a row changes the profile
    const Catalogue& catalogue = state.bundle->catalogue;
    std::size_t unknown = 0, search_only = 0;
    for (auto it = ratings.rbegin(); it != ratings.rend(); ++it) {
        if (auto index = catalogue.index_of(it->movie)) {
            movie_row(ctx, "rated", *index);
            if (!catalogue.has_vectors(*index)) ++search_only;
        } else {
            ++unknown;
        }
    }
    if (search_only > 0) wrapped_muted(tr(Text::taste_search_only, {{"count", search_only}}).c_str());
    if (unknown > 0) wrapped_muted(tr(Text::taste_unknown_films, {{"count", unknown}}).c_str());
    ImGui::EndChild();
    if (!stacked) ImGui::SameLine();
    ImGui::BeginChild("taste", ImVec2(0, 0), false);
    ImGui::TextUnformatted(tr(Text::taste_genre_profile));
    draw_genre_profile(ctx);
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Text::taste_map_title));
    draw_map(ctx);
    ImGui::EndChild();
}

}  // namespace cinelocal::ui
