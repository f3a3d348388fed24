#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cinelocal/english_stemmer.h"
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
    CHECK(TextTokenizer::parse(R"({"format_version":3})").error().code == ErrorCode::unsupported_version);
    CHECK(TextTokenizer::parse(R"({"format_version":0})").error().code == ErrorCode::unsupported_version);
    const std::string base = R"({"format_version":1,"max_tokens":4,"id_count":3,"join":[[39,39]],"stop_words":[],)";
    CHECK(TextTokenizer::parse(base + R"("fold":{},"words":{"toy":1,"story":2}})").ok());
    auto out_of_range = TextTokenizer::parse(base + R"("fold":{},"words":{"toy":3}})");
    REQUIRE_FALSE(out_of_range.ok());
    CHECK(out_of_range.error().message.find("toy") != std::string::npos);
    CHECK(TextTokenizer::parse(base + R"("fold":{"ab":"x"},"words":{}})").error().code == ErrorCode::invalid_format);
    CHECK(TextTokenizer::parse(base + R"("fold":{"é":"É"},"words":{}})").error().code == ErrorCode::invalid_format);
    CHECK(TextTokenizer::parse(base + R"("fold":{}})").error().code == ErrorCode::invalid_format);  // no words
}

TEST_CASE("the C++ stemmer gives the stems the Python stemmer gives for every fixture word") {
    // tests/models/test_content_model.py checks the same pairs against text_vocab.s_stem.
    auto stems = nlohmann::json::parse(read_fixture("stems.json")).at("stems");
    REQUIRE(stems.size() >= 30);
    for (const auto& [word, stem] : stems.items()) {
        INFO("word: " << word);
        CHECK(s_stem(word) == stem.get<std::string>());
    }
}

TEST_CASE("the C++ port of the Snowball English stemmer gives the library's stem for every fixture word") {
    // english_stems.json comes from Debian's python3-snowballstemmer (make_english_stems.py);
    // tests/models/test_content_model.py checks the library still gives it.
    auto stems = nlohmann::json::parse(read_fixture("english_stems.json")).at("stems");
    REQUIRE(stems.size() >= 2000);
    std::size_t differ = 0;
    for (const auto& [word, stem] : stems.items()) {
        if (snowball_english_stem(word) == stem.get<std::string>()) continue;
        ++differ;
        INFO("word: " << word << ", library: " << stem.get<std::string>() << ", port: " << snowball_english_stem(word));
        CHECK(false);
    }
    CHECK(differ == 0);
    // Known answers from the algorithm's description, whatever the fixture says.
    CHECK(snowball_english_stem("running") == "run");
    CHECK(snowball_english_stem("hoping") == "hope");
    CHECK(snowball_english_stem("generously") == "generous");
    CHECK(snowball_english_stem("skies") == "sky");
    CHECK(snowball_english_stem("succeeded") == "succeed");
    CHECK(snowball_english_stem("gas") == "gas");
    CHECK(snowball_english_stem("") == "");
}

TEST_CASE("a snowball_english vocabulary lets a word's forms meet; an older s_stemmer one still reads") {
    const std::string vocab = R"({"format_version":2,"max_tokens":8,"id_count":4,"model_id_count":4,"stem":"snowball_english",
        "join":[[39,39]],"fold":{},"stop_words":["a","and"],"words":["shoot","stori","zombi"]})";
    auto tokenizer = TextTokenizer::parse(vocab);
    REQUIRE(tokenizer.ok());
    CHECK(tokenizer.value().encode_terms("Shooting, shoots and a shoot").ids == Ids{1, 1, 1});
    CHECK(tokenizer.value().encode_terms("Zombies, a zombie's stories").ids == Ids{3, 3, 2});
    CHECK(stem_word(StemRule::s_stemmer, "shooting") == "shooting");
    CHECK(stem_word(StemRule::none, "stories") == "stories");
    CHECK(stem_rule_from_name("snowball_english") == StemRule::snowball_english);
    CHECK_FALSE(stem_rule_from_name("porter").has_value());
}

TEST_CASE("format 2 stems words and gives the model only the ids below model_id_count") {
    const std::string vocab = R"({"format_version":2,"max_tokens":4,"id_count":5,"model_id_count":3,"stem":"s_stemmer",
        "join":[[39,39]],"fold":{"é":"e"},"stop_words":["a","and"],"words":["zomby","story","shark","hogwart"]})";
    auto tokenizer = TextTokenizer::parse(vocab);
    REQUIRE(tokenizer.ok());
    CHECK(tokenizer.value().model_id_count() == 3);
    auto terms = tokenizer.value().encode_terms("Zombies and a zombie, Stories, SHARKS and Hogwarts");
    CHECK(terms.ids == Ids{1, 1, 2, 3, 4});
    CHECK(tokenizer.value().model_input(terms.ids, 2) == Ids{1, 1});
    CHECK(tokenizer.value().encode("sharks at hogwarts", 4).empty());  // index words only: nothing for the model
    CHECK(tokenizer.value().encode_checked("sharks at hogwarts", 4).problem == TextProblem::no_known_words);
    CHECK(tokenizer.value().encode_terms("sharks at hogwarts").ids == Ids{3, 4});
    CHECK(tokenizer.value().encode_terms("qqq zzz").problem == TextProblem::no_known_words);
    // The words no film has, once each (by stem), folded, in text order; stop words, single letters
    // and numbers (which a vocabulary never holds) are not named.
    auto partly = tokenizer.value().encode_terms("A Volleyball, sharks and volleyballs at the Café in 1912, x 3d");
    CHECK(partly.ids == Ids{3});
    CHECK(partly.unknown_words == std::vector<std::string>{"volleyball", "at", "the", "cafe", "in", "3d"});
    CHECK(tokenizer.value().encode_terms("sharks and a shark").unknown_words.empty());
    auto bad_rule = TextTokenizer::parse(std::string(vocab).replace(vocab.find("s_stemmer"), 9, "porter"));
    REQUIRE_FALSE(bad_rule.ok());
    CHECK(bad_rule.error().message.find("porter") != std::string::npos);
    auto too_many = std::string(vocab).replace(vocab.find("\"hogwart\""), 9, "\"hogwart\",\"extra\"");
    CHECK(TextTokenizer::parse(too_many).error().message.find("extra") != std::string::npos);
    auto bad_count = std::string(vocab).replace(vocab.find("\"model_id_count\":3"), 18, "\"model_id_count\":9");
    CHECK(TextTokenizer::parse(bad_count).error().code == ErrorCode::invalid_format);
}
