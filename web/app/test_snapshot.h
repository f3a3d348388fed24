// A read-only JSON view of what the app shows, with the screen rectangles (CSS pixels) of the
// named widgets, for end-to-end tests that click as a person would.
#pragma once
#include <string>

#include "app_state.h"
#include "platform.h"

namespace cinelocal::ui {

std::string test_snapshot_json(const AppState& state, const Platform& platform);

// Around a frame's drawing (app_view.cpp): with state.capture_drawn_text on, the text the frame
// draws goes to state.drawn_text (ImGui's log), so tests can check the words on screen.
void begin_drawn_text(AppState& state);
void end_drawn_text(AppState& state);

}  // namespace cinelocal::ui
