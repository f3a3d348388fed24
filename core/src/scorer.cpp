#include "cinelocal/scorer.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace cinelocal {

void score_rows(const std::int8_t* rows, const float* scales, std::size_t n, std::size_t d, const float* user,
                float* out) {
    // The table streams through once, row after row; the inner loop is plain so that the compiler
    // vectorises it (SSE/AVX natively, WASM SIMD with -msimd128), four rows per step.
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const std::int8_t* r0 = rows + i * d;
        const std::int8_t* r1 = r0 + d;
        const std::int8_t* r2 = r1 + d;
        const std::int8_t* r3 = r2 + d;
        float a0 = 0.0f, a1 = 0.0f, a2 = 0.0f, a3 = 0.0f;
        for (std::size_t j = 0; j < d; ++j) {
            a0 += float(r0[j]) * user[j];
            a1 += float(r1[j]) * user[j];
            a2 += float(r2[j]) * user[j];
            a3 += float(r3[j]) * user[j];
        }
        out[i] = a0 * scales[i];
        out[i + 1] = a1 * scales[i + 1];
        out[i + 2] = a2 * scales[i + 2];
        out[i + 3] = a3 * scales[i + 3];
    }
    for (; i < n; ++i) {
        const std::int8_t* r = rows + i * d;
        float a = 0.0f;
        for (std::size_t j = 0; j < d; ++j) a += float(r[j]) * user[j];
        out[i] = a * scales[i];
    }
}

Status score_all_items(const ItemTable& table, std::span<const float> user, std::vector<float>& scores) {
    if (user.size() != table.dim()) {
        return make_error(ErrorCode::dimension_mismatch, "user vector has " + std::to_string(user.size()) +
                                                             " values, the item table " +
                                                             std::to_string(table.dim()));
    }
    for (float v : user) {
        if (!std::isfinite(v)) return make_error(ErrorCode::invalid_format, "user vector is not finite");
    }
    const std::size_t n = table.item_count(), d = table.dim();
    scores.resize(n);
    score_rows(table.row(0).data(), table.scales().data(), n, d, user.data(), scores.data());
    return Ok{};
}

std::vector<ScoredItem> top_k(std::span<const float> scores, std::size_t k, const std::vector<bool>& excluded) {
    // One pass with a bounded heap whose front is the worst kept item: O(n log k), no full sort.
    auto better = [](const ScoredItem& a, const ScoredItem& b) {
        return a.score != b.score ? a.score > b.score : a.index < b.index;
    };
    std::vector<ScoredItem> heap;
    if (k == 0) return heap;
    heap.reserve(k + 1);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (i < excluded.size() && excluded[i]) continue;
        ScoredItem item{static_cast<ItemIndex>(i), scores[i]};
        if (heap.size() < k) {
            heap.push_back(item);
            std::push_heap(heap.begin(), heap.end(), better);
        } else if (better(item, heap.front())) {
            std::pop_heap(heap.begin(), heap.end(), better);
            heap.back() = item;
            std::push_heap(heap.begin(), heap.end(), better);
        }
    }
    std::sort_heap(heap.begin(), heap.end(), better);
    return heap;
}

}  // namespace cinelocal
