// The app's side of the accessibility mirror: Dear ImGui draws pixels a screen reader cannot
// read, so every frame the interactive widgets it recorded (WidgetRects::accessible) are handed
// to the page, which keeps a hidden DOM twin over each (web/site/access_mirror.mjs). A twin's
// activation comes back here and presses the very widget the frame drew (ImGui::ActivateItem),
// so a screen reader, the keyboard and the mouse all run the same code.
#pragma once
#include <string>

#include "app_state.h"

namespace cinelocal::ui {

// The twins, the live region's announcement and the notices, as the page reads them.
std::string access_tree_json(const AppState& state);

// A twin was activated (click, Enter, Space, a screen reader's "press"): the widget acts on the
// next frame. Unknown ids (a twin from a frame that has gone) do nothing.
void activate_widget(AppState& state, const std::string& id);
// A slider twin's arrow keys: `steps` up or down, applied by the slider's own code.
void adjust_widget(AppState& state, const std::string& id, int steps);
// Where a slider is drawn: the steps its twin asked for since the last frame (0 for none).
int take_adjustment(AppState& state, const std::string& id);
// The twin with the keyboard focus ("" for none): drawn as a ring on the canvas.
void set_access_focus(AppState& state, const std::string& id);
void draw_access_focus(const AppState& state);

// Says `text` once through the page's polite live region.
void announce(AppState& state, std::string text);

}  // namespace cinelocal::ui
