// The browser side of ui::Platform: browser storage and the user tower in ONNX Runtime Web,
// reached through the JS bridge (wasm/ort_bridge.mjs, installed by web/site/boot.mjs); metadata,
// posters, request counts and files through globalThis.cinelocalPage
// (web/site/browser_platform.mjs, also installed by boot.mjs).
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
