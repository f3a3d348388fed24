#include "cinelocal/rating_head.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "cinelocal/fold_in.h"

namespace cinelocal {

namespace {

constexpr std::size_t k_header_bytes = 20;
constexpr std::uint32_t k_version = 1;

float read_f32(const std::uint8_t* p) {
    std::uint32_t bits = std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
                         std::uint32_t{p[3]} << 24;
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

}  // namespace

Result<RatingHead> RatingHead::parse(std::span<const std::uint8_t> bytes, std::size_t item_count) {
    if (bytes.size() != k_header_bytes + 4 * item_count) {
        return make_error(ErrorCode::size_mismatch, std::string(k_rating_head_file) + " has " +
                                                        std::to_string(bytes.size()) + " bytes, expected " +
                                                        std::to_string(k_header_bytes + 4 * item_count));
    }
    if (std::memcmp(bytes.data(), "CLRH", 4) != 0) {
        return make_error(ErrorCode::invalid_format, std::string(k_rating_head_file) + " does not start with CLRH");
    }
    const std::uint32_t version = std::uint32_t{bytes[4]} | std::uint32_t{bytes[5]} << 8 |
                                  std::uint32_t{bytes[6]} << 16 | std::uint32_t{bytes[7]} << 24;
    if (version != k_version) {
        return make_error(ErrorCode::unsupported_version,
                          std::string(k_rating_head_file) + " has version " + std::to_string(version));
    }
    RatingHead head;
    head.global_mean_ = read_f32(bytes.data() + 8);
    head.user_damping_ = read_f32(bytes.data() + 12);
    head.ridge_ = read_f32(bytes.data() + 16);
    head.item_bias_.resize(item_count);
    bool finite = std::isfinite(head.global_mean_) && std::isfinite(head.user_damping_) && std::isfinite(head.ridge_);
    for (std::size_t i = 0; i < item_count; ++i) {
        head.item_bias_[i] = read_f32(bytes.data() + k_header_bytes + 4 * i);
        finite = finite && std::isfinite(head.item_bias_[i]);
    }
    if (!finite || head.user_damping_ < 0.0f || !(head.ridge_ > 0.0f)) {
        return make_error(ErrorCode::invalid_format,
                          std::string(k_rating_head_file) + ": values must be finite, damping >= 0, ridge > 0");
    }
    return head;
}

Result<RatingFit> RatingHead::fit(const ItemTable& table, std::size_t taste_dims, std::span<const ItemIndex> items,
                                  std::span<const float> stars) const {
    if (items.size() != stars.size()) return make_error(ErrorCode::size_mismatch, "rating head: one star value per item");
    if (table.item_count() != item_bias_.size()) {
        return make_error(ErrorCode::size_mismatch, "rating head: item table and rating_head.bin differ in item count");
    }
    std::vector<double> resid(items.size());
    double sum = 0.0;
    for (std::size_t j = 0; j < items.size(); ++j) {
        if (items[j] < 0 || static_cast<std::size_t>(items[j]) >= item_bias_.size()) {
            return make_error(ErrorCode::size_mismatch, "rating head: item index " + std::to_string(items[j]) + " is outside the table");
        }
        resid[j] = double{stars[j]} - double{global_mean_} - double{item_bias_[static_cast<std::size_t>(items[j])]};
        sum += resid[j];
    }
    RatingFit fit;
    fit.user_bias = items.empty() ? 0.0 : sum / (static_cast<double>(items.size()) + double{user_damping_});
    for (auto& r : resid) r -= fit.user_bias;
    auto taste = fold_in(table, taste_dims, FoldInInput{items, resid, {}, double{ridge_}, {}});
    if (!taste) return taste.error();
    fit.taste = std::move(taste).value();
    return fit;
}

float RatingHead::predict(const ItemTable& table, const RatingFit& fit, ItemIndex item) const {
    const auto index = static_cast<std::size_t>(item);
    const auto row = table.row(index);
    const float scale = table.scale(index);
    double r = double{global_mean_} + fit.user_bias + double{item_bias_[index]};
    for (std::size_t k = 0; k < fit.taste.size() && k < row.size(); ++k) {
        r += double{static_cast<float>(row[k]) * scale} * fit.taste[k];
    }
    return static_cast<float>(std::clamp(r, 0.5, 5.0));
}

}  // namespace cinelocal
