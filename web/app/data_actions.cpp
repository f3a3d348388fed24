#include "data_actions.h"

#include "app_actions.h"
#include "movie_night.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

// A backup restores everything it holds; its ratings replace the profile's ratings of the same films.
void restore_backup(AppState& state, Platform& platform, const std::string& name, const std::string& text) {
    auto backup = Profile::from_json(text);
    if (!backup) {
        state.import_message = tr(Text::restore_refused, {{"file", name}, {"reason", tr(backup.error())}});
        return;
    }
    // Restoring is a change made now (not a merge by the backup's old stamps): what the backup
    // holds comes back even over later changes and removals, in the backup's order.
    const Stamp now = change_stamp(platform);
    Profile merged = state.profile;
    for (const auto& rating : backup.value().ratings()) (void)merged.rate(rating.movie, rating.stars, now);
    for (MovieId movie : backup.value().watchlist()) merged.set_on_watchlist(movie, true, now);
    for (MovieId movie : backup.value().not_interested()) merged.set_not_interested(movie, true, now);
    for (MovieId movie : backup.value().seen()) merged.set_seen(movie, true, now);
    merged.settings = backup.value().settings;
    merged.settings.welcome_done = true;
    state.profile = std::move(merged);
    state.import_message = tr(Text::restore_done, {{"file", name},
                                                   {"ratings", backup.value().ratings().size()},
                                                   {"watchlist", backup.value().watchlist().size()}});
    save_profile(state, platform);
    refresh_recommendations(state, platform);
}

void read_ratings_file(AppState& state, const std::string& name, const std::string& text) {
    auto report = read_ratings_import(name, text, state.bundle->catalogue);
    if (!report) {
        state.import_message = tr(Text::import_refused, {{"reason", tr(report.error())}});
        return;
    }
    PendingImport pending;
    pending.report = std::move(report).value();
    pending.choice.assign(pending.report.ambiguous.size(), -1);
    // Watched films are seen; films a list only names (an IMDb watchlist) are most likely wanted.
    pending.unrated_action = unrated_action_offered(pending.report, UnratedAction::seen) ? UnratedAction::seen
                                                                                         : UnratedAction::watchlist;
    state.pending_import = std::move(pending);
    state.import_message.clear();
}

}  // namespace

void export_data(AppState& state, Platform& platform) {
    if (!platform.save_file) {
        state.notices.push_back(tr(Text::save_files_unsupported));
        return;
    }
    platform.save_file(k_export_file_name, "application/json", state.profile.to_json());
}

void on_file_opened(AppState& state, Platform& platform, FilePurpose purpose, const std::string& name,
                    const std::string& text) {
    if (!state.bundle) return;
    switch (purpose) {
        case FilePurpose::import_ratings: read_ratings_file(state, name, text); break;
        case FilePurpose::import_backup: restore_backup(state, platform, name, text); break;
        case FilePurpose::movie_night_profile: start_movie_night(state, platform, name, text); break;
    }
}

void confirm_import(AppState& state, Platform& platform) {
    if (!state.pending_import) return;
    const PendingImport& pending = *state.pending_import;
    std::vector<ImportChoice> choices;
    for (std::size_t i = 0; i < pending.report.ambiguous.size(); ++i) {
        const auto& row = pending.report.ambiguous[i];
        const int pick = pending.choice[i];
        if (pick >= 0 && static_cast<std::size_t>(pick) < row.candidates.size()) {
            choices.push_back({row.line, row.candidates[static_cast<std::size_t>(pick)]});
        }
    }
    auto updated = apply_import(state.profile, pending.report, choices, pending.unrated_action, change_stamp(platform));
    if (!updated) {
        state.import_message = tr(Text::import_not_applied, {{"reason", tr(updated.error())}});
        state.pending_import.reset();
        return;
    }
    const std::size_t added = pending.report.matched.size() + choices.size();
    state.import_message = tr(Text::import_done, {{"count", added}, {"file", pending.report.file_name}});
    const std::size_t seen = updated.value().seen().size() - state.profile.seen().size();
    const std::size_t listed = updated.value().watchlist().size() - state.profile.watchlist().size();
    // Each its own sentence, so that every language says it whole.
    if (seen > 0) state.import_message.append(" ").append(tr(Text::import_done_marked_seen, {{"count", seen}}));
    if (listed > 0) state.import_message.append(" ").append(tr(Text::import_done_added_to_watchlist, {{"count", listed}}));
    state.profile = std::move(updated).value();
    state.pending_import.reset();
    save_profile(state, platform);
    refresh_recommendations(state, platform);
}

void cancel_import(AppState& state) {
    state.pending_import.reset();
    state.import_message = tr(Text::import_cancelled);
}

void delete_everything(AppState& state, Platform& platform) {
    // Tombstones, not an empty profile: a merge with another tab's copy must not bring them back.
    state.profile.remove_everything(change_stamp(platform));
    state.profile.settings.welcome_done = true;  // they have seen it; deleting is not a first visit
    end_movie_night(state);
    state.pending_import.reset();
    state.confirm_delete = false;
    save_profile(state, platform);
    platform.storage_set(k_unreadable_profile_key, "");
    if (platform.set_poster_consent) platform.set_poster_consent(false);
    state.import_message = tr(Text::deleted_everything);
    refresh_recommendations(state, platform);
}

}  // namespace cinelocal::ui
