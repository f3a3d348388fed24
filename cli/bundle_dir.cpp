#include "bundle_dir.h"

#include <fstream>
#include <iterator>

namespace cinelocal::cli {

Result<std::vector<std::uint8_t>> read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::not_loaded, "cannot open " + path.string());
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Result<Bundle> load_bundle_dir(const std::filesystem::path& dir) {
    auto manifest_bytes = read_file_bytes(dir / "manifest.json");
    if (!manifest_bytes) return manifest_bytes.error();
    const auto& text = manifest_bytes.value();
    auto manifest = parse_manifest(std::string_view(reinterpret_cast<const char*>(text.data()), text.size()));
    if (!manifest) return manifest.error();
    FileBytes files;
    for (const auto& [name, entry] : manifest.value().files) {
        auto bytes = read_file_bytes(dir / name);
        if (!bytes) return bytes.error();
        files[name] = std::move(bytes).value();
    }
    // Every file, not only the ones the core reads: the CLI checks the whole bundle.
    if (auto status = verify_every_file(manifest.value(), files); !status) return status.error();
    return Bundle::assemble(std::move(manifest).value(), files);
}

}  // namespace cinelocal::cli
