#include "cinelocal/similarity.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cinelocal {
namespace {

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
        const int either = std::popcount(m.genre_mask | other.genre_mask);
        const float genres = either ? float(shared) / float(either) : 1.0f;
        const float era = m.year && other.year ? std::max(0.0f, 1.0f - std::fabs(float(m.year - other.year)) / 20.0f) : 0.0f;
        scores[i] = genres + 0.1f * era + 0.05f * std::log1p(float(other.positives)) / std::log1p(max_liked);
        excluded[i] = other.positives == 0 || (m.genre_mask && !shared);
    }
    excluded[static_cast<std::size_t>(movie)] = true;
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

Result<std::vector<ScoredItem>> similar_movies(const Catalogue& catalogue, const UnitRows& rows, MovieId movie,
                                               std::size_t k) {
    auto index = catalogue.index_of(movie);
    if (!index) return make_error(ErrorCode::unknown_movie, "movie " + std::to_string(movie) + " is not in the catalogue");
    if (rows.size() != catalogue.vector_count()) {
        return make_error(ErrorCode::dimension_mismatch, "the item table and the catalogue differ in length");
    }
    if (!catalogue.has_vectors(*index)) return similar_by_genres(catalogue, *index, k);
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
