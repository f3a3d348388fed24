// Whole UI frames without a window (as ImGui's example_null): the app draws with the real fonts,
// records where its widgets are, and a simulated click presses and releases as a person would.
#pragma once
#include <catch2/catch.hpp>

#include <string>

#include "app_view.h"

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

    // The words the next frame draws (buttons, labels, paragraphs), as a visitor reads them.
    std::string drawn_text(cinelocal::ui::AppState& state, cinelocal::ui::Platform& platform) {
        state.capture_drawn_text = true;
        frame(state, platform);
        state.capture_drawn_text = false;
        return state.drawn_text;
    }

    cinelocal::ui::Fonts fonts;
};
