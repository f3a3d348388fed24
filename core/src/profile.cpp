#include "cinelocal/profile.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace cinelocal {

Status validate_stars(float stars) {
    if (!std::isfinite(stars) || stars < 0.5f || stars > 5.0f || std::fmod(stars * 2.0f, 1.0f) != 0.0f) {
        return make_error(ErrorCode::invalid_rating, Message("profile.rating_range"));
    }
    return Ok{};
}

namespace {

// The merge order: the later change wins; equal stamps fall back to a fixed order so that two
// tabs merging the same pair of copies always agree.
bool newer(const ProfileEntry& a, const ProfileEntry& b) {
    return std::tie(a.changed, a.removed, a.value) > std::tie(b.changed, b.removed, b.value);
}

auto settings_order(const ProfileSettings& s) {
    return std::make_tuple(s.variety, s.welcome_done, s.posters_asked, s.genre_mask, s.year_min, s.year_max, s.backup_offer_seen,
                           s.niche_level, s.language);
}

Stamp newest_in(const EntryMap& entries) {
    Stamp newest = 0;
    for (const auto& [movie, entry] : entries) newest = std::max(newest, entry.changed);
    return newest;
}

// The live films of a map, oldest change first (ties by movie id: a deterministic order).
std::vector<std::pair<MovieId, const ProfileEntry*>> live_oldest_first(const EntryMap& entries) {
    std::vector<std::pair<MovieId, const ProfileEntry*>> live;
    for (const auto& [movie, entry] : entries) {
        if (!entry.removed) live.emplace_back(movie, &entry);
    }
    std::stable_sort(live.begin(), live.end(), [](const auto& a, const auto& b) { return a.second->changed < b.second->changed; });
    return live;
}

std::vector<MovieId> live_ids(const EntryMap& entries) {
    std::vector<MovieId> ids;
    for (const auto& [movie, entry] : live_oldest_first(entries)) ids.push_back(movie);
    return ids;
}

bool is_live(const EntryMap& entries, MovieId movie) {
    auto it = entries.find(movie);
    return it != entries.end() && !it->second.removed;
}

void merge_into(EntryMap& into, const EntryMap& from) {
    for (const auto& [movie, entry] : from) {
        auto [it, inserted] = into.try_emplace(movie, entry);
        if (!inserted && newer(entry, it->second)) it->second = entry;
    }
}

}  // namespace

bool Profile::offer(EntryMap& entries, MovieId movie, const ProfileEntry& entry) {
    auto [it, inserted] = entries.try_emplace(movie, entry);
    if (inserted) return true;
    if (!newer(entry, it->second)) return false;
    it->second = entry;
    return true;
}

Stamp Profile::newest_stamp() const {
    return std::max({newest_in(ratings_by_movie_), newest_in(watchlist_by_movie_),
                     newest_in(not_interested_by_movie_), newest_in(seen_by_movie_), settings_changed_});
}

Stamp Profile::next_stamp(Stamp now) const { return std::min(k_max_stamp, std::max(now, newest_stamp() + 1)); }

void Profile::rebuild_views() {
    ratings_.clear();
    for (const auto& [movie, entry] : live_oldest_first(ratings_by_movie_)) {
        ratings_.push_back({movie, entry->value, entry->changed});
    }
    watchlist_ = live_ids(watchlist_by_movie_);
    not_interested_ = live_ids(not_interested_by_movie_);
    seen_ = live_ids(seen_by_movie_);
}

Profile Profile::merged(const Profile& a, const Profile& b) {
    Profile result = a;
    merge_into(result.ratings_by_movie_, b.ratings_by_movie_);
    merge_into(result.watchlist_by_movie_, b.watchlist_by_movie_);
    merge_into(result.not_interested_by_movie_, b.not_interested_by_movie_);
    merge_into(result.seen_by_movie_, b.seen_by_movie_);
    // Settings: the newer copy as a whole; on equal stamps a fixed order of their fields.
    const bool take_b = b.settings_changed_ != a.settings_changed_
                            ? b.settings_changed_ > a.settings_changed_
                            : settings_order(b.settings) > settings_order(a.settings);
    if (take_b) {
        result.settings = b.settings;
        result.settings_changed_ = b.settings_changed_;
    }
    result.rebuild_views();
    return result;
}

bool Profile::operator==(const Profile& other) const {
    return ratings_by_movie_ == other.ratings_by_movie_ && watchlist_by_movie_ == other.watchlist_by_movie_ &&
           not_interested_by_movie_ == other.not_interested_by_movie_ && seen_by_movie_ == other.seen_by_movie_ &&
           settings == other.settings &&
           settings_changed_ == other.settings_changed_;
}

Status Profile::rate(MovieId movie, float stars, Stamp now) {
    if (auto status = validate_stars(stars); !status) return status;
    offer(ratings_by_movie_, movie, {stars, next_stamp(now), false});
    rebuild_views();
    return Ok{};
}

bool Profile::remove(MovieId movie, Stamp now) {
    if (!is_live(ratings_by_movie_, movie)) return false;
    offer(ratings_by_movie_, movie, {0.0f, next_stamp(now), true});
    rebuild_views();
    return true;
}

const Rating* Profile::find(MovieId movie) const {
    for (const auto& r : ratings_) {
        if (r.movie == movie) return &r;
    }
    return nullptr;
}

bool Profile::on_watchlist(MovieId movie) const { return is_live(watchlist_by_movie_, movie); }
bool Profile::is_not_interested(MovieId movie) const { return is_live(not_interested_by_movie_, movie); }
bool Profile::is_seen(MovieId movie) const { return is_live(seen_by_movie_, movie); }

void Profile::set_on_watchlist(MovieId movie, bool on, Stamp now) {
    if (on_watchlist(movie) == on) return;  // no change, no new stamp
    offer(watchlist_by_movie_, movie, {on ? 1.0f : 0.0f, next_stamp(now), !on});
    rebuild_views();
}

void Profile::set_not_interested(MovieId movie, bool on, Stamp now) {
    if (is_not_interested(movie) == on) return;
    offer(not_interested_by_movie_, movie, {on ? 1.0f : 0.0f, next_stamp(now), !on});
    rebuild_views();
}

void Profile::set_seen(MovieId movie, bool on, Stamp now) {
    if (is_seen(movie) == on) return;
    offer(seen_by_movie_, movie, {on ? 1.0f : 0.0f, next_stamp(now), !on});
    rebuild_views();
}

void Profile::settings_changed(Stamp now) { settings_changed_ = next_stamp(now); }

void Profile::remove_everything(Stamp now) {
    const Stamp stamp = next_stamp(now);
    for (EntryMap* entries : {&ratings_by_movie_, &watchlist_by_movie_, &not_interested_by_movie_, &seen_by_movie_}) {
        for (auto& [movie, entry] : *entries) {
            if (!entry.removed) entry = {0.0f, stamp, true};
        }
    }
    settings = ProfileSettings{};
    settings_changed_ = stamp;
    rebuild_views();
}

TowerInput tower_input(const Profile& profile, const Catalogue& catalogue, std::size_t max_items) {
    TowerInput input;
    const auto& ratings = profile.ratings();
    for (auto it = ratings.rbegin(); it != ratings.rend() && input.item_index.size() < max_items; ++it) {
        auto index = catalogue.index_of(it->movie);
        if (index && catalogue.has_vectors(*index)) {
            input.item_index.push_back(*index);
            input.stars.push_back(it->stars);
        }
    }
    // Oldest first, as the profile stores them.
    std::reverse(input.item_index.begin(), input.item_index.end());
    std::reverse(input.stars.begin(), input.stars.end());
    return input;
}

}  // namespace cinelocal
