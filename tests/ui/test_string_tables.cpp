// The four string tables against the English one: every key there, none empty, every placeholder
// of the English string in each translation (and no other, which would show as "{name}"), plural
// strings with both forms. English is en.json for the UI plus the core's own sentences
// (cinelocal/message.h). Read here from the embedded JSON with a parser of the test's own.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cinelocal/message.h"
#include "text.h"

using namespace cinelocal;
using namespace cinelocal::ui;

namespace {

using Forms = std::vector<std::string>;  // one string, or a plural's "one" and "other"

std::map<std::string, Forms> read_table(Language language) {
    const auto json = nlohmann::json::parse(string_table_json(language));
    std::map<std::string, Forms> table;
    for (const auto& [key, value] : json.items()) {
        if (value.is_string()) {
            table[key] = {value.get<std::string>()};
        } else {
            INFO(language_code(language) << " " << key << ": a plural has exactly \"one\" and \"other\"");
            REQUIRE(value.is_object());
            REQUIRE(value.size() == 2);
            table[key] = {value.at("one").get<std::string>(), value.at("other").get<std::string>()};
        }
    }
    return table;
}

// English: the UI's table and the core's sentences.
std::map<std::string, Forms> english_table() {
    auto table = read_table(Language::en);
    for (const auto& pattern : english_patterns()) {
        INFO(pattern.key << " is in en.json and in the core");
        CHECK(table.emplace(std::string(pattern.key), Forms{std::string(pattern.english)}).second);
    }
    return table;
}

std::set<std::string> placeholders(const std::string& text) {
    static const std::regex name(R"(\{([a-z_]+)\})");
    std::set<std::string> names;
    for (std::sregex_iterator it(text.begin(), text.end(), name), end; it != end; ++it) names.insert((*it)[1]);
    return names;
}

std::set<std::string> placeholders(const Forms& forms) {
    std::set<std::string> names;
    for (const auto& form : forms) names.merge(placeholders(form));
    return names;
}

std::string read_source(const std::string& path) {
    std::ifstream file(std::string(CINELOCAL_SOURCE_DIR) + "/" + path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("every key is in all four languages, none empty, with the English placeholders", "[strings]") {
    const auto english = english_table();
    REQUIRE(english.size() > 200);
    for (Language language : k_languages) {
        const auto table = language == Language::en ? english : read_table(language);
        for (const auto& [key, english_forms] : english) {
            INFO(language_code(language) << " " << key);
            REQUIRE(table.count(key));
            const Forms& forms = table.at(key);
            for (const auto& form : forms) CHECK_FALSE(form.empty());
            const auto wanted = placeholders(english_forms);
            for (const auto& form : forms) {
                INFO("\"" << form << "\"");
                CHECK(placeholders(form) == wanted);  // missing: a value the visitor never sees; extra: "{x}" on screen
            }
        }
        for (const auto& [key, forms] : table) {
            INFO(language_code(language) << " has a key English lacks (renamed or removed?): " << key);
            CHECK(english.count(key));
        }
    }
}

TEST_CASE("English plural strings count with {count}; each key of the code's enum is in en.json", "[strings]") {
    const auto english = read_table(Language::en);
    for (const auto& [key, forms] : english) {
        INFO(key);
        if (forms.size() == 2) CHECK(placeholders(forms[1]).count("count"));
    }
    for (const char* name : k_text_names) CHECK(english.count(name));
}

TEST_CASE("the boot script's progress labels are English strings of the table, so they are translated", "[strings]") {
    const std::string boot = read_source("web/site/boot.mjs");
    const std::regex label(R"(setProgress\([^,]+,\s*'([^']+)'\))");
    int found = 0;
    set_language(Language::de);
    for (std::sregex_iterator it(boot.begin(), boot.end(), label), end; it != end; ++it, ++found) {
        const std::string english = (*it)[1];
        INFO(english);
        CHECK(translated_label(english) != english);
    }
    CHECK(translated_label("Starting") == "Wird gestartet");  // AppState's label before the boot script's first
    set_language(Language::en);
    CHECK(found >= 2);  // "Loading the manifest", "Downloading the movies and the taste model"
}

TEST_CASE("a core sentence is said in the visitor's language, its reason too", "[strings]") {
    const Message said = Message("import.line_problem")
                             .with("file", "ratings.csv")
                             .with("line", 4)
                             .with("reason", Message("profile.rating_range"));
    CHECK(english(said) == "ratings.csv line 4: a rating must be 0.5 to 5 stars in half steps");
    set_language(Language::fr);
    CHECK(tr(said) == "ratings.csv ligne 4\u00a0: une note va de 0,5 à 5\u00a0étoiles, par demi-étoile");
    set_language(Language::de);
    CHECK(tr(said) == "ratings.csv Zeile 4: eine Bewertung reicht von 0,5 bis 5 Sternen in halben Schritten");
    CHECK(tr(Error{ErrorCode::checksum_mismatch, "item_table.bin: sha256 differs"}) == "item_table.bin: sha256 differs");
    set_language(Language::en);
}
