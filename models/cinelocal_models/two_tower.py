"""The two-tower model (its training loop: tower_training.py).

User tower: a denoising set encoder over the visitor's (movie, stars) pairs, never a user id, so
every visitor is a "new user". Item tower: id embedding + genre and year embeddings, L2-normalised.
Both towers' id parts are dropped out in training and absent for movies nobody liked in training,
so unrated movies still get vectors from their genres and year. After training, blend.py appends a
low-rank EASE term (ease_factors.py) to both vectors: score = taste + popularity + EASE.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .catalogue import Catalogue
from .interactions import POSITIVE

YEAR_EDGES = np.array([1930, 1950, 1960, 1970, 1980, 1990, 1995, 2000, 2005, 2010, 2015])


@dataclass
class TrainConfig:
    epochs: int = 40
    batch_size: int = 64  # more steps beat bigger batches here (R@20 .276 vs .266 at 128, 3 splits)
    dim: int = 64  # taste part of the item/user embeddings (the item table's first columns)
    # User tower input embedding size: 16 (was 64) pays for the EASE term's bytes at no measured cost
    # (validation, fold 0: main R@20 .3151 at 64/16/rank 64, .3003 at 64/32/rank 48, .3051 at 32/32/80).
    dim_in: int = 16
    hidden: int = 256
    lr: float = 2e-3
    weight_decay: float = 0.0
    id_dropout: float = 0.2  # per item per batch
    max_input_fraction: float = 0.8  # input size ~ U{1 .. 80% of the user's ratings}
    # Also asking the model to reconstruct the input's positives (as Mult-DAE does) regularises:
    # +0.01 R@20 on held-out users. They are excluded at ranking time anyway.
    input_target_weight: float = 1.0
    # Input mix: with this probability the input is drawn from the user's positives only (what the
    # protocol and a first-time visitor give), else from all their ratings.
    positive_input_prob: float = 1.0
    # With this probability the input size is U{1 .. small_input_max} (cold start), else as above.
    small_input_prob: float = 0.5
    small_input_max: int = 5
    # Popularity: a per-item bias (id part + genre/year part), carried in one extra item-table column
    # as bias / bias_scale, with the user vector's extra component the constant bias_scale.
    item_bias: bool = True
    count_feature: bool = True  # log(number of ratings given) as an extra tower input
    count_gate: bool = True  # scale the taste vector by sigmoid(a log(count) + b)
    bias_scale: float = 8.0
    # Rank of the EASE term added to the score (ease_factors.py; 0 = none); 64 keeps the bundle under
    # 3 MB (models/README.md, round 3). A 32-d taste part (to afford rank 80) made "describe it" worse.
    ease_rank: int = 64
    # Scale (models/README.md, "Scale"): training work is bounded by a budget of user examples
    # (users x epochs); past it the batch grows (to max_batch_size), then epochs are cut. ml-latest-small
    # (549 users x 40 epochs = 22k examples) is far below it. Above full_softmax_max_items films the
    # softmax runs over a sampled candidate set (the batch's targets + sampled_negatives films drawn
    # from popularity mixed with uniform) with the logQ correction, not over every film.
    example_budget: int = 400_000
    max_batch_size: int = 512
    full_softmax_max_items: int = 25_000
    sampled_negatives: int = 4096
    # Over the example budget: at most this many input ratings (what the browser sends:
    # bundle.MAX_PROFILE_ITEMS) and target films per user and step (a random subset: the loss is a
    # mean over targets, so the subset's is an unbiased estimate of it).
    max_input_items: int = 512
    max_targets_per_user: int = 64
    seed: int = 0
    log: bool = True


def year_buckets(years: np.ndarray) -> np.ndarray:
    """0 = unknown year, 1.. = eras (finer recently, where most movies are)."""
    return np.where(years > 0, 1 + np.searchsorted(YEAR_EDGES, years, side="right"), 0)


class ContentFeatures(nn.Module):
    """Fixed per-item inputs: genre rows (averaged), year bucket, and whether the item has an id part."""

    def __init__(self, cat: Catalogue, has_id: np.ndarray):
        super().__init__()
        g = cat.genre_matrix()
        g = g / np.maximum(g.sum(1, keepdims=True), 1.0)  # mean of the movie's genre embeddings
        self.register_buffer("genre_mean", torch.from_numpy(g))
        self.register_buffer("year_bucket", torch.from_numpy(year_buckets(cat.years)).long())
        self.register_buffer("has_id", torch.from_numpy(has_id.astype(np.float32)))
        self.n_genres, self.n_years = g.shape[1], len(YEAR_EDGES) + 2


class ItemEmbedding(nn.Module):
    """id + mean(genres) + year for every item at once; N ~ 10k, so the whole table per batch is cheap."""

    def __init__(self, content: ContentFeatures, n_items: int, dim: int, id_dropout: float,
                 id_bias_init: np.ndarray | None = None):
        """With id_bias_init, one more column: a bias per item (id part + genre/year parts)."""
        super().__init__()
        self.content, self.id_dropout = content, id_dropout
        extra = 0 if id_bias_init is None else 1
        self.ids = nn.Parameter(torch.randn(n_items, dim + extra) * 0.05)
        self.genres = nn.Parameter(torch.randn(max(content.n_genres, 1), dim + extra) * 0.1)
        self.years = nn.Parameter(torch.randn(content.n_years, dim + extra) * 0.1)
        if extra:
            with torch.no_grad():
                self.ids[:, dim] = torch.from_numpy(id_bias_init.astype(np.float32))
                self.genres[:, dim] = 0.0
                self.years[:, dim] = 0.0

    def forward(self, rows: torch.Tensor | None = None) -> torch.Tensor:
        """Every item's row, or only `rows` (the sampled softmax's candidates)."""
        if rows is None:
            keep = self.content.has_id
            if self.training and self.id_dropout > 0:
                keep = keep * (torch.rand_like(keep) >= self.id_dropout).float()
            genres = self.content.genre_mean @ self.genres[: self.content.genre_mean.shape[1]]
            return self.ids * keep[:, None] + genres + self.years[self.content.year_bucket]
        keep = self.content.has_id[rows]
        if self.training and self.id_dropout > 0:
            keep = keep * (torch.rand_like(keep) >= self.id_dropout).float()
        genres = self.content.genre_mean[rows] @ self.genres[: self.content.genre_mean.shape[1]]
        return self.ids[rows] * keep[:, None] + genres + self.years[self.content.year_bucket[rows]]


def encode_set(table: torch.Tensor, items: torch.Tensor, stars: torch.Tensor, mlp: nn.Module,
               gate: nn.Module | None = None) -> torch.Tensor:
    """[B, L] item indices + stars (0 = padding) -> [B, D] user vectors.

    Two masked means: of the items (what you watched) and of the items weighted by (stars - 3) / 2
    (what you liked, minus what you disliked). The same code is exported to ONNX, where stars > 0
    is the mask, so a caller may also pad with zero stars.
    """
    mask = (stars > 0).to(table.dtype)
    count = mask.sum(1, keepdim=True).clamp(min=1.0)
    emb = F.embedding(items, table)
    watched = (emb * mask.unsqueeze(-1)).sum(1) / count
    liked = (emb * ((stars - 3.0) / 2.0 * mask).unsqueeze(-1)).sum(1) / count
    feats = [watched, liked]
    if mlp[0].in_features % 2 == 1:  # 2 x dim_in + 1
        # How many ratings we have: lets the tower be cautious (closer to popularity) with 1 rating.
        feats.append(torch.log(count) / 3.0)
    u = mlp(torch.cat(feats, dim=1))
    if gate is not None:
        # Personalisation strength from the number of ratings (a learned sigmoid of log count):
        # with one rating the item bias (popularity) can dominate, with many the taste vector.
        u = u * torch.sigmoid(gate(torch.log(count)))
    return u


def make_mlp(dim_in: int, hidden: int, dim: int, count_feature: bool = True) -> nn.Sequential:
    return nn.Sequential(nn.Linear(2 * dim_in + int(count_feature), hidden), nn.Tanh(), nn.Linear(hidden, dim))


class TwoTower(nn.Module):
    def __init__(self, cat: Catalogue, has_id: np.ndarray, cfg: TrainConfig,
                 item_positive_counts: np.ndarray | None = None):
        super().__init__()
        self.content = ContentFeatures(cat, has_id)
        self.dim = cfg.dim
        self.bias_scale = cfg.bias_scale if cfg.item_bias else 0.0
        bias_init = None
        if cfg.item_bias:
            # Start from log-popularity among the training users (centred), so the first steps
            # already rank like "most popular"; items nobody liked start at the bottom.
            counts = np.asarray(item_positive_counts if item_positive_counts is not None
                                else has_id.astype(np.float64), dtype=np.float64)
            logc = np.log1p(counts)
            bias_init = np.where(has_id, logc - logc[has_id].mean() if has_id.any() else 0.0, -3.0)
        self.item_side = ItemEmbedding(self.content, len(cat), cfg.dim, cfg.id_dropout, bias_init)
        self.input_side = ItemEmbedding(self.content, len(cat), cfg.dim_in, cfg.id_dropout)
        self.mlp = make_mlp(cfg.dim_in, cfg.hidden, cfg.dim, cfg.count_feature)
        self.gate = None
        if cfg.count_gate:
            self.gate = nn.Linear(1, 1)
            with torch.no_grad():
                self.gate.weight.fill_(1.0)
                self.gate.bias.fill_(0.0)
        # (visitor input rows x weight, item rows) of the EASE term, set after training by
        # blend.attach_ease: the exported tower and item table append them to the vectors.
        self.ease_rows: tuple[np.ndarray, np.ndarray] | None = None
        # The user vector's length is the inverse softmax temperature (scores = u . v, |v| = 1);
        # start it near 1/0.1 so early softmaxes are not flat.
        with torch.no_grad():
            self.mlp[2].weight.mul_(5.0)

    def item_table(self, rows: torch.Tensor | None = None) -> torch.Tensor:
        t = self.item_side(rows)
        v = F.normalize(t[:, : self.dim], dim=1)
        if not self.bias_scale:
            return v
        return torch.cat([v, t[:, self.dim:] / self.bias_scale], dim=1)

    def input_table(self) -> torch.Tensor:
        return self.input_side()

    def users(self, items: torch.Tensor, stars: torch.Tensor, only_used_rows: bool = False) -> torch.Tensor:
        """only_used_rows: compute the input rows of the batch's films only (large catalogues; the
        same vectors, a different draw of the id dropout than the whole table's)."""
        if only_used_rows:
            used, position = torch.unique(items, return_inverse=True)
            table, items = self.input_side(used), position.reshape(items.shape)
        else:
            table = self.input_table()
        return with_bias_component(encode_set(table, items, stars, self.mlp, self.gate), self.bias_scale)


def with_bias_component(u: torch.Tensor, bias_scale: float) -> torch.Tensor:
    """Append the constant component that multiplies the item table's bias column."""
    if not bias_scale:
        return u
    return torch.cat([u, torch.ones_like(u[:, :1]) * bias_scale], dim=1)


class ExportedUserTower(nn.Module):
    """What goes into user_tower.onnx: the input table baked into one Embedding (ids, genres and
    years summed once at export), so the browser does a single Gather."""

    def __init__(self, table: torch.Tensor, mlp: nn.Sequential, bias_scale: float = 0.0,
                 gate: nn.Module | None = None, ease: "EaseInput | None" = None):
        super().__init__()
        self.table = nn.Embedding.from_pretrained(table.detach().clone(), freeze=True)
        self.mlp = mlp
        self.gate = gate
        self.bias_scale = float(bias_scale)
        self.ease = ease

    def forward(self, item_index: torch.Tensor, rating: torch.Tensor) -> torch.Tensor:
        u = with_bias_component(encode_set(self.table.weight, item_index, rating, self.mlp, self.gate),
                                self.bias_scale)
        if self.ease is None:
            return u
        return torch.cat([u, self.ease(item_index, rating)], dim=1)


class EaseInput(nn.Module):
    """The visitor's EASE part (ease_factors.py): the EASE input rows of the movies they rated 4
    stars or more, summed with weight stars - 3 (ease_factors.input_weights). Only movies some
    training user liked have a row, so the table is stored compactly: remap[item] is the item's row,
    row 0 (all zeros) for the others."""

    def __init__(self, remap: torch.Tensor, table: torch.Tensor):
        super().__init__()
        # int16 while it fits (ml-latest-small: ~6k rows): 19 KB less to download than int32.
        small = int(remap.max()) < 2 ** 15 if remap.numel() else True
        self.register_buffer("remap", remap.to(torch.int16 if small else torch.int32))
        self.table = nn.Embedding.from_pretrained(table.detach().clone().float(), freeze=True)

    @classmethod
    def from_rows(cls, rows: np.ndarray) -> "EaseInput":
        used = np.flatnonzero(np.abs(rows).sum(1) > 0)
        remap = np.zeros(len(rows), dtype=np.int32)
        remap[used] = np.arange(1, len(used) + 1)
        table = np.zeros((len(used) + 1, rows.shape[1]), dtype=np.float32)
        table[1:] = rows[used]
        return cls(torch.from_numpy(remap), torch.from_numpy(table))

    def forward(self, item_index: torch.Tensor, rating: torch.Tensor) -> torch.Tensor:
        weight = (rating >= POSITIVE).to(torch.float32) * (rating - 3.0)
        rows = F.embedding(self.remap[item_index.long()].long(), self.table.weight)
        return (rows * weight.unsqueeze(-1)).sum(1)
