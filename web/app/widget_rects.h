// The screen rectangle of each named widget in the last frame, keyed by a stable id such as
// "search:1/rate:5". End-to-end tests click at these coordinates as a person would.
#pragma once
#include <map>
#include <string>

#include <imgui.h>

namespace cinelocal::ui {

struct WidgetRect {
    float x, y, w, h;  // framebuffer pixels
};

class WidgetRects {
public:
    void begin_frame() { rects_.clear(); }
    // Records the last item ImGui drew (only where it is visible, so tests never click hidden rows).
    void record_last_item(const std::string& id);
    const std::map<std::string, WidgetRect>& all() const { return rects_; }

private:
    std::map<std::string, WidgetRect> rects_;
};

}  // namespace cinelocal::ui
