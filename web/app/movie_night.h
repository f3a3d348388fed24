// Movie night: the visitor's taste blended with a friend's exported CineLocal profile, so that the
// picks suit both (least misery: the less happy of the two decides; or the average).
#pragma once
#include <span>
#include <string>

#include "app_state.h"
#include "platform.h"

namespace cinelocal::ui {

// Reads the friend's profile (a CineLocal export) and asks the user tower for their taste.
// A file that is not a profile, or one without a single known movie, becomes a notice.
void start_movie_night(AppState& state, Platform& platform, const std::string& file_name, const std::string& text);
void on_guest_embedding(AppState& state, std::span<const float> embedding);
// Says so on the movie-night screen, which offers loading the file again or ending.
void on_guest_embedding_failed(AppState& state, const std::string& message);
// Recomputes the blended picks (after a blend change or a new rating of the visitor's).
void refresh_movie_night(AppState& state);
void end_movie_night(AppState& state);

}  // namespace cinelocal::ui
