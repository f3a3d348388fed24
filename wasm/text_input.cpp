#include "text_input.h"

#include <cstdlib>
#include <string>
#include <vector>

#include <emscripten.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <imgui.h>

namespace {

EM_JS(void, js_set_wants_text_input, (int wants), {
    const p = globalThis.cinelocalTextInput;
    if (p) p.setWanted(wants !== 0);
});

EM_JS(void, js_write_clipboard, (const char* text), {
    const value = UTF8ToString(text);
    const p = globalThis.cinelocalTextInput;
    if (p) p.writeClipboard(value);
});

// malloc'ed copy of the last text the page saw pasted or copied; 0 when none.
EM_JS(char*, js_read_clipboard, (), {
    const p = globalThis.cinelocalTextInput;
    const value = p ? p.readClipboard() : "";
    if (!value) return 0;
    const size = lengthBytesUTF8(value) + 1;
    const ptr = _malloc(size);
    stringToUTF8(value, ptr, size);
    return ptr;
});

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
    io.SetClipboardTextFn = [](void*, const char* text) { js_write_clipboard(text); };
    io.GetClipboardTextFn = [](void*) -> const char* {
        char* text = js_read_clipboard();
        clipboard_copy() = text ? text : "";
        std::free(text);
        return clipboard_copy().c_str();
    };
}

void sync_text_input(bool wants_text_input) {
    ImGuiIO& io = ImGui::GetIO();
    for (int key : tapped_keys()) io.KeysDown[key] = false;
    tapped_keys().clear();
    if (wants_text_input != last_wants()) {
        last_wants() = wants_text_input;
        js_set_wants_text_input(wants_text_input ? 1 : 0);
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
