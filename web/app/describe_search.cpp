#include "describe_search.h"

#include "app_actions.h"

namespace cinelocal::ui {

void load_describe_tokenizer(AppState& state, const FileBytes& files) {
    auto vocab = files.find(k_content_vocab_file);
    if (vocab == files.end()) return;
    auto tokenizer = TextTokenizer::parse(std::string_view(reinterpret_cast<const char*>(vocab->second.data()), vocab->second.size()));
    if (!tokenizer) {
        state.notices.push_back(std::string(k_content_vocab_file) + " could not be read (" + tokenizer.error().message +
                                "): \"describe it\" search is off. Title search and recommendations work.");
        return;
    }
    state.describe.tokenizer = std::move(tokenizer).value();
}

bool describe_available(const AppState& state) { return state.describe.tokenizer.has_value(); }

void run_describe(AppState& state, Platform& platform) {
    auto& describe = state.describe;
    if (!describe.active || !describe.tokenizer || describe.described == state.query) return;
    describe.described = state.query;
    describe.results.clear();
    auto encoded = describe.tokenizer->encode_checked(describe.described, describe.tokenizer->max_tokens());
    describe.problem = text_problem_message(encoded.problem);
    if (encoded.problem != TextProblem::none) return;
    if (!describe.model_ready || !platform.request_text_embedding) {
        describe.problem = "The description model is still loading.";
        describe.described.clear();  // try again on a later frame
        return;
    }
    describe.request_id = state.requests.start(RequestKind::text_query);  // ids by kind: one registry
    platform.request_text_embedding(describe.request_id, encoded.ids);
}

void on_text_embedding(AppState& state, int request_id, std::span<const float> embedding) {
    auto& describe = state.describe;
    if (request_id != describe.request_id || !state.bundle) return;  // the text changed since
    RecommendOptions options;
    options.rerank.diversity_lambda = 1.0f;  // the closest matches, in order
    options.filters = visitor_filters(state);  // no "not interested" film, the genre and year filters kept
    auto top = recommend(*state.bundle, embedding, state.profile, 20, options);
    if (!top) {
        describe.problem = "The description could not be matched: " + top.error().message;
        return;
    }
    describe.results = std::move(top).value();
}

void on_text_embedding_failed(AppState& state, int request_id, const std::string& message) {
    if (request_id != state.describe.request_id) return;
    state.describe.problem = "The description model failed: " + message + ". Title search still works.";
}

}  // namespace cinelocal::ui
