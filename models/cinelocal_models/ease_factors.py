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

Two ways to the eigenpairs, by size (nothing dense grows with users x items on the large one):
- exact (dense; ml-latest-small): the full decomposition through the smaller side of X; the
  normaliser diag(A) comes from every eigenpair, so full rank is EASE exactly.
- large (ml-25m / ml-32m shapes): A = G (G + lambda I)^-1 with G = X'X has G's eigenvectors and
  eigenvalues g / (g + lambda), so A's top r are the top r right singular vectors of the sparse X
  (ARPACK through scipy.sparse.linalg.svds, seeded), whatever lambda is. diag(A) is that of the
  rank-r A: on ml-latest-small (fold 0, validation users, lambda 300, rank 64) the normaliser from
  the truncated pairs gave R@20 .3004 / N@100 .3540 against .2971 / .3524 from the full one, so the
  tail it leaves out costs nothing measurable. When the data has rank <= r both paths are EASE.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .interactions import POSITIVE, UserRatings, positive_matrix
from .grid import grid_search
from .protocol import evaluate_cases, mean_metrics, topn_cases

EASE_LAMBDAS = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0)
# Large data sets have item counts in the tens of thousands: the best lambda grows with them (at
# ml-32m's shape the term chose 3000, the top of the grid above), and the large path tries more for free.
LARGE_EXTRA_LAMBDAS = (10_000.0, 30_000.0, 100_000.0)

# Dense decomposition while X (users x liked items) has at most this many cells (float64: 400 MB).
EXACT_MAX_CELLS = 50_000_000
EXACT_MAX_USERS = 15_000  # the exact EASE baseline inverts a users x users matrix per lambda


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


def fit_ease_factors(train_users: Sequence[UserRatings], n_items: int, lam: float, rank: int,
                     eigen: "EaseEigen | None" = None) -> EaseFactors:
    """eigen: the large path's decomposition of these same users, when already computed."""
    if eigen is not None:
        return eigen.factors(lam, rank)
    x, cols = _liked_columns(train_users, n_items)
    if not is_large(x, rank):
        values, vectors = _eigen_of_a(x.toarray(), float(lam))
        return _factors(values, vectors, (vectors * vectors * values).sum(1), cols, n_items, lam, rank)
    return ease_eigen(train_users, n_items, rank).factors(lam, rank)


def is_large(x, rank: int) -> bool:
    """Whether X (users x liked items) takes the large path: too many cells for a dense copy, or too
    many users for the exact baseline's users x users inverse (tune_ease), and the rank asked for
    is below full (at full rank the dense path is EASE exactly)."""
    too_big = x.shape[0] * x.shape[1] > EXACT_MAX_CELLS or x.shape[0] > EXACT_MAX_USERS
    return too_big and rank < min(x.shape)


def _liked_columns(train_users: Sequence[UserRatings], n_items: int):
    """(sparse X over the items some training user liked, those items' indices)."""
    x = positive_matrix(train_users, n_items)
    cols = np.flatnonzero(np.asarray(x.sum(0)).ravel() > 0)
    return x[:, cols], cols


def _factors(values, vectors, diag_a, cols, n_items: int, lam: float, rank: int) -> EaseFactors:
    """The two towers from A's eigenpairs (values e, vectors V over `cols`) and diag(A)."""
    keep = np.argsort(-values, kind="stable")[: min(rank, len(values))]
    e, v = values[keep], vectors[:, keep]
    input_rows = np.zeros((n_items, rank), dtype=np.float32)
    item_rows = np.zeros((n_items, rank), dtype=np.float32)
    input_rows[cols, : len(keep)] = v * e
    item_rows[cols, : len(keep)] = v / (1.0 - diag_a)[:, None]
    return EaseFactors(input_rows, item_rows, float(lam))


@dataclass
class EaseEigen:
    """The large path's top eigenpairs of G = X'X (g [k], vectors [m x k] over the liked items
    `cols`): they do not depend on lambda, so one decomposition serves every lambda tried."""
    g: np.ndarray
    vectors: np.ndarray
    cols: np.ndarray
    n_items: int

    def factors(self, lam: float, rank: int) -> EaseFactors:
        e = self.g / (self.g + lam)
        keep = np.argsort(-e, kind="stable")[:rank]
        diag_a = (self.vectors[:, keep] ** 2 * e[keep]).sum(1)  # of the rank-r A (see the module doc)
        return _factors(e, self.vectors, diag_a, self.cols, self.n_items, lam, rank)


def ease_eigen(train_users: Sequence[UserRatings], n_items: int, rank: int, seed: int = 0) -> EaseEigen:
    """Top `rank` eigenpairs of X'X from the sparse X (ARPACK, start vector seeded)."""
    from scipy.sparse.linalg import svds
    x, cols = _liked_columns(train_users, n_items)
    v0 = np.random.default_rng([seed, 0xE16E]).standard_normal(min(x.shape))
    _, s, vt = svds(x.tocsc(), k=rank, v0=v0, solver="arpack")
    return EaseEigen(s.astype(np.float64) ** 2, vt.T, cols, n_items)


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


# ---- exact EASE (the evaluation's baseline) and the choice of lambda ---------------------------

class Ease:
    """EASE on the items with at least one training positive; the others are ranked last."""

    def __init__(self, train_users: Sequence[UserRatings], n_items: int, lam: float):
        counts = np.bincount(np.concatenate([u.positives for u in train_users] or [np.zeros(0, np.int64)]),
                             minlength=n_items)
        self.cols = np.flatnonzero(counts > 0)
        self.col_of = np.full(n_items, -1, dtype=np.int64)
        self.col_of[self.cols] = np.arange(len(self.cols))
        self.n_items, self.lam = n_items, float(lam)
        x = np.zeros((len(train_users), len(self.cols)), dtype=np.float64)
        for row, u in enumerate(train_users):
            x[row, self.col_of[u.positives]] = 1.0
        self.x = x
        m = np.linalg.inv(x @ x.T + self.lam * np.eye(len(x)))
        self.a = m @ x  # [n, m]
        self.diag_p = (1.0 - (x * self.a).sum(0)) / self.lam  # diag of (X'X + lambda I)^-1

    def __call__(self, items, stars) -> np.ndarray:
        cols = self.col_of[np.asarray(items)]
        cols = cols[cols >= 0]
        v = np.zeros(len(self.cols))
        v[cols] = 1.0
        vp = (v - self.x[:, cols].sum(1) @ self.a) / self.lam  # v (X'X + lambda I)^-1
        scores = v - vp / self.diag_p  # v B with B = I - P diag(1/diag P)
        out = np.full(self.n_items, scores.min() - 1.0 if len(scores) else 0.0)
        out[self.cols] = scores
        return out


def tune_ease(train_users: Sequence[UserRatings], n_items: int, seed: int,
              lambdas=EASE_LAMBDAS, validation_fraction: float = 0.2) -> tuple[float, dict]:
    """Pick lambda by Recall@20 on a seeded validation split of the training users (same fold-in
    protocol), fitting on the rest. Returns (best lambda, {lambda: validation metrics})."""
    fit_pos, val_pos = validation_positions(len(train_users), seed, validation_fraction)
    fit = [train_users[i] for i in fit_pos]
    cases = topn_cases(train_users, val_pos, seed)
    return grid_search(lambdas, lambda lam: _by_recall(mean_metrics(evaluate_cases(cases, Ease(fit, n_items, lam)))))


def _by_recall(metrics: dict) -> tuple[tuple[float, float], dict]:
    return (metrics["recall@20"], metrics["ndcg@100"]), metrics


def choose_ease_lambda(train_users: Sequence[UserRatings], n_items: int, seed: int, rank: int,
                       lambdas=EASE_LAMBDAS, max_validation_users: int = 500) -> tuple[float, "EaseEigen | None"]:
    """lambda for the EASE term: the exact EASE baseline's (tune_ease) where X is small enough for
    it, else the term itself at `rank` tuned the same way on (a seeded sample of) the validation split.
    Returns (lambda, the large path's decomposition of the split's fit users, for reuse, or None)."""
    x, _ = _liked_columns(train_users, n_items)
    if not is_large(x, rank):
        return tune_ease(train_users, n_items, seed, lambdas)[0], None
    lambdas = tuple(lambdas) + LARGE_EXTRA_LAMBDAS
    fit, val = validation_positions(len(train_users), seed)
    if len(val) > max_validation_users:
        val = np.sort(np.random.default_rng([seed, 0x7A]).choice(val, max_validation_users, replace=False))
    eigen = ease_eigen([train_users[i] for i in fit], n_items, rank, seed)
    cases = topn_cases(train_users, val, seed)
    best = grid_search(lambdas, lambda lam: _by_recall(mean_metrics(evaluate_cases(cases, eigen.factors(lam, rank).scores))))[0]
    return best, eigen


def validation_positions(n_users: int, seed: int, fraction: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    """(fit, validation) positions among n training users: the one seeded split that EASE's lambda,
    the blend, the rating head and the fold-in are all tuned on."""
    perm = np.random.default_rng([seed, 0xEA5E]).permutation(n_users)
    n_val = max(1, int(round(fraction * n_users)))
    return np.sort(perm[n_val:]), np.sort(perm[:n_val])
