// cinelocal-cli: checks a built site bundle and a saved profile from the command line.
//   cinelocal-cli verify <bundle-dir>
//   cinelocal-cli search <bundle-dir> <words...>
//   cinelocal-cli check-profile <bundle-dir> <profile.json>
#include <cstdio>
#include <string>

#include "bundle_dir.h"
#include "cinelocal/title_search.h"

using namespace cinelocal;

namespace {

int fail(const Error& error) {
    std::fprintf(stderr, "error (%s): %s\n", error_code_name(error.code), error.message.c_str());
    return 1;
}

int usage() {
    std::fprintf(stderr,
                 "usage: cinelocal-cli verify <bundle-dir>\n"
                 "       cinelocal-cli search <bundle-dir> <words...>\n"
                 "       cinelocal-cli check-profile <bundle-dir> <profile.json>\n");
    return 2;
}

int verify(const Bundle& bundle) {
    const auto& m = bundle.manifest;
    std::printf("bundle ok: model %s, dataset %s, %zu movies, dimension %zu\n", m.model_version.c_str(),
                m.dataset_name.c_str(), m.item_count, m.embedding_dim);
    for (const auto& [name, file] : m.files) std::printf("  %-18s %9zu bytes  sha256 %s\n", name.c_str(), file.bytes, file.sha256.c_str());
    return 0;
}

int search(const Bundle& bundle, const std::string& query) {
    TitleSearch title_search(bundle.catalogue);
    auto found = title_search.find(query, 20);
    if (found.empty()) std::printf("no title matches \"%s\"\n", query.c_str());
    for (ItemIndex index : found) {
        const Movie& movie = bundle.catalogue.movie(index);
        std::printf("%7d  %s (%d)  %s\n", movie.id, movie.title.c_str(), movie.year,
                    bundle.catalogue.genres_text(index).c_str());
    }
    return 0;
}

int check_profile(const Bundle& bundle, const std::filesystem::path& path) {
    auto bytes = cli::read_file_bytes(path);
    if (!bytes) return fail(bytes.error());
    auto profile = Profile::from_json(std::string(bytes.value().begin(), bytes.value().end()));
    if (!profile) return fail(profile.error());
    int unknown = 0;
    for (const auto& rating : profile.value().ratings()) {
        if (!bundle.catalogue.index_of(rating.movie)) {
            std::printf("note: movie %d is not in this catalogue (kept, not used)\n", rating.movie);
            ++unknown;
        }
    }
    std::printf("profile ok: %zu ratings, %d of movies outside the catalogue\n", profile.value().ratings().size(), unknown);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    const std::string command = argv[1];
    auto bundle = cli::load_bundle_dir(argv[2]);
    if (!bundle) return fail(bundle.error());
    if (command == "verify") return verify(bundle.value());
    if (command == "search" && argc >= 4) {
        std::string query;
        for (int i = 3; i < argc; ++i) query += std::string(i > 3 ? " " : "") + argv[i];
        return search(bundle.value(), query);
    }
    if (command == "check-profile" && argc == 4) return check_profile(bundle.value(), argv[3]);
    return usage();
}
