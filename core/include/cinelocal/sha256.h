// SHA-256 (FIPS 180-4), used to verify bundle files against manifest.json before they are used.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace cinelocal {

// Lower-case hex digest of the bytes.
std::string sha256_hex(std::span<const std::uint8_t> bytes);

}  // namespace cinelocal
