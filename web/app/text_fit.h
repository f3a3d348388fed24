// Text fitted to a width by measuring it with the current font (ImGui::CalcTextSize), on one line.
#pragma once
#include <string>

namespace cinelocal::ui {

bool fits(const std::string& text, float width);
// `kept` followed by `text`, or by as much of `text`'s start as fits and "..." (measured whole, so
// ImGui's rounding of each width cannot make a cut line overflow).
std::string fit_after(const std::string& kept, const std::string& text, float width);
// The text, or as much of its start as fits followed by "...".
std::string fit_one_line(const std::string& text, float width);

}  // namespace cinelocal::ui
