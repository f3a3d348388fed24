"""The whole build in order: read -> catalogue -> train -> sanity-evaluate -> export -> write."""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
import torch

from . import bundle, export
from .bundle import RATING_HEAD_FILE
from .catalogue import build_catalogue, write_catalogue
from .evaluate import fold_in_splits, popularity_scorer, recall_at
from .interactions import group_by_user, split_users
from .movielens import read_movielens
from .quantize import dequantize, int8_initializer_names, quantize_weights_int8
from .blend import train_blended
from .rating_head import tuned_rating_head
from .two_tower import TrainConfig


@dataclass
class BuildResult:
    manifest: dict
    train_seconds: float
    recall_model: float  # exported (int8) model, held-out users
    recall_model_float: float
    recall_popularity: float
    evaluated_users: int
    float_onnx_bytes: int


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    # With 2 threads, some CPU backward kernels (embedding/index accumulation) sum in a racy order;
    # the deterministic variants cost nothing measurable here and make rebuilds bit-identical.
    torch.use_deterministic_algorithms(True)


def build(out: Path, ml_dir: Path, tmdb_dir: Path | None, cfg: TrainConfig,
          holdout_fraction: float = 0.1, log=print, reference_path: Path | None = None) -> BuildResult:
    seed_everything(cfg.seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)

    ml = read_movielens(ml_dir, tmdb_dir)
    cat = build_catalogue(ml)
    users = group_by_user(ml, cat)
    log(f"{ml.name}: {len(ml.ratings)} ratings, {len(users)} users, {len(cat)} movies, {len(cat.genres)} genres")

    # The shipped model is the one trained without the held-out users, so the printed check is honest.
    train_idx, hold_idx = split_users(len(users), holdout_fraction, cfg.seed)
    train_users = [users[i] for i in train_idx]
    # The count gate, EASE term weight and the rating head's ridge are tuned on a validation split of
    # the training users (blend.py, rating_head.py), exactly as the evaluation does per fold.
    training = train_blended(cat, users, train_idx, cfg, cfg.seed)
    model = training.model
    head, _ = tuned_rating_head(users, training, train_idx, len(cat), cfg.seed)
    log(f"training time {model.train_seconds:.1f} s ({cfg.epochs} epochs, {len(train_users)} users); "
        f"count gate {training.gate}, EASE term rank {cfg.ease_rank} weight {training.ease_weight:g} "
        f"lambda {training.ease_lambda}, rating head ridge {head.ridge:g}")

    tower = export.user_tower(model)
    tower_q = export.dequantized_user_tower(tower)
    q_table, q_scale = export.item_table_int8(model)
    table_deq = dequantize(q_table, q_scale, axis=0)
    table_float = export.item_table(model)

    splits = fold_in_splits([users[i] for i in hold_idx], cfg.seed)
    r_q = recall_at(splits, lambda it, st: table_deq @ export.run_tower(tower_q, it, st))
    r_f = recall_at(splits, lambda it, st: table_float @ export.run_tower(tower, it, st))
    r_pop = recall_at(splits, popularity_scorer(train_users, len(cat)))
    log(f"held-out Recall@20 over {len(splits)} users: two-tower int8 {r_q:.4f} "
        f"(float {r_f:.4f}), popularity {r_pop:.4f}")

    float_onnx = export.to_onnx(tower)
    int8_onnx = quantize_weights_int8(float_onnx)
    if len(int8_initializer_names(int8_onnx)) < 3:  # the table and both Linear weights
        raise RuntimeError("int8 rewrite did not find the user tower's weights")

    write_catalogue(cat, out / "catalogue.json")
    bundle.write_item_table(out / "item_table.bin", q_table, q_scale)
    onnx.save(int8_onnx, out / "user_tower.onnx")
    head.write(out / RATING_HEAD_FILE)
    manifest = bundle.write_manifest(out, ml.name, ml.ratings_sha256, len(cat), q_table.shape[1], taste_dims=cfg.dim)

    cases = [bundle.reference_case(name, items, stars, export.run_tower(tower_q, items, stars),
                                   export.run_tower(tower, items, stars), table_deq)
             for name, items, stars in bundle.reference_profiles(cat)]
    if reference_path is None:
        reference_path = out.resolve().parent / "model_reference.json"
    reference_path.parent.mkdir(parents=True, exist_ok=True)
    bundle.write_reference(reference_path, manifest["model_version"], cases)
    for name in bundle.BUNDLE_FILES + ("manifest.json",):
        log(f"  {name:16s} {(out / name).stat().st_size:>9d} bytes")
    return BuildResult(manifest, model.train_seconds, r_q, r_f, r_pop, len(splits),
                       len(float_onnx.SerializeToString()))
