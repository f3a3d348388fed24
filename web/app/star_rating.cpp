#include "star_rating.h"

#include <cstdio>

#include "text.h"
#include "theme.h"

namespace cinelocal::ui {
namespace {

const char* k_star = "\xe2\x98\x85";  // U+2605 BLACK STAR

// "4.5": the widget ids tests click, the same in every language.
std::string stars_label(float stars) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, stars == float(int(stars)) ? "%.0f" : "%.1f", double(stars));
    return buffer;
}

}  // namespace

std::optional<float> star_rating(const std::string& id_prefix, float current, WidgetRects& rects,
                                 const std::string& access_group) {
    ImGui::PushID(id_prefix.c_str());
    const ImVec2 star_size = ImGui::CalcTextSize(k_star);
    const float half_w = star_size.x * 0.5f + 1.0f;

    // Ten half-star buttons side by side on the current line, then the drawing on top of them.
    std::optional<float> clicked;
    float hovered = 0.0f;
    ImVec2 origin;
    for (int half = 1; half <= 10; ++half) {
        const float value = half * 0.5f;
        if (half > 1) ImGui::SameLine(0.0f, 0.0f);
        // Pressed on release, so a twin's activation (ImGui::ActivateItem) presses it too.
        if (ImGui::InvisibleButton(stars_label(value).c_str(), ImVec2(half_w, star_size.y))) clicked = value;
        if (half == 1) origin = ImGui::GetItemRectMin();
        const std::string id = id_prefix + "/rate:" + stars_label(value);
        if (half % 2 == 0) {  // a screen reader lists five whole stars, not ten halves
            rects.record_last_item(id, {.name = tr(Text::rate_stars_tooltip, {{"count", half_steps(value)}}),
                                        .group = access_group,
                                        .checked = current == value});
        } else {
            rects.record_last_item(id);
        }
        if (ImGui::IsItemHovered()) {
            hovered = value;
            ImGui::SetTooltip("%s", tr(Text::rate_stars_tooltip, {{"count", half_steps(value)}}).c_str());
        }
    }

    const float shown = hovered > 0.0f ? hovered : current;
    const ImU32 filled = ImGui::GetColorU32(hovered > 0.0f ? ImVec4(1.0f, 0.82f, 0.45f, 1.0f) : colors::accent);
    const ImU32 empty = ImGui::GetColorU32(colors::star_empty);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int star = 0; star < 5; ++star) {
        const ImVec2 pos(origin.x + star * 2 * half_w + 1.0f, origin.y);
        draw->AddText(pos, empty, k_star);
        const float fill = shown - star;  // 1: whole star, 0.5: left half
        if (fill <= 0.0f) continue;
        const float clip_w = fill >= 1.0f ? star_size.x : star_size.x * 0.5f;
        draw->PushClipRect(pos, ImVec2(pos.x + clip_w, pos.y + star_size.y), true);
        draw->AddText(pos, filled, k_star);
        draw->PopClipRect();
    }
    ImGui::PopID();
    return clicked;
}

}  // namespace cinelocal::ui
