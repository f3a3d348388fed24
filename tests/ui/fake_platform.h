// An in-memory Platform for UI tests: storage is a map (one map can back two "tabs"), tower
// requests are recorded and answered by the test, the clocks are set by hand, and the storage lock
// either runs its task at once or holds it until the test calls run_locked_tasks().
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "platform.h"

struct FakePlatform {
    std::shared_ptr<std::map<std::string, std::string>> shared_storage = std::make_shared<std::map<std::string, std::string>>();
    std::map<std::string, std::string>& storage = *shared_storage;
    bool storage_blocked = false;
    std::size_t quota_bytes = 0;  // 0: unlimited; else a write that makes the total larger is refused as full
    std::vector<std::pair<int, cinelocal::TowerInput>> requests;
    double now = 1000.0;                        // now_ms
    std::int64_t wall = 1'764'676'800'000;      // wall_clock_ms (Date.now())
    bool hold_locked_tasks = false;
    std::vector<std::function<void()>> locked_tasks;
    cinelocal::ui::PosterConsent consent = cinelocal::ui::PosterConsent::unasked;
    // navigator.languages: English unless a test says otherwise (the tests find widgets by their English words).
    std::vector<std::string> languages = {"en"};
    std::string document_language;  // what the page's <html lang> was last set to

    FakePlatform() = default;
    // A second tab of the same browser: the same storage map.
    explicit FakePlatform(const FakePlatform& other_tab) : shared_storage(other_tab.shared_storage), storage(*shared_storage) {}

    std::size_t used_bytes() const {
        std::size_t used = 0;
        for (const auto& [key, value] : storage) used += key.size() + value.size();
        return used;
    }

    void run_locked_tasks() {
        auto tasks = std::move(locked_tasks);
        locked_tasks.clear();
        for (auto& task : tasks) task();
    }

    cinelocal::ui::Platform platform() {
        using cinelocal::ui::StorageWrite;
        cinelocal::ui::Platform p;
        p.request_user_embedding = [this](int id, const cinelocal::TowerInput& input) { requests.emplace_back(id, input); };
        p.storage_get = [this](const std::string& key) -> std::optional<std::string> {
            auto it = storage.find(key);
            if (storage_blocked || it == storage.end()) return std::nullopt;
            return it->second;
        };
        p.storage_set = [this](const std::string& key, const std::string& value) {
            if (storage_blocked) return StorageWrite::refused;
            const std::size_t old_size = storage.count(key) ? key.size() + storage[key].size() : 0;
            if (quota_bytes && used_bytes() - old_size + key.size() + value.size() > quota_bytes) return StorageWrite::full;
            storage[key] = value;
            return StorageWrite::saved;
        };
        p.storage_usage = [this]() -> std::optional<cinelocal::ui::StorageUsage> {
            if (!quota_bytes) return std::nullopt;
            return cinelocal::ui::StorageUsage{double(used_bytes()), double(quota_bytes)};
        };
        p.with_storage_lock = [this](std::function<void()> task) {
            if (hold_locked_tasks) {
                locked_tasks.push_back(std::move(task));
            } else {
                task();
            }
        };
        p.now_ms = [this] { return now; };
        p.wall_clock_ms = [this] { return wall; };
        p.poster_consent = [this] { return consent; };
        p.set_poster_consent = [this](bool allowed) {
            consent = allowed ? cinelocal::ui::PosterConsent::allowed : cinelocal::ui::PosterConsent::refused;
        };
        p.preferred_languages = [this] { return languages; };
        p.set_document_language = [this](const std::string& code) { document_language = code; };
        return p;
    }
};
