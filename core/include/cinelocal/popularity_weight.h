// The "mainstream <-> niche" control: five settings of the popularity weight that re-ranking
// (rerank.h, RerankOptions::novelty) applies to the retrieved candidates. The model's score favours
// widely liked films twice (the item table's popularity column and the EASE term), so a visitor
// with a marked taste still gets crowd-pleasers; the visitor can move that balance either way.
//
// Why on the candidates and not on every film's score: subtracted from the whole catalogue's scores,
// a weight large enough to change a fan's top 20 lets films nobody in the data liked flood it
// (measured on validation users: the median likes of the top 20 fell from 70 to 0 and Recall@20
// from .315 to .129 within one step). Among the 200 best-scored films, relevance normalised to 0..1,
// the same weight moves the list gradually. models/cinelocal_models/popularity_weight.py is the
// same ranking (both sides test one known answer); models/report/ says what each setting costs in
// Recall@20 and what it does to a genre fan's list.
#pragma once
#include <array>

namespace cinelocal {

// Most mainstream (level -2) to most niche (+2); 0 is the model's own balance. The same table as
// NICHE_WEIGHTS in popularity_weight.py (a Python test compares them).
inline constexpr std::array<float, 5> k_niche_weights = {-0.5f, -0.25f, 0.0f, 0.5f, 1.0f};
inline constexpr int k_min_niche_level = -2;
inline constexpr int k_max_niche_level = 2;

// The weight of a level; a level out of range is clamped.
float niche_weight(int level);

}  // namespace cinelocal
