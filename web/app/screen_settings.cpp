// Settings and privacy: the language, poster consent, what the page has requested and from where,
// the visitor's data as files (export, restore, Letterboxd / IMDb import with a match report),
// delete everything, and the credits for the data.
#include "data_actions.h"
#include "icons.h"
#include "screens.h"
#include "text.h"
#include "visitor_language.h"

namespace cinelocal::ui {
namespace {

void section(ScreenContext& ctx, const char* title) {
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
}

// The language switch: "Automatic" follows the browser; each language is named in itself.
void draw_language(ScreenContext& ctx) {
    AppState& state = ctx.state;
    section(ctx, tr(Text::settings_language));
    const std::string& saved = state.profile.settings.language;
    const Language browser = browser_language(state.browser_languages.value_or(std::vector<std::string>{}));
    const std::string automatic = tr(Text::settings_language_automatic, {{"language", language_name(browser)}});
    const Language current = current_language();
    const bool follows_browser = saved != language_code(current);
    const float width = std::max(ctx.px(240), combo_width(automatic.c_str()));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, width));
    if (ImGui::BeginCombo("##language", follows_browser ? automatic.c_str() : language_name(current))) {
        if (ImGui::Selectable(automatic.c_str(), follows_browser)) choose_language(state, ctx.platform, "");
        state.rects.record_last_item("settings/language:auto", {.role = AccessRole::choice, .name = automatic, .checked = follows_browser});
        for (Language language : k_languages) {
            if (ImGui::Selectable(language_name(language), !follows_browser && language == current)) {
                choose_language(state, ctx.platform, language_code(language));
            }
            state.rects.record_last_item(std::string("settings/language:") + language_code(language),
                                         {.role = AccessRole::choice, .name = language_name(language),
                                          .checked = !follows_browser && language == current});
        }
        ImGui::EndCombo();
    }
    state.rects.record_last_item("settings/language",
                                 {.role = AccessRole::combobox,
                                  .name = tr(Text::settings_language) + std::string(": ") + (follows_browser ? automatic : language_name(current))});
    wrapped_muted(tr(Text::settings_language_hint));
}

void draw_privacy(ScreenContext& ctx) {
    AppState& state = ctx.state;
    section(ctx, tr(Text::privacy_title));
    wrapped_muted(tr(Text::privacy_body));
    if (ctx.platform.poster_consent && ctx.platform.set_poster_consent) {
        bool consent = ctx.platform.poster_consent() == PosterConsent::allowed;
        bool changed = ImGui::Checkbox("##posters", &consent);
        state.rects.record_last_item("settings/posters", {.role = AccessRole::checkbox, .name = tr(Text::posters_setting), .checked = consent});
        ImGui::SameLine();
        wrapped_text(tr(Text::posters_setting));  // a checkbox's own label would not wrap on a phone
        if (ImGui::IsItemClicked()) {             // the words toggle it, as a label does
            consent = !consent;
            changed = true;
        }
        if (changed) ctx.platform.set_poster_consent(consent);
        wrapped_muted(tr(Text::posters_setting_detail));
        const int failed = ctx.platform.poster_failures ? ctx.platform.poster_failures() : 0;
        if (consent && failed > 0) wrapped_muted(tr(Text::posters_failed, {{"count", failed}}).c_str());
    }
    if (!ctx.platform.request_counts_by_origin) return;
    ImGui::TextUnformatted(tr(Text::requests_by_origin));
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
    const std::string title = tr(watched ? Text::import_unrated_watched_title : Text::import_unrated_listed_title,
                                 {{"count", report.unrated.size()}});
    ImGui::TextColored(colors::accent, "%s", title.c_str());
    state.rects.record_last_item("import/unrated");
    wrapped_muted(tr(watched ? Text::import_unrated_watched_help : Text::import_unrated_listed_help));
    const std::pair<UnratedAction, Text> options[] = {
        {UnratedAction::seen, Text::import_unrated_seen},
        {UnratedAction::watchlist, Text::import_unrated_watchlist},
        {UnratedAction::skip, Text::import_unrated_skip},
    };
    for (const auto& [action, label] : options) {
        if (!unrated_action_offered(report, action)) continue;
        if (ImGui::RadioButton(tr(label), pending.unrated_action == action)) pending.unrated_action = action;
        state.rects.record_last_item(std::string("import/unrated:") +
                                         (action == UnratedAction::seen ? "seen" : action == UnratedAction::watchlist ? "watchlist" : "skip"),
                                     {.role = AccessRole::choice, .name = tr(label), .checked = pending.unrated_action == action});
    }
    if (ImGui::TreeNode("##unrated-films", "%s", tr(Text::import_unrated_list, {{"count", report.unrated.size()}}).c_str())) {
        for (const auto& row : report.unrated) {
            ImGui::Bullet();
            ImGui::TextUnformatted(tr(Text::import_row, {{"line", row.line}, {"film", row.title}}).c_str());
        }
        ImGui::TreePop();
    }
}

void draw_import_report(ScreenContext& ctx, PendingImport& pending) {
    AppState& state = ctx.state;
    const ImportReport& report = pending.report;
    const Catalogue& catalogue = state.bundle->catalogue;
    wrapped_text(tr(Text::import_summary, {{"file", report.file_name},
                                           {"format", tr(Message(import_format_key(report.format)))},
                                           {"count", report.rows}}));
    if (report.unrated.empty()) {
        wrapped_text(tr(Text::import_counts, {{"matched", report.matched.size()},
                                              {"ambiguous", report.ambiguous.size()},
                                              {"unmatched", report.unmatched.size()},
                                              {"duplicates", report.duplicates.size()},
                                              {"errors", report.errors.size()}}));
    } else {
        wrapped_text(tr(report.unrated_meaning == UnratedMeaning::watched ? Text::import_counts_watched_unrated
                                                                          : Text::import_counts_listed_unrated,
                        {{"matched", report.matched.size()},
                         {"ambiguous", report.ambiguous.size()},
                         {"unrated", report.unrated.size()},
                         {"unmatched", report.unmatched.size()},
                         {"duplicates", report.duplicates.size()},
                         {"errors", report.errors.size()}}));
    }
    auto film = [](const std::string& title, int year) {
        return year > 0 ? title + " (" + std::to_string(year) + ")" : title;
    };
    for (std::size_t i = 0; i < report.ambiguous.size(); ++i) {
        const auto& row = report.ambiguous[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextUnformatted(tr(Text::import_row, {{"line", row.line}, {"film", film(row.title, row.year)}}).c_str());
        ImGui::SameLine();
        auto candidate_name = [&](int c) {
            if (c < 0) return std::string(tr(Text::import_skip_row));
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
        state.rects.record_last_item("import/choice:" + std::to_string(row.line),
                                     {.role = AccessRole::combobox,
                                      .name = tr(Text::import_row, {{"line", row.line}, {"film", film(row.title, row.year)}}) + ": " +
                                              candidate_name(pending.choice[i])});
        ImGui::PopID();
    }
    ImGui::PushTextWrapPos(0.0f);
    draw_unrated_choice(ctx, pending);
    if (!report.unmatched.empty() && ImGui::TreeNode("##not-found", "%s", tr(Text::import_not_found_title))) {
        for (const auto& row : report.unmatched) {
            ImGui::Bullet();
            ImGui::TextUnformatted(tr(Text::import_not_found_row, {{"line", row.line},
                                                                    {"film", film(row.title, row.year)},
                                                                    {"reason", tr(Message(unmatched_reason_key(row.reason)))}})
                                       .c_str());
        }
        ImGui::TreePop();
    }
    if (!report.errors.empty() && ImGui::TreeNode("##unreadable", "%s", tr(Text::import_unreadable_title))) {
        for (const auto& error : report.errors) {
            ImGui::Bullet();
            ImGui::TextUnformatted(
                tr(Text::import_unreadable_row, {{"line", error.line}, {"column", error.field}, {"problem", tr(error.said)}})
                    .c_str());
        }
        ImGui::TreePop();
    }
    ImGui::PopTextWrapPos();
    std::size_t chosen = 0;
    for (int c : pending.choice) chosen += c >= 0 ? 1 : 0;
    std::string add = tr(Text::import_add, {{"count", report.matched.size() + chosen}});
    if (!report.unrated.empty() && pending.unrated_action != UnratedAction::skip) {
        add = tr(pending.unrated_action == UnratedAction::seen ? Text::import_add_and_mark_seen
                                                               : Text::import_add_and_watchlist,
                 {{"add", add}, {"count", report.unrated.size()}});
    }
    if (ImGui::Button(add.c_str())) confirm_import(state, ctx.platform);
    state.rects.record_last_item("import/confirm", {.name = add});
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::import_cancel))) cancel_import(state);
    state.rects.record_last_item("import/cancel", {.name = tr(Text::import_cancel)});
}

void draw_data(ScreenContext& ctx) {
    AppState& state = ctx.state;
    section(ctx, tr(Text::data_title));
    const std::string export_label = std::string(icons::download) + "  " + tr(Text::data_export);
    const std::string restore_label = std::string(icons::upload) + "  " + tr(Text::data_restore);
    const std::string import_label = std::string(icons::upload) + "  " + tr(Text::data_import);
    if (ImGui::Button(export_label.c_str())) export_data(state, ctx.platform);
    state.rects.record_last_item("settings/export", {.name = tr(Text::data_export)});
    same_line_if_fits(restore_label.c_str());
    if (ImGui::Button(restore_label.c_str()) && ctx.platform.open_file) ctx.platform.open_file(FilePurpose::import_backup);
    state.rects.record_last_item("settings/restore", {.name = tr(Text::data_restore)});
    same_line_if_fits(import_label.c_str());
    if (ImGui::Button(import_label.c_str()) && ctx.platform.open_file) ctx.platform.open_file(FilePurpose::import_ratings);
    state.rects.record_last_item("settings/import", {.name = tr(Text::data_import)});
    wrapped_muted(tr(Text::data_import_help));
    if (state.pending_import) draw_import_report(ctx, *state.pending_import);
    if (!state.import_message.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(colors::accent, "%s", state.import_message.c_str());
        ImGui::PopTextWrapPos();
    }

    ImGui::Spacing();
    if (!state.confirm_delete) {
        if (ImGui::Button((std::string(icons::trash) + "  " + tr(Text::delete_everything)).c_str())) state.confirm_delete = true;
        state.rects.record_last_item("settings/delete", {.name = tr(Text::delete_everything)});
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(colors::error, "%s",
                       tr(Text::delete_question, {{"ratings", state.profile.ratings().size()},
                                                  {"watchlist", state.profile.watchlist().size()}})
                           .c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr(Text::delete_yes))) delete_everything(state, ctx.platform);
    state.rects.record_last_item("settings/delete-confirm", {.name = tr(Text::delete_yes)});
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::delete_keep))) state.confirm_delete = false;
}

void draw_credits(ScreenContext& ctx) {
    section(ctx, tr(Text::credits_title));
    const auto& manifest = ctx.state.bundle->manifest;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(Text::credits_ratings, {{"dataset", manifest.dataset_name}}).c_str());
    ImGui::TextUnformatted(tr(Text::credits_tmdb));
    ImGui::TextColored(colors::text_muted, "%s",
                       tr(Text::credits_bundle, {{"count", manifest.item_count}, {"model", manifest.model_version}}).c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_settings_screen(ScreenContext& ctx) {
    draw_language(ctx);
    draw_privacy(ctx);
    draw_storage_settings(ctx);
    draw_data(ctx);
    draw_credits(ctx);
}

}  // namespace cinelocal::ui
