#include "movie_night.h"

#include "cinelocal/filters.h"

namespace cinelocal::ui {

void start_movie_night(AppState& state, Platform& platform, const std::string& file_name, const std::string& text) {
    if (!state.bundle || !state.model_ready) {
        state.notices.push_back("Movie night needs the taste model: wait until it has loaded, then try again.");
        return;
    }
    auto guest = Profile::from_json(text);
    if (!guest) {
        state.notices.push_back(file_name + " is not a CineLocal profile (" + guest.error().message +
                                "). Ask your friend for the file from Settings > Export your data.");
        return;
    }
    auto input = tower_input(guest.value(), state.bundle->catalogue, state.bundle->manifest.max_profile_items);
    if (input.item_index.empty()) {
        state.notices.push_back(file_name + " rates no movie of this catalogue, so it says nothing about taste.");
        return;
    }
    state.movie_night = MovieNight{};
    state.movie_night.guest_name = file_name;
    state.movie_night.guest = std::move(guest).value();
    // Its own kind of request: a "For you" answer on its way stays current, and vice versa.
    platform.request_user_embedding(state.requests.start(RequestKind::guest_taste), input);
}

void on_guest_embedding(AppState& state, std::span<const float> embedding) {
    state.movie_night.guest_vector.assign(embedding.begin(), embedding.end());
    refresh_movie_night(state);
}

void on_guest_embedding_failed(AppState& state, const std::string& message) {
    state.movie_night.problem = "Your friend's taste could not be worked out (" + message +
                                "). Load their file again, or end movie night.";
}

void refresh_movie_night(AppState& state) {
    MovieNight& night = state.movie_night;
    if (!state.bundle || night.guest_vector.empty() || state.user_vector.empty()) return;
    const Catalogue& catalogue = state.bundle->catalogue;
    Filters filters;
    filters.not_interested = state.profile.not_interested();
    auto excluded = excluded_items(catalogue, state.profile, filters);  // the visitor's rated and unwanted films
    for (const auto& rating : night.guest.ratings()) {                  // and what the friend has seen
        if (auto index = catalogue.index_of(rating.movie)) excluded[static_cast<std::size_t>(*index)] = true;
    }
    auto picks = group_recommend(state.bundle->item_table, {state.user_vector, night.guest_vector}, excluded,
                                 k_for_you_count, night.blend);
    if (!picks) {
        state.notices.push_back("Movie night failed: " + picks.error().message);
        return;
    }
    night.picks = std::move(picks).value();
}

void end_movie_night(AppState& state) {
    state.movie_night = MovieNight{};
    state.requests.cancel(RequestKind::guest_taste);  // a late answer must not start it again
}

}  // namespace cinelocal::ui
