"""Baselines of EVALUATION.md, computed from the training users of one fold only.

Top-N: most-popular, EASE (Steck 2019). Rating prediction: global mean, item mean, and the
user bias + item bias fold-in predictor.

EASE is computed exactly but through the Woodbury identity: with X the [n_users x m] binary matrix
of training positives, (X'X + lambda I)^-1 = (I - X' (XX' + lambda I)^-1 X) / lambda, so every
lambda costs one n_users x n_users inverse instead of an m x m one (n_users ~ 500 here, m ~ 6000).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .interactions import POSITIVE, UserRatings
from .protocol import Case, evaluate_cases, mean_metrics, topn_cases

EASE_LAMBDAS = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0)
MIN_STARS, MAX_STARS = 0.5, 5.0


def positive_counts(train_users: Sequence[UserRatings], n_items: int) -> np.ndarray:
    counts = np.zeros(n_items, dtype=np.float64)
    for u in train_users:
        counts[u.positives] += 1
    return counts


class Popularity:
    def __init__(self, train_users: Sequence[UserRatings], n_items: int):
        self.counts = positive_counts(train_users, n_items)

    def __call__(self, items, stars) -> np.ndarray:
        return self.counts


class Ease:
    """EASE on the items with at least one training positive; the others are ranked last."""

    def __init__(self, train_users: Sequence[UserRatings], n_items: int, lam: float):
        counts = positive_counts(train_users, n_items)
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
    perm = np.random.default_rng([seed, 0xEA5E]).permutation(len(train_users))
    n_val = max(1, int(round(validation_fraction * len(train_users))))
    val_pos, fit_pos = np.sort(perm[:n_val]), np.sort(perm[n_val:])
    fit = [train_users[i] for i in fit_pos]
    cases = topn_cases(train_users, val_pos, seed)
    table = {}
    for lam in lambdas:
        table[lam] = mean_metrics(evaluate_cases(cases, Ease(fit, n_items, lam)))
    best = max(lambdas, key=lambda lam: (table[lam]["recall@20"], table[lam]["ndcg@100"]))
    return best, table


# ---- rating prediction ------------------------------------------------------------------------

class RatingBaselines:
    """Fitted on training users' ratings; predict(case) gives the three baselines' predictions."""

    def __init__(self, train_users: Sequence[UserRatings], n_items: int, item_damping: float = 10.0,
                 user_damping: float = 5.0):
        items = np.concatenate([u.items for u in train_users])
        stars = np.concatenate([u.stars for u in train_users]).astype(np.float64)
        self.mu = float(stars.mean())
        n = np.bincount(items, minlength=n_items).astype(np.float64)
        s = np.bincount(items, weights=stars, minlength=n_items)
        self.item_mean = np.where(n > 0, s / np.maximum(n, 1), self.mu)
        self.item_bias = np.where(n > 0, (s - n * self.mu) / np.maximum(n + item_damping, 1e-9), 0.0)
        self.user_damping = user_damping

    def predict(self, case: Case) -> dict[str, np.ndarray]:
        resid = case.stars.astype(np.float64) - self.mu - self.item_bias[case.items]
        b_u = resid.sum() / (len(resid) + self.user_damping)
        t = case.targets
        return {
            "global_mean": np.full(len(t), self.mu),
            "item_mean": self.item_mean[t],
            "user_item_bias": np.clip(self.mu + b_u + self.item_bias[t], MIN_STARS, MAX_STARS),
        }


def rating_errors(pred: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """(sum of squared errors, sum of absolute errors)."""
    d = np.asarray(pred, dtype=np.float64) - np.asarray(truth, dtype=np.float64)
    return float((d * d).sum()), float(np.abs(d).sum())


def is_positive(stars: np.ndarray) -> np.ndarray:
    return stars >= POSITIVE
