// Everything the page may call in the app, in one list: the boot script (web/site/boot.mjs), the
// platform's page side (web/site/browser_platform.mjs and the modules it installs) and the e2e
// tests reach the app only through these names. The other direction, the app asking the page,
// is page_calls.cpp. One more, Module.uploadPosterTexture, is installed there (it needs Emscripten's GL).
// One error convention, the core bindings' (core_bindings.cpp): a call that can fail answers
// {ok: true} or {ok: false, message}; nothing throws across the boundary.
#include <string>

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "access_mirror.h"
#include "app_actions.h"
#include "app_instance.h"
#include "browser_media.h"
#include "browser_platform.h"
#include "data_actions.h"
#include "describe_search.h"
#include "test_snapshot.h"
#include "text_input.h"
#include "typed_array.h"

namespace {

using namespace cinelocal;
using wasm::app_platform;
using wasm::app_state;
using emscripten::val;

// "" from the UI layer means no problem.
val status_value(const std::string& problem) {
    val result = val::object();
    result.set("ok", problem.empty());
    if (!problem.empty()) result.set("message", problem);
    return result;
}

// --- loading, file by file (boot.mjs) ------------------------------------------------------------
void set_progress(float fraction, const std::string& label) {
    app_state().load_fraction = fraction;
    app_state().load_label = label;
}
// The app shows a failed manifest or start file itself; the answer tells the page to stop there.
val set_manifest(const std::string& json_text) { return status_value(ui::receive_manifest(app_state(), json_text)); }
val add_file(const std::string& name, const val& bytes) {
    return status_value(ui::receive_file(app_state(), app_platform(), name, wasm::copy_typed_array<std::uint8_t>(bytes)));
}
void file_unavailable(const std::string& name, const std::string& message) {
    ui::file_unavailable(app_state(), name, message);
}
std::string load_phase() { return ui::load_phase_name(app_state().phase); }
void loading_failed(const std::string& message) { ui::loading_failed(app_state(), message); }

// --- the models in ONNX Runtime (boot.mjs, wasm/ort_bridge.mjs) ----------------------------------
void model_ready() { ui::model_ready(app_state(), app_platform()); }
void user_embedding_ready(int request_id, const val& embedding) {
    ui::on_user_embedding(app_state(), app_platform(), request_id, wasm::copy_typed_array<float>(embedding));
}
void user_embedding_failed(int request_id, const std::string& message) {
    ui::on_user_embedding_failed(app_state(), request_id, message);
}
void content_model_ready() { app_state().describe.model_ready = true; }
void text_embedding_ready(int request_id, const val& embedding) {
    ui::on_text_embedding(app_state(), request_id, wasm::copy_typed_array<float>(embedding));
}
void text_embedding_failed(int request_id, const std::string& message) {
    ui::on_text_embedding_failed(app_state(), request_id, message);
}

// --- files, storage and other tabs (browser_platform.mjs, profile_storage.mjs) -------------------
void file_opened(const std::string& purpose_name, const std::string& name, const std::string& text) {
    // The page hands back the purpose the app asked with; any other word is a page bug, dropped.
    if (auto purpose = ui::file_purpose_from_name(purpose_name))
        ui::on_file_opened(app_state(), app_platform(), *purpose, name, text);
}
void profile_changed_elsewhere() {
    if (app_state().phase == ui::LoadPhase::ready) ui::on_profile_changed_elsewhere(app_state(), app_platform());
}
void persistent_storage_answer(bool granted) { ui::on_persistence_answer(app_state(), granted); }

// --- the accessibility mirror's twins (access_mirror.mjs) ----------------------------------------
void access_activate(const std::string& id) { ui::activate_widget(app_state(), id); }
void access_adjust(const std::string& id, int steps) { ui::adjust_widget(app_state(), id, steps); }
void access_focus(const std::string& id) { ui::set_access_focus(app_state(), id); }

// --- read-only views for end-to-end tests --------------------------------------------------------
std::string test_snapshot() { return ui::test_snapshot_json(app_state(), app_platform()); }
void test_capture_drawn_text(bool on) { app_state().capture_drawn_text = on; }

}  // namespace

EMSCRIPTEN_BINDINGS(cinelocal_app) {
    using emscripten::function;
    // loading
    function("setProgress", &set_progress);
    function("setManifest", &set_manifest);
    function("addFile", &add_file);
    function("fileUnavailable", &file_unavailable);
    function("loadPhase", &load_phase);
    function("loadingFailed", &loading_failed);
    // models
    function("modelReady", &model_ready);
    function("userEmbeddingReady", &user_embedding_ready);
    function("userEmbeddingFailed", &user_embedding_failed);
    function("contentModelReady", &content_model_ready);
    function("textEmbeddingReady", &text_embedding_ready);
    function("textEmbeddingFailed", &text_embedding_failed);
    // metadata and posters
    function("movieDetailsReady", &wasm::movie_details_ready);
    function("movieDetailsFailed", &wasm::movie_details_failed);
    function("posterReady", &wasm::poster_ready);
    function("posterFailed", &wasm::poster_failed);
    function("posterDropped", &wasm::poster_dropped);
    // files, storage, other tabs
    function("fileOpened", &file_opened);
    function("runStorageTask", &wasm::run_storage_task);
    function("profileChangedElsewhere", &profile_changed_elsewhere);
    function("persistentStorageAnswer", &persistent_storage_answer);
    // the on-screen keyboard
    function("textTyped", &wasm::text_typed);
    function("keyTapped", &wasm::key_tapped);
    // the accessibility mirror
    function("accessActivate", &access_activate);
    function("accessAdjust", &access_adjust);
    function("accessFocus", &access_focus);
    // tests
    function("testSnapshot", &test_snapshot);
    function("testCaptureDrawnText", &test_capture_drawn_text);
}
