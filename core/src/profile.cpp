#include "cinelocal/profile.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <nlohmann/json.hpp>

#include "json_integer.h"

namespace cinelocal {

Status validate_stars(float stars) {
    if (!std::isfinite(stars) || stars < 0.5f || stars > 5.0f || std::fmod(stars * 2.0f, 1.0f) != 0.0f) {
        return make_error(ErrorCode::invalid_rating, "a rating must be 0.5 to 5 stars in half steps");
    }
    return Ok{};
}

namespace {

// Reads a list of movie ids into `out` through `add` (which ignores duplicates).
void read_id_list(const nlohmann::json& json, const char* key, const std::function<void(MovieId)>& add) {
    if (!json.contains(key)) return;
    for (const auto& id : json.at(key)) add(json_integer<MovieId>(id));
}

void read_settings(const nlohmann::json& json, ProfileSettings& settings) {
    if (!json.contains("settings")) return;
    const auto& s = json.at("settings");
    settings.variety = std::clamp(s.value("variety", settings.variety), 0.0f, 1.0f);
    if (!std::isfinite(settings.variety)) settings.variety = ProfileSettings{}.variety;
    settings.welcome_done = s.value("welcome_done", false);
    settings.posters_asked = s.value("posters_asked", false);
    settings.genre_mask = json_integer_or(s, "genre_mask", 0u);
    settings.year_min = json_integer_or(s, "year_min", 0);
    settings.year_max = json_integer_or(s, "year_max", 0);
}

bool contains(const std::vector<MovieId>& ids, MovieId movie) {
    return std::find(ids.begin(), ids.end(), movie) != ids.end();
}

// Adds (at the end, once) or removes a movie id.
void set_membership(std::vector<MovieId>& ids, MovieId movie, bool member) {
    if (!member) {
        std::erase(ids, movie);
    } else if (!contains(ids, movie)) {
        ids.push_back(movie);
    }
}

}  // namespace

Result<Profile> Profile::from_json(std::string_view json_text) {
    if (json_text.size() > k_max_profile_json_bytes) {
        return make_error(ErrorCode::invalid_format, "the profile is " + std::to_string(json_text.size() / 1024) +
                                                         " KB, more than the " +
                                                         std::to_string(k_max_profile_json_bytes / 1024 / 1024) +
                                                         " MB CineLocal reads");
    }
    auto json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    // json.value() throws on a key of another type: checked first (a string "version" was found by fuzzing).
    if (json.is_object() && ((json.contains("schema") && !json["schema"].is_string()) ||
                             (json.contains("version") && !json["version"].is_number_integer()))) {
        return make_error(ErrorCode::invalid_format, "the saved profile is not a CineLocal profile");
    }
    if (json.is_discarded() || !json.is_object() || json.value("schema", "") != "cinelocal.profile") {
        return make_error(ErrorCode::invalid_format, "the saved profile is not a CineLocal profile");
    }
    // Version 1 held ratings only; version 2 added the watchlist, "not interested" and settings.
    int version = json.value("version", 0);
    if (version < 1 || version > k_profile_schema_version) {
        return make_error(ErrorCode::unsupported_version,
                          "the saved profile has version " + std::to_string(version) + ", this CineLocal reads 1 to " +
                              std::to_string(k_profile_schema_version) +
                              (version > k_profile_schema_version ? " (it was made by a newer CineLocal)" : ""));
    }
    Profile profile;
    try {
        for (const char* list : {"ratings", "watchlist", "not_interested"}) {
            if (json.contains(list) && json.at(list).size() > k_max_profile_ratings) {
                return make_error(ErrorCode::invalid_format, std::string("the profile's ") + list + " has " +
                                                                 std::to_string(json.at(list).size()) +
                                                                 " entries, more than the " +
                                                                 std::to_string(k_max_profile_ratings) +
                                                                 " CineLocal keeps");
            }
        }
        for (const auto& entry : json.at("ratings")) {
            auto movie = json_integer<MovieId>(entry.at("movie"));
            auto stars = entry.at("stars").get<float>();
            if (auto status = profile.rate(movie, stars); !status) {
                return make_error(ErrorCode::invalid_rating,
                                  "the saved profile rates movie " + std::to_string(movie) + " " +
                                      std::to_string(stars) + " stars: " + status.error().message);
            }
        }
        read_id_list(json, "watchlist", [&](MovieId id) { profile.set_on_watchlist(id, true); });
        read_id_list(json, "not_interested", [&](MovieId id) { profile.set_not_interested(id, true); });
        read_settings(json, profile.settings);
    } catch (const nlohmann::json::exception& e) {
        return make_error(ErrorCode::invalid_format, std::string("the saved profile is malformed: ") + e.what());
    }
    return profile;
}

std::string Profile::to_json() const {
    nlohmann::json ratings = nlohmann::json::array();
    for (const auto& r : ratings_) ratings.push_back({{"movie", r.movie}, {"stars", r.stars}});
    nlohmann::json json = {{"schema", "cinelocal.profile"},
                           {"version", k_profile_schema_version},
                           {"ratings", ratings},
                           {"watchlist", watchlist_},
                           {"not_interested", not_interested_},
                           {"settings",
                            {{"variety", settings.variety},
                             {"welcome_done", settings.welcome_done},
                             {"posters_asked", settings.posters_asked},
                             {"genre_mask", settings.genre_mask},
                             {"year_min", settings.year_min},
                             {"year_max", settings.year_max}}}};
    return json.dump();
}

bool Profile::on_watchlist(MovieId movie) const { return contains(watchlist_, movie); }
bool Profile::is_not_interested(MovieId movie) const { return contains(not_interested_, movie); }
void Profile::set_on_watchlist(MovieId movie, bool on) { set_membership(watchlist_, movie, on); }
void Profile::set_not_interested(MovieId movie, bool on) { set_membership(not_interested_, movie, on); }

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
