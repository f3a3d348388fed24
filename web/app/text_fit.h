// Text fitted to a width by measuring it with the current font (ImGui::CalcTextSize), on one line.
#pragma once
#include <functional>
#include <string>

namespace cinelocal::ui {

bool fits(const std::string& text, float width);
// The text, or as much of its start as fits followed by "..." (whole UTF-8 characters).
std::string fit_one_line(const std::string& text, float width);
// `text` placed in a line by `line_with` (a title inside a translated sentence): line_with(text)
// when that fits, else line_with(as much of text's start as fits + "..."), measured whole so that
// ImGui's rounding of each width cannot make a cut line overflow. "" when not even the first
// character of `text` fits.
std::string fit_inside(const std::function<std::string(const std::string&)>& line_with, const std::string& text,
                       float width);

}  // namespace cinelocal::ui
