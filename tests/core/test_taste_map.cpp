#include <catch2/catch.hpp>

#include "checkerboard.h"
#include "cinelocal/taste_map.h"

using namespace cinelocal;

TEST_CASE("the taste map puts comedies and horror films on opposite sides of its first axis") {
    auto bundle = checkerboard::bundle();
    auto points = taste_map(bundle.unit_rows);
    REQUIRE(points.size() == std::size_t(checkerboard::k_movies));
    const bool comedies_positive = points[0].x > 0.0f;
    for (int id = 0; id < checkerboard::k_movies; ++id) {
        const bool comedy = id % 2 == 0;
        CHECK((points[std::size_t(id)].x > 0.0f) == (comedy == comedies_positive));
        CHECK(std::abs(points[std::size_t(id)].x) <= 1.0f);
        CHECK(std::abs(points[std::size_t(id)].y) <= 1.0f);
    }
    // The second axis follows the tilt that orders movies within each taste.
    CHECK(std::abs(points[18].y - points[0].y) > std::abs(points[2].y - points[0].y));
    // Same rows, same map.
    auto again = taste_map(bundle.unit_rows);
    CHECK(again[7].x == points[7].x);
    CHECK(again[7].y == points[7].y);
}
