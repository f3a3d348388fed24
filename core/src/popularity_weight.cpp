#include "cinelocal/popularity_weight.h"

#include <algorithm>
#include <cstddef>

namespace cinelocal {

float niche_weight(int level) {
    const int clamped = std::clamp(level, k_min_niche_level, k_max_niche_level);
    return k_niche_weights[static_cast<std::size_t>(clamped - k_min_niche_level)];
}

}  // namespace cinelocal
