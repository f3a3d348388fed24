// item_table.bin: never crashes for any size; an accepted table has finite, non-negative scales.
#include <cmath>

#include "cinelocal/item_table.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    // The first two bytes choose the shape the manifest would claim; the rest is the file.
    const std::size_t items = data[0] % 17, dim = data[1] % 17;
    auto table = cinelocal::ItemTable::parse({data + 2, size - 2}, items, dim);
    if (!table) return 0;
    FUZZ_CHECK(table.value().item_count() == items && table.value().dim() == dim);
    for (std::size_t i = 0; i < items; ++i) {
        for (float v : table.value().dequantized_row(i)) FUZZ_CHECK(std::isfinite(v));
    }
    return 0;
}
