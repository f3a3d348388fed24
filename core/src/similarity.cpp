#include "cinelocal/similarity.h"

#include <cmath>

namespace cinelocal {

UnitRows::UnitRows(const ItemTable& table) : dim_(table.dim()), values_(table.item_count() * table.dim()) {
    for (std::size_t i = 0; i < table.item_count(); ++i) {
        auto row = table.dequantized_row(i);
        float norm = 0.0f;
        for (float v : row) norm += v * v;
        norm = std::sqrt(norm);
        const float inverse = norm > 0.0f ? 1.0f / norm : 0.0f;
        for (std::size_t j = 0; j < dim_; ++j) values_[i * dim_ + j] = row[j] * inverse;
    }
}

float UnitRows::cosine(ItemIndex a, ItemIndex b) const {
    auto ra = row(a), rb = row(b);
    float dot = 0.0f;
    for (std::size_t j = 0; j < dim_; ++j) dot += ra[j] * rb[j];
    return dot;
}

Result<std::vector<ScoredItem>> similar_movies(const Catalogue& catalogue, const UnitRows& rows, MovieId movie,
                                               std::size_t k) {
    auto index = catalogue.index_of(movie);
    if (!index) return make_error(ErrorCode::unknown_movie, "movie " + std::to_string(movie) + " is not in the catalogue");
    if (rows.size() != catalogue.size()) {
        return make_error(ErrorCode::dimension_mismatch, "the item table and the catalogue differ in length");
    }
    std::vector<float> scores(catalogue.size());
    std::vector<bool> excluded(catalogue.size(), false);
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        scores[i] = rows.cosine(*index, static_cast<ItemIndex>(i));
        excluded[i] = catalogue.movie(static_cast<ItemIndex>(i)).positives == 0;
    }
    excluded[static_cast<std::size_t>(*index)] = true;
    return top_k(scores, k, excluded);
}

}  // namespace cinelocal
