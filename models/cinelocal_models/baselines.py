"""Baselines of EVALUATION.md, computed from the training users of one fold only.

Top-N: most-popular, EASE (Steck 2019; exact, in ease_factors.py beside the low-rank term that
ships). Rating prediction: global mean, item mean, and the user bias + item bias fold-in predictor.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .interactions import POSITIVE, UserRatings, positive_counts
from .protocol import Case

MIN_STARS, MAX_STARS = 0.5, 5.0


class Popularity:
    def __init__(self, train_users: Sequence[UserRatings], n_items: int):
        self.counts = positive_counts(train_users, n_items)

    def __call__(self, items, stars) -> np.ndarray:
        return self.counts


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
