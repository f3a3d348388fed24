// Reads a site bundle folder (manifest.json and the files it lists) from disk, every file verified.
#pragma once
#include <filesystem>

#include "cinelocal/bundle.h"

namespace cinelocal::cli {

Result<std::vector<std::uint8_t>> read_file_bytes(const std::filesystem::path& path);
Result<Bundle> load_bundle_dir(const std::filesystem::path& dir);

}  // namespace cinelocal::cli
