#include "access_mirror.h"

#include <nlohmann/json.hpp>

#include <imgui_internal.h>

#include "theme.h"

namespace cinelocal::ui {

std::string access_tree_json(const AppState& state) {
    nlohmann::json widgets = nlohmann::json::array();
    for (const auto& widget : state.rects.accessible()) {
        nlohmann::json twin = {{"id", widget.id},
                               {"role", access_role_name(widget.info.role)},
                               {"name", widget.info.name},
                               {"rect", {widget.rect.x, widget.rect.y, widget.rect.w, widget.rect.h}}};
        if (!widget.info.group.empty()) twin["group"] = widget.info.group;
        if (widget.info.checked >= 0) twin["checked"] = widget.info.checked == 1;
        if (widget.info.role == AccessRole::slider) {
            twin["value"] = widget.info.value;
            twin["min"] = widget.info.min;
            twin["max"] = widget.info.max;
            twin["valueText"] = widget.info.value_text;
        }
        if (widget.in_popup) twin["popup"] = true;
        if (widget.offscreen) twin["offscreen"] = true;
        widgets.push_back(std::move(twin));
    }
    return nlohmann::json{{"pixelRatio", state.pixel_ratio},
                          {"widgets", std::move(widgets)},
                          {"announcement", {{"serial", state.access.announcement_serial}, {"text", state.access.announcement}}},
                          {"notices", state.notices}}
        .dump();
}

void activate_widget(AppState& state, const std::string& id) {
    const AccessibleWidget* widget = state.rects.find_accessible(id);
    if (!widget) return;
    if (widget->info.role == AccessRole::searchbox) {
        state.focus_search = true;  // the text field takes the keys (ImGui's own way to focus a field)
    } else if (widget->info.role != AccessRole::slider && widget->imgui_id != 0) {
        ImGui::ActivateItem(widget->imgui_id);
    }
}

void adjust_widget(AppState& state, const std::string& id, int steps) {
    if (state.access.adjust_id != id) state.access.adjust_steps = 0;
    state.access.adjust_id = id;
    state.access.adjust_steps += steps;
}

int take_adjustment(AppState& state, const std::string& id) {
    if (state.access.adjust_id != id) return 0;
    const int steps = state.access.adjust_steps;
    state.access.adjust_id.clear();
    state.access.adjust_steps = 0;
    return steps;
}

void set_access_focus(AppState& state, const std::string& id) { state.access.focused = id; }

void draw_access_focus(const AppState& state) {
    if (state.access.focused.empty()) return;
    const AccessibleWidget* widget = state.rects.find_accessible(state.access.focused);
    if (!widget) return;
    const float margin = 2.0f * state.pixel_ratio;
    const ImVec2 min(widget->rect.x - margin, widget->rect.y - margin);
    const ImVec2 max(widget->rect.x + widget->rect.w + margin, widget->rect.y + widget->rect.h + margin);
    ImGui::GetForegroundDrawList()->AddRect(min, max, ImGui::GetColorU32(colors::accent), 4.0f * state.pixel_ratio, 0,
                                            2.0f * state.pixel_ratio);
}

void announce(AppState& state, std::string text) {
    state.access.announcement = std::move(text);
    ++state.access.announcement_serial;
}

}  // namespace cinelocal::ui
