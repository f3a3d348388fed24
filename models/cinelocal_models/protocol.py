"""The evaluation protocol of shared/EVALUATION.md: strong generalization on held-out users.

- Positive = rating >= 4.0; users with >= 5 positives are kept and split into 5 folds (seeded).
- Each evaluated user's positives are shuffled with a seed of their own (seed, user position), so
  a user's split does not depend on which other users are kept; the first 80% (at least 1) are the
  fold-in, the rest the targets. The cold-start curve folds in the first k of the same shuffle.
- Ranking: every catalogue item except the fold-in ones; Recall@K = hits / min(K, targets),
  NDCG@100 with binary gain and the ideal DCG over min(100, targets).
- Rating prediction: the user's ratings (all of them) shuffled the same way, 80% fold-in, 20% target.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from .interactions import POSITIVE, UserRatings

MIN_POSITIVES = 5
N_FOLDS = 5
FOLD_IN_FRACTION = (4, 5)  # 80% as an exact integer ratio: fold-in = max(1, 4 * n // 5)
COLD_START_K = (1, 3, 5, 10)
RECALL_KS = (20, 50)
NDCG_K = 100

# (fold-in items, their stars) -> scores over all N items (higher = better)
Scorer = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass
class Case:
    """One evaluated user in one setting: what the model gets and what it must find."""
    user: int  # position in the user list (ordered by userId)
    items: np.ndarray  # fold-in item indices (int64)
    stars: np.ndarray  # their stars (float32)
    targets: np.ndarray  # item indices to find
    target_stars: np.ndarray | None = None  # rating prediction: the stars to predict


def eligible_users(users: Sequence[UserRatings], min_positives: int = MIN_POSITIVES) -> np.ndarray:
    return np.array([i for i, u in enumerate(users) if int((u.stars >= POSITIVE).sum()) >= min_positives],
                    dtype=np.int64)


def make_folds(eligible: np.ndarray, seed: int, n_folds: int = N_FOLDS) -> list[np.ndarray]:
    """Seeded shuffle of the eligible user positions into n_folds nearly equal, sorted folds."""
    perm = np.random.default_rng([seed, 0xF01D]).permutation(len(eligible))
    return [np.sort(eligible[part]) for part in np.array_split(perm, n_folds)]


def user_rng(seed: int, user: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([seed, stream, user])


def n_fold_in(n: int) -> int:
    return max(1, FOLD_IN_FRACTION[0] * n // FOLD_IN_FRACTION[1])


def shuffled_positives(u: UserRatings, user: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    pos = u.stars >= POSITIVE
    items, stars = u.items[pos], u.stars[pos]
    perm = user_rng(seed, user, 1).permutation(len(items))
    return items[perm], stars[perm]


def topn_cases(users: Sequence[UserRatings], fold: np.ndarray, seed: int, k: int | None = None) -> list[Case]:
    """k=None: the main split (80% of positives in); k: the first k positives in, the rest targets
    (users with no positive left over are skipped)."""
    cases = []
    for user in fold:
        items, stars = shuffled_positives(users[user], int(user), seed)
        m = n_fold_in(len(items)) if k is None else k
        if m >= len(items):
            continue
        cases.append(Case(int(user), items[:m], stars[:m], items[m:]))
    return cases


def rating_cases(users: Sequence[UserRatings], fold: np.ndarray, seed: int) -> list[Case]:
    """All ratings shuffled; 80% (at least 1) fold in, the rest are the ratings to predict."""
    cases = []
    for user in fold:
        u = users[user]
        perm = user_rng(seed, int(user), 2).permutation(len(u.items))
        m = n_fold_in(len(perm))
        if m >= len(perm):
            continue
        cases.append(Case(int(user), u.items[perm[:m]], u.stars[perm[:m]], u.items[perm[m:]],
                          u.stars[perm[m:]]))
    return cases


def top_k(scores: np.ndarray, exclude: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k best scores, excluded items removed, ties broken by lower index."""
    s = np.asarray(scores, dtype=np.float64).copy()
    s[exclude] = -np.inf
    order = np.argsort(-s, kind="stable")
    return order[:k]


_DISCOUNT = 1.0 / np.log2(np.arange(2, NDCG_K + 2))


def case_metrics(ranked: np.ndarray, targets: np.ndarray) -> dict[str, float]:
    """ranked: the top NDCG_K items (fold-in excluded)."""
    hit = np.isin(ranked[:NDCG_K], targets)
    n = len(targets)
    out = {f"recall@{k}": float(hit[:k].sum()) / min(k, n) for k in RECALL_KS}
    ideal = _DISCOUNT[: min(NDCG_K, n)].sum()
    out[f"ndcg@{NDCG_K}"] = float((_DISCOUNT[: len(hit)] * hit).sum() / ideal)
    return out


def evaluate_cases(cases: Sequence[Case], scorer: Scorer) -> list[dict[str, float]]:
    return [case_metrics(top_k(scorer(c.items, c.stars), c.items, NDCG_K), c.targets) for c in cases]


def mean_metrics(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    if not rows:
        return {}
    return {key: float(np.mean([r[key] for r in rows])) for key in rows[0]}
