#include "browser_platform.h"

#include <functional>
#include <map>
#include <sstream>

#include <emscripten/html5.h>

#include "browser_media.h"
#include "page_calls.h"

namespace {

// Tasks waiting for the storage lock, by id (the lock's callback comes back with the id).
std::map<int, std::function<void()>>& storage_tasks() {
    static std::map<int, std::function<void()>> tasks;
    return tasks;
}

void with_storage_lock(std::function<void()> task) {
    static int last_task_id = 0;
    storage_tasks()[++last_task_id] = std::move(task);
    cinelocal::wasm::page::request_storage_lock(last_task_id);
}

std::vector<std::string> preferred_languages() {
    std::vector<std::string> languages;
    std::istringstream lines(cinelocal::wasm::page::preferred_languages_text());
    for (std::string tag; std::getline(lines, tag);) {
        if (!tag.empty()) languages.push_back(tag);
    }
    return languages;
}

std::vector<std::pair<std::string, int>> request_counts_by_origin() {
    std::vector<std::pair<std::string, int>> counts;
    std::istringstream lines(cinelocal::wasm::page::request_counts_text());
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
        page::embed_text(request_id, token_ids.data(), static_cast<int>(token_ids.size()));
    };
    platform.load_describe_files = [] { page::load_describe_files(); };
    platform.request_user_embedding = [](int request_id, const TowerInput& input) {
        page::embed_user(request_id, input.item_index.data(), input.stars.data(),
                         static_cast<int>(input.item_index.size()));
    };
    platform.storage_get = page::storage_get;
    platform.storage_set = [](const std::string& key, const std::string& value) {
        return static_cast<ui::StorageWrite>(page::storage_set(key, value));
    };
    platform.now_ms = [] { return emscripten_get_now(); };
    platform.wall_clock_ms = [] { return static_cast<std::int64_t>(page::wall_clock_ms()); };
    platform.with_storage_lock = with_storage_lock;
    platform.storage_usage = []() -> std::optional<ui::StorageUsage> {
        ui::StorageUsage usage{};
        if (!page::storage_usage(usage.used_bytes, usage.quota_bytes)) return std::nullopt;
        return usage;
    };

    install_media_bridge();
    platform.movie_details = [](MovieId movie, std::int32_t) { return movie_details(movie); };
    platform.poster = [](MovieId movie, std::int32_t) { return poster(movie, emscripten_get_now()); };
    platform.set_poster_consent = [](bool allowed) { set_poster_consent(allowed); };
    platform.poster_consent = [] { return poster_consent(); };
    platform.poster_failures = [] { return poster_failures(); };
    platform.request_counts_by_origin = [] { return request_counts_by_origin(); };
    platform.save_file = page::save_file;
    platform.open_file = [](ui::FilePurpose purpose) { page::open_file(ui::file_purpose_name(purpose)); };
    platform.request_persistent_storage = page::request_persistent_storage;
    platform.preferred_languages = preferred_languages;
    platform.set_document_language = page::set_document_language;
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
