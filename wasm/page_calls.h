// Every call the app makes into the page, in one list: the EM_JS shims behind these functions
// (page_calls.cpp) are the only code that reaches JavaScript, and they reach it through one object,
// globalThis.cinelocalPage (web/site/page_interface.mjs lists its members and who adds each), or
// through a browser API the page needs no module for (localStorage, navigator, document.lang).
// The other direction, the page calling the app, is page_exports.cpp. A member the page has not
// installed yet (before boot.mjs ran) is skipped and answers "nothing": the functions say what.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cinelocal::wasm::page {

// --- models (boot.mjs): the answers come back through page_exports.cpp ----------------------------
// The inputs are copied out of the heap before anything asynchronous starts (memory may grow).
void embed_user(int request_id, const std::int32_t* item_index, const float* stars, int count);
void embed_text(int request_id, const std::int32_t* token_ids, int count);
void load_describe_files();

// --- storage and files (browser_platform.mjs, profile_storage.mjs, file_transfer.mjs) ------------
std::optional<std::string> storage_get(const std::string& key);  // nullopt: absent or storage blocked
int storage_set(const std::string& key, const std::string& value);  // ui::StorageWrite's values
void request_storage_lock(int task_id);  // page_exports' runStorageTask(task_id) once the lock is held
bool storage_usage(double& used_bytes, double& quota_bytes);  // false when unknown
void request_persistent_storage();
void save_file(const std::string& file_name, const std::string& mime_type, const std::string& text);
void open_file(const char* purpose);  // ui::file_purpose_name's words
std::string request_counts_text();  // "origin\tcount\n" lines, the page's own origin first

// --- the visitor's browser ---------------------------------------------------------------------
double wall_clock_ms();
std::string preferred_languages_text();  // navigator.languages, one per line, most preferred first
void set_document_language(const std::string& code);

// --- metadata and posters (browser_platform.mjs, poster_consent.mjs) ------------------------------
void request_movie_details(int movie);
void request_poster(int movie);
int poster_consent();  // 0 unasked, 1 allowed, 2 refused (ui::PosterConsent)
void set_poster_consent(bool allowed);
int posters_not_loaded();
// Installs Module.uploadPosterTexture(bitmap) -> a texture id in Emscripten's GL table: only code
// inside the Emscripten module reaches GLctx and GL.textures.
void install_texture_upload();
void delete_texture(int id);

// --- text entry and clipboard (text_input.mjs) ----------------------------------------------------
void set_wants_text_input(bool wants);
void write_clipboard(const char* text);
std::string read_clipboard();  // the last text the page saw pasted or copied; "" when none

// --- accessibility mirror (access_mirror.mjs) -----------------------------------------------------
void update_access_mirror(const std::string& json);

}  // namespace cinelocal::wasm::page
