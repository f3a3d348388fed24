#include "async_answers.h"

#include "app_actions.h"
#include "movie_night.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

struct TasteHandlers {
    void (*on_answer)(AppState&, Platform&, std::span<const float>);
    void (*on_failure)(AppState&, const std::string&);
};

void visitor_taste_failed(AppState& state, const std::string& message) {
    state.notices.push_back(tr(Text::taste_model_failed, {{"reason", message}}));
}

void guest_answer(AppState& state, Platform&, std::span<const float> embedding) { on_guest_embedding(state, embedding); }

// The two kinds the user tower answers, by kind.
TasteHandlers handlers_for(RequestKind kind) {
    if (kind == RequestKind::guest_taste) return {guest_answer, on_guest_embedding_failed};
    return {apply_visitor_taste, visitor_taste_failed};
}

// The kind `request_id` is the newest of, if it is a user-tower kind; the request is then done.
std::optional<RequestKind> take_tower_request(AppState& state, int request_id) {
    auto kind = state.requests.current_kind(request_id);
    if (kind != RequestKind::visitor_taste && kind != RequestKind::guest_taste) return std::nullopt;  // stale
    state.requests.finish(request_id);
    return kind;
}

}  // namespace

void on_user_embedding(AppState& state, Platform& platform, int request_id, std::span<const float> embedding) {
    if (auto kind = take_tower_request(state, request_id)) handlers_for(*kind).on_answer(state, platform, embedding);
}

void on_user_embedding_failed(AppState& state, int request_id, const std::string& message) {
    if (auto kind = take_tower_request(state, request_id)) handlers_for(*kind).on_failure(state, message);
}

}  // namespace cinelocal::ui
