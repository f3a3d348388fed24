// A hand-made six-movie bundle for core tests: three animated films along the first axis of a
// two-dimensional embedding space, three horror films along the second.
#pragma once
#include <algorithm>
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

// rating_head.bin for the 6 movies: mean 3.5, damping 5, ridge 1, then the item biases.
inline std::vector<std::uint8_t> rating_head_bytes(const std::vector<float>& item_bias) {
    std::vector<std::uint8_t> bytes = {'C', 'L', 'R', 'H', 1, 0, 0, 0};
    auto put = [&](float value) {
        std::uint8_t raw[4];
        std::memcpy(raw, &value, 4);
        bytes.insert(bytes.end(), raw, raw + 4);
    };
    put(3.5f);
    put(5.0f);
    put(1.0f);
    for (float b : item_bias) put(b);
    return bytes;
}

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

// text_index.bin for documents given as term-id lists (the layout in models/cinelocal_models/content_export.py).
inline std::vector<std::uint8_t> text_index_bytes(const std::vector<std::vector<std::int32_t>>& documents,
                                                  std::uint32_t terms) {
    std::vector<std::uint8_t> out = {'C', 'L', 'T', 'X'};
    const auto put_u32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) out.push_back(std::uint8_t(v >> (8 * i)));
    };
    std::vector<std::uint8_t> body;
    const auto put_varint = [&](std::uint32_t v) {
        for (; v >= 0x80; v >>= 7) body.push_back(std::uint8_t(v & 0x7F) | 0x80);
        body.push_back(std::uint8_t(v));
    };
    put_u32(1);
    put_u32(std::uint32_t(documents.size()));
    put_u32(terms);
    for (const auto& d : documents) {
        out.push_back(std::uint8_t(d.size()));
        out.push_back(0);
    }
    std::vector<std::uint32_t> ends;
    for (std::uint32_t t = 0; t < terms; ++t) {
        std::int64_t previous = -1;
        for (std::size_t d = 0; d < documents.size(); ++d) {
            const auto tf = std::count(documents[d].begin(), documents[d].end(), std::int32_t(t));
            if (t == 0 || tf == 0) continue;
            put_varint(std::uint32_t(std::int64_t(d) - previous - 1));
            put_varint(std::uint32_t(tf));
            previous = std::int64_t(d);
        }
        ends.push_back(std::uint32_t(body.size()));
    }
    for (auto e : ends) put_u32(e);
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

// The six films' describe-it words: 1 toy, 2 monster, 3 killer, 4 house, 5 space.
inline const std::string describe_vocab_json =
    R"({"format_version":2,"max_tokens":8,"id_count":6,"model_id_count":6,"stem":"s_stemmer","join":[[39,39]],)"
    R"("fold":{},"stop_words":["a","in","the"],"words":{"toy":1,"monster":2,"killer":3,"house":4,"space":5}})";
inline const std::vector<std::vector<std::int32_t>> describe_documents = {
    {1, 1}, {2}, {4}, {3, 4}, {4, 3, 4}, {5, 2, 3}};  // Toy Story, Shrek, Up, Halloween, The Shining, Alien

inline cinelocal::FileBytes files_with_describe() {
    auto all = files();
    all["content_vocab.json"] = as_bytes(describe_vocab_json);
    all["text_index.bin"] = text_index_bytes(describe_documents, 6);
    return all;
}

}  // namespace tiny
