#include <catch2/catch.hpp>

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
