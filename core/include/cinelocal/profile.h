// The visitor's data, kept in browser storage as schema-versioned JSON: ratings, watchlist,
// "not interested" and "seen" marks, and display settings. Ratings of movies the current catalogue lacks are
// kept (never dropped) but not fed to the model. Versions 1 and 2 are migrated (profile_json.cpp).
//
// Merge, never overwrite (several tabs share one stored profile): every rating, watchlist entry
// and mark carries the time it last changed, and a removal stays as a tombstone with its time, so
// merged(a, b) can keep, film by film, the newest change of either side. The clock rule: a change
// is stamped with the later of the caller's clock (Date.now()) and one millisecond after the newest
// stamp the profile holds. A change therefore always beats everything its tab has seen, even if
// the system clock went back or another tab's clock runs ahead; only changes neither tab had seen
// from the other (truly concurrent ones) are ordered by clock time. Equal stamps are broken by a
// fixed order (removal, then more stars), so merging is commutative.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/result.h"

namespace cinelocal {

inline constexpr int k_profile_schema_version = 3;
// A saved or imported profile larger than this is refused with a message rather than read
// (thousands of times what a keen film lover rates; keeps a hostile file from stalling the page).
inline constexpr std::size_t k_max_profile_json_bytes = 8 * 1024 * 1024;
inline constexpr std::size_t k_max_profile_ratings = 50'000;  // also the most watchlist / not-interested entries

// Milliseconds since 1970 (JavaScript's Date.now()); migrated entries get 1, 2, 3... (before any
// real change). Stamps beyond the year 9999 are refused as corrupt.
using Stamp = std::int64_t;
inline constexpr Stamp k_max_stamp = 253'402'300'799'999;

struct Rating {
    MovieId movie;
    float stars;  // 0.5 .. 5 in half steps
    Stamp changed = 0;
};

// Named error unless stars is finite, within 0.5..5 and a multiple of 0.5.
Status validate_stars(float stars);

// What the visitor set on screen and expects to find again after a reload.
struct ProfileSettings {
    float variety = 0.3f;           // 0: pure relevance .. 1: most varied
    bool welcome_done = false;      // the first-run welcome was dismissed
    bool posters_asked = false;     // read from version 2 files only: poster consent has its own owner now
    std::uint32_t genre_mask = 0;   // "For you" genre filter, 0 = any
    int year_min = 0, year_max = 0; // "For you" year filter, 0 = open
    int backup_offer_seen = 0;      // the rating count (10, 60, 110...) whose backup offer was answered
    int niche_level = 0;            // "For you" mainstream (-2) .. niche (+2) (popularity_weight.h)
    std::string language;           // the UI language chosen in Settings ("fr"); "" = the browser's
    bool operator==(const ProfileSettings&) const = default;
};

// One film's state in a list: its stars (ratings) or 1 (watchlist, marks), when it last changed,
// and whether that change removed it (a tombstone).
struct ProfileEntry {
    float value = 1.0f;
    Stamp changed = 0;
    bool removed = false;
    bool operator==(const ProfileEntry&) const = default;
};
using EntryMap = std::map<MovieId, ProfileEntry>;

class Profile {
public:
    static Result<Profile> from_json(std::string_view json_text);
    std::string to_json() const;

    // Film by film (and the settings as a whole), the newer change of the two; commutative.
    static Profile merged(const Profile& a, const Profile& b);
    // Same entries (tombstones included), settings and stamps: merging one into the other changes nothing.
    bool operator==(const Profile& other) const;

    // Replaces an earlier rating of the same movie; the newest rating goes last. `now` is the
    // caller's clock (0 in tests: stamps then count up from the newest one held).
    Status rate(MovieId movie, float stars, Stamp now = 0);
    bool remove(MovieId movie, Stamp now = 0);
    const std::vector<Rating>& ratings() const { return ratings_; }
    const Rating* find(MovieId movie) const;
    bool empty() const { return ratings_.empty(); }

    // Watchlist, "not interested" and "seen": sets of movie ids, oldest first. Seen is a film watched
    // but not rated (an import's unrated rows): never recommended, and the model learns nothing
    // from it (it has no stars); unlike "not interested" it says nothing against the film.
    const std::vector<MovieId>& watchlist() const { return watchlist_; }
    const std::vector<MovieId>& not_interested() const { return not_interested_; }
    const std::vector<MovieId>& seen() const { return seen_; }
    bool on_watchlist(MovieId movie) const;
    bool is_not_interested(MovieId movie) const;
    bool is_seen(MovieId movie) const;
    void set_on_watchlist(MovieId movie, bool on, Stamp now = 0);
    void set_not_interested(MovieId movie, bool on, Stamp now = 0);
    void set_seen(MovieId movie, bool on, Stamp now = 0);

    // The settings are one entry: call after changing them so that other tabs take them.
    void settings_changed(Stamp now = 0);
    // Tombstones every rating and entry and resets the settings ("delete everything"): a merge
    // with another tab's older copy then removes them there too instead of bringing them back.
    void remove_everything(Stamp now = 0);

    // The newest stamp held (0 for an empty profile).
    Stamp newest_stamp() const;
    // Every entry, tombstones included: for serialisation and tests.
    const EntryMap& rating_entries() const { return ratings_by_movie_; }
    const EntryMap& watchlist_entries() const { return watchlist_by_movie_; }
    const EntryMap& not_interested_entries() const { return not_interested_by_movie_; }
    const EntryMap& seen_entries() const { return seen_by_movie_; }
    Stamp settings_stamp() const { return settings_changed_; }

    ProfileSettings settings;

private:
    Stamp next_stamp(Stamp now) const;
    // Keeps `entry` for `movie` if it is newer than what the map holds; true when kept.
    static bool offer(EntryMap& entries, MovieId movie, const ProfileEntry& entry);
    void rebuild_views();

    EntryMap ratings_by_movie_, watchlist_by_movie_, not_interested_by_movie_, seen_by_movie_;
    Stamp settings_changed_ = 0;
    // Views of the live entries, oldest change first, rebuilt after every change.
    std::vector<Rating> ratings_;
    std::vector<MovieId> watchlist_;
    std::vector<MovieId> not_interested_;
    std::vector<MovieId> seen_;
};

// What the user tower reads: catalogue indices and stars of the newest `max_items` ratings of
// movies that carry model vectors (a search-only film's rating is kept but the tower never saw it).
struct TowerInput {
    std::vector<std::int32_t> item_index;
    std::vector<float> stars;
};
TowerInput tower_input(const Profile& profile, const Catalogue& catalogue, std::size_t max_items);

}  // namespace cinelocal
