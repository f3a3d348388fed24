// Two tabs, one stored profile: nothing lost (merge under the lock, other tabs' saves taken in);
// a refused write keeps everything and says so; nearly full storage is warned about; backups offered.
#include "tiny_app.h"

using namespace cinelocal;
using namespace cinelocal::ui;

namespace {

std::vector<MovieId> rated(const Profile& profile) {
    std::vector<MovieId> ids;
    for (const auto& r : profile.ratings()) ids.push_back(r.movie);
    return ids;
}

Profile stored_profile(const FakePlatform& fake) {
    auto profile = Profile::from_json(fake.storage.at(k_profile_storage_key));
    REQUIRE(profile.ok());
    return std::move(profile).value();
}

}  // namespace

TEST_CASE("the issue's two tabs: Heat in one, Fargo in the other, Casino in the first; a reload keeps all three") {
    Tab one;
    Tab two(one);
    rate_movie(one.state, one.platform, 10, 4.0f);
    two.fake.wall += 10;
    rate_movie(two.state, two.platform, 2, 5.0f);  // its save merges what tab one stored first
    one.fake.wall += 20;
    rate_movie(one.state, one.platform, 3, 3.5f);  // tab one never heard of tab two: the merge still keeps it
    CHECK(rated(stored_profile(one.fake)) == std::vector<MovieId>{10, 2, 3});
    CHECK(rated(one.state.profile) == std::vector<MovieId>{10, 2, 3});  // tab one shows tab two's rating

    on_profile_changed_elsewhere(two.state, two.platform);  // the storage event in tab two
    CHECK(rated(two.state.profile) == std::vector<MovieId>{10, 2, 3});
    CHECK(two.state.storage.changes_from_other_tabs == 2);  // Heat at its own save, Casino now

    Tab reloaded(one);
    CHECK(rated(reloaded.state.profile) == std::vector<MovieId>{10, 2, 3});
}

TEST_CASE("a removal in one tab is not undone by the other tab's next save") {
    Tab one;
    Tab two(one);
    rate_movie(one.state, one.platform, 10, 4.0f);
    on_profile_changed_elsewhere(two.state, two.platform);
    REQUIRE(two.state.profile.find(10));
    one.fake.wall += 5;
    clear_rating(one.state, one.platform, 10);
    two.fake.wall += 10;
    set_on_watchlist(two.state, two.platform, 2, true);  // tab two still holds the rating of 10 in memory
    CHECK(stored_profile(one.fake).find(10) == nullptr);
    CHECK(two.state.profile.find(10) == nullptr);
    CHECK(stored_profile(one.fake).on_watchlist(2));
}

TEST_CASE("a tab whose write lost a race writes back what the stored copy lacks") {
    Tab one;
    Tab two(one);
    rate_movie(one.state, one.platform, 10, 4.0f);
    // Without Web Locks two writes can cross: the stored copy loses tab one's rating.
    one.fake.storage[k_profile_storage_key] = Profile{}.to_json();
    on_profile_changed_elsewhere(one.state, one.platform);
    CHECK(stored_profile(one.fake).find(10) != nullptr);
}

TEST_CASE("saves wait for the lock, and one queued save writes every change made meanwhile") {
    Tab tab;
    tab.fake.hold_locked_tasks = true;
    rate_movie(tab.state, tab.platform, 10, 4.0f);
    rate_movie(tab.state, tab.platform, 2, 3.0f);
    CHECK(tab.fake.locked_tasks.size() == 1);
    CHECK_FALSE(tab.fake.storage.count(k_profile_storage_key));
    tab.fake.run_locked_tasks();
    CHECK(rated(stored_profile(tab.fake)) == std::vector<MovieId>{10, 2});
}

TEST_CASE("storage full: the rating stays, the message says so, and it is saved once space is freed") {
    Tab tab;
    rate_movie(tab.state, tab.platform, 10, 4.0f);
    tab.fake.quota_bytes = tab.fake.used_bytes() + 10;  // not enough for one more rating
    rate_movie(tab.state, tab.platform, 2, 5.0f);
    CHECK(rated(tab.state.profile) == std::vector<MovieId>{10, 2});
    CHECK(rated(stored_profile(tab.fake)) == std::vector<MovieId>{10});
    CHECK(tab.state.storage.unsaved);
    CHECK(tab.state.storage.problem.find("storage for CineLocal is full") != std::string::npos);

    tab.fake.quota_bytes = 0;  // space freed
    keep_profile_saved(tab.state, tab.platform);
    CHECK(tab.state.storage.unsaved);  // not before the retry time
    tab.fake.now += k_save_retry_ms;
    keep_profile_saved(tab.state, tab.platform);
    CHECK_FALSE(tab.state.storage.unsaved);
    CHECK(tab.state.storage.problem.empty());
    CHECK(rated(stored_profile(tab.fake)) == std::vector<MovieId>{10, 2});
}

TEST_CASE("storage nearly full is warned about before anything fails") {
    Tab tab;
    rate_movie(tab.state, tab.platform, 10, 4.0f);
    CHECK(tab.state.storage.quota_warning.empty());
    tab.fake.quota_bytes = tab.fake.used_bytes() + 100;  // the next save (~50 bytes more) fits, leaving little room
    rate_movie(tab.state, tab.platform, 2, 5.0f);
    CHECK_FALSE(tab.state.storage.unsaved);
    CHECK(tab.state.storage.quota_warning.find("% full") != std::string::npos);
}

TEST_CASE("a backup is offered after the 10th rating, then not again before the 60th") {
    Tab tab;
    for (MovieId movie = 1; movie <= 9; ++movie) REQUIRE(tab.state.profile.rate(movie + 100, 4.0f).ok());
    CHECK_FALSE(backup_offer_due(tab.state));
    REQUIRE(tab.state.profile.rate(110, 4.0f).ok());
    CHECK(backup_offer_due(tab.state));
    answer_backup_offer(tab.state, tab.platform);
    CHECK_FALSE(backup_offer_due(tab.state));
    CHECK(stored_profile(tab.fake).settings.backup_offer_seen == 10);  // remembered across reloads
    for (MovieId movie = 111; movie < 160; ++movie) REQUIRE(tab.state.profile.rate(movie, 4.0f).ok());
    CHECK_FALSE(backup_offer_due(tab.state));  // 59
    REQUIRE(tab.state.profile.rate(160, 4.0f).ok());
    CHECK(backup_offer_due(tab.state));  // 60
}

TEST_CASE("a settings change is stamped, so the other tab's older settings do not win it back") {
    Tab one;
    Tab two(one);
    one.state.profile.settings.variety = 0.9f;
    one.fake.wall += 5;
    apply_settings(one.state, one.platform);
    two.fake.wall += 10;
    rate_movie(two.state, two.platform, 10, 4.0f);  // tab two's settings are the defaults, unchanged
    CHECK(stored_profile(one.fake).settings.variety == 0.9f);
    CHECK(two.state.profile.settings.variety == 0.9f);
}
