// The content model's tokenizer: free text -> word ids for content_model.onnx. Its rules and
// vocabulary come from the bundle's content_vocab.json, written by models/cinelocal_models/text_vocab.py,
// the one definition both sides follow (tests/fixtures/tokenizer/ checks they agree):
// - ASCII letters are lower-cased; ASCII letters and digits are word characters;
// - a code point listed in "fold" (accented Latin letters, ligatures) becomes its ASCII text;
// - a code point in a "join" range (apostrophes, combining accents) is dropped inside a word;
// - anything else ends a word; "stop_words" are dropped; other words are folded by the "stem" rule
//   (format 2: StemRule below) and map through "words" (ids >= 1, 0 is padding), unknown words are dropped.
// Every id is a term of the lexical index (text_index.h); ids below "model_id_count" (format 2; all
// in format 1) are also the content model's input.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cinelocal/message.h"
#include "cinelocal/result.h"

namespace cinelocal {

// Why a text gives no ids, named so the UI can say what to change.
enum class TextProblem {
    none,
    invalid_utf8,    // bytes that are not UTF-8 (the whole text is refused)
    empty_text,      // no word at all (only spaces or punctuation)
    no_known_words,  // words, but none in the vocabulary (or only stop words)
};

const char* text_problem_name(TextProblem problem);
// A sentence for the visitor, e.g. "None of these words is known to the describe-it search.";
// empty for none. text_problem_message says it in English.
Message text_problem_said(TextProblem problem);
std::string text_problem_message(TextProblem problem);

struct EncodedText {
    std::vector<std::int32_t> ids;  // empty unless problem == none
    TextProblem problem = TextProblem::none;
    // The words (folded, before stemming) that no film's text has, each once in text order: the
    // visitor may say them another way. Stop words, single letters and numbers (which no vocabulary
    // holds) are not named. Filled by encode_terms when problem == none.
    std::vector<std::string> unknown_words;
};

// How words are folded before the lookup, named in the vocabulary's "stem":
// - "snowball_english": the Snowball English stemmer (english_stemmer.h), what bundles use now;
//   "shooting" and "shoots" meet at "shoot";
// - "s_stemmer": plurals only, what bundles used before (s_stem below);
// - "none": the word as it is.
enum class StemRule { none, s_stemmer, snowball_english };
std::optional<StemRule> stem_rule_from_name(std::string_view name);
std::string stem_word(StemRule rule, const std::string& word);

// The plural folding: Harman's S-stemmer with two changes ("stories" -> "story",
// "zombies" and "zombie" -> "zomby"); the rules are in text_vocab.py's twin, tested equal.
std::string s_stem(const std::string& word);

class TextTokenizer {
public:
    static Result<TextTokenizer> parse(std::string_view vocab_json);

    // Every known word's id in text order (repeats kept): the lexical index's query terms.
    EncodedText encode_terms(std::string_view text) const;
    // The content model's input: terms below model_id_count, at most max_tokens.
    std::vector<std::int32_t> model_input(const std::vector<std::int32_t>& terms, std::size_t max_tokens) const;
    // The content model's input for a text; empty when the text has a problem (see encode_checked).
    std::vector<std::int32_t> encode(std::string_view text, std::size_t max_tokens) const;
    EncodedText encode_checked(std::string_view text, std::size_t max_tokens) const;

    std::size_t max_tokens() const { return max_tokens_; }  // the longest input the model was built for
    std::int32_t id_count() const { return id_count_; }     // ids are 0 (padding) .. id_count - 1
    std::int32_t model_id_count() const { return model_id_count_; }

private:
    std::unordered_map<char32_t, std::string> fold_;
    std::vector<std::pair<char32_t, char32_t>> join_;
    std::unordered_set<std::string> stop_words_;
    std::unordered_map<std::string, std::int32_t> words_;
    std::size_t max_tokens_ = 0;
    std::int32_t id_count_ = 0;
    std::int32_t model_id_count_ = 0;
    StemRule stem_rule_ = StemRule::none;
};

}  // namespace cinelocal
