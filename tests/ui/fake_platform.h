// An in-memory Platform for UI tests: storage is a map, tower requests are recorded and
// answered by the test, the clock is set by hand.
#pragma once
#include <map>
#include <vector>

#include "platform.h"

struct FakePlatform {
    std::map<std::string, std::string> storage;
    bool storage_blocked = false;
    std::vector<std::pair<int, cinelocal::TowerInput>> requests;
    double now = 1000.0;

    cinelocal::ui::Platform platform() {
        cinelocal::ui::Platform p;
        p.request_user_embedding = [this](int id, const cinelocal::TowerInput& input) { requests.emplace_back(id, input); };
        p.storage_get = [this](const std::string& key) -> std::optional<std::string> {
            auto it = storage.find(key);
            if (storage_blocked || it == storage.end()) return std::nullopt;
            return it->second;
        };
        p.storage_set = [this](const std::string& key, const std::string& value) {
            if (storage_blocked) return false;
            storage[key] = value;
            return true;
        };
        p.now_ms = [this] { return now; };
        return p;
    }
};
