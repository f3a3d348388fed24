// One registry for the answers that come later: ids by kind, stale answers dropped, and each
// failure on screen with a way out.
#include "movie_night.h"
#include "tiny_app.h"

using namespace cinelocal;
using namespace cinelocal::ui;

namespace {

const std::string k_friend = R"({"schema":"cinelocal.profile","version":1,"ratings":[{"movie":10,"stars":5}]})";
const std::vector<float> k_horror = {0.0f, 1.0f}, k_animation = {1.0f, 0.0f};

}  // namespace

TEST_CASE("a For you answer that arrives after movie night started is still applied") {
    Tab tab;
    rate_movie(tab.state, tab.platform, 1, 5.0f);
    REQUIRE(tab.fake.requests.size() == 1);
    const int for_you_request = tab.fake.requests[0].first;
    start_movie_night(tab.state, tab.platform, "friend.json", k_friend);
    REQUIRE(tab.fake.requests.size() == 2);
    const int guest_request = tab.fake.requests[1].first;
    CHECK(guest_request != for_you_request);

    const int version = tab.state.for_you_version;
    on_user_embedding(tab.state, tab.platform, for_you_request, k_animation);
    CHECK(tab.state.for_you_version == version + 1);
    CHECK(tab.state.for_you_personal);
    on_user_embedding(tab.state, tab.platform, guest_request, k_horror);
    CHECK(tab.state.movie_night.guest_vector == k_horror);
    CHECK_FALSE(tab.state.movie_night.picks.empty());
    CHECK(tab.state.user_vector == k_animation);  // the guest's answer is not taken for the visitor's
}

TEST_CASE("a failed guest embedding says so on the movie night screen, and a retry clears it") {
    Tab tab;
    rate_movie(tab.state, tab.platform, 1, 5.0f);
    start_movie_night(tab.state, tab.platform, "friend.json", k_friend);
    const int guest_request = tab.fake.requests.back().first;
    on_user_embedding_failed(tab.state, guest_request, "session run failed");
    CHECK(tab.state.movie_night.problem.find("could not be worked out (session run failed)") != std::string::npos);
    CHECK(tab.state.movie_night.problem.find("Load their file again, or end movie night") != std::string::npos);
    CHECK(tab.state.notices.empty());  // said where the visitor looks, once

    start_movie_night(tab.state, tab.platform, "friend.json", k_friend);  // the way out: load again
    CHECK(tab.state.movie_night.problem.empty());
    on_user_embedding(tab.state, tab.platform, tab.fake.requests.back().first, k_horror);
    CHECK(tab.state.movie_night.guest_vector == k_horror);
}

TEST_CASE("stale answers are dropped by kind; an answer after movie night ended does not start it again") {
    Tab tab;
    rate_movie(tab.state, tab.platform, 1, 5.0f);
    const int first = tab.fake.requests.back().first;
    rate_movie(tab.state, tab.platform, 2, 4.0f);
    const int second = tab.fake.requests.back().first;
    start_movie_night(tab.state, tab.platform, "friend.json", k_friend);
    const int guest = tab.fake.requests.back().first;
    end_movie_night(tab.state);

    on_user_embedding(tab.state, tab.platform, guest, k_horror);
    CHECK(tab.state.movie_night.guest_vector.empty());
    const int version = tab.state.for_you_version;
    on_user_embedding(tab.state, tab.platform, first, k_horror);  // stale: a newer rating was given
    CHECK(tab.state.for_you_version == version);
    on_user_embedding_failed(tab.state, first, "late failure");  // stale failures are dropped too
    CHECK(tab.state.notices.empty());
    on_user_embedding(tab.state, tab.platform, second, k_animation);
    CHECK(tab.state.for_you_version == version + 1);
    on_user_embedding(tab.state, tab.platform, second, k_horror);  // a second answer to the same id
    CHECK(tab.state.user_vector == k_animation);
}

TEST_CASE("a failed For you answer becomes a notice that says what still works") {
    Tab tab;
    rate_movie(tab.state, tab.platform, 1, 5.0f);
    on_user_embedding_failed(tab.state, tab.fake.requests.back().first, "out of memory");
    REQUIRE(tab.state.notices.size() == 1);
    CHECK(tab.state.notices[0].find("The recommendation model failed: out of memory") != std::string::npos);
    CHECK(tab.state.notices[0].find("next rating") != std::string::npos);
}
