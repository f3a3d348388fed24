// The four languages of the UI, how one is chosen (the visitor's choice in Settings, else the
// first of the browser's preferred languages we have, else English) and their plural rule.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cinelocal::ui {

enum class Language { en, fr, es, de };  // the order of the string tables (web/app/strings/embed_strings.cmake)
inline constexpr Language k_languages[] = {Language::en, Language::fr, Language::es, Language::de};

const char* language_code(Language language);  // "en", "fr", "es", "de": saved in the profile, the page's lang
const char* language_name(Language language);  // in the language itself: "Deutsch", as the switch lists it

// "de", "de-DE", "DE-at" -> German; a language we lack, or an ill-formed tag, -> nullopt.
std::optional<Language> language_of_tag(std::string_view tag);
// The first of the browser's preferred languages (navigator.languages) we have, else English.
Language browser_language(std::span<const std::string> preferred);
// The visitor's saved choice when it names one of ours ("" = follow the browser; anything else,
// e.g. a code saved by a newer CineLocal, also follows the browser), else the browser's.
Language chosen_language(std::string_view saved, std::span<const std::string> preferred);

// Which form of a plural string a number takes: English, Spanish and German use "one" for 1 only,
// French for everything below 2 (0, 1, 1.5).
enum class PluralForm { one, other };
PluralForm plural_form(Language language, double n);

}  // namespace cinelocal::ui
