#include "widget_rects.h"

#include <imgui_internal.h>

namespace cinelocal::ui {

const char* access_role_name(AccessRole role) {
    switch (role) {
        case AccessRole::button: return "button";
        case AccessRole::link: return "link";
        case AccessRole::checkbox: return "checkbox";
        case AccessRole::slider: return "slider";
        case AccessRole::searchbox: return "searchbox";
        case AccessRole::choice: return "choice";
        case AccessRole::combobox: return "combobox";
        case AccessRole::heading: return "heading";
        case AccessRole::text: return "text";
    }
    return "button";
}

void WidgetRects::record_last_item(const std::string& id) {
    ImRect item(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImRect visible = ImGui::GetCurrentWindow()->ClipRect;
    visible.ClipWithFull(item);
    if (visible.GetWidth() < 2.0f || visible.GetHeight() < 2.0f) return;  // scrolled out of view
    rects_[id] = {visible.Min.x, visible.Min.y, visible.GetWidth(), visible.GetHeight()};
}

void WidgetRects::record_last_item(const std::string& id, AccessInfo info) {
    record_last_item(id);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImRect item(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (id == focused_ && !window->ClipRect.Contains(item)) ImGui::ScrollToBringRectIntoView(window, item);
    const auto visible = rects_.find(id);
    const bool offscreen = visible == rects_.end();
    const WidgetRect rect = offscreen ? WidgetRect{item.Min.x, item.Min.y, item.GetWidth(), item.GetHeight()} : visible->second;
    const bool in_popup = (window->Flags & ImGuiWindowFlags_Popup) != 0;
    accessible_.push_back({id, rect, offscreen, std::move(info), ImGui::GetItemID(), in_popup});
}

const AccessibleWidget* WidgetRects::find_accessible(const std::string& id) const {
    for (const auto& widget : accessible_) {
        if (widget.id == id) return &widget;
    }
    return nullptr;
}

}  // namespace cinelocal::ui
