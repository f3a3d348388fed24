"""Training the two-tower model (two_tower.py): denoising batches, the softmax, the work budget.

Each step takes a batch of training users, shows the tower a random part of each user's ratings
and asks it to find their other positives among the films. Two softmaxes, chosen by catalogue size
(TrainConfig.full_softmax_max_items; models/README.md "Scale" has the measurements):
- full: over every film (ml-latest-small's 9.7k; the loss the shipped model has always had);
- sampled: over the batch's target films plus `sampled_negatives` films drawn from popularity mixed
  with uniform, each logit corrected by the log of how often that film is a candidate (logQ), so
  popular films are not under-penalised for being candidates more often. 87k films x a batch of
  hundreds would otherwise be most of a step's time. It also computes item rows for the step's
  films only.
The work is bounded by TrainConfig.example_budget (users x epochs), so a 200k-user data set trains
in minutes: plan_training() says how (batch size, epochs); over the budget each user's input and
targets per step are capped too (heavy raters have thousands of ratings).

train(..., rank, world_size) runs the same loop in one process of a DistributedDataParallel group
(distributed_training.py): each rank takes its share of every batch, gradients are averaged.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from .catalogue import Catalogue
from .interactions import POSITIVE, UserRatings, positive_counts
from .two_tower import TrainConfig, TwoTower


@dataclass(frozen=True)
class TrainingPlan:
    batch_size: int
    epochs: int
    sampled_softmax: bool
    capped: bool  # over the budget: inputs and targets per user capped (TrainConfig.max_input_items)

    def describe(self, n_users: int) -> str:
        kind = "sampled" if self.sampled_softmax else "full"
        return (f"{self.epochs} epochs x {math.ceil(n_users / self.batch_size)} steps of {self.batch_size} "
                f"users, {kind} softmax")


def plan_training(cfg: TrainConfig, n_users: int, n_items: int) -> TrainingPlan:
    """Within cfg.example_budget user examples: first a bigger batch (fewer, larger steps cost less
    per example), then fewer epochs. Small data keeps cfg.batch_size and cfg.epochs exactly."""
    batch, epochs = cfg.batch_size, cfg.epochs
    capped = n_users * epochs > cfg.example_budget
    if capped:
        steps = max(1, cfg.example_budget // (cfg.batch_size * 4))  # aim: a quarter of the small-batch steps
        batch = int(min(cfg.max_batch_size, max(cfg.batch_size, math.ceil(n_users * epochs / steps))))
        epochs = max(1, min(epochs, cfg.example_budget // max(n_users, 1)))
    return TrainingPlan(batch, epochs, n_items > cfg.full_softmax_max_items, capped)


def draw_inputs(users: list[UserRatings], rng: np.random.Generator, cfg: TrainConfig, capped: bool = False):
    """Denoising: per user, which of their ratings are the input (positions) and which films are the
    targets (their other positives). capped: the over-budget caps of TrainConfig apply."""
    inputs, targets = [], []
    for u in users:
        n = len(u.items)
        pos = np.flatnonzero(u.stars >= POSITIVE)
        if cfg.positive_input_prob > 0 and len(pos) >= 2 and rng.random() < cfg.positive_input_prob:
            pool = pos  # positives only
        else:
            pool = np.arange(n)
        m = len(pool)
        if cfg.small_input_prob > 0 and rng.random() < cfg.small_input_prob:
            k = int(rng.integers(1, max(1, min(cfg.small_input_max, m - 1)) + 1))
        else:
            k = int(rng.integers(1, max(1, int(m * cfg.max_input_fraction)) + 1))
        if capped:
            k = min(k, cfg.max_input_items)
        perm = pool[rng.permutation(m)]
        inputs.append(perm[:k])
        rest = np.setdiff1d(np.arange(n), perm[:k], assume_unique=True) if m < n else perm[k:]
        tgt = u.items[rest[u.stars[rest] >= POSITIVE]]
        if capped and len(tgt) > cfg.max_targets_per_user:
            tgt = rng.choice(tgt, cfg.max_targets_per_user, replace=False)
        targets.append(tgt)
    return inputs, targets


def input_tensors(users: list[UserRatings], inputs) -> tuple[torch.Tensor, torch.Tensor]:
    """[B, L] item indices and stars of each user's input, zero-padded."""
    length = max(len(i) for i in inputs)
    items = np.zeros((len(users), length), dtype=np.int64)
    stars = np.zeros((len(users), length), dtype=np.float32)
    for row, (u, inp) in enumerate(zip(users, inputs)):
        items[row, : len(inp)] = u.items[inp]
        stars[row, : len(inp)] = u.stars[inp]
    return torch.from_numpy(items), torch.from_numpy(stars)


def target_entries(users: list[UserRatings], inputs, targets, input_target_weight: float,
                   max_own: int | None = None):
    """(rows, items, weights) of every user's targets: their other positives with weight 1 and, as
    Mult-DAE does, the input's own positives with input_target_weight (1 wins where both; at most
    max_own of those, the first of the input's random order)."""
    rows, items, weights = [], [], []
    for row, (u, inp, tgt) in enumerate(zip(users, inputs, targets)):
        own = u.items[inp][u.stars[inp] >= POSITIVE] if input_target_weight > 0 else u.items[:0]
        own = np.setdiff1d(own[:max_own] if max_own else own, tgt)
        for films, w in ((own, input_target_weight), (tgt, 1.0)):
            rows.append(np.full(len(films), row, dtype=np.int64))
            items.append(films.astype(np.int64))
            weights.append(np.full(len(films), w, dtype=np.float32))
    return np.concatenate(rows), np.concatenate(items), np.concatenate(weights)


def dense_targets(n_users: int, n_items: int, entries) -> torch.Tensor:
    rows, items, weights = entries
    target = np.zeros((n_users, n_items), dtype=np.float32)
    target[rows, items] = weights
    return torch.from_numpy(target)


def softmax_loss(user: torch.Tensor, table: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Full multinomial softmax over all items, averaged over each user's targets, then over users."""
    logp = F.log_softmax(user @ table.T, dim=1)
    n = target.sum(1)
    has = n > 0
    if not bool(has.any()):
        return logp.sum() * 0.0
    per_user = -(logp * target).sum(1)[has] / n[has]
    return per_user.mean()


class CandidateSampler:
    """Sampled softmax candidates: the batch's target films plus negatives drawn from
    q = 1/2 popularity share + 1/2 uniform (uniform so films nobody liked are pushed down too).
    log_expected(c) estimates the log of the chance that film c is a candidate in a step: the logQ
    correction."""

    def __init__(self, positive_counts: np.ndarray, n_negatives: int):
        share = positive_counts / max(positive_counts.sum(), 1.0)
        self.popularity = share
        self.q = 0.5 * share + 0.5 / len(share)
        self.cdf = np.cumsum(self.q)
        self.n_negatives = n_negatives

    def candidates(self, target_items: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        u = rng.random(self.n_negatives) * self.cdf[-1]
        negatives = np.minimum(np.searchsorted(self.cdf, u, side="right"), len(self.cdf) - 1)
        return np.unique(np.concatenate([target_items, negatives]))

    def log_expected(self, candidates: np.ndarray, n_target_entries: int) -> np.ndarray:
        """log of the chance that each film is among a step's (de-duplicated) candidates: with E its
        expected number of draws, 1 - exp(-E) (a head film drawn ~100 times is a candidate once,
        not 100 times; a tail film's chance is ~E)."""
        expected = n_target_entries * self.popularity[candidates] + self.n_negatives * self.q[candidates]
        return np.log(np.maximum(-np.expm1(-expected), 1e-12)).astype(np.float32)


def sampled_softmax_loss(user: torch.Tensor, cand_table: torch.Tensor, log_q: torch.Tensor,
                         rows: torch.Tensor, cols: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """The softmax over the candidates (logits - logQ); targets given as (row, candidate column,
    weight) entries; averaged over each user's targets, then over users with targets."""
    logp = F.log_softmax(user @ cand_table.T - log_q, dim=1)
    n_users = user.shape[0]
    picked = logp[rows, cols] * weights
    per_user = torch.zeros(n_users, dtype=logp.dtype).index_add(0, rows, picked)
    n = torch.zeros(n_users, dtype=logp.dtype).index_add(0, rows, weights)
    has = n > 0
    if not bool(has.any()):
        return logp.sum() * 0.0
    return (-per_user[has] / n[has]).mean()


def train(cat: Catalogue, users: list[UserRatings], cfg: TrainConfig, rank: int = 0,
          world_size: int = 1, plan: TrainingPlan | None = None) -> TwoTower:
    """Train on `users`. With world_size > 1 (a DDP process group already initialised), every rank
    draws the same batches from the same seed and computes the loss of its slice of each batch.
    plan: how to train (default: plan_training for these users); the blend passes the final
    model's plan to its tuning model too, so both are trained alike."""
    torch.manual_seed(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    counts = positive_counts(users, len(cat))
    model = TwoTower(cat, counts > 0, cfg, counts)
    step_model = model
    if world_size > 1:
        from torch.nn.parallel import DistributedDataParallel
        step_model = DistributedDataParallel(_LossModule(model), broadcast_buffers=False)  # buffers are constants
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    users = [u for u in users if len(u.items) >= 2]  # need at least one input and one possible target
    plan = plan or plan_training(cfg, len(users), len(cat))
    sampler = CandidateSampler(counts, cfg.sampled_negatives) if plan.sampled_softmax else None
    if cfg.log:
        print(f"two-tower: {len(users)} users, {len(cat)} films: {plan.describe(len(users))}", flush=True)
    start = time.perf_counter()
    model.train()
    for epoch in range(plan.epochs):
        order = rng.permutation(len(users))
        total, batches = 0.0, 0
        for b in range(0, len(order), plan.batch_size):
            batch = [users[i] for i in order[b: b + plan.batch_size]]
            inputs, targets = draw_inputs(batch, rng, cfg, capped=plan.capped)
            args = _step_inputs(batch, inputs, targets, cfg, len(cat), sampler, rng, plan.capped)
            if world_size > 1:
                args = _rank_slice(args, rank, world_size)
                loss = step_model(*args)
            else:
                loss = _loss(model, *args)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total, batches = total + float(loss), batches + 1
        if cfg.log and rank == 0:
            print(f"epoch {epoch + 1:3d}/{plan.epochs}  train loss {total / max(batches, 1):.4f}  "
                  f"({time.perf_counter() - start:.1f} s)", flush=True)
    model.eval()
    model.train_seconds = time.perf_counter() - start
    model.training_plan = plan
    return model


def _step_inputs(batch, inputs, targets, cfg: TrainConfig, n_items: int, sampler, rng, capped: bool):
    """What one step's loss needs, as tensors: (items, stars, target matrix) for the full softmax,
    (items, stars, candidates, logQ, rows, cols, weights) for the sampled one."""
    items, stars = input_tensors(batch, inputs)
    entries = target_entries(batch, inputs, targets, cfg.input_target_weight,
                             cfg.max_targets_per_user if capped else None)
    if sampler is None:
        return items, stars, dense_targets(len(batch), n_items, entries)
    rows, films, weights = entries
    cand = sampler.candidates(films, rng)
    cols = np.searchsorted(cand, films)
    return (items, stars, torch.from_numpy(cand), torch.from_numpy(sampler.log_expected(cand, len(films))),
            torch.from_numpy(rows), torch.from_numpy(cols), torch.from_numpy(weights))


def _loss(model: TwoTower, items, stars, *rest) -> torch.Tensor:
    if len(rest) == 1:
        return softmax_loss(model.users(items, stars), model.item_table(), rest[0])
    users = model.users(items, stars, only_used_rows=True)
    cand, log_q, rows, cols, weights = rest
    return sampled_softmax_loss(users, model.item_table(cand), log_q, rows, cols, weights)


class _LossModule(torch.nn.Module):
    """The loss as a module, so DistributedDataParallel can wrap it and average the gradients."""

    def __init__(self, model: TwoTower):
        super().__init__()
        self.model = model

    def forward(self, *args):
        return _loss(self.model, *args)


def _rank_slice(args, rank: int, world_size: int):
    """This rank's users of the step (contiguous slice); with equal slices, DDP's gradient mean
    equals the gradient of the whole batch's loss (the loss is a mean over users with targets,
    exactly so when each slice has as many users with targets)."""
    items, stars = args[0], args[1]
    n = items.shape[0]
    lo, hi = rank * n // world_size, (rank + 1) * n // world_size
    if len(args) == 3:
        return items[lo:hi], stars[lo:hi], args[2][lo:hi]
    cand, log_q, rows, cols, weights = args[2:]
    keep = (rows >= lo) & (rows < hi)
    return items[lo:hi], stars[lo:hi], cand, log_q, rows[keep] - lo, cols[keep], weights[keep]
