// Everything the UI shows and remembers, in one struct (no globals): the loading progress, the
// verified bundle, the visitor's profile, the search and the "For you" list.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cinelocal/bundle.h"
#include "cinelocal/describe_rank.h"
#include "cinelocal/explain.h"
#include "cinelocal/group.h"
#include "cinelocal/provisional_taste.h"
#include "cinelocal/ratings_import.h"
#include "cinelocal/taste_map.h"
#include "cinelocal/title_search.h"
#include "async_requests.h"
#include "widget_rects.h"

namespace cinelocal::ui {

enum class LoadPhase { loading, ready, failed };
inline const char* load_phase_name(LoadPhase phase) {
    switch (phase) {
        case LoadPhase::loading: return "loading";
        case LoadPhase::ready: return "ready";
        case LoadPhase::failed: return "failed";
    }
    return "unknown";
}

// The screens of the side bar. A movie's detail page opens over any of them.
enum class Screen { for_you, search, taste, watchlist, movie_night, settings };

// A ratings file read and matched, waiting for the visitor to resolve ambiguous titles, say what
// the unrated films become, and confirm.
struct PendingImport {
    ImportReport report;
    std::vector<int> choice;  // per ambiguous row: index into its candidates, -1 = skip
    UnratedAction unrated_action = UnratedAction::seen;
};

// Movie night: the visitor's taste blended with a friend's exported profile.
struct MovieNight {
    std::string guest_name;  // the file the friend's profile came from
    Profile guest;
    std::vector<float> guest_vector;  // the user tower's answer for the guest
    std::string problem;              // why the friend's taste could not be worked out ("" while fine)
    GroupBlend blend = GroupBlend::least_misery;
    std::vector<ScoredItem> picks;
};

// What the browser's storage did with the profile: the merge-and-save state, quota and eviction
// (profile_store.h). Everything here is shown to the visitor in words, with a backup to download.
enum class Persistence { unknown, granted, refused };
struct StorageStatus {
    bool save_queued = false;          // a save waits for the cross-tab lock; it writes the newest memory
    bool unsaved = false;              // memory holds changes the browser refused to store
    std::string problem;               // why, in plain words (shown until a save succeeds)
    double retry_at_ms = 0.0;          // when to try again (the platform's now_ms clock)
    std::string quota_warning;         // storage nearly full: said before anything fails
    Persistence persistence = Persistence::unknown;  // navigator.storage.persist()'s answer
    ProfileSettings saved_settings;    // as last saved: a difference is a settings change to stamp
    bool unreadable_reported = false;  // the stored copy could not be read: said once, kept aside
    int changes_from_other_tabs = 0;   // merges that brought in another tab's changes (tests, status)
};

inline constexpr const char* k_profile_storage_key = "cinelocal.profile";
inline constexpr const char* k_unreadable_profile_key = "cinelocal.profile.unreadable";
inline constexpr std::size_t k_for_you_count = 20;
inline constexpr std::size_t k_quick_pick_count = 6;    // "rate these next" cards above "For you"
inline constexpr std::size_t k_quick_pick_until = 5;   // ... shown until the visitor has this many ratings

struct AppState {
    LoadPhase phase = LoadPhase::loading;
    double usable_at_ms = -1.0;  // the platform clock when the first usable frame was drawn (benchmarks)
    float load_fraction = 0.0f;
    std::string load_label = "Starting";
    std::string fatal_error;           // why loading failed, shown instead of the app
    std::vector<std::string> notices;  // problems the visitor should know about; the app goes on

    std::optional<Manifest> manifest;
    FileBytes received_files;
    std::optional<Bundle> bundle;
    std::unique_ptr<TitleSearch> title_search;
    bool model_ready = false;          // the user tower runs in ONNX Runtime
    std::string taste_model_problem;   // why it never will (its file failed); "" while fine
    std::optional<ProvisionalTaste> provisional_taste;  // made at the first rating the tower cannot answer yet

    Profile profile;
    StorageStatus storage;

    char query[128] = {};
    std::string searched_query;
    std::vector<ItemIndex> search_results;
    bool focus_search = true;

    // "For you": onboarding picks (familiar, varied films) until the first rating, then the user
    // tower's picks, re-ranked for variety, each with the ratings that explain it.
    std::vector<ScoredItem> for_you;
    std::vector<Explanation> for_you_reasons;  // parallel to for_you (empty when not personal)
    bool for_you_personal = false;
    bool for_you_provisional = false;  // ranked by the provisional taste, not (yet) by the tower
    std::vector<ScoredItem> quick_picks;       // onboarding: films to rate next, while ratings are few
    std::optional<RatingFit> rating_fit;  // the rating head fitted to the visitor's ratings (when the bundle has one)
    std::vector<float> user_vector;   // the tower's last answer: re-ranking needs no new tower run
    int for_you_version = 0;          // bumps each time the list is recomputed
    AsyncRequests requests;           // tower, text model, metadata, poster answers: stale ones dropped
    double rating_clicked_ms = 0.0;   // when the newest rating was given
    double last_update_ms = -1.0;     // rating click -> list updated, for the status line and tests

    // "Describe it": the search box's words ranked by the lexical index at once, then fused with
    // the content model's answer (describe_search.h).
    struct Describe {
        bool active = false;              // the search box describes instead of naming titles
        bool model_ready = false;         // content_model.onnx is running in ONNX Runtime
        std::optional<DescriptionIndex> index;  // content_vocab.json + text_index.bin, when the bundle has them
        // The index's files load on first use (Describe chosen, or a film page whose similar films
        // come from their text), not at the start: most visits never need their ~0.9 MB.
        bool index_requested = false;     // asked the page for them; cleared by a failure, for "Try again"
        bool index_wanted = false;        // a film page would show better similar films with the index
        std::string load_problem;         // why they could not load, shown on the Describe screen
        std::string described;            // the text the results belong to
        std::vector<float> lexical;       // its words' scores, kept for the fusion with the model's answer
        std::vector<float> learned;       // the model's scores for it, once answered
        int ranked_at_version = 0;        // for_you_version when ranked: a newer one (a rating, a mark) ranks again
        bool awaiting_model = false;      // the model had not started when the text came: ask it when it has
        int request_id = 0;
        std::string problem;              // why the text gives no results, for the visitor
        std::vector<std::string> unknown_words;  // the text's words no film's story has, named under it
        double described_at_ms = 0.0;     // when the text last changed (unknown_words_due)
        std::vector<ScoredItem> results;
    } describe;

    bool welcome_reopened = false;  // "How it works" pressed: the welcome shows again until "Got it"
    bool welcome_scroll_pending = false;  // just reopened: the content scrolls up to it, or it would open out of sight

    Screen screen = Screen::for_you;
    MovieId detail_movie = 0;  // the open movie page, 0 for none
    std::vector<ScoredItem> detail_similar;
    std::optional<PendingImport> pending_import;
    std::string import_message;  // the outcome of the last import, shown in Settings
    MovieNight movie_night;
    std::vector<MapPoint> taste_map;  // 2-D projection of every movie, made on first view
    bool confirm_delete = false;

    // The browser's preferred languages (asked once) and the code last given to the page's <html lang>.
    std::optional<std::vector<std::string>> browser_languages;
    std::string page_language;

    WidgetRects rects;
    // The accessibility mirror's side of the app (access_mirror.h).
    struct Access {
        std::string focused;        // the widget whose DOM twin has the keyboard focus: ringed on the canvas
        std::string adjust_id;      // a slider twin's arrow keys, applied where the slider is drawn
        int adjust_steps = 0;
        std::string announcement;   // said once by the page's live region ("For you updated ...")
        int announcement_serial = 0;
    } access;
    float pixel_ratio = 1.0f;
    long frame = 0;
    bool capture_drawn_text = false;  // tests: keep every text of the next frames in drawn_text
    std::string drawn_text;           // (labels, buttons, paragraphs: what a visitor reads, as ImGui logs it)
    double frame_ui_ms = 0.0, frame_gl_ms = 0.0;  // CPU time of the last frame (set by the platform's loop)
};

}  // namespace cinelocal::ui
