// Numbers written the way each language writes them: a decimal comma in French, Spanish and
// German ("4,2"), and thousands grouped with ",", a no-break space, "." or "." (Spanish only from
// five digits, as its style guides and CLDR say).
#pragma once
#include <string>

#include "language.h"

namespace cinelocal::ui {

std::string format_integer(long long value, Language language);
std::string format_decimal(double value, int digits, Language language);

}  // namespace cinelocal::ui
