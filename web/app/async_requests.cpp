#include "async_requests.h"

namespace cinelocal::ui {

int AsyncRequests::start(RequestKind kind) {
    newest_[index(kind)] = ++last_id_;
    return last_id_;
}

std::optional<RequestKind> AsyncRequests::current_kind(int id) const {
    if (id <= 0) return std::nullopt;
    for (std::size_t k = 0; k < k_request_kinds; ++k) {
        if (newest_[k] == id) return static_cast<RequestKind>(k);
    }
    return std::nullopt;
}

bool AsyncRequests::is_current(RequestKind kind, int id) const { return id > 0 && newest_[index(kind)] == id; }

void AsyncRequests::finish(int id) {
    for (auto& newest : newest_) {
        if (newest == id) newest = 0;
    }
}

}  // namespace cinelocal::ui
