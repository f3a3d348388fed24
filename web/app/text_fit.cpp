#include "text_fit.h"

#include <imgui.h>

namespace cinelocal::ui {

bool fits(const std::string& text, float width) { return ImGui::CalcTextSize(text.c_str()).x <= width; }

std::string fit_after(const std::string& kept, const std::string& text, float width) {
    if (fits(kept + text, width)) return kept + text;
    std::string cut = text;
    while (!cut.empty() && !fits(kept + cut + "...", width)) {
        do cut.pop_back();  // whole UTF-8 sequences: drop continuation bytes with their lead byte
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
    }
    return kept + cut + "...";
}

std::string fit_one_line(const std::string& text, float width) { return fit_after("", text, width); }

}  // namespace cinelocal::ui
