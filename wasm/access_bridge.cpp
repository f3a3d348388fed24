#include "access_bridge.h"

#include <string>

#include <emscripten.h>

#include "access_mirror.h"

namespace {

EM_JS(void, js_update_access_mirror, (const char* json), {
    const page = globalThis.cinelocalPage;
    if (page && page.updateAccessMirror) page.updateAccessMirror(UTF8ToString(json));
});

}  // namespace

namespace cinelocal::wasm {

void sync_access_mirror(const ui::AppState& state) {
    static std::string last;  // most frames draw the same widgets in the same places
    std::string json = ui::access_tree_json(state);
    if (json == last) return;
    last = std::move(json);
    js_update_access_mirror(last.c_str());
}

}  // namespace cinelocal::wasm
