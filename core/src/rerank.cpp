#include "cinelocal/rerank.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cinelocal {
namespace {

// Relevance in 0..1 with the novelty adjustment: log-popularity, also scaled to 0..1.
std::vector<float> adjusted_relevance(const std::vector<ScoredItem>& candidates, const Catalogue& catalogue,
                                      float novelty) {
    float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
    float max_pop = 0.0f;
    for (const auto& c : candidates) {
        lo = std::min(lo, c.score);
        hi = std::max(hi, c.score);
        max_pop = std::max(max_pop, std::log1p(float(catalogue.movie(c.index).positives)));
    }
    std::vector<float> relevance(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        float r = hi > lo ? (candidates[i].score - lo) / (hi - lo) : 1.0f;
        if (novelty != 0.0f && max_pop > 0.0f) {
            r -= novelty * std::log1p(float(catalogue.movie(candidates[i].index).positives)) / max_pop;
        }
        relevance[i] = r;
    }
    return relevance;
}

}  // namespace

std::vector<ScoredItem> rerank(const std::vector<ScoredItem>& candidates, const Catalogue& catalogue,
                               const UnitRows& rows, std::size_t k, const RerankOptions& options) {
    k = std::min(k, candidates.size());
    const auto relevance = adjusted_relevance(candidates, catalogue, options.novelty);
    const float lambda = std::clamp(options.diversity_lambda, 0.0f, 1.0f);
    std::vector<bool> taken(candidates.size(), false);
    // Highest cosine of each candidate to anything picked so far, updated after each pick.
    std::vector<float> redundancy(candidates.size(), 0.0f);
    std::vector<ScoredItem> picked;
    picked.reserve(k);
    for (std::size_t step = 0; step < k; ++step) {
        std::size_t best = candidates.size();
        float best_value = std::numeric_limits<float>::lowest();
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (taken[i]) continue;
            const float value = lambda * relevance[i] - (1.0f - lambda) * (step == 0 ? 0.0f : redundancy[i]);
            if (value > best_value) {  // strict: ties keep the earlier (higher-scored) candidate
                best_value = value;
                best = i;
            }
        }
        taken[best] = true;
        picked.push_back(candidates[best]);
        if (lambda >= 1.0f) continue;  // pure relevance needs no similarities
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (!taken[i]) redundancy[i] = std::max(redundancy[i], rows.cosine(candidates[i].index, candidates[best].index));
        }
    }
    return picked;
}

}  // namespace cinelocal
