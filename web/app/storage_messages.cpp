// What the visitor is told about browser storage: a save that failed (quota, blocked), storage
// nearly full, the backup offer after the 10th rating and every 50 more (above every screen), and
// in Settings what a refused navigator.storage.persist() means. Each offers the backup file.
#include "data_actions.h"
#include "icons.h"
#include "profile_store.h"
#include "screens.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

std::string backup_label() { return std::string(icons::download) + "  " + tr(Text::storage_backup); }

// A coloured paragraph that wraps inside the content area, then the backup button (and, when
// `dismiss_label` is given, a second button); returns which was pressed: 1 backup, 2 dismiss.
int storage_message(ScreenContext& ctx, const std::string& id, ImVec4 color, const std::string& text,
                    const char* dismiss_label = nullptr) {
    AppState& state = ctx.state;
    ImGui::PushID(id.c_str());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
    ImGui::TextColored(color, "%s %s", icons::info, text.c_str());
    ImGui::PopTextWrapPos();
    int pressed = 0;
    if (ImGui::Button(backup_label().c_str())) pressed = 1;
    state.rects.record_last_item(id + "/backup", {.name = text + " " + tr(Text::storage_backup)});
    if (dismiss_label) {
        ImGui::SameLine();
        if (ImGui::Button(dismiss_label)) pressed = 2;
        state.rects.record_last_item(id + "/dismiss", {.name = dismiss_label});
    }
    ImGui::PopID();
    ImGui::Spacing();
    return pressed;
}

}  // namespace

void draw_storage_messages(ScreenContext& ctx) {
    AppState& state = ctx.state;
    const StorageStatus& storage = state.storage;
    if (!storage.problem.empty() && storage_message(ctx, "storage-problem", colors::error, storage.problem) == 1) {
        export_data(state, ctx.platform);
    }
    if (!storage.quota_warning.empty() && storage.problem.empty() &&
        storage_message(ctx, "storage-quota", colors::accent, storage.quota_warning) == 1) {
        export_data(state, ctx.platform);
    }
    if (!backup_offer_due(state)) return;
    const std::string offer = tr(Text::storage_backup_offer, {{"count", state.profile.ratings().size()}});
    const int pressed = storage_message(ctx, "backup-offer", ImGui::GetStyleColorVec4(ImGuiCol_Text), offer,
                                        tr(Text::storage_not_now));
    if (pressed == 1) export_data(state, ctx.platform);
    if (pressed != 0) answer_backup_offer(state, ctx.platform);
}

void draw_storage_settings(ScreenContext& ctx) {
    AppState& state = ctx.state;
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(tr(Text::storage_keeping_title));
    ImGui::PopFont();
    switch (state.storage.persistence) {
        case Persistence::granted:
            wrapped_muted(tr(Text::storage_persistence_granted));
            break;
        case Persistence::refused:
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(colors::accent, "%s", tr(Text::storage_persistence_refused));
            ImGui::PopTextWrapPos();
            state.rects.record_last_item("settings/persistence-refused");
            break;
        case Persistence::unknown:
            wrapped_muted(tr(Text::storage_persistence_unknown));
            break;
    }
    if (ImGui::Button(backup_label().c_str())) export_data(state, ctx.platform);
    state.rects.record_last_item("settings/backup", {.name = tr(Text::storage_backup)});
}

}  // namespace cinelocal::ui
