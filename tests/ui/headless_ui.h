// Whole UI frames without a window (as ImGui's example_null): the app draws with the real fonts,
// records where its widgets are, and a simulated click presses and releases as a person would.
#pragma once
#include <catch2/catch.hpp>

#include <cfloat>
#include <string>

#include "app_view.h"
#include "tiny_app.h"

struct HeadlessUi {
    HeadlessUi() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        fonts = cinelocal::ui::apply_theme({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                            "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"},
                                           1.0f);
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas, as a renderer would
    }
    ~HeadlessUi() { ImGui::DestroyContext(); }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    void frame(cinelocal::ui::AppState& state, cinelocal::ui::Platform& platform) {
        ImGui::NewFrame();
        cinelocal::ui::draw_app(state, platform, fonts);
        ImGui::Render();
    }

    // Moves to the widget, presses and releases on separate frames, as a person's click would.
    void click(cinelocal::ui::AppState& state, cinelocal::ui::Platform& platform, const std::string& id) {
        frame(state, platform);
        const auto& rects = state.rects.all();
        INFO("widget " << id);
        REQUIRE(rects.count(id));
        const cinelocal::ui::WidgetRect r = rects.at(id);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(r.x + r.w / 2, r.y + r.h / 2);
        frame(state, platform);
        io.MouseDown[0] = true;
        frame(state, platform);
        io.MouseDown[0] = false;
        frame(state, platform);
    }

    // The words the next frame draws (buttons, labels, paragraphs), as a visitor reads them. The
    // mouse is out of the way for that frame, as in the e2e tests: a tooltip is a window of its own,
    // and ImGui 1.86 ends (and empties) the log when such a window ends.
    std::string drawn_text(cinelocal::ui::AppState& state, cinelocal::ui::Platform& platform) {
        ImGuiIO& io = ImGui::GetIO();
        const ImVec2 mouse = io.MousePos;
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        state.capture_drawn_text = true;
        frame(state, platform);
        state.capture_drawn_text = false;
        io.MousePos = mouse;
        return state.drawn_text;
    }

    cinelocal::ui::Fonts fonts;
};

// A loaded app with the model ready, drawn headless, on a fake platform.
struct ReadyApp {
    HeadlessUi ui;
    FakePlatform fake;
    cinelocal::ui::Platform platform = fake.platform();
    cinelocal::ui::AppState state;
    explicit ReadyApp(const cinelocal::FileBytes& files = tiny::files()) { load_tiny_app(state, platform, true, files); }
};
