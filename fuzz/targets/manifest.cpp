// manifest.json: never crashes; an accepted manifest has usable dimensions and verifies files safely.
#include <vector>

#include "cinelocal/manifest.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto manifest = cinelocal::parse_manifest(fuzz_text(data, size));
    if (!manifest) return 0;
    const auto& m = manifest.value();
    FUZZ_CHECK(m.item_count > 0 && m.embedding_dim > 0 && m.taste_dims > 0 && m.taste_dims <= m.embedding_dim);
    const std::vector<std::uint8_t> bytes(data, data + size);
    for (const auto& [name, file] : m.files) {
        auto status = cinelocal::verify_bundle_file(m, name, bytes);
        if (file.bytes != bytes.size()) FUZZ_CHECK(!status.ok());
    }
    return 0;
}
