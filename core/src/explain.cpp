#include "cinelocal/explain.h"

#include <algorithm>
#include <cmath>

namespace cinelocal {

Explanation explain(const Catalogue& catalogue, const UnitRows& rows, const Profile& profile, ItemIndex candidate,
                    std::size_t per_side, float min_weight) {
    Explanation explanation;
    // The models know nothing of it, or their rows have not arrived yet.
    if (!catalogue.has_vectors(candidate) || rows.size() == 0) return explanation;
    for (const auto& rating : profile.ratings()) {
        auto index = catalogue.index_of(rating.movie);
        if (!index || *index == candidate || !catalogue.has_vectors(*index)) continue;
        const float weight = (rating.stars - 3.0f) / 2.0f * rows.cosine(candidate, *index);
        if (std::fabs(weight) < min_weight) continue;
        (weight > 0 ? explanation.pulled_up : explanation.pushed_down).push_back({rating.movie, weight});
    }
    auto stronger = [](const Reason& a, const Reason& b) { return std::fabs(a.weight) > std::fabs(b.weight); };
    for (auto* side : {&explanation.pulled_up, &explanation.pushed_down}) {
        std::stable_sort(side->begin(), side->end(), stronger);
        if (side->size() > per_side) side->resize(per_side);
    }
    return explanation;
}

}  // namespace cinelocal
