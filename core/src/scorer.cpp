#include "cinelocal/scorer.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace cinelocal {

Status score_all_items(const ItemTable& table, std::span<const float> user, std::vector<float>& scores) {
    if (user.size() != table.dim()) {
        return make_error(ErrorCode::dimension_mismatch, "user vector has " + std::to_string(user.size()) +
                                                             " values, the item table " +
                                                             std::to_string(table.dim()));
    }
    for (float v : user) {
        if (!std::isfinite(v)) return make_error(ErrorCode::invalid_format, "user vector is not finite");
    }
    const std::size_t n = table.item_count(), d = table.dim();
    scores.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::int8_t* row = table.row(i).data();
        float dot = 0.0f;
        for (std::size_t j = 0; j < d; ++j) dot += float(row[j]) * user[j];  // vectorised by the compiler
        scores[i] = dot * table.scale(i);
    }
    return Ok{};
}

std::vector<ScoredItem> top_k(std::span<const float> scores, std::size_t k, const std::vector<bool>& excluded) {
    std::vector<ScoredItem> candidates;
    candidates.reserve(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (i < excluded.size() && excluded[i]) continue;
        candidates.push_back({static_cast<ItemIndex>(i), scores[i]});
    }
    auto better = [](const ScoredItem& a, const ScoredItem& b) {
        return a.score != b.score ? a.score > b.score : a.index < b.index;
    };
    k = std::min(k, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(k), candidates.end(), better);
    candidates.resize(k);
    return candidates;
}

}  // namespace cinelocal
