#include "star_rating.h"

#include <algorithm>
#include <cstdio>

#include "text.h"
#include "theme.h"

namespace cinelocal::ui {
namespace {

const char* k_star = "\xe2\x98\x85";  // U+2605 BLACK STAR
constexpr const char* k_sheet = "rating-sheet";

// "4.5": the widget ids tests click, the same in every language.
std::string stars_label(float stars) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, stars == float(int(stars)) ? "%.0f" : "%.1f", double(stars));
    return buffer;
}

std::string rate_name(float stars) { return tr(Text::rate_stars_tooltip, {{"count", half_steps(stars)}}); }

// Five stars from `origin`, `pitch` apart, filled up to `shown` (halves clipped), at `scale` times the font.
void draw_stars(ImVec2 origin, float pitch, float shown, bool hovering, float scale = 1.0f) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize() * scale;
    const ImVec2 star_size = font->CalcTextSizeA(size, FLT_MAX, 0.0f, k_star);
    const ImU32 filled = ImGui::GetColorU32(hovering ? ImVec4(1.0f, 0.82f, 0.45f, 1.0f) : colors::accent);
    const ImU32 empty = ImGui::GetColorU32(colors::star_empty);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int star = 0; star < 5; ++star) {
        const ImVec2 pos(origin.x + float(star) * pitch + 1.0f, origin.y);
        draw->AddText(font, size, pos, empty, k_star);
        const float fill = shown - float(star);  // 1: whole star, 0.5: left half
        if (fill <= 0.0f) continue;
        const float clip_w = fill >= 1.0f ? star_size.x : star_size.x * 0.5f;
        draw->PushClipRect(pos, ImVec2(pos.x + clip_w, pos.y + star_size.y), true);
        draw->AddText(font, size, pos, filled, k_star);
        draw->PopClipRect();
    }
}

std::optional<float> mouse_stars(const std::string& id_prefix, float current, WidgetRects& rects,
                                 const std::string& access_group) {
    const ImVec2 star_size = ImGui::CalcTextSize(k_star);
    const float half_w = star_size.x * 0.5f + 1.0f;
    // Ten half-star buttons side by side on the current line, then the drawing on top of them.
    std::optional<float> clicked;
    float hovered = 0.0f;
    ImVec2 origin;
    for (int half = 1; half <= 10; ++half) {
        const float value = float(half) * 0.5f;
        if (half > 1) ImGui::SameLine(0.0f, 0.0f);
        // Pressed on release, so a twin's activation (ImGui::ActivateItem) presses it too.
        if (ImGui::InvisibleButton(stars_label(value).c_str(), ImVec2(half_w, star_size.y))) clicked = value;
        if (half == 1) origin = ImGui::GetItemRectMin();
        const std::string id = id_prefix + "/rate:" + stars_label(value);
        if (half % 2 == 0) {  // a screen reader lists five whole stars, not ten halves
            rects.record_last_item(id, {.name = rate_name(value), .group = access_group, .checked = current == value});
        } else {
            rects.record_last_item(id);
        }
        if (ImGui::IsItemHovered()) {
            hovered = value;
            ImGui::SetTooltip("%s", rate_name(value).c_str());
        }
    }
    draw_stars(origin, 2 * half_w, hovered > 0.0f ? hovered : current, hovered > 0.0f);
    return clicked;
}

// The sheet a phone's star row opens, at the bottom of the screen where a thumb is.
std::optional<float> rating_sheet(float current, WidgetRects& rects, const StarRatingLook& look) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float side = look.touch_target * 1.3f;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = 5 * side + 4 * style.ItemSpacing.x + 2 * style.WindowPadding.x;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - style.WindowPadding.y), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(std::min(width, display.x), 0));
    ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_PopupBg];
    background.w = 1.0f;  // opaque: the list behind would show through the sheet's words
    ImGui::PushStyleColor(ImGuiCol_PopupBg, background);
    const bool open = ImGui::BeginPopup(k_sheet);
    ImGui::PopStyleColor();
    if (!open) return std::nullopt;
    bool& half_less = *ImGui::GetStateStorage()->GetBoolRef(ImGui::GetID("half-less"), current != float(int(current)));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(look.access_group.c_str());
    ImGui::PopTextWrapPos();
    std::optional<float> chosen;
    const float shown = half_less && current > 0.0f ? current + 0.5f : current;  // the whole stars the buttons light
    for (int star = 1; star <= 5; ++star) {
        if (star > 1) ImGui::SameLine();
        const float value = half_less ? float(star) - 0.5f : float(star);
        if (ImGui::Button(("##" + std::to_string(star)).c_str(), ImVec2(side, side))) chosen = value;
        const float glyph = ImGui::GetFontSize() * 2.0f;  // a star as large as the button allows
        const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(glyph, FLT_MAX, 0.0f, k_star);
        const ImVec2 min = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), glyph,
                                            ImVec2(min.x + (side - size.x) * 0.5f, min.y + (side - size.y) * 0.5f),
                                            ImGui::GetColorU32(float(star) <= shown ? colors::accent : colors::star_empty), k_star);
        rects.record_last_item(std::string(k_sheet) + "/rate:" + std::to_string(star),
                               {.name = rate_name(value), .group = look.access_group, .checked = current == value});
    }
    const std::string half_label = std::string(half_less ? "\xe2\x9c\x93 " : "") + tr(Text::rate_sheet_half);  // ✓
    if (ImGui::Button(half_label.c_str(), ImVec2(0, look.touch_target))) half_less = !half_less;
    rects.record_last_item(std::string(k_sheet) + "/half",
                           {.role = AccessRole::checkbox, .name = tr(Text::rate_sheet_half), .group = look.access_group,
                            .checked = half_less});
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::rate_sheet_cancel), ImVec2(0, look.touch_target))) ImGui::CloseCurrentPopup();
    rects.record_last_item(std::string(k_sheet) + "/cancel", {.name = tr(Text::rate_sheet_cancel), .group = look.access_group});
    if (chosen) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return chosen;
}

std::optional<float> touch_stars(const std::string& id_prefix, float current, WidgetRects& rects,
                                 const StarRatingLook& look) {
    if (ImGui::InvisibleButton("stars", look.touch_size)) ImGui::OpenPopup(k_sheet);
    rects.record_last_item(id_prefix + "/stars",
                           {.name = tr(Text::rate_sheet_open, {{"title", look.access_group}}), .group = look.access_group});
    const ImVec2 min = ImGui::GetItemRectMin();
    const float scale = 1.25f;  // larger stars in a taller row
    const float star_h = ImGui::GetFontSize() * scale;
    const float pitch = std::min(look.touch_size.x / 5.0f, star_h * 1.25f);
    draw_stars(ImVec2(min.x, min.y + (look.touch_size.y - star_h) * 0.5f), pitch, current, false, scale);
    return rating_sheet(current, rects, look);
}

}  // namespace

std::optional<float> star_rating(const std::string& id_prefix, float current, WidgetRects& rects,
                                 const StarRatingLook& look) {
    ImGui::PushID(id_prefix.c_str());
    auto chosen = look.touch_size.y > 0.0f ? touch_stars(id_prefix, current, rects, look)
                                           : mouse_stars(id_prefix, current, rects, look.access_group);
    ImGui::PopID();
    return chosen;
}

}  // namespace cinelocal::ui
