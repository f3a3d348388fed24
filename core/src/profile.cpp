#include "cinelocal/profile.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace cinelocal {

Status validate_stars(float stars) {
    if (!std::isfinite(stars) || stars < 0.5f || stars > 5.0f || std::fmod(stars * 2.0f, 1.0f) != 0.0f) {
        return make_error(ErrorCode::invalid_rating, "a rating must be 0.5 to 5 stars in half steps");
    }
    return Ok{};
}

Result<Profile> Profile::from_json(std::string_view json_text) {
    auto json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object() || json.value("schema", "") != "cinelocal.profile") {
        return make_error(ErrorCode::invalid_format, "the saved profile is not a CineLocal profile");
    }
    int version = json.value("version", 0);
    if (version != k_profile_schema_version) {
        return make_error(ErrorCode::unsupported_version,
                          "the saved profile has version " + std::to_string(version) + ", expected " +
                              std::to_string(k_profile_schema_version));
    }
    Profile profile;
    try {
        for (const auto& entry : json.at("ratings")) {
            auto movie = entry.at("movie").get<MovieId>();
            auto stars = entry.at("stars").get<float>();
            if (auto status = profile.rate(movie, stars); !status) {
                return make_error(ErrorCode::invalid_rating,
                                  "the saved profile rates movie " + std::to_string(movie) + " " +
                                      std::to_string(stars) + " stars: " + status.error().message);
            }
        }
    } catch (const nlohmann::json::exception& e) {
        return make_error(ErrorCode::invalid_format, std::string("the saved profile is malformed: ") + e.what());
    }
    return profile;
}

std::string Profile::to_json() const {
    nlohmann::json ratings = nlohmann::json::array();
    for (const auto& r : ratings_) ratings.push_back({{"movie", r.movie}, {"stars", r.stars}});
    nlohmann::json json = {{"schema", "cinelocal.profile"}, {"version", k_profile_schema_version}, {"ratings", ratings}};
    return json.dump();
}

Status Profile::rate(MovieId movie, float stars) {
    if (auto status = validate_stars(stars); !status) return status;
    remove(movie);
    ratings_.push_back({movie, stars});
    return Ok{};
}

bool Profile::remove(MovieId movie) {
    auto it = std::find_if(ratings_.begin(), ratings_.end(), [&](const Rating& r) { return r.movie == movie; });
    if (it == ratings_.end()) return false;
    ratings_.erase(it);
    return true;
}

const Rating* Profile::find(MovieId movie) const {
    for (const auto& r : ratings_) {
        if (r.movie == movie) return &r;
    }
    return nullptr;
}

TowerInput tower_input(const Profile& profile, const Catalogue& catalogue, std::size_t max_items) {
    TowerInput input;
    const auto& ratings = profile.ratings();
    for (auto it = ratings.rbegin(); it != ratings.rend() && input.item_index.size() < max_items; ++it) {
        if (auto index = catalogue.index_of(it->movie)) {
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
