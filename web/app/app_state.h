// Everything the UI shows and remembers, in one struct (no globals): the loading progress, the
// verified bundle, the visitor's profile, the search and the "For you" list.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cinelocal/bundle.h"
#include "cinelocal/explain.h"
#include "cinelocal/title_search.h"
#include "widget_rects.h"

namespace cinelocal::ui {

enum class LoadPhase { loading, ready, failed };

inline constexpr const char* k_profile_storage_key = "cinelocal.profile";
inline constexpr const char* k_unreadable_profile_key = "cinelocal.profile.unreadable";
inline constexpr std::size_t k_for_you_count = 20;

struct AppState {
    LoadPhase phase = LoadPhase::loading;
    float load_fraction = 0.0f;
    std::string load_label = "Starting";
    std::string fatal_error;           // why loading failed, shown instead of the app
    std::vector<std::string> notices;  // problems the visitor should know about; the app goes on

    std::optional<Manifest> manifest;
    FileBytes received_files;
    std::optional<Bundle> bundle;
    std::unique_ptr<TitleSearch> title_search;
    bool model_ready = false;

    Profile profile;

    MovieId similar_to = 0;  // the movie whose look-alikes the left panel shows, 0 for none
    std::vector<ScoredItem> similar;

    char query[128] = {};
    std::string searched_query;
    std::vector<ItemIndex> search_results;
    bool focus_search = true;

    // "For you": onboarding picks (familiar, varied films) until the first rating, then the user
    // tower's picks, re-ranked for variety, each with the ratings that explain it.
    std::vector<ScoredItem> for_you;
    std::vector<Explanation> for_you_reasons;  // parallel to for_you (empty when not personal)
    bool for_you_personal = false;
    std::vector<float> user_vector;   // the tower's last answer: re-ranking needs no new tower run
    float variety = 0.3f;             // 0: pure relevance, 1: most varied (MMR lambda = 1 - variety / 2)
    int for_you_version = 0;          // bumps each time the list is recomputed
    int latest_request_id = 0;        // answers to older requests are stale and dropped
    double rating_clicked_ms = 0.0;   // when the newest rating was given
    double last_update_ms = -1.0;     // rating click -> list updated, for the status line and tests

    WidgetRects rects;
    float pixel_ratio = 1.0f;
    long frame = 0;
};

}  // namespace cinelocal::ui
