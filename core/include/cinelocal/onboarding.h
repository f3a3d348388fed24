// Which movies to ask a new visitor about: familiar ones (among the most popular) that are also
// spread across the embedding space, so each answer tells something new. Rated movies count as
// already asked, so the same call gives "the next most informative" after every answer. With no
// rows (the item table not arrived yet) the spread is measured between genre sets instead.
#pragma once
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/profile.h"
#include "cinelocal/similarity.h"

namespace cinelocal {

struct OnboardingOptions {
    std::size_t pool = 300;  // only the `pool` most popular unrated movies are asked about
    // How much familiarity counts against spread: value = popularity^weight * (1 - max cosine to asked).
    float popularity_weight = 0.5f;
};

std::vector<ItemIndex> onboarding_picks(const Catalogue& catalogue, const UnitRows& rows, const Profile& profile,
                                        std::size_t count, const OnboardingOptions& options = {});

}  // namespace cinelocal
