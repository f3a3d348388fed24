// Finding the catalogue movie another site means by a title and a year. Titles compare after
// folding (case, accents, punctuation), with a leading or trailing article ignored ("The Matrix" ==
// "Matrix, The"), and a catalogue title also answers to each alternative title in its trailing
// parentheses ("Amelie (Le Fabuleux destin d'Amélie Poulain)"). The year must match; one year off
// is accepted only when no movie of the exact year has the title. The part of a catalogue title
// before ": " counts as an alternative title ("Star Wars: Episode IV - A New Hope" -> "Star Wars").
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cinelocal/catalogue.h"

namespace cinelocal {

enum class TitleMatchKind {
    matched,           // movies holds the one movie
    ambiguous,         // movies holds every candidate, most popular first
    not_in_catalogue,  // no catalogue title matches
    other_year,        // the title exists, but not within a year; movies holds those of other years
};

struct TitleMatch {
    TitleMatchKind kind = TitleMatchKind::not_in_catalogue;
    std::vector<MovieId> movies;
};

// The forms under which a title is looked up: the whole title and the title before its trailing
// parentheses, then (when `with_alternatives`) each parenthesised alternative title and the title
// before its first ": ". Folded, articles dropped, no duplicates.
std::vector<std::string> title_keys(std::string_view title, bool with_alternatives);

class TitleMatcher {
public:
    explicit TitleMatcher(const Catalogue& catalogue);
    // `titles` are spellings of one film (e.g. IMDb's title and original title); year 0 = unknown.
    TitleMatch match(const std::vector<std::string_view>& titles, int year) const;

private:
    struct Entry {
        ItemIndex index;
        bool primary;  // the key is the movie's own title, not one of its alternative titles
    };
    const Catalogue* catalogue_;
    std::unordered_map<std::string, std::vector<Entry>> by_key_;
};

}  // namespace cinelocal
