#include "cinelocal/item_table.h"

#include <cmath>
#include <cstring>
#include <string>

namespace cinelocal {

Result<ItemTable> ItemTable::parse(std::span<const std::uint8_t> bytes, std::size_t item_count,
                                   std::size_t dim) {
    const std::size_t expected = item_count * dim + item_count * sizeof(float);
    if (item_count == 0 || dim == 0 || bytes.size() != expected) {
        return make_error(ErrorCode::size_mismatch,
                          "item_table.bin has " + std::to_string(bytes.size()) + " bytes, expected " +
                              std::to_string(expected) + " for " + std::to_string(item_count) +
                              " items of dimension " + std::to_string(dim));
    }
    std::vector<float> scales(item_count);
    std::memcpy(scales.data(), bytes.data() + item_count * dim, item_count * sizeof(float));
    ItemTable table = with_padded_rows(reinterpret_cast<const std::int8_t*>(bytes.data()), std::move(scales), dim);
    for (float s : table.scales_) {
        // 128 * scale must stay finite too, or a dequantised value would be infinite (found by fuzzing).
        if (!std::isfinite(s * 128.0f) || s < 0.0f) {
            return make_error(ErrorCode::invalid_format, "item_table.bin has a scale that is negative or not finite");
        }
    }
    return table;
}

ItemTable ItemTable::from_values(std::vector<std::int8_t> values, std::vector<float> scales, std::size_t dim) {
    return with_padded_rows(values.data(), std::move(scales), dim);
}

ItemTable ItemTable::with_padded_rows(const std::int8_t* values, std::vector<float> scales, std::size_t dim) {
    ItemTable table;
    table.dim_ = dim;
    table.stride_ = (dim + 7) / 8 * 8;
    table.scales_ = std::move(scales);
    table.values_.assign(table.scales_.size() * table.stride_, 0);
    for (std::size_t i = 0; i < table.scales_.size(); ++i) {
        std::memcpy(table.values_.data() + i * table.stride_, values + i * dim, dim);
    }
    return table;
}

std::vector<float> ItemTable::dequantized_row(std::size_t index) const {
    std::vector<float> out(dim_);
    auto values = row(index);
    for (std::size_t j = 0; j < dim_; ++j) out[j] = float(values[j]) * scales_[index];
    return out;
}

}  // namespace cinelocal
