// Whole UI frames without a window (as ImGui's example_null): the app draws, records where its
// widgets are, and a simulated click lands on a recorded widget as a person's would.
#pragma once
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <imgui.h>

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
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas, as a renderer would
    }
    ~HeadlessUi() { ImGui::DestroyContext(); }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    void frame(cinelocal::ui::AppState& state, cinelocal::ui::Platform& platform) {
        ImGui::NewFrame();
        cinelocal::ui::draw_app(state, platform, fonts);
        ImGui::Render();
    }

    // One frame, returning the text it drew where it is visible (ImGui's log, which the app's window
    // closes at its End(), so it goes to a file: the buffer would be cleared there).
    std::string frame_text(cinelocal::ui::AppState& state, cinelocal::ui::Platform& platform) {
        const std::string path = "headless_ui_frame_text.txt";
        std::remove(path.c_str());  // ImGui appends
        ImGui::NewFrame();
        ImGui::LogToFile(-1, path.c_str());
        cinelocal::ui::draw_app(state, platform, fonts);
        ImGui::LogFinish();
        ImGui::Render();
        std::ifstream in(path);
        std::ostringstream text;
        text << in.rdbuf();
        std::remove(path.c_str());
        return text.str();
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
