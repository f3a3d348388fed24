#include "cinelocal/describe_rank.h"

#include <algorithm>
#include <cmath>

namespace cinelocal {
namespace {

std::string_view as_text(const std::vector<std::uint8_t>& bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// rank[i] (1 = best) of the entries with a score; 0 for the rest (score <= 0 when only_positive).
std::vector<std::uint32_t> ranks_of(std::span<const float> scores, bool only_positive) {
    std::vector<std::int32_t> order;
    order.reserve(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (!only_positive || scores[i] > 0.0f) order.push_back(std::int32_t(i));
    }
    std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) { return scores[a] > scores[b]; });
    std::vector<std::uint32_t> rank(scores.size(), 0);
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = std::uint32_t(r + 1);
    return rank;
}

}  // namespace

Result<DescriptionIndex> DescriptionIndex::load(const FileBytes& files, std::size_t catalogue_size) {
    auto vocab = files.find(k_content_vocab_file);
    auto index = files.find(k_text_index_file);
    if (vocab == files.end() || index == files.end()) {
        return make_error(ErrorCode::not_loaded, "the bundle has no describe-it index");
    }
    auto tokenizer = TextTokenizer::parse(as_text(vocab->second));
    if (!tokenizer) return tokenizer.error();
    auto text_index = TextIndex::parse(index->second, catalogue_size, std::size_t(tokenizer.value().id_count()));
    if (!text_index) return text_index.error();
    return DescriptionIndex(std::move(tokenizer).value(), std::move(text_index).value());
}

std::vector<float> DescriptionIndex::lexical_scores(const Catalogue& catalogue, std::span<const std::int32_t> terms,
                                                    const DescribeWeights& weights) const {
    auto scores = index_.bm25(terms);
    for (std::size_t i = 0; i < scores.size() && i < catalogue.size(); ++i) {
        if (scores[i] > 0.0f) {
            scores[i] += weights.popularity_prior * std::log1p(float(catalogue.movie(ItemIndex(i)).positives));
        }
    }
    return scores;
}

std::vector<ScoredItem> fuse_description_ranks(const DescribeLists& lists, const std::vector<bool>& excluded,
                                               std::size_t k, const DescribeWeights& weights) {
    const std::size_t n = std::max({lists.lexical.size(), lists.learned.size(), lists.taste.size()});
    std::vector<float> fused(n, 0.0f);
    std::vector<bool> listed(n, false);
    const auto add = [&](std::span<const float> scores, bool only_positive, float weight) {
        if (scores.empty() || weight <= 0.0f) return;
        const auto rank = ranks_of(scores, only_positive);
        for (std::size_t i = 0; i < rank.size(); ++i) {
            if (rank[i] == 0) continue;
            fused[i] += weight / (weights.rank_constant + float(rank[i]));
            listed[i] = true;
        }
    };
    add(lists.lexical, /*only_positive=*/true, 1.0f);
    add(lists.learned, false, weights.learned_weight);
    // Taste only reorders films a description already brought up: alone it would rank every film.
    std::vector<bool> described = listed;
    add(lists.taste, false, weights.taste_weight);
    std::vector<bool> skip(n, false);
    for (std::size_t i = 0; i < n; ++i) skip[i] = !described[i] || (i < excluded.size() && excluded[i]);
    return top_k(fused, k, skip);
}

}  // namespace cinelocal
