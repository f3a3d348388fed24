// The app loaded with the tiny test bundle (tests/core/tiny_bundle.h) on a fake platform.
#pragma once
#include <catch2/catch.hpp>

#include "../core/tiny_bundle.h"
#include "app_actions.h"
#include "fake_platform.h"

inline void load_tiny_app(cinelocal::ui::AppState& state, cinelocal::ui::Platform& platform, bool model = true,
                          const cinelocal::FileBytes& files = tiny::files()) {
    using namespace cinelocal::ui;
    REQUIRE(receive_manifest(state, tiny::manifest_json(files)).empty());
    for (auto& [name, bytes] : files) REQUIRE(receive_file(state, platform, name, bytes).empty());
    REQUIRE(state.phase == LoadPhase::ready);
    if (model) model_ready(state, platform);
}

// One tab of the browser: its own app state and platform, on storage it may share with others.
struct Tab {
    FakePlatform fake;
    cinelocal::ui::Platform platform = fake.platform();
    cinelocal::ui::AppState state;
    Tab() { load_tiny_app(state, platform); }
    explicit Tab(const Tab& same_browser) : fake(same_browser.fake) { load_tiny_app(state, platform); }
};
