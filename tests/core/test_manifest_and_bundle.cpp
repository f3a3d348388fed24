#include <catch2/catch.hpp>

#include "cinelocal/bundle.h"
#include "tiny_bundle.h"

using namespace cinelocal;

static Manifest tiny_manifest() {
    auto manifest = parse_manifest(tiny::manifest_json(tiny::files()));
    REQUIRE(manifest.ok());
    return manifest.value();
}

TEST_CASE("a valid bundle assembles with its catalogue and item table") {
    auto bundle = Bundle::assemble(tiny_manifest(), tiny::files());
    REQUIRE(bundle.ok());
    CHECK(bundle.value().catalogue.size() == 6);
    CHECK(bundle.value().item_table.dim() == 2);
    CHECK(bundle.value().catalogue.movie(4).title == "The Shining");
    CHECK(bundle.value().catalogue.genres_text(0) == "Animation");
    CHECK(bundle.value().manifest.model_version == "tiny-1");
}

TEST_CASE("a file whose bytes changed is rejected as corrupt") {
    auto files = tiny::files();
    files["item_table.bin"][3] ^= 0x01;
    auto bundle = Bundle::assemble(tiny_manifest(), files);
    REQUIRE_FALSE(bundle.ok());
    CHECK(bundle.error().code == ErrorCode::checksum_mismatch);
    CHECK(bundle.error().message.find("item_table.bin") != std::string::npos);
}

TEST_CASE("a truncated file is rejected with its size") {
    auto files = tiny::files();
    files["catalogue.json"].pop_back();
    auto bundle = Bundle::assemble(tiny_manifest(), files);
    REQUIRE_FALSE(bundle.ok());
    CHECK(bundle.error().code == ErrorCode::size_mismatch);
}

TEST_CASE("a missing start file is reported by name") {
    auto files = tiny::files();
    files.erase("catalogue.json");
    auto bundle = Bundle::assemble(tiny_manifest(), files);
    REQUIRE_FALSE(bundle.ok());
    CHECK(bundle.error().code == ErrorCode::not_loaded);
    CHECK(bundle.error().message.find("catalogue.json") != std::string::npos);
}

TEST_CASE("the bundle assembles from the catalogue; the vectors attach later; the model is verified on arrival") {
    auto manifest = tiny_manifest();
    CHECK(Bundle::start_files(manifest) == std::vector<std::string>{"catalogue.json"});
    CHECK(Bundle::vector_files(manifest) == std::vector<std::string>{"item_table.bin"});  // no rating head listed
    auto files = tiny::files();
    auto table = files.extract("item_table.bin");
    auto model = files.extract("user_tower.onnx");
    auto bundle = Bundle::assemble(manifest, files);
    REQUIRE(bundle.ok());
    CHECK_FALSE(bundle.value().vectors_ready);
    CHECK(bundle.value().item_table.item_count() == 0);
    CHECK(bundle.value().attach_vectors(files).error().message.find("item_table.bin") != std::string::npos);
    files.insert(std::move(table));
    REQUIRE(bundle.value().attach_vectors(files).ok());
    CHECK(bundle.value().vectors_ready);
    CHECK(bundle.value().item_table.item_count() == 6);
    CHECK(bundle.value().unit_rows.size() == 6);
    // A whole-bundle check still wants the model, and a damaged one is caught when it arrives.
    CHECK(verify_every_file(manifest, files).error().message.find("user_tower.onnx") != std::string::npos);
    model.mapped()[0] ^= 0x01;
    CHECK(verify_bundle_file(manifest, "user_tower.onnx", model.mapped()).error().code == ErrorCode::checksum_mismatch);
}

TEST_CASE("a file the manifest does not list is unknown") {
    std::vector<std::uint8_t> bytes = {1, 2, 3};
    auto status = verify_bundle_file(tiny_manifest(), "extra.bin", bytes);
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().code == ErrorCode::unknown_file);
}

TEST_CASE("a manifest that is not JSON or of another version is refused") {
    CHECK(parse_manifest("{not json").error().code == ErrorCode::invalid_format);
    CHECK(parse_manifest(R"({"format_version":2})").error().code == ErrorCode::unsupported_version);
    CHECK(parse_manifest(R"({"format_version":1,"item_count":3})").error().code == ErrorCode::invalid_format);
}

TEST_CASE("a catalogue whose length differs from the manifest is refused") {
    auto files = tiny::files();
    std::string manifest_text = tiny::manifest_json(files);
    manifest_text.replace(manifest_text.find("\"item_count\":6"), 14, "\"item_count\":7");
    auto manifest = parse_manifest(manifest_text);
    REQUIRE(manifest.ok());
    auto bundle = Bundle::assemble(manifest.value(), files);
    REQUIRE_FALSE(bundle.ok());
    CHECK(bundle.error().code == ErrorCode::size_mismatch);
}

TEST_CASE("a catalogue that lists a movie twice is refused") {
    auto catalogue = Catalogue::parse(R"({"format_version":1,"genres":[],"movies":[[1,"A",2000,0,0],[1,"B",2001,0,0]]})");
    REQUIRE_FALSE(catalogue.ok());
    CHECK(catalogue.error().message.find("twice") != std::string::npos);
}

TEST_CASE("a manifest of another format version says what to do", "[manifest]") {
    auto newer = parse_manifest(R"({"format_version":2,"model_version":"x","item_count":1,"embedding_dim":1,"files":{}})");
    REQUIRE_FALSE(newer.ok());
    CHECK(newer.error().code == ErrorCode::unsupported_version);
    CHECK(newer.error().message ==
          "manifest.json has format version 2, this app reads version 1; this bundle needs a newer CineLocal: reload the page");
    auto older = parse_manifest(R"({"format_version":0})");
    REQUIRE_FALSE(older.ok());
    CHECK(older.error().message == "manifest.json has format version 0, this app reads version 1; the bundle is older "
                                   "than this CineLocal: rebuild the site or reload the page");
    // A version that is not an integer is an error too, never an exception.
    CHECK(parse_manifest(R"({"format_version":"2"})").error().code == ErrorCode::unsupported_version);
    CHECK(Catalogue::parse(R"({"format_version":"1","genres":[],"movies":[]})").error().code ==
          ErrorCode::unsupported_version);
}

TEST_CASE("numbers out of an integer's range are named errors, not undefined casts", "[manifest][catalogue]") {
    auto year = Catalogue::parse(R"({"format_version":1,"genres":[],"movies":[[1,"A",2e30,0,0]]})");
    REQUIRE_FALSE(year.ok());
    CHECK(year.error().code == ErrorCode::invalid_format);
    CHECK(year.error().message.find("expected an integer within range, not 2e+30") != std::string::npos);
    auto bytes = parse_manifest(R"({"format_version":1,"model_version":"x","item_count":1,"embedding_dim":1,)"
                                R"("files":{"a":{"sha256":"x","bytes":-5}}})");
    REQUIRE_FALSE(bytes.ok());
    CHECK(bytes.error().code == ErrorCode::invalid_format);
}
