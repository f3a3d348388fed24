// The merge rules that keep two tabs from losing each other's changes (core/include/cinelocal/profile.h).
#include <catch2/catch.hpp>

#include "cinelocal/profile.h"

using namespace cinelocal;

namespace {

constexpr Stamp k_noon = 1'764'676'800'000;  // 2025-12-02 12:00 UTC, Date.now()-style

Profile read(const std::string& json) {
    auto profile = Profile::from_json(json);
    REQUIRE(profile.ok());
    return std::move(profile).value();
}

std::vector<MovieId> rated_ids(const Profile& profile) {
    std::vector<MovieId> ids;
    for (const auto& r : profile.ratings()) ids.push_back(r.movie);
    return ids;
}

}  // namespace

TEST_CASE("two tabs rating different films: the merge keeps both, in order of change") {
    Profile tab1, tab2;
    REQUIRE(tab1.rate(6, 4.0f, k_noon).ok());          // Heat
    REQUIRE(tab2.rate(608, 5.0f, k_noon + 10).ok());   // Fargo
    REQUIRE(tab1.rate(16, 3.5f, k_noon + 20).ok());    // Casino
    auto merged = Profile::merged(tab1, tab2);
    CHECK(rated_ids(merged) == std::vector<MovieId>{6, 608, 16});
    CHECK(Profile::merged(tab2, tab1).to_json() == merged.to_json());
}

TEST_CASE("the same film rated in both tabs: the newer rating wins, whichever side it is on") {
    Profile old_copy, new_copy;
    REQUIRE(old_copy.rate(1, 2.0f, k_noon).ok());
    REQUIRE(new_copy.rate(1, 4.5f, k_noon + 5).ok());
    CHECK(Profile::merged(old_copy, new_copy).find(1)->stars == 4.5f);
    CHECK(Profile::merged(new_copy, old_copy).find(1)->stars == 4.5f);
}

TEST_CASE("a removal is a tombstone: a merge with an older copy does not bring the film back") {
    Profile before;
    REQUIRE(before.rate(1, 5.0f, k_noon).ok());
    before.set_on_watchlist(2, true, k_noon);
    before.set_not_interested(3, true, k_noon);
    before.set_seen(4, true, k_noon);
    Profile after = read(before.to_json());
    CHECK(after.remove(1, k_noon + 1));
    after.set_on_watchlist(2, false, k_noon + 1);
    after.set_not_interested(3, false, k_noon + 1);
    after.set_seen(4, false, k_noon + 1);
    for (const Profile& merged : {Profile::merged(before, after), Profile::merged(after, before)}) {
        CHECK(merged.find(1) == nullptr);
        CHECK_FALSE(merged.on_watchlist(2));
        CHECK_FALSE(merged.is_not_interested(3));
        CHECK_FALSE(merged.is_seen(4));
        CHECK(merged.rating_entries().at(1).removed);  // kept, so a third copy learns of it too
    }
    // Rated again later: newer than the tombstone, so it comes back.
    Profile again = after;
    REQUIRE(again.rate(1, 3.0f, k_noon + 2).ok());
    CHECK(Profile::merged(after, again).find(1)->stars == 3.0f);
}

TEST_CASE("clock skew: a change always beats what its tab had seen, even with the clock behind") {
    // Tab 2's clock runs an hour ahead; tab 1 merged tab 2's rating, then changes it with its own
    // (earlier) clock. The rule stamps the change one ms after the newest stamp tab 1 holds.
    Profile tab2;
    REQUIRE(tab2.rate(1, 2.0f, k_noon + 3'600'000).ok());
    Profile tab1 = Profile::merged(Profile{}, tab2);
    REQUIRE(tab1.rate(1, 5.0f, k_noon).ok());
    CHECK(tab1.find(1)->changed == k_noon + 3'600'001);
    CHECK(Profile::merged(tab1, tab2).find(1)->stars == 5.0f);
    CHECK(Profile::merged(tab2, tab1).find(1)->stars == 5.0f);
    // Changes neither tab saw from the other are ordered by their clocks: the skewed tab's wins.
    Profile unseen;
    REQUIRE(unseen.rate(7, 1.0f, k_noon + 60'000).ok());
    Profile ahead;
    REQUIRE(ahead.rate(7, 4.0f, k_noon + 3'600'000).ok());
    CHECK(Profile::merged(unseen, ahead).find(7)->stars == 4.0f);
}

TEST_CASE("equal stamps are settled by a fixed order, so both merge orders agree") {
    Profile a, b;
    REQUIRE(a.rate(1, 2.0f, k_noon).ok());
    REQUIRE(b.rate(1, 4.0f, k_noon).ok());
    CHECK(Profile::merged(a, b).to_json() == Profile::merged(b, a).to_json());
    CHECK(Profile::merged(a, b).find(1)->stars == 4.0f);  // more stars
    auto tie = read(R"({"schema":"cinelocal.profile","version":3,"ratings":[{"movie":1,"changed":1764676800000,"removed":true}]})");
    CHECK(Profile::merged(b, tie).find(1) == nullptr);  // a removal beats a rating of the same instant
    CHECK(Profile::merged(tie, b).to_json() == Profile::merged(b, tie).to_json());
}

TEST_CASE("settings merge as one entry: the newer copy wins") {
    Profile a, b;
    a.settings.variety = 0.9f;
    a.settings_changed(k_noon);
    b.settings.genre_mask = 4;
    b.settings_changed(k_noon + 1);
    CHECK(Profile::merged(a, b).settings.genre_mask == 4u);
    CHECK(Profile::merged(a, b).settings.variety == ProfileSettings{}.variety);
    CHECK(Profile::merged(b, a).settings == Profile::merged(a, b).settings);
}

TEST_CASE("delete everything tombstones every entry, so an older tab cannot bring them back") {
    Profile old_tab;
    REQUIRE(old_tab.rate(1, 5.0f, k_noon).ok());
    old_tab.set_on_watchlist(2, true, k_noon);
    Profile deleted = old_tab;
    deleted.remove_everything(k_noon + 5);
    auto merged = Profile::merged(old_tab, deleted);
    CHECK(merged.empty());
    CHECK(merged.watchlist().empty());
}

TEST_CASE("version 3 keeps stamps and tombstones; versions 1 and 2 migrate in file order") {
    Profile profile;
    REQUIRE(profile.rate(318, 5.0f, k_noon).ok());
    REQUIRE(profile.rate(2, 1.5f, k_noon + 1).ok());
    CHECK(profile.remove(2, k_noon + 2));
    auto restored = read(profile.to_json());
    CHECK(restored.to_json() == profile.to_json());
    CHECK(restored.rating_entries().at(2).removed);
    CHECK(restored.ratings().front().changed == k_noon);

    auto v2 = read(R"({"schema":"cinelocal.profile","version":2,"ratings":[{"movie":5,"stars":3},{"movie":4,"stars":2}],
                       "watchlist":[9,8],"not_interested":[7],"settings":{"variety":0.5}})");
    CHECK(rated_ids(v2) == std::vector<MovieId>{5, 4});
    CHECK(v2.watchlist() == std::vector<MovieId>{9, 8});
    CHECK(v2.newest_stamp() == 5);  // 1, 2, 3, 4, 5: older than any real change
    Profile later = v2;
    REQUIRE(later.rate(5, 1.0f, k_noon).ok());
    CHECK(Profile::merged(v2, later).find(5)->stars == 1.0f);
}

TEST_CASE("a change time outside 1970..9999 is a named error") {
    for (const char* stamp : {"-1", "253402300800000", "1e300", "\"x\""}) {
        auto bad = Profile::from_json(std::string(R"({"schema":"cinelocal.profile","version":3,"ratings":[{"movie":1,"stars":4,"changed":)") +
                                      stamp + "}]}");
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == ErrorCode::invalid_format);
    }
}

TEST_CASE("seen marks, the niche setting and the UI language travel together through JSON and merges") {
    Profile a;
    a.set_seen(17, true, k_noon);
    a.settings.niche_level = 1;
    a.settings.language = "de";
    a.settings_changed(k_noon + 1);
    const Profile restored = read(a.to_json());
    CHECK(restored == a);
    CHECK(restored.is_seen(17));
    CHECK(restored.settings.niche_level == 1);
    CHECK(restored.settings.language == "de");

    // Another tab changed its settings later: the newer settings win whole; the seen mark stays.
    Profile b = read(a.to_json());
    b.settings.niche_level = -2;
    b.settings.language = "";
    b.settings_changed(k_noon + 5);
    for (const Profile& merged : {Profile::merged(a, b), Profile::merged(b, a)}) {
        CHECK(merged.is_seen(17));
        CHECK(merged.settings.niche_level == -2);
        CHECK(merged.settings.language.empty());
    }
    // Equal stamps and different settings: the same winner whichever tab merges.
    Profile c = read(a.to_json());
    c.settings.language = "fr";
    CHECK(Profile::merged(a, c) == Profile::merged(c, a));
}
