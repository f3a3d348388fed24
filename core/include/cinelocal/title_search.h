// Title search: every query word must start a word of the title (case and accents of ASCII
// letters ignored); matches are ordered by how well the query matches, then by popularity.
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

// Lower-case ASCII words of the text; other bytes (punctuation, spaces) separate words, UTF-8
// sequences are kept as part of words.
std::vector<std::string> normalised_words(std::string_view text);

}  // namespace cinelocal
