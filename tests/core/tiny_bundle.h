// A hand-made six-movie bundle for core tests: three animated films along the first axis of a
// two-dimensional embedding space, three horror films along the second.
#pragma once
#include <cstring>
#include <string>
#include <vector>

#include "cinelocal/bundle.h"
#include "cinelocal/sha256.h"

namespace tiny {

inline const std::string catalogue_head = R"({"format_version":1,"genres":["Animation","Horror"],"movies":[
  [1,"Toy Story",1995,1,200,862],
  [2,"Shrek",2001,1,150,808],
  [3,"Up",2009,1,90,14160],
  [10,"Halloween",1978,2,80,948],
  [11,"The Shining",1980,2,120,694],
  [12,"Alien",1979,2,110,348])";
inline const std::string catalogue_json = catalogue_head + "]}";

// Rows as int8 with one scale per row; the third animated film leans slightly towards horror.
inline std::vector<std::uint8_t> item_table_bytes() {
    const std::vector<std::int8_t> rows = {127, 0, 127, 10, 100, 40, 0, 127, 10, 127, 30, 100};
    const std::vector<float> scales = {0.01f, 0.01f, 0.01f, 0.01f, 0.01f, 0.01f};
    std::vector<std::uint8_t> bytes(rows.size() + scales.size() * sizeof(float));
    std::memcpy(bytes.data(), rows.data(), rows.size());
    std::memcpy(bytes.data() + rows.size(), scales.data(), scales.size() * sizeof(float));
    return bytes;
}

// The same six films with vectors, then two search-only films (the catalogue policy's long tail):
// a rarely rated cartoon, and a horror film made popular on purpose (policy ranks by rating count).
inline const std::string catalogue_with_search_only_json = catalogue_head + R"(,
  [20,"Rare Cartoon",1999,1,0,0],
  [21,"Obscure Horror",1981,2,999,0]]})";

inline std::vector<std::uint8_t> as_bytes(const std::string& text) { return {text.begin(), text.end()}; }

inline cinelocal::FileBytes files(const std::string& catalogue = catalogue_json) {
    return {{"catalogue.json", as_bytes(catalogue)},
            {"item_table.bin", item_table_bytes()},
            {"user_tower.onnx", as_bytes("not a real model: the core only verifies it")}};
}

// vector_count 0: the key is left out (every film has vectors, as in bundles before the policy).
inline std::string manifest_json(const cinelocal::FileBytes& files, std::size_t item_count = 6,
                                 std::size_t vector_count = 0) {
    std::string entries;
    for (const auto& [name, bytes] : files) {
        if (!entries.empty()) entries += ",";
        entries += "\"" + name + "\":{\"sha256\":\"" + cinelocal::sha256_hex(bytes) +
                   "\",\"bytes\":" + std::to_string(bytes.size()) + "}";
    }
    return R"({"format_version":1,"model_version":"tiny-1","dataset":{"name":"tiny"},)"
           "\"item_count\":" + std::to_string(item_count) + "," +
           (vector_count ? "\"vector_count\":" + std::to_string(vector_count) + "," : std::string()) +
           R"("embedding_dim":2,"max_profile_items":512,"files":{)" + entries + "}}";
}

}  // namespace tiny
