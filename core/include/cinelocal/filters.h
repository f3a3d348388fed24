// Which movies may be recommended: not rated or seen, not marked "not interested", optionally not on the
// watchlist, within a genre set and a year range, and above a minimum popularity.
#pragma once
#include <cstdint>
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/profile.h"

namespace cinelocal {

struct Filters {
    std::vector<MovieId> not_interested;
    std::vector<MovieId> watchlist;
    bool hide_watchlist = false;
    std::uint32_t genre_mask = 0;  // 0: any genre; else the movie needs at least one of these
    int year_min = 0;              // 0: no lower bound
    int year_max = 0;              // 0: no upper bound
    int min_positives = 0;         // the minimum-popularity knob
};

// excluded[i] is true for every item the filters (or the visitor's own ratings and seen films) rule out.
std::vector<bool> excluded_items(const Catalogue& catalogue, const Profile& profile, const Filters& filters);

}  // namespace cinelocal
