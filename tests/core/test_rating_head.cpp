#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cinelocal/bundle.h"
#include "cinelocal/fold_in.h"
#include "cinelocal/rating_head.h"
#include "tiny_bundle.h"

using namespace cinelocal;

namespace {

nlohmann::json load_fixture() {
    std::ifstream in(std::string(CINELOCAL_SOURCE_DIR) + "/tests/core/fixtures/rating_head.json");
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}

std::vector<std::uint8_t> from_hex(const std::string& hex) {
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<std::uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

ItemTable fixture_table(const nlohmann::json& f) {
    std::vector<std::int8_t> values;
    for (const auto& row : f["item_table_int8"])
        for (const auto& v : row) values.push_back(static_cast<std::int8_t>(v.get<int>()));
    return ItemTable::from_values(std::move(values), f["item_table_scale"].get<std::vector<float>>(),
                                  f["item_table_int8"][0].size());
}

}  // namespace

TEST_CASE("rating head reproduces the Python twin's fixture: user bias, taste vector and every prediction") {
    const auto f = load_fixture();
    const auto table = fixture_table(f);
    auto head = RatingHead::parse(from_hex(f["rating_head_bin_hex"]), table.item_count());
    REQUIRE(head.ok());
    CHECK(head.value().global_mean() == 3.5f);
    CHECK(head.value().ridge() == 1.5f);
    const auto items = f["items"].get<std::vector<ItemIndex>>();
    const auto stars = f["stars"].get<std::vector<float>>();
    auto fit = head.value().fit(table, f["taste_dims"].get<std::size_t>(), items, stars);
    REQUIRE(fit.ok());
    CHECK(fit.value().user_bias == Approx(f["user_bias"].get<double>()).margin(1e-9));
    const auto taste = f["taste"].get<std::vector<double>>();
    REQUIRE(fit.value().taste.size() == taste.size());
    for (std::size_t k = 0; k < taste.size(); ++k) CHECK(fit.value().taste[k] == Approx(taste[k]).margin(1e-9));
    const auto predicted = f["predicted"].get<std::vector<double>>();
    for (std::size_t i = 0; i < predicted.size(); ++i) {
        CHECK(head.value().predict(table, fit.value(), static_cast<ItemIndex>(i)) == Approx(predicted[i]).margin(1e-6));
    }
}

TEST_CASE("rating head with no ratings predicts the global mean plus the item bias, clamped to 0.5..5") {
    const auto f = load_fixture();
    const auto table = fixture_table(f);
    auto bytes = from_hex(f["rating_head_bin_hex"]);
    auto head = RatingHead::parse(bytes, table.item_count()).value();
    auto fit = head.fit(table, 2, {}, {});
    REQUIRE(fit.ok());
    CHECK(fit.value().user_bias == 0.0);
    CHECK(head.predict(table, fit.value(), 0) == Approx(3.5 + 0.3).margin(1e-6));
    CHECK(head.predict(table, fit.value(), 4) == Approx(3.5 - 0.6).margin(1e-6));
}

TEST_CASE("rating head file errors are named: size, magic, version, non-finite values") {
    const auto f = load_fixture();
    const auto good = from_hex(f["rating_head_bin_hex"]);
    CHECK(RatingHead::parse(good, 5).error().code == ErrorCode::size_mismatch);
    auto bad = good;
    bad[0] = 'X';
    CHECK(RatingHead::parse(bad, 6).error().code == ErrorCode::invalid_format);
    bad = good;
    bad[4] = 2;
    CHECK(RatingHead::parse(bad, 6).error().code == ErrorCode::unsupported_version);
    bad = good;
    for (int k = 0; k < 4; ++k) bad[20 + k] = 0xff;  // item 0's bias becomes NaN
    CHECK(RatingHead::parse(bad, 6).error().code == ErrorCode::invalid_format);
}

TEST_CASE("rating head refuses a fit with mismatched lengths or an item outside the table") {
    const auto f = load_fixture();
    const auto table = fixture_table(f);
    auto head = RatingHead::parse(from_hex(f["rating_head_bin_hex"]), 6).value();
    std::vector<ItemIndex> items = {0, 9};
    std::vector<float> stars = {4.0f, 3.0f};
    CHECK(head.fit(table, 2, items, std::span<const float>(stars).first(1)).error().code == ErrorCode::size_mismatch);
    CHECK(head.fit(table, 2, items, stars).error().code == ErrorCode::size_mismatch);
}

TEST_CASE("a bundle whose manifest lists rating_head.bin carries the parsed head; without it, none") {
    auto files = tiny::files();  // 6 items, as the fixture's head
    auto plain = Bundle::assemble(parse_manifest(tiny::manifest_json(files)).value(), files);
    REQUIRE(plain.ok());
    CHECK_FALSE(plain.value().rating_head.has_value());

    files[k_rating_head_file] = from_hex(load_fixture()["rating_head_bin_hex"]);
    auto with_head = Bundle::assemble(parse_manifest(tiny::manifest_json(files)).value(), files);
    REQUIRE(with_head.ok());
    REQUIRE(with_head.value().rating_head.has_value());
    CHECK(with_head.value().rating_head->item_bias()[5] == 0.45f);

    files[k_rating_head_file].resize(20 + 4 * 5);  // a head for another catalogue, consistently listed
    auto mismatched = Bundle::assemble(parse_manifest(tiny::manifest_json(files)).value(), files);
    REQUIRE_FALSE(mismatched.ok());
    CHECK(mismatched.error().code == ErrorCode::size_mismatch);
}
