// Letterboxd diary.csv rows through the whole import (read, match, report, apply).
#include "import_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    check_import_with_header("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n", data, size);
    return 0;
}
