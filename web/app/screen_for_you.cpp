// "For you": a first-visit welcome, films to rate next while ratings are few, the filters and the
// variety slider, then the grid of picks with their reasons.
#include <algorithm>
#include <cmath>

#include "access_mirror.h"
#include "app_actions.h"
#include "cinelocal/popularity_weight.h"
#include "icons.h"
#include "screens.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

// A card with a background drawn behind its contents once their size is known.
void draw_welcome(ScreenContext& ctx) {
    AppState& state = ctx.state;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const float pad = ctx.px(16);
    if (state.welcome_scroll_pending) {  // "How it works" was pressed further down the page
        ImGui::SetScrollHereY(0.0f);
        state.welcome_scroll_pending = false;
    }
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + pad, ImGui::GetCursorPosY() + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - pad);  // the title too: "Te damos la bienvenida..." on a phone
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextColored(colors::accent, "%s", tr(Text::welcome_title));
    ImGui::PopFont();
    ImGui::TextUnformatted(tr(Text::welcome_body));
    ImGui::TextColored(colors::text_muted, "%s", tr(Text::welcome_hint));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr(Text::welcome_got_it))) close_welcome(state, ctx.platform);
    state.rects.record_last_item("welcome/start", {.name = tr(Text::welcome_got_it)});
    ImGui::EndGroup();
    const ImVec2 end(start.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y + pad);
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start, end, ImGui::GetColorU32(colors::card), ctx.px(10));
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y + ctx.px(10)));
}

// Once the welcome has folded away, a small link at the end of the heading's line brings it back.
void draw_welcome_link(ScreenContext& ctx) {
    const std::string label = std::string(icons::info) + "  " + tr(Text::welcome_reopen);
    const float width = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    const float right = ImGui::GetContentRegionMax().x - width;
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + ImGui::GetStyle().ItemSpacing.x <= right) {
        ImGui::SetCursorPosX(right);
    } else {
        ImGui::NewLine();  // a phone: no room beside the status text
    }
    ImGui::PushStyleColor(ImGuiCol_Text, colors::text_muted);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    if (ImGui::SmallButton(label.c_str())) reopen_welcome(ctx.state);
    ImGui::PopStyleColor(2);
    ctx.state.rects.record_last_item("welcome/reopen", {.name = tr(Text::welcome_reopen)});
}

// Asked once, after the first rating: posters come from another server, so the visitor decides.
// The answer belongs to the platform (one owner): once given here or in Settings, never asked again.
void draw_poster_question(ScreenContext& ctx) {
    AppState& state = ctx.state;
    if (!ctx.platform.set_poster_consent || !ctx.platform.poster_consent || state.profile.empty()) return;
    if (ctx.platform.poster_consent() != PosterConsent::unasked) return;
    ImGui::TextColored(colors::accent, "%s", tr(Text::posters_question));
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(colors::text_muted, "%s", tr(Text::posters_question_detail));
    ImGui::PopTextWrapPos();
    const bool allow = ImGui::Button(tr(Text::posters_allow));
    state.rects.record_last_item("posters/allow", {.name = tr(Text::posters_allow)});
    ImGui::SameLine();
    const bool refuse = ImGui::Button(tr(Text::posters_refuse));
    state.rects.record_last_item("posters/refuse", {.name = tr(Text::posters_refuse)});
    if (allow || refuse) ctx.platform.set_poster_consent(allow);  // allowing reloads the page with the image host allowed
}

// Mainstream <-> niche: five settings of the popularity weight in the score (popularity_weight.h;
// what each costs and does is measured in models/report). True when a change is to be saved.
bool draw_niche_control(ScreenContext& ctx) {
    static constexpr Text k_names[] = {Text::niche_most_mainstream, Text::niche_more_mainstream, Text::niche_balanced,
                                       Text::niche_more_niche, Text::niche_most_niche};
    static_assert(std::size(k_names) == k_niche_weights.size());
    AppState& state = ctx.state;
    int& level = state.profile.settings.niche_level;
    if (!ctx.narrow()) ImGui::SameLine();
    float widest = 0.0f;  // as wide as the longest setting's words, whatever the language
    for (Text name : k_names) widest = std::max(widest, combo_width(tr(name)));
    ImGui::SetNextItemWidth(std::max(ctx.px(170), widest));
    ImGui::SliderInt("##niche", &level, k_min_niche_level, k_max_niche_level, tr(k_names[level - k_min_niche_level]),
                     ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput);
    state.rects.record_last_item("niche", {.role = AccessRole::slider, .name = tr(Text::access_niche), .value = level,
                                           .min = k_min_niche_level, .max = k_max_niche_level,
                                           .value_text = tr(k_names[level - k_min_niche_level])});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::niche_tooltip));
    if (const int steps = take_adjustment(state, "niche")) {  // its twin's arrow keys
        level = std::clamp(level + steps, k_min_niche_level, k_max_niche_level);
        return true;
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) return true;
    if (ImGui::IsItemEdited()) rerank_for_you(state);  // live while dragging; saved on release
    return false;
}

// Genre and decade filters, and the variety and mainstream <-> niche sliders, on one line (wrapping on phones).
void draw_filters(ScreenContext& ctx) {
    AppState& state = ctx.state;
    ProfileSettings& settings = state.profile.settings;
    const Catalogue& catalogue = state.bundle->catalogue;
    bool changed = false;

    std::string genre_label = tr(Text::filter_any_genre);
    if (settings.genre_mask != 0) {
        genre_label.clear();
        for (std::size_t g = 0; g < catalogue.genre_names().size(); ++g) {
            if (!(settings.genre_mask & (1u << g))) continue;
            genre_label += (genre_label.empty() ? "" : ", ") + genre_name(catalogue.genre_names()[g]);
        }
    }
    static constexpr Text k_era_names[] = {Text::era_any,   Text::era_before_1970, Text::era_1970s, Text::era_1980s,
                                           Text::era_1990s, Text::era_2000s,       Text::era_2010s_on};
    static const int k_era_bounds[][2] = {{0, 0}, {0, 1969}, {1970, 1979}, {1980, 1989}, {1990, 1999}, {2000, 2009}, {2010, 0}};
    const char* k_eras[7];
    float widest_era = 0.0f;
    for (int i = 0; i < 7; ++i) widest_era = std::max(widest_era, combo_width(k_eras[i] = tr(k_era_names[i])));
    const float genre_w = combo_width(tr(Text::filter_any_genre));
    // Phones: the two filters share the width when their words fit in half of it (else one per
    // line); the slider goes to the next line. Wider windows: as wide as the longest choice.
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const bool one_per_line = ctx.narrow() && std::max(genre_w, widest_era) > half;
    const float phone_w = one_per_line ? -1.0f : half;
    ImGui::SetNextItemWidth(ctx.narrow() ? phone_w : std::max(ctx.px(190), genre_w));
    if (ImGui::BeginCombo("##genres", genre_label.c_str())) {
        if (ImGui::Selectable(tr(Text::filter_any_genre), settings.genre_mask == 0)) {
            settings.genre_mask = 0;
            changed = true;
        }
        for (std::size_t g = 0; g < catalogue.genre_names().size(); ++g) {
            bool on = settings.genre_mask & (1u << g);
            if (ImGui::Checkbox(genre_name(catalogue.genre_names()[g]).c_str(), &on)) {
                settings.genre_mask ^= (1u << g);
                changed = true;
            }
            state.rects.record_last_item("filter/genre:" + catalogue.genre_names()[g],
                                         {.role = AccessRole::checkbox, .name = genre_name(catalogue.genre_names()[g]), .checked = on});
        }
        ImGui::EndCombo();
    }
    state.rects.record_last_item("filter/genres", {.role = AccessRole::combobox,
                                                   .name = std::string(tr(Text::access_genre_filter)) + ": " + genre_label});

    int era = 0;
    for (int i = 0; i < 7; ++i) {
        if (settings.year_min == k_era_bounds[i][0] && settings.year_max == k_era_bounds[i][1]) era = i;
    }
    if (!one_per_line) ImGui::SameLine();
    ImGui::SetNextItemWidth(ctx.narrow() ? phone_w : std::max(ctx.px(150), widest_era));
    // Its twin is a slider over the seven periods (arrow keys), not a list that opens.
    const int asked_era = std::clamp(era + take_adjustment(state, "filter/years"), 0, 6);
    const bool twin_moved = asked_era != era;
    era = asked_era;
    if (ImGui::Combo("##years", &era, k_eras, 7) || twin_moved) {
        settings.year_min = k_era_bounds[era][0];
        settings.year_max = k_era_bounds[era][1];
        changed = true;
    }
    state.rects.record_last_item("filter/years", {.role = AccessRole::slider, .name = tr(Text::access_year_filter),
                                                  .value = era, .min = 0, .max = 6, .value_text = k_eras[era]});

    if (state.for_you_personal) {
        if (!ctx.narrow()) ImGui::SameLine();
        ImGui::SetNextItemWidth(ctx.px(140));
        const std::string shown = decimal_text(settings.variety, 1);  // "0,3" where commas are decimal points
        if (ImGui::SliderFloat(tr(Text::variety), &settings.variety, 0.0f, 1.0f, shown.c_str())) {
            settings.variety = std::round(settings.variety * 10.0f) / 10.0f;  // the steps the label shows
        }
        const int tenths = int(std::lround(settings.variety * 10.0f));
        state.rects.record_last_item("variety", {.role = AccessRole::slider, .name = tr(Text::variety), .value = tenths,
                                                 .min = 0, .max = 10, .value_text = shown});
        if (const int steps = take_adjustment(state, "variety")) {  // its twin's arrow keys, a tenth each
            settings.variety = float(std::clamp(tenths + steps, 0, 10)) / 10.0f;
            changed = true;
        }
        if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;
        else if (ImGui::IsItemEdited()) rerank_for_you(state);  // live while dragging; saved on release
        changed |= draw_niche_control(ctx);
    }
    if (changed) apply_settings(state, ctx.platform);
}

}  // namespace

void draw_for_you_screen(ScreenContext& ctx) {
    AppState& state = ctx.state;
    const bool welcome = welcome_shown(state);
    if (welcome) draw_welcome(ctx);
    draw_poster_question(ctx);

    if (!state.quick_picks.empty() && state.for_you_personal) {
        ImGui::TextUnformatted(tr(Text::rate_more_title));
        ImGui::SameLine();
        wrapped_muted(tr(Text::rate_more_detail));
        movie_grid(ctx, "quick", state.quick_picks, {}, 112.0f);
    }

    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(tr(Text::for_you_title));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ctx.fonts.title->FontSize - ImGui::GetFontSize()) * 0.5f);
    if (state.for_you_personal) {
        const std::size_t count = state.profile.ratings().size();
        const std::string from =
            state.for_you_provisional
                ? tr(state.taste_model_problem.empty() ? Text::for_you_from_ratings_provisional
                                                       : Text::for_you_from_ratings_simpler,
                     {{"count", count}})
            : state.last_update_ms >= 0.0
                ? tr(Text::for_you_from_ratings_updated, {{"count", count}, {"ms", Decimal{state.last_update_ms, 1}}})
                : tr(Text::for_you_from_ratings, {{"count", count}});
        wrapped_muted(from.c_str());
    } else {
        wrapped_muted(tr(state.model_ready ? Text::for_you_start : Text::for_you_start_model_loading));
    }
    if (!welcome) draw_welcome_link(ctx);
    draw_filters(ctx);
    ImGui::Spacing();
    if (state.for_you.empty()) {
        wrapped_muted(tr(Text::for_you_empty));
        return;
    }
    movie_grid(ctx, "foryou", state.for_you, state.for_you_reasons);
}

}  // namespace cinelocal::ui
