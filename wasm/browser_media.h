// Movie metadata and poster textures for the browser platform: requests go to the JS side
// (web/site/browser_platform.mjs, through page_calls.h), answers come back through
// the functions below (bound in page_exports.cpp) and are cached here for the life of the page.
#pragma once
#include <cstdint>
#include <string>

#include "platform.h"

namespace cinelocal::wasm {

// Once at start-up, before any poster can arrive: gives the JS side a way to make textures.
void install_media_bridge();

// nullptr until the movie's shard has arrived; the first call starts the fetch.
const ui::MovieDetails* movie_details(MovieId movie);
// Texture 0 while loading, without consent, or when the movie has no poster.
ui::PosterTexture poster(MovieId movie, double now_ms);
int poster_failures();
// Asks the page, which owns the answer (no copy here to go stale).
ui::PosterConsent poster_consent();
// Stores the answer; agreeing reloads the page (the CSP must allow the image host from the start),
// refusing drops every poster texture at once.
void set_poster_consent(bool allowed);

// Answers from the page (web/site/browser_platform.mjs), bound in page_exports.cpp.
void movie_details_ready(int movie, const std::string& overview, int runtime_minutes, bool has_poster);
void movie_details_failed(int movie, const std::string& message);
void poster_ready(int movie, int texture, int width, int height);
void poster_failed(int movie);   // the drawn card stays; Settings counts the failures
void poster_dropped(int movie);  // never loaded (queue overflow, consent withdrawn): may be asked again

}  // namespace cinelocal::wasm
