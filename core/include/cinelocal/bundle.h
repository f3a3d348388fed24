// A verified site bundle in memory: manifest, catalogue and item table, checked against each
// other (item count, dimension) and against their sha256 and size in the manifest. The bundle is
// assembled from its start files alone (start_files): the app is usable with them while the rest
// (the models, describe-it's index) arrive and are verified one by one (verify_bundle_file).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/filters.h"
#include "cinelocal/item_table.h"
#include "cinelocal/manifest.h"
#include "cinelocal/profile.h"
#include "cinelocal/rating_head.h"
#include "cinelocal/rerank.h"
#include "cinelocal/scorer.h"
#include "cinelocal/similarity.h"

namespace cinelocal {

using FileBytes = std::map<std::string, std::vector<std::uint8_t>>;

// The files the core itself reads; user_tower.onnx is verified too but read by ONNX Runtime.
inline constexpr const char* k_catalogue_file = "catalogue.json";
inline constexpr const char* k_item_table_file = "item_table.bin";
inline constexpr const char* k_user_tower_file = "user_tower.onnx";

struct Bundle {
    Manifest manifest;
    Catalogue catalogue;
    // The model's vectors come after the catalogue (attach_vectors); until then they are empty and
    // vectors_ready is false: search, rating and a first grid by genres need none of them.
    ItemTable item_table;
    UnitRows unit_rows;  // unit-length float rows for similarity, explanations and diversity
    // Predicted stars (rating_head.h); present when the manifest lists rating_head.bin.
    std::optional<RatingHead> rating_head;
    bool vectors_ready = false;

    // What the app needs to be usable: the catalogue.
    static std::vector<std::string> start_files(const Manifest& manifest);
    // What everything personal needs: the item table and, when listed, the rating head.
    static std::vector<std::string> vector_files(const Manifest& manifest);
    // Verifies and parses the catalogue (the manifest must list the item table and the user tower
    // too); attaches the vectors as well when `files` holds them.
    static Result<Bundle> assemble(Manifest manifest, const FileBytes& files);
    // Verifies and parses the vector files, checked against the catalogue (row count, dimension).
    Status attach_vectors(const FileBytes& files);
};

// Every file the manifest lists, present and verified (the CLI's check of a whole bundle).
Status verify_every_file(const Manifest& manifest, const FileBytes& files);

struct RecommendOptions {
    Filters filters;
    RerankOptions rerank;
    std::size_t candidates = 200;  // retrieved by score before re-ranking picks k of them
};

// The k best catalogue items for a user vector from the user tower: scored, filtered (never a
// rated or seen movie), the top candidates retrieved, then re-ranked.
Result<std::vector<ScoredItem>> recommend(const Bundle& bundle, std::span<const float> user_vector,
                                          const Profile& profile, std::size_t k, const RecommendOptions& options = {});

}  // namespace cinelocal
