// The visitor's vector before the user tower runs (ONNX Runtime still starting, or unable to):
// the closed-form fold-in (fold_in.h, the iALS user step) against the item table, laid out like
// the tower's answer so recommend() scores it the same way. It is the evaluation's "Fold-in int8"
// row (models/cinelocal_models/fold_in.py is its twin):
//   p solves (G + alpha V_S' V_S + ridge I) p = (1 + alpha) V_S' 1
// with V the taste columns as the browser dequantizes them, G = V'V and V_S the rows of the
// visitor's positives (4 stars or more). The vector is [p | pop_weight * bias_scale | 0...]: the
// popularity column weighted as the evaluation tuned it, the EASE columns unused.
#pragma once
#include <span>
#include <vector>

#include "cinelocal/item_table.h"
#include "cinelocal/profile.h"
#include "cinelocal/result.h"

namespace cinelocal {

struct ProvisionalTasteParams {
    // The evaluation tunes these per fold on validation users; every fold of the committed report
    // chose alpha 30, ridge 100, pop_weight 0.1 (models/report/evaluation.json,
    // fold_in_alpha_ridge_pop_weight). bias_scale is the tower's constant popularity component
    // (two_tower.py TwoTowerConfig.bias_scale): the item table stores popularity / bias_scale.
    double alpha = 30.0;
    double ridge = 100.0;
    double pop_weight = 0.1;
    double bias_scale = 8.0;
};

class ProvisionalTaste {
public:
    // Computes G once (items x taste_dims^2 multiply-adds: tens of ms in wasm at 10k films).
    ProvisionalTaste(const ItemTable& table, std::size_t taste_dims, ProvisionalTasteParams params = {});

    // The vector (the table's full dimension) for the visitor's tower input; ratings below 4 stars
    // do not count (as in the evaluation). With no positive rating only popularity ranks.
    Result<std::vector<float>> vector(const ItemTable& table, const TowerInput& input) const;

private:
    std::size_t taste_dims_;
    ProvisionalTasteParams params_;
    std::vector<double> gram_;
};

}  // namespace cinelocal
