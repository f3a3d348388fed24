// Re-ranking of retrieved candidates: diversity by maximal marginal relevance (MMR) and a
// popularity/novelty balance.
#pragma once
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/scorer.h"
#include "cinelocal/similarity.h"

namespace cinelocal {

struct RerankOptions {
    // 1: plain relevance order; lower values trade relevance for variety (0.7 is a gentle mix).
    float diversity_lambda = 1.0f;
    // The mainstream <-> niche control (popularity_weight.h): each candidate's relevance, min-max
    // normalised to 0..1 over the candidates, minus novelty * log(1 + likes) / log(1 + most likes
    // among the candidates). > 0 favours less popular films, < 0 more popular ones.
    float novelty = 0.0f;
};

// Picks k of the candidates (best first). Relevance is min-max normalised over the candidates;
// MMR then adds each time the item maximising
//   lambda * relevance - (1 - lambda) * (max cosine to the items already picked).
std::vector<ScoredItem> rerank(const std::vector<ScoredItem>& candidates, const Catalogue& catalogue,
                               const UnitRows& rows, std::size_t k, const RerankOptions& options);

}  // namespace cinelocal
