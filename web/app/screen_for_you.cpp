// "For you": a first-visit welcome, films to rate next while ratings are few, the filters and the
// variety slider, then the grid of picks with their reasons.
#include <algorithm>

#include "app_actions.h"
#include "cinelocal/popularity_weight.h"
#include "icons.h"
#include "screens.h"

namespace cinelocal::ui {
namespace {

// A card with a background drawn behind its contents once their size is known.
void draw_welcome(ScreenContext& ctx) {
    AppState& state = ctx.state;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const float pad = ctx.px(16);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + pad, ImGui::GetCursorPosY() + pad));
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextColored(colors::accent, "Welcome to CineLocal");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - pad);
    ImGui::TextUnformatted("Movie recommendations computed entirely on this device. Your ratings stay in this browser: "
                           "no account, no server, no tracking.");
    ImGui::TextColored(colors::text_muted, "Rate a few films you know below (click the stars; half stars work too) or "
                                           "search for your favourites, and \"For you\" learns your taste.");
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Got it")) close_welcome(state, ctx.platform);
    state.rects.record_last_item("welcome/start");
    ImGui::EndGroup();
    const ImVec2 end(start.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y + pad);
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start, end, ImGui::GetColorU32(colors::card), ctx.px(10));
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y + ctx.px(10)));
}

// Once the welcome has folded away, a small link at the end of the heading's line brings it back.
void draw_welcome_link(ScreenContext& ctx) {
    const std::string label = std::string(icons::info) + "  How it works";
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
    ctx.state.rects.record_last_item("welcome/reopen");
}

// Asked once, after the first rating: posters come from another server, so the visitor decides.
// The answer belongs to the platform (one owner): once given here or in Settings, never asked again.
void draw_poster_question(ScreenContext& ctx) {
    AppState& state = ctx.state;
    if (!ctx.platform.set_poster_consent || !ctx.platform.poster_consent || state.profile.empty()) return;
    if (ctx.platform.poster_consent() != PosterConsent::unasked) return;
    ImGui::TextColored(colors::accent, "Show real posters?");
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(colors::text_muted, "They load from TMDB's image server, which then sees your IP address and the "
                                           "posters you view. Nothing else leaves this device.");
    ImGui::PopTextWrapPos();
    const bool allow = ImGui::Button("Show posters");
    state.rects.record_last_item("posters/allow");
    ImGui::SameLine();
    const bool refuse = ImGui::Button("No thanks");
    state.rects.record_last_item("posters/refuse");
    if (allow || refuse) ctx.platform.set_poster_consent(allow);  // allowing reloads the page with the image host allowed
}

// Mainstream <-> niche: five settings of the popularity weight in the score (popularity_weight.h;
// what each costs and does is measured in models/report). True when a change is to be saved.
bool draw_niche_control(ScreenContext& ctx) {
    static const char* k_names[] = {"Most mainstream", "More mainstream", "Mainstream ~ niche", "More niche", "Most niche"};
    static_assert(sizeof k_names / sizeof k_names[0] == k_niche_weights.size());
    AppState& state = ctx.state;
    int& level = state.profile.settings.niche_level;
    if (!ctx.narrow()) ImGui::SameLine();
    ImGui::SetNextItemWidth(ctx.px(170));
    ImGui::SliderInt("##niche", &level, k_min_niche_level, k_max_niche_level, k_names[level - k_min_niche_level],
                     ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput);
    state.rects.record_last_item("niche");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Left: films most people liked come first. Right: less known films that fit your taste "
                          "move up.");
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

    std::string genre_label = "Any genre";
    if (settings.genre_mask != 0) {
        genre_label.clear();
        for (std::size_t g = 0; g < catalogue.genre_names().size(); ++g) {
            if (!(settings.genre_mask & (1u << g))) continue;
            genre_label += (genre_label.empty() ? "" : ", ") + catalogue.genre_names()[g];
        }
    }
    // Phones: the two filters share the width; the slider goes to the next line.
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::SetNextItemWidth(ctx.narrow() ? half : ctx.px(190));
    if (ImGui::BeginCombo("##genres", genre_label.c_str())) {
        if (ImGui::Selectable("Any genre", settings.genre_mask == 0)) {
            settings.genre_mask = 0;
            changed = true;
        }
        for (std::size_t g = 0; g < catalogue.genre_names().size(); ++g) {
            bool on = settings.genre_mask & (1u << g);
            if (ImGui::Checkbox(catalogue.genre_names()[g].c_str(), &on)) {
                settings.genre_mask ^= (1u << g);
                changed = true;
            }
            state.rects.record_last_item("filter/genre:" + catalogue.genre_names()[g]);
        }
        ImGui::EndCombo();
    }
    state.rects.record_last_item("filter/genres");

    static const char* k_eras[] = {"Any year", "Before 1970", "1970s", "1980s", "1990s", "2000s", "2010s and later"};
    static const int k_era_bounds[][2] = {{0, 0}, {0, 1969}, {1970, 1979}, {1980, 1989}, {1990, 1999}, {2000, 2009}, {2010, 0}};
    int era = 0;
    for (int i = 0; i < 7; ++i) {
        if (settings.year_min == k_era_bounds[i][0] && settings.year_max == k_era_bounds[i][1]) era = i;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ctx.narrow() ? half : ctx.px(150));
    if (ImGui::Combo("##years", &era, k_eras, 7)) {
        settings.year_min = k_era_bounds[era][0];
        settings.year_max = k_era_bounds[era][1];
        changed = true;
    }
    state.rects.record_last_item("filter/years");

    if (state.for_you_personal) {
        if (!ctx.narrow()) ImGui::SameLine();
        ImGui::SetNextItemWidth(ctx.px(140));
        ImGui::SliderFloat("Variety", &settings.variety, 0.0f, 1.0f, "%.1f");
        state.rects.record_last_item("variety");
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
        ImGui::Text("Rate a few more");
        ImGui::SameLine();
        ImGui::TextColored(colors::text_muted, "familiar films that tell the most about your taste");
        movie_grid(ctx, "quick", state.quick_picks, {}, 112.0f);
    }

    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted("For you");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ctx.fonts.title->FontSize - ImGui::GetFontSize()) * 0.5f);
    if (state.for_you_personal) {
        if (state.last_update_ms >= 0.0) {
            ImGui::TextColored(colors::text_muted, "from your %zu ratings, updated in %.1f ms", state.profile.ratings().size(),
                               state.last_update_ms);
        } else {
            ImGui::TextColored(colors::text_muted, "from your %zu ratings", state.profile.ratings().size());
        }
    } else {
        ImGui::TextColored(colors::text_muted, state.model_ready ? "start here: rate films you know"
                                                                 : "start here; the taste model is starting");
    }
    if (!welcome) draw_welcome_link(ctx);
    draw_filters(ctx);
    ImGui::Spacing();
    if (state.for_you.empty()) {
        wrapped_muted("No film passes these filters. Widen the genre or year filter above.");
        return;
    }
    movie_grid(ctx, "foryou", state.for_you, state.for_you_reasons);
}

}  // namespace cinelocal::ui
