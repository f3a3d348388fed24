// Where the answers of the user tower arrive (for the visitor or for a movie-night guest: one
// model, two kinds of request) and where their failures become words on screen. The text model's
// answers arrive in describe_search.h, metadata and posters in the platform (wasm/browser_media).
//
// Every asynchronous path, and what the visitor sees when it fails:
//   visitor_taste (user tower, visitor) -> apply_visitor_taste: "For you" re-ranked.
//       Failure: a notice "The recommendation model failed: ..."; "For you" keeps its last list
//       (popular films before any answer); rating or changing a filter asks again.
//   guest_taste (user tower, friend's file) -> on_guest_embedding: movie-night picks.
//       Failure: the movie-night screen says the friend's taste could not be worked out, with
//       "Load a friend's profile" (try again) and "End".
//   text_query (content model) -> on_text_embedding: "describe it" results fused with the words'.
//       Failure: the search screen says the description model failed; the results stay those of
//       the words alone (BM25), and title search works.
//   movie_details (metadata shard) -> the movie page's overview and runtime.
//       Failure: the movie page says the details could not be loaded (offline?) and shows what
//       the catalogue knows; the next visit to the page tries again.
//   poster (TMDB image, with consent) -> the poster on each card.
//       Failure: CineLocal's own drawn card; Settings says how many did not load (offline?).
// A stale answer (its kind has a newer request) is dropped without a word: a newer one is coming.
#pragma once
#include <span>
#include <string>

#include "app_state.h"
#include "platform.h"

namespace cinelocal::ui {

void on_user_embedding(AppState& state, Platform& platform, int request_id, std::span<const float> embedding);
void on_user_embedding_failed(AppState& state, int request_id, const std::string& message);

}  // namespace cinelocal::ui
