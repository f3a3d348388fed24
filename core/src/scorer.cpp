#include "cinelocal/scorer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>  // the compiler's SIMD intrinsics (not an Emscripten API)
#endif

namespace cinelocal {
namespace {

// Exact int8 x int16 dot product with int32 sums.
inline std::int32_t dot_int8_int16(const std::int8_t* row, const std::int16_t* user, std::size_t d) {
    std::int32_t sum = 0;
    std::size_t j = 0;
#if defined(__wasm_simd128__)
    // LLVM 14 does not vectorise the loop below for WASM: 8 products per i32x4.dot_i16x8.
    v128_t acc = wasm_i32x4_splat(0);
    for (; j + 8 <= d; j += 8) {
        acc = wasm_i32x4_add(acc, wasm_i32x4_dot_i16x8(wasm_i16x8_load8x8(row + j), wasm_v128_load(user + j)));
    }
    sum = wasm_i32x4_extract_lane(acc, 0) + wasm_i32x4_extract_lane(acc, 1) + wasm_i32x4_extract_lane(acc, 2) +
          wasm_i32x4_extract_lane(acc, 3);
#endif
    for (; j < d; ++j) sum += std::int32_t(row[j]) * std::int32_t(user[j]);
    return sum;
}

#if defined(__wasm_simd128__)
// Four rows at once: the four int32 accumulators are reduced together by two rounds of shuffles
// (no per-row horizontal sum), then converted, scaled and stored as one f32x4.
inline void score_four_rows_simd(const std::int8_t* rows, const float* scales, std::size_t d,
                                 const std::int16_t* user, float user_scale, float* out) {
    v128_t acc0 = wasm_i32x4_splat(0), acc1 = acc0, acc2 = acc0, acc3 = acc0;
    std::size_t j = 0;
    for (; j + 8 <= d; j += 8) {
        const v128_t u = wasm_v128_load(user + j);
        acc0 = wasm_i32x4_add(acc0, wasm_i32x4_dot_i16x8(wasm_i16x8_load8x8(rows + j), u));
        acc1 = wasm_i32x4_add(acc1, wasm_i32x4_dot_i16x8(wasm_i16x8_load8x8(rows + d + j), u));
        acc2 = wasm_i32x4_add(acc2, wasm_i32x4_dot_i16x8(wasm_i16x8_load8x8(rows + 2 * d + j), u));
        acc3 = wasm_i32x4_add(acc3, wasm_i32x4_dot_i16x8(wasm_i16x8_load8x8(rows + 3 * d + j), u));
    }
    const v128_t a = wasm_i32x4_add(wasm_i32x4_shuffle(acc0, acc1, 0, 4, 1, 5), wasm_i32x4_shuffle(acc0, acc1, 2, 6, 3, 7));
    const v128_t b = wasm_i32x4_add(wasm_i32x4_shuffle(acc2, acc3, 0, 4, 1, 5), wasm_i32x4_shuffle(acc2, acc3, 2, 6, 3, 7));
    v128_t sums = wasm_i32x4_add(wasm_i32x4_shuffle(a, b, 0, 1, 4, 5), wasm_i32x4_shuffle(a, b, 2, 3, 6, 7));
    if (j < d) {  // a dimension that is not a multiple of 8 (e.g. 64 + a bias column)
        std::int32_t tail[4] = {0, 0, 0, 0};
        for (int r = 0; r < 4; ++r) {
            for (std::size_t t = j; t < d; ++t) tail[r] += std::int32_t(rows[r * d + t]) * std::int32_t(user[t]);
        }
        sums = wasm_i32x4_add(sums, wasm_v128_load(tail));
    }
    const v128_t scaled = wasm_f32x4_mul(wasm_f32x4_mul(wasm_f32x4_convert_i32x4(sums), wasm_v128_load(scales)),
                                         wasm_f32x4_splat(user_scale));
    wasm_v128_store(out, scaled);
}
#endif

}  // namespace

void score_rows(const std::int8_t* rows, const float* scales, std::size_t n, std::size_t d, const float* user,
                float* out) {
    // Integer arithmetic: the user vector is quantized to int16 (relative error 1.5e-5, far below
    // the table's int8 error), then each row is an exact int8 x int16 -> int32 dot product. Integer
    // sums may be reordered freely, so the compiler vectorises them (pmaddwd natively, i32x4 dot
    // in WASM SIMD) where a float reduction would stay scalar without -ffast-math.
    float max_abs = 0.0f;
    for (std::size_t j = 0; j < d; ++j) max_abs = std::max(max_abs, std::fabs(user[j]));
    if (max_abs == 0.0f || d > k_max_int_dim) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::int8_t* r = rows + i * d;
            float a = 0.0f;
            for (std::size_t j = 0; j < d; ++j) a += float(r[j]) * user[j];
            out[i] = a * scales[i];
        }
        return;
    }
    const float user_scale = max_abs / 32767.0f;
    std::vector<std::int16_t> user_q(d);
    for (std::size_t j = 0; j < d; ++j) user_q[j] = static_cast<std::int16_t>(std::lround(user[j] / user_scale));
    std::size_t i = 0;
#if defined(__wasm_simd128__)
    for (; i + 4 <= n; i += 4) score_four_rows_simd(rows + i * d, scales + i, d, user_q.data(), user_scale, out + i);
#endif
    for (; i < n; ++i) out[i] = float(dot_int8_int16(rows + i * d, user_q.data(), d)) * scales[i] * user_scale;
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
    const std::size_t n = table.item_count();
    scores.resize(n);
    // The user vector padded with zeros like the rows: the kernel then sees whole blocks of 8.
    std::vector<float> padded_user(table.stride(), 0.0f);
    std::copy(user.begin(), user.end(), padded_user.begin());
    score_rows(table.padded_rows(), table.scales().data(), n, table.stride(), padded_user.data(), scores.data());
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
    // Once the heap is full, most items fail one comparison with the worst kept score. Items come
    // in index order, so an equal score loses the tie too: "not greater" means "not better".
    float worst_kept = -std::numeric_limits<float>::infinity();
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const float score = scores[i];
        if (heap.size() == k && !(score > worst_kept)) continue;
        if (i < excluded.size() && excluded[i]) continue;
        const ScoredItem item{static_cast<ItemIndex>(i), score};
        if (heap.size() < k) {
            heap.push_back(item);
            std::push_heap(heap.begin(), heap.end(), better);
        } else {
            std::pop_heap(heap.begin(), heap.end(), better);
            heap.back() = item;
            std::push_heap(heap.begin(), heap.end(), better);
        }
        if (heap.size() == k) worst_kept = heap.front().score;
    }
    std::sort_heap(heap.begin(), heap.end(), better);
    return heap;
}

}  // namespace cinelocal
