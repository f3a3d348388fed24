// The item table: one int8 embedding row per catalogue item with one float scale per row
// (row i = int8_row * scale[i]). Stored as item_table.bin: int8[N*D] then float32[N], little-endian.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "cinelocal/result.h"

namespace cinelocal {

class ItemTable {
public:
    static Result<ItemTable> parse(std::span<const std::uint8_t> bytes, std::size_t item_count,
                                   std::size_t dim);
    // A table from values already in memory (benchmarks, tests); values.size() == scales.size() * dim.
    static ItemTable from_values(std::vector<std::int8_t> values, std::vector<float> scales, std::size_t dim);

    std::size_t item_count() const { return scales_.size(); }
    std::size_t dim() const { return dim_; }
    // Rows are stored zero-padded to a multiple of 8 values, so the SIMD scan never needs a
    // scalar tail (the model's 64 taste columns + 1 bias column become 72); zeros add nothing.
    std::size_t stride() const { return stride_; }
    const std::int8_t* padded_rows() const { return values_.data(); }
    std::span<const std::int8_t> row(std::size_t index) const {
        return {values_.data() + index * stride_, dim_};
    }
    float scale(std::size_t index) const { return scales_[index]; }
    std::span<const float> scales() const { return scales_; }
    std::vector<float> dequantized_row(std::size_t index) const;

private:
    static ItemTable with_padded_rows(const std::int8_t* values, std::vector<float> scales, std::size_t dim);

    std::size_t dim_ = 0;
    std::size_t stride_ = 0;
    std::vector<std::int8_t> values_;  // item_count rows of stride_ values
    std::vector<float> scales_;
};

}  // namespace cinelocal
