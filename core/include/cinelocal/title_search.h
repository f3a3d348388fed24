// Title search as you type: every query word must start a word of the title, with a typo or two
// allowed in longer words ("shawshenk"); case and accents are ignored ("amelie" finds "Amélie").
// Matches are ordered by how well the query matches (exact, prefix, anywhere, then by typos),
// then by popularity.
#pragma once
#include <string>
#include <vector>

#include "cinelocal/catalogue.h"

namespace cinelocal {

class TitleSearch {
public:
    explicit TitleSearch(const Catalogue& catalogue);
    std::vector<ItemIndex> find(std::string_view query, std::size_t limit) const;

private:
    const Catalogue* catalogue_;
    std::vector<std::vector<std::string>> title_words_;  // per item index, normalised
};

// Folded (lower case, accents removed) words of the text; punctuation and spaces separate words,
// other UTF-8 sequences are kept as part of words.
std::vector<std::string> normalised_words(std::string_view text);

}  // namespace cinelocal
