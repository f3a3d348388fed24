// A 2-D map of the catalogue: every movie's taste vector projected on the two directions along
// which the catalogue varies most (principal components), so that neighbours on the map are
// movies of similar taste. Coordinates are scaled to -1..1 on each axis.
#pragma once
#include <vector>

#include "cinelocal/similarity.h"

namespace cinelocal {

struct MapPoint {
    float x = 0, y = 0;
};

// Deterministic; rows.size() points, none for an empty table or one of fewer than 2 dimensions.
std::vector<MapPoint> taste_map(const UnitRows& rows);

}  // namespace cinelocal
