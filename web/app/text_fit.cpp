#include "text_fit.h"

#include <imgui.h>

namespace cinelocal::ui {

bool fits(const std::string& text, float width) { return ImGui::CalcTextSize(text.c_str()).x <= width; }

std::string fit_inside(const std::function<std::string(const std::string&)>& line_with, const std::string& text,
                       float width) {
    if (std::string whole = line_with(text); fits(whole, width)) return whole;
    std::string cut = text;
    while (!cut.empty()) {
        // Whole UTF-8 sequences: the continuation bytes, then their lead byte ("Komö" -> "Kom").
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
        if (!cut.empty()) cut.pop_back();
        if (cut.empty()) break;
        if (std::string line = line_with(cut + "..."); fits(line, width)) return line;
    }
    return "";
}

std::string fit_one_line(const std::string& text, float width) {
    if (fits(text, width)) return text;
    const std::string line = fit_inside([](const std::string& part) { return part; }, text, width);
    return line.empty() ? "..." : line;
}

}  // namespace cinelocal::ui
