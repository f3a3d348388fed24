// A movie's page: poster, year, runtime, genres, overview, the visitor's rating, why it is
// recommended (the visitor's ratings that pull it up or down) and similar films.
#include <cstdio>

#include "app_actions.h"
#include "cinelocal/explain.h"
#include "icons.h"
#include "screens.h"
#include "star_rating.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

// Change stamps are Date.now() times; entries migrated from older profiles count 1, 2, 3... and
// have no date to show.
constexpr Stamp k_first_real_stamp = 946'684'800'000;  // 2000-01-01

void draw_reasons_list(ScreenContext& ctx, const Explanation& why) {
    const Catalogue& catalogue = ctx.state.bundle->catalogue;
    auto list = [&](const std::vector<Reason>& reasons, Text line) {
        for (const auto& reason : reasons) {
            auto index = catalogue.index_of(reason.movie);
            const Rating* rating = ctx.state.profile.find(reason.movie);
            if (!index || !rating) continue;
            std::string weight = reason.weight >= 0 ? "+" : "";  // signed, as "+0,42" or "-0,17"
            weight += decimal_text(reason.weight, 2);
            ImGui::Bullet();  // and the line wraps: a long title and a long language do not run off the page
            wrapped_text(tr(line, {{"title", catalogue.movie(*index).title},
                                   {"count", half_steps(rating->stars)},
                                   {"weight", weight}}));
        }
    };
    list(why.pulled_up, Text::movie_why_like);
    list(why.pushed_down, Text::movie_why_unlike);
}

void draw_facts(ScreenContext& ctx, const Movie& movie, ItemIndex index) {
    AppState& state = ctx.state;
    const Catalogue& catalogue = state.bundle->catalogue;
    ImGui::PushFont(ctx.fonts.title);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(movie.title.c_str());
    state.rects.record_last_item("movie/title", {.role = AccessRole::heading, .name = titled_with_year(movie)});
    ImGui::PopTextWrapPos();
    ImGui::PopFont();

    const MovieDetails* details = ctx.platform.movie_details ? ctx.platform.movie_details(movie.id, movie.tmdb_id) : nullptr;
    std::string facts = movie.year > 0 ? std::to_string(movie.year) : std::string(tr(Text::movie_year_unknown));
    if (details && details->runtime_minutes > 0) {
        facts += "  |  " + tr(Text::movie_runtime, {{"hours", details->runtime_minutes / 60},
                                                    {"minutes", details->runtime_minutes % 60}});
    }
    facts += "  |  " + genre_list(catalogue, index);
    wrapped_muted(facts.c_str());
    state.rects.record_last_item("movie/facts", {.role = AccessRole::text, .name = facts});
    ImGui::Spacing();

    const std::string id = "movie:" + std::to_string(movie.id);
    const Rating* rating = state.profile.find(movie.id);
    ImGui::TextUnformatted(tr(rating ? Text::movie_your_rating : Text::movie_rate_it));
    // Phones: the thumb-sized stars and buttons each get a line of their own (side by side they
    // would run off the screen).
    if (!ctx.narrow()) ImGui::SameLine();
    const std::string name = titled_with_year(movie);
    const float stars_w = std::min(ImGui::GetContentRegionAvail().x, ctx.px(260));
    if (auto stars = star_rating(id, rating ? rating->stars : 0.0f, state.rects, star_look(ctx, name, stars_w))) {
        rate_movie(state, ctx.platform, movie.id, *stars);
    }
    if (!ctx.narrow()) ImGui::SameLine();
    movie_actions(ctx, id, movie.id, name);
    if (rating = state.profile.find(movie.id); rating && rating->changed >= k_first_real_stamp) {
        ImGui::TextColored(colors::text_muted, "%s", tr(Text::movie_rated_on, {{"date", date_text(rating->changed)}}).c_str());
    }
    if (state.profile.is_seen(movie.id)) {
        wrapped_muted(tr(Text::movie_seen));
        same_line_if_fits(tr(Text::movie_suggest_again));
        if (ImGui::SmallButton(tr(Text::movie_suggest_again))) set_seen(state, ctx.platform, movie.id, false);
        state.rects.record_last_item(id + "/unsee", {.name = tr(Text::movie_suggest_again)});
    }
    if (auto predicted = predicted_stars(state, index)) {
        ImGui::TextColored(colors::accent, "%s %s", icons::star, decimal_text(*predicted, 1).c_str());
        ImGui::SameLine();
        wrapped_muted(tr(rating ? Text::movie_predicted_expected : Text::movie_predicted_for_you));
    }
    if (!catalogue.has_vectors(index)) {  // the catalogue policy left it search-only
        wrapped_muted(tr(rating ? Text::movie_search_only_rated : Text::movie_search_only_unrated));
    }
    ImGui::Spacing();

    ImGui::PushTextWrapPos(0.0f);
    if (details && !details->problem.empty()) {
        ImGui::TextColored(colors::error, "%s", tr(Text::movie_details_failed, {{"reason", details->problem}}).c_str());
    } else if (details && !details->overview.empty()) {
        ImGui::TextUnformatted(details->overview.c_str());  // TMDB's overviews are in English
        state.rects.record_last_item("movie/overview", {.role = AccessRole::text, .name = details->overview});
        ImGui::TextColored(colors::text_muted, "%s",
                           tr(details->has_poster ? Text::movie_overview_poster_credit : Text::movie_overview_credit));
    } else if (ctx.platform.movie_details) {
        ImGui::TextColored(colors::text_muted, "%s", tr(details ? Text::movie_no_overview : Text::movie_loading_overview));
    }
    ImGui::PopTextWrapPos();

    if (!state.profile.empty() && catalogue.has_vectors(index)) {  // a search-only film has no neighbours to cite
        ImGui::Spacing();
        wrapped_text(tr(Text::movie_why_title));
        const Explanation why = explain(catalogue, state.bundle->unit_rows, state.profile, index);
        if (why.pulled_up.empty() && why.pushed_down.empty()) {
            ImGui::TextColored(colors::text_muted, "%s", tr(Text::movie_why_none));
        }
        draw_reasons_list(ctx, why);
    }
}

}  // namespace

void draw_movie_page(ScreenContext& ctx) {
    AppState& state = ctx.state;
    const Catalogue& catalogue = state.bundle->catalogue;
    auto index = catalogue.index_of(state.detail_movie);
    if (ImGui::Button((std::string(icons::back) + "  " + tr(Text::movie_back)).c_str()) || !index) {
        open_movie(state, 0);
        return;
    }
    state.rects.record_last_item("movie/back", {.name = tr(Text::movie_back)});
    const Movie& movie = catalogue.movie(*index);
    ImGui::Spacing();
    const float poster_w = ctx.narrow() ? ctx.px(140) : ctx.px(230);
    ImGui::Dummy(ImVec2(poster_w, poster_w * 1.5f));
    draw_poster(ctx, *index, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!ctx.narrow()) ImGui::SameLine(0, ctx.px(24));
    ImGui::BeginGroup();
    draw_facts(ctx, movie, *index);
    ImGui::EndGroup();

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Text::movie_more_like, {{"title", movie.title}}).c_str());
    if (state.detail_similar.empty()) ImGui::TextColored(colors::text_muted, "%s", tr(Text::movie_no_similar));
    const auto similar = state.detail_similar;  // a copy: a click opens another page
    movie_grid(ctx, "similar", similar, {}, 140.0f);
}

}  // namespace cinelocal::ui
