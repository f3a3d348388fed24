// The visitor's data, kept in browser storage as schema-versioned JSON: ratings, watchlist,
// "not interested" marks and display settings. Ratings of movies the current catalogue lacks are
// kept (never dropped) but not fed to the model. Version 1 files (ratings only) are migrated.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/result.h"

namespace cinelocal {

inline constexpr int k_profile_schema_version = 2;
// A saved or imported profile larger than this is refused with a message rather than read
// (thousands of times what a keen film lover rates; keeps a hostile file from stalling the page).
inline constexpr std::size_t k_max_profile_json_bytes = 8 * 1024 * 1024;
inline constexpr std::size_t k_max_profile_ratings = 50'000;  // also the most watchlist / not-interested entries

struct Rating {
    MovieId movie;
    float stars;  // 0.5 .. 5 in half steps
};

// Named error unless stars is finite, within 0.5..5 and a multiple of 0.5.
Status validate_stars(float stars);

// What the visitor set on screen and expects to find again after a reload.
struct ProfileSettings {
    float variety = 0.3f;           // 0: pure relevance .. 1: most varied
    bool welcome_done = false;      // the first-run welcome was dismissed
    bool posters_asked = false;     // the visitor answered "load posters from TMDB?" (once)
    std::uint32_t genre_mask = 0;   // "For you" genre filter, 0 = any
    int year_min = 0, year_max = 0; // "For you" year filter, 0 = open
};

class Profile {
public:
    static Result<Profile> from_json(std::string_view json_text);
    std::string to_json() const;

    // Replaces an earlier rating of the same movie; the newest rating goes last.
    Status rate(MovieId movie, float stars);
    bool remove(MovieId movie);
    const std::vector<Rating>& ratings() const { return ratings_; }
    const Rating* find(MovieId movie) const;
    bool empty() const { return ratings_.empty(); }

    // Watchlist and "not interested": sets of movie ids, oldest first.
    const std::vector<MovieId>& watchlist() const { return watchlist_; }
    const std::vector<MovieId>& not_interested() const { return not_interested_; }
    bool on_watchlist(MovieId movie) const;
    bool is_not_interested(MovieId movie) const;
    void set_on_watchlist(MovieId movie, bool on);
    void set_not_interested(MovieId movie, bool on);

    ProfileSettings settings;

private:
    std::vector<Rating> ratings_;  // oldest first
    std::vector<MovieId> watchlist_;
    std::vector<MovieId> not_interested_;
};

// What the user tower reads: catalogue indices and stars of the newest `max_items` ratings of
// movies that carry model vectors (a search-only film's rating is kept but the tower never saw it).
struct TowerInput {
    std::vector<std::int32_t> item_index;
    std::vector<float> stars;
};
TowerInput tower_input(const Profile& profile, const Catalogue& catalogue, std::size_t max_items);

}  // namespace cinelocal
