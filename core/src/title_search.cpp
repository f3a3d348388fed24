#include "cinelocal/title_search.h"

#include <algorithm>
#include <optional>

#include "cinelocal/text_fold.h"

namespace cinelocal {

std::vector<std::string> normalised_words(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (unsigned char c : fold_for_matching(text)) {
        bool word_byte = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80;
        if (word_byte) {
            current.push_back(static_cast<char>(c));
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

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            diagonal = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
        }
    }
    return row[b.size()];
}

// Typos a query word may carry: none below 4 letters, one up to 7, two from 8.
std::size_t allowed_typos(std::size_t length) { return length < 4 ? 0 : length < 8 ? 1 : 2; }

// 0 when the title word starts with the query word; else the fewest typos that turn the query word
// into a start of the title word (of about the same length); nullopt when too many.
std::optional<std::size_t> word_cost(const std::string& query, const std::string& word) {
    if (word.starts_with(query)) return 0;
    const std::size_t allowed = allowed_typos(query.size());
    if (allowed == 0) return std::nullopt;
    std::size_t best = allowed + 1;
    for (std::size_t length = query.size() - 1; length <= query.size() + 1 && length <= word.size(); ++length) {
        best = std::min(best, edit_distance(query, std::string_view(word).substr(0, length)));
    }
    if (best > allowed) return std::nullopt;
    return best;
}

// Total typos for every query word to find its title word; nullopt when one finds none.
std::optional<std::size_t> title_cost(const std::vector<std::string>& query, const std::vector<std::string>& title) {
    std::size_t total = 0;
    for (const auto& q : query) {
        std::optional<std::size_t> best;
        for (const auto& w : title) {
            auto cost = word_cost(q, w);
            if (cost && (!best || *cost < *best)) best = cost;
            if (best == 0u) break;
        }
        if (!best) return std::nullopt;
        total += *best;
    }
    return total;
}

}  // namespace

TitleSearch::TitleSearch(const Catalogue& catalogue) : catalogue_(&catalogue) {
    title_words_.reserve(catalogue.size());
    for (const auto& movie : catalogue.movies()) title_words_.push_back(normalised_words(movie.title));
}

std::vector<ItemIndex> TitleSearch::find(std::string_view query, std::size_t limit) const {
    auto query_words = normalised_words(query);
    if (query_words.empty()) return {};
    struct Match {
        ItemIndex index;
        int quality;
        int positives;
    };
    std::vector<Match> matches;
    for (std::size_t i = 0; i < title_words_.size(); ++i) {
        const auto& words = title_words_[i];
        auto typos = title_cost(query_words, words);
        if (!typos) continue;
        bool starts = *typos == 0 && words.size() >= query_words.size() &&
                      std::equal(query_words.begin(), query_words.end() - 1, words.begin()) &&
                      words[query_words.size() - 1].starts_with(query_words.back());
        // Exact title 2, title starting with the query 1, words anywhere 0, typos below zero.
        int quality = *typos > 0 ? -static_cast<int>(*typos) : starts ? (words == query_words ? 2 : 1) : 0;
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
