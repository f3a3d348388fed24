#include "theme.h"

namespace cinelocal::ui {
namespace {

constexpr float k_body_px = 17.0f;
constexpr float k_title_px = 28.0f;
constexpr float k_small_px = 14.0f;
const ImWchar k_icon_ranges[] = {0xf000, 0xf2e0, 0};

// Latin, Latin-1 and Latin Extended-A/B cover MovieLens titles; 2248 is "similar", 2605/2606 the stars, 2715 a cross;
// FFFD is what ImGui draws for any glyph it lacks. scripts/subset_fonts.py reads this list: the site's
// font keeps these code points plus the catalogue's characters, and nothing else. The UI's string tables
// (web/app/strings) use only characters of these ranges; the script refuses any other.
const ImWchar k_glyph_ranges[] = {0x0020, 0x024F, 0x2010, 0x2027, 0x2248, 0x2248, 0x2605, 0x2606,
                                  0x2715, 0x2715, 0xFFFD, 0xFFFD, 0};

void apply_palette(ImGuiStyle& style) {
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImVec4(0.93f, 0.93f, 0.95f, 1.0f);
    c[ImGuiCol_TextDisabled] = colors::text_muted;
    c[ImGuiCol_WindowBg] = ImVec4(0.07f, 0.07f, 0.10f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.10f, 0.10f, 0.14f, 1.0f);
    c[ImGuiCol_PopupBg] = ImVec4(0.10f, 0.10f, 0.14f, 0.98f);
    c[ImGuiCol_Border] = ImVec4(0.20f, 0.21f, 0.27f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.15f, 0.16f, 0.21f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.19f, 0.20f, 0.26f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.22f, 0.23f, 0.30f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.18f, 0.19f, 0.25f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.27f, 0.34f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.30f, 0.31f, 0.40f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.18f, 0.19f, 0.25f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.22f, 0.23f, 0.30f, 1.0f);
    c[ImGuiCol_PlotHistogram] = colors::accent;
    c[ImGuiCol_SliderGrab] = colors::accent;
    c[ImGuiCol_SliderGrabActive] = ImVec4(1.0f, 0.82f, 0.45f, 1.0f);
    c[ImGuiCol_CheckMark] = colors::accent;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.25f, 0.26f, 0.32f, 1.0f);
    c[ImGuiCol_Separator] = c[ImGuiCol_Border];
    c[ImGuiCol_NavHighlight] = colors::accent;
    c[ImGuiCol_TextSelectedBg] = ImVec4(0.96f, 0.70f, 0.22f, 0.35f);
}

// One size of the text font with the icons merged in, or nullptr when the text font is missing.
// No oversampling: the fonts are rasterised at the screen's own pixel size (sizes times the
// device pixel ratio), where 2x horizontal oversampling only doubles the atlas that the first
// frame builds and uploads (on a software-rendered WebGL that was most of the first frame).
ImFont* add_font(const FontFiles& files, float size_px) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig text;
    text.OversampleH = 1;
    text.OversampleV = 1;
    ImFont* font = io.Fonts->AddFontFromFileTTF(files.text, size_px, &text, k_glyph_ranges);
    if (!font) return nullptr;
    ImFontConfig merge;
    merge.OversampleH = 1;
    merge.OversampleV = 1;
    merge.MergeMode = true;
    merge.GlyphMinAdvanceX = size_px;  // icons as wide as a line is high: buttons line up
    io.Fonts->AddFontFromFileTTF(files.icons, size_px * 0.9f, &merge, k_icon_ranges);
    return font;
}

}  // namespace

Fonts apply_theme(const FontFiles& files, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts fonts;
    fonts.body = add_font(files, k_body_px * pixel_ratio);
    fonts.title = add_font(files, k_title_px * pixel_ratio);
    fonts.small = add_font(files, k_small_px * pixel_ratio);
    if (!fonts.body || !fonts.title || !fonts.small) {  // font missing from the build: ImGui's own, scaled
        io.Fonts->Clear();
        ImFontConfig config;
        config.SizePixels = 13.0f * pixel_ratio;
        fonts.body = fonts.title = fonts.small = io.Fonts->AddFontDefault(&config);
    }
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    apply_palette(style);
    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding = ImVec2(10, 7);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 12;
    style.WindowRounding = 0;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.PopupRounding = 6;
    style.GrabRounding = 6;
    style.ScrollbarRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameBorderSize = 0;
    style.ScaleAllSizes(pixel_ratio);
    ImGui::GetStyle() = style;
    return fonts;
}

}  // namespace cinelocal::ui
