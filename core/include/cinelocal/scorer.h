// Scores every catalogue item for a user vector and selects the top k: the hot path after each
// rating. Dot products over the int8 table (one scale per row), then a partial selection.
#pragma once
#include <span>
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/item_table.h"
#include "cinelocal/result.h"

namespace cinelocal {

struct ScoredItem {
    ItemIndex index;
    float score;
};

// Up to this dimension int32 sums of int8 x int16 products cannot overflow (127 * 32767 * 512 < 2^31).
inline constexpr std::size_t k_max_int_dim = 512;

// The kernel: out[i] = dot(user, rows[i]) * scales[i] for n int8 rows of length d.
void score_rows(const std::int8_t* rows, const float* scales, std::size_t n, std::size_t d, const float* user,
                float* out);

// scores[i] = dot(user, row i) * scale[i]. Fails on a dimension mismatch or a non-finite input.
Status score_all_items(const ItemTable& table, std::span<const float> user, std::vector<float>& scores);

// The k highest scores, best first, skipping excluded items (excluded[i] true); ties go to the
// lower index so results are deterministic.
std::vector<ScoredItem> top_k(std::span<const float> scores, std::size_t k,
                              const std::vector<bool>& excluded);

}  // namespace cinelocal
