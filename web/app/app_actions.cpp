#include "app_actions.h"

#include <algorithm>


#include "access_mirror.h"
#include "cinelocal/onboarding.h"
#include "cinelocal/popularity_weight.h"
#include "describe_search.h"
#include "movie_night.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

// Before any rating: familiar films spread across tastes, so the first answers tell the most.
// Films marked "not interested" are skipped.
std::vector<ScoredItem> starter_picks(const Bundle& bundle, const Profile& profile, std::size_t k) {
    std::vector<ScoredItem> picks;
    const std::size_t asked = k + profile.not_interested().size();
    for (ItemIndex index : onboarding_picks(bundle.catalogue, bundle.unit_rows, profile, asked)) {
        const Movie& movie = bundle.catalogue.movie(index);
        if (profile.is_not_interested(movie.id) || picks.size() == k) continue;
        picks.push_back({index, float(movie.positives)});
    }
    return picks;
}

// Predicted stars need the head fitted to the current ratings: once per change, not per card.
void fit_rating_head(AppState& state, const TowerInput& input) {
    state.rating_fit.reset();
    const Bundle& bundle = *state.bundle;
    if (!bundle.rating_head) return;
    auto fit = bundle.rating_head->fit(bundle.item_table, bundle.manifest.taste_dims, input.item_index, input.stars);
    if (fit) state.rating_fit = std::move(fit).value();
}

}  // namespace

std::optional<float> predicted_stars(const AppState& state, ItemIndex index) {
    if (!state.bundle || !state.bundle->rating_head || !state.rating_fit) return std::nullopt;
    if (!state.bundle->catalogue.has_vectors(index)) return std::nullopt;  // search-only: no row to predict from
    return state.bundle->rating_head->predict(state.bundle->item_table, *state.rating_fit, index);
}

std::string receive_manifest(AppState& state, std::string_view json_text) {
    auto manifest = parse_manifest(json_text);
    if (!manifest) {
        loading_failed(state, manifest.error().message);
        return manifest.error().message;
    }
    state.manifest = std::move(manifest).value();
    return "";
}

namespace {

bool listed_in(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Files without which the app cannot go on: the catalogue to start, the vectors for anything personal.
bool is_essential_file(const Manifest& manifest, const std::string& name) {
    return listed_in(Bundle::start_files(manifest), name) || listed_in(Bundle::vector_files(manifest), name);
}

// The item table and rating head, once both are in: everything personal can start. Until now the
// visitor had search, rating and a first grid by genres; with no rating yet that grid stays put.
void attach_vectors(AppState& state, Platform& platform) {
    for (const auto& name : Bundle::vector_files(state.bundle->manifest)) {
        if (!state.received_files.count(name)) return;
    }
    if (auto status = state.bundle->attach_vectors(state.received_files); !status) {
        loading_failed(state, status.error().message);
        return;
    }
    for (const auto& name : Bundle::vector_files(state.bundle->manifest)) state.received_files.erase(name);
    if (!state.profile.ratings().empty()) {
        refresh_recommendations(state, platform);
    } else {  // the grid stays; its cards gain predicted stars
        fit_rating_head(state, tower_input(state.profile, state.bundle->catalogue, state.bundle->manifest.max_profile_items));
    }
    if (state.detail_movie != 0) open_movie(state, state.detail_movie);  // its similar films by taste now
}

// What a file that arrived after the catalogue means for the app (its bytes are verified).
void use_late_file(AppState& state, Platform& platform, const std::string& name) {
    if (listed_in(Bundle::vector_files(state.bundle->manifest), name)) {
        attach_vectors(state, platform);
    } else if (name == k_content_vocab_file || name == k_text_index_file) {
        if (state.received_files.count(k_content_vocab_file) && state.received_files.count(k_text_index_file)) {
            load_describe_index(state, state.received_files);
            state.received_files.erase(k_content_vocab_file);
            state.received_files.erase(k_text_index_file);
            if (state.describe.index && state.detail_movie != 0) open_movie(state, state.detail_movie);  // by text now
        }
    } else {
        state.received_files.erase(name);  // the user tower and content model: read by ONNX Runtime only
    }
}

void assemble_bundle(AppState& state, Platform& platform) {
    auto bundle = Bundle::assemble(*state.manifest, state.received_files);
    if (!bundle) {
        loading_failed(state, bundle.error().message);
        return;
    }
    state.bundle = std::move(bundle).value();
    for (const auto& name : Bundle::start_files(state.bundle->manifest)) state.received_files.erase(name);
    if (state.bundle->vectors_ready) {
        for (const auto& name : Bundle::vector_files(state.bundle->manifest)) state.received_files.erase(name);
    }
    state.title_search = std::make_unique<TitleSearch>(state.bundle->catalogue);
    load_saved_profile(state, platform);
    // Ask the browser not to evict the visitor's ratings under storage pressure.
    if (platform.request_persistent_storage) platform.request_persistent_storage();
    // Usable now: the first grid, search and rating need only the catalogue; a rating is ranked
    // by the provisional taste once the item table is in, and by the tower when it runs.
    state.phase = LoadPhase::ready;
    refresh_recommendations(state, platform);
    std::vector<std::string> early;  // files that arrived before the catalogue
    for (const auto& [name, bytes] : state.received_files) early.push_back(name);
    for (const auto& name : early) {
        if (state.phase == LoadPhase::ready && state.received_files.count(name)) use_late_file(state, platform, name);
    }
}

}  // namespace

std::string receive_file(AppState& state, Platform& platform, const std::string& name, std::vector<std::uint8_t> bytes) {
    if (state.phase == LoadPhase::failed) return state.fatal_error;
    if (!state.manifest) return "manifest.json was not loaded";
    if (auto status = verify_bundle_file(*state.manifest, name, bytes); !status) {
        file_unavailable(state, name, status.error().message);
        return status.error().message;
    }
    state.received_files[name] = std::move(bytes);
    if (state.bundle) {
        use_late_file(state, platform, name);
    } else {
        const auto start = Bundle::start_files(*state.manifest);
        if (std::all_of(start.begin(), start.end(), [&](const std::string& f) { return state.received_files.count(f) > 0; })) {
            assemble_bundle(state, platform);
        }
    }
    return state.phase == LoadPhase::failed ? state.fatal_error : "";
}

void file_unavailable(AppState& state, const std::string& name, const std::string& message) {
    if (!state.manifest || is_essential_file(*state.manifest, name)) {
        loading_failed(state, message);
    } else if (name == k_user_tower_file) {
        state.taste_model_problem = message;
        state.notices.push_back(tr(Text::taste_model_unavailable, {{"reason", message}}));
    } else if (name == k_content_vocab_file || name == k_text_index_file) {
        describe_files_failed(state, message);  // the Describe screen says why and offers "Try again"
    } else {
        state.notices.push_back(tr(Text::describe_file_unavailable, {{"reason", message}}));
    }
}

void model_ready(AppState& state, Platform& platform) {
    state.model_ready = true;
    refresh_recommendations(state, platform);
}

void loading_failed(AppState& state, std::string message) {
    state.phase = LoadPhase::failed;
    state.fatal_error = std::move(message);
}

void rate_movie(AppState& state, Platform& platform, MovieId movie, float stars) {
    if (!state.bundle || !state.bundle->catalogue.index_of(movie)) {
        state.notices.push_back(tr(Text::movie_not_in_catalogue, {{"movie", std::to_string(movie)}}));
        return;
    }
    if (auto status = state.profile.rate(movie, stars, change_stamp(platform)); !status) {
        state.notices.push_back(tr(status.error()));
        return;
    }
    state.rating_clicked_ms = platform.now_ms();
    save_profile(state, platform);
    refresh_recommendations(state, platform);
}

void clear_rating(AppState& state, Platform& platform, MovieId movie) {
    if (!state.profile.remove(movie, change_stamp(platform))) return;
    state.rating_clicked_ms = platform.now_ms();
    save_profile(state, platform);
    refresh_recommendations(state, platform);
}

void run_search(AppState& state) {
    if (!state.title_search || state.searched_query == state.query) return;
    state.searched_query = state.query;
    state.search_results = state.title_search->find(state.searched_query, 30);
}

void refresh_recommendations(AppState& state, Platform& platform) {
    if (!state.bundle) return;
    auto input = tower_input(state.profile, state.bundle->catalogue, state.bundle->manifest.max_profile_items);
    fit_rating_head(state, input);
    state.quick_picks.clear();
    if (state.profile.ratings().size() < k_quick_pick_until) {
        state.quick_picks = starter_picks(*state.bundle, state.profile, k_quick_pick_count);
    }
    if (input.item_index.empty() || !state.bundle->vectors_ready) {
        state.for_you = starter_picks(*state.bundle, state.profile, k_for_you_count);
        state.for_you_reasons.clear();
        state.for_you_personal = false;
        state.for_you_provisional = false;
        state.user_vector.clear();
        state.requests.cancel(RequestKind::visitor_taste);  // an answer for ratings since removed
        ++state.for_you_version;
        return;
    }
    if (!state.model_ready) {
        use_provisional_taste(state, platform, input);
        return;
    }
    platform.request_user_embedding(state.requests.start(RequestKind::visitor_taste), input);
}

void use_provisional_taste(AppState& state, Platform& platform, const TowerInput& input) {
    state.requests.cancel(RequestKind::visitor_taste);
    const Bundle& bundle = *state.bundle;
    if (!state.provisional_taste) state.provisional_taste.emplace(bundle.item_table, bundle.manifest.taste_dims);
    auto vector = state.provisional_taste->vector(bundle.item_table, input);
    if (!vector) {
        state.notices.push_back(tr(Text::recommendations_failed, {{"reason", tr(vector.error())}}));
        return;
    }
    apply_visitor_taste(state, platform, vector.value());
    state.for_you_provisional = true;
}

void apply_visitor_taste(AppState& state, Platform& platform, std::span<const float> embedding) {
    if (!state.bundle) return;
    state.for_you_provisional = false;
    state.user_vector.assign(embedding.begin(), embedding.end());
    rerank_for_you(state);
    if (!state.for_you.empty()) {  // a screen reader hears that the list changed, and what leads it now
        const Movie& first = state.bundle->catalogue.movie(state.for_you.front().index);
        announce(state, tr(Text::access_for_you_updated, {{"title", first.title}}));
    }
    if (state.rating_clicked_ms > 0.0) {
        state.last_update_ms = platform.now_ms() - state.rating_clicked_ms;
        state.rating_clicked_ms = 0.0;
    }
}

Filters visitor_filters(const AppState& state) {
    const ProfileSettings& settings = state.profile.settings;
    Filters filters;
    filters.not_interested = state.profile.not_interested();
    filters.genre_mask = settings.genre_mask;
    filters.year_min = settings.year_min;
    filters.year_max = settings.year_max;
    return filters;
}

void rerank_for_you(AppState& state) {
    if (!state.bundle || state.user_vector.empty()) return;
    RecommendOptions options;
    options.rerank.diversity_lambda = 1.0f - 0.5f * state.profile.settings.variety;  // variety 1 -> MMR lambda 0.5
    options.filters = visitor_filters(state);
    options.rerank.novelty = niche_weight(state.profile.settings.niche_level);
    auto top = recommend(*state.bundle, state.user_vector, state.profile, k_for_you_count, options);
    if (!top) {
        state.notices.push_back(tr(Text::recommendations_failed, {{"reason", tr(top.error())}}));
        return;
    }
    state.for_you = std::move(top).value();
    state.for_you_reasons.clear();
    for (const auto& item : state.for_you) {
        state.for_you_reasons.push_back(explain(state.bundle->catalogue, state.bundle->unit_rows, state.profile, item.index));
    }
    state.for_you_personal = true;
    ++state.for_you_version;
    refresh_movie_night(state);  // the visitor's taste changed: so does the blend
}

void open_movie(AppState& state, MovieId movie) {
    state.detail_movie = 0;
    state.detail_similar.clear();
    if (!state.bundle || movie == 0) return;
    const TextIndex* text = state.describe.index ? &state.describe.index->index() : nullptr;
    // A little-rated film's similar films come from its text: the index loads for it (until then,
    // its genres answer).
    if (auto index = state.bundle->catalogue.index_of(movie); index && !text) {
        state.describe.index_wanted |= similar_by_text_first(state.bundle->catalogue, *index);
    }
    auto similar = similar_movies(state.bundle->catalogue, state.bundle->unit_rows, movie, 12, text);
    if (!similar) {
        state.notices.push_back(similar.error().message);
        return;
    }
    state.detail_movie = movie;
    state.detail_similar = std::move(similar).value();
}

void set_on_watchlist(AppState& state, Platform& platform, MovieId movie, bool on) {
    state.profile.set_on_watchlist(movie, on, change_stamp(platform));
    save_profile(state, platform);
}

void set_not_interested(AppState& state, Platform& platform, MovieId movie, bool on) {
    state.profile.set_not_interested(movie, on, change_stamp(platform));
    if (on) state.profile.set_on_watchlist(movie, false, change_stamp(platform));
    apply_settings(state, platform);
}

void set_seen(AppState& state, Platform& platform, MovieId movie, bool on) {
    state.profile.set_seen(movie, on, change_stamp(platform));
    apply_settings(state, platform);
}

bool welcome_shown(const AppState& state) {
    return state.welcome_reopened || (!state.profile.settings.welcome_done && state.profile.empty());
}

void reopen_welcome(AppState& state) {
    state.welcome_reopened = true;
    state.welcome_scroll_pending = true;
}

void close_welcome(AppState& state, Platform& platform) {
    state.welcome_reopened = false;
    if (state.profile.settings.welcome_done) return;
    state.profile.settings.welcome_done = true;
    save_profile(state, platform);
}

void apply_settings(AppState& state, Platform& platform) {
    save_profile(state, platform);
    if (state.for_you_personal) {
        rerank_for_you(state);
    } else {
        refresh_recommendations(state, platform);
    }
}

}  // namespace cinelocal::ui
