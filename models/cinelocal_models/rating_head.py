"""Rating head: the stars a visitor would give a movie, from their own ratings and the item table.

    b_u  = sum_j (r_j - mu - b_j) / (n + user_damping)          (damped user bias)
    p    = argmin sum_j (r_j - mu - b_u - b_j - v_j . p)^2 + ridge |p|^2   (closed form, d x d solve)
    r_i  = clamp(mu + b_u + b_i + v_i . p, 0.5, 5)

v = the item table's taste columns exactly as the browser dequantizes them (int8 x row scale), so
the visitor's taste vector p lives in the two-tower's item space; mu and b_i (damped item biases)
come from the training users' ratings. Measured on validation users, a head on the user tower's
vector (w cos(u, v_i) + c) gained only .0014 RMSE over the bias baseline; this fold-in gains .04.

This file is the twin of core/src/rating_head.cpp (same arithmetic in float64; tests compare them
through tests/core/fixtures/rating_head_fixture.json). The parameters go into rating_head.bin:
    "CLRH", uint32 version 1, float32 global_mean, user_damping, ridge, then float32 item_bias[N],
all little-endian (20 + 4 N bytes).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from .ease_factors import validation_positions
from .grid import grid_search
from .interactions import UserRatings
from .protocol import rating_cases

MAGIC = b"CLRH"
VERSION = 1
MIN_STARS, MAX_STARS = 0.5, 5.0
RIDGES = (2.0, 5.0, 10.0, 20.0)  # tuned on validation users
ITEM_DAMPING = 10.0  # as baselines.RatingBaselines
USER_DAMPING = 5.0


@dataclass
class RatingHead:
    global_mean: float
    user_damping: float
    ridge: float
    item_bias: np.ndarray  # float32 [N]

    @classmethod
    def fit(cls, train_users: Sequence[UserRatings], n_items: int, ridge: float = 5.0) -> "RatingHead":
        items = np.concatenate([u.items for u in train_users])
        stars = np.concatenate([u.stars for u in train_users]).astype(np.float64)
        mu = float(np.float32(stars.mean()))
        n = np.bincount(items, minlength=n_items).astype(np.float64)
        s = np.bincount(items, weights=stars, minlength=n_items)
        bias = np.where(n > 0, (s - n * mu) / (n + ITEM_DAMPING), 0.0).astype(np.float32)
        return cls(mu, USER_DAMPING, float(ridge), bias)

    def to_bytes(self) -> bytes:
        head = MAGIC + struct.pack("<I3f", VERSION, self.global_mean, self.user_damping, self.ridge)
        return head + np.ascontiguousarray(self.item_bias, dtype="<f4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, n_items: int) -> "RatingHead":
        if len(data) != 20 + 4 * n_items or data[:4] != MAGIC:
            raise ValueError("not a rating_head.bin for this catalogue")
        version, mu, damping, ridge = struct.unpack("<I3f", data[4:20])
        if version != VERSION:
            raise ValueError(f"rating_head.bin version {version}")
        return cls(mu, damping, ridge, np.frombuffer(data[20:], dtype="<f4").copy())

    def write(self, path: Path) -> None:
        Path(path).write_bytes(self.to_bytes())

    def fold_in(self, taste_rows: np.ndarray, items, stars) -> tuple[float, np.ndarray]:
        """(user bias, taste vector p [d]) from the visitor's rated items and stars.
        taste_rows: [N, d] float32, the dequantized item table's taste columns."""
        items = np.asarray(items, dtype=np.int64)
        stars = np.asarray(stars, dtype=np.float32).astype(np.float64)
        d = taste_rows.shape[1]
        if len(items) == 0:
            return 0.0, np.zeros(d)
        resid = stars - np.float64(np.float32(self.global_mean)) - self.item_bias[items].astype(np.float64)
        b_u = resid.sum() / (len(items) + np.float64(np.float32(self.user_damping)))
        a = taste_rows[items].astype(np.float64)
        gram = a.T @ a + np.float64(np.float32(self.ridge)) * np.eye(d)
        p = np.linalg.solve(gram, a.T @ (resid - b_u))
        return float(b_u), p

    def predict(self, taste_rows: np.ndarray, user_bias: float, p: np.ndarray, targets) -> np.ndarray:
        targets = np.asarray(targets, dtype=np.int64)
        r = (np.float64(np.float32(self.global_mean)) + user_bias + self.item_bias[targets].astype(np.float64)
             + taste_rows[targets].astype(np.float64) @ p)
        return np.clip(r, MIN_STARS, MAX_STARS)


def taste_rows(table: np.ndarray, taste_dims: int) -> np.ndarray:
    """The taste columns of a dequantized [N, D] item table."""
    return np.ascontiguousarray(table[:, :taste_dims], dtype=np.float32)


def tune_ridge(head: RatingHead, rows: np.ndarray, cases, ridges=RIDGES) -> tuple[float, dict]:
    """Ridge with the lowest RMSE on validation rating cases (protocol.rating_cases of users the
    item table was trained without). Returns (ridge, {ridge: rmse})."""
    def score(ridge):
        h = RatingHead(head.global_mean, head.user_damping, ridge, head.item_bias)
        err = []
        for c in cases:
            b_u, p = h.fold_in(rows, c.items, c.stars)
            err.append(h.predict(rows, b_u, p, c.targets) - c.target_stars)
        e = np.concatenate(err) if err else np.zeros(1)
        rmse = float(np.sqrt(np.mean(e * e)))
        return -rmse, rmse

    return grid_search(ridges, score)


MAX_RIDGE_USERS = 5000


def tuned_rating_head(users: Sequence[UserRatings], fit_taste_rows: np.ndarray, train_positions: np.ndarray,
                      n_items: int, seed: int) -> tuple[RatingHead, dict]:
    """The ridge tuned on the validation users' rating cases (item biases and taste rows from a
    model and ratings without them: fit_taste_rows = export.int8_taste_rows(training.fit_model), the
    rows as the browser has them), then the head's biases from all training users.
    Returns (head, {ridge: validation rmse})."""
    fit, val = validation_positions(len(train_positions), seed)
    train_positions = np.sort(np.asarray(train_positions))
    fit, val = train_positions[fit], train_positions[val]
    head = RatingHead.fit([users[i] for i in fit], n_items)
    if len(val) > MAX_RIDGE_USERS:  # ml-32m: 36k validation users; a sample tells the ridge as well
        val = np.sort(np.random.default_rng([seed, 0x41D6]).choice(val, MAX_RIDGE_USERS, replace=False))
    ridge, table = tune_ridge(head, fit_taste_rows, rating_cases(users, val, seed))
    return RatingHead.fit([users[i] for i in train_positions], n_items, ridge), table
