"""EASE (Steck 2019) as a low-rank term of the two-tower score, so the browser gets it from the same
user tower and item table (one dot product).

With X the binary [n_users x m] matrix of training positives and A = X'X (X'X + lambda I)^-1, EASE's
score for a visitor with positives x is, for every item j not in x,

    s_j = (x A)_j / (1 - A_jj)

(B = I - P diag(1/diag P) with P = (X'X + lambda I)^-1 = (I - A) / lambda). A is symmetric with
rank <= min(n_users, m): A = V diag(e) V'. Keeping the r largest e gives two towers:

    visitor part  sum over the visitor's positives i of  V_i * e      (input_rows)
    item part     V_j / (1 - A_jj)                                     (item_rows)

With r = rank(A) this is EASE exactly (tests/models checks it); with r = 64 on ml-latest-small it
keeps most of EASE's accuracy (models/README.md has the numbers). One departure from EASE's binary
input: a positive counts (stars - 3), so 5 stars weigh twice 4 stars (validation: NDCG@100 +.005).
Items without a training positive get zero rows, so an EASE term of 0 (mid-range: EASE scores can be
negative; the EASE baseline instead ranks them last); the two-tower part ranks them by content.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .baselines import positive_counts
from .interactions import POSITIVE, UserRatings


def input_weights(stars: np.ndarray) -> np.ndarray:
    """How much each rated movie counts in the visitor part: stars - 3 for a positive, else 0
    (the same expression as two_tower.EaseInput in the exported graph)."""
    stars = np.asarray(stars, dtype=np.float64)
    return np.where(stars >= POSITIVE, stars - 3.0, 0.0)


@dataclass
class EaseFactors:
    input_rows: np.ndarray  # [N, r] float32: V_i * e (zero for items without training positives)
    item_rows: np.ndarray  # [N, r] float32: V_j / (1 - A_jj)
    lam: float

    @property
    def rank(self) -> int:
        return self.input_rows.shape[1]

    def user_vector(self, items: np.ndarray, stars: np.ndarray) -> np.ndarray:
        rows = self.input_rows[np.asarray(items, dtype=np.int64)].astype(np.float64)
        return (rows * input_weights(stars)[:, None]).sum(0)

    def scores(self, items: np.ndarray, stars: np.ndarray) -> np.ndarray:
        return self.item_rows @ self.user_vector(items, stars)


def fit_ease_factors(train_users: Sequence[UserRatings], n_items: int, lam: float, rank: int) -> EaseFactors:
    counts = positive_counts(train_users, n_items)
    cols = np.flatnonzero(counts > 0)
    col_of = np.full(n_items, -1, dtype=np.int64)
    col_of[cols] = np.arange(len(cols))
    x = np.zeros((len(train_users), len(cols)), dtype=np.float64)
    for row, u in enumerate(train_users):
        x[row, col_of[u.positives]] = 1.0
    values, vectors = _eigen_of_a(x, float(lam))
    keep = np.argsort(-values, kind="stable")[: min(rank, len(values))]
    e, v = values[keep], vectors[:, keep]
    diag_a = (vectors * vectors * values).sum(1)  # from the full decomposition, not the truncated one
    input_rows = np.zeros((n_items, rank), dtype=np.float32)
    item_rows = np.zeros((n_items, rank), dtype=np.float32)
    input_rows[cols, : len(keep)] = v * e
    item_rows[cols, : len(keep)] = v / (1.0 - diag_a)[:, None]
    return EaseFactors(input_rows, item_rows, float(lam))


def _eigen_of_a(x: np.ndarray, lam: float) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues and [m x k] eigenvectors of A = X'X (X'X + lambda I)^-1, through whichever side of
    X is smaller: the users' (Woodbury: A = Y'Y with Y = (XX' + lambda I)^-1/2 X) or the items'."""
    n_users, m = x.shape
    if n_users <= m:
        w, q = np.linalg.eigh(x @ x.T + lam * np.eye(n_users))
        y = (q / np.sqrt(w)) @ q.T @ x  # (XX' + lambda I)^-1/2 X
        _, s, vt = np.linalg.svd(y, full_matrices=False)
        return s * s, vt.T
    g, vectors = np.linalg.eigh(x.T @ x)  # X'X = V diag(g) V'  =>  A = V diag(g / (g + lambda)) V'
    g = np.maximum(g, 0.0)
    return g / (g + lam), vectors
