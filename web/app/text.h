// Every string the UI shows, in the visitor's language: looked up by key in one table per
// language (web/app/strings/<code>.json, embedded at build time), named placeholders filled in,
// numbers and dates written the language's way. A language without a key falls back to English.
// The current language is one value for the whole UI, set at the start of each frame
// (app_view.cpp): every draw function would otherwise have to pass it along.
#pragma once
#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "cinelocal/message.h"
#include "cinelocal/result.h"
#include "language.h"
#include "text_keys.h"  // generated from en.json: enum class Text

namespace cinelocal::ui {

void set_language(Language language);
Language current_language();

struct Decimal {
    double value;
    int digits;
};
// Stars in half steps as people write them: "4", "4.5" ("4,5").
inline Decimal half_steps(float stars) { return {stars, stars == static_cast<float>(static_cast<int>(stars)) ? 0 : 1}; }

// A value for a placeholder. Numbers are written the current language's way; a plural string
// ({"one": ..., "other": ...} in the table) takes its form from the argument named "count".
struct TextArg {
    TextArg(std::string_view arg_name, std::string value) : name(arg_name), text(std::move(value)) {}
    TextArg(std::string_view arg_name, const char* value) : name(arg_name), text(value) {}
    TextArg(std::string_view arg_name, std::integral auto number) : TextArg(arg_name, static_cast<long long>(number), 0) {}
    TextArg(std::string_view arg_name, Decimal number);
    std::string_view name;
    std::string text;
    double amount = 0;  // the number, for the plural form

private:
    TextArg(std::string_view arg_name, long long number, int);
};

const char* tr(Text key);  // a plural string's "other" form
std::string tr(Text key, std::initializer_list<TextArg> args);
// A sentence of the core (a refused file, a bad row), or any key of the tables by name.
std::string tr(const Message& message);
// The core's sentence for an error when it has one; else its English message (technical detail,
// e.g. a bundle file's checksum, for whoever builds the site).
std::string tr(const Error& error);

// A MovieLens genre name ("Sci-Fi") in the current language; an unknown genre as it is.
std::string genre_name(const std::string& english);
// A text given in English that is a value of en.json (the boot script's progress labels) in the
// current language; any other text as it is.
std::string translated_label(std::string_view english);

// Items listed as the UI lists them (film titles, genres): "A, B".
std::string list_text(const std::vector<std::string>& items);

std::string number_text(long long value);
std::string decimal_text(double value, int digits);
// A day from a time in milliseconds since 1970, in the visitor's time zone: "3 May 2026", "3. Mai 2026".
std::string date_text(std::int64_t ms_since_epoch);

// The table of a language as embedded (JSON), for the checks of tests/ui/test_string_tables.cpp.
std::string_view string_table_json(Language language);

}  // namespace cinelocal::ui
