// Closed-form fold-in: a visitor's vector fitted by weighted ridge least squares against the item
// table's fixed taste columns (the iALS user step), so ratings can be explained without a network.
//   p = (G + sum_j w_j v_j v_j' + ridge I)^-1  sum_j w_j y_j v_j
// v_j = dequantized row j (first `dims` columns), G an optional d x d base Gram matrix (iALS uses
// the Gram of all items, so every unrated item counts as a weak 0).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/item_table.h"
#include "cinelocal/result.h"

namespace cinelocal {

struct FoldInInput {
    std::span<const ItemIndex> items;
    std::span<const double> targets;  // y_j, one per item
    std::span<const double> weights;  // w_j, one per item; empty = all 1
    double ridge = 1.0;               // > 0 keeps the system solvable with any number of items
    std::span<const double> base_gram;  // d*d row-major, or empty for none
};

// The fitted vector (dims values). Errors: dims 0 or > table dim, an item outside the table,
// targets/weights/base_gram of the wrong length, ridge <= 0 or not finite.
Result<std::vector<double>> fold_in(const ItemTable& table, std::size_t dims, const FoldInInput& input);

// G = sum over all items of v v' (dims x dims, row-major; dims capped at the table's), for the iALS base term.
std::vector<double> item_gram(const ItemTable& table, std::size_t dims);

}  // namespace cinelocal
