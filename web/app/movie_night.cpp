#include "movie_night.h"

#include "cinelocal/filters.h"
#include "text.h"

namespace cinelocal::ui {

void start_movie_night(AppState& state, Platform& platform, const std::string& file_name, const std::string& text) {
    if (!state.bundle || !state.model_ready) {
        state.notices.push_back(tr(Text::night_needs_model));
        return;
    }
    auto guest = Profile::from_json(text);
    if (!guest) {
        state.notices.push_back(tr(Text::night_not_a_profile, {{"file", file_name}, {"reason", tr(guest.error())}}));
        return;
    }
    auto input = tower_input(guest.value(), state.bundle->catalogue, state.bundle->manifest.max_profile_items);
    if (input.item_index.empty()) {
        state.notices.push_back(tr(Text::night_no_known_films, {{"file", file_name}}));
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
    state.movie_night.problem = tr(Text::night_guest_failed, {{"reason", message}});
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
        state.notices.push_back(tr(Text::night_failed, {{"reason", tr(picks.error())}}));
        return;
    }
    night.picks = std::move(picks).value();
}

void end_movie_night(AppState& state) {
    state.movie_night = MovieNight{};
    state.requests.cancel(RequestKind::guest_taste);  // a late answer must not start it again
}

}  // namespace cinelocal::ui
