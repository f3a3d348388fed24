#include "browser_platform.h"

#include <cstdlib>
#include <functional>
#include <map>
#include <sstream>

#include <emscripten.h>
#include <emscripten/html5.h>

#include "browser_media.h"

namespace {

// Copies the tower input out of the heap before anything async starts (memory may grow).
EM_JS(void, js_request_user_embedding, (int request_id, const int* indices, const float* stars, int count), {
    const itemIndex = HEAP32.slice(indices >> 2, (indices >> 2) + count);
    const rating = HEAPF32.slice(stars >> 2, (stars >> 2) + count);
    globalThis.cinelocalPage.embedUser(request_id, itemIndex, rating);
});

EM_JS(void, js_load_describe_files, (), {
    globalThis.cinelocalPage.loadDescribeFiles();
});

EM_JS(void, js_request_text_embedding, (int request_id, const int* ids, int count), {
    const tokenIds = HEAP32.slice(ids >> 2, (ids >> 2) + count);
    globalThis.cinelocalPage.embedText(request_id, tokenIds);
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

// 0 saved, 1 refused for quota, 2 refused otherwise (ui::StorageWrite).
EM_JS(int, js_storage_set, (const char* key, const char* value), {
    try {
        window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
        return 0;
    } catch (e) {
        return e && (e.name === 'QuotaExceededError' || e.code === 22) ? 1 : 2;
    }
});

EM_JS(double, js_wall_clock_ms, (), { return Date.now(); });

// The task runs when the page holds the storage lock (web/site/profile_storage.mjs), through
// Module.runStorageTask(id); before the boot script installed the platform, it runs at once.
EM_JS(void, js_request_storage_lock, (int task_id), {
    const p = globalThis.cinelocalPage;
    if (p) p.withStorageLock(task_id);
    else Module['runStorageTask'](task_id);
});

// Writes used and quota bytes into out[0], out[1]; false when unknown.
EM_JS(int, js_storage_usage, (double* out), {
    const p = globalThis.cinelocalPage;
    const usage = p && p.storageUsage();
    if (!usage) return 0;
    HEAPF64[out >> 3] = usage.usedBytes;
    HEAPF64[(out >> 3) + 1] = usage.quotaBytes;
    return 1;
});

// "origin\tcount\n" lines, the page's own origin first (malloc'ed; 0 before the boot script ran).
EM_JS(char*, js_request_counts, (), {
    const p = globalThis.cinelocalPage;
    if (!p) return 0;
    const tab = String.fromCharCode(9), newline = String.fromCharCode(10);  // no escapes inside EM_JS
    const text = p.requestCountsByOrigin().map((entry) => entry[0] + tab + entry[1] + newline).join("");
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

EM_JS(void, js_save_file, (const char* file_name, const char* mime_type, const char* text), {
    const p = globalThis.cinelocalPage;
    if (p) p.saveFile(UTF8ToString(file_name), UTF8ToString(mime_type), UTF8ToString(text));
});

EM_JS(void, js_open_file, (const char* purpose), {
    const p = globalThis.cinelocalPage;
    if (p) p.openFile(UTF8ToString(purpose));  // ui::file_purpose_name's words
});

// navigator.languages joined by newlines (malloc'ed), most preferred first.
EM_JS(char*, js_preferred_languages, (), {
    const list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    const text = list.join(String.fromCharCode(10));  // no escapes inside EM_JS
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

EM_JS(void, js_set_document_language, (const char* code), {
    document.documentElement.lang = UTF8ToString(code);
});

EM_JS(void, js_request_persistent_storage, (), {
    const p = globalThis.cinelocalPage;
    if (p) p.requestPersistentStorage();
});

// Tasks waiting for the storage lock, by id (the lock's callback comes back with the id).
std::map<int, std::function<void()>>& storage_tasks() {
    static std::map<int, std::function<void()>> tasks;
    return tasks;
}

void with_storage_lock(std::function<void()> task) {
    static int last_task_id = 0;
    storage_tasks()[++last_task_id] = std::move(task);
    js_request_storage_lock(last_task_id);
}

std::vector<std::string> preferred_languages() {
    std::vector<std::string> languages;
    char* text = js_preferred_languages();
    std::istringstream lines(text);
    std::free(text);
    for (std::string tag; std::getline(lines, tag);) {
        if (!tag.empty()) languages.push_back(tag);
    }
    return languages;
}

std::vector<std::pair<std::string, int>> request_counts_by_origin() {
    std::vector<std::pair<std::string, int>> counts;
    char* text = js_request_counts();
    if (!text) return counts;
    std::istringstream lines(text);
    std::free(text);
    std::string origin;
    int count = 0;
    while (std::getline(lines, origin, '\t') && lines >> count) {
        counts.emplace_back(origin, count);
        lines.ignore(1);  // the newline
    }
    return counts;
}

}  // namespace

namespace cinelocal::wasm {

ui::Platform make_browser_platform() {
    ui::Platform platform;
    platform.request_text_embedding = [](int request_id, const std::vector<std::int32_t>& token_ids) {
        js_request_text_embedding(request_id, token_ids.data(), static_cast<int>(token_ids.size()));
    };
    platform.load_describe_files = [] { js_load_describe_files(); };
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
        return static_cast<ui::StorageWrite>(js_storage_set(key.c_str(), value.c_str()));
    };
    platform.now_ms = [] { return emscripten_get_now(); };
    platform.wall_clock_ms = [] { return static_cast<std::int64_t>(js_wall_clock_ms()); };
    platform.with_storage_lock = with_storage_lock;
    platform.storage_usage = []() -> std::optional<ui::StorageUsage> {
        double usage[2] = {0, 0};
        if (!js_storage_usage(usage)) return std::nullopt;
        return ui::StorageUsage{usage[0], usage[1]};
    };

    install_media_bridge();
    platform.movie_details = [](MovieId movie, std::int32_t) { return movie_details(movie); };
    platform.poster = [](MovieId movie, std::int32_t) { return poster(movie, emscripten_get_now()); };
    platform.set_poster_consent = [](bool allowed) { set_poster_consent(allowed); };
    platform.poster_consent = [] { return poster_consent(); };
    platform.poster_failures = [] { return poster_failures(); };
    platform.request_counts_by_origin = [] { return request_counts_by_origin(); };
    platform.save_file = [](const std::string& file_name, const std::string& mime_type, const std::string& text) {
        js_save_file(file_name.c_str(), mime_type.c_str(), text.c_str());
    };
    platform.open_file = [](ui::FilePurpose purpose) { js_open_file(ui::file_purpose_name(purpose)); };
    platform.request_persistent_storage = [] { js_request_persistent_storage(); };
    platform.preferred_languages = preferred_languages;
    platform.set_document_language = [](const std::string& code) { js_set_document_language(code.c_str()); };
    return platform;
}

CanvasGeometry canvas_geometry() {
    CanvasGeometry geometry{};
    emscripten_get_element_css_size("#canvas", &geometry.css_width, &geometry.css_height);
    geometry.pixel_ratio = emscripten_get_device_pixel_ratio();
    return geometry;
}

void set_canvas_pixel_size(int width, int height) { emscripten_set_canvas_element_size("#canvas", width, height); }

// The page's lock callback (web/site/profile_storage.mjs), bound in page_exports.cpp.
void run_storage_task(int task_id) {
    auto& tasks = storage_tasks();
    auto it = tasks.find(task_id);
    if (it == tasks.end()) return;
    auto task = std::move(it->second);
    tasks.erase(it);
    task();
}

}  // namespace cinelocal::wasm
