"""Sanity check, not the full protocol of EVALUATION.md: Recall@K on held-out users (fold in 80% of
their positives with their stars, target the rest), for the model and for most-popular."""
from __future__ import annotations

from typing import Callable

import numpy as np

from .interactions import UserRatings
from .protocol import top_k  # one definition of the ranking, shared with the evaluation protocol

Scorer = Callable[[np.ndarray, np.ndarray], np.ndarray]  # (items, stars) -> scores [N]


def fold_in_splits(users: list[UserRatings], seed: int, min_positives: int = 5):
    """[(fold-in items, their stars, target items)] for users with enough positives."""
    rng = np.random.default_rng(seed + 1)
    out = []
    for u in users:
        pos = u.stars >= 4.0
        if pos.sum() < min_positives:
            continue
        items, stars = u.items[pos], u.stars[pos]
        perm = rng.permutation(len(items))
        k = max(1, int(0.8 * len(items)))
        out.append((items[perm[:k]], stars[perm[:k]], items[perm[k:]]))
    return out


def recall_at(splits, scorer: Scorer, k: int = 20) -> float:
    if not splits:
        return float("nan")
    total = 0.0
    for items, stars, targets in splits:
        hits = np.isin(top_k(scorer(items, stars), items, k), targets).sum()
        total += hits / min(k, len(targets))
    return total / len(splits)


def popularity_scorer(train_users: list[UserRatings], n_items: int) -> Scorer:
    counts = np.zeros(n_items, dtype=np.float64)
    for u in train_users:
        counts[u.positives] += 1
    return lambda items, stars: counts
