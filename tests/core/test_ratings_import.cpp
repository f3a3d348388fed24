#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "cinelocal/ratings_import.h"

using namespace cinelocal;

namespace {

// Hand-made titles in MovieLens' spellings: trailing articles, alternative titles in parentheses,
// three Hamlets of different years and two films called "Hate" in 1995.
const std::string k_catalogue_json = R"json({"format_version":1,"genres":["Drama","Comedy"],"movies":[
  [1,"Matrix, The",1999,1,500,603],
  [2,"Amélie (Fabuleux destin d'Amélie Poulain, Le)",2001,2,300,194],
  [3,"Seven (a.k.a. Se7en)",1995,1,400,807],
  [4,"Hamlet",1990,1,50,0],
  [5,"Hamlet",1996,1,60,0],
  [6,"Hamlet",2000,1,40,0],
  [9,"Hate (La Haine)",1995,1,90,406],
  [10,"Hate",1995,1,70,0],
  [11,"Auberge espagnole, L'",2002,2,30,0],
  [12,"Crouching Tiger, Hidden Dragon (Wo hu cang long)",2000,1,200,146],
  [13,"Schindler's List",1993,1,450,424],
  [14,"Pride & Prejudice",2005,1,120,4348],
  [15,"Léon: The Professional (a.k.a. The Professional) (Léon)",1994,1,250,101],
  [16,"Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb",1964,2,180,935],
  [17,"Das Boot",1981,1,100,387],
  [18,"Star Wars: Episode IV - A New Hope",1977,1,480,11]]})json";

const Catalogue& catalogue() {
    static const Catalogue c = Catalogue::parse(k_catalogue_json).value();
    return c;
}

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(CINELOCAL_SOURCE_DIR) + "/tests/fixtures/import/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

ImportReport read_fixture(const std::string& name) {
    auto result = read_ratings_import(name, fixture(name), catalogue());
    if (!result) FAIL(result.error().message);
    return result.value();
}

// (line, movie, stars) of each matched row.
using Matched = std::vector<std::tuple<std::size_t, MovieId, float>>;
Matched matched_of(const ImportReport& report) {
    Matched out;
    for (const auto& m : report.matched) out.emplace_back(m.line, m.movie, m.stars);
    return out;
}

using Unmatched = std::vector<std::pair<std::size_t, UnmatchedReason>>;
Unmatched unmatched_of(const ImportReport& report) {
    Unmatched out;
    for (const auto& u : report.unmatched) out.emplace_back(u.line, u.reason);
    return out;
}

using Unrated = std::vector<std::pair<std::size_t, MovieId>>;
Unrated unrated_of(const ImportReport& report) {
    Unrated out;
    for (const auto& u : report.unrated) out.emplace_back(u.line, u.movie);
    return out;
}

using Errors = std::vector<std::pair<std::size_t, std::string>>;  // line, field
Errors errors_of(const ImportReport& report) {
    Errors out;
    for (const auto& e : report.errors) out.emplace_back(e.line, e.field);
    return out;
}

using Duplicates = std::vector<std::tuple<std::size_t, std::size_t, MovieId>>;  // line, kept line, movie
Duplicates duplicates_of(const ImportReport& report) {
    Duplicates out;
    for (const auto& d : report.duplicates) out.emplace_back(d.line, d.kept_line, d.movie);
    return out;
}

std::string import_error(std::string_view name, std::string_view text) {
    auto result = read_ratings_import(name, text, catalogue());
    REQUIRE_FALSE(result.ok());
    return result.error().message;
}

}  // namespace

TEST_CASE("a Letterboxd ratings.csv with tricky titles gives the exact report", "[import]") {
    auto report = read_fixture("letterboxd_ratings.csv");  // BOM, CRLF, quoted commas and line breaks
    CHECK(report.format == ImportFormat::letterboxd_ratings);
    CHECK(report.rows == 20);
    CHECK(matched_of(report) == Matched{{3, 2, 5.0f},  {4, 3, 4.0f},  {5, 5, 3.0f},   {7, 11, 3.0f},
                                        {8, 12, 4.0f}, {9, 13, 5.0f}, {10, 14, 4.0f}, {11, 15, 4.5f},
                                        {12, 16, 5.0f}, {14, 1, 5.0f}, {22, 17, 4.5f}});
    REQUIRE(report.ambiguous.size() == 1);
    CHECK(report.ambiguous[0].line == 6);
    CHECK(report.ambiguous[0].title == "Hate");
    CHECK(report.ambiguous[0].stars == 3.5f);
    CHECK(report.ambiguous[0].candidates == std::vector<MovieId>{9, 10});  // most popular first
    CHECK(unmatched_of(report) == Unmatched{{13, UnmatchedReason::not_in_catalogue},
                                            {15, UnmatchedReason::other_year},
                                            {16, UnmatchedReason::not_in_catalogue},
                                            {20, UnmatchedReason::not_in_catalogue}});
    CHECK(report.unmatched[2].title == "He Said \"Hi\"");
    CHECK(report.unmatched[3].title == "Two\r\nLines");  // the file's CRLF, kept inside quotes
    CHECK(duplicates_of(report) == Duplicates{{2, 14, 1}});
    CHECK(errors_of(report) == Errors{{17, "Rating"}, {18, "Name"}, {19, "Year"}});
    CHECK(report.errors[0].message == "\"six\" is not a rating from 0.5 to 5 stars in half steps");
    CHECK(report.errors[1].message == "the title is empty");
    CHECK(report.errors[2].message == "\"19x6\" is not a year");
}

TEST_CASE("a Letterboxd diary keeps the newest watch of a film; an unrated entry is a watched film", "[import]") {
    auto report = read_fixture("letterboxd_diary.csv");
    CHECK(report.format == ImportFormat::letterboxd_diary);
    CHECK(report.rows == 6);
    CHECK(matched_of(report) == Matched{{3, 1, 5.0f}, {5, 14, 3.5f}});
    CHECK(duplicates_of(report) == Duplicates{{2, 3, 1}});
    CHECK(unrated_of(report) == Unrated{{4, 17}});  // Das Boot, logged without stars
    CHECK(report.unrated_meaning == UnratedMeaning::watched);
    CHECK(report.unmatched.empty());
    CHECK(errors_of(report) == Errors{{6, "Rating"}, {7, "Watched Date"}});
    CHECK(report.errors[1].message == "the row has 5 fields, the header 8");
    CHECK(report.ambiguous.empty());
}

TEST_CASE("an IMDb export halves its 1-10 scale and keeps the most recently rated duplicate", "[import]") {
    auto report = read_fixture("imdb_ratings.csv");
    CHECK(report.format == ImportFormat::imdb_ratings);
    CHECK(report.rows == 11);
    CHECK(matched_of(report) ==
          Matched{{2, 1, 4.5f}, {3, 2, 5.0f}, {6, 3, 4.0f}, {9, 13, 4.5f}, {11, 5, 3.0f}, {12, 17, 4.5f}});
    // Line 10 rates The Matrix again but was rated earlier (2020-12-31) than line 2 (2021-01-01).
    CHECK(duplicates_of(report) == Duplicates{{10, 2, 1}});
    CHECK(unmatched_of(report) == Unmatched{{4, UnmatchedReason::not_a_film}, {5, UnmatchedReason::not_in_catalogue}});
    CHECK(errors_of(report) == Errors{{7, "Your Rating"}, {8, "Your Rating"}});
    CHECK(report.errors[0].message == "\"11\" is not a rating from 1 to 10");
    CHECK(report.ambiguous.empty());
}

TEST_CASE("Letterboxd rows without a rating are watched films of their own, not \"not found\"", "[import]") {
    auto report = read_fixture("letterboxd_unrated.csv");
    CHECK(report.rows == 7);
    CHECK(matched_of(report) == Matched{{3, 3, 4.0f}});
    CHECK(unrated_of(report) == Unrated{{2, 18}, {7, 17}});  // Star Wars, Das Boot
    CHECK(report.unrated[0].title == "Star Wars");
    CHECK(report.unrated_meaning == UnratedMeaning::watched);
    // Se7en unrated is covered by its rating (line 3); Das Boot's second entry by its first.
    CHECK(duplicates_of(report) == Duplicates{{4, 3, 3}, {8, 7, 17}});
    CHECK(unmatched_of(report) == Unmatched{{5, UnmatchedReason::unrated_ambiguous}, {6, UnmatchedReason::not_in_catalogue}});
    CHECK(std::string(unmatched_reason_text(UnmatchedReason::unrated_ambiguous)) ==
          "not rated, and several films have this title");
}

TEST_CASE("an IMDb list export's unrated rows are listed films: watchlist or skip, never seen", "[import]") {
    auto report = read_fixture("imdb_watchlist.csv");
    CHECK(report.format == ImportFormat::imdb_ratings);
    CHECK(matched_of(report) == Matched{{3, 13, 4.5f}});
    CHECK(unrated_of(report) == Unrated{{2, 17}});
    CHECK(report.unrated_meaning == UnratedMeaning::listed);
    CHECK(unmatched_of(report) == Unmatched{{4, UnmatchedReason::not_a_film}});
    CHECK_FALSE(unrated_action_offered(report, UnratedAction::seen));
    CHECK(unrated_action_offered(report, UnratedAction::watchlist));

    const Profile before;
    auto seen = apply_import(before, report, {}, UnratedAction::seen);
    REQUIRE_FALSE(seen.ok());
    CHECK(seen.error().message ==
          "imdb_watchlist.csv lists its unrated films without saying they were seen; they cannot be marked seen");
    auto listed = apply_import(before, report, {}, UnratedAction::watchlist);
    REQUIRE(listed.ok());
    CHECK(listed.value().watchlist() == std::vector<MovieId>{17});
    CHECK(listed.value().seen().empty());
}

TEST_CASE("the visitor's choice for unrated rows: seen, watchlist or nothing; a rated film stays only rated", "[import]") {
    auto report = read_fixture("letterboxd_unrated.csv");
    Profile before;
    REQUIRE(before.rate(18, 3.0f).ok());     // Star Wars, rated before the import: the rating says seen
    before.set_not_interested(17, true);     // Das Boot: marked, so never put on the watchlist
    const std::string saved = before.to_json();

    auto seen = apply_import(before, report, {}, UnratedAction::seen);
    REQUIRE(seen.ok());
    CHECK(seen.value().seen() == std::vector<MovieId>{17});
    CHECK(seen.value().watchlist().empty());
    CHECK(seen.value().find(3)->stars == 4.0f);  // the rated row is imported as always

    auto listed = apply_import(before, report, {}, UnratedAction::watchlist);
    REQUIRE(listed.ok());
    CHECK(listed.value().watchlist().empty());  // Star Wars is rated, Das Boot is not wanted
    CHECK(listed.value().seen().empty());

    auto skipped = apply_import(Profile{}, report, {}, UnratedAction::skip);
    REQUIRE(skipped.ok());
    CHECK(skipped.value().seen().empty());
    CHECK(skipped.value().watchlist().empty());
    auto fresh = apply_import(Profile{}, report, {}, UnratedAction::watchlist);
    REQUIRE(fresh.ok());
    CHECK(fresh.value().watchlist() == std::vector<MovieId>{18, 17});  // file order
    CHECK(before.to_json() == saved);
}

TEST_CASE("titles match across articles, accents, punctuation and alternative titles", "[import]") {
    auto one = [](const std::string& title, int year) {
        std::string csv = "Date,Name,Year,Letterboxd URI,Rating\n2020-01-01,\"" + title + "\"," + std::to_string(year) + ",u,4\n";
        auto report = read_ratings_import("r.csv", csv, catalogue()).value();
        return report.matched.size() == 1 ? report.matched[0].movie : MovieId{-1};
    };
    CHECK(one("The Matrix", 1999) == 1);
    CHECK(one("THE MATRIX", 1998) == 1);                      // one year off, no exact year
    CHECK(one("Matrix", 1999) == 1);
    CHECK(one("Amelie", 2001) == 2);                          // accent folded
    CHECK(one("Le Fabuleux Destin d’Amélie Poulain", 2001) == 2);  // alternative title
    CHECK(one("La Haine", 1995) == 9);                        // only "Hate (La Haine)" has it
    CHECK(one("The Professional", 1994) == 15);               // "a.k.a." alternative
    CHECK(one("Wo Hu Cang Long", 2000) == 12);
    CHECK(one("Star Wars", 1977) == 18);                      // the title before the subtitle
    CHECK(one("Star Wars", 1980) == -1);
    CHECK(one("Hamlet", 1990) == 4);
    CHECK(one("Hamlet", 2000) == 6);                          // exact year beats 1999's neighbour
    CHECK(one("Hamlet", 1993) == -1);
}

TEST_CASE("CineLocal's own export imports every rating, kept even when the catalogue lacks the movie", "[import]") {
    Profile saved;
    REQUIRE(saved.rate(1, 4.0f).ok());
    REQUIRE(saved.rate(999, 3.0f).ok());
    auto report = read_ratings_import("cinelocal.json", saved.to_json(), catalogue());
    REQUIRE(report.ok());
    CHECK(report.value().format == ImportFormat::cinelocal_json);
    CHECK(matched_of(report.value()) == Matched{{1, 1, 4.0f}, {2, 999, 3.0f}});
    CHECK(report.value().matched[0].title == "Matrix, The");
}

TEST_CASE("files that cannot be imported are refused with the file and line", "[import]") {
    CHECK(import_error("r.csv", "Date,Name,Year,Letterboxd URI,Rating\n2020-01-01,\"The Matrix,1999,u,4\n") ==
          "r.csv line 2: a quoted field is never closed (a \" is missing)");
    CHECK(import_error("r.csv", "Date,Name,Year,Letterboxd URI,Rating\nx\n2020,Am\xE9lie,2001,u,4\n") ==
          "r.csv line 3: the text is not UTF-8; save the file as UTF-8 and import it again");
    CHECK(import_error("notes.csv", "Title,Score\nHeat,5\n") ==
          "notes.csv line 1: not a Letterboxd ratings.csv / diary.csv or an IMDb ratings export (the header names "
          "none of their columns)");
    CHECK(import_error("watched.csv", "Date,Name,Year,Letterboxd URI\n2020-01-01,Heat,1995,u\n") ==
          "watched.csv is a Letterboxd export without ratings (watched.csv or watchlist.csv?); import ratings.csv or "
          "diary.csv");
    CHECK(import_error("r.csv", "Date,Name,Letterboxd URI,Rating\n") == "r.csv line 1: the header lacks the \"Year\" column");
    CHECK(import_error("empty.csv", "") == "empty.csv is empty");
    CHECK(import_error("p.json", R"({"schema":"cinelocal.profile","version":1,"ratings":[{"movie":1,"stars":7}]})")
              .starts_with("p.json: the saved profile rates movie 1 "));
}

TEST_CASE("imports above the size and row limits are refused before anything is matched", "[import]") {
    std::string big(k_max_import_bytes + 1, 'x');
    CHECK(import_error("big.csv", big) ==
          "big.csv is 5120 KB; CineLocal imports files up to 5 MB (a ratings export is far smaller: is this the right "
          "file?)");
    std::string rows = "Date,Name,Year,Letterboxd URI,Rating\n";
    for (std::size_t i = 0; i <= k_max_import_rows; ++i) rows += "2020-01-01,A,2000,u,4\n";
    CHECK(import_error("rows.csv", rows) ==
          "rows.csv line 50002: the file has more than 50000 rows; CineLocal imports up to 50000 at once");
}

TEST_CASE("apply_import adds matched and chosen rows, newest last, and leaves the old profile untouched", "[import]") {
    auto report = read_fixture("letterboxd_ratings.csv");
    Profile before;
    REQUIRE(before.rate(1, 2.0f).ok());
    REQUIRE(before.rate(13, 1.0f).ok());
    REQUIRE(before.rate(999, 3.0f).ok());  // not in the file: kept as it is
    const std::string saved = before.to_json();
    const std::vector<ImportChoice> choices = {{6, 10}};
    auto after = apply_import(before, report, choices);
    REQUIRE(after.ok());
    CHECK(before.to_json() == saved);
    std::vector<std::pair<MovieId, float>> ratings;
    for (const auto& r : after.value().ratings()) ratings.emplace_back(r.movie, r.stars);
    CHECK(ratings == std::vector<std::pair<MovieId, float>>{{999, 3.0f}, {2, 5.0f}, {3, 4.0f},  {5, 3.0f},
                                                            {10, 3.5f}, {11, 3.0f}, {12, 4.0f}, {13, 5.0f},
                                                            {14, 4.0f}, {15, 4.5f}, {16, 5.0f}, {1, 5.0f},
                                                            {17, 4.5f}});
}

TEST_CASE("a wrong choice fails the whole import and changes nothing", "[import]") {
    auto report = read_fixture("letterboxd_ratings.csv");
    Profile before;
    REQUIRE(before.rate(1, 2.0f).ok());
    const std::string saved = before.to_json();
    const std::vector<ImportChoice> not_ambiguous = {{5, 5}};
    auto a = apply_import(before, report, not_ambiguous);
    REQUIRE_FALSE(a.ok());
    CHECK(a.error().message == "letterboxd_ratings.csv line 5 is not an ambiguous row");
    const std::vector<ImportChoice> not_a_candidate = {{6, 1}};
    auto b = apply_import(before, report, not_a_candidate);
    REQUIRE_FALSE(b.ok());
    CHECK(b.error().code == ErrorCode::unknown_movie);
    CHECK(b.error().message == "letterboxd_ratings.csv line 6: movie 1 is not one of its candidates");
    CHECK(before.to_json() == saved);
}

TEST_CASE("a profile above the size or entry limits is refused with a message", "[import][profile]") {
    std::string huge = R"({"schema":"cinelocal.profile","version":2,"ratings":[]})" + std::string(k_max_profile_json_bytes, ' ');
    auto too_big = Profile::from_json(huge);
    REQUIRE_FALSE(too_big.ok());
    CHECK(too_big.error().message == "the profile is 8192 KB, more than the 8 MB CineLocal reads");
    std::string many = R"({"schema":"cinelocal.profile","version":2,"ratings":[],"watchlist":[)";
    for (std::size_t i = 0; i <= k_max_profile_ratings; ++i) many += (i ? ",1" : "1");
    many += "]}";
    auto too_many = Profile::from_json(many);
    REQUIRE_FALSE(too_many.ok());
    CHECK(too_many.error().message == "the profile's watchlist has 50001 entries, more than the 50000 CineLocal keeps");
}
