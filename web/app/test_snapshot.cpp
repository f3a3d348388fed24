#include "test_snapshot.h"

#include <imgui_internal.h>  // ImGuiContext::LogBuffer: the text logged so far this frame
#include <nlohmann/json.hpp>

#include "app_actions.h"
#include "describe_search.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

const char* screen_name(Screen screen) {
    switch (screen) {
        case Screen::for_you: return "for-you";
        case Screen::search: return "search";
        case Screen::taste: return "taste";
        case Screen::watchlist: return "watchlist";
        case Screen::movie_night: return "movie-night";
        case Screen::settings: return "settings";
    }
    return "unknown";
}

nlohmann::json movie_json(const Catalogue& catalogue, ItemIndex index) {
    const Movie& movie = catalogue.movie(index);
    nlohmann::json genres = nlohmann::json::array();
    for (std::size_t g = 0; g < catalogue.genre_names().size(); ++g) {
        if (movie.genre_mask & (1u << g)) genres.push_back(catalogue.genre_names()[g]);
    }
    return {{"id", movie.id}, {"title", movie.title}, {"year", movie.year}, {"genres", genres},
            {"searchOnly", !catalogue.has_vectors(index)}};
}

}  // namespace

std::string test_snapshot_json(const AppState& state, const Platform& platform) {
    nlohmann::json json;
    json["phase"] = load_phase_name(state.phase);
    json["frame"] = state.frame;
    json["frameUiMs"] = state.frame_ui_ms;
    json["frameGlMs"] = state.frame_gl_ms;
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
            if (auto stars = predicted_stars(state, state.for_you[i].index)) movie["predicted"] = *stars;
            movie["because"] = nlohmann::json::array();
            if (i < state.for_you_reasons.size()) {
                for (const auto& reason : state.for_you_reasons[i].pulled_up) movie["because"].push_back(reason.movie);
            }
            json["forYou"].push_back(movie);
        }
        const Catalogue& catalogue = state.bundle->catalogue;
        json["detailSimilar"] = nlohmann::json::array();
        for (const auto& item : state.detail_similar) json["detailSimilar"].push_back(movie_json(catalogue, item.index));
        json["quickPicks"] = nlohmann::json::array();
        for (const auto& item : state.quick_picks) json["quickPicks"].push_back(movie_json(catalogue, item.index));
        json["described"] = nlohmann::json::array();
        for (const auto& item : state.describe.results) json["described"].push_back(movie_json(catalogue, item.index));
        json["movieNight"] = nlohmann::json::array();
        for (const auto& item : state.movie_night.picks) json["movieNight"].push_back(movie_json(catalogue, item.index));
    }
    json["movieNightGuest"] = state.movie_night.guest_name;
    json["describe"] = {{"available", describe_available(state)}, {"indexReady", state.describe.index.has_value()},
                        {"indexRequested", state.describe.index_requested}, {"loadProblem", state.describe.load_problem},
                        {"active", state.describe.active},
                        {"modelReady", state.describe.model_ready}, {"text", state.describe.described},
                        {"problem", state.describe.problem}, {"unknownWords", state.describe.unknown_words},
                        {"unknownWordsShown", unknown_words_due(state, platform)}};
    json["screen"] = screen_name(state.screen);
    json["detailMovie"] = state.detail_movie;
    if (state.bundle && state.detail_movie != 0) {
        auto index = state.bundle->catalogue.index_of(state.detail_movie);
        json["detailSearchOnly"] = index && !state.bundle->catalogue.has_vectors(*index);
    }
    json["watchlist"] = state.profile.watchlist();
    json["notInterested"] = state.profile.not_interested();
    json["seen"] = state.profile.seen();
    const ProfileSettings& settings = state.profile.settings;
    json["settings"] = {{"variety", settings.variety}, {"welcomeDone", settings.welcome_done},
                        {"genreMask", settings.genre_mask}, {"yearMin", settings.year_min}, {"yearMax", settings.year_max},
                        {"nicheLevel", settings.niche_level}, {"language", settings.language}};
    json["language"] = language_code(current_language());
    json["drawnText"] = state.drawn_text;
    json["posterConsent"] = !platform.poster_consent ? "unknown"
                            : poster_consent_name(platform.poster_consent());
    const StorageStatus& storage = state.storage;
    json["storage"] = {{"unsaved", storage.unsaved}, {"problem", storage.problem},
                       {"quotaWarning", storage.quota_warning},
                       {"persistence", storage.persistence == Persistence::granted   ? "granted"
                                       : storage.persistence == Persistence::refused ? "refused"
                                                                                     : "unknown"},
                       {"backupOfferDue", backup_offer_due(state)},
                       {"changesFromOtherTabs", storage.changes_from_other_tabs}};
    json["movieNightProblem"] = state.movie_night.problem;
    json["importMessage"] = state.import_message;
    if (state.pending_import) {
        const ImportReport& report = state.pending_import->report;
        nlohmann::json ambiguous = nlohmann::json::array();
        for (const auto& row : report.ambiguous) ambiguous.push_back({{"line", row.line}, {"title", row.title}, {"candidates", row.candidates}});
        nlohmann::json unmatched = nlohmann::json::array();
        for (const auto& row : report.unmatched) unmatched.push_back({{"line", row.line}, {"title", row.title}});
        nlohmann::json unrated = nlohmann::json::array();
        for (const auto& row : report.unrated) unrated.push_back({{"line", row.line}, {"movie", row.movie}});
        json["pendingImport"] = {{"format", import_format_name(report.format)}, {"rows", report.rows},
                                 {"matched", report.matched.size()}, {"ambiguous", ambiguous},
                                 {"unmatched", unmatched}, {"unrated", unrated}, {"duplicates", report.duplicates.size()},
                                 {"errors", report.errors.size()}};
    }
    if (state.bundle) {
        json["films"] = {{"all", state.bundle->catalogue.size()}, {"withVectors", state.bundle->catalogue.vector_count()}};
    }
    json["forYouPersonal"] = state.for_you_personal;
    json["forYouProvisional"] = state.for_you_provisional;
    json["usableAtMs"] = state.usable_at_ms;
    json["vectorsReady"] = state.bundle && state.bundle->vectors_ready;
    json["tasteModelProblem"] = state.taste_model_problem;
    json["forYouVersion"] = state.for_you_version;
    json["lastUpdateMs"] = state.last_update_ms;
    json["pixelRatio"] = state.pixel_ratio;
    nlohmann::json widgets = nlohmann::json::object();
    const float to_css = state.pixel_ratio > 0.0f ? 1.0f / state.pixel_ratio : 1.0f;
    for (const auto& [id, rect] : state.rects.all()) {
        widgets[id] = {rect.x * to_css, rect.y * to_css, rect.w * to_css, rect.h * to_css};
    }
    json["widgets"] = widgets;
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // a cut UTF-8 sequence must not throw
}

void begin_drawn_text(AppState& state) {
    if (state.capture_drawn_text) ImGui::LogToBuffer();
}

void end_drawn_text(AppState& state) {
    if (!state.capture_drawn_text) return;
    state.drawn_text = ImGui::GetCurrentContext()->LogBuffer.c_str();
    ImGui::LogFinish();
}

}  // namespace cinelocal::ui
