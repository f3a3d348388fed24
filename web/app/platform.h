// What the UI needs from the platform it runs on (the browser, via wasm/; or a test harness).
// Everything is a callback so the UI code itself never touches Emscripten or JavaScript.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "cinelocal/profile.h"

namespace cinelocal::ui {

struct Platform {
    // Starts the user tower on the visitor's ratings; the answer arrives later through
    // on_user_embedding() or on_user_embedding_failed() with the same request id.
    std::function<void(int request_id, const TowerInput& input)> request_user_embedding;
    // Browser storage: nullopt when the key is absent or storage is blocked.
    std::function<std::optional<std::string>(const std::string& key)> storage_get;
    // False when the value could not be stored (quota, private mode, blocked storage).
    std::function<bool(const std::string& key, const std::string& value)> storage_set;
    std::function<double()> now_ms;
};

}  // namespace cinelocal::ui
