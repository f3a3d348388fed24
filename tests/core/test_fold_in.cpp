#include <catch2/catch.hpp>

#include "cinelocal/fold_in.h"

using namespace cinelocal;

namespace {

// Rows (scale 0.01): item 0 = (1, 0), item 1 = (0, 1), item 2 = (1, 1), item 3 = (0.5, 0)
ItemTable unit_table() {
    return ItemTable::from_values({100, 0, 0, 100, 100, 100, 50, 0}, {0.01f, 0.01f, 0.01f, 0.01f}, 2);
}

}  // namespace

TEST_CASE("fold-in solves the ridge normal equations: one item gives y v / (|v|^2 + ridge)") {
    auto table = unit_table();
    std::vector<ItemIndex> items = {2};
    std::vector<double> y = {3.0};
    auto p = fold_in(table, 2, FoldInInput{items, y, {}, 1.0, {}});
    REQUIRE(p.ok());
    // (v v' + I) p = 3 v with v = (1, 1): p = 3 / (2 + 1) (1, 1)
    CHECK(p.value()[0] == Approx(1.0));
    CHECK(p.value()[1] == Approx(1.0));
}

TEST_CASE("fold-in with weights and a base Gram matrix matches the hand-solved iALS step") {
    auto table = unit_table();
    std::vector<ItemIndex> items = {0, 1};
    std::vector<double> y = {1.0, 1.0}, w = {3.0, 1.0};
    const auto gram = item_gram(table, 2);  // rows: (1,0),(0,1),(1,1),(.5,0) -> [[2.25,1],[1,2]]
    REQUIRE(gram.size() == 4);
    CHECK(gram[0] == Approx(2.25));
    CHECK(gram[1] == Approx(1.0));
    CHECK(gram[3] == Approx(2.0));
    auto p = fold_in(table, 2, FoldInInput{items, y, w, 0.5, gram});
    REQUIRE(p.ok());
    // A = [[2.25+3+.5, 1], [1, 2+1+.5]] = [[5.75, 1], [1, 3.5]], b = (3, 1)
    const double det = 5.75 * 3.5 - 1.0;
    CHECK(p.value()[0] == Approx((3.5 * 3.0 - 1.0 * 1.0) / det));
    CHECK(p.value()[1] == Approx((5.75 * 1.0 - 1.0 * 3.0) / det));
}

TEST_CASE("fold-in uses only the first dims columns") {
    auto table = unit_table();
    std::vector<ItemIndex> items = {2};
    std::vector<double> y = {2.0};
    auto p = fold_in(table, 1, FoldInInput{items, y, {}, 1.0, {}});
    REQUIRE(p.ok());
    REQUIRE(p.value().size() == 1);
    CHECK(p.value()[0] == Approx(1.0));  // 2 * 1 / (1 + 1)
}

TEST_CASE("fold-in errors are named: bad dims, lengths, item, ridge") {
    auto table = unit_table();
    std::vector<ItemIndex> items = {0}, outside = {4};
    std::vector<double> y = {1.0}, two = {1.0, 2.0};
    CHECK(fold_in(table, 3, FoldInInput{items, y, {}, 1.0, {}}).error().code == ErrorCode::dimension_mismatch);
    CHECK(fold_in(table, 2, FoldInInput{items, two, {}, 1.0, {}}).error().code == ErrorCode::size_mismatch);
    CHECK(fold_in(table, 2, FoldInInput{outside, y, {}, 1.0, {}}).error().code == ErrorCode::size_mismatch);
    CHECK(fold_in(table, 2, FoldInInput{items, y, {}, 0.0, {}}).error().code == ErrorCode::invalid_format);
    CHECK(fold_in(table, 2, FoldInInput{items, y, {}, 1.0, two}).error().code == ErrorCode::size_mismatch);
}
