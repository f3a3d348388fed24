// The page's one app, owned by the main loop (app_main.cpp): its state and platform, for the
// functions the page calls (page_exports.cpp).
#pragma once

#include "app_state.h"
#include "platform.h"

namespace cinelocal::wasm {

ui::AppState& app_state();
ui::Platform& app_platform();

}  // namespace cinelocal::wasm
