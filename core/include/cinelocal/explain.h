// "Because you liked X": which of the visitor's ratings pulled a recommended movie up, and which
// pushed it down. Each rated movie j contributes (stars_j - 3) / 2 * cosine(candidate, j): liking
// a similar film pulls up, disliking a similar film pushes down.
#pragma once
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/profile.h"
#include "cinelocal/similarity.h"

namespace cinelocal {

struct Reason {
    MovieId movie;  // one of the visitor's rated movies
    float weight;   // > 0 pulled the candidate up, < 0 pushed it down
};

struct Explanation {
    std::vector<Reason> pulled_up;    // strongest first
    std::vector<Reason> pushed_down;  // strongest (most negative) first
};

// At most `per_side` reasons each way; weights below `min_weight` in size are left out.
Explanation explain(const Catalogue& catalogue, const UnitRows& rows, const Profile& profile, ItemIndex candidate,
                    std::size_t per_side = 3, float min_weight = 0.05f);

}  // namespace cinelocal
