// The visitor's ratings, kept in browser storage as schema-versioned JSON. Ratings of movies the
// current catalogue lacks are kept (never dropped) but not fed to the model.
#pragma once
#include <string>
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/result.h"

namespace cinelocal {

inline constexpr int k_profile_schema_version = 1;

struct Rating {
    MovieId movie;
    float stars;  // 0.5 .. 5 in half steps
};

// Named error unless stars is finite, within 0.5..5 and a multiple of 0.5.
Status validate_stars(float stars);

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

private:
    std::vector<Rating> ratings_;  // oldest first
};

// What the user tower reads: catalogue indices and stars of the newest `max_items` ratings of
// movies in the catalogue.
struct TowerInput {
    std::vector<std::int32_t> item_index;
    std::vector<float> stars;
};
TowerInput tower_input(const Profile& profile, const Catalogue& catalogue, std::size_t max_items);

}  // namespace cinelocal
