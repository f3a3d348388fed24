// Settings and privacy: poster consent, what the page has requested and from where, the visitor's
// data as files (export, restore, Letterboxd / IMDb import with a match report), delete
// everything, and the credits for the data.
#include "data_actions.h"
#include "icons.h"
#include "screens.h"

namespace cinelocal::ui {
namespace {

void section(ScreenContext& ctx, const char* title) {
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
}

void draw_privacy(ScreenContext& ctx) {
    AppState& state = ctx.state;
    section(ctx, "Privacy");
    wrapped_muted("Your ratings, watchlist and settings are stored only in this browser. Recommendations are "
                  "computed here; nothing about you is sent anywhere.");
    if (ctx.platform.poster_consent && ctx.platform.set_poster_consent) {
        bool consent = ctx.platform.poster_consent() == PosterConsent::allowed;
        if (ImGui::Checkbox("Show posters from TMDB's image server (image.tmdb.org)", &consent)) {
            ctx.platform.set_poster_consent(consent);
        }
        state.rects.record_last_item("settings/posters");
        wrapped_muted("When on, your browser asks TMDB's server for the poster of each film you see, so TMDB can "
                      "see your IP address and which posters load. Off: CineLocal draws its own cards.");
        const int failed = ctx.platform.poster_failures ? ctx.platform.poster_failures() : 0;
        if (consent && failed > 0) {
            const std::string text = std::to_string(failed) + (failed == 1 ? " poster" : " posters") +
                                     " could not be loaded (offline, or TMDB did not answer): CineLocal drew its "
                                     "own cards instead. Reload the page to try again.";
            wrapped_muted(text.c_str());
        }
    }
    if (!ctx.platform.request_counts_by_origin) return;
    ImGui::TextUnformatted("Requests this page made, by origin:");
    if (ImGui::BeginTable("requests", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (const auto& [origin, count] : ctx.platform.request_counts_by_origin()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(origin.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", count);
        }
        ImGui::EndTable();
    }
}

// Films the file names without a rating: their own category, and the visitor says what they become.
void draw_unrated_choice(ScreenContext& ctx, PendingImport& pending) {
    AppState& state = ctx.state;
    const ImportReport& report = pending.report;
    if (report.unrated.empty()) return;
    const bool watched = report.unrated_meaning == UnratedMeaning::watched;
    ImGui::Spacing();
    ImGui::TextColored(colors::accent, "%s: %zu %s", watched ? "Watched but not rated" : "Listed without a rating",
                       report.unrated.size(), report.unrated.size() == 1 ? "film" : "films");
    state.rects.record_last_item("import/unrated");
    wrapped_muted(watched ? "The file says you have seen these films but gives them no stars, so they cannot teach "
                            "\"For you\" your taste. Marked seen, they are never suggested to you; rate any of them "
                            "later to count."
                          : "This file lists these films without saying you have seen them (an IMDb watchlist or list "
                            "export).");
    const std::pair<UnratedAction, const char*> options[] = {
        {UnratedAction::seen, "Mark them seen (never suggested)"},
        {UnratedAction::watchlist, "Add them to the watchlist"},
        {UnratedAction::skip, "Leave them out"},
    };
    for (const auto& [action, label] : options) {
        if (!unrated_action_offered(report, action)) continue;
        if (ImGui::RadioButton(label, pending.unrated_action == action)) pending.unrated_action = action;
        state.rects.record_last_item(std::string("import/unrated:") +
                                     (action == UnratedAction::seen ? "seen" : action == UnratedAction::watchlist ? "watchlist" : "skip"));
    }
    if (ImGui::TreeNode("unrated-films", "The %zu films", report.unrated.size())) {
        for (const auto& row : report.unrated) ImGui::BulletText("Line %zu: %s", row.line, row.title.c_str());
        ImGui::TreePop();
    }
}

void draw_import_report(ScreenContext& ctx, PendingImport& pending) {
    AppState& state = ctx.state;
    const ImportReport& report = pending.report;
    const Catalogue& catalogue = state.bundle->catalogue;
    ImGui::Text("%s (%s): %zu rows", report.file_name.c_str(), import_format_name(report.format), report.rows);
    ImGui::Text("%zu matched, %zu to choose, %zu %s, %zu not found, %zu duplicates, %zu unreadable",
                report.matched.size(), report.ambiguous.size(), report.unrated.size(),
                report.unrated_meaning == UnratedMeaning::watched ? "watched but unrated" : "listed without a rating",
                report.unmatched.size(), report.duplicates.size(), report.errors.size());
    for (std::size_t i = 0; i < report.ambiguous.size(); ++i) {
        const auto& row = report.ambiguous[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string label = "Line " + std::to_string(row.line) + ": " + row.title +
                                  (row.year > 0 ? " (" + std::to_string(row.year) + ")" : "");
        ImGui::TextUnformatted(label.c_str());
        ImGui::SameLine();
        auto candidate_name = [&](int c) {
            if (c < 0) return std::string("Skip this row");
            auto index = catalogue.index_of(row.candidates[static_cast<std::size_t>(c)]);
            if (!index) return std::string("?");
            const Movie& m = catalogue.movie(*index);
            return m.title + " (" + std::to_string(m.year) + ")";
        };
        ImGui::SetNextItemWidth(ctx.px(300));
        if (ImGui::BeginCombo("##choice", candidate_name(pending.choice[i]).c_str())) {
            for (int c = -1; c < static_cast<int>(row.candidates.size()); ++c) {
                if (ImGui::Selectable(candidate_name(c).c_str(), pending.choice[i] == c)) pending.choice[i] = c;
            }
            ImGui::EndCombo();
        }
        state.rects.record_last_item("import/choice:" + std::to_string(row.line));
        ImGui::PopID();
    }
    draw_unrated_choice(ctx, pending);
    if (!report.unmatched.empty() && ImGui::TreeNode("Not found in this catalogue")) {
        for (const auto& row : report.unmatched) {
            ImGui::BulletText("Line %zu: %s (%d): %s", row.line, row.title.c_str(), row.year, unmatched_reason_text(row.reason));
        }
        ImGui::TreePop();
    }
    if (!report.errors.empty() && ImGui::TreeNode("Rows that could not be read")) {
        for (const auto& error : report.errors) {
            ImGui::BulletText("Line %zu, %s: %s", error.line, error.field.c_str(), error.message.c_str());
        }
        ImGui::TreePop();
    }
    std::size_t chosen = 0;
    for (int c : pending.choice) chosen += c >= 0 ? 1 : 0;
    const std::size_t adding = report.matched.size() + chosen;
    std::string add = "Add " + std::to_string(adding) + (adding == 1 ? " rating" : " ratings");
    if (!report.unrated.empty() && pending.unrated_action != UnratedAction::skip) {
        add += pending.unrated_action == UnratedAction::seen ? ", mark " + std::to_string(report.unrated.size()) + " seen"
                                                             : ", " + std::to_string(report.unrated.size()) + " to the watchlist";
    }
    if (ImGui::Button(add.c_str())) confirm_import(state, ctx.platform);
    state.rects.record_last_item("import/confirm");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) cancel_import(state);
    state.rects.record_last_item("import/cancel");
}

void draw_data(ScreenContext& ctx) {
    AppState& state = ctx.state;
    section(ctx, "Your data");
    if (ImGui::Button((std::string(icons::download) + "  Export your data").c_str())) export_data(state, ctx.platform);
    state.rects.record_last_item("settings/export");
    ImGui::SameLine();
    if (ImGui::Button((std::string(icons::upload) + "  Restore an export").c_str()) && ctx.platform.open_file) {
        ctx.platform.open_file(FilePurpose::import_backup);
    }
    state.rects.record_last_item("settings/restore");
    ImGui::SameLine();
    if (ImGui::Button((std::string(icons::upload) + "  Import Letterboxd or IMDb ratings").c_str()) && ctx.platform.open_file) {
        ctx.platform.open_file(FilePurpose::import_ratings);
    }
    state.rects.record_last_item("settings/import");
    wrapped_muted("Letterboxd: Settings > Import & Export > Export your data (ratings.csv or diary.csv). "
                  "IMDb: Your Ratings > Export. Nothing changes until you confirm the match report.");
    if (state.pending_import) draw_import_report(ctx, *state.pending_import);
    if (!state.import_message.empty()) ImGui::TextColored(colors::accent, "%s", state.import_message.c_str());

    ImGui::Spacing();
    if (!state.confirm_delete) {
        if (ImGui::Button((std::string(icons::trash) + "  Delete everything").c_str())) state.confirm_delete = true;
        state.rects.record_last_item("settings/delete");
        return;
    }
    ImGui::TextColored(colors::error, "Delete %zu ratings, %zu watchlist films and your settings from this browser?",
                       state.profile.ratings().size(), state.profile.watchlist().size());
    if (ImGui::Button("Yes, delete")) delete_everything(state, ctx.platform);
    state.rects.record_last_item("settings/delete-confirm");
    ImGui::SameLine();
    if (ImGui::Button("Keep my data")) state.confirm_delete = false;
}

void draw_credits(ScreenContext& ctx) {
    section(ctx, "Credits");
    const auto& manifest = ctx.state.bundle->manifest;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("Ratings: %s, by GroupLens Research. F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens "
                "Datasets: History and Context. ACM Transactions on Interactive Intelligent Systems 5, 4: 19.",
                manifest.dataset_name.c_str());
    ImGui::TextUnformatted("Overviews, runtimes and posters: TMDB. This product uses the TMDB API but is not endorsed "
                           "or certified by TMDB.");
    ImGui::TextColored(colors::text_muted, "%zu movies, model %s.", manifest.item_count, manifest.model_version.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_settings_screen(ScreenContext& ctx) {
    draw_privacy(ctx);
    draw_storage_settings(ctx);
    draw_data(ctx);
    draw_credits(ctx);
}

}  // namespace cinelocal::ui
