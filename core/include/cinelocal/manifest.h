// manifest.json of a site bundle: versions, dimensions, and the sha256 + byte size of every file.
// The browser and the CLI verify each file against it before using it.
#pragma once
#include <cstdint>
#include <map>
#include <span>
#include <string>

#include "cinelocal/result.h"

namespace cinelocal {

inline constexpr int k_bundle_format_version = 1;

struct BundleFile {
    std::string sha256;
    std::size_t bytes = 0;
};

struct Manifest {
    int format_version = 0;
    std::string model_version;
    std::string dataset_name;
    std::size_t item_count = 0;  // films in catalogue.json
    // The first vector_count films carry model vectors (item table, user tower, rating head rows);
    // the rest are search-only (the build's catalogue policy). Defaults to item_count.
    std::size_t vector_count = 0;
    std::size_t embedding_dim = 0;
    // The leading columns that describe taste; similarity uses only these. Trailing columns (the
    // model's popularity bias) only add to scores. Defaults to embedding_dim.
    std::size_t taste_dims = 0;
    std::size_t max_profile_items = 0;
    std::map<std::string, BundleFile> files;
};

Result<Manifest> parse_manifest(std::string_view json_text);

// Checks a file's bytes against its manifest entry: unknown name, wrong size, wrong sha256.
Status verify_bundle_file(const Manifest& manifest, const std::string& name,
                          std::span<const std::uint8_t> bytes);

}  // namespace cinelocal
