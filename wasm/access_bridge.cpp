#include "access_bridge.h"

#include <string>

#include "access_mirror.h"
#include "page_calls.h"

namespace cinelocal::wasm {

void sync_access_mirror(const ui::AppState& state) {
    static std::string last;  // most frames draw the same widgets in the same places
    std::string json = ui::access_tree_json(state);
    if (json == last) return;
    last = std::move(json);
    page::update_access_mirror(last);
}

}  // namespace cinelocal::wasm
