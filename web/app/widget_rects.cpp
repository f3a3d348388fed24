#include "widget_rects.h"

#include <imgui_internal.h>

namespace cinelocal::ui {

void WidgetRects::record_last_item(const std::string& id) {
    ImRect item(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImRect visible = ImGui::GetCurrentWindow()->ClipRect;
    visible.ClipWithFull(item);
    if (visible.GetWidth() < 2.0f || visible.GetHeight() < 2.0f) return;  // scrolled out of view
    rects_[id] = {visible.Min.x, visible.Min.y, visible.GetWidth(), visible.GetHeight()};
}

}  // namespace cinelocal::ui
