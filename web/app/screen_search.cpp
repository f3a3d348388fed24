// Search: titles as you type (typos forgiven), or "describe it": the film in your own words,
// matched by the content model. Typing never rates anything; the stars do.
#include "describe_search.h"
#include "icons.h"
#include "screens.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

void draw_mode_switch(ScreenContext& ctx) {
    AppState& state = ctx.state;
    int mode = state.describe.active ? 1 : 0;
    bool changed = ImGui::RadioButton(tr(Text::search_mode_titles), &mode, 0);
    state.rects.record_last_item("search/titles", {.role = AccessRole::choice, .name = tr(Text::search_mode_titles), .checked = mode == 0});
    if (describe_available(state)) {
        ImGui::SameLine();
        changed |= ImGui::RadioButton(tr(Text::search_mode_describe), &mode, 1);
        state.rects.record_last_item("search/describe",
                                     {.role = AccessRole::choice, .name = tr(Text::search_mode_describe), .checked = mode == 1});
    }
    if (!changed) return;
    state.describe.active = mode == 1;
    state.describe.described.clear();  // run the current text in the new mode
    state.focus_search = true;
}

// The index loads on first use: a line while it comes, the reason and "Try again" if it failed.
bool draw_index_loading(ScreenContext& ctx) {
    auto& describe = ctx.state.describe;
    if (describe.index) return false;
    if (describe.load_problem.empty()) {
        wrapped_muted(tr(Text::describe_loading));
        return true;
    }
    wrapped_text(tr(Text::describe_load_failed, {{"reason", describe.load_problem}}));
    if (ImGui::Button(tr(Text::describe_try_again))) describe.load_problem.clear();  // the next frame asks again
    ctx.state.rects.record_last_item("describe/try-again", {.role = AccessRole::button, .name = tr(Text::describe_try_again)});
    return true;
}

void draw_described(ScreenContext& ctx) {
    AppState& state = ctx.state;
    const auto& describe = state.describe;
    if (draw_index_loading(ctx)) return;
    if (describe.described.empty()) {
        wrapped_muted(tr(Text::describe_intro));
        return;
    }
    if (!describe.problem.empty()) wrapped_muted(describe.problem.c_str());
    if (unknown_words_due(state, ctx.platform)) {  // like a search engine's "Missing:", so the visitor may rephrase
        constexpr std::size_t k_named = 8;     // a pasted paragraph would name dozens
        std::string words;
        for (std::size_t i = 0; i < describe.unknown_words.size() && i < k_named; ++i) {
            words += (i ? ", " : "") + describe.unknown_words[i];
        }
        if (describe.unknown_words.size() > k_named) words += ", …";
        wrapped_muted(tr(Text::describe_unknown_words, {{"words", words}}).c_str());
    }
    if (describe.results.empty()) {
        if (describe.problem.empty()) wrapped_muted(tr(Text::describe_no_match));
        return;
    }
    wrapped_text(tr(Text::describe_results_title, {{"text", describe.described}}));
    movie_grid(ctx, "described", describe.results, {}, 150.0f);
}

}  // namespace

void draw_search_screen(ScreenContext& ctx) {
    AppState& state = ctx.state;
    draw_mode_switch(ctx);
    if (state.describe.active) {
        draw_described(ctx);
        return;
    }
    if (state.searched_query.empty()) {
        wrapped_muted(tr(Text::search_intro));
        return;
    }
    wrapped_text(tr(Text::search_results_title, {{"query", state.searched_query}}));
    ImGui::Separator();
    if (state.search_results.empty()) {
        ImGui::TextColored(colors::text_muted, "%s", tr(Text::search_no_match));
        return;
    }
    const auto results = state.search_results;  // a copy: rating a row may change the state
    for (ItemIndex index : results) movie_row(ctx, "search", index);
}

}  // namespace cinelocal::ui
