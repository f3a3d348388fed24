#include <catch2/catch.hpp>

#include <limits>

#include "cinelocal/profile.h"
#include "tiny_bundle.h"

using namespace cinelocal;

TEST_CASE("ratings from 0.5 to 5 in half steps are accepted, others are named errors") {
    Profile profile;
    CHECK(profile.rate(1, 0.5f).ok());
    CHECK(profile.rate(2, 5.0f).ok());
    CHECK(profile.rate(3, 3.5f).ok());
    CHECK(profile.rate(4, 0.0f).error().code == ErrorCode::invalid_rating);
    CHECK(profile.rate(4, 5.5f).error().code == ErrorCode::invalid_rating);
    CHECK(profile.rate(4, 3.3f).error().code == ErrorCode::invalid_rating);
    CHECK(profile.rate(4, std::numeric_limits<float>::quiet_NaN()).error().code == ErrorCode::invalid_rating);
    CHECK(profile.ratings().size() == 3);
}

TEST_CASE("rating a movie again replaces the old rating and moves it last") {
    Profile profile;
    REQUIRE(profile.rate(1, 2.0f).ok());
    REQUIRE(profile.rate(2, 3.0f).ok());
    REQUIRE(profile.rate(1, 4.5f).ok());
    REQUIRE(profile.ratings().size() == 2);
    CHECK(profile.ratings().back().movie == 1);
    CHECK(profile.find(1)->stars == 4.5f);
    CHECK(profile.remove(2));
    CHECK_FALSE(profile.remove(2));
    CHECK(profile.find(2) == nullptr);
}

TEST_CASE("a profile survives a JSON round trip") {
    Profile profile;
    REQUIRE(profile.rate(318, 5.0f).ok());
    REQUIRE(profile.rate(2, 1.5f).ok());
    auto restored = Profile::from_json(profile.to_json());
    REQUIRE(restored.ok());
    REQUIRE(restored.value().ratings().size() == 2);
    CHECK(restored.value().ratings()[0].movie == 318);
    CHECK(restored.value().ratings()[1].stars == 1.5f);
}

TEST_CASE("a corrupt saved profile is a named error, not a crash") {
    CHECK(Profile::from_json("{\"schema\":\"cinelocal.profile\",\"version\":1,\"ratings\":[{\"movie\":1").error().code ==
          ErrorCode::invalid_format);
    CHECK(Profile::from_json("[1,2,3]").error().code == ErrorCode::invalid_format);
    CHECK(Profile::from_json(R"({"schema":"cinelocal.profile","version":9,"ratings":[]})").error().code ==
          ErrorCode::unsupported_version);
    CHECK(Profile::from_json(R"({"schema":"cinelocal.profile","version":1,"ratings":[{"movie":"x","stars":4}]})")
              .error().code == ErrorCode::invalid_format);
    CHECK(Profile::from_json(R"({"schema":"cinelocal.profile","version":1,"ratings":[{"movie":1,"stars":7}]})")
              .error().code == ErrorCode::invalid_rating);
}

TEST_CASE("the tower input holds the newest known ratings as catalogue indices, oldest first") {
    auto catalogue = Catalogue::parse(tiny::catalogue_json);
    REQUIRE(catalogue.ok());
    Profile profile;
    REQUIRE(profile.rate(11, 4.0f).ok());
    REQUIRE(profile.rate(99999, 5.0f).ok());  // not in this catalogue: kept, but not fed to the model
    REQUIRE(profile.rate(1, 5.0f).ok());
    REQUIRE(profile.rate(3, 2.5f).ok());
    auto input = tower_input(profile, catalogue.value(), 2);
    CHECK(input.item_index == std::vector<std::int32_t>{0, 2});
    CHECK(input.stars == std::vector<float>{5.0f, 2.5f});
    auto all = tower_input(profile, catalogue.value(), 512);
    CHECK(all.item_index == std::vector<std::int32_t>{4, 0, 2});
    CHECK(profile.ratings().size() == 4);
}

TEST_CASE("watchlist, not-interested and seen marks and settings survive a JSON round trip") {
    Profile profile;
    REQUIRE(profile.rate(1, 4.0f).ok());
    profile.set_on_watchlist(318, true);
    profile.set_on_watchlist(2, true);
    profile.set_on_watchlist(318, true);  // twice: kept once
    profile.set_not_interested(5, true);
    profile.set_seen(7, true);
    profile.set_seen(8, true);
    profile.set_seen(7, false);
    profile.settings.variety = 0.8f;
    profile.settings.welcome_done = true;
    profile.settings.posters_asked = true;
    profile.settings.genre_mask = 0b101u;
    profile.settings.year_min = 1990;
    profile.settings.year_max = 1999;
    profile.settings.niche_level = 2;
    auto restored = Profile::from_json(profile.to_json());
    REQUIRE(restored.ok());
    const Profile& p = restored.value();
    CHECK(p.watchlist() == std::vector<MovieId>{318, 2});
    CHECK(p.not_interested() == std::vector<MovieId>{5});
    CHECK(p.on_watchlist(2));
    CHECK_FALSE(p.on_watchlist(5));
    CHECK(p.is_not_interested(5));
    CHECK(p.seen() == std::vector<MovieId>{8});
    CHECK(p.is_seen(8));
    CHECK_FALSE(p.is_seen(7));
    CHECK(p.seen_entries().at(7).removed);  // a tombstone, like the other lists
    CHECK(p.settings.niche_level == 2);
    CHECK(p.settings.variety == 0.8f);
    CHECK(p.settings.welcome_done);
    CHECK(p.settings.posters_asked);
    CHECK(p.settings.genre_mask == 0b101u);
    CHECK(p.settings.year_min == 1990);
    CHECK(p.settings.year_max == 1999);
    Profile copy = p;
    copy.set_on_watchlist(318, false);
    CHECK(copy.watchlist() == std::vector<MovieId>{2});
}

TEST_CASE("a profile saved before seen marks and the niche control reads with none; a level out of range is clamped") {
    auto older = Profile::from_json(R"({"schema":"cinelocal.profile","version":3,"ratings":[],"watchlist":[],
        "not_interested":[],"settings":{"changed":5}})");
    REQUIRE(older.ok());
    CHECK(older.value().seen().empty());
    CHECK(older.value().settings.niche_level == 0);
    auto wild = Profile::from_json(R"({"schema":"cinelocal.profile","version":3,"ratings":[],
        "settings":{"niche_level":9,"changed":5}})");
    REQUIRE(wild.ok());
    CHECK(wild.value().settings.niche_level == 2);
}

TEST_CASE("a version 1 profile (ratings only) is migrated, a newer version is refused with a reason") {
    auto old = Profile::from_json(R"({"schema":"cinelocal.profile","version":1,"ratings":[{"movie":1,"stars":4.5}]})");
    REQUIRE(old.ok());
    CHECK(old.value().ratings().size() == 1);
    CHECK(old.value().watchlist().empty());
    CHECK(old.value().settings.variety == ProfileSettings{}.variety);
    CHECK(old.value().to_json().find("\"version\":3") != std::string::npos);
    auto newer = Profile::from_json(R"({"schema":"cinelocal.profile","version":4,"ratings":[]})");
    REQUIRE_FALSE(newer.ok());
    CHECK(newer.error().code == ErrorCode::unsupported_version);
    CHECK(newer.error().message.find("newer CineLocal") != std::string::npos);
    CHECK(Profile::from_json(R"({"schema":"cinelocal.profile","version":2,"ratings":[],"watchlist":["x"]})")
              .error().code == ErrorCode::invalid_format);
}
