// Draws one frame of the whole app: a loading screen, a failure screen, or the main screen
// (search and your ratings on the left, "For you" on the right).
#pragma once
#include "app_state.h"
#include "platform.h"
#include "theme.h"

namespace cinelocal::ui {

void draw_app(AppState& state, Platform& platform, const Fonts& fonts);

}  // namespace cinelocal::ui
