#include "describe_search.h"

#include "app_actions.h"
#include "cinelocal/filters.h"
#include "text.h"

namespace cinelocal::ui {
namespace {

constexpr std::size_t k_describe_results = 20;
constexpr double k_text_settled_ms = 800.0;  // longer than the pause between two typed letters

// The visitor's taste for every film with vectors, once the tower has answered; empty before.
std::vector<float> taste_scores(const AppState& state) {
    std::vector<float> scores;
    if (state.user_vector.empty() || !score_all_items(state.bundle->item_table, state.user_vector, scores)) scores.clear();
    return scores;
}

void rank(AppState& state) {
    auto& describe = state.describe;
    const auto taste = taste_scores(state);
    const auto excluded = excluded_items(state.bundle->catalogue, state.profile, visitor_filters(state));
    describe.results = fuse_description_ranks({describe.lexical, describe.learned, taste}, excluded, k_describe_results);
    describe.ranked_at_version = state.for_you_version;
}

void ask_model(AppState& state, Platform& platform) {
    auto& describe = state.describe;
    const auto& tokenizer = describe.index->tokenizer();
    auto terms = tokenizer.encode_terms(describe.described);
    auto ids = tokenizer.model_input(terms.ids, tokenizer.max_tokens());
    describe.awaiting_model = !describe.model_ready || !platform.request_text_embedding;
    if (ids.empty() || describe.awaiting_model) return;  // the words alone answer
    describe.request_id = state.requests.start(RequestKind::text_query);  // ids by kind: one registry
    platform.request_text_embedding(describe.request_id, ids);
}

}  // namespace

void load_describe_index(AppState& state, const FileBytes& files) {
    if (!files.count(k_content_vocab_file) && !files.count(k_text_index_file)) return;
    auto index = DescriptionIndex::load(files, state.bundle ? state.bundle->catalogue.size() : 0);
    if (!index) {
        state.notices.push_back(tr(Text::describe_index_failed, {{"reason", tr(index.error())}}));
        describe_files_failed(state, tr(index.error()));
        return;
    }
    state.describe.index = std::move(index).value();
    state.describe.load_problem.clear();
    state.describe.described.clear();  // the text typed while it loaded is ranked now
}

bool describe_available(const AppState& state) {
    if (state.describe.index) return true;
    if (!state.manifest) return false;
    const auto& files = state.manifest->files;
    return files.count(k_content_vocab_file) && files.count(k_text_index_file);
}

void want_describe_index(AppState& state, Platform& platform) {
    auto& describe = state.describe;
    if (describe.index || describe.index_requested || !state.bundle || !describe_available(state)) return;
    if (!platform.load_describe_files) return;  // no page to ask: the files come with the rest
    describe.index_requested = true;
    describe.load_problem.clear();
    platform.load_describe_files();
}

void describe_files_failed(AppState& state, const std::string& message) {
    state.describe.index_requested = false;  // "Try again" may ask once more
    state.describe.load_problem = message;
}

void run_describe(AppState& state, Platform& platform) {
    auto& describe = state.describe;
    // A failure waits for "Try again": it is not asked again each frame.
    if ((describe.active || describe.index_wanted) && describe.load_problem.empty()) want_describe_index(state, platform);
    if (!describe.active || !describe.index || !state.bundle) return;
    if (describe.described == state.query) {
        if (describe.awaiting_model && describe.model_ready) ask_model(state, platform);
        // A rating, a "not interested" mark or a filter changed For you: the same text ranks again.
        if (!describe.lexical.empty() && describe.ranked_at_version != state.for_you_version) rank(state);
        return;
    }
    describe.described = state.query;
    describe.results.clear();
    describe.lexical.clear();
    describe.learned.clear();
    state.requests.cancel(RequestKind::text_query);  // an answer for the earlier text is stale now
    describe.request_id = 0;
    auto terms = describe.index->tokenizer().encode_terms(describe.described);
    describe.problem = tr(text_problem_said(terms.problem));
    describe.unknown_words = std::move(terms.unknown_words);
    describe.described_at_ms = platform.now_ms ? platform.now_ms() : 0.0;
    describe.awaiting_model = false;
    if (terms.problem != TextProblem::none) return;
    describe.lexical = describe.index->lexical_scores(state.bundle->catalogue, terms.ids);
    rank(state);
    ask_model(state, platform);
}

bool unknown_words_due(const AppState& state, const Platform& platform) {
    const auto& describe = state.describe;
    if (describe.unknown_words.empty()) return false;
    return !platform.now_ms || platform.now_ms() - describe.described_at_ms >= k_text_settled_ms;
}

void on_text_embedding(AppState& state, int request_id, std::span<const float> embedding) {
    auto& describe = state.describe;
    if (!state.requests.is_current(RequestKind::text_query, request_id) || request_id != describe.request_id ||
        !state.bundle || describe.lexical.empty()) {
        return;  // the text changed since
    }
    state.requests.finish(request_id);
    if (auto status = score_all_items(state.bundle->item_table, embedding, describe.learned); !status) {
        describe.learned.clear();
        describe.problem = tr(Text::describe_answer_unusable, {{"reason", tr(status.error())}});
        return;
    }
    rank(state);
}

void on_text_embedding_failed(AppState& state, int request_id, const std::string& message) {
    if (!state.requests.is_current(RequestKind::text_query, request_id)) return;
    state.requests.finish(request_id);
    state.describe.problem = tr(Text::describe_model_failed, {{"reason", message}});
}

}  // namespace cinelocal::ui
