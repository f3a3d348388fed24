// A card's "why" line: the predicted stars, then the film the visitor rated that explains the pick.
#pragma once
#include <string>

#include "cinelocal/catalogue.h"
#include "cinelocal/explain.h"

namespace cinelocal::ui {

// "Because you liked A, B; despite your low rating of C", or "" when the explanation is empty.
std::string reasons_text(const Catalogue& catalogue, const Explanation& why);

// `lead` (the predicted stars, may be empty) and the reasons, fitted to `width` with the current
// font: the first reason film's name is never cut. The rest gives way first, in this order: the
// "despite" part, the long wording ("Because you liked" -> "Liked"), the second film (cut with an
// ellipsis, then dropped), the lead. Only when the name alone is too wide is it cut.
std::string fit_reason_line(const Catalogue& catalogue, const Explanation& why, const std::string& lead, float width);

}  // namespace cinelocal::ui
