// Letterboxd ratings.csv rows through the whole import (read, match, report, apply).
#include "import_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    check_import_with_header("Date,Name,Year,Letterboxd URI,Rating\n", data, size);
    return 0;
}
