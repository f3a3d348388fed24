#include "browser_media.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include <emscripten.h>

#include "page_calls.h"

namespace {

using cinelocal::MovieId;
using cinelocal::ui::MovieDetails;
using cinelocal::ui::PosterTexture;

// w185 posters are ~185x278 RGBA (~200 KB of GPU memory each): keep the most recently drawn ones.
constexpr std::size_t k_max_poster_textures = 120;

struct PosterEntry {
    PosterTexture texture;  // texture 0: the movie has no poster or it failed; not asked again
    double last_used_ms = 0;
};

struct MediaCache {
    std::unordered_map<MovieId, MovieDetails> details;  // node-based: pointers stay valid
    std::unordered_set<MovieId> details_requested;
    std::unordered_map<MovieId, PosterEntry> posters;
    std::unordered_set<MovieId> posters_requested;
    std::size_t live_textures = 0;
};

MediaCache& cache() {
    static MediaCache instance;  // one page, one platform
    return instance;
}

void forget_all_posters(MediaCache& c) {
    for (auto& [movie, entry] : c.posters)
        if (entry.texture.texture != 0) cinelocal::wasm::page::delete_texture(int(entry.texture.texture));
    c.posters.clear();
    c.posters_requested.clear();
    c.live_textures = 0;
}

// Drops the least recently drawn texture; it is fetched again (from the HTTP cache) if needed.
void evict_oldest_texture(MediaCache& c) {
    auto oldest = c.posters.end();
    for (auto it = c.posters.begin(); it != c.posters.end(); ++it)
        if (it->second.texture.texture != 0 && (oldest == c.posters.end() || it->second.last_used_ms < oldest->second.last_used_ms))
            oldest = it;
    if (oldest == c.posters.end()) return;
    cinelocal::wasm::page::delete_texture(int(oldest->second.texture.texture));
    c.posters_requested.erase(oldest->first);
    c.posters.erase(oldest);
    --c.live_textures;
}

}  // namespace

namespace cinelocal::wasm {

// --- answers from the page (bound in page_exports.cpp) ------------------------------------------
void movie_details_ready(int movie, const std::string& overview, int runtime_minutes, bool has_poster) {
    cache().details[movie] = ui::MovieDetails{overview, runtime_minutes, has_poster, ""};
}

void poster_ready(int movie, int texture, int width, int height) {
    MediaCache& c = cache();
    // Refused or dropped meanwhile, or a second answer for a poster already here.
    if (poster_consent() != ui::PosterConsent::allowed || !c.posters_requested.count(movie) ||
        c.posters.count(movie)) {
        cinelocal::wasm::page::delete_texture(texture);
        return;
    }
    c.posters[movie] = PosterEntry{ui::PosterTexture{std::uint32_t(texture), width, height}, emscripten_get_now()};
    ++c.live_textures;
    while (c.live_textures > k_max_poster_textures) evict_oldest_texture(c);
}

void movie_details_failed(int movie, const std::string& message) {
    ui::MovieDetails failed;
    failed.problem = message;  // the movie page says what it means, in the visitor's language
    cache().details[movie] = std::move(failed);
}

// The drawn card stays (the way out); Settings counts the failures (web/site/browser_platform.mjs).
void poster_failed(int movie) { cache().posters[movie] = PosterEntry{}; }

void poster_dropped(int movie) { cache().posters_requested.erase(movie); }

const ui::MovieDetails* movie_details(MovieId movie) {
    MediaCache& c = cache();
    if (auto it = c.details.find(movie); it != c.details.end()) return &it->second;
    if (c.details_requested.insert(movie).second) page::request_movie_details(movie);
    return nullptr;
}

ui::PosterTexture poster(MovieId movie, double now_ms) {
    MediaCache& c = cache();
    if (poster_consent() != ui::PosterConsent::allowed) return {};
    if (auto it = c.posters.find(movie); it != c.posters.end()) {
        it->second.last_used_ms = now_ms;
        return it->second.texture;
    }
    if (c.posters_requested.insert(movie).second) page::request_poster(movie);
    return {};
}

int poster_failures() { return page::posters_not_loaded(); }

ui::PosterConsent poster_consent() { return static_cast<ui::PosterConsent>(page::poster_consent()); }

void install_media_bridge() { page::install_texture_upload(); }

void set_poster_consent(bool allowed) {
    page::set_poster_consent(allowed);
    if (!allowed) forget_all_posters(cache());
}

}  // namespace cinelocal::wasm
