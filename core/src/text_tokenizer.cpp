#include "cinelocal/text_tokenizer.h"

#include <algorithm>
#include <optional>

#include <nlohmann/json.hpp>

#include "cinelocal/english_stemmer.h"
#include "json_integer.h"

namespace cinelocal {
namespace {

// Format 1: no stemming, every id is a model input. Format 2 adds "stem" and "model_id_count".
constexpr int k_oldest_vocab_format = 1;
constexpr int k_vocab_format_version = 2;

bool ends_with(const std::string& word, std::string_view tail) {
    return word.size() >= tail.size() && word.compare(word.size() - tail.size(), tail.size(), tail) == 0;
}

std::string singular_ie(std::string word) {
    if (word.size() >= 5 && ends_with(word, "ie")) word.replace(word.size() - 2, 2, "y");
    return word;
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. nullopt on any error.
std::optional<std::vector<char32_t>> decode_utf8(std::string_view text) {
    std::vector<char32_t> out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
        if (length == 0 || i + length > text.size()) return std::nullopt;
        char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (next & 0x3F);
        }
        constexpr char32_t k_smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < k_smallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
        out.push_back(cp);
        i += length;
    }
    return out;
}

// The single code point of a JSON key such as "é"; nullopt if it is not exactly one.
std::optional<char32_t> single_code_point(const std::string& key) {
    auto cps = decode_utf8(key);
    if (!cps || cps->size() != 1) return std::nullopt;
    return cps->front();
}

bool is_ascii_word_char(char32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

// Whether a vocabulary can hold the word at all: text_vocab.build_vocabulary keeps every word of
// two or more characters that is not all digits. The others ("x", "1912") are in films' texts but
// never searchable, so they are not named as missing from them.
bool vocabulary_may_hold(const std::string& word) {
    return word.size() >= 2 && !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Error vocab_error(const std::string& what) { return make_error(ErrorCode::invalid_format, "content_vocab.json: " + what); }

}  // namespace

std::string s_stem(const std::string& word) {
    // The rules and why: models/cinelocal_models/text_vocab.py s_stem (its twin).
    const std::size_t n = word.size();
    if (n < 4) return word;
    if (n >= 5 && ends_with(word, "ies") && !ends_with(word, "eies") && !ends_with(word, "aies")) {
        return word.substr(0, n - 3) + "y";
    }
    if (ends_with(word, "es") && !ends_with(word, "aes") && !ends_with(word, "ees") && !ends_with(word, "oes")) {
        return singular_ie(word.substr(0, n - 1));
    }
    if (ends_with(word, "s") && !ends_with(word, "us") && !ends_with(word, "ss") && !ends_with(word, "is")) {
        return singular_ie(word.substr(0, n - 1));
    }
    return singular_ie(word);
}

std::optional<StemRule> stem_rule_from_name(std::string_view name) {
    if (name == "none") return StemRule::none;
    if (name == "s_stemmer") return StemRule::s_stemmer;
    if (name == "snowball_english") return StemRule::snowball_english;
    return std::nullopt;
}

std::string stem_word(StemRule rule, const std::string& word) {
    switch (rule) {
        case StemRule::none: return word;
        case StemRule::s_stemmer: return s_stem(word);
        case StemRule::snowball_english: return snowball_english_stem(word);
    }
    return word;
}

const char* text_problem_name(TextProblem problem) {
    switch (problem) {
        case TextProblem::none: return "none";
        case TextProblem::invalid_utf8: return "invalid_utf8";
        case TextProblem::empty_text: return "empty_text";
        case TextProblem::no_known_words: return "no_known_words";
    }
    return "unknown_problem";
}

Message text_problem_said(TextProblem problem) {
    switch (problem) {
        case TextProblem::none: return {};
        case TextProblem::invalid_utf8: return Message("describe.invalid_utf8");
        case TextProblem::empty_text: return Message("describe.empty_text");
        case TextProblem::no_known_words: return Message("describe.no_known_words");
    }
    return {};
}

std::string text_problem_message(TextProblem problem) { return english(text_problem_said(problem)); }

Result<TextTokenizer> TextTokenizer::parse(std::string_view vocab_json) {
    auto json = nlohmann::json::parse(vocab_json, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object()) return vocab_error("not valid JSON");
    // Integers read range-checked: a float max_tokens of 1e30 was an undefined cast (found by fuzzing).
    const int version = json.contains("format_version") && json["format_version"].is_number_integer()
                            ? json.value("format_version", 0)
                            : 0;
    if (version < k_oldest_vocab_format || version > k_vocab_format_version) {
        return make_error(ErrorCode::unsupported_version, "content_vocab.json has format version " + std::to_string(version) +
                                                              ", this app reads versions " + std::to_string(k_oldest_vocab_format) +
                                                              " to " + std::to_string(k_vocab_format_version));
    }
    TextTokenizer tokenizer;
    try {
        tokenizer.max_tokens_ = json_integer<std::size_t>(json.at("max_tokens"));
        tokenizer.id_count_ = json_integer<std::int32_t>(json.at("id_count"));
        tokenizer.model_id_count_ = tokenizer.id_count_;
        if (version >= 2) {
            tokenizer.model_id_count_ = json_integer<std::int32_t>(json.at("model_id_count"));
            const auto rule = json.at("stem").get<std::string>();
            const auto stem_rule = stem_rule_from_name(rule);
            if (!stem_rule) return vocab_error("unknown stem rule \"" + rule + "\"");
            tokenizer.stem_rule_ = *stem_rule;
        }
        if (tokenizer.model_id_count_ < 1 || tokenizer.model_id_count_ > tokenizer.id_count_) {
            return vocab_error("model_id_count is outside 1..id_count");
        }
        for (const auto& range : json.at("join")) {
            const auto lo = json_integer<std::uint32_t>(range.at(0)), hi = json_integer<std::uint32_t>(range.at(1));
            if (lo > hi || hi > 0x10FFFF) return vocab_error("a join range is out of order or beyond U+10FFFF");
            tokenizer.join_.emplace_back(char32_t(lo), char32_t(hi));
        }
        for (const auto& [key, value] : json.at("fold").items()) {
            auto cp = single_code_point(key);
            const auto folded = value.get<std::string>();
            const bool lower_ascii = !folded.empty() && std::all_of(folded.begin(), folded.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            });
            if (!cp || !lower_ascii) return vocab_error("fold entry \"" + key + "\" is not one code point -> lower-case ASCII");
            tokenizer.fold_[*cp] = folded;
        }
        for (const auto& word : json.at("stop_words")) tokenizer.stop_words_.insert(word.get<std::string>());
        const auto& words = json.at("words");
        std::int32_t position = 0;
        for (const auto& [key, id] : words.items()) {
            // A list in id order (format 2: the word at position i has id i + 1) or a word -> id map.
            const auto word = words.is_array() ? id.get<std::string>() : key;
            const auto value = words.is_array() ? ++position : json_integer<std::int32_t>(id);
            if (value < 1 || value >= tokenizer.id_count_) {
                return vocab_error("word \"" + word + "\" has id " + std::to_string(value) + ", outside 1.." +
                                   std::to_string(tokenizer.id_count_ - 1));
            }
            tokenizer.words_.emplace(word, value);
        }
    } catch (const nlohmann::json::exception& e) {
        return vocab_error(e.what());
    }
    if (tokenizer.max_tokens_ == 0) return vocab_error("max_tokens must be positive");
    return tokenizer;
}

EncodedText TextTokenizer::encode_terms(std::string_view text) const {
    auto code_points = decode_utf8(text);
    if (!code_points) return {{}, TextProblem::invalid_utf8};
    const auto joins = [&](char32_t cp) {
        return std::any_of(join_.begin(), join_.end(), [cp](const auto& r) { return cp >= r.first && cp <= r.second; });
    };
    EncodedText result;
    std::vector<std::string> unknown_stems;  // "volleyball" and "volleyballs" are one unknown word
    bool any_word = false;
    std::string word;
    const auto finish_word = [&] {
        if (word.empty()) return;
        any_word = true;
        if (!stop_words_.count(word)) {
            auto stem = stem_word(stem_rule_, word);
            auto it = words_.find(stem);
            if (it != words_.end()) {
                result.ids.push_back(it->second);
            } else if (vocabulary_may_hold(word) &&
                       std::find(unknown_stems.begin(), unknown_stems.end(), stem) == unknown_stems.end()) {
                unknown_stems.push_back(std::move(stem));
                result.unknown_words.push_back(word);
            }
        }
        word.clear();
    };
    for (char32_t cp : *code_points) {
        if (is_ascii_word_char(cp)) {
            word.push_back(cp >= 'A' && cp <= 'Z' ? char(cp - 'A' + 'a') : char(cp));
        } else if (auto it = fold_.find(cp); it != fold_.end()) {
            word += it->second;
        } else if (!joins(cp)) {
            finish_word();
        }
    }
    finish_word();
    if (!any_word) return {{}, TextProblem::empty_text};
    if (result.ids.empty()) return {{}, TextProblem::no_known_words};
    return result;
}

std::vector<std::int32_t> TextTokenizer::model_input(const std::vector<std::int32_t>& terms, std::size_t max_tokens) const {
    std::vector<std::int32_t> ids;
    for (auto id : terms) {
        if (ids.size() == max_tokens) break;
        if (id < model_id_count_) ids.push_back(id);
    }
    return ids;
}

EncodedText TextTokenizer::encode_checked(std::string_view text, std::size_t max_tokens) const {
    auto terms = encode_terms(text);
    if (terms.problem != TextProblem::none) return terms;
    auto ids = model_input(terms.ids, max_tokens);
    if (ids.empty()) return {{}, TextProblem::no_known_words};
    return {std::move(ids), TextProblem::none};
}

std::vector<std::int32_t> TextTokenizer::encode(std::string_view text, std::size_t max_tokens) const {
    return encode_checked(text, max_tokens).ids;
}

}  // namespace cinelocal
