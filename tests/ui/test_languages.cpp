// The UI's language: chosen from the browser's languages (the fake platform's navigator.languages),
// switched in Settings and remembered in the profile, numbers and dates written the language's way;
// whole headless frames read back as the words a visitor sees.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

#include "../core/tiny_bundle.h"
#include "headless_ui.h"
#include "locale_format.h"
#include "text.h"
#include "tiny_app.h"

using namespace cinelocal;
using namespace cinelocal::ui;

namespace {

// A tab on the tiny bundle whose browser prefers `languages`, drawn headless (one at a time: each
// holds ImGui's context).
struct BrowserTab {
    HeadlessUi ui;
    FakePlatform fake;
    Platform platform;
    AppState state;
    explicit BrowserTab(std::vector<std::string> languages, const FakePlatform* same_browser = nullptr)
        : fake(same_browser ? FakePlatform(*same_browser) : FakePlatform()) {
        fake.languages = std::move(languages);
        platform = fake.platform();
        load_tiny_app(state, platform);
    }
    std::string words() { return ui.drawn_text(state, platform); }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a browser that prefers de-DE gets For you in German, and the page's lang says so", "[languages]") {
    BrowserTab tab({"de-DE", "en-US"});
    const std::string words = tab.words();
    INFO(words);
    CHECK(current_language() == Language::de);
    CHECK(tab.fake.document_language == "de");
    CHECK(has(words, "Willkommen bei CineLocal"));
    CHECK(has(words, "Für dich"));
    CHECK(has(words, "Alle Genres"));
    CHECK(has(words, "Einstellungen & Datenschutz"));
    CHECK_FALSE(has(words, "For you"));
    CHECK_FALSE(has(words, "Welcome"));

    // After a rating and the model's answer: the time and the variety with a decimal comma.
    tab.ui.click(tab.state, tab.platform, "foryou:1/rate:5");
    REQUIRE(tab.fake.requests.size() == 1);
    on_user_embedding(tab.state, tab.platform, tab.fake.requests[0].first, std::vector<float>{0.0f, 1.0f});
    const std::string rated = tab.words();
    INFO(rated);
    CHECK(has(rated, "aus 1 Bewertung, aktualisiert in 0,0 ms"));
    CHECK(has(rated, "Vielfalt"));
    CHECK(has(rated, "0,3"));
    // A card says why, in German, with the film's name whole: "Weil du Toy Story mochtest" is wider
    // than a card, so its short form.
    CHECK(has(rated, "Gemocht: Toy Story"));
}

TEST_CASE("in every language a notice's button is on screen and dismisses it", "[languages]") {
    for (Language language : k_languages) {
        BrowserTab tab({language_code(language)});
        rate_movie(tab.state, tab.platform, 424242, 4.0f);  // not in the catalogue: a notice
        REQUIRE(tab.state.notices.size() == 1);
        tab.ui.frame(tab.state, tab.platform);
        INFO(language_code(language));
        REQUIRE(tab.state.rects.all().count("notice:0/dismiss"));
        const WidgetRect button = tab.state.rects.all().at("notice:0/dismiss");
        CHECK(button.x > 640.0f);  // at the right of the content
        CHECK(button.x + button.w <= 1280.0f - 10.0f);
        tab.ui.click(tab.state, tab.platform, "notice:0/dismiss");
        CHECK(tab.state.notices.empty());
    }
}

TEST_CASE("a language we lack falls back to the next the browser prefers, then to English", "[languages]") {
    const std::vector<std::string> pt_then_es = {"pt-BR", "es-419", "en"};
    CHECK(browser_language(pt_then_es) == Language::es);
    CHECK(browser_language(std::vector<std::string>{"ja"}) == Language::en);
    CHECK(browser_language({}) == Language::en);
    CHECK(language_of_tag("FR_ca") == Language::fr);
    CHECK_FALSE(language_of_tag("deu").has_value());
    CHECK(chosen_language("de", pt_then_es) == Language::de);
    CHECK(chosen_language("", pt_then_es) == Language::es);
    CHECK(chosen_language("tlh", pt_then_es) == Language::es);  // saved by a newer CineLocal? follow the browser
}

TEST_CASE("the Settings switch changes the language at once and the profile remembers it", "[languages]") {
    BrowserTab tab({"en-GB"});
    auto& [ui, fake, platform, state] = tab;
    ui.click(state, platform, "nav/settings");
    CHECK(has(tab.words(), "Automatic (English)"));
    ui.click(state, platform, "settings/language");
    ui.click(state, platform, "settings/language:fr");
    CHECK(state.profile.settings.language == "fr");
    const std::string words = tab.words();
    INFO(words);
    CHECK(has(words, "Langue"));
    CHECK(has(words, "Paramètres et confidentialité"));
    CHECK(has(words, "Exporter vos données"));
    CHECK(fake.document_language == "fr");
    CHECK(Profile::from_json(fake.storage.at(k_profile_storage_key)).value().settings.language == "fr");

    // The same browser later (a reload, or another tab): still French, though the browser says English.
    FakePlatform reload(fake);  // the same storage
    reload.languages = {"en-GB"};
    Platform reload_platform = reload.platform();
    AppState reloaded;
    load_tiny_app(reloaded, reload_platform);
    CHECK(has(ui.drawn_text(reloaded, reload_platform), "Pour vous"));

    // "Automatic" follows the browser again.
    ui.click(state, platform, "settings/language");
    ui.click(state, platform, "settings/language:auto");
    CHECK(state.profile.settings.language.empty());
    CHECK(has(tab.words(), "Settings & privacy"));
}

TEST_CASE("a saved language that is unknown or of the wrong type follows the browser; the profile still reads",
          "[languages]") {
    FakePlatform browser;
    for (const char* saved : {R"("tlh")", "42", R"("a-language-code-far-too-long-to-be-one")"}) {
        browser.storage[k_profile_storage_key] =
            std::string(R"({"schema":"cinelocal.profile","version":3,"ratings":[{"movie":1,"stars":4,"changed":5}],)") +
            R"("settings":{"language":)" + saved + "}}";
        BrowserTab tab({"es-ES"}, &browser);
        INFO(saved);
        CHECK(tab.state.profile.ratings().size() == 1);
        CHECK(has(tab.words(), "Para ti"));
    }
}

TEST_CASE("numbers and dates are written the language's way", "[languages]") {
    CHECK(format_decimal(4.25, 1, Language::en) == "4.2");
    CHECK(format_decimal(4.2, 1, Language::fr) == "4,2");
    CHECK(format_decimal(-0.04, 1, Language::de) == "0,0");
    CHECK(format_decimal(12345.5, 1, Language::de) == "12.345,5");
    CHECK(format_integer(9742, Language::en) == "9,742");
    CHECK(format_integer(9742, Language::fr) == "9\u00a0742");
    CHECK(format_integer(9742, Language::es) == "9742");  // Spanish groups from five digits
    CHECK(format_integer(87585, Language::es) == "87.585");
    CHECK(plural_form(Language::fr, 1.5) == PluralForm::one);
    CHECK(plural_form(Language::en, 1.5) == PluralForm::other);

    setenv("TZ", "UTC", 1);
    tzset();
    const std::int64_t may_3_2026 = 1'777'766'400'000;  // 2026-05-03 00:00 UTC
    const std::pair<Language, const char*> dates[] = {{Language::en, "3 May 2026"}, {Language::fr, "3 mai 2026"},
                                                      {Language::es, "3 de mayo de 2026"}, {Language::de, "3. Mai 2026"}};
    for (const auto& [language, expected] : dates) {
        set_language(language);
        CHECK(date_text(may_3_2026) == expected);
    }
    set_language(Language::fr);
    CHECK(tr(Text::for_you_from_ratings, {{"count", 0}}) == "d'après 0\u00a0note");  // French singular: 0 and 1
    CHECK(tr(Text::storage_quota_warning, {{"percent", 95}, {"used", "4,8 Mo"}, {"quota", "5,0 Mo"}})
              .starts_with("Le stockage de ce navigateur pour CineLocal est plein à 95\u00a0%"));
    set_language(Language::en);
}
