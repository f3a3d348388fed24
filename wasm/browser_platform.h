// The browser side of ui::Platform: browser storage, the models in ONNX Runtime Web (boot.mjs,
// wasm/ort_bridge.mjs), metadata, posters, request counts and files (web/site/browser_platform.mjs),
// all asked for through page_calls.h.
#pragma once
#include "platform.h"

namespace cinelocal::wasm {

ui::Platform make_browser_platform();

// Canvas size in CSS pixels and the device pixel ratio.
struct CanvasGeometry {
    double css_width, css_height, pixel_ratio;
};
CanvasGeometry canvas_geometry();
void set_canvas_pixel_size(int width, int height);

// Runs the task that waited for the storage lock (the page calls it once the lock is held).
void run_storage_task(int task_id);

}  // namespace cinelocal::wasm
