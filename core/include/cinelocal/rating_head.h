// Rating head: the stars a visitor would give a movie, from their own ratings and the item table
// (models/cinelocal_models/rating_head.py is the twin that the evaluation measures):
//   b_u = sum_j (r_j - mu - b_j) / (n + user_damping)
//   p   = ridge fold-in of the residuals r_j - mu - b_u - b_j against the taste columns (fold_in.h)
//   r_i = clamp(mu + b_u + b_i + v_i . p, 0.5, 5)
// Parameters come from rating_head.bin: "CLRH", uint32 version 1, float32 global_mean,
// user_damping, ridge, then float32 item_bias[item_count], little-endian (20 + 4 N bytes).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/item_table.h"
#include "cinelocal/result.h"

namespace cinelocal {

inline constexpr const char* k_rating_head_file = "rating_head.bin";

// The visitor as the head sees them: a bias and a taste vector, fitted once per change of ratings.
struct RatingFit {
    double user_bias = 0.0;
    std::vector<double> taste;  // taste_dims values
};

class RatingHead {
public:
    // Errors: wrong size for item_count, bad magic, unknown version, non-finite values,
    // user_damping < 0 or ridge <= 0.
    static Result<RatingHead> parse(std::span<const std::uint8_t> bytes, std::size_t item_count);

    // items: catalogue indices the visitor rated, stars their ratings (0.5..5). No ratings gives
    // the item-bias prediction mu + b_i.
    Result<RatingFit> fit(const ItemTable& table, std::size_t taste_dims, std::span<const ItemIndex> items,
                          std::span<const float> stars) const;
    // Predicted stars in 0.5..5 (not rounded to half stars; the UI decides how to show them).
    // item must be a valid index of the table and fit must come from fit() on the same table.
    float predict(const ItemTable& table, const RatingFit& fit, ItemIndex item) const;

    float global_mean() const { return global_mean_; }
    float user_damping() const { return user_damping_; }
    float ridge() const { return ridge_; }
    std::span<const float> item_bias() const { return item_bias_; }

private:
    float global_mean_ = 0.0f, user_damping_ = 0.0f, ridge_ = 1.0f;
    std::vector<float> item_bias_;
};

}  // namespace cinelocal
