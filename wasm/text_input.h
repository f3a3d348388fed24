// Text entry beyond a desktop keyboard: the phone's on-screen keyboard for ImGui text fields
// (a hidden <input>, web/site/text_input.mjs, focused while ImGui wants text after a touch) and
// ImGui's clipboard through the browser's clipboard (copy via navigator.clipboard, paste from
// the page's paste events).
#pragma once

#include <string>

namespace cinelocal::wasm {

// After ImGui_ImplGlfw_InitForOpenGL (which installs GLFW's clipboard, a no-op in the browser).
void install_clipboard();
// Once per frame after ImGui::Render(): tells the page whether ImGui wants text input now, and
// releases keys tapped on the on-screen keyboard during the last frame.
void sync_text_input(bool wants_text_input);

// From the page's on-screen keyboard (web/site/text_input.mjs): typed text, and Backspace or
// Enter as GLFW key codes (held down for one frame).
void text_typed(const std::string& text);
void key_tapped(int glfw_key);

}  // namespace cinelocal::wasm
