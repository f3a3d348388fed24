"""The "mainstream <-> niche" control, ranked as the browser ranks it (core/src/rerank.cpp's
novelty term; core/include/cinelocal/popularity_weight.h says why it acts on the candidates; tests
on both sides check the same known answer).

The browser retrieves the CANDIDATES best-scored films, normalises their scores to 0..1 (min-max
over the candidates) and ranks them by

    relevance - w * log(1 + likes) / log(1 + most likes among the candidates)

so w > 0 moves less known films up among those that fit the visitor, w < 0 widely liked ones.
The evaluation ranks with variety off (re-ranking's MMR lambda 1), as its other methods do.
"""
from __future__ import annotations

import numpy as np

from . import protocol

# Most mainstream (level -2) to most niche (+2); level 0 is the model's own balance. The same
# table as k_niche_weights in core/include/cinelocal/popularity_weight.h (the tests compare them).
NICHE_WEIGHTS = (-0.5, -0.25, 0.0, 0.5, 1.0)
NICHE_LEVELS = tuple(range(-(len(NICHE_WEIGHTS) // 2), len(NICHE_WEIGHTS) // 2 + 1))
CANDIDATES = 200  # RecommendOptions::candidates in core/include/cinelocal/bundle.h


def niche_weight(level: int) -> float:
    return NICHE_WEIGHTS[level - NICHE_LEVELS[0]]


def adjusted_relevance(scores: np.ndarray, likes: np.ndarray, weight: float) -> np.ndarray:
    """The candidates' relevance (scores min-max scaled to 0..1; all 1 when equal) minus weight x
    their log-popularity scaled by the candidates' most liked film."""
    s = np.asarray(scores, dtype=np.float64)
    span = s.max() - s.min() if len(s) else 0.0
    relevance = (s - s.min()) / span if span > 0 else np.ones_like(s)
    popularity = np.log1p(np.asarray(likes, dtype=np.float64))
    top = popularity.max() if len(popularity) else 0.0
    if weight == 0.0 or top <= 0.0:
        return relevance
    return relevance - weight * popularity / top


def niche_ranking(scores: np.ndarray, exclude: np.ndarray, likes: np.ndarray, weight: float, k: int) -> np.ndarray:
    """The k best films at this weight: the CANDIDATES best scores (exclusions left out, ties to the
    lower index), re-ranked by adjusted relevance (ties keep the better-scored candidate)."""
    pool = protocol.top_k(scores, exclude, max(k, CANDIDATES))
    pool = pool[~np.isin(pool, exclude)]  # top_k only ranks them last: fewer films than candidates keep them
    order = np.argsort(-adjusted_relevance(np.asarray(scores)[pool], np.asarray(likes)[pool], weight), kind="stable")
    return pool[order][:k]
