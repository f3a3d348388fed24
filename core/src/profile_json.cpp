// The profile's JSON: version 3 writes every entry with its change stamp (tombstones too; "seen"
// came later within version 3: a file without it has no seen films);
// versions 1 (ratings only) and 2 (plus id lists and settings) are read and stamped 1, 2, 3... in
// file order, so their order survives and any real change made later wins over them.
#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "cinelocal/popularity_weight.h"
#include "cinelocal/profile.h"
#include "json_integer.h"

namespace cinelocal {
namespace {

// A change time before 1970 or after 9999 is corruption, reported like any malformed field.
Stamp checked_stamp(Stamp stamp, const nlohmann::json& where) {
    if (stamp < 0 || stamp > k_max_stamp) {
        throw nlohmann::json::type_error::create(302, "a change time outside 1970 to 9999: " + std::to_string(stamp), &where);
    }
    return stamp;
}

void read_settings(const nlohmann::json& json, ProfileSettings& settings, Stamp& changed) {
    if (!json.contains("settings")) return;
    const auto& s = json.at("settings");
    settings.variety = std::clamp(s.value("variety", settings.variety), 0.0f, 1.0f);
    if (!std::isfinite(settings.variety)) settings.variety = ProfileSettings{}.variety;
    settings.welcome_done = s.value("welcome_done", false);
    settings.posters_asked = s.value("posters_asked", false);
    settings.genre_mask = json_integer_or(s, "genre_mask", 0u);
    settings.year_min = json_integer_or(s, "year_min", 0);
    settings.year_max = json_integer_or(s, "year_max", 0);
    settings.backup_offer_seen = json_integer_or(s, "backup_offer_seen", 0);
    settings.niche_level = std::clamp(json_integer_or(s, "niche_level", 0), k_min_niche_level, k_max_niche_level);
    // Lenient: a value of another type, or too long to be a language code, means "follow the browser".
    const bool language_ok = s.contains("language") && s["language"].is_string() && s["language"].size() <= 16;
    settings.language = language_ok ? s["language"].get<std::string>() : std::string();
    changed = checked_stamp(json_integer_or<Stamp>(s, "changed", changed), s);
}

// Version 3: [{"movie": id, "stars": s | "removed": true, "changed": ms}], stars for ratings only.
ProfileEntry read_entry(const nlohmann::json& item, bool is_rating) {
    ProfileEntry entry;
    entry.removed = item.value("removed", false);
    entry.changed = checked_stamp(json_integer<Stamp>(item.at("changed")), item);
    entry.value = entry.removed ? 0.0f : (is_rating ? item.at("stars").get<float>() : 1.0f);
    return entry;
}

nlohmann::json entries_json(const EntryMap& entries, bool is_rating) {
    // Oldest change first, ties by movie id: one canonical text per profile.
    std::vector<std::pair<MovieId, ProfileEntry>> sorted(entries.begin(), entries.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second.changed < b.second.changed; });
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [movie, entry] : sorted) {
        nlohmann::json item = {{"movie", movie}, {"changed", entry.changed}};
        if (entry.removed) {
            item["removed"] = true;
        } else if (is_rating) {
            item["stars"] = entry.value;
        }
        list.push_back(std::move(item));
    }
    return list;
}

Error not_a_profile() { return make_error(ErrorCode::invalid_format, Message("profile.not_a_profile")); }

}  // namespace

Result<Profile> Profile::from_json(std::string_view json_text) {
    if (json_text.size() > k_max_profile_json_bytes) {
        return make_error(ErrorCode::invalid_format, Message("profile.too_large")
                                                         .with("size_kb", json_text.size() / 1024)
                                                         .with("max_mb", k_max_profile_json_bytes / 1024 / 1024));
    }
    auto json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    // json.value() throws on a key of another type: checked first (a string "version" was found by fuzzing).
    if (json.is_object() && ((json.contains("schema") && !json["schema"].is_string()) ||
                             (json.contains("version") && !json["version"].is_number_integer()))) {
        return not_a_profile();
    }
    if (json.is_discarded() || !json.is_object() || json.value("schema", "") != "cinelocal.profile") {
        return not_a_profile();
    }
    const int version = json.value("version", 0);
    if (version < 1 || version > k_profile_schema_version) {
        return make_error(ErrorCode::unsupported_version,
                          Message(version > k_profile_schema_version ? "profile.version_newer" : "profile.version_unknown")
                              .with("version", version)
                              .with("max", k_profile_schema_version));
    }
    Profile profile;
    Stamp migrated = 0;  // versions 1 and 2: file order becomes stamps 1, 2, 3...
    try {
        for (auto [list, key] : {std::pair{"ratings", "profile.too_many_ratings"}, std::pair{"watchlist", "profile.too_many_watchlist"},
                                 std::pair{"not_interested", "profile.too_many_not_interested"},
                                 std::pair{"seen", "profile.too_many_seen"}}) {
            if (json.contains(list) && json.at(list).size() > k_max_profile_ratings) {
                return make_error(ErrorCode::invalid_format,
                                  Message(key).with("count", json.at(list).size()).with("max", k_max_profile_ratings));
            }
        }
        for (const auto& item : json.at("ratings")) {
            const auto movie = json_integer<MovieId>(item.at("movie"));
            ProfileEntry entry = version >= 3 ? read_entry(item, true) : ProfileEntry{item.at("stars").get<float>(), ++migrated, false};
            if (auto status = validate_stars(entry.value); !entry.removed && !status) {
                return make_error(ErrorCode::invalid_rating, Message("profile.invalid_rating")
                                                                 .with("movie", movie)
                                                                 .with("stars", std::to_string(entry.value))
                                                                 .with("reason", said_of(status.error())));
            }
            offer(profile.ratings_by_movie_, movie, entry);
        }
        for (auto [key, entries] : {std::pair{"watchlist", &profile.watchlist_by_movie_},
                                    std::pair{"not_interested", &profile.not_interested_by_movie_},
                                    std::pair{"seen", &profile.seen_by_movie_}}) {
            if (!json.contains(key)) continue;
            for (const auto& item : json.at(key)) {
                if (version >= 3) {
                    offer(*entries, json_integer<MovieId>(item.at("movie")), read_entry(item, false));
                } else {
                    offer(*entries, json_integer<MovieId>(item), ProfileEntry{1.0f, ++migrated, false});
                }
            }
        }
        read_settings(json, profile.settings, profile.settings_changed_);
    } catch (const nlohmann::json::exception& e) {
        return make_error(ErrorCode::invalid_format, Message("profile.malformed").with("detail", std::string(e.what())));
    }
    profile.rebuild_views();
    return profile;
}

std::string Profile::to_json() const {
    nlohmann::json json = {{"schema", "cinelocal.profile"},
                           {"version", k_profile_schema_version},
                           {"ratings", entries_json(ratings_by_movie_, true)},
                           {"watchlist", entries_json(watchlist_by_movie_, false)},
                           {"not_interested", entries_json(not_interested_by_movie_, false)},
                           {"seen", entries_json(seen_by_movie_, false)},
                           {"settings",
                            {{"variety", settings.variety},
                             {"welcome_done", settings.welcome_done},
                             {"posters_asked", settings.posters_asked},
                             {"genre_mask", settings.genre_mask},
                             {"year_min", settings.year_min},
                             {"year_max", settings.year_max},
                             {"backup_offer_seen", settings.backup_offer_seen},
                             {"niche_level", settings.niche_level},
                             {"language", settings.language},
                             {"changed", settings_changed_}}}};
    return json.dump();
}

}  // namespace cinelocal
