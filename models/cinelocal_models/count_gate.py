"""How much taste vs popularity, per number of ratings: the user tower's count gate, tuned on
validation users.

The tower's taste vector is multiplied by sigmoid(a log(n) + b) (n = ratings given) and the item
table's last column carries each movie's popularity bias, so the gate decides how far a visitor
with n ratings moves away from "most popular". Training fits a and b for the softmax loss, which is
not the ranking metric: with one rating the trained gate personalises too much and loses to plain
popularity. tune_gate() picks (a, b) on a grid by ranking metrics of validation users (never test
users), over every cold-start k and the main split at once; set_gate() writes them into the model,
so the exported ONNX and the bundle format are unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import torch

from . import export, protocol
from .interactions import UserRatings

GATE_SLOPES = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0)
GATE_OFFSETS = (-6.0, -5.0, -4.0, -3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 1.0, 2.0)


def gate_value(a: float, b: float, n: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(a * np.log(np.maximum(n, 1.0)) + b)))


def set_gate(model, a: float, b: float) -> None:
    with torch.no_grad():
        model.gate.weight.fill_(float(a))
        model.gate.bias.fill_(float(b))


class _SplitScores:
    """Per validation case: taste scores with the gate removed (T) and the popularity part (P), so a
    gate value m ranks by m T + P without running the tower again."""

    def __init__(self, model, cases: Sequence[protocol.Case]):
        tower = export.user_tower(model)
        a, b = float(model.gate.weight), float(model.gate.bias)
        with torch.no_grad():
            table = model.item_table().numpy().astype(np.float64)
        d = model.dim
        self.pop = table[:, d] * model.bias_scale
        self.cases = cases
        self.taste = []
        for c in cases:
            u = export.run_tower(tower, c.items, c.stars).astype(np.float64)
            g = gate_value(a, b, np.array([float(len(c.items))]))[0]
            self.taste.append(table[:, :d] @ (u[:d] / g))

    def metrics(self, a: float, b: float) -> list[dict[str, float]]:
        out = []
        for c, t in zip(self.cases, self.taste):
            m = gate_value(a, b, np.array([float(len(c.items))]))[0]
            out.append(protocol.case_metrics(_top(m * t + self.pop, c.items), c.targets))
        return out


def _top(scores: np.ndarray, exclude: np.ndarray, k: int = protocol.NDCG_K) -> np.ndarray:
    """protocol.top_k's ranking, faster: partition first (ties at the cut may differ; tuning only)."""
    s = scores.copy()
    s[exclude] = -np.inf
    if k >= len(s):
        return np.lexsort((np.arange(len(s)), -s))[:k]
    part = np.argpartition(-s, k)[:k]
    return part[np.lexsort((part, -s[part]))]


def tune_gate(model, users: Sequence[UserRatings], val: np.ndarray, seed: int,
              slopes=GATE_SLOPES, offsets=GATE_OFFSETS) -> tuple[tuple[float, float], dict]:
    """Best (a, b) by the mean over settings (main, k = 1, 3, 5, 10) of Recall@20 + NDCG@100 on the
    validation users `val` (positions in `users`), for a model trained without them.
    Returns ((a, b), {"a,b": {setting: metrics}})."""
    settings = {"main": None} | {f"k={k}": k for k in protocol.COLD_START_K}
    split = {s: _SplitScores(model, protocol.topn_cases(users, val, seed, k)) for s, k in settings.items()}
    table, best, best_value = {}, None, -np.inf
    for a in slopes:
        for b in offsets:
            row = {s: protocol.mean_metrics(sc.metrics(a, b)) for s, sc in split.items()}
            value = np.mean([r["recall@20"] + r["ndcg@100"] for r in row.values() if r])
            table[f"{a:g},{b:g}"] = {s: {k: round(v, 4) for k, v in r.items()} for s, r in row.items()}
            if value > best_value:
                best, best_value = (float(a), float(b)), value
    return best, table


def validation_split(train_positions: np.ndarray, seed: int, fraction: float = 0.2
                     ) -> tuple[np.ndarray, np.ndarray]:
    """(fit, validation) user positions: the same seeded split of the training users that
    baselines.tune_ease tunes EASE's lambda on."""
    train_positions = np.sort(np.asarray(train_positions))
    perm = np.random.default_rng([seed, 0xEA5E]).permutation(len(train_positions))
    n_val = max(1, int(round(fraction * len(train_positions))))
    return train_positions[np.sort(perm[n_val:])], train_positions[np.sort(perm[:n_val])]


@dataclass
class TunedTraining:
    model: object  # trained on all training users, with the tuned gate
    gate: tuple[float, float]
    gate_table: dict
    fit_model: object  # trained without the validation users (for tuning anything else on them)
    validation: np.ndarray  # the validation users' positions


def train_with_tuned_gate(cat, users: Sequence[UserRatings], train_positions: np.ndarray, cfg,
                          seed: int) -> TunedTraining:
    """Train on the training users without their validation split, tune the gate on that split,
    then train on all training users and give that model the tuned gate."""
    from .two_tower import train
    fit, val = validation_split(train_positions, seed)
    fit_model = train(cat, [users[i] for i in fit], cfg)
    gate, table = tune_gate(fit_model, users, val, seed)
    model = train(cat, [users[i] for i in np.sort(train_positions)], cfg)
    set_gate(model, *gate)
    return TunedTraining(model, gate, table, fit_model, val)
