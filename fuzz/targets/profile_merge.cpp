// Two stored copies of the profile (split at the first NUL byte) merged: never crashes, and
// merged(a, b) == merged(b, a), merged(a, a) == a, and the result survives a round trip.
#include <cstring>
#include <string>

#include "cinelocal/profile.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz_text(data, size);
    const auto split = text.find('\0');
    if (split == std::string_view::npos) return 0;
    auto a = cinelocal::Profile::from_json(text.substr(0, split));
    auto b = cinelocal::Profile::from_json(text.substr(split + 1));
    if (!a || !b) return 0;
    const std::string ab = cinelocal::Profile::merged(a.value(), b.value()).to_json();
    FUZZ_CHECK(ab == cinelocal::Profile::merged(b.value(), a.value()).to_json());
    FUZZ_CHECK(cinelocal::Profile::merged(a.value(), a.value()).to_json() == a.value().to_json());
    auto again = cinelocal::Profile::from_json(ab);
    FUZZ_CHECK(again.ok() && again.value().to_json() == ab);
    return 0;
}
