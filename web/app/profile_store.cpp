#include "profile_store.h"

#include "app_actions.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

// Keeps text that is not a readable profile under another key (the first copy is never
// replaced), so that nothing the visitor had is lost; returns whether a copy exists.
bool keep_unreadable_copy(Platform& platform, const std::string& text) {
    auto earlier_copy = platform.storage_get(k_unreadable_profile_key);
    return (earlier_copy && !earlier_copy->empty()) ||
           platform.storage_set(k_unreadable_profile_key, text) == StorageWrite::saved;
}

// What became of the unreadable copy: the visitor starts empty (on load) or it is replaced (on save).
enum class UnreadableOutcome { start_empty, replaced };

void report_unreadable(AppState& state, bool kept, const Error& reason, UnreadableOutcome outcome) {
    const Text text = outcome == UnreadableOutcome::start_empty
                          ? (kept ? Text::profile_unreadable_start_empty_kept : Text::profile_unreadable_start_empty)
                          : (kept ? Text::profile_unreadable_replaced_kept : Text::profile_unreadable_replaced);
    state.notices.push_back(tr(text, {{"reason", tr(reason)}, {"key", k_unreadable_profile_key}}));
}

// Merges another copy into memory; true when it brought something new (the screen follows).
bool take_in(AppState& state, Platform& platform, const Profile& other) {
    Profile merged = Profile::merged(state.profile, other);
    if (merged == state.profile) return false;
    state.profile = std::move(merged);
    state.storage.saved_settings = state.profile.settings;  // another tab's settings are not our change
    ++state.storage.changes_from_other_tabs;
    refresh_recommendations(state, platform);
    return true;
}

std::string megabytes(double bytes) { return tr(Text::megabytes, {{"value", Decimal{bytes / 1e6, 1}}}); }

void check_quota(AppState& state, Platform& platform) {
    state.storage.quota_warning.clear();
    if (!platform.storage_usage) return;
    auto usage = platform.storage_usage();
    if (!usage || usage->quota_bytes <= 0 || usage->used_bytes < k_quota_warning_fraction * usage->quota_bytes) return;
    const int percent = static_cast<int>(100.0 * usage->used_bytes / usage->quota_bytes);
    state.storage.quota_warning = tr(Text::storage_quota_warning, {{"percent", percent},
                                                                   {"used", megabytes(usage->used_bytes)},
                                                                   {"quota", megabytes(usage->quota_bytes)}});
}

void write_refused(AppState& state, Platform& platform, StorageWrite result) {
    state.storage.unsaved = true;
    state.storage.retry_at_ms = platform.now_ms() + k_save_retry_ms;
    state.storage.problem = tr(result == StorageWrite::full ? Text::storage_full : Text::storage_refused);
}

// The critical section, run while holding the cross-tab lock: read, merge, write.
void merge_and_write(AppState& state, Platform& platform) {
    std::optional<Profile> stored_copy;
    if (auto stored = platform.storage_get(k_profile_storage_key); stored && !stored->empty()) {
        auto copy = Profile::from_json(*stored);
        if (copy) {
            stored_copy = std::move(copy).value();
            take_in(state, platform, *stored_copy);
        } else if (!state.storage.unreadable_reported) {
            report_unreadable(state, keep_unreadable_copy(platform, *stored), copy.error(), UnreadableOutcome::replaced);
            state.storage.unreadable_reported = true;
        }
    }
    StorageWrite result = StorageWrite::saved;
    if (!stored_copy || !(*stored_copy == state.profile)) {
        result = platform.storage_set(k_profile_storage_key, state.profile.to_json());
    }
    if (result != StorageWrite::saved) {
        write_refused(state, platform, result);
        return;
    }
    state.storage.unsaved = false;
    state.storage.problem.clear();
    check_quota(state, platform);
}

int largest_offer_reached(int ratings) {
    int offer = k_first_backup_offer;
    while (offer + k_backup_offer_every <= ratings) offer += k_backup_offer_every;
    return offer;
}

}  // namespace

Stamp change_stamp(const Platform& platform) { return platform.wall_clock_ms ? platform.wall_clock_ms() : 0; }

void load_saved_profile(AppState& state, Platform& platform) {
    auto saved = platform.storage_get(k_profile_storage_key);
    if (saved && !saved->empty()) {
        auto profile = Profile::from_json(*saved);
        if (profile) {
            state.profile = std::move(profile).value();
        } else {
            report_unreadable(state, keep_unreadable_copy(platform, *saved), profile.error(),
                              UnreadableOutcome::start_empty);
            state.storage.unreadable_reported = true;
        }
    }
    state.storage.saved_settings = state.profile.settings;
}

void save_profile(AppState& state, Platform& platform) {
    if (!(state.profile.settings == state.storage.saved_settings)) {
        state.profile.settings_changed(change_stamp(platform));
        state.storage.saved_settings = state.profile.settings;
    }
    if (state.storage.save_queued) return;  // the queued save writes the newest memory when its turn comes
    state.storage.save_queued = true;
    auto task = [&state, &platform] {
        state.storage.save_queued = false;
        merge_and_write(state, platform);
    };
    if (platform.with_storage_lock) {
        platform.with_storage_lock(task);
    } else {
        task();
    }
}

void on_profile_changed_elsewhere(AppState& state, Platform& platform) {
    auto stored = platform.storage_get(k_profile_storage_key);
    if (!stored || stored->empty()) return;
    auto copy = Profile::from_json(*stored);
    if (!copy) return;  // reported (and kept aside) by the next save
    take_in(state, platform, copy.value());
    // That tab's write did not hold everything this one has (a race without Web Locks): write it back.
    if (!(copy.value() == state.profile)) save_profile(state, platform);
}

void keep_profile_saved(AppState& state, Platform& platform) {
    if (state.storage.unsaved && !state.storage.save_queued && platform.now_ms() >= state.storage.retry_at_ms) {
        save_profile(state, platform);
    }
}

void on_persistence_answer(AppState& state, bool granted) {
    state.storage.persistence = granted ? Persistence::granted : Persistence::refused;
}

bool backup_offer_due(const AppState& state) {
    const int ratings = static_cast<int>(state.profile.ratings().size());
    const int seen = state.profile.settings.backup_offer_seen;
    const int next = seen < k_first_backup_offer ? k_first_backup_offer : seen + k_backup_offer_every;
    return ratings >= next;
}

void answer_backup_offer(AppState& state, Platform& platform) {
    state.profile.settings.backup_offer_seen = largest_offer_reached(static_cast<int>(state.profile.ratings().size()));
    save_profile(state, platform);
}

}  // namespace cinelocal::ui
