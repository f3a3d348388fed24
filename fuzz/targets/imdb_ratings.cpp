// IMDb ratings export rows through the whole import (read, match, report, apply).
#include "import_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    check_import_with_header("Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,"
                             "Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n",
                             data, size);
    return 0;
}
