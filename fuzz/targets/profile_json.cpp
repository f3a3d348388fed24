// The saved profile / exported JSON: never crashes; what it reads, written and read again, is the same.
#include <string>

#include "cinelocal/profile.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto profile = cinelocal::Profile::from_json(fuzz_text(data, size));
    if (!profile) return 0;
    for (const auto& rating : profile.value().ratings()) FUZZ_CHECK(cinelocal::validate_stars(rating.stars).ok());
    std::string saved = profile.value().to_json();
    auto again = cinelocal::Profile::from_json(saved);
    FUZZ_CHECK(again.ok() && again.value().to_json() == saved);
    return 0;
}
