"""Ratings as per-user (item index, stars) lists, and the seeded held-out-user split."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .catalogue import Catalogue
from .movielens import MovieLens

POSITIVE = 4.0  # a rating >= 4 stars counts as "liked" (EVALUATION.md)


@dataclass
class UserRatings:
    items: np.ndarray  # int64 item indices
    stars: np.ndarray  # float32

    @property
    def positives(self) -> np.ndarray:
        return self.items[self.stars >= POSITIVE]


def group_by_user(ml: MovieLens, cat: Catalogue) -> list[UserRatings]:
    """One entry per user (ordered by userId); a movie rated twice keeps the last rating."""
    items = cat.index_of(ml.movie_ids)
    order = np.lexsort((np.arange(len(items)), items, ml.user_ids))  # by user, item, file position
    users, items, stars = ml.user_ids[order], items[order], ml.ratings[order]
    last = np.ones(len(items), dtype=bool)
    last[:-1] = (users[1:] != users[:-1]) | (items[1:] != items[:-1])
    users, items, stars = users[last], items[last], stars[last]
    starts = np.flatnonzero(np.r_[True, users[1:] != users[:-1]])
    ends = np.r_[starts[1:], len(users)]
    return [UserRatings(items[s:e].copy(), stars[s:e].copy()) for s, e in zip(starts, ends)]


def split_users(n_users: int, holdout_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Seeded permutation of user positions -> (train, held-out)."""
    perm = np.random.default_rng(seed).permutation(n_users)
    n_hold = int(round(n_users * holdout_fraction)) if holdout_fraction > 0 else 0
    if n_users - n_hold < 1:
        n_hold = n_users - 1
    return np.sort(perm[n_hold:]), np.sort(perm[:n_hold])


def positive_counts(users, n_items: int) -> np.ndarray:
    """float64 [n_items]: how many of `users` liked each item (the popularity every part ranks by)."""
    counts = np.zeros(n_items, dtype=np.float64)
    for u in users:
        counts[u.positives] += 1
    return counts


def positive_matrix(users, n_items: int):
    """scipy.sparse CSR [n_users x n_items] of 1.0 where a user liked an item (stars >= POSITIVE):
    built from index arrays, so its size grows with the number of positives, never users x items."""
    import scipy.sparse as sp
    rows = [u.positives for u in users]
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    cols = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    indptr = np.r_[0, np.cumsum(lengths)]
    data = np.ones(len(cols), dtype=np.float64)
    m = sp.csr_matrix((data, cols, indptr), shape=(len(users), n_items))
    m.sum_duplicates()
    return m
