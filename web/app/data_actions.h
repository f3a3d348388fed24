// The visitor's data as files: export (a CineLocal profile JSON), import of a backup or of
// Letterboxd / IMDb ratings (read, matched, shown as a report, applied only on confirmation),
// and deleting everything. A failed import changes nothing.
#pragma once
#include <string>

#include "app_state.h"
#include "platform.h"

namespace cinelocal::ui {

inline constexpr const char* k_export_file_name = "cinelocal-profile.json";

void export_data(AppState& state, Platform& platform);
// A file the visitor picked in the browser's dialog arrives here.
void on_file_opened(AppState& state, Platform& platform, FilePurpose purpose, const std::string& name,
                    const std::string& text);
// Applies the pending import with the visitor's choices for ambiguous titles.
void confirm_import(AppState& state, Platform& platform);
void cancel_import(AppState& state);
// Ratings, watchlist, marks, settings and poster consent: all gone, in memory and in storage.
void delete_everything(AppState& state, Platform& platform);

}  // namespace cinelocal::ui
