"""The browser's score, put together and tuned on validation users:

    score_j = sigmoid(a log n + b) * taste_j  +  popularity_j  +  w * EASE_j

n = ratings given. The tower's taste vector times the count gate decides how far a visitor with n
ratings moves from "most popular" (the item table's popularity column); EASE_j is the low-rank EASE
term (ease_factors.py), appended to the user vector and the item table as extra columns, so the
browser still computes one dot product per movie and the ONNX/bundle formats do not change.

Training fits the gate for the softmax loss, which is not the ranking metric (with one rating it
personalises too much and loses to plain popularity), and EASE is fitted separately, so (a, b, w)
are picked on a grid by Recall@20 + NDCG@100 of validation users (never test users), half the main
split (a visitor with a full profile), half the mean over the cold-start k, scored with a model and
EASE fitted without them; then the model trained on all training users gets them.
"""
from __future__ import annotations

import contextlib
import itertools
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import torch

from . import protocol
from .grid import grid_search
from .ease_factors import EaseFactors, choose_ease_lambda, fit_ease_factors, validation_positions
from .interactions import UserRatings
from .tower_training import plan_training, train

# Round 2 picked (1, -2) in every fold from a 7 x 12 grid; this one is smaller so that adding the
# EASE weights keeps tuning at ~15 s (224 points x 5 settings x ~100 users x all movies).
GATE_SLOPES = (0.5, 1.0, 1.5, 2.0)
GATE_OFFSETS = (-4.0, -3.0, -2.5, -2.0, -1.5, -1.0, 0.0)
EASE_WEIGHTS = (0.0, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 60.0)


def gate_value(a: float, b: float, n: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(a * np.log(np.maximum(n, 1.0)) + b)))


def set_gate(model, a: float, b: float) -> None:
    with torch.no_grad():
        model.gate.weight.fill_(float(a))
        model.gate.bias.fill_(float(b))


EASE_ROW_CAP = 8.0


def attach_ease(model, factors: EaseFactors, weight: float) -> None:
    """Append the EASE term to the model's exported vectors: input rows x weight on the visitor's
    side, item rows on the item table's. Both sides are rescaled by one constant (scores unchanged)
    so the EASE columns are about as large as the taste columns: the item table's int8 scale is per
    row, and one oversized part would cost the others their precision."""
    with torch.no_grad():
        taste = model.item_table().numpy()[:, : model.dim]
    has = np.abs(factors.item_rows).max(1) > 0
    c = 1.0
    if has.any():
        taste_size, ease_size = np.abs(taste[has]).max(1), np.abs(factors.item_rows[has]).max(1)
        c = float(np.median(taste_size) / np.median(ease_size))
        # A long tail of films with tiny EASE rows (87k films) pulls the median down, and the head's
        # rows then dwarf their own taste part; keep the 99th percentile within EASE_ROW_CAP x taste
        # (ml-latest-small: 5.5 x at the median's c, so unchanged there).
        c = min(c, float(EASE_ROW_CAP * np.median(taste_size) / np.percentile(ease_size, 99)))
    model.ease_rows = (factors.input_rows * np.float32(weight / c), factors.item_rows * np.float32(c))


class _SplitScores:
    """One validation setting's cases as matrices: taste scores with the gate removed (T), the
    popularity part (P) and the EASE part (E), so (a, b, w) ranks by m(a, b) T + P + w E with no
    tower run; all cases at once (numpy over [cases x items])."""

    def __init__(self, model, factors: EaseFactors | None, cases: Sequence[protocol.Case]):
        a, b = float(model.gate.weight), float(model.gate.bias)
        with torch.no_grad():
            table = model.item_table().numpy().astype(np.float64)
        d = model.dim
        self.pop = table[:, d] * model.bias_scale
        n_items = len(table)
        self.n = np.array([float(len(c.items)) for c in cases])
        taste = np.zeros((len(cases), n_items))
        ease = np.zeros((len(cases), n_items))
        self.exclude = np.zeros((len(cases), n_items), dtype=bool)
        self.target = np.zeros((len(cases), n_items), dtype=bool)
        for row, c in enumerate(cases):
            with torch.no_grad():  # the user vector, exactly as the exported tower computes it
                u = model.users(torch.from_numpy(np.asarray(c.items, dtype=np.int64)[None, :]),
                                torch.from_numpy(np.asarray(c.stars, dtype=np.float32)[None, :]))[0]
            u = u.numpy().astype(np.float64)
            taste[row] = table[:, :d] @ (u[:d] / gate_value(a, b, self.n[row : row + 1])[0])
            if factors is not None:
                ease[row] = factors.scores(c.items, c.stars)
            self.exclude[row, c.items] = True
            self.target[row, c.targets] = True
        self.taste, self.ease = taste, ease
        self.n_targets = self.target.sum(1)

    def metrics(self, a: float, b: float, w: float) -> dict[str, float]:
        k = protocol.NDCG_K
        s = gate_value(a, b, self.n)[:, None] * self.taste + self.pop + w * self.ease
        s[self.exclude] = -np.inf
        top = np.argpartition(-s, k, axis=1)[:, :k] if s.shape[1] > k else np.tile(np.arange(s.shape[1]), (len(s), 1))
        top = np.take_along_axis(top, np.argsort(-np.take_along_axis(s, top, 1), axis=1, kind="stable"), 1)
        hit = np.take_along_axis(self.target, top, 1)
        out = {f"recall@{r}": float(np.mean(hit[:, :r].sum(1) / np.minimum(r, self.n_targets)))
               for r in protocol.RECALL_KS}
        discount = 1.0 / np.log2(np.arange(2, k + 2))
        ideal = np.cumsum(discount)[np.minimum(k, self.n_targets) - 1]
        out[f"ndcg@{k}"] = float(np.mean((hit * discount[: hit.shape[1]]).sum(1) / ideal))
        return out


def tune_blend(model, factors: EaseFactors | None, users: Sequence[UserRatings], val: np.ndarray, seed: int,
               slopes=GATE_SLOPES, offsets=GATE_OFFSETS, weights=None
               ) -> tuple[tuple[float, float, float], dict]:
    """Best (a, b, w) by Recall@20 + NDCG@100 on the validation users `val` (positions in `users`),
    half the main split, half the mean over k = 1, 3, 5, 10, for a model and EASE fitted without them.
    Returns ((a, b, w), {"a,b,w": {setting: metrics}})."""
    settings = {"main": None} | {f"k={k}": k for k in protocol.COLD_START_K}
    val = tuning_sample(val, len(model.content.has_id), seed)
    split = {s: _SplitScores(model, factors, protocol.topn_cases(users, val, seed, k)) for s, k in settings.items()}
    weights = EASE_WEIGHTS if weights is None else weights
    if factors is None:
        weights = (0.0,)
    def score(point):
        row = {s: sc.metrics(*point) for s, sc in split.items() if len(sc.n)}
        return _objective(row), {s: {k: round(v, 4) for k, v in r.items()} for s, r in row.items()}

    points = [(float(a), float(b), float(w)) for a, b, w in itertools.product(slopes, offsets, weights)]
    return grid_search(points, score, key=lambda p: f"{p[0]:g},{p[1]:g},{p[2]:g}")


# The grid scores [validation users x films] matrices (224 points x 5 settings): at most this many
# cells per setting, so a 87k-film catalogue tunes on a seeded sample of ~100 validation users, as
# many as ml-latest-small has in all (20M cells, ~230 users, took 9 minutes at 87k films).
MAX_TUNING_CELLS = 8_000_000
MIN_TUNING_USERS = 100


def tuning_sample(val: np.ndarray, n_items: int, seed: int) -> np.ndarray:
    """The validation users to tune on: all of them while the matrices stay small, else a seeded sample."""
    cap = max(MIN_TUNING_USERS, MAX_TUNING_CELLS // max(n_items, 1))
    if len(val) <= cap:
        return val
    return np.sort(np.random.default_rng([seed, 0x7A]).choice(val, cap, replace=False))


def _objective(row: dict[str, dict[str, float]]) -> float:
    both = {s: m["recall@20"] + m["ndcg@100"] for s, m in row.items()}
    cold = [v for s, v in both.items() if s != "main"]
    if "main" not in both or not cold:
        return float(np.mean(list(both.values())))
    return 0.5 * both["main"] + 0.5 * float(np.mean(cold))


def validation_split(train_positions: np.ndarray, seed: int, fraction: float = 0.2
                     ) -> tuple[np.ndarray, np.ndarray]:
    """(fit, validation) user positions: the same seeded split of the training users that
    baselines.tune_ease tunes EASE's lambda on."""
    train_positions = np.sort(np.asarray(train_positions))
    fit, val = validation_positions(len(train_positions), seed, fraction)
    return train_positions[fit], train_positions[val]


@dataclass
class TunedTraining:
    model: object  # trained on all training users, with the tuned gate and EASE term
    gate: tuple[float, float]
    ease_weight: float
    ease_lambda: float | None
    blend_table: dict
    fit_model: object  # trained without the validation users (for tuning anything else on them)
    validation: np.ndarray  # the validation users' positions


def train_blended(cat, users: Sequence[UserRatings], train_positions: np.ndarray, cfg, seed: int,
                  ease_lambda: float | None = None, stage=None) -> TunedTraining:
    """Train the tower and fit EASE on the training users without their validation split, tune
    (a, b, w) on that split, then train and fit on all training users and give them (a, b, w).
    EASE's lambda is the EASE baseline's (ease_factors.choose_ease_lambda on the same split): pass
    it if it is already known, else it is tuned here. stage: StageMeter.stage, to time each part."""
    stage = stage or (lambda name: contextlib.nullcontext())
    fit, val = validation_split(train_positions, seed)
    fit_users = [users[i] for i in fit]
    all_users = [users[i] for i in np.sort(train_positions)]
    plan = plan_training(cfg, len(all_users), len(cat))  # the final model's: the tuning model trains alike
    with stage("train: two-tower, tuning model"):
        fit_model = train(cat, fit_users, cfg, plan=plan)
    lam, fit_factors = None, None
    if cfg.ease_rank:
        with stage("train: EASE term, lambda and tuning fit"):
            lam, fit_eigen = ((ease_lambda, None) if ease_lambda is not None
                              else choose_ease_lambda(all_users, len(cat), seed, cfg.ease_rank))
            # fit_users are the split's fit users that choose_ease_lambda decomposed: one decomposition
            fit_factors = fit_ease_factors(fit_users, len(cat), lam, cfg.ease_rank, fit_eigen)
    with stage("train: blend grid"):
        (a, b, w), table = tune_blend(fit_model, fit_factors, users, val, seed)
    set_gate(fit_model, a, b)
    if fit_factors is not None and w > 0:
        attach_ease(fit_model, fit_factors, w)
    with stage("train: two-tower, final"):
        model = train(cat, all_users, cfg, plan=plan)
    set_gate(model, a, b)
    # A term of weight 0 ships no columns: they would cost bytes and, where an item's EASE row is far
    # larger than its taste part (popular films at ml-32m's shape: up to 10^4 x), that row's int8 precision.
    if cfg.ease_rank and w > 0:
        with stage("train: EASE term, final"):
            attach_ease(model, fit_ease_factors(all_users, len(cat), lam, cfg.ease_rank), w)
    return TunedTraining(model, (a, b), w, lam, table, fit_model, val)
