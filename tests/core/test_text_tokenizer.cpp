#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cinelocal/text_tokenizer.h"

using namespace cinelocal;
using Ids = std::vector<std::int32_t>;

static std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(CINELOCAL_SOURCE_DIR) + "/tests/fixtures/tokenizer/" + name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

static TextTokenizer fixture_tokenizer() {
    auto tokenizer = TextTokenizer::parse(read_fixture("vocab.json"));
    REQUIRE(tokenizer.ok());
    return std::move(tokenizer).value();
}

TEST_CASE("the C++ tokenizer gives the ids the Python tokenizer gives for every fixture text") {
    // tests/models/test_content_model.py checks the same file against the Python tokenizer.
    auto tokenizer = fixture_tokenizer();
    auto cases = nlohmann::json::parse(read_fixture("cases.json")).at("cases");
    REQUIRE(cases.size() >= 15);
    for (const auto& c : cases) {
        const auto text = c.at("text").get<std::string>();
        INFO("text: " << text);
        CHECK(tokenizer.encode(text, c.at("max_tokens").get<std::size_t>()) == c.at("ids").get<Ids>());
    }
}

TEST_CASE("case, accents, ligatures and apostrophes fold to the vocabulary's words") {
    auto tokenizer = fixture_tokenizer();
    CHECK(tokenizer.encode("AMÉLIE", 8) == Ids{3});
    CHECK(tokenizer.encode("Ame\xCC\x81lie", 8) == Ids{3});  // e + combining acute accent
    CHECK(tokenizer.encode("Straße", 8) == Ids{4});
    CHECK(tokenizer.encode("Schindler\xE2\x80\x99s List", 8) == Ids{5, 6});
    CHECK(tokenizer.encode("toys and a toy", 8) == Ids{1, 1});  // plural shares the singular's id
}

TEST_CASE("stop words are dropped even when the vocabulary lists them; max_tokens truncates") {
    auto tokenizer = fixture_tokenizer();
    CHECK(tokenizer.encode("the story", 8) == Ids{2});
    CHECK(tokenizer.encode("toy story toy story toy", 2) == Ids{1, 2});
    CHECK(tokenizer.max_tokens() == 8);
    CHECK(tokenizer.id_count() == 9);
}

TEST_CASE("bad texts give a named problem and no ids") {
    auto tokenizer = fixture_tokenizer();
    const auto problem = [&](std::string_view text) { return tokenizer.encode_checked(text, 8).problem; };
    CHECK(problem("toy story") == TextProblem::none);
    CHECK(problem("") == TextProblem::empty_text);
    CHECK(problem(" -- !? ") == TextProblem::empty_text);
    CHECK(problem("zebra quantum") == TextProblem::no_known_words);
    CHECK(problem("the of a") == TextProblem::no_known_words);
    CHECK(problem("toy \xFF story") == TextProblem::invalid_utf8);         // not a UTF-8 byte
    CHECK(problem("toy \xC3") == TextProblem::invalid_utf8);               // truncated sequence
    CHECK(problem("\xC0\xAF") == TextProblem::invalid_utf8);               // overlong '/'
    CHECK(problem("\xED\xA0\x80") == TextProblem::invalid_utf8);           // a UTF-16 surrogate
    CHECK(problem("\xF4\x90\x80\x80") == TextProblem::invalid_utf8);       // above U+10FFFF
    CHECK(tokenizer.encode("toy \xFF story", 8).empty());
    CHECK(std::string(text_problem_name(TextProblem::no_known_words)) == "no_known_words");
    CHECK(std::string(text_problem_message(TextProblem::empty_text)).find("words") != std::string::npos);
}

TEST_CASE("a malformed vocabulary is refused with a named error") {
    CHECK(TextTokenizer::parse("not json").error().code == ErrorCode::invalid_format);
    CHECK(TextTokenizer::parse(R"({"format_version":2})").error().code == ErrorCode::unsupported_version);
    const std::string base = R"({"format_version":1,"max_tokens":4,"id_count":3,"join":[[39,39]],"stop_words":[],)";
    CHECK(TextTokenizer::parse(base + R"("fold":{},"words":{"toy":1,"story":2}})").ok());
    auto out_of_range = TextTokenizer::parse(base + R"("fold":{},"words":{"toy":3}})");
    REQUIRE_FALSE(out_of_range.ok());
    CHECK(out_of_range.error().message.find("toy") != std::string::npos);
    CHECK(TextTokenizer::parse(base + R"("fold":{"ab":"x"},"words":{}})").error().code == ErrorCode::invalid_format);
    CHECK(TextTokenizer::parse(base + R"("fold":{"é":"É"},"words":{}})").error().code == ErrorCode::invalid_format);
    CHECK(TextTokenizer::parse(base + R"("fold":{}})").error().code == ErrorCode::invalid_format);  // no words
}
