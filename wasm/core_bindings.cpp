// Embind bindings of the core for JavaScript (Node tests, workers): a verified bundle, scoring
// and top-k, title search. Errors come back as {ok: false, error, message}; never as exceptions.
#include <emscripten.h>
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "cinelocal/bundle.h"
#include "cinelocal/describe_rank.h"
#include "cinelocal/text_tokenizer.h"
#include "cinelocal/title_search.h"
#include "typed_array.h"

namespace {

using emscripten::val;
using namespace cinelocal;

using wasm::copy_typed_array;

val error_value(const Error& error) {
    val result = val::object();
    result.set("ok", false);
    result.set("error", std::string(error_code_name(error.code)));
    result.set("message", error.message);
    return result;
}

val ok_value() {
    val result = val::object();
    result.set("ok", true);
    return result;
}

class CoreBundle {
public:
    val setManifest(const std::string& json_text) {
        auto manifest = parse_manifest(json_text);
        if (!manifest) return error_value(manifest.error());
        manifest_ = std::move(manifest).value();
        return ok_value();
    }

    void addFile(const std::string& name, const val& bytes) { files_[name] = copy_typed_array<std::uint8_t>(bytes); }

    val assemble() {
        if (!manifest_) return error_value({ErrorCode::not_loaded, "setManifest first"});
        // Node callers hand over the whole bundle at once, so every file is checked, as the CLI does.
        if (auto status = verify_every_file(*manifest_, files_); !status) return error_value(status.error());
        auto bundle = Bundle::assemble(*manifest_, files_);
        if (!bundle) return error_value(bundle.error());
        bundle_ = std::move(bundle).value();
        search_ = std::make_unique<TitleSearch>(bundle_->catalogue);
        if (files_.count(k_text_index_file)) {
            auto index = DescriptionIndex::load(files_, bundle_->catalogue.size());
            if (!index) return error_value(index.error());
            describe_ = std::move(index).value();
        }
        files_.clear();
        return ok_value();
    }

    // "Describe it" ranked as the app ranks it (web/app/describe_search.cpp): mode "words" (the
    // lexical index alone), "model" (the content model's vector, a Float32Array from ONNX Runtime,
    // against the item table alone) or "fused". weights: {popularityPrior, learnedWeight} or
    // undefined for the app's. -> {ok, indices: Int32Array} best first, no film excluded.
    val describe(const std::string& text, const val& embedding, int k, const std::string& mode, const val& weights) const {
        if (!bundle_ || !describe_) return error_value({ErrorCode::not_loaded, "assemble a bundle with text_index.bin first"});
        DescribeWeights w;
        if (!weights.isUndefined()) {
            w.popularity_prior = weights["popularityPrior"].as<float>();
            w.learned_weight = weights["learnedWeight"].as<float>();
        }
        auto terms = describe_->tokenizer().encode_terms(text);
        if (terms.problem != TextProblem::none) {
            return error_value({ErrorCode::invalid_format, text_problem_name(terms.problem)});
        }
        std::vector<float> lexical = describe_->lexical_scores(bundle_->catalogue, terms.ids, w), learned;
        if (mode != "words") {
            if (auto status = score_all_items(bundle_->item_table, copy_typed_array<float>(embedding), learned); !status) {
                return error_value(status.error());
            }
        }
        if (mode == "model") lexical.clear();
        auto top = fuse_description_ranks({lexical, learned, {}}, {}, std::size_t(std::max(k, 0)),
                                          mode == "model" ? DescribeWeights{w.popularity_prior, w.rank_constant, 1.0f} : w);
        std::vector<std::int32_t> indices;
        for (const auto& item : top) indices.push_back(item.index);
        val result = ok_value();
        result.set("indices", val::global("Int32Array").new_(val(emscripten::typed_memory_view(indices.size(), indices.data()))));
        return result;
    }

    // The content model's input for a text (the ids the app sends to ONNX Runtime); empty when none.
    val describeModelInput(const std::string& text) const {
        std::vector<std::int32_t> ids;
        if (describe_) {
            const auto& tokenizer = describe_->tokenizer();
            ids = tokenizer.model_input(tokenizer.encode_terms(text).ids, tokenizer.max_tokens());
        }
        return val::global("Int32Array").new_(val(emscripten::typed_memory_view(ids.size(), ids.data())));
    }

    // Microseconds per describe-it ranking inside wasm (tokenise, BM25, score the model's vector,
    // fuse, top 20), the mean of `repeats` runs: the app's work after each typed description.
    double describeMicros(const std::string& text, const val& embedding, int repeats) const {
        if (!bundle_ || !describe_) return -1.0;
        const auto vector = copy_typed_array<float>(embedding);
        const double start = emscripten_get_now();
        for (int r = 0; r < repeats; ++r) {
            auto terms = describe_->tokenizer().encode_terms(text);
            auto lexical = describe_->lexical_scores(bundle_->catalogue, terms.ids);
            std::vector<float> learned;
            (void)score_all_items(bundle_->item_table, vector, learned);
            (void)fuse_description_ranks({lexical, learned, {}}, {}, 20);
        }
        return (emscripten_get_now() - start) * 1000.0 / std::max(repeats, 1);
    }

    int itemCount() const { return bundle_ ? int(bundle_->catalogue.size()) : 0; }

    // The k best item indices for a user vector, skipping the given item indices.
    val topItems(const val& user_vector, const val& skipped_indices, int k) const {
        if (!bundle_) return error_value({ErrorCode::not_loaded, "assemble the bundle first"});
        auto user = copy_typed_array<float>(user_vector);
        std::vector<float> scores;
        if (auto status = score_all_items(bundle_->item_table, user, scores); !status) return error_value(status.error());
        std::vector<bool> excluded(scores.size(), false);
        for (std::int32_t index : copy_typed_array<std::int32_t>(skipped_indices)) {
            if (index < 0 || std::size_t(index) >= excluded.size()) {
                return error_value({ErrorCode::unknown_movie, "item index " + std::to_string(index) + " is out of range"});
            }
            excluded[std::size_t(index)] = true;
        }
        auto top = top_k(scores, std::size_t(std::max(k, 0)), excluded);
        std::vector<std::int32_t> indices;
        std::vector<float> top_scores;
        for (const auto& item : top) {
            indices.push_back(item.index);
            top_scores.push_back(item.score);
        }
        val result = ok_value();
        result.set("indices", val::global("Int32Array").new_(val(emscripten::typed_memory_view(indices.size(), indices.data()))));
        result.set("scores", val::global("Float32Array").new_(val(emscripten::typed_memory_view(top_scores.size(), top_scores.data()))));
        return result;
    }

    val movie(int index) const {
        if (!bundle_ || index < 0 || std::size_t(index) >= bundle_->catalogue.size()) {
            return error_value({ErrorCode::unknown_movie, "no movie at index " + std::to_string(index)});
        }
        const Movie& m = bundle_->catalogue.movie(index);
        val result = ok_value();
        result.set("id", m.id);
        result.set("title", m.title);
        result.set("year", m.year);
        result.set("genres", bundle_->catalogue.genres_text(index));
        return result;
    }

    val search(const std::string& query, int limit) const {
        val ids = val::array();
        if (!search_) return ids;
        for (ItemIndex index : search_->find(query, std::size_t(std::max(limit, 0)))) {
            ids.call<void>("push", bundle_->catalogue.movie(index).id);
        }
        return ids;
    }

private:
    std::optional<Manifest> manifest_;
    FileBytes files_;
    std::optional<Bundle> bundle_;
    std::unique_ptr<TitleSearch> search_;
    std::optional<DescriptionIndex> describe_;
};

// The core's scan alone, for benchmarks against plain JavaScript and ONNX Runtime Web on the
// same table: setTable once, then scoreInto(user, out) as often as needed.
class ScanBench {
public:
    void setTable(const val& values, const val& scales, int dim) {
        auto v = copy_typed_array<std::int8_t>(values);
        table_ = ItemTable::from_values(std::move(v), copy_typed_array<float>(scales), std::size_t(dim));
    }
    // Scores all items, keeps the top k (best first) and returns their indices as an Int32Array.
    val topK(const val& user_vector, int k) {
        user_ = copy_typed_array<float>(user_vector);
        if (auto status = score_all_items(table_, user_, scores_); !status) return error_value(status.error());
        auto top = top_k(scores_, std::size_t(std::max(k, 0)), {});
        indices_.clear();
        for (const auto& item : top) indices_.push_back(item.index);
        // One copy into a new Int32Array: far cheaper than one JS call per index.
        return val::global("Int32Array").new_(val(emscripten::typed_memory_view(indices_.size(), indices_.data())));
    }
    // Scores only (no selection), timed inside wasm over `repeats` runs: microseconds per run.
    double scanMicros(const val& user_vector, int repeats) {
        user_ = copy_typed_array<float>(user_vector);
        const double start = emscripten_get_now();
        for (int r = 0; r < repeats; ++r) (void)score_all_items(table_, user_, scores_);
        return (emscripten_get_now() - start) * 1000.0 / std::max(repeats, 1);
    }

private:
    ItemTable table_ = ItemTable::from_values({}, {}, 1);
    std::vector<float> user_, scores_;
    std::vector<std::int32_t> indices_;
};

// The content model's tokenizer: parse(content_vocab.json text) once, then encode(text, maxTokens)
// -> {ok: true, ids: Int32Array} or {ok: false, error: 'invalid_utf8' | 'empty_text' | 'no_known_words'}.
class TextTokenizerBinding {
public:
    val parse(const std::string& vocab_json) {
        auto tokenizer = TextTokenizer::parse(vocab_json);
        if (!tokenizer) return error_value(tokenizer.error());
        tokenizer_ = std::move(tokenizer).value();
        return ok_value();
    }
    val encode(const std::string& text, int max_tokens) const {
        if (!tokenizer_) return error_value({ErrorCode::not_loaded, "parse content_vocab.json first"});
        auto encoded = tokenizer_->encode_checked(text, std::size_t(std::max(max_tokens, 0)));
        if (encoded.problem != TextProblem::none) {
            val result = val::object();
            result.set("ok", false);
            result.set("error", std::string(text_problem_name(encoded.problem)));
            result.set("message", std::string(text_problem_message(encoded.problem)));
            return result;
        }
        val result = ok_value();
        result.set("ids", val::global("Int32Array").new_(val(emscripten::typed_memory_view(encoded.ids.size(), encoded.ids.data()))));
        return result;
    }
    int maxTokens() const { return tokenizer_ ? int(tokenizer_->max_tokens()) : 0; }

private:
    std::optional<TextTokenizer> tokenizer_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(cinelocal_core) {
    emscripten::class_<TextTokenizerBinding>("TextTokenizer")
        .constructor<>()
        .function("parse", &TextTokenizerBinding::parse)
        .function("encode", &TextTokenizerBinding::encode)
        .function("maxTokens", &TextTokenizerBinding::maxTokens);
    emscripten::class_<ScanBench>("ScanBench")
        .constructor<>()
        .function("setTable", &ScanBench::setTable)
        .function("topK", &ScanBench::topK)
        .function("scanMicros", &ScanBench::scanMicros);
    emscripten::class_<CoreBundle>("CoreBundle")
        .constructor<>()
        .function("setManifest", &CoreBundle::setManifest)
        .function("addFile", &CoreBundle::addFile)
        .function("assemble", &CoreBundle::assemble)
        .function("itemCount", &CoreBundle::itemCount)
        .function("topItems", &CoreBundle::topItems)
        .function("movie", &CoreBundle::movie)
        .function("search", &CoreBundle::search)
        .function("describe", &CoreBundle::describe)
        .function("describeModelInput", &CoreBundle::describeModelInput)
        .function("describeMicros", &CoreBundle::describeMicros);
}
