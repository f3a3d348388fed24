// A read-only JSON view of what the app shows, with the screen rectangles (CSS pixels) of the
// named widgets, for end-to-end tests that click as a person would.
#pragma once
#include <string>

#include "app_state.h"
#include "platform.h"

namespace cinelocal::ui {

std::string test_snapshot_json(const AppState& state, const Platform& platform);

}  // namespace cinelocal::ui
