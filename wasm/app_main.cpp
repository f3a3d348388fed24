// The browser entry of the ImGui app: GLFW/WebGL2 set-up and the main loop. What the page may
// call lives in page_exports.cpp; all UI logic lives in web/app/.
#include <cmath>
#include <string>

#include <emscripten.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "access_bridge.h"
#include "app_actions.h"
#include "app_instance.h"
#include "app_view.h"
#include "browser_platform.h"
#include "text_input.h"

namespace {

using namespace cinelocal;

// Written into the file system before main() by web/site/font_files.mjs (subset by scripts/subset_fonts.py).
constexpr ui::FontFiles k_font_files{"/fonts/DejaVuSans.ttf", "/fonts/fontawesome-webfont.ttf"};

struct App {
    ui::AppState state;
    ui::Platform platform = wasm::make_browser_platform();
    ui::Fonts fonts;
    GLFWwindow* window = nullptr;
    float theme_pixel_ratio = 0.0f;
    int pixel_width = 0, pixel_height = 0;
};

App& app() {
    static App instance;  // the page has one app; the main loop and the boot script share it
    return instance;
}

// The canvas fills the window in CSS pixels; its backing store is CSS size x devicePixelRatio,
// and ImGui works in those physical pixels (fonts and spacing scaled), so text stays sharp.
void fit_canvas_to_screen(App& a) {
    auto geometry = wasm::canvas_geometry();
    const int width = std::max(1, int(std::lround(geometry.css_width * geometry.pixel_ratio)));
    const int height = std::max(1, int(std::lround(geometry.css_height * geometry.pixel_ratio)));
    if (width != a.pixel_width || height != a.pixel_height) {
        // Not glfwSetWindowSize: Emscripten's GLFW turns a screen-sized window into a fullscreen request.
        wasm::set_canvas_pixel_size(width, height);
        a.pixel_width = width;
        a.pixel_height = height;
    }
    const float ratio = float(geometry.pixel_ratio);
    if (ratio != a.theme_pixel_ratio) {
        a.fonts = ui::apply_theme(k_font_files, ratio);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        a.theme_pixel_ratio = ratio;
        a.state.pixel_ratio = ratio;
    }
}

void frame() {
    App& a = app();
    fit_canvas_to_screen(a);
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();  // GLFW's idea of the window size is stale: the canvas is the truth
    io.DisplaySize = ImVec2(float(a.pixel_width), float(a.pixel_height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    const double started = emscripten_get_now();
    ImGui::NewFrame();
    ui::draw_app(a.state, a.platform, a.fonts);
    ImGui::Render();
    const double drawn = emscripten_get_now();
    glViewport(0, 0, a.pixel_width, a.pixel_height);
    glClearColor(0.07f, 0.07f, 0.10f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    wasm::sync_text_input(io.WantTextInput);  // the phone's keyboard follows ImGui's text fields
    wasm::sync_access_mirror(a.state);         // the DOM twins follow the widgets the frame drew
    // The CPU cost of our frame (the UI, then handing the draw lists to WebGL), for the tests.
    a.state.frame_ui_ms = drawn - started;
    a.state.frame_gl_ms = emscripten_get_now() - drawn;
}

// Emscripten 3.1.6's GLFW passes the browser's raw wheel deltas (pixels, positive = down) where
// GLFW promises notches (positive = up): ImGui would scroll the wrong way by a hundred notches.
void on_scroll(GLFWwindow*, double x_pixels, double y_pixels) {
    constexpr double k_pixels_per_notch = 100.0;  // Chrome's pixel delta of one wheel notch
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheelH -= float(x_pixels / k_pixels_per_notch);
    io.MouseWheel -= float(y_pixels / k_pixels_per_notch);
}

}  // namespace

namespace cinelocal::wasm {
ui::AppState& app_state() { return app().state; }
ui::Platform& app_platform() { return app().platform; }
}  // namespace cinelocal::wasm

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    App& a = app();
    a.window = glfwCreateWindow(1280, 800, "CineLocal", nullptr, nullptr);
    if (!a.window) return 1;
    glfwMakeContextCurrent(a.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no disk in the browser; nothing of the layout needs saving
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(a.window, true);
    glfwSetScrollCallback(a.window, on_scroll);  // replaces the backend's (see on_scroll)
    ImGui_ImplOpenGL3_Init("#version 300 es");
    wasm::install_clipboard();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
