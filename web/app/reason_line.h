// A card's "why" line: the film the visitor rated that explains the pick, fitted to the card, in
// the visitor's language.
#pragma once
#include <string>

#include "cinelocal/catalogue.h"
#include "cinelocal/explain.h"

namespace cinelocal::ui {

// "Because you liked A, B; despite your low rating of C", or "" when the explanation is empty.
std::string reasons_text(const Catalogue& catalogue, const Explanation& why);

// The reasons fitted to `width` with the current font: the first reason film's name is never cut.
// The rest gives way first, in this order: the "despite" part, the wording ("Because you liked" ->
// "Liked" -> a heart), the second film (cut with an ellipsis, then dropped). Only when the name
// alone is too wide is it cut. "" when the explanation is empty.
std::string fit_reason_line(const Catalogue& catalogue, const Explanation& why, float width);

}  // namespace cinelocal::ui
