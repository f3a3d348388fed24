// A small RFC 4180 CSV reader for files people export from other sites: quoted fields with commas,
// doubled quotes and line breaks inside, CRLF or LF line ends, an optional UTF-8 byte order mark.
// Text that is not UTF-8 or holds a NUL byte is refused with the line it is on.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cinelocal/result.h"

namespace cinelocal {

struct CsvRecord {
    std::size_t line = 0;  // 1-based line on which the record starts (quoted line breaks make records span lines)
    std::vector<std::string> fields;
};

// Every non-blank record of the text, the header first, in file order. Errors name the file and
// the line: "ratings.csv line 7: a quoted field is never closed (a \" is missing)". More than
// `max_rows` records after the header is an error (checked while reading, so memory stays bounded).
Result<std::vector<CsvRecord>> read_csv(std::string_view file_name, std::string_view text, std::size_t max_rows);

}  // namespace cinelocal
