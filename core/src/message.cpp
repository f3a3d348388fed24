#include "cinelocal/message.h"

#include <algorithm>

namespace cinelocal {
namespace {

// Every sentence the core says. A key starts with the part of the core that says it; the UI's
// tables (web/app/strings/{fr,es,de}.json) translate each one, and a test checks they all do.
constexpr MessagePattern k_english[] = {
    // A text that is already words (an error with no sentence of its own: result.h, said_of).
    {"text.verbatim", "{text}"},
    // Reading a CSV file (csv.cpp).
    {"csv.nul_byte", "{file} line {line}: holds a NUL byte; this is not a text file"},
    {"csv.not_utf8", "{file} line {line}: the text is not UTF-8; save the file as UTF-8 and import it again"},
    {"csv.too_many_rows", "{file} line {line}: the file has more than {max} rows; CineLocal imports up to {max} at once"},
    {"csv.quote_not_closed", "{file} line {line}: a quoted field is never closed (a \" is missing)"},
    {"csv.text_after_quote",
     "{file} line {line}: text follows a closing quote; a quote inside a field must be doubled (\"\")"},
    // Importing ratings (ratings_import.cpp).
    {"import.letterboxd_without_ratings",
     "{file} is a Letterboxd export without ratings (watched.csv or watchlist.csv?); import ratings.csv or diary.csv"},
    {"import.unknown_format", "{file} line 1: not a Letterboxd ratings.csv / diary.csv or an IMDb ratings export "
                              "(the header names none of their columns)"},
    {"import.file_empty", "{file} is empty"},
    {"import.missing_column", "{file} line 1: the header lacks the \"{column}\" column"},
    {"import.file_problem", "{file}: {reason}"},
    {"import.too_large", "{file} is {size_kb} KB; CineLocal imports files up to {max_mb} MB (a ratings export is far "
                         "smaller: is this the right file?)"},
    {"import.not_ambiguous", "{file} line {line} is not an ambiguous row"},
    {"import.not_a_candidate", "{file} line {line}: movie {movie} is not one of its candidates"},
    {"import.line_problem", "{file} line {line}: {reason}"},
    {"import.too_many_ratings", "the import would make {count} ratings, more than the {max} CineLocal keeps"},
    {"import.too_many_seen", "the import would make {count} seen films, more than the {max} CineLocal keeps"},
    {"import.too_many_watchlist",
     "the import would make {count} watchlist entries, more than the {max} CineLocal keeps"},
    {"import.unrated_not_seen",
     "{file} lists its unrated films without saying they were seen; they cannot be marked seen"},
    {"import.row.field_count", "the row has {fields} fields, the header {header_fields}"},
    {"import.row.title_empty", "the title is empty"},
    {"import.row.not_a_year", "\"{value}\" is not a year"},
    {"import.row.not_stars", "\"{value}\" is not a rating from 0.5 to 5 stars in half steps"},
    {"import.row.not_ten_point", "\"{value}\" is not a rating from 1 to 10"},
    {"import.reason.not_in_catalogue", "not in CineLocal's catalogue"},
    {"import.reason.other_year", "in the catalogue only with another year"},
    {"import.reason.not_a_film", "not a film (a series, episode or game)"},
    {"import.reason.unrated_ambiguous", "not rated, and several films have this title"},
    {"import.format.letterboxd_ratings", "Letterboxd ratings"},
    {"import.format.letterboxd_diary", "Letterboxd diary"},
    {"import.format.imdb_ratings", "IMDb ratings"},
    {"import.format.cinelocal_json", "CineLocal export"},
    // Reading a saved or exported profile (profile_json.cpp, profile.cpp).
    {"profile.not_a_profile", "the saved profile is not a CineLocal profile"},
    {"profile.too_large", "the profile is {size_kb} KB, more than the {max_mb} MB CineLocal reads"},
    {"profile.version_unknown", "the saved profile has version {version}, this CineLocal reads 1 to {max}"},
    {"profile.version_newer",
     "the saved profile has version {version}, this CineLocal reads 1 to {max} (it was made by a newer CineLocal)"},
    {"profile.too_many_ratings", "the profile has {count} ratings, more than the {max} CineLocal keeps"},
    {"profile.too_many_watchlist", "the profile's watchlist has {count} entries, more than the {max} CineLocal keeps"},
    {"profile.too_many_not_interested",
     "the profile's \"not interested\" list has {count} entries, more than the {max} CineLocal keeps"},
    {"profile.too_many_seen", "the profile's \"seen\" list has {count} entries, more than the {max} CineLocal keeps"},
    {"profile.invalid_rating", "the saved profile rates movie {movie} {stars} stars: {reason}"},
    {"profile.malformed", "the saved profile is malformed: {detail}"},
    {"profile.rating_range", "a rating must be 0.5 to 5 stars in half steps"},
    // Describe-it's text (text_tokenizer.cpp).
    {"describe.invalid_utf8", "The text is not valid UTF-8."},
    {"describe.empty_text", "Type a few words that describe the movie."},
    {"describe.no_known_words", "None of these words is known to the describe-it search; try other words."},
};

}  // namespace

Message Message::with(std::string name, std::string text) && {
    args.push_back({std::move(name), std::move(text), {}});
    return std::move(*this);
}

Message Message::with(std::string name, long long number) && {
    return std::move(*this).with(std::move(name), std::to_string(number));
}

Message Message::with(std::string name, Message reason) && {
    args.push_back({std::move(name), {}, {std::move(reason)}});
    return std::move(*this);
}

std::span<const MessagePattern> english_patterns() { return k_english; }

std::string_view english_pattern(std::string_view key) {
    auto it = std::find_if(std::begin(k_english), std::end(k_english), [&](const MessagePattern& p) { return p.key == key; });
    return it == std::end(k_english) ? std::string_view{} : it->english;
}

std::string fill_pattern(std::string_view pattern, const Message& message,
                         const std::function<std::string(const Message&)>& say) {
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size();) {
        const std::size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
        if (close == std::string_view::npos) {
            out.push_back(pattern[i++]);
            continue;
        }
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        auto arg = std::find_if(message.args.begin(), message.args.end(), [&](const Message::Arg& a) { return a.name == name; });
        if (arg == message.args.end()) {
            out.append(pattern.substr(i, close - i + 1));
        } else {
            out += arg->said.empty() ? arg->text : say(arg->said.front());
        }
        i = close + 1;
    }
    return out;
}

std::vector<std::string> placeholder_names(std::string_view pattern) {
    std::vector<std::string> names;
    for (std::size_t open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1)) {
        const std::size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) break;
        names.emplace_back(pattern.substr(open + 1, close - open - 1));
    }
    return names;
}

std::string english(const Message& message) {
    return fill_pattern(english_pattern(message.key), message, [](const Message& m) { return english(m); });
}

}  // namespace cinelocal
