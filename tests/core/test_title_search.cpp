#include <catch2/catch.hpp>

#include "cinelocal/text_fold.h"
#include "cinelocal/title_search.h"

using namespace cinelocal;

static Catalogue search_catalogue() {
    auto catalogue = Catalogue::parse(R"({"format_version":1,"genres":["Animation"],"movies":[
      [1,"Toy Story",1995,1,200],
      [2,"Toy Story 2",1999,1,120],
      [3,"The Story of Us",1999,0,5],
      [4,"Schindler's List",1993,0,180],
      [5,"Toy Soldiers",1991,0,3],
      [6,"Amélie",2001,0,90]]})");
    REQUIRE(catalogue.ok());
    return std::move(catalogue).value();
}

TEST_CASE("an exact title comes first, then titles that start with the query, by popularity") {
    auto catalogue = search_catalogue();
    TitleSearch search(catalogue);
    CHECK(search.find("toy story", 10) == std::vector<ItemIndex>{0, 1});
    CHECK(search.find("Toy", 10) == std::vector<ItemIndex>{0, 1, 4});
    CHECK(search.find("story", 10) == std::vector<ItemIndex>{0, 1, 2});
}

TEST_CASE("search ignores case, punctuation and apostrophes, and honours the limit") {
    auto catalogue = search_catalogue();
    TitleSearch search(catalogue);
    CHECK(search.find("SCHINDLERS", 10) == std::vector<ItemIndex>{3});
    CHECK(search.find("schindler's list", 10) == std::vector<ItemIndex>{3});
    CHECK(search.find("amélie", 10) == std::vector<ItemIndex>{5});
    CHECK(search.find("toy", 1) == std::vector<ItemIndex>{0});
    CHECK(search.find("   ", 10).empty());
    CHECK(search.find("zzz", 10).empty());
}

TEST_CASE("search forgives a typo in words of four letters or more and ranks exact matches first") {
    auto catalogue = search_catalogue();
    TitleSearch search(catalogue);
    CHECK(search.find("tay story", 10).empty());                               // 3 letters: no typos allowed
    CHECK(search.find("toy stori", 10) == std::vector<ItemIndex>{0, 1});       // one wrong letter
    CHECK(search.find("toy stroy", 10).empty());                               // a swap is two edits: 5 letters allow one
    CHECK(search.find("schindlr", 10) == std::vector<ItemIndex>{3});           // a letter missing
    CHECK(search.find("soldiers", 10) == std::vector<ItemIndex>{4});
    CHECK(search.find("soldeirs", 10) == std::vector<ItemIndex>{4});           // 8 letters: two typos allowed
    CHECK(search.find("amelie", 10) == std::vector<ItemIndex>{5});             // accents folded
    CHECK(search.find("AMÉLIE", 10) == std::vector<ItemIndex>{5});
}

TEST_CASE("accented Latin letters fold to their base letters") {
    CHECK(fold_for_matching("Amélie") == "amelie");
    CHECK(fold_for_matching("Łódź ŒUVRE Straße Ærø") == "lodz oeuvre strasse aero");
    CHECK(fold_for_matching("naïve café ñ ç") == "naive cafe n c");
    CHECK(fold_for_matching("日本") == "日本");  // other scripts are kept byte for byte
    CHECK(fold_for_matching("a\xc3") == "a\xc3");  // a truncated sequence is kept, not read past the end
}
