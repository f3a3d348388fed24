#include "cinelocal/provisional_taste.h"

#include <algorithm>

#include "cinelocal/fold_in.h"

namespace cinelocal {
namespace {
constexpr float k_positive_stars = 4.0f;  // protocol.POSITIVE: what the evaluation folds in
}

ProvisionalTaste::ProvisionalTaste(const ItemTable& table, std::size_t taste_dims, ProvisionalTasteParams params)
    : taste_dims_(std::min(taste_dims, table.dim())), params_(params), gram_(item_gram(table, taste_dims_)) {}

Result<std::vector<float>> ProvisionalTaste::vector(const ItemTable& table, const TowerInput& input) const {
    std::vector<ItemIndex> positives;
    for (std::size_t i = 0; i < input.item_index.size(); ++i) {
        if (input.stars[i] >= k_positive_stars) positives.push_back(ItemIndex(input.item_index[i]));
    }
    // G + alpha V_S'V_S on the left and (1 + alpha) V_S'1 on the right: weight alpha, target (1 + alpha) / alpha.
    const std::vector<double> weights(positives.size(), params_.alpha);
    const std::vector<double> targets(positives.size(), (1.0 + params_.alpha) / params_.alpha);
    auto taste = fold_in(table, taste_dims_, FoldInInput{positives, targets, weights, params_.ridge, gram_});
    if (!taste) return taste.error();
    std::vector<float> vector(table.dim(), 0.0f);
    std::copy(taste.value().begin(), taste.value().end(), vector.begin());
    if (table.dim() > taste_dims_) vector[taste_dims_] = float(params_.pop_weight * params_.bias_scale);
    return vector;
}

}  // namespace cinelocal
