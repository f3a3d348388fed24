// core/ must build anywhere: it may never include Emscripten, ImGui, GL or ONNX Runtime headers.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

TEST_CASE("core sources include no platform headers") {
    const std::filesystem::path core_dir = std::filesystem::path(CINELOCAL_SOURCE_DIR) / "core";
    REQUIRE(std::filesystem::is_directory(core_dir));
    const std::regex platform_include(R"(#\s*include\s*[<"](emscripten|imgui|GLFW|GLES|GL/|onnxruntime))");
    int files_checked = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(core_dir)) {
        auto ext = entry.path().extension();
        if (ext != ".h" && ext != ".cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        INFO(entry.path().string());
        CHECK_FALSE(std::regex_search(text.str(), platform_include));
        ++files_checked;
    }
    CHECK(files_checked >= 10);
}
