// "Describe it": a typed description -> the films it describes. Two rankings are fused by
// weighted reciprocal rank (Cormack et al., 2009): the words themselves (BM25 over every film's
// text, text_index.h, with a light popularity prior) and the learned content model (a vector
// scored against the item table, films with vectors only); when the visitor has rated films, a
// small taste prior joins them. Any of the learned and taste lists may be missing (the model still
// loading, no ratings): the words alone then decide.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "cinelocal/bundle.h"
#include "cinelocal/catalogue.h"
#include "cinelocal/result.h"
#include "cinelocal/scorer.h"
#include "cinelocal/text_index.h"
#include "cinelocal/text_tokenizer.h"

namespace cinelocal {

inline constexpr const char* k_content_vocab_file = "content_vocab.json";
inline constexpr const char* k_text_index_file = "text_index.bin";

// Chosen on the odd-numbered half of models/describe_benchmark/queries.tsv (the validation half;
// `node models/evaluate_describe.mjs --grid` prints the grid), then reported on every query.
struct DescribeWeights {
    float popularity_prior = 0.5f;  // BM25 + this x ln(1 + films' positive ratings), matching films only
    float rank_constant = 60.0f;    // RRF's k: 1 / (k + rank)
    float learned_weight = 0.1f;    // the content model's list, relative to the words' list (1)
    float taste_weight = 0.1f;      // the visitor's taste list (tie-breaking strength)
};

struct DescribeLists {
    std::span<const float> lexical;  // per catalogue film: lexical_scores(); 0 = no word matched
    std::span<const float> learned;  // per film with vectors, or empty
    std::span<const float> taste;    // per film with vectors, or empty
};

// The vocabulary and the index of a bundle, checked against each other and the catalogue.
class DescriptionIndex {
public:
    static Result<DescriptionIndex> load(const FileBytes& files, std::size_t catalogue_size);

    const TextTokenizer& tokenizer() const { return tokenizer_; }
    const TextIndex& index() const { return index_; }
    // BM25 of every film plus the popularity prior on the films that match at least one term.
    std::vector<float> lexical_scores(const Catalogue& catalogue, std::span<const std::int32_t> terms,
                                      const DescribeWeights& weights = {}) const;

private:
    DescriptionIndex(TextTokenizer tokenizer, TextIndex index) : tokenizer_(std::move(tokenizer)), index_(std::move(index)) {}
    TextTokenizer tokenizer_;
    TextIndex index_;
};

// The k best films, best first; excluded (catalogue-sized, or empty for none) films never appear,
// nor does a film on no list (no word matched and no learned or taste score given). Ties go to the
// lower index.
std::vector<ScoredItem> fuse_description_ranks(const DescribeLists& lists, const std::vector<bool>& excluded,
                                               std::size_t k, const DescribeWeights& weights = {});

}  // namespace cinelocal
