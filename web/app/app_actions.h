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

// Loading, step by step as the boot script delivers files. Each returns an error message or "".
std::string receive_manifest(AppState& state, std::string_view json_text);
void receive_file(AppState& state, const std::string& name, std::vector<std::uint8_t> bytes);
// Checks one file against the manifest before the bundle is complete (the model, before ONNX
// Runtime sees it). Does not fail the load by itself: the caller decides.
std::string verify_file(const AppState& state, const std::string& name, std::span<const std::uint8_t> bytes);
std::string assemble_bundle(AppState& state, Platform& platform);
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

// Recomputes "For you": popular films for an empty profile, else asks the user tower.
void refresh_recommendations(AppState& state, Platform& platform);
// The user tower's answer for the visitor becomes "For you" (async_answers.cpp routes it here).
void apply_visitor_taste(AppState& state, Platform& platform, std::span<const float> embedding);

}  // namespace cinelocal::ui
