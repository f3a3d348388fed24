#include "cinelocal/manifest.h"

#include <nlohmann/json.hpp>

#include "json_integer.h"
#include "cinelocal/sha256.h"

namespace cinelocal {

Result<Manifest> parse_manifest(std::string_view json_text) {
    auto json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object()) {
        return make_error(ErrorCode::invalid_format, "manifest.json is not valid JSON");
    }
    Manifest manifest;
    // json.value() would throw (or convert a huge float, undefined) for a version that is not an integer.
    if (json.contains("format_version") && json["format_version"].is_number_integer()) {
        manifest.format_version = json.value("format_version", 0);
    }
    if (manifest.format_version != k_bundle_format_version) {
        // Say what to do: a newer bundle needs a newer app (a cached page), an older one a rebuilt bundle.
        const char* advice = manifest.format_version > k_bundle_format_version
                                 ? "; this bundle needs a newer CineLocal: reload the page"
                                 : "; the bundle is older than this CineLocal: rebuild the site or reload the page";
        return make_error(ErrorCode::unsupported_version,
                          "manifest.json has format version " + std::to_string(manifest.format_version) +
                              ", this app reads version " + std::to_string(k_bundle_format_version) + advice);
    }
    try {
        manifest.model_version = json.at("model_version").get<std::string>();
        manifest.item_count = json_integer<std::size_t>(json.at("item_count"));
        manifest.vector_count = json_integer_or(json, "vector_count", manifest.item_count);
        manifest.embedding_dim = json_integer<std::size_t>(json.at("embedding_dim"));
        manifest.max_profile_items = json_integer_or(json, "max_profile_items", std::size_t{512});
        manifest.taste_dims = json_integer_or(json, "taste_dims", manifest.embedding_dim);
        if (json.contains("dataset")) manifest.dataset_name = json["dataset"].value("name", "");
        for (const auto& [name, entry] : json.at("files").items()) {
            manifest.files[name] = BundleFile{entry.at("sha256").get<std::string>(),
                                              json_integer<std::size_t>(entry.at("bytes"))};
        }
    } catch (const nlohmann::json::exception& e) {
        return make_error(ErrorCode::invalid_format, std::string("manifest.json: ") + e.what());
    }
    if (manifest.item_count == 0 || manifest.embedding_dim == 0) {
        return make_error(ErrorCode::invalid_format, "manifest.json: item_count and embedding_dim must be positive");
    }
    if (manifest.vector_count == 0 || manifest.vector_count > manifest.item_count) {
        return make_error(ErrorCode::invalid_format, "manifest.json: vector_count must be 1 to item_count");
    }
    if (manifest.taste_dims == 0 || manifest.taste_dims > manifest.embedding_dim) {
        return make_error(ErrorCode::invalid_format, "manifest.json: taste_dims must be 1 to embedding_dim");
    }
    return manifest;
}

Status verify_bundle_file(const Manifest& manifest, const std::string& name,
                          std::span<const std::uint8_t> bytes) {
    auto it = manifest.files.find(name);
    if (it == manifest.files.end()) {
        return make_error(ErrorCode::unknown_file, name + " is not listed in manifest.json");
    }
    if (bytes.size() != it->second.bytes) {
        return make_error(ErrorCode::size_mismatch, name + " has " + std::to_string(bytes.size()) +
                                                        " bytes, manifest.json says " +
                                                        std::to_string(it->second.bytes));
    }
    if (sha256_hex(bytes) != it->second.sha256) {
        return make_error(ErrorCode::checksum_mismatch, name + " is corrupt (sha256 differs from manifest.json)");
    }
    return Ok{};
}

}  // namespace cinelocal
