#include "cinelocal/taste_map.h"

#include <algorithm>
#include <cmath>

#include <Eigen/Dense>

namespace cinelocal {

std::vector<MapPoint> taste_map(const UnitRows& rows) {
    const auto n = static_cast<Eigen::Index>(rows.size());
    const auto d = static_cast<Eigen::Index>(rows.dim());
    if (n == 0 || d < 2) return {};
    Eigen::MatrixXf data(n, d);
    for (Eigen::Index i = 0; i < n; ++i) {
        auto row = rows.row(static_cast<ItemIndex>(i));
        for (Eigen::Index j = 0; j < d; ++j) data(i, j) = row[static_cast<std::size_t>(j)];
    }
    data.rowwise() -= data.colwise().mean();
    // d x d covariance: its two leading eigenvectors are the map's axes (d is small, e.g. 64).
    const Eigen::MatrixXf covariance = (data.transpose() * data) / float(n);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXf> solver(covariance);
    // Eigenvalues come in ascending order: the last column is the main axis (x), the one before it y.
    Eigen::MatrixXf axes(d, 2);
    axes.col(0) = solver.eigenvectors().col(d - 1);
    axes.col(1) = solver.eigenvectors().col(d - 2);
    Eigen::MatrixXf projected = data * axes;
    // Eigenvectors have no inherent sign: fix it so the map does not flip between builds.
    for (Eigen::Index c = 0; c < 2; ++c) {
        if (projected.col(c).sum() < 0.0f) projected.col(c) *= -1.0f;
    }
    std::vector<MapPoint> points(static_cast<std::size_t>(n));
    for (Eigen::Index c = 0; c < 2; ++c) {
        const float extent = std::max(projected.col(c).cwiseAbs().maxCoeff(), 1e-12f);
        for (Eigen::Index i = 0; i < n; ++i) {
            float& coordinate = c == 0 ? points[std::size_t(i)].x : points[std::size_t(i)].y;
            coordinate = projected(i, c) / extent;
        }
    }
    return points;
}

}  // namespace cinelocal
