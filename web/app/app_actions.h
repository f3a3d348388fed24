// What happens when the bundle arrives, the visitor rates, or the user tower answers. No drawing
// here: these run the same under a test harness as in the browser.
#pragma once
#include <span>
#include <string>

#include "app_state.h"
#include "async_answers.h"
#include "platform.h"
#include "profile_store.h"

namespace cinelocal::ui {

// Loading, file by file as the boot script delivers them, in any order. The app is usable (phase
// ready) once the bundle's start files are in and verified (Bundle::start_files); the others are
// verified as they come, the user tower before ONNX Runtime sees it. Each returns "" or the problem.
std::string receive_manifest(AppState& state, std::string_view json_text);
std::string receive_file(AppState& state, Platform& platform, const std::string& name, std::vector<std::uint8_t> bytes);
// A file that could not be downloaded: loading fails for a start file; any other file's feature is
// off, with a notice, and the app goes on.
void file_unavailable(AppState& state, const std::string& name, const std::string& message);
void model_ready(AppState& state, Platform& platform);
void loading_failed(AppState& state, std::string message);

void rate_movie(AppState& state, Platform& platform, MovieId movie, float stars);
// The stars the rating head expects the visitor to give, when the bundle has a rating head.
std::optional<float> predicted_stars(const AppState& state, ItemIndex index);
void clear_rating(AppState& state, Platform& platform, MovieId movie);

void run_search(AppState& state);
// Opens a movie's page with the movies most like it (0 closes it).
void open_movie(AppState& state, MovieId movie);
void set_on_watchlist(AppState& state, Platform& platform, MovieId movie, bool on);
// A movie marked "not interested" leaves "For you" (and the watchlist) until unmarked.
void set_not_interested(AppState& state, Platform& platform, MovieId movie, bool on);
// A film marked seen (an import's unrated row) is never suggested; unmarked, it can be again.
void set_seen(AppState& state, Platform& platform, MovieId movie, bool on);
// Saves the profile's settings (variety, filters) and recomputes "For you" with them.
void apply_settings(AppState& state, Platform& platform);
// The first-visit welcome shows until the first rating (then it folds away, so the cards it pushed
// down come up) or until "Got it"; "How it works" brings it back.
bool welcome_shown(const AppState& state);
void reopen_welcome(AppState& state);
void close_welcome(AppState& state, Platform& platform);
// Re-ranks "For you" with the current settings, from the last user vector.
void rerank_for_you(AppState& state);
// What the visitor asked to leave out of every list: "not interested" marks and the genre and
// year filters of the profile's settings (rated films are always left out by recommend()).
Filters visitor_filters(const AppState& state);

// Recomputes "For you": popular films for an empty profile, else asks the user tower (until it
// runs, the provisional taste answers at once).
void refresh_recommendations(AppState& state, Platform& platform);
// The user tower's answer for the visitor becomes "For you" (async_answers.cpp routes it here).
void apply_visitor_taste(AppState& state, Platform& platform, std::span<const float> embedding);
// Until the user tower runs (ONNX Runtime starting, or unable to start): "For you" from the
// provisional taste (cinelocal/provisional_taste.h), computed here at once.
void use_provisional_taste(AppState& state, Platform& platform, const TowerInput& input);

}  // namespace cinelocal::ui
