#include "view_widgets.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "app_actions.h"
#include "icons.h"
#include "reason_line.h"
#include "star_rating.h"
#include "text.h"
#include "text_fit.h"

namespace cinelocal::ui {
namespace {

// One colour per genre index (cycled), dark enough for white text on top.
ImVec4 genre_colour(std::uint32_t genre_mask) {
    static const ImVec4 palette[] = {
        {0.55f, 0.18f, 0.16f, 1}, {0.20f, 0.38f, 0.55f, 1}, {0.16f, 0.45f, 0.36f, 1}, {0.50f, 0.36f, 0.12f, 1},
        {0.40f, 0.22f, 0.50f, 1}, {0.25f, 0.25f, 0.32f, 1}, {0.18f, 0.40f, 0.22f, 1}, {0.45f, 0.20f, 0.35f, 1},
        {0.22f, 0.30f, 0.50f, 1}, {0.30f, 0.30f, 0.30f, 1}, {0.42f, 0.10f, 0.12f, 1}, {0.15f, 0.35f, 0.45f, 1},
    };
    constexpr int count = sizeof palette / sizeof palette[0];
    for (int g = 0; g < 32; ++g) {
        if (genre_mask & (1u << g)) return palette[g % count];
    }
    return palette[5];
}

ImU32 darker(ImVec4 colour, float factor) {
    return ImGui::GetColorU32(ImVec4(colour.x * factor, colour.y * factor, colour.z * factor, 1.0f));
}

void icon_button_tooltip(const char* tip) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
}

void draw_card(ScreenContext& ctx, const std::string& list_id, ItemIndex index, const Explanation* why,
               ImVec2 origin, float width, float height) {
    AppState& state = ctx.state;
    const Catalogue& catalogue = state.bundle->catalogue;
    const Movie& movie = catalogue.movie(index);
    const std::string id = list_id + ":" + std::to_string(movie.id);
    ImGui::PushID(id.c_str());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 screen = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(screen, ImVec2(screen.x + width, screen.y + height), ImGui::GetColorU32(colors::card),
                        ctx.px(8));

    const float poster_h = width * 1.5f;
    const std::string name = titled_with_year(movie);
    const auto predicted = state.profile.find(movie.id) ? std::optional<float>() : predicted_stars(state, index);
    const std::string predicted_text = predicted ? decimal_text(*predicted, 1) : std::string();
    ImGui::SetCursorPos(origin);
    const bool open_pressed = ImGui::InvisibleButton("open", ImVec2(width, poster_h));
    state.rects.record_last_item(
        id + "/open", {.role = AccessRole::link,
                       .name = predicted ? tr(Text::access_card, {{"title", name}, {"stars", predicted_text}}) : name,
                       .group = name});
    const bool hovered = ImGui::IsItemHovered();
    draw_poster(ctx, index, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (hovered) {
        draw->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::GetColorU32(colors::accent), ctx.px(8), 0,
                      ctx.px(2));
        ImGui::SetTooltip("%s", tr(Text::card_open_tooltip, {{"title", movie.title}}).c_str());
    }
    if (open_pressed) open_movie(state, movie.id);

    const float pad = ctx.px(8);
    const float inner = width - 2 * pad;
    ImGui::SetCursorPos(ImVec2(origin.x + pad, origin.y + poster_h + ctx.px(6)));
    ImGui::TextUnformatted(fit_one_line(movie.title, inner).c_str());
    ImGui::PushFont(ctx.fonts.small);
    ImGui::SetCursorPosX(origin.x + pad);
    // The predicted stars lead the year's line, whose genres give way to them; the "why" line below
    // then has the card's whole width for the name of the film that explains the pick.
    float meta_width = inner;
    if (predicted) {
        // With the language's decimal mark ("4,2").
        ImGui::TextColored(colors::reason, "%s %s", icons::star, predicted_text.c_str());
        state.rects.record_last_item(id + "/predicted");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::card_predicted_tooltip));
        ImGui::SameLine();
        meta_width -= ImGui::GetItemRectSize().x + ImGui::GetStyle().ItemSpacing.x;
    }
    std::string meta = movie.year > 0 ? std::to_string(movie.year) : std::string();
    const std::string genres = genre_list(catalogue, index);
    if (!genres.empty()) meta += (meta.empty() ? "" : "  ") + genres;
    ImGui::TextColored(colors::text_muted, "%s", fit_one_line(meta, meta_width).c_str());
    ImGui::SetCursorPosX(origin.x + pad);
    const std::string line = why ? fit_reason_line(catalogue, *why, inner) : std::string();
    ImGui::TextColored(colors::reason, "%s", line.empty() ? " " : line.c_str());
    state.rects.record_last_item(id + "/reason");
    if (!line.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", reasons_text(catalogue, *why).c_str());
    ImGui::PopFont();

    const Rating* rating = state.profile.find(movie.id);
    ImGui::SetCursorPosX(origin.x + pad);
    if (auto stars = star_rating(id, rating ? rating->stars : 0.0f, state.rects, star_look(ctx, name, inner))) {
        rate_movie(state, ctx.platform, movie.id, *stars);
    }
    ImGui::SetCursorPosX(origin.x + pad);
    movie_actions(ctx, id, movie.id, name);
    ImGui::PopID();
}

}  // namespace

bool ScreenContext::narrow() const { return ImGui::GetIO().DisplaySize.x < 720.0f * state.pixel_ratio; }

float touch_target(const ScreenContext& ctx) { return ctx.narrow() ? ctx.px(44) : 0.0f; }

StarRatingLook star_look(const ScreenContext& ctx, const std::string& film_name, float row_width) {
    const float side = touch_target(ctx);
    return {.access_group = film_name, .touch_size = side > 0 ? ImVec2(row_width, side) : ImVec2(0, 0), .touch_target = side};
}

std::string titled_with_year(const Movie& movie) {
    return movie.year > 0 ? movie.title + " (" + std::to_string(movie.year) + ")" : movie.title;
}

std::string genre_list(const Catalogue& catalogue, ItemIndex index) {
    std::vector<std::string> names;
    const auto& genres = catalogue.genre_names();
    for (std::size_t g = 0; g < genres.size(); ++g) {
        if (catalogue.movie(index).genre_mask & (1u << g)) names.push_back(genre_name(genres[g]));
    }
    return list_text(names);
}

void draw_poster(const ScreenContext& ctx, ItemIndex index, ImVec2 min, ImVec2 max) {
    const Movie& movie = ctx.state.bundle->catalogue.movie(index);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ctx.px(8);
    if (ctx.platform.poster) {
        const PosterTexture poster = ctx.platform.poster(movie.id, movie.tmdb_id);
        if (poster.texture != 0) {
            draw->AddImageRounded(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(poster.texture)), min, max,
                                  ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, rounding, ImDrawFlags_RoundCornersTop);
            return;
        }
    }
    // A drawn poster: the genre's colour fading to dark, the title large, the year at the foot.
    const ImVec4 colour = genre_colour(movie.genre_mask);
    draw->AddRectFilledMultiColor(min, max, darker(colour, 1.0f), darker(colour, 1.0f), darker(colour, 0.35f),
                                  darker(colour, 0.35f));
    if (max.x - min.x < ctx.px(60)) return;  // a thumbnail: the colour alone, text would not fit
    const float pad = ctx.px(10);
    const float width = max.x - min.x - 2 * pad;
    ImFont* font = ctx.fonts.body;
    const float size = font->FontSize * 1.15f;
    draw->PushClipRect(min, max, true);
    draw->AddText(font, size, ImVec2(min.x + pad, min.y + pad + ctx.px(14)), IM_COL32(245, 240, 230, 255),
                  movie.title.c_str(), nullptr, width);
    if (movie.year > 0) {
        const std::string year = std::to_string(movie.year);
        draw->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(min.x + pad, max.y - pad - ctx.fonts.small->FontSize),
                      IM_COL32(235, 225, 210, 200), year.c_str());
    }
    draw->AddRectFilled(ImVec2(min.x + pad, min.y + pad), ImVec2(min.x + pad + ctx.px(28), min.y + pad + ctx.px(3)),
                        ImGui::GetColorU32(colors::accent));
    draw->PopClipRect();
}

void movie_grid(ScreenContext& ctx, const std::string& list_id, const std::vector<ScoredItem>& items,
                const std::vector<Explanation>& reasons, float card_css_width) {
    if (items.empty() || !ctx.state.bundle) return;
    const float gap = ctx.px(14);
    const float available = ImGui::GetContentRegionAvail().x;
    const int columns = std::max(2, static_cast<int>((available + gap) / (ctx.px(card_css_width) + gap)));
    const float width = (available - gap * float(columns - 1)) / float(columns);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float small_line = ctx.fonts.small->FontSize + ImGui::GetStyle().ItemSpacing.y;
    // The stars' row and the buttons' row: thumb-sized on phones.
    const float button_row = std::max(ImGui::GetFrameHeight(), touch_target(ctx)) + ImGui::GetStyle().ItemSpacing.y;
    const float height = width * 1.5f + ctx.px(6) + line + 2 * small_line + 2 * button_row + ctx.px(4);
    const ImVec2 start = ImGui::GetCursorPos();
    const auto shown = items;  // a copy: a click below may recompute the list
    const auto why = reasons;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const int column = static_cast<int>(i) % columns;
        const int row = static_cast<int>(i) / columns;
        const ImVec2 origin(start.x + float(column) * (width + gap), start.y + float(row) * (height + gap));
        ImGui::SetCursorPos(origin);
        draw_card(ctx, list_id, shown[i].index, i < why.size() ? &why[i] : nullptr, origin, width, height);
    }
    const int rows = (static_cast<int>(shown.size()) + columns - 1) / columns;
    ImGui::SetCursorPos(ImVec2(start.x, start.y + float(rows) * (height + gap)));
    ImGui::Dummy(ImVec2(available, 1));
}

void movie_actions(ScreenContext& ctx, const std::string& id, MovieId movie, const std::string& access_group) {
    AppState& state = ctx.state;
    const bool watching = state.profile.on_watchlist(movie);
    if (watching) ImGui::PushStyleColor(ImGuiCol_Text, colors::accent);
    const float side = touch_target(ctx);  // phones: thumb-sized buttons; elsewhere small ones
    auto action_button = [side](const char* icon) {
        return side > 0 ? ImGui::Button(icon, ImVec2(side, side)) : ImGui::SmallButton(icon);
    };
    const bool watch_clicked = action_button(watching ? icons::bookmark : icons::bookmark_empty);
    if (watching) ImGui::PopStyleColor();
    state.rects.record_last_item(id + "/watch", {.name = tr(Text::watchlist_add_tooltip), .group = access_group,
                                                 .checked = watching});
    icon_button_tooltip(tr(watching ? Text::watchlist_on_tooltip : Text::watchlist_add_tooltip));
    if (watch_clicked) set_on_watchlist(state, ctx.platform, movie, !watching);

    ImGui::SameLine();
    const bool hidden = state.profile.is_not_interested(movie);
    if (action_button(hidden ? icons::eye : icons::eye_slash)) set_not_interested(state, ctx.platform, movie, !hidden);
    state.rects.record_last_item(id + "/hide", {.name = tr(Text::hide_tooltip), .group = access_group, .checked = hidden});
    icon_button_tooltip(tr(hidden ? Text::hidden_tooltip : Text::hide_tooltip));

    if (state.profile.find(movie)) {
        ImGui::SameLine();
        if (action_button(icons::times)) clear_rating(state, ctx.platform, movie);
        state.rects.record_last_item(id + "/clear", {.name = tr(Text::clear_rating_tooltip), .group = access_group});
        icon_button_tooltip(tr(Text::clear_rating_tooltip));
    }
}

void movie_row(ScreenContext& ctx, const std::string& list_id, ItemIndex index) {
    AppState& state = ctx.state;
    const Catalogue& catalogue = state.bundle->catalogue;
    const Movie& movie = catalogue.movie(index);
    const Rating* rating = state.profile.find(movie.id);
    const std::string id = list_id + ":" + std::to_string(movie.id);
    ImGui::PushID(id.c_str());

    const float thumb_h = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().ItemSpacing.y;
    const float thumb_w = thumb_h / 1.5f;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float actions_w = 3 * (ImGui::CalcTextSize(icons::bookmark).x + 2 * style.FramePadding.x + style.ItemSpacing.x);
    const float stars_w = ImGui::CalcTextSize("\xe2\x98\x85").x * 5 + ctx.px(12);  // star_rating's width
    const float right = ImGui::GetContentRegionMax().x;
    const bool stacked = ctx.narrow();  // phones: stars and actions on a line of their own
    const float text_w = stacked ? right - thumb_w : right - thumb_w - stars_w - actions_w - ctx.px(24);

    const std::string title = titled_with_year(movie);
    if (ImGui::InvisibleButton("open", ImVec2(thumb_w, thumb_h))) open_movie(state, movie.id);
    state.rects.record_last_item(id + "/open", {.role = AccessRole::link, .name = title, .group = title});
    draw_poster(ctx, index, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(fit_one_line(title, text_w).c_str());
    if (ImGui::IsItemClicked()) open_movie(state, movie.id);
    ImGui::TextColored(colors::text_muted, "%s", fit_one_line(genre_list(catalogue, index), text_w).c_str());
    ImGui::EndGroup();
    state.rects.record_last_item(id + "/title");

    if (!stacked) ImGui::SameLine(right - stars_w - actions_w);
    if (auto stars = star_rating(id, rating ? rating->stars : 0.0f, state.rects, star_look(ctx, title, stacked ? ctx.px(170) : stars_w))) {
        rate_movie(state, ctx.platform, movie.id, *stars);
    }
    ImGui::SameLine();
    movie_actions(ctx, id, movie.id, title);
    ImGui::PopID();
    ImGui::Separator();
}

void wrapped_muted(const char* text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(colors::text_muted, "%s", text);
    ImGui::PopTextWrapPos();
}

void wrapped_text(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

float combo_width(const char* text) {
    return ImGui::CalcTextSize(text).x + 2 * ImGui::GetStyle().FramePadding.x + ImGui::GetFrameHeight();
}

void same_line_if_fits(const char* next_label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float next_w = ImGui::CalcTextSize(next_label, nullptr, true).x + 2 * style.FramePadding.x;
    const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + next_w;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

}  // namespace cinelocal::ui
