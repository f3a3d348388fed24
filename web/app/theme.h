// The look: a dark cinema palette with one warm accent, a real UI font scaled to the screen's
// pixel ratio, generous spacing. Applied once at start and again when the pixel ratio changes.
#pragma once
#include <imgui.h>

namespace cinelocal::ui {

namespace colors {
inline const ImVec4 accent{0.96f, 0.70f, 0.22f, 1.0f};       // gold: stars, highlights
inline const ImVec4 text_muted{0.62f, 0.64f, 0.70f, 1.0f};   // genres, captions
inline const ImVec4 star_empty{0.33f, 0.34f, 0.40f, 1.0f};
inline const ImVec4 error{0.95f, 0.42f, 0.38f, 1.0f};
inline const ImVec4 card{0.13f, 0.14f, 0.18f, 1.0f};
inline const ImVec4 reason{0.85f, 0.66f, 0.35f, 1.0f};  // "because you liked ..."
}  // namespace colors

struct Fonts {
    ImFont* body = nullptr;
    ImFont* title = nullptr;
    ImFont* small = nullptr;  // captions on poster cards
};

// The TTF files: the text font and Font Awesome 4.7 (icons merged into every size).
struct FontFiles {
    const char* text;
    const char* icons;
};

// Rebuilds the font atlas for the pixel ratio and restyles; the renderer must re-upload the
// atlas texture afterwards. A missing icon font leaves the icons out, nothing else.
Fonts apply_theme(const FontFiles& files, float pixel_ratio);

}  // namespace cinelocal::ui
