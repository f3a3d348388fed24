#include "cinelocal/similarity.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cinelocal {
namespace {

float genre_jaccard(const Movie& a, const Movie& b) {
    const int either = std::popcount(a.genre_mask | b.genre_mask);
    return either ? float(std::popcount(a.genre_mask & b.genre_mask)) / float(either) : 0.0f;
}

// A search-only film has no vector: its neighbours are the films that share most of its genres
// (Jaccard), then the closest in year, then the most liked. Only films someone liked qualify.
std::vector<ScoredItem> similar_by_genres(const Catalogue& catalogue, ItemIndex movie, std::size_t k) {
    const Movie& m = catalogue.movie(movie);
    float max_liked = 1.0f;
    for (const auto& other : catalogue.movies()) max_liked = std::max(max_liked, float(other.positives));
    std::vector<float> scores(catalogue.size());
    std::vector<bool> excluded(catalogue.size(), false);
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        const Movie& other = catalogue.movie(static_cast<ItemIndex>(i));
        const int shared = std::popcount(m.genre_mask & other.genre_mask);
        const float genres = (m.genre_mask | other.genre_mask) ? genre_jaccard(m, other) : 1.0f;
        const float era = m.year && other.year ? std::max(0.0f, 1.0f - std::fabs(float(m.year - other.year)) / 20.0f) : 0.0f;
        scores[i] = genres + 0.1f * era + 0.05f * std::log1p(float(other.positives)) / std::log1p(max_liked);
        excluded[i] = other.positives == 0 || (m.genre_mask && !shared);
    }
    excluded[static_cast<std::size_t>(movie)] = true;
    return top_k(scores, k, excluded);
}

// The film's most telling words: its distinct terms by BM25 weight of the term in its own text,
// at most this many (a long overview's every word would make every long overview similar).
constexpr std::size_t k_content_query_terms = 24;

// Text similarity (BM25 of the film's telling words, relative to the best other film), plus genre
// overlap, plus a popularity nudge so that among equals the films people know come first.
std::vector<ScoredItem> similar_by_content(const Catalogue& catalogue, const TextIndex& text, ItemIndex movie,
                                           std::size_t k) {
    auto terms = text.document_terms(movie);
    std::vector<std::pair<float, std::int32_t>> weighted;
    for (const auto& [term, frequency] : terms) weighted.emplace_back(text.idf_of(term) * std::sqrt(float(frequency)), term);
    std::sort(weighted.begin(), weighted.end(), std::greater<>());
    std::vector<std::int32_t> query;
    for (std::size_t i = 0; i < weighted.size() && i < k_content_query_terms; ++i) query.push_back(weighted[i].second);
    auto scores = text.bm25(query);
    scores[std::size_t(movie)] = 0.0f;
    const float best = std::max(*std::max_element(scores.begin(), scores.end()), 1e-6f);
    float max_liked = 1.0f;
    for (const auto& other : catalogue.movies()) max_liked = std::max(max_liked, float(other.positives));
    const Movie& m = catalogue.movie(movie);
    std::vector<bool> excluded(catalogue.size(), false);
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        const Movie& other = catalogue.movie(ItemIndex(i));
        const float genres = genre_jaccard(m, other);
        excluded[i] = scores[i] == 0.0f && genres == 0.0f;
        scores[i] = 0.7f * scores[i] / best + 0.3f * genres + 0.05f * std::log1p(float(other.positives)) / std::log1p(max_liked);
    }
    excluded[std::size_t(movie)] = true;
    return top_k(scores, k, excluded);
}

}  // namespace

UnitRows::UnitRows(const ItemTable& table, std::size_t taste_dims)
    : dim_(taste_dims == 0 ? table.dim() : std::min(taste_dims, table.dim())), values_(table.item_count() * dim_) {
    for (std::size_t i = 0; i < table.item_count(); ++i) {
        auto row = table.dequantized_row(i);
        row.resize(dim_);
        float norm = 0.0f;
        for (float v : row) norm += v * v;
        norm = std::sqrt(norm);
        const float inverse = norm > 0.0f ? 1.0f / norm : 0.0f;
        for (std::size_t j = 0; j < dim_; ++j) values_[i * dim_ + j] = row[j] * inverse;
    }
}

float UnitRows::cosine(ItemIndex a, ItemIndex b) const {
    // Four independent partial sums: a float reduction the compiler may vectorise without
    // -ffast-math (MMR and explanations call this ~10^4 times per update).
    const float* ra = row(a).data();
    const float* rb = row(b).data();
    float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
    std::size_t j = 0;
    for (; j + 4 <= dim_; j += 4) {
        s0 += ra[j] * rb[j];
        s1 += ra[j + 1] * rb[j + 1];
        s2 += ra[j + 2] * rb[j + 2];
        s3 += ra[j + 3] * rb[j + 3];
    }
    for (; j < dim_; ++j) s0 += ra[j] * rb[j];
    return (s0 + s1) + (s2 + s3);
}

bool similar_by_text_first(const Catalogue& catalogue, ItemIndex index) {
    return !catalogue.has_vectors(index) || catalogue.movie(index).positives < k_min_positives_for_taste_similarity;
}

Result<std::vector<ScoredItem>> similar_movies(const Catalogue& catalogue, const UnitRows& rows, MovieId movie,
                                               std::size_t k, const TextIndex* text) {
    auto index = catalogue.index_of(movie);
    if (!index) return make_error(ErrorCode::unknown_movie, "movie " + std::to_string(movie) + " is not in the catalogue");
    const bool rows_ready = rows.size() > 0;  // none while the item table is still on its way
    if (rows_ready && rows.size() != catalogue.vector_count()) {
        return make_error(ErrorCode::dimension_mismatch, "the item table and the catalogue differ in length");
    }
    const bool has_row = rows_ready && catalogue.has_vectors(*index);
    const bool little_rated = !has_row || similar_by_text_first(catalogue, *index);
    if (little_rated && text && text->document_count() == catalogue.size()) {
        return similar_by_content(catalogue, *text, *index, k);
    }
    if (!has_row) return similar_by_genres(catalogue, *index, k);
    std::vector<float> scores(rows.size());
    std::vector<bool> excluded(rows.size(), false);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        scores[i] = rows.cosine(*index, static_cast<ItemIndex>(i));
        excluded[i] = catalogue.movie(static_cast<ItemIndex>(i)).positives == 0;
    }
    excluded[static_cast<std::size_t>(*index)] = true;
    return top_k(scores, k, excluded);
}

}  // namespace cinelocal
