#include "cinelocal/title_search.h"

#include <algorithm>

namespace cinelocal {

std::vector<std::string> normalised_words(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (unsigned char c : text) {
        bool word_byte = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (word_byte) {
            current.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        } else if (c == '\'') {
            continue;  // "Schindler's" matches "schindlers"
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

TitleSearch::TitleSearch(const Catalogue& catalogue) : catalogue_(&catalogue) {
    title_words_.reserve(catalogue.size());
    for (const auto& movie : catalogue.movies()) title_words_.push_back(normalised_words(movie.title));
}

std::vector<ItemIndex> TitleSearch::find(std::string_view query, std::size_t limit) const {
    auto query_words = normalised_words(query);
    if (query_words.empty()) return {};
    struct Match {
        ItemIndex index;
        int quality;  // 2: the title is exactly the query, 1: the title starts with it, 0: words anywhere
        int positives;
    };
    std::vector<Match> matches;
    for (std::size_t i = 0; i < title_words_.size(); ++i) {
        const auto& words = title_words_[i];
        bool all_found = std::all_of(query_words.begin(), query_words.end(), [&](const std::string& q) {
            return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.starts_with(q); });
        });
        if (!all_found) continue;
        bool starts = words.size() >= query_words.size() &&
                      std::equal(query_words.begin(), query_words.end() - 1, words.begin()) &&
                      words[query_words.size() - 1].starts_with(query_words.back());
        int quality = starts ? (words == query_words ? 2 : 1) : 0;
        matches.push_back({static_cast<ItemIndex>(i), quality, catalogue_->movie(static_cast<ItemIndex>(i)).positives});
    }
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        if (a.quality != b.quality) return a.quality > b.quality;
        if (a.positives != b.positives) return a.positives > b.positives;
        return a.index < b.index;
    });
    std::vector<ItemIndex> result;
    for (std::size_t i = 0; i < matches.size() && i < limit; ++i) result.push_back(matches[i].index);
    return result;
}

}  // namespace cinelocal
