#include "page_calls.h"

#include <cstdlib>

#include <emscripten.h>

namespace {

// The shims below hand strings back as malloc'ed UTF-8 (allocateUTF8), 0 for none; this takes
// ownership.
std::optional<std::string> take_string(char* text) {
    if (!text) return std::nullopt;
    std::string copy(text);
    std::free(text);
    return copy;
}

EM_JS(void, js_embed_user, (int request_id, const int* indices, const float* stars, int count), {
    const itemIndex = HEAP32.slice(indices >> 2, (indices >> 2) + count);
    const rating = HEAPF32.slice(stars >> 2, (stars >> 2) + count);
    globalThis.cinelocalPage.embedUser(request_id, itemIndex, rating);
});

EM_JS(void, js_embed_text, (int request_id, const int* ids, int count), {
    const tokenIds = HEAP32.slice(ids >> 2, (ids >> 2) + count);
    globalThis.cinelocalPage.embedText(request_id, tokenIds);
});

EM_JS(void, js_load_describe_files, (), {
    globalThis.cinelocalPage.loadDescribeFiles();
});

EM_JS(char*, js_storage_get, (const char* key), {
    let value = null;
    try { value = window.localStorage.getItem(UTF8ToString(key)); } catch (e) { value = null; }
    return value === null ? 0 : allocateUTF8(value);
});

EM_JS(int, js_storage_set, (const char* key, const char* value), {
    try {
        window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
        return 0;
    } catch (e) {
        return e && (e.name === 'QuotaExceededError' || e.code === 22) ? 1 : 2;
    }
});

// Before the boot script installed the platform, the task runs at once.
EM_JS(void, js_request_storage_lock, (int task_id), {
    const p = globalThis.cinelocalPage;
    if (p && p.withStorageLock) p.withStorageLock(task_id);
    else Module['runStorageTask'](task_id);
});

EM_JS(int, js_storage_usage, (double* out), {
    const p = globalThis.cinelocalPage;
    const usage = p && p.storageUsage && p.storageUsage();
    if (!usage) return 0;
    HEAPF64[out >> 3] = usage.usedBytes;
    HEAPF64[(out >> 3) + 1] = usage.quotaBytes;
    return 1;
});

EM_JS(void, js_request_persistent_storage, (), {
    const p = globalThis.cinelocalPage;
    if (p && p.requestPersistentStorage) p.requestPersistentStorage();
});

EM_JS(void, js_save_file, (const char* file_name, const char* mime_type, const char* text), {
    const p = globalThis.cinelocalPage;
    if (p && p.saveFile) p.saveFile(UTF8ToString(file_name), UTF8ToString(mime_type), UTF8ToString(text));
});

EM_JS(void, js_open_file, (const char* purpose), {
    const p = globalThis.cinelocalPage;
    if (p && p.openFile) p.openFile(UTF8ToString(purpose));
});

EM_JS(char*, js_request_counts, (), {
    const p = globalThis.cinelocalPage;
    if (!p || !p.requestCountsByOrigin) return 0;
    const tab = String.fromCharCode(9), newline = String.fromCharCode(10);  // no escapes inside EM_JS
    return allocateUTF8(p.requestCountsByOrigin().map((entry) => entry[0] + tab + entry[1] + newline).join(""));
});

EM_JS(double, js_wall_clock_ms, (), { return Date.now(); });

EM_JS(char*, js_preferred_languages, (), {
    const list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    return allocateUTF8(list.join(String.fromCharCode(10)));  // no escapes inside EM_JS
});

EM_JS(void, js_set_document_language, (const char* code), {
    document.documentElement.lang = UTF8ToString(code);
});

EM_JS(void, js_request_movie_details, (int movie), {
    const p = globalThis.cinelocalPage;
    if (p && p.requestMovieDetails) p.requestMovieDetails(movie);
});

EM_JS(void, js_request_poster, (int movie), {
    const p = globalThis.cinelocalPage;
    if (p && p.requestPoster) p.requestPoster(movie);
});

EM_JS(int, js_poster_consent, (), {
    const p = globalThis.cinelocalPage;
    if (!p || !p.posterConsent) return 0;
    return ({ unasked: 0, allowed: 1, refused: 2 })[p.posterConsent()] || 0;
});

EM_JS(void, js_set_poster_consent, (int allowed), {
    const p = globalThis.cinelocalPage;
    if (p && p.setPosterConsent) p.setPosterConsent(allowed !== 0);
});

EM_JS(int, js_posters_not_loaded, (), {
    const p = globalThis.cinelocalPage;
    return p && p.stats ? p.stats().postersNotLoaded : 0;
});

EM_JS(void, js_install_texture_upload, (), {
    Module['uploadPosterTexture'] = (bitmap) => {
        const gl = GLctx;
        if (!gl) return 0;
        const texture = gl.createTexture();
        const previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
        gl.bindTexture(gl.TEXTURE_2D, texture);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);  // no mipmaps
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        gl.pixelStorei(gl.UNPACK_ROW_LENGTH, 0);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bitmap);
        gl.bindTexture(gl.TEXTURE_2D, previous);
        const id = GL.getNewId(GL.textures);
        texture.name = id;
        GL.textures[id] = texture;
        return id;
    };
});

EM_JS(void, js_delete_texture, (int id), {
    const texture = GL.textures[id];
    if (texture) GLctx.deleteTexture(texture);
    GL.textures[id] = null;
});

EM_JS(void, js_set_wants_text_input, (int wants), {
    const p = globalThis.cinelocalPage;
    if (p && p.setTextInputWanted) p.setTextInputWanted(wants !== 0);
});

EM_JS(void, js_write_clipboard, (const char* text), {
    const p = globalThis.cinelocalPage;
    if (p && p.writeClipboard) p.writeClipboard(UTF8ToString(text));
});

EM_JS(char*, js_read_clipboard, (), {
    const p = globalThis.cinelocalPage;
    const value = p && p.readClipboard ? p.readClipboard() : "";
    return value ? allocateUTF8(value) : 0;
});

EM_JS(void, js_update_access_mirror, (const char* json), {
    const p = globalThis.cinelocalPage;
    if (p && p.updateAccessMirror) p.updateAccessMirror(UTF8ToString(json));
});

}  // namespace

namespace cinelocal::wasm::page {

void embed_user(int request_id, const std::int32_t* item_index, const float* stars, int count) {
    js_embed_user(request_id, item_index, stars, count);
}
void embed_text(int request_id, const std::int32_t* token_ids, int count) { js_embed_text(request_id, token_ids, count); }
void load_describe_files() { js_load_describe_files(); }

std::optional<std::string> storage_get(const std::string& key) { return take_string(js_storage_get(key.c_str())); }
int storage_set(const std::string& key, const std::string& value) { return js_storage_set(key.c_str(), value.c_str()); }
void request_storage_lock(int task_id) { js_request_storage_lock(task_id); }
bool storage_usage(double& used_bytes, double& quota_bytes) {
    double usage[2] = {0, 0};
    if (!js_storage_usage(usage)) return false;
    used_bytes = usage[0];
    quota_bytes = usage[1];
    return true;
}
void request_persistent_storage() { js_request_persistent_storage(); }
void save_file(const std::string& file_name, const std::string& mime_type, const std::string& text) {
    js_save_file(file_name.c_str(), mime_type.c_str(), text.c_str());
}
void open_file(const char* purpose) { js_open_file(purpose); }
std::string request_counts_text() { return take_string(js_request_counts()).value_or(""); }

double wall_clock_ms() { return js_wall_clock_ms(); }
std::string preferred_languages_text() { return take_string(js_preferred_languages()).value_or(""); }
void set_document_language(const std::string& code) { js_set_document_language(code.c_str()); }

void request_movie_details(int movie) { js_request_movie_details(movie); }
void request_poster(int movie) { js_request_poster(movie); }
int poster_consent() { return js_poster_consent(); }
void set_poster_consent(bool allowed) { js_set_poster_consent(allowed ? 1 : 0); }
int posters_not_loaded() { return js_posters_not_loaded(); }
void install_texture_upload() { js_install_texture_upload(); }
void delete_texture(int id) { js_delete_texture(id); }

void set_wants_text_input(bool wants) { js_set_wants_text_input(wants ? 1 : 0); }
void write_clipboard(const char* text) { js_write_clipboard(text); }
std::string read_clipboard() { return take_string(js_read_clipboard()).value_or(""); }

void update_access_mirror(const std::string& json) { js_update_access_mirror(json.c_str()); }

}  // namespace cinelocal::wasm::page
