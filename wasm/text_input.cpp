#include "text_input.h"

#include <string>
#include <vector>

#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "page_calls.h"

namespace {

std::string& clipboard_copy() {
    static std::string text;  // ImGui keeps the pointer until the next call
    return text;
}

std::vector<int>& tapped_keys() {
    static std::vector<int> keys;  // pressed by the on-screen keyboard, released after one frame
    return keys;
}

bool& last_wants() {
    static bool wants = false;
    return wants;
}

}  // namespace

namespace cinelocal::wasm {

void install_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) { page::write_clipboard(text); };
    io.GetClipboardTextFn = [](void*) -> const char* {
        clipboard_copy() = page::read_clipboard();
        return clipboard_copy().c_str();
    };
}

void sync_text_input(bool wants_text_input) {
    ImGuiIO& io = ImGui::GetIO();
    for (int key : tapped_keys()) io.KeysDown[key] = false;
    tapped_keys().clear();
    if (wants_text_input != last_wants()) {
        last_wants() = wants_text_input;
        page::set_wants_text_input(wants_text_input);
    }
}

// --- called by web/site/text_input.mjs (bound in page_exports.cpp) ------------------------------
void text_typed(const std::string& text) { ImGui::GetIO().AddInputCharactersUTF8(text.c_str()); }

// GLFW key codes: the on-screen keyboard's Backspace and Enter arrive as input events, not keys.
void key_tapped(int glfw_key) {
    if (glfw_key != GLFW_KEY_BACKSPACE && glfw_key != GLFW_KEY_ENTER) return;
    ImGui::GetIO().KeysDown[glfw_key] = true;
    tapped_keys().push_back(glfw_key);
}

}  // namespace cinelocal::wasm
