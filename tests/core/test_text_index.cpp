// The describe-it index and ranking on hand-made documents whose BM25 order is worked out by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "cinelocal/describe_rank.h"
#include "cinelocal/text_index.h"
#include "tiny_bundle.h"

using namespace cinelocal;

namespace {

// Terms: 1 "shark" (rare), 2 "beach" (common), 3 "town", 4 "filler".
const std::vector<std::vector<std::int32_t>> k_documents = {
    {1, 2, 3},                 // 0: shark beach town, short
    {1, 1, 2},                 // 1: shark twice
    {1, 2, 4, 4, 4, 4, 4, 4},  // 2: shark in a long document
    {2, 3},                    // 3: no shark
    {2},                       // 4
};

TextIndex fixture_index() {
    auto index = TextIndex::parse(tiny::text_index_bytes(k_documents, 5), k_documents.size(), 5);
    REQUIRE(index.ok());
    return std::move(index).value();
}

}  // namespace

TEST_CASE("BM25 known answer: idf, term frequency saturation and length normalisation") {
    auto index = fixture_index();
    const std::vector<std::int32_t> shark = {1};
    auto scores = index.bm25(shark);
    // By hand: N = 5, df(shark) = 3: idf = ln(1 + 2.5 / 3.5); average length 17 / 5 = 3.4.
    const double idf = std::log(1.0 + 2.5 / 3.5);
    const auto expected = [&](double tf, double length) {
        return idf * tf * (k_bm25_k1 + 1) / (tf + k_bm25_k1 * (1 - k_bm25_b + k_bm25_b * length / 3.4));
    };
    CHECK(scores[0] == Approx(expected(1, 3)));
    CHECK(scores[1] == Approx(expected(2, 3)));
    CHECK(scores[2] == Approx(expected(1, 8)));
    CHECK(scores[3] == 0.0f);
    CHECK(scores[1] > scores[0]);  // a second "shark" counts, less than the first
    CHECK(scores[1] < 2 * scores[0]);
    CHECK(scores[0] > scores[2]);  // the same match in a long document counts less
    // The rare word outweighs the common one: "shark" alone beats "beach" + nothing.
    const std::vector<std::int32_t> beach = {2};
    CHECK(index.bm25(beach)[3] < scores[0]);
    // A repeated query term counts once; unknown ids are ignored.
    const std::vector<std::int32_t> repeated = {1, 1, 99, -3};
    CHECK(index.bm25(repeated) == scores);
}

TEST_CASE("postings and one document's terms read back what was written") {
    auto index = fixture_index();
    auto list = index.postings(1);
    REQUIRE(list.size() == 3);
    CHECK((list[1].document == 1 && list[1].frequency == 2));
    auto terms = index.document_terms(2);
    CHECK(terms == std::vector<std::pair<std::int32_t, std::uint32_t>>{{1, 1}, {2, 1}, {4, 6}});
    CHECK(index.document_length(2) == 8);
}

TEST_CASE("a malformed or mismatched index is refused with a named error") {
    auto bytes = tiny::text_index_bytes(k_documents, 5);
    CHECK(TextIndex::parse(bytes, 4, 5).error().message.find("5 films") != std::string::npos);
    CHECK(TextIndex::parse(bytes, 5, 6).error().code == ErrorCode::invalid_format);
    auto truncated = bytes;
    truncated.resize(truncated.size() - 1);
    CHECK(TextIndex::parse(truncated, 5, 5).error().code == ErrorCode::invalid_format);
    auto bad_magic = bytes;
    bad_magic[0] = 'X';
    CHECK(TextIndex::parse(bad_magic, 5, 5).error().code == ErrorCode::invalid_format);
    auto newer = bytes;
    newer[4] = 2;
    CHECK(TextIndex::parse(newer, 5, 5).error().code == ErrorCode::unsupported_version);
    auto past_end = bytes;
    past_end[past_end.size() - 2] = 9;  // the last posting's gap now points beyond document 4
    CHECK(TextIndex::parse(past_end, 5, 5).error().message.find("malformed") != std::string::npos);
}

TEST_CASE("fusion: the words decide alone, the learned list moves films up, taste only breaks ties") {
    const std::vector<float> lexical = {0.0f, 3.0f, 2.0f, 0.0f};
    const std::vector<bool> none;
    auto only_words = fuse_description_ranks({lexical, {}, {}}, none, 10);
    REQUIRE(only_words.size() == 2);  // films 0 and 3 matched no word
    CHECK((only_words[0].index == 1 && only_words[1].index == 2));

    DescribeWeights equal;
    equal.learned_weight = 1.0f;
    const std::vector<float> learned = {0.1f, 0.2f, 0.9f, 0.5f};  // ranks 4, 3, 1, 2
    auto both = fuse_description_ranks({lexical, learned, {}}, none, 10, equal);
    REQUIRE(both.size() == 4);  // the learned list reaches films no word matched
    // Film 1: 1/61 + 1/63; film 2: 1/62 + 1/61; film 3: 1/62; film 0: 1/64.
    CHECK(both[0].index == 2);
    CHECK(both[1].index == 1);
    CHECK(both[0].score == Approx(1.0 / 62 + 1.0 / 61));
    CHECK((both[2].index == 3 && both[3].index == 0));

    const std::vector<float> taste = {9.0f, 0.0f, 1.0f, 0.0f};
    auto with_taste = fuse_description_ranks({lexical, {}, taste}, none, 10);
    REQUIRE(with_taste.size() == 2);  // taste never brings up a film the description did not
    const std::vector<bool> excluded = {false, true, false, false};
    auto filtered = fuse_description_ranks({lexical, learned, {}}, excluded, 10);
    for (const auto& item : filtered) CHECK(item.index != 1);
}
