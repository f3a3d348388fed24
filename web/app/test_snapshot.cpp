#include "test_snapshot.h"

#include <nlohmann/json.hpp>

namespace cinelocal::ui {
namespace {

const char* phase_name(LoadPhase phase) {
    switch (phase) {
        case LoadPhase::loading: return "loading";
        case LoadPhase::ready: return "ready";
        case LoadPhase::failed: return "failed";
    }
    return "unknown";
}

nlohmann::json movie_json(const Catalogue& catalogue, ItemIndex index) {
    const Movie& movie = catalogue.movie(index);
    nlohmann::json genres = nlohmann::json::array();
    for (std::size_t g = 0; g < catalogue.genre_names().size(); ++g) {
        if (movie.genre_mask & (1u << g)) genres.push_back(catalogue.genre_names()[g]);
    }
    return {{"id", movie.id}, {"title", movie.title}, {"year", movie.year}, {"genres", genres}};
}

}  // namespace

std::string test_snapshot_json(const AppState& state) {
    nlohmann::json json;
    json["phase"] = phase_name(state.phase);
    json["frame"] = state.frame;
    json["error"] = state.fatal_error;
    json["notices"] = state.notices;
    json["modelReady"] = state.model_ready;
    json["ratings"] = nlohmann::json::array();
    for (const auto& r : state.profile.ratings()) json["ratings"].push_back({{"movie", r.movie}, {"stars", r.stars}});
    json["query"] = state.searched_query;
    json["searchResults"] = nlohmann::json::array();
    json["forYou"] = nlohmann::json::array();
    if (state.bundle) {
        for (ItemIndex index : state.search_results) json["searchResults"].push_back(movie_json(state.bundle->catalogue, index));
        for (std::size_t i = 0; i < state.for_you.size(); ++i) {
            auto movie = movie_json(state.bundle->catalogue, state.for_you[i].index);
            movie["because"] = nlohmann::json::array();
            if (i < state.for_you_reasons.size()) {
                for (const auto& reason : state.for_you_reasons[i].pulled_up) movie["because"].push_back(reason.movie);
            }
            json["forYou"].push_back(movie);
        }
        json["similar"] = nlohmann::json::array();
        for (const auto& item : state.similar) json["similar"].push_back(movie_json(state.bundle->catalogue, item.index));
    }
    json["forYouPersonal"] = state.for_you_personal;
    json["similarTo"] = state.similar_to;
    json["variety"] = state.variety;
    json["forYouVersion"] = state.for_you_version;
    json["lastUpdateMs"] = state.last_update_ms;
    json["pixelRatio"] = state.pixel_ratio;
    nlohmann::json widgets = nlohmann::json::object();
    const float to_css = state.pixel_ratio > 0.0f ? 1.0f / state.pixel_ratio : 1.0f;
    for (const auto& [id, rect] : state.rects.all()) {
        widgets[id] = {rect.x * to_css, rect.y * to_css, rect.w * to_css, rect.h * to_css};
    }
    json["widgets"] = widgets;
    return json.dump();
}

}  // namespace cinelocal::ui
