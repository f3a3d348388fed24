#include "cinelocal/onboarding.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "cinelocal/scorer.h"

namespace cinelocal {

std::vector<ItemIndex> onboarding_picks(const Catalogue& catalogue, const UnitRows& rows, const Profile& profile,
                                        std::size_t count, const OnboardingOptions& options) {
    // Only films with vectors: the spread is measured in the model's space.
    std::vector<float> popularity(catalogue.vector_count());
    std::vector<bool> rated(catalogue.vector_count(), false);
    std::vector<ItemIndex> asked;  // rated movies, then each pick
    for (std::size_t i = 0; i < popularity.size(); ++i) popularity[i] = float(catalogue.movie(ItemIndex(i)).positives);
    for (const auto& rating : profile.ratings()) {
        auto index = catalogue.index_of(rating.movie);
        if (index && catalogue.has_vectors(*index)) {
            rated[std::size_t(*index)] = true;
            asked.push_back(*index);
        }
    }
    auto pool = top_k(popularity, options.pool, rated);
    if (pool.empty()) return {};
    const float max_popularity = std::max(pool.front().score, 1.0f);

    // Greedy farthest-first, weighted by familiarity. closeness[i]: max cosine of pool[i] to anything asked,
    // in the model's space, or of the genre sets while the item table has not arrived.
    const bool by_genres = rows.size() == 0;
    auto cosine = [&](ItemIndex a, ItemIndex b) {
        if (!by_genres) return rows.cosine(a, b);
        const std::uint32_t ga = catalogue.movie(a).genre_mask, gb = catalogue.movie(b).genre_mask;
        const int both = std::popcount(ga & gb);
        return both ? float(both) / std::sqrt(float(std::popcount(ga)) * float(std::popcount(gb))) : 0.0f;
    };
    std::vector<float> closeness(pool.size(), 0.0f);
    for (std::size_t i = 0; i < pool.size(); ++i) {
        for (ItemIndex a : asked) closeness[i] = std::max(closeness[i], cosine(pool[i].index, a));
    }
    std::vector<bool> taken(pool.size(), false);
    std::vector<ItemIndex> picks;
    while (picks.size() < count && picks.size() < pool.size()) {
        std::size_t best = 0;
        float best_value = -1.0f;
        for (std::size_t i = 0; i < pool.size(); ++i) {
            if (taken[i]) continue;
            const float familiarity = std::pow(pool[i].score / max_popularity, options.popularity_weight);
            const float value = familiarity * (1.0f - std::max(closeness[i], 0.0f));
            if (value > best_value) {
                best_value = value;
                best = i;
            }
        }
        taken[best] = true;
        picks.push_back(pool[best].index);
        for (std::size_t i = 0; i < pool.size(); ++i) {
            closeness[i] = std::max(closeness[i], cosine(pool[i].index, pool[best].index));
        }
    }
    return picks;
}

}  // namespace cinelocal
