"""Closed-form fold-in for top-N (the iALS user step), the alternative to the user tower.

The visitor's vector p solves (G + alpha V_S' V_S + ridge I) p = (1 + alpha) V_S' 1 with V the int8
item table's taste columns as the browser dequantizes them, G = V'V (every unrated movie a weak 0)
and V_S the rows of the visitor's positives; score_i = v_i . p + pop_weight * bias_i, where bias_i
is the table's popularity column times the tower's bias scale. The same solve is
core/src/fold_in.cpp (fold_in() with item_gram() as the base term, weights 1 + alpha, targets 1
for the positives); alpha, ridge and pop_weight are tuned on validation users.
"""
from __future__ import annotations

import itertools

import numpy as np

from . import protocol
from .grid import grid_search

ALPHAS = (3.0, 30.0)
RIDGES = (1.0, 10.0, 100.0)
POP_WEIGHTS = (0.0, 0.03, 0.1, 0.3)


class FoldInScorer:
    def __init__(self, table: np.ndarray, taste_dims: int, bias_scale: float, alpha: float, ridge: float,
                 pop_weight: float):
        self.v = np.asarray(table[:, :taste_dims], dtype=np.float64)
        self.gram = self.v.T @ self.v
        has_pop = table.shape[1] > taste_dims and bias_scale
        self.pop = table[:, taste_dims].astype(np.float64) * bias_scale if has_pop else np.zeros(len(table))
        self.alpha, self.ridge, self.pop_weight = alpha, ridge, pop_weight

    def vector(self, items) -> np.ndarray:
        a = self.v[np.asarray(items, dtype=np.int64)]
        m = self.gram + self.alpha * a.T @ a + self.ridge * np.eye(self.v.shape[1])
        return np.linalg.solve(m, (1.0 + self.alpha) * a.sum(0))

    def __call__(self, items, stars) -> np.ndarray:
        return self.v @ self.vector(items) + self.pop_weight * self.pop


def tune_fold_in(table: np.ndarray, taste_dims: int, bias_scale: float, users, val: np.ndarray, seed: int,
                 ) -> tuple[tuple[float, float, float], dict]:
    """(alpha, ridge, pop_weight) by the mean over settings (main, k = 1, 3, 5, 10) of
    Recall@20 + NDCG@100 on validation users, for an item table trained without them."""
    settings = {"main": None} | {f"k={k}": k for k in protocol.COLD_START_K}
    cases = {s: protocol.topn_cases(users, val, seed, k) for s, k in settings.items()}
    taste_cache = {}

    def score(point):
        alpha, ridge, w = point
        if (alpha, ridge) not in taste_cache:  # the taste part does not depend on w: one solve per (alpha, ridge)
            base = FoldInScorer(table, taste_dims, bias_scale, alpha, ridge, 0.0)
            taste_cache.clear()
            taste_cache[(alpha, ridge)] = base, {s: [base.v @ base.vector(c.items) for c in cs] for s, cs in cases.items()}
        base, taste = taste_cache[(alpha, ridge)]
        row = {}
        for s, cs in cases.items():
            rows = [protocol.case_metrics(protocol.top_k(t + w * base.pop, c.items, protocol.NDCG_K), c.targets)
                    for c, t in zip(cs, taste[s])]
            row[s] = protocol.mean_metrics(rows)
        value = np.mean([r["recall@20"] + r["ndcg@100"] for r in row.values() if r])
        return value, {s: {k: round(v, 4) for k, v in r.items()} for s, r in row.items()}

    return grid_search(itertools.product(ALPHAS, RIDGES, POP_WEIGHTS), score, key=lambda p: f"{p[0]:g},{p[1]:g},{p[2]:g}")
