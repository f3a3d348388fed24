// What the UI needs from the platform it runs on (the browser, via wasm/; or a test harness).
// Everything is a callback so the UI code itself never touches Emscripten or JavaScript.
// Callbacks below "optional" may be empty (tests, older hosts): the UI checks before calling.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cinelocal/profile.h"

namespace cinelocal::ui {

// A movie's metadata from the site's own metadata shards (TMDB data, fetched on first use).
struct MovieDetails {
    std::string overview;
    int runtime_minutes = 0;  // 0 when unknown
    bool has_poster = false;  // TMDB has a poster path for it
    std::string problem;      // why the details could not be loaded, as the browser said it ("" when they were)
};

enum class PosterConsent { unasked, allowed, refused };
inline const char* poster_consent_name(PosterConsent consent) {
    return consent == PosterConsent::allowed ? "allowed" : consent == PosterConsent::refused ? "refused" : "unasked";
}

// A GPU texture the UI can draw (WebGL texture registered with Emscripten's GL), 0 for none.
struct PosterTexture {
    std::uint32_t texture = 0;
    int width = 0, height = 0;
};

// What became of a write to browser storage.
enum class StorageWrite { saved, full, refused };  // full: the site's quota; refused: blocked or private mode

// How much of the site's storage is used, of how much it may use (bytes).
struct StorageUsage {
    double used_bytes = 0, quota_bytes = 0;
};

// Files the visitor picks in the browser's file dialog, tagged with why they were asked for.
enum class FilePurpose { import_ratings, import_backup, movie_night_profile };

// The purpose's name where it crosses to the page and back (the page picks the file types by it).
inline const char* file_purpose_name(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::import_ratings: return "import_ratings";
        case FilePurpose::import_backup: return "import_backup";
        case FilePurpose::movie_night_profile: return "movie_night_profile";
    }
    return "";
}
inline std::optional<FilePurpose> file_purpose_from_name(std::string_view name) {
    for (FilePurpose purpose : {FilePurpose::import_ratings, FilePurpose::import_backup, FilePurpose::movie_night_profile})
        if (name == file_purpose_name(purpose)) return purpose;
    return std::nullopt;
}

struct Platform {
    // Starts the user tower on the visitor's ratings; the answer arrives later through
    // on_user_embedding() or on_user_embedding_failed() with the same request id.
    std::function<void(int request_id, const TowerInput& input)> request_user_embedding;
    // Browser storage: nullopt when the key is absent or storage is blocked.
    std::function<std::optional<std::string>(const std::string& key)> storage_get;
    std::function<StorageWrite(const std::string& key, const std::string& value)> storage_set;
    // A monotonic clock in milliseconds (performance.now()): timings and retries.
    std::function<double()> now_ms;

    // --- optional --------------------------------------------------------------------------
    // Milliseconds since 1970 (Date.now()): the profile's change stamps. Without it stamps count up.
    std::function<std::int64_t()> wall_clock_ms;
    // Runs `task` holding the lock every tab of the site shares (Web Locks), now or a little later;
    // the profile's read-merge-write runs inside it. Without it (or without Web Locks) it runs now.
    std::function<void(std::function<void()> task)> with_storage_lock;
    // The site's storage use and quota, for the warning before it is full; nullopt when unknown.
    std::function<std::optional<StorageUsage>()> storage_usage;
    // Downloads describe-it's files, which are not part of the start: each arrives through
    // receive_file(), a failure through file_unavailable(). Without it they come with the rest.
    std::function<void()> load_describe_files;
    // Runs the content model on word ids (the "describe it" search); the answer arrives through
    // on_text_embedding() or on_text_embedding_failed() with the same request id.
    std::function<void(int request_id, const std::vector<std::int32_t>& token_ids)> request_text_embedding;
    // Metadata of a movie: nullptr until its shard has arrived (the first call starts the fetch;
    // call again on later frames). The pointer stays valid for the life of the platform.
    std::function<const MovieDetails*(MovieId movie, std::int32_t tmdb_id)> movie_details;
    // The poster of a movie: texture 0 while loading, without consent, offline, or when the movie
    // has none (the UI draws its own card then). Never makes a request without consent.
    std::function<PosterTexture(MovieId movie, std::int32_t tmdb_id)> poster;
    // Posters that failed to load this page (drawn cards stand in for them), for Settings.
    std::function<int()> poster_failures;
    // The one owner of the visitor's answer to "load posters from TMDB's image server?": unasked
    // until they answer (in the question after the first rating, or in Settings); the platform
    // stores it where the page can read it before anything loads (the CSP depends on it).
    std::function<void(bool allowed)> set_poster_consent;
    std::function<PosterConsent()> poster_consent;
    // Requests the page has made since it loaded, counted by origin ("this site" included).
    std::function<std::vector<std::pair<std::string, int>>()> request_counts_by_origin;
    // Offers `text` as a download named `file_name` (export of the visitor's data).
    std::function<void(const std::string& file_name, const std::string& mime_type, const std::string& text)> save_file;
    // Opens the browser's file dialog; the chosen file's text arrives through on_file_opened().
    std::function<void(FilePurpose purpose)> open_file;
    // Asks the browser to keep this site's storage under pressure (navigator.storage.persist());
    // the answer arrives through on_persistence_answer() (profile_store.h).
    std::function<void()> request_persistent_storage;
    // The browser's preferred languages, most preferred first (navigator.languages: "de-DE", "en").
    // Without it the UI speaks English unless the visitor chose a language in Settings.
    std::function<std::vector<std::string>()> preferred_languages;
    // The UI now speaks this language ("fr"): the page's <html lang> says so too.
    std::function<void(const std::string& code)> set_document_language;
};

}  // namespace cinelocal::ui
