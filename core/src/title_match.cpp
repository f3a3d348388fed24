#include "cinelocal/title_match.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>

#include "cinelocal/title_search.h"

namespace cinelocal {
namespace {

// Articles MovieLens moves behind a comma ("Haine, La") and other sites keep in front. "i" and
// "o" are left out: they start too many English titles ("I, Robot").
constexpr std::array<std::string_view, 27> k_articles = {
    "the", "a", "an", "la", "le", "les", "l", "il", "lo", "gli", "el", "los", "las", "un", "une",
    "una", "uno", "der", "die", "das", "den", "det", "ein", "eine", "het", "os", "as"};

bool is_article(std::string_view word) {
    return std::find(k_articles.begin(), k_articles.end(), word) != k_articles.end();
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// Typographic punctuation as plain ASCII, "&" as "and", and an elided article split off
// ("L'Auberge" -> "L Auberge", while "Schindler's" stays one word).
std::string plain_punctuation(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        auto next = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
        if (c == 0xE2 && next(1) == 0x80 && (next(2) == 0x98 || next(2) == 0x99)) {  // ‘ ’
            out.push_back('\'');
            i += 2;
        } else if ((c == 0xE2 && next(1) == 0x80 && next(2) >= 0x90 && next(2) <= 0xA6) ||  // dashes, quotes, …
                   (c == 0xC2 && (next(1) == 0xA0 || next(1) == 0xAB || next(1) == 0xBB))) {  // nbsp « »
            out.push_back(' ');
            i += c == 0xE2 ? 2 : 1;
        } else if (c == '&') {
            out += " and ";
        } else {
            out.push_back(static_cast<char>(c));
        }
        bool elision = out.size() >= 2 && out.back() == '\'' && std::isalpha(static_cast<unsigned char>(out[out.size() - 2])) &&
                       (out.size() == 2 || out[out.size() - 3] == ' ');
        if (elision) out.back() = ' ';
    }
    return out;
}

std::string joined_words(std::string_view text) {
    std::string joined;
    for (const auto& word : normalised_words(plain_punctuation(text))) {
        if (!joined.empty()) joined.push_back(' ');
        joined += word;
    }
    return joined;
}

// The folded title without its article, wherever the article stands ("Matrix, The" -> "matrix").
std::string canonical(std::string_view title) {
    title = trim(title);
    if (auto comma = title.rfind(", "); comma != std::string_view::npos && is_article(joined_words(title.substr(comma + 2)))) {
        title = title.substr(0, comma);
    }
    std::string folded = joined_words(title);
    if (auto space = folded.find(' '); space != std::string::npos && is_article(folded.substr(0, space))) {
        folded.erase(0, space + 1);
    }
    return folded;
}

// "a.k.a. Se7en" -> "Se7en"
std::string_view without_aka(std::string_view alternative) {
    for (std::string_view prefix : {"a.k.a. ", "aka "}) {
        if (alternative.size() > prefix.size() && joined_words(alternative.substr(0, prefix.size())) ==
                                                      joined_words(prefix)) {
            return trim(alternative.substr(prefix.size()));
        }
    }
    return alternative;
}

}  // namespace

std::vector<std::string> title_keys(std::string_view title, bool with_alternatives) {
    title = trim(title);
    std::vector<std::string_view> alternatives;
    std::string_view main = title;
    // Peel trailing "(...)" groups, innermost nesting respected: "Hate (La Haine)" -> "Hate" + "La Haine".
    while (main.size() > 1 && main.back() == ')') {
        int depth = 0;
        std::size_t open = std::string_view::npos;
        for (std::size_t i = main.size(); i-- > 0;) {
            if (main[i] == ')') ++depth;
            if (main[i] == '(' && --depth == 0) {
                open = i;
                break;
            }
        }
        if (open == std::string_view::npos || open == 0) break;
        alternatives.push_back(without_aka(trim(main.substr(open + 1, main.size() - open - 2))));
        main = trim(main.substr(0, open));
    }
    std::vector<std::string> keys;
    auto add = [&](std::string_view text) {
        std::string key = canonical(text);
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    };
    add(title);
    add(main);
    if (with_alternatives) {
        for (auto alternative : alternatives) add(alternative);
        // "Star Wars: Episode IV - A New Hope" also answers to "Star Wars" (the year still has to match).
        if (auto colon = main.find(": "); colon != std::string_view::npos && colon > 0) add(main.substr(0, colon));
    }
    return keys;
}

TitleMatcher::TitleMatcher(const Catalogue& catalogue) : catalogue_(&catalogue) {
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        auto index = static_cast<ItemIndex>(i);
        const std::string& title = catalogue.movie(index).title;
        auto primary = title_keys(title, false);
        for (const auto& key : title_keys(title, true)) {
            bool is_primary = std::find(primary.begin(), primary.end(), key) != primary.end();
            by_key_[key].push_back({index, is_primary});
        }
    }
}

TitleMatch TitleMatcher::match(const std::vector<std::string_view>& titles, int year) const {
    std::map<ItemIndex, bool> candidates;  // item -> found under its own title
    for (auto title : titles) {
        for (const auto& key : title_keys(title, false)) {
            auto it = by_key_.find(key);
            if (it == by_key_.end()) continue;
            for (const auto& entry : it->second) candidates[entry.index] |= entry.primary;
        }
    }
    TitleMatch result;
    if (candidates.empty()) return result;

    auto within = [&](int distance) {
        std::vector<std::pair<ItemIndex, bool>> kept;
        for (const auto& [index, primary] : candidates) {
            int movie_year = catalogue_->movie(index).year;
            // A catalogue movie of unknown year counts as one year off: never preferred over an exact year.
            int off = movie_year == 0 ? 1 : std::abs(movie_year - year);
            if (year == 0 || off == distance) kept.emplace_back(index, primary);
        }
        return kept;
    };
    auto kept = within(0);
    if (kept.empty()) kept = within(1);
    if (kept.empty()) {
        result.kind = TitleMatchKind::other_year;
        for (const auto& [index, primary] : candidates) result.movies.push_back(catalogue_->movie(index).id);
        return result;
    }
    // A movie found under its own title beats one found under an alternative title.
    auto primaries = std::count_if(kept.begin(), kept.end(), [](const auto& k) { return k.second; });
    if (primaries == 1) {
        std::erase_if(kept, [](const auto& k) { return !k.second; });
    }
    std::sort(kept.begin(), kept.end(), [&](const auto& a, const auto& b) {
        const Movie& ma = catalogue_->movie(a.first);
        const Movie& mb = catalogue_->movie(b.first);
        if (ma.positives != mb.positives) return ma.positives > mb.positives;
        return ma.id < mb.id;
    });
    result.kind = kept.size() == 1 ? TitleMatchKind::matched : TitleMatchKind::ambiguous;
    for (const auto& k : kept) result.movies.push_back(catalogue_->movie(k.first).id);
    return result;
}

}  // namespace cinelocal
