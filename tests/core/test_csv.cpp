#include <catch2/catch.hpp>

#include "cinelocal/csv.h"

using namespace cinelocal;
using namespace std::string_literals;

namespace {

std::vector<std::vector<std::string>> fields_of(const std::vector<CsvRecord>& records) {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : records) out.push_back(r.fields);
    return out;
}

std::vector<std::size_t> lines_of(const std::vector<CsvRecord>& records) {
    std::vector<std::size_t> out;
    for (const auto& r : records) out.push_back(r.line);
    return out;
}

std::string error_of(std::string_view text, std::size_t max_rows = 100) {
    auto result = read_csv("f.csv", text, max_rows);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::invalid_format);
    return result.error().message;
}

}  // namespace

TEST_CASE("quoted fields keep commas, doubled quotes and line breaks", "[csv]") {
    auto result = read_csv("f.csv", "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\"\"\n", 100);
    REQUIRE(result.ok());
    CHECK(fields_of(result.value()) == std::vector<std::vector<std::string>>{
                                           {"a", "b", "c"}, {"x, y", "say \"hi\"", "two\nlines"}, {"last", "", ""}});
    // The record after the quoted line break starts on line 4.
    CHECK(lines_of(result.value()) == std::vector<std::size_t>{1, 2, 4});
}

TEST_CASE("CRLF, lone CR, a byte order mark and a missing final line break all read the same", "[csv]") {
    auto lf = read_csv("f.csv", "h1,h2\n1,2\n3,4\n", 100);
    auto crlf = read_csv("f.csv", "\xEF\xBB\xBFh1,h2\r\n1,2\r\n3,4", 100);
    auto cr = read_csv("f.csv", "h1,h2\r1,2\r3,4\r", 100);
    REQUIRE(lf.ok());
    REQUIRE(crlf.ok());
    REQUIRE(cr.ok());
    CHECK(fields_of(lf.value()) == std::vector<std::vector<std::string>>{{"h1", "h2"}, {"1", "2"}, {"3", "4"}});
    CHECK(fields_of(crlf.value()) == fields_of(lf.value()));
    CHECK(fields_of(cr.value()) == fields_of(lf.value()));
    CHECK(lines_of(crlf.value()) == std::vector<std::size_t>{1, 2, 3});
}

TEST_CASE("blank lines are skipped but still counted", "[csv]") {
    auto result = read_csv("f.csv", "h\n\n\r\nx\n", 100);
    REQUIRE(result.ok());
    CHECK(fields_of(result.value()) == std::vector<std::vector<std::string>>{{"h"}, {"x"}});
    CHECK(lines_of(result.value()) == std::vector<std::size_t>{1, 4});
}

TEST_CASE("a quote inside an unquoted field is kept as text", "[csv]") {
    auto result = read_csv("f.csv", "12\" Single,x\n", 100);
    REQUIRE(result.ok());
    CHECK(result.value()[0].fields == std::vector<std::string>{"12\" Single", "x"});
}

TEST_CASE("UTF-8 text passes through unchanged", "[csv]") {
    auto result = read_csv("f.csv", "Am\xC3\xA9lie,\xE2\x80\x99,\xF0\x9F\x8E\xAC\n", 100);
    REQUIRE(result.ok());
    CHECK(result.value()[0].fields == std::vector<std::string>{"Am\xC3\xA9lie", "\xE2\x80\x99", "\xF0\x9F\x8E\xAC"});
}

TEST_CASE("a quoted field never closed is reported on the line it opens", "[csv]") {
    CHECK(error_of("h\nok\n\"The Matrix,1999\nmore\n") ==
          "f.csv line 3: a quoted field is never closed (a \" is missing)");
}

TEST_CASE("text after a closing quote is an error naming the line", "[csv]") {
    CHECK(error_of("h\r\n\"a\"b,c\r\n") ==
          "f.csv line 2: text follows a closing quote; a quote inside a field must be doubled (\"\")");
}

TEST_CASE("bytes that are not UTF-8 are refused with their line", "[csv]") {
    const std::string expected = "f.csv line 3: the text is not UTF-8; save the file as UTF-8 and import it again";
    CHECK(error_of("h\nx\nAm\xE9lie\n") == expected);           // Latin-1 é
    CHECK(error_of("h\nx\n\xC0\x80\n") == expected);            // overlong NUL
    CHECK(error_of("h\nx\n\xED\xA0\x80\n") == expected);        // UTF-16 surrogate
    CHECK(error_of("h\nx\n\xF4\x90\x80\x80\n") == expected);    // above U+10FFFF
    CHECK(error_of("h\nx\nab\xE2\x80") == expected);            // truncated at the end
    CHECK(error_of("h\nx\n\x80\n") == expected);                // lone continuation byte
}

TEST_CASE("a NUL byte is refused with its line", "[csv]") {
    CHECK(error_of("h\r\nx\r\nab\0c\r\n"s) == "f.csv line 3: holds a NUL byte; this is not a text file");
}

TEST_CASE("more rows than the limit is an error on the first row too many", "[csv]") {
    CHECK(read_csv("f.csv", "h\n1\n2\n", 2).ok());
    CHECK(error_of("h\n1\n2\n3\n", 2) == "f.csv line 4: the file has more than 2 rows; CineLocal imports up to 2 at once");
}

TEST_CASE("an empty text has no records", "[csv]") {
    auto result = read_csv("f.csv", "", 10);
    REQUIRE(result.ok());
    CHECK(result.value().empty());
    auto bom_only = read_csv("f.csv", "\xEF\xBB\xBF", 10);
    REQUIRE(bom_only.ok());
    CHECK(bom_only.value().empty());
}
