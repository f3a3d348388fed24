// The wasm side of the accessibility mirror (web/app/access_mirror.h, web/site/access_mirror.mjs):
// after each frame, the page gets the widgets' twins when they changed.
#pragma once

#include "app_state.h"

namespace cinelocal::wasm {

// Once per frame after ImGui::Render(): hands the page the mirror's JSON when it differs from the last.
void sync_access_mirror(const ui::AppState& state);

}  // namespace cinelocal::wasm
