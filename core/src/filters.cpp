#include "cinelocal/filters.h"

namespace cinelocal {

std::vector<bool> excluded_items(const Catalogue& catalogue, const Profile& profile, const Filters& filters) {
    std::vector<bool> excluded(catalogue.size(), false);
    auto exclude_movie = [&](MovieId id) {
        if (auto index = catalogue.index_of(id)) excluded[static_cast<std::size_t>(*index)] = true;
    };
    for (const auto& rating : profile.ratings()) exclude_movie(rating.movie);
    for (MovieId id : profile.seen()) exclude_movie(id);
    for (MovieId id : filters.not_interested) exclude_movie(id);
    if (filters.hide_watchlist) {
        for (MovieId id : filters.watchlist) exclude_movie(id);
    }
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        const Movie& movie = catalogue.movie(static_cast<ItemIndex>(i));
        if (filters.genre_mask != 0 && (movie.genre_mask & filters.genre_mask) == 0) excluded[i] = true;
        if (filters.year_min != 0 && movie.year < filters.year_min) excluded[i] = true;
        if (filters.year_max != 0 && (movie.year == 0 || movie.year > filters.year_max)) excluded[i] = true;
        if (movie.positives < filters.min_positives) excluded[i] = true;
    }
    return excluded;
}

}  // namespace cinelocal
