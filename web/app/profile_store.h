// Keeping the visitor's profile in browser storage without losing a change, when several tabs
// share it: every save re-reads the stored copy and merges (Profile::merged, newest change per
// film) under the lock all tabs share, then writes; another tab's save is merged in at once.
// A refused write (quota, blocked storage) keeps everything in memory, says so in words, offers
// the backup file and tries again every few seconds. The browser's storage.persist() answer and
// the backup offers (after the 10th rating, then every 50) live here too.
#pragma once
#include "app_state.h"
#include "platform.h"

namespace cinelocal::ui {

inline constexpr double k_save_retry_ms = 3000.0;
inline constexpr double k_quota_warning_fraction = 0.8;  // warn once storage is this full
inline constexpr int k_first_backup_offer = 10;          // ratings
inline constexpr int k_backup_offer_every = 50;

// Reads the saved profile; an unreadable one is copied aside (never lost) and reported.
void load_saved_profile(AppState& state, Platform& platform);
// Stamps a settings change, then merges with the stored copy and writes, holding the lock.
void save_profile(AppState& state, Platform& platform);
// Another tab saved: its copy is merged into memory (and written back if memory held more).
void on_profile_changed_elsewhere(AppState& state, Platform& platform);
// Once a frame: a refused save is tried again after k_save_retry_ms.
void keep_profile_saved(AppState& state, Platform& platform);
void on_persistence_answer(AppState& state, bool granted);

// The stamp for a change made now (the wall clock; 0 without one: stamps then count up).
Stamp change_stamp(const Platform& platform);

// A backup file is offered after the 10th rating, then after every 50 more; answering (download
// or dismiss) is remembered in the profile, so the offer never comes back before the next step.
bool backup_offer_due(const AppState& state);
void answer_backup_offer(AppState& state, Platform& platform);

}  // namespace cinelocal::ui
