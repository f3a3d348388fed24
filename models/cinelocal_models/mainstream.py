"""What each setting of the "mainstream <-> niche" control costs and does (issue 16).

Per setting: Recall@20 and NDCG@100 of the browser's int8 score re-ranked by the control
(popularity_weight.py; variety off) on the protocol's main split, the median likes of the films in
the top 20 (how mainstream the list is), and for a few genre fans the share of their top 20 that is their genre.
A genre's fans are, in each fold, the FANS_PER_FOLD evaluated users whose fold-in positives hold the
largest share of that genre (ties to the lower user position): real held-out users whose history is
mostly horror, sci-fi or animation.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from . import protocol
from .popularity_weight import CANDIDATES, NICHE_LEVELS, niche_ranking, niche_weight

FAN_GENRES = ("Horror", "Sci-Fi", "Animation")
FANS_PER_FOLD = 2
TOP = 20


def genre_share(items: np.ndarray, genre_masks: np.ndarray, bit: int) -> float:
    return float(((genre_masks[items] & bit) != 0).mean()) if len(items) else 0.0


def genre_fans(cases: Sequence[protocol.Case], genre_masks: np.ndarray, bit: int, count: int) -> list[int]:
    """Positions in `cases` of the `count` users whose fold-in holds the largest share of the genre."""
    shares = [genre_share(c.items, genre_masks, bit) for c in cases]
    order = sorted(range(len(cases)), key=lambda i: (-shares[i], cases[i].user))
    return [i for i in order[:count] if shares[i] > 0]


class MainstreamRows:
    """Per-user rows of every setting, gathered fold by fold; summary() averages them."""

    def __init__(self, genre_names: Sequence[str]):
        self.genres = [g for g in FAN_GENRES if g in genre_names]
        self.bits = {g: 1 << list(genre_names).index(g) for g in self.genres}
        self.metrics = {level: [] for level in NICHE_LEVELS}
        self.top_likes = {level: [] for level in NICHE_LEVELS}
        self.fan_shares = {level: {g: [] for g in self.genres} for level in NICHE_LEVELS}
        self.fan_history = {g: [] for g in self.genres}

    def add_fold(self, cases: Sequence[protocol.Case], scorer, likes: np.ndarray, genre_masks: np.ndarray) -> None:
        """scorer: the browser's int8 scorer; likes: the fold's training positives per film."""
        fans = {g: genre_fans(cases, genre_masks, self.bits[g], FANS_PER_FOLD) for g in self.genres}
        for g, positions in fans.items():
            self.fan_history[g] += [genre_share(cases[i].items, genre_masks, self.bits[g]) for i in positions]
        for i, case in enumerate(cases):
            base = scorer(case.items, case.stars)  # one tower run; each setting only re-weights it
            for level in NICHE_LEVELS:
                ranked = niche_ranking(base, case.items, likes, niche_weight(level), protocol.NDCG_K)
                self.metrics[level].append(protocol.case_metrics(ranked, case.targets))
                self.top_likes[level] += list(likes[ranked[:TOP]])
                for g, positions in fans.items():
                    if i in positions:
                        self.fan_shares[level][g].append(genre_share(ranked[:TOP], genre_masks, self.bits[g]))

    def summary(self) -> dict:
        levels = []
        for level in NICHE_LEVELS:
            levels.append({"level": level, "weight": niche_weight(level),
                           "recall@20": _mean4(r["recall@20"] for r in self.metrics[level]),
                           "ndcg@100": _mean4(r["ndcg@100"] for r in self.metrics[level]),
                           "median_likes_top20": float(np.median(self.top_likes[level])) if self.top_likes[level] else 0.0,
                           "fan_genre_share_top20": {g: _mean4(v) for g, v in self.fan_shares[level].items()}})
        return {"formula": f"the {CANDIDATES} best browser int8 scores, min-max scaled to 0..1, minus w x log(1 + likes) / "
                           "log(1 + most likes among them); likes = the fold's training positives; variety off "
                           "(popularity_weight.py = core/src/rerank.cpp)",
                "evaluated_users": len(self.metrics[0]),
                "fans": f"per fold the {FANS_PER_FOLD} evaluated users whose fold-in positives hold the largest "
                        "share of the genre; share = fraction of the top 20 (fold-in excluded) in that genre",
                "fan_users": {g: len(v) for g, v in self.fan_history.items()},
                "fan_history_share": {g: _mean4(v) for g, v in self.fan_history.items()},
                "levels": levels}


def _mean4(values) -> float:
    values = list(values)
    return round(float(np.mean(values)), 4) if values else 0.0
