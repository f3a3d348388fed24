#include "browser_platform.h"

#include <cstdlib>

#include <emscripten.h>
#include <emscripten/html5.h>

namespace {

// Copies the tower input out of the heap before anything async starts (memory may grow).
EM_JS(void, js_request_user_embedding, (int request_id, const int* indices, const float* stars, int count), {
    const itemIndex = HEAP32.slice(indices >> 2, (indices >> 2) + count);
    const rating = HEAPF32.slice(stars >> 2, (stars >> 2) + count);
    globalThis.cinelocalBridge.embedUser(request_id, itemIndex, rating);
});

// Returns a malloc'ed UTF-8 copy of the stored value, or 0 when absent or storage is blocked.
EM_JS(char*, js_storage_get, (const char* key), {
    let value = null;
    try { value = window.localStorage.getItem(UTF8ToString(key)); } catch (e) { value = null; }
    if (value === null) return 0;
    const size = lengthBytesUTF8(value) + 1;
    const ptr = _malloc(size);
    stringToUTF8(value, ptr, size);
    return ptr;
});

EM_JS(int, js_storage_set, (const char* key, const char* value), {
    try {
        window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
        return 1;
    } catch (e) {
        return 0;
    }
});

}  // namespace

namespace cinelocal::wasm {

ui::Platform make_browser_platform() {
    ui::Platform platform;
    platform.request_user_embedding = [](int request_id, const TowerInput& input) {
        js_request_user_embedding(request_id, input.item_index.data(), input.stars.data(),
                                  static_cast<int>(input.item_index.size()));
    };
    platform.storage_get = [](const std::string& key) -> std::optional<std::string> {
        char* value = js_storage_get(key.c_str());
        if (!value) return std::nullopt;
        std::string text(value);
        std::free(value);
        return text;
    };
    platform.storage_set = [](const std::string& key, const std::string& value) {
        return js_storage_set(key.c_str(), value.c_str()) != 0;
    };
    platform.now_ms = [] { return emscripten_get_now(); };
    return platform;
}

CanvasGeometry canvas_geometry() {
    CanvasGeometry geometry{};
    emscripten_get_element_css_size("#canvas", &geometry.css_width, &geometry.css_height);
    geometry.pixel_ratio = emscripten_get_device_pixel_ratio();
    return geometry;
}

void set_canvas_pixel_size(int width, int height) { emscripten_set_canvas_element_size("#canvas", width, height); }

}  // namespace cinelocal::wasm
