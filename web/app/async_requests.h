// One registry for every answer that arrives later (ONNX Runtime runs, metadata shards, posters):
// each request gets an id from one counter, remembered as the newest of its kind; an answer whose
// id is not its kind's newest is stale and dropped. The kinds' success and failure handlers live
// in async_answers.cpp (towers and text model) and browser_media (metadata, posters); every
// failure ends as words on screen with a way out (listed in async_answers.cpp).
#pragma once
#include <array>
#include <cstddef>
#include <optional>

namespace cinelocal::ui {

enum class RequestKind {
    visitor_taste,  // the user tower on the visitor's ratings -> "For you"
    guest_taste,    // the user tower on a friend's file -> movie night
    text_query,     // the content model on "describe it" text
    movie_details,  // a metadata shard (overview, runtime)
    poster,         // a poster image from TMDB (only with consent)
};
inline constexpr std::size_t k_request_kinds = 5;

class AsyncRequests {
public:
    // A new id; earlier requests of the same kind become stale. Other kinds are untouched.
    int start(RequestKind kind);
    // The kind whose newest request `id` is, or nullopt for a stale, answered or unknown id.
    std::optional<RequestKind> current_kind(int id) const;
    bool is_current(RequestKind kind, int id) const;
    bool in_flight(RequestKind kind) const { return newest_[index(kind)] != 0; }
    // The answer (or failure) arrived: a second answer with the same id is dropped.
    void finish(int id);
    // Whatever of this kind is in flight is no longer wanted (its answer will be dropped).
    void cancel(RequestKind kind) { newest_[index(kind)] = 0; }

private:
    static std::size_t index(RequestKind kind) { return static_cast<std::size_t>(kind); }
    int last_id_ = 0;
    std::array<int, k_request_kinds> newest_{};  // 0: nothing in flight
};

}  // namespace cinelocal::ui
