// Whole files of any kind through the import: format detection, headers, CineLocal JSON.
#include "import_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    check_import(fuzz_text(data, size));
    return 0;
}
