#include "locale_format.h"

#include <cmath>
#include <cstdio>

namespace cinelocal::ui {
namespace {

struct NumberStyle {
    const char* decimal;
    const char* group;
    int min_grouped_digits;  // integer parts with fewer digits stay ungrouped
};

NumberStyle style_of(Language language) {
    switch (language) {
        case Language::en: return {".", ",", 4};
        case Language::fr: return {",", "\xc2\xa0", 4};  // U+00A0: a group never wraps onto two lines
        case Language::es: return {",", ".", 5};
        case Language::de: return {",", ".", 4};
    }
    return {".", ",", 4};
}

// "-1234567" -> "-1,234,567" (digits of the integer part, the sign kept in front).
std::string grouped(const std::string& integer_part, const NumberStyle& style) {
    const bool negative = !integer_part.empty() && integer_part.front() == '-';
    const std::string digits = negative ? integer_part.substr(1) : integer_part;
    if (static_cast<int>(digits.size()) < style.min_grouped_digits) return integer_part;
    std::string out = negative ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += style.group;
        out.push_back(digits[i]);
    }
    return out;
}

}  // namespace

std::string format_integer(long long value, Language language) {
    return grouped(std::to_string(value), style_of(language));
}

std::string format_decimal(double value, int digits, Language language) {
    if (!std::isfinite(value)) return "?";
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    std::string written = text;
    if (written.front() == '-' && written.find_first_not_of("-0.") == std::string::npos) {
        written.erase(0, 1);  // -0.0 after rounding reads as 0.0
    }
    const NumberStyle style = style_of(language);
    const std::size_t point = written.find('.');
    if (point == std::string::npos) return grouped(written, style);
    return grouped(written.substr(0, point), style) + style.decimal + written.substr(point + 1);
}

}  // namespace cinelocal::ui
