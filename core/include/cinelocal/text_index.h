// "Describe it"'s lexical index: which films use which words (text_index.bin, written by
// models/cinelocal_models/content_export.py, layout documented there), ranked with BM25. Terms are
// the tokenizer's ids (TextTokenizer::encode_terms), documents are catalogue indices (every film,
// search-only ones included: a film needs no model vector to be found by its words).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "cinelocal/result.h"

namespace cinelocal {

// Okapi BM25 (Robertson and Zaragoza, 2009): term frequency saturates with k1, b is how much a
// long document's matches are discounted. k1 is the usual 1.2; b is 0.3, not the usual 0.75: a
// film's text runs from a title alone to a title, tags and a long overview, and 0.75 let films known
// only by their title outrank the film described. Chosen on the validation half of the describe-it
// benchmark (models/README.md, "Describe it").
inline constexpr float k_bm25_k1 = 1.2f;
inline constexpr float k_bm25_b = 0.3f;

struct Posting {
    std::int32_t document;
    std::uint32_t frequency;
};

class TextIndex {
public:
    // document_count must be the catalogue's size; term_count the vocabulary's id_count.
    static Result<TextIndex> parse(std::span<const std::uint8_t> bytes, std::size_t document_count,
                                   std::size_t term_count);

    std::size_t document_count() const { return lengths_.size(); }
    std::size_t term_count() const { return ends_.size(); }
    std::uint32_t document_length(std::size_t document) const { return lengths_[document]; }
    std::vector<Posting> postings(std::int32_t term) const;  // ascending documents; empty for an unknown id

    // BM25 score of every document for the query terms (a repeated term counts once); 0 for a
    // document with none of them. Ids outside the vocabulary are ignored.
    std::vector<float> bm25(std::span<const std::int32_t> terms) const;
    // The distinct terms of one document with their frequency (a scan of every posting list:
    // for "more like this" on one film, not for every film).
    std::vector<std::pair<std::int32_t, std::uint32_t>> document_terms(std::int32_t document) const;

    // BM25's weight of a term: higher for a word few films use.
    float idf_of(std::int32_t term) const;

private:
    float idf(std::size_t document_frequency) const;

    std::vector<std::uint16_t> lengths_;
    std::vector<std::uint32_t> ends_;  // byte offset in postings_ after each term's list
    std::vector<std::uint8_t> postings_;
    float average_length_ = 1.0f;
};

}  // namespace cinelocal
