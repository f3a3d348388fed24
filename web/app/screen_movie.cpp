// A movie's page: poster, year, runtime, genres, overview, the visitor's rating, why it is
// recommended (the visitor's ratings that pull it up or down) and similar films.
#include <cstdio>

#include "app_actions.h"
#include "cinelocal/explain.h"
#include "icons.h"
#include "screens.h"
#include "star_rating.h"

namespace cinelocal::ui {
namespace {

void draw_reasons_list(ScreenContext& ctx, const Explanation& why) {
    const Catalogue& catalogue = ctx.state.bundle->catalogue;
    auto list = [&](const std::vector<Reason>& reasons, const char* verb) {
        for (const auto& reason : reasons) {
            auto index = catalogue.index_of(reason.movie);
            const Rating* rating = ctx.state.profile.find(reason.movie);
            if (!index || !rating) continue;
            ImGui::BulletText("%s %s (you gave %.1f stars; weight %+.2f)", verb, catalogue.movie(*index).title.c_str(),
                              double(rating->stars), double(reason.weight));
        }
    };
    list(why.pulled_up, "Like");
    list(why.pushed_down, "Unlike");
}

void draw_facts(ScreenContext& ctx, const Movie& movie, ItemIndex index) {
    AppState& state = ctx.state;
    const Catalogue& catalogue = state.bundle->catalogue;
    ImGui::PushFont(ctx.fonts.title);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(movie.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();

    const MovieDetails* details = ctx.platform.movie_details ? ctx.platform.movie_details(movie.id, movie.tmdb_id) : nullptr;
    std::string facts = movie.year > 0 ? std::to_string(movie.year) : std::string("Year unknown");
    if (details && details->runtime_minutes > 0) {
        facts += "  |  " + std::to_string(details->runtime_minutes / 60) + " h " + std::to_string(details->runtime_minutes % 60) + " min";
    }
    facts += "  |  " + catalogue.genres_text(index);
    ImGui::TextColored(colors::text_muted, "%s", facts.c_str());
    ImGui::Spacing();

    const std::string id = "movie:" + std::to_string(movie.id);
    const Rating* rating = state.profile.find(movie.id);
    ImGui::TextUnformatted(rating ? "Your rating" : "Rate it");
    ImGui::SameLine();
    if (auto stars = star_rating(id, rating ? rating->stars : 0.0f, state.rects)) rate_movie(state, ctx.platform, movie.id, *stars);
    ImGui::SameLine();
    movie_actions(ctx, id, movie.id);
    if (state.profile.is_seen(movie.id)) {
        ImGui::TextColored(colors::text_muted, "You have seen it (an imported film without stars): never suggested.");
        ImGui::SameLine();
        if (ImGui::SmallButton("Suggest it again")) set_seen(state, ctx.platform, movie.id, false);
        state.rects.record_last_item(id + "/unsee");
    }
    if (auto predicted = predicted_stars(state, index)) {
        ImGui::TextColored(colors::accent, "%s %.1f", icons::star, double(*predicted));
        ImGui::SameLine();
        ImGui::TextColored(colors::text_muted, rating ? "what CineLocal expected you to give it"
                                                      : "predicted for you from your ratings");
    }
    if (!catalogue.has_vectors(index)) {  // the catalogue policy left it search-only
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(colors::text_muted, "%s",
                           rating ? "Too few people rated this film for the model to learn it: your rating is kept "
                                    "and exported, but it does not change your recommendations."
                                  : "Too few people rated this film for the model to learn it: CineLocal cannot "
                                    "predict your rating or recommend it. You can still rate it and keep it.");
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();

    ImGui::PushTextWrapPos(0.0f);
    if (details && !details->problem.empty()) {
        ImGui::TextColored(colors::error, "%s", details->problem.c_str());
    } else if (details && !details->overview.empty()) {
        ImGui::TextUnformatted(details->overview.c_str());
        ImGui::TextColored(colors::text_muted, "Overview%s from TMDB.", details->has_poster ? " and poster" : "");
    } else if (ctx.platform.movie_details) {
        ImGui::TextColored(colors::text_muted, details ? "No overview for this film." : "Loading the overview...");
    }
    ImGui::PopTextWrapPos();

    if (!state.profile.empty() && catalogue.has_vectors(index)) {  // a search-only film has no neighbours to cite
        ImGui::Spacing();
        ImGui::TextUnformatted("Why (your ratings of the most similar films)");
        const Explanation why = explain(catalogue, state.bundle->unit_rows, state.profile, index);
        if (why.pulled_up.empty() && why.pushed_down.empty()) {
            ImGui::TextColored(colors::text_muted, "None of your ratings is close to this film.");
        }
        draw_reasons_list(ctx, why);
    }
}

}  // namespace

void draw_movie_page(ScreenContext& ctx) {
    AppState& state = ctx.state;
    const Catalogue& catalogue = state.bundle->catalogue;
    auto index = catalogue.index_of(state.detail_movie);
    if (ImGui::Button((std::string(icons::back) + "  Back").c_str()) || !index) {
        open_movie(state, 0);
        return;
    }
    state.rects.record_last_item("movie/back");
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
    ImGui::Text("More like %s", movie.title.c_str());
    if (state.detail_similar.empty()) ImGui::TextColored(colors::text_muted, "No similar film found.");
    const auto similar = state.detail_similar;  // a copy: a click opens another page
    movie_grid(ctx, "similar", similar, {}, 140.0f);
}

}  // namespace cinelocal::ui
