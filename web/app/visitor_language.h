// The visitor's language, decided once per frame: the choice saved in the profile's settings
// (Settings' switch), else the browser's preferred languages, else English. The page's
// <html lang> follows, for screen readers and the browser's own tools.
#pragma once
#include <string>

#include "app_state.h"
#include "platform.h"

namespace cinelocal::ui {

void follow_visitor_language(AppState& state, Platform& platform);
// Settings' switch: a language code, or "" to follow the browser. Saved with the profile, so
// it is the same in every tab and after a reload; the frame being drawn switches at once.
void choose_language(AppState& state, Platform& platform, const std::string& code);

}  // namespace cinelocal::ui
