"""The whole build in order: read -> prepare -> train -> export -> check on held-out users -> content model.

Each stage runs under a StageMeter (wall seconds, peak memory), printed at the end of a build and
collected by the scale benchmark (models/scale_benchmark.py)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx

from . import bundle, export, protocol
from .bundle import RATING_HEAD_FILE
from .catalogue import build_catalogue, write_catalogue
from .catalogue_policy import DEFAULT_MAX_VECTOR_FILMS, split_catalogue, vector_ratings
from .content_export import build_content
from .interactions import group_by_user, positive_counts, split_users
from .movielens import read_movielens
from .quantize import dequantize, int8_initializer_names, quantize_weights_int8
from .blend import train_blended
from .export import int8_taste_rows
from .rating_head import tuned_rating_head
from .seeding import seed_everything
from .stage_meter import StageMeter
from .two_tower import TrainConfig

# The held-out check scores every film for each user: a seeded sample keeps it to seconds at 200k users.
MAX_CHECK_USERS = 2000


@dataclass
class BuildResult:
    manifest: dict
    train_seconds: float
    check: dict  # held-out users' Recall@20 / NDCG@100: int8 (as shipped), float, popularity
    evaluated_users: int
    float_onnx_bytes: int
    meter: StageMeter


def build(out: Path, ml_dir: Path, tmdb_dir: Path | None, cfg: TrainConfig,
          holdout_fraction: float = 0.1, log=print, reference_path: Path | None = None,
          meter: StageMeter | None = None, content: bool = True,
          max_vector_films: int = DEFAULT_MAX_VECTOR_FILMS) -> BuildResult:
    """The shipped model is trained on the training users only: the held-out 10% give the printed
    check (the protocol's main split on them), so it is a number the model never saw.
    max_vector_films: the catalogue policy (catalogue_policy.py); the other films are search-only."""
    seed_everything(cfg.seed)
    meter = meter or StageMeter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)

    with meter.stage("read"):
        ml = read_movielens(ml_dir, tmdb_dir)
    with meter.stage("prepare"):
        split = split_catalogue(ml, build_catalogue(ml), max_vector_films)
        cat = split.vector  # what the models see; item index = item-table row
        all_users = group_by_user(ml, split.full)  # every film: the held-out check counts them all
        train_idx, hold_idx = split_users(len(all_users), holdout_fraction, cfg.seed)
        to_vector = split.to_vector()
        users = vector_ratings(all_users, to_vector)
        train_idx = train_idx[[len(users[i].items) > 0 for i in train_idx]]
    log(f"{ml.name}: {len(ml.ratings)} ratings, {len(users)} users, {len(split.full)} movies, {len(cat.genres)} genres")
    log(split.describe())
    ratings_sha256, name = ml.ratings_sha256, ml.name
    del ml  # the per-rating arrays: users hold what training needs

    # The count gate, EASE term weight and the rating head's ridge are tuned on a validation split
    # of the training users (blend.py, rating_head.py), exactly as the evaluation does per fold.
    training = train_blended(cat, users, train_idx, cfg, cfg.seed, stage=meter.stage)
    model = training.model
    with meter.stage("train: rating head"):
        head, _ = tuned_rating_head(users, int8_taste_rows(training.fit_model), train_idx, len(cat), cfg.seed)
    log(f"training time {model.train_seconds:.1f} s ({model.training_plan.describe(len(train_idx))}); "
        f"count gate {training.gate}, EASE term rank {cfg.ease_rank} weight {training.ease_weight:g} "
        f"lambda {training.ease_lambda}, rating head ridge {head.ridge:g}")

    with meter.stage("export"):
        tower = export.user_tower(model)
        tower_q = export.dequantized_user_tower(tower)
        q_table, q_scale = export.item_table_int8(model)
        table_deq = dequantize(q_table, q_scale, axis=0)
        float_onnx = export.to_onnx(tower)
        int8_onnx = quantize_weights_int8(float_onnx)
        if len(int8_initializer_names(int8_onnx)) < 3:  # the table and both Linear weights
            raise RuntimeError("int8 rewrite did not find the user tower's weights")
        write_catalogue(cat, out / "catalogue.json", search_only=split.search_only)
        bundle.write_item_table(out / "item_table.bin", q_table, q_scale)
        onnx.save(int8_onnx, out / "user_tower.onnx")
        head.write(out / RATING_HEAD_FILE)
        manifest = bundle.write_manifest(out, name, ratings_sha256, len(split.full), q_table.shape[1],
                                         taste_dims=cfg.dim, vector_count=len(cat))
        cases = [bundle.reference_case(case, items, stars, export.run_tower(tower_q, items, stars),
                                       export.run_tower(tower, items, stars), table_deq)
                 for case, items, stars in bundle.reference_profiles(cat)]
        if reference_path is None:
            reference_path = out.resolve().parent / "model_reference.json"
        reference_path.parent.mkdir(parents=True, exist_ok=True)
        bundle.write_reference(reference_path, manifest["model_version"], cases)

    with meter.stage("evaluate"):
        check, n_checked = held_out_check(all_users, to_vector, train_idx, hold_idx, cfg.seed, tower, tower_q,
                                          export.item_table(model), table_deq)
    log(f"held-out users ({n_checked}, protocol main split): Recall@20 two-tower int8 {check['int8']['recall@20']:.4f} "
        f"(float {check['float']['recall@20']:.4f}), popularity {check['popularity']['recall@20']:.4f}")
    if content:
        with meter.stage("content model"):  # "describe it", trained against the item table just exported
            bundle.add_to_manifest(out, build_content(out, cat, table_deq, cfg.dim, ml_dir, tmdb_dir,
                                                      reference_path.parent / "content_reference.json",
                                                      seed=cfg.seed, log=log, search_only=split.search_only))
    for f in bundle.BUNDLE_FILES + ("manifest.json",):
        log(f"  {f:16s} {(out / f).stat().st_size:>9d} bytes")
    return BuildResult(manifest, model.train_seconds, check, n_checked,
                       len(float_onnx.SerializeToString()), meter)


def held_out_check(users, to_vector, train_idx, hold_idx, seed: int, tower, tower_q, table_float, table_deq):
    """Recall@20 / NDCG@100 of the held-out users (a seeded sample of at most MAX_CHECK_USERS) for
    the int8 model as shipped, the float model and popularity among the training users. `users` index
    every film; to_vector maps them to item-table rows (-1: search-only, never recommended, so a liked
    search-only film is a miss, as it is on the site)."""
    hold_idx = np.asarray(hold_idx)[protocol.eligible_users([users[i] for i in hold_idx])]
    if len(hold_idx) > MAX_CHECK_USERS:
        hold_idx = np.sort(np.random.default_rng([seed, 0xC4EC]).choice(hold_idx, MAX_CHECK_USERS, replace=False))
    cases = protocol.topn_cases(users, hold_idx, seed)
    counts = positive_counts([users[i] for i in train_idx], len(to_vector))
    has_row = to_vector >= 0

    def on_site(table, net):
        def score(items, stars):
            rows = to_vector[items]
            scores = np.full(len(to_vector), -np.inf)
            scores[has_row] = table @ export.run_tower(net, rows[rows >= 0], stars[rows >= 0])
            return scores
        return score

    scorers = {"int8": on_site(table_deq, tower_q), "float": on_site(table_float, tower),
               "popularity": lambda it, st: counts}
    return ({name: protocol.mean_metrics(protocol.evaluate_cases(cases, f)) or {"recall@20": float("nan")}
             for name, f in scorers.items()}, len(cases))
