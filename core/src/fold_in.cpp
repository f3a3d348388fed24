#include "cinelocal/fold_in.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

namespace cinelocal {

namespace {

Eigen::VectorXd taste_row(const ItemTable& table, std::size_t index, std::size_t dims) {
    const auto row = table.row(index);
    const float scale = table.scale(index);
    Eigen::VectorXd v(static_cast<Eigen::Index>(dims));
    // float32 dequantization first, as the scorer and the Python twin do
    for (std::size_t k = 0; k < dims; ++k) v[static_cast<Eigen::Index>(k)] = static_cast<float>(row[k]) * scale;
    return v;
}

}  // namespace

Result<std::vector<double>> fold_in(const ItemTable& table, std::size_t dims, const FoldInInput& input) {
    if (dims == 0 || dims > table.dim()) {
        return make_error(ErrorCode::dimension_mismatch, "fold-in: dims must be 1 to the item table's dimension");
    }
    const std::size_t n = input.items.size();
    if (input.targets.size() != n || (!input.weights.empty() && input.weights.size() != n)) {
        return make_error(ErrorCode::size_mismatch, "fold-in: one target (and weight) per item");
    }
    if (!input.base_gram.empty() && input.base_gram.size() != dims * dims) {
        return make_error(ErrorCode::size_mismatch, "fold-in: base Gram matrix must be dims x dims");
    }
    if (!(input.ridge > 0.0) || !std::isfinite(input.ridge)) {
        return make_error(ErrorCode::invalid_format, "fold-in: ridge must be positive and finite");
    }
    const auto d = static_cast<Eigen::Index>(dims);
    Eigen::MatrixXd a = input.ridge * Eigen::MatrixXd::Identity(d, d);
    if (!input.base_gram.empty()) {
        a += Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
            input.base_gram.data(), d, d);
    }
    Eigen::VectorXd b = Eigen::VectorXd::Zero(d);
    for (std::size_t j = 0; j < n; ++j) {
        const auto item = input.items[j];
        if (item < 0 || static_cast<std::size_t>(item) >= table.item_count()) {
            return make_error(ErrorCode::size_mismatch, "fold-in: item index " + std::to_string(item) + " is outside the table");
        }
        const double w = input.weights.empty() ? 1.0 : input.weights[j];
        const auto v = taste_row(table, static_cast<std::size_t>(item), dims);
        a.noalias() += w * v * v.transpose();
        b.noalias() += (w * input.targets[j]) * v;
    }
    const Eigen::VectorXd p = a.ldlt().solve(b);
    return std::vector<double>(p.data(), p.data() + p.size());
}

std::vector<double> item_gram(const ItemTable& table, std::size_t dims) {
    dims = std::min(dims, table.dim());
    const auto d = static_cast<Eigen::Index>(dims);
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> g = Eigen::MatrixXd::Zero(d, d);
    for (std::size_t i = 0; i < table.item_count(); ++i) {
        const auto v = taste_row(table, i, dims);
        g.noalias() += v * v.transpose();
    }
    return std::vector<double>(g.data(), g.data() + g.size());
}

}  // namespace cinelocal
