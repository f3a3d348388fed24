#include "cinelocal/bundle.h"

#include <algorithm>

namespace cinelocal {

std::vector<std::string> Bundle::start_files(const Manifest&) { return {k_catalogue_file}; }

std::vector<std::string> Bundle::vector_files(const Manifest& manifest) {
    std::vector<std::string> names = {k_item_table_file};
    if (manifest.files.count(k_rating_head_file)) names.push_back(k_rating_head_file);
    return names;
}

namespace {

Status verify_present(const Manifest& manifest, const FileBytes& files, const std::vector<std::string>& names) {
    for (const auto& name : names) {
        auto it = files.find(name);
        if (it == files.end()) return make_error(ErrorCode::not_loaded, name + " is missing from the bundle");
        if (auto status = verify_bundle_file(manifest, name, it->second); !status) return status.error();
    }
    return Ok{};
}

}  // namespace

Status verify_every_file(const Manifest& manifest, const FileBytes& files) {
    std::vector<std::string> names;
    for (const auto& [name, entry] : manifest.files) names.push_back(name);
    return verify_present(manifest, files, names);
}

Result<Bundle> Bundle::assemble(Manifest manifest, const FileBytes& files) {
    for (const char* required : {k_catalogue_file, k_item_table_file, k_user_tower_file}) {
        if (!manifest.files.count(required)) {
            return make_error(ErrorCode::unknown_file, std::string("manifest.json does not list ") + required);
        }
    }
    if (auto status = verify_present(manifest, files, start_files(manifest)); !status) return status.error();
    const auto& catalogue_bytes = files.at(k_catalogue_file);
    auto catalogue = Catalogue::parse(std::string_view(reinterpret_cast<const char*>(catalogue_bytes.data()),
                                                       catalogue_bytes.size()),
                                      manifest.vector_count);
    if (!catalogue) return catalogue.error();
    if (catalogue.value().size() != manifest.item_count) {
        return make_error(ErrorCode::size_mismatch,
                          "catalogue.json has " + std::to_string(catalogue.value().size()) +
                              " movies, manifest.json says " + std::to_string(manifest.item_count));
    }
    Bundle bundle{std::move(manifest), std::move(catalogue).value(), {}, {}, std::nullopt};
    const auto vectors = vector_files(bundle.manifest);
    if (std::all_of(vectors.begin(), vectors.end(), [&](const std::string& name) { return files.count(name) > 0; })) {
        if (auto status = bundle.attach_vectors(files); !status) return status.error();
    }
    return bundle;
}

Status Bundle::attach_vectors(const FileBytes& files) {
    if (auto status = verify_present(manifest, files, vector_files(manifest)); !status) return status.error();
    // Search-only films have no row: the table, the tower's inputs and the head cover vector_count films.
    auto table = ItemTable::parse(files.at(k_item_table_file), manifest.vector_count, manifest.embedding_dim);
    if (!table) return table.error();
    std::optional<RatingHead> head;
    if (manifest.files.count(k_rating_head_file)) {
        auto parsed = RatingHead::parse(files.at(k_rating_head_file), manifest.vector_count);
        if (!parsed) return parsed.error();
        head = std::move(parsed).value();
    }
    unit_rows = UnitRows(table.value(), manifest.taste_dims);
    item_table = std::move(table).value();
    rating_head = std::move(head);
    vectors_ready = true;
    return Ok{};
}

Result<std::vector<ScoredItem>> recommend(const Bundle& bundle, std::span<const float> user_vector,
                                          const Profile& profile, std::size_t k, const RecommendOptions& options) {
    std::vector<float> scores;
    if (auto status = score_all_items(bundle.item_table, user_vector, scores); !status) return status.error();
    const auto excluded = excluded_items(bundle.catalogue, profile, options.filters);
    const auto candidates = top_k(scores, std::max(k, options.candidates), excluded);
    return rerank(candidates, bundle.catalogue, bundle.unit_rows, k, options.rerank);
}

}  // namespace cinelocal
