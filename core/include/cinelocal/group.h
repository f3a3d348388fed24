// Movie night: recommendations for 2-4 people at once. Each member's scores are standardised
// (mean 0, deviation 1 over the catalogue) so that no taste vector dominates by its length, then
// combined by the least happy member (minimum) or the average.
#pragma once
#include <vector>

#include "cinelocal/item_table.h"
#include "cinelocal/result.h"
#include "cinelocal/scorer.h"

namespace cinelocal {

enum class GroupBlend { least_misery, average };

// excluded: items nobody should get (e.g. rated by any member). 2..4 user vectors of the table's dimension.
Result<std::vector<ScoredItem>> group_recommend(const ItemTable& table, const std::vector<std::vector<float>>& users,
                                                const std::vector<bool>& excluded, std::size_t k, GroupBlend blend);

}  // namespace cinelocal
