#include "language.h"

#include <cctype>

namespace cinelocal::ui {

const char* language_code(Language language) {
    switch (language) {
        case Language::en: return "en";
        case Language::fr: return "fr";
        case Language::es: return "es";
        case Language::de: return "de";
    }
    return "en";
}

const char* language_name(Language language) {
    switch (language) {
        case Language::en: return "English";
        case Language::fr: return "Français";
        case Language::es: return "Español";
        case Language::de: return "Deutsch";
    }
    return "English";
}

std::optional<Language> language_of_tag(std::string_view tag) {
    // The primary subtag: letters up to the first "-" or "_" (BCP 47, or a POSIX-style "de_DE").
    const std::size_t end = tag.find_first_of("-_");
    const std::string_view primary = tag.substr(0, end);
    if (primary.size() != 2) return std::nullopt;
    std::string lower;
    for (char c : primary) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    for (Language language : k_languages) {
        if (lower == language_code(language)) return language;
    }
    return std::nullopt;
}

Language browser_language(std::span<const std::string> preferred) {
    for (const auto& tag : preferred) {
        if (auto language = language_of_tag(tag)) return *language;
    }
    return Language::en;
}

Language chosen_language(std::string_view saved, std::span<const std::string> preferred) {
    for (Language language : k_languages) {
        if (saved == language_code(language)) return language;
    }
    return browser_language(preferred);
}

PluralForm plural_form(Language language, double n) {
    if (language == Language::fr) return n >= 0 && n < 2 ? PluralForm::one : PluralForm::other;
    return n == 1 ? PluralForm::one : PluralForm::other;
}

}  // namespace cinelocal::ui
