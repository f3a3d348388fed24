#include "cinelocal/english_stemmer.h"

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

// The steps follow https://snowballstem.org/algorithms/english/stemmer.html (Snowball 2.2.0).
// Every edit happens at the word's end, so the regions R1 and R2, found once on the whole word,
// stay valid as the steps shorten it. In each suffix table the longest suffix that matches is the
// one the step considers; if its condition fails, the step does nothing.
namespace cinelocal {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool ends_with(const std::string& word, std::string_view tail) {
    return word.size() >= tail.size() && word.compare(word.size() - tail.size(), tail.size(), tail) == 0;
}

bool has_vowel_before(const std::string& word, std::size_t end) {
    for (std::size_t i = 0; i < end; ++i) {
        if (is_vowel(word[i])) return true;
    }
    return false;
}

struct Suffix {
    std::string_view text;
    int action;
};

// The longest suffix of the table that ends the word.
template <std::size_t N>
std::optional<Suffix> longest_suffix(const std::string& word, const std::array<Suffix, N>& table) {
    std::optional<Suffix> best;
    for (const auto& suffix : table) {
        if (ends_with(word, suffix.text) && (!best || suffix.text.size() > best->text.size())) best = suffix;
    }
    return best;
}

void replace_end(std::string& word, std::size_t length, std::string_view with) {
    word.replace(word.size() - length, length, with);
}

struct Regions {
    std::size_t r1;
    std::size_t r2;
};

// Where the first non-vowel after a vowel ends, searching from `from`; the word's end if none.
std::size_t after_vowel_then_consonant(const std::string& word, std::size_t from) {
    std::size_t i = from;
    while (i < word.size() && !is_vowel(word[i])) ++i;
    if (i >= word.size()) return word.size();
    ++i;
    while (i < word.size() && is_vowel(word[i])) ++i;
    return i >= word.size() ? word.size() : i + 1;
}

Regions mark_regions(const std::string& word) {
    std::size_t r1 = word.size();
    bool prefixed = false;
    for (std::string_view prefix : {"gener", "commun", "arsen"}) {
        if (word.starts_with(prefix)) {
            r1 = prefix.size();
            prefixed = true;
        }
    }
    if (!prefixed) r1 = after_vowel_then_consonant(word, 0);
    const std::size_t r2 = r1 >= word.size() ? word.size() : after_vowel_then_consonant(word, r1);
    return {r1, r2};
}

// A short syllable ends word[0, end): non-vowel, vowel, non-vowel other than w, x or Y; or, at the
// word's start, vowel then non-vowel.
bool ends_in_short_syllable(const std::string& word, std::size_t end) {
    if (end >= 3) {
        const char last = word[end - 1];
        const bool last_allowed = !is_vowel(last) && last != 'w' && last != 'x' && last != 'Y';
        if (last_allowed && is_vowel(word[end - 2]) && !is_vowel(word[end - 3])) return true;
    }
    return end == 2 && is_vowel(word[0]) && !is_vowel(word[1]);
}

// Words the rules would get wrong, stemmed as a whole (Snowball's "exception1").
std::optional<std::string> whole_word_exception(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> k_exceptions{{
        {"skis", "ski"}, {"skies", "sky"}, {"dying", "die"}, {"lying", "lie"}, {"tying", "tie"},
        {"idly", "idl"}, {"gently", "gentl"}, {"ugly", "ugli"}, {"early", "earli"}, {"only", "onli"},
        {"singly", "singl"}, {"sky", "sky"}, {"news", "news"}, {"howe", "howe"}, {"atlas", "atlas"},
        {"cosmos", "cosmos"}, {"bias", "bias"}, {"andes", "andes"},
    }};
    for (const auto& [from, to] : k_exceptions) {
        if (word == from) return std::string(to);
    }
    return std::nullopt;
}

// Words left alone after step 1a (Snowball's "exception2").
bool is_invariant_after_step_1a(const std::string& word) {
    for (std::string_view invariant : {"inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"}) {
        if (word == invariant) return true;
    }
    return false;
}

// y at the start or after a vowel is a consonant: marked Y until the postlude.
bool mark_consonant_y(std::string& word) {
    bool found = false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word[i] == 'y' && (i == 0 || is_vowel(word[i - 1]))) {
            word[i] = 'Y';
            found = true;
        }
    }
    return found;
}

void step_1a(std::string& word) {
    for (std::string_view apostrophe : {"'s'", "'s", "'"}) {
        if (ends_with(word, apostrophe)) {
            word.resize(word.size() - apostrophe.size());
            break;
        }
    }
    if (ends_with(word, "sses")) {
        replace_end(word, 4, "ss");
    } else if (ends_with(word, "ied") || ends_with(word, "ies")) {
        replace_end(word, 3, word.size() > 4 ? "i" : "ie");  // "cries" -> "cri", "ties" -> "tie"
    } else if (ends_with(word, "ss") || ends_with(word, "us")) {
        // kept: "boss", "virus"
    } else if (ends_with(word, "s") && word.size() >= 3 && has_vowel_before(word, word.size() - 2)) {
        word.pop_back();  // "gas" and "this" keep theirs: no vowel before the letter ahead of the s
    }
}

void step_1b(std::string& word, const Regions& regions) {
    static constexpr std::array<Suffix, 6> k_suffixes{{
        {"eed", 1}, {"eedly", 1}, {"ed", 2}, {"edly", 2}, {"ing", 2}, {"ingly", 2},
    }};
    const auto suffix = longest_suffix(word, k_suffixes);
    if (!suffix) return;
    const std::size_t start = word.size() - suffix->text.size();
    if (suffix->action == 1) {
        if (start >= regions.r1) replace_end(word, suffix->text.size(), "ee");
        return;
    }
    if (!has_vowel_before(word, start)) return;
    word.resize(start);
    if (ends_with(word, "at") || ends_with(word, "bl") || ends_with(word, "iz")) {
        word.push_back('e');
        return;
    }
    for (std::string_view doubled : {"bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"}) {
        if (ends_with(word, doubled)) {
            word.pop_back();
            return;
        }
    }
    if (word.size() == regions.r1 && ends_in_short_syllable(word, word.size())) word.push_back('e');
}

void step_1c(std::string& word) {
    const std::size_t n = word.size();
    if (n >= 3 && (word[n - 1] == 'y' || word[n - 1] == 'Y') && !is_vowel(word[n - 2])) word[n - 1] = 'i';
}

bool is_valid_li_ending(char c) {
    return c == 'c' || c == 'd' || c == 'e' || c == 'g' || c == 'h' || c == 'k' || c == 'm' || c == 'n' || c == 'r' || c == 't';
}

void step_2(std::string& word, const Regions& regions) {
    static constexpr std::array<Suffix, 24> k_suffixes{{
        {"tional", 1}, {"enci", 2}, {"anci", 3}, {"abli", 4}, {"entli", 5}, {"izer", 6},
        {"ization", 6}, {"ational", 7}, {"ation", 7}, {"ator", 7}, {"alism", 8}, {"aliti", 8},
        {"alli", 8}, {"fulness", 9}, {"fulli", 9}, {"ousli", 10}, {"ousness", 10}, {"iveness", 11},
        {"iviti", 11}, {"biliti", 12}, {"bli", 12}, {"ogi", 13}, {"lessli", 14}, {"li", 15},
    }};
    static constexpr std::array<std::string_view, 15> k_replacements{
        "", "tion", "ence", "ance", "able", "ent", "ize", "ate", "al", "ful", "ous", "ive", "ble", "og", "less"};
    const auto suffix = longest_suffix(word, k_suffixes);
    if (!suffix) return;
    const std::size_t length = suffix->text.size();
    const std::size_t start = word.size() - length;
    if (start < regions.r1) return;
    if (suffix->action == 13) {
        if (start >= 1 && word[start - 1] == 'l') replace_end(word, length, k_replacements[13]);  // "logi" -> "log"
    } else if (suffix->action == 15) {
        if (start >= 1 && is_valid_li_ending(word[start - 1])) word.resize(start);
    } else {
        replace_end(word, length, k_replacements[static_cast<std::size_t>(suffix->action)]);
    }
}

void step_3(std::string& word, const Regions& regions) {
    static constexpr std::array<Suffix, 9> k_suffixes{{
        {"tional", 1}, {"ational", 2}, {"alize", 3}, {"icate", 4}, {"iciti", 4},
        {"ical", 4}, {"ful", 5}, {"ness", 5}, {"ative", 6},
    }};
    const auto suffix = longest_suffix(word, k_suffixes);
    if (!suffix) return;
    const std::size_t length = suffix->text.size();
    const std::size_t start = word.size() - length;
    if (start < regions.r1) return;
    switch (suffix->action) {
        case 1: replace_end(word, length, "tion"); break;
        case 2: replace_end(word, length, "ate"); break;
        case 3: replace_end(word, length, "al"); break;
        case 4: replace_end(word, length, "ic"); break;
        case 5: word.resize(start); break;
        default:
            if (start >= regions.r2) word.resize(start);
            break;
    }
}

void step_4(std::string& word, const Regions& regions) {
    static constexpr std::array<Suffix, 18> k_suffixes{{
        {"ic", 1}, {"ance", 1}, {"ence", 1}, {"able", 1}, {"ible", 1}, {"ate", 1},
        {"ive", 1}, {"ize", 1}, {"iti", 1}, {"al", 1}, {"ism", 1}, {"ion", 2},
        {"er", 1}, {"ous", 1}, {"ant", 1}, {"ent", 1}, {"ment", 1}, {"ement", 1},
    }};
    const auto suffix = longest_suffix(word, k_suffixes);
    if (!suffix) return;
    const std::size_t start = word.size() - suffix->text.size();
    if (start < regions.r2) return;
    if (suffix->action == 2 && !(start >= 1 && (word[start - 1] == 's' || word[start - 1] == 't'))) return;
    word.resize(start);
}

void step_5(std::string& word, const Regions& regions) {
    if (word.empty()) return;
    const std::size_t last = word.size() - 1;
    if (word[last] == 'e') {
        if (last >= regions.r2 || (last >= regions.r1 && !ends_in_short_syllable(word, last))) word.pop_back();
    } else if (word[last] == 'l') {
        if (last >= regions.r2 && last >= 1 && word[last - 1] == 'l') word.pop_back();
    }
}

}  // namespace

std::string snowball_english_stem(std::string_view input) {
    if (auto exception = whole_word_exception(input)) return *exception;
    std::string word(input);
    if (word.size() < 3) return word;
    if (word.front() == '\'') word.erase(0, 1);
    const bool marked_y = mark_consonant_y(word);
    const Regions regions = mark_regions(word);
    step_1a(word);
    if (!is_invariant_after_step_1a(word)) {
        step_1b(word, regions);
        step_1c(word);
        step_2(word, regions);
        step_3(word, regions);
        step_4(word, regions);
        step_5(word, regions);
    }
    if (marked_y) {
        for (char& c : word) {
            if (c == 'Y') c = 'y';
        }
    }
    return word;
}

}  // namespace cinelocal
