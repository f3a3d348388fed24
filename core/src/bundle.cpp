#include "cinelocal/bundle.h"

#include <algorithm>

namespace cinelocal {

std::vector<std::string> Bundle::start_files(const Manifest& manifest) {
    std::vector<std::string> names = {k_catalogue_file, k_item_table_file};
    if (manifest.files.count(k_rating_head_file)) names.push_back(k_rating_head_file);
    return names;
}

Status verify_every_file(const Manifest& manifest, const FileBytes& files) {
    for (const auto& [name, entry] : manifest.files) {
        auto it = files.find(name);
        if (it == files.end()) return make_error(ErrorCode::not_loaded, name + " is missing from the bundle");
        if (auto status = verify_bundle_file(manifest, name, it->second); !status) return status.error();
    }
    return Ok{};
}

Result<Bundle> Bundle::assemble(Manifest manifest, const FileBytes& files) {
    for (const char* required : {k_catalogue_file, k_item_table_file, k_user_tower_file}) {
        if (!manifest.files.count(required)) {
            return make_error(ErrorCode::unknown_file, std::string("manifest.json does not list ") + required);
        }
    }
    for (const auto& name : start_files(manifest)) {
        auto it = files.find(name);
        if (it == files.end()) return make_error(ErrorCode::not_loaded, name + " is missing from the bundle");
        if (auto status = verify_bundle_file(manifest, name, it->second); !status) return status.error();
    }
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
    // Search-only films have no row: the table, the tower's inputs and the head cover vector_count films.
    auto table = ItemTable::parse(files.at(k_item_table_file), manifest.vector_count, manifest.embedding_dim);
    if (!table) return table.error();
    UnitRows unit_rows(table.value(), manifest.taste_dims);
    std::optional<RatingHead> rating_head;
    if (manifest.files.count(k_rating_head_file)) {
        auto head = RatingHead::parse(files.at(k_rating_head_file), manifest.vector_count);
        if (!head) return head.error();
        rating_head = std::move(head).value();
    }
    return Bundle{std::move(manifest), std::move(catalogue).value(), std::move(table).value(), std::move(unit_rows),
                  std::move(rating_head)};
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
