"""The full protocol run: folds -> baselines and two-tower per fold -> one report dict."""
from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

from . import protocol
from .baselines import Popularity, RatingBaselines, rating_errors
from .ease_factors import EASE_LAMBDAS, Ease, tune_ease
from .bundle import MODEL_FAMILY
from .catalogue import build_catalogue
from .interactions import group_by_user, positive_counts
from .mainstream import MainstreamRows
from .movielens import read_movielens
from .seeding import seed_everything
from .scoring import BrowserScorer, ColumnsScorer, FloatScorer
from . import export
from .blend import train_blended
from .fold_in import FoldInScorer, tune_fold_in
from .quantize import dequantize
from .rating_head import tuned_rating_head
from .two_tower import TrainConfig

TOPN_METHODS = ("popularity", "ease", "browser_float", "browser_int8", "tower_part_int8", "ease_part_int8",
                "fold_in_int8")
RATING_METHODS = ("global_mean", "item_mean", "user_item_bias", "rating_head")
SETTINGS = ("main",) + tuple(f"k={k}" for k in protocol.COLD_START_K)


def run_evaluation(ml_dir: Path, seed: int = 0, epochs: int | None = None, n_eval_folds: int = 5,
                   cfg: TrainConfig | None = None, log=print, on_fold=None) -> dict:
    """on_fold(report so far) after each fold: a slow run leaves a report of the folds it finished."""
    cfg = cfg or TrainConfig(seed=seed, log=False)
    if epochs is not None:
        cfg.epochs = epochs
    seed_everything(cfg.seed)
    ml = read_movielens(ml_dir)
    cat = build_catalogue(ml)
    users = group_by_user(ml, cat)
    n_items = len(cat)
    eligible = protocol.eligible_users(users)
    folds = protocol.make_folds(eligible, seed)
    log(f"{ml.name}: {len(users)} users, {len(eligible)} with >= {protocol.MIN_POSITIVES} positives, "
        f"{n_items} movies; folds of {[len(f) for f in folds]} users")

    rows = {s: {m: [] for m in TOPN_METHODS} for s in SETTINGS}
    rating_sums = {m: [0.0, 0.0] for m in RATING_METHODS}
    n_rated, n_rating_users = 0, 0
    mainstream = MainstreamRows(cat.genres)
    per_fold = []
    def report() -> dict:
        """The report over the folds evaluated so far."""
        def summary(setting):
            return {"evaluated_users": len(rows[setting]["popularity"]),
                    "methods": {m: _round(protocol.mean_metrics(rows[setting][m])) for m in TOPN_METHODS}}

        topn = summary("main")
        cold = {str(k): summary(f"k={k}") for k in protocol.COLD_START_K}
        rating = {"evaluated_users": n_rating_users, "predicted_ratings": n_rated,
                  "methods": {m: {"rmse": round(float(np.sqrt(s[0] / max(n_rated, 1))), 4),
                                  "mae": round(float(s[1] / max(n_rated, 1)), 4)}
                              for m, s in rating_sums.items()},
                  "rating_head": "user bias + ridge fold-in of the fold-in ratings against the int8 item "
                                 "table's taste columns (rating_head.py = core/src/rating_head.cpp); ridge "
                                 "tuned per fold on the validation split of the training users",
                  "rating_head_ridge_per_fold": [p["rating_head_ridge"] for p in per_fold]}
        return {
            "protocol": "shared/EVALUATION.md strong generalization (held-out users)",
            "dataset": {"name": ml.name, "ratings_sha256": ml.ratings_sha256, "ratings": int(len(ml.ratings)),
                        "users": len(users), "movies": n_items, "eligible_users": int(len(eligible)),
                        "positive_threshold": 4.0, "min_positives": protocol.MIN_POSITIVES},
            "folds": {"count": len(folds), "evaluated": len(per_fold), "sizes": [len(f) for f in folds]},
            "seeds": {"split": seed, "training": cfg.seed},
            "model": {"family": MODEL_FAMILY, "config": {k: v for k, v in asdict(cfg).items() if k != "log"},
                      "inputs": "fold-in positives with their stars (no non-positive ratings)",
                      "count_gate": "sigmoid(a log n + b) on the taste vector, (a, b) tuned per fold on the "
                                    "validation split of its training users (a model trained without them)",
                      "count_gate_per_fold": [p["count_gate"] for p in per_fold],
                      "ease_term": "low-rank EASE (ease_factors.py) of rank ease_rank appended to the user "
                                   "vector and item table, weight w; lambda as the EASE baseline's, (a, b, w) "
                                   "tuned together per fold on the validation split (blend.py)",
                      "ease_weight_per_fold": [p["ease_weight"] for p in per_fold],
                      "ease_part": "browser_int8's two parts alone: tower_part_int8 = taste + popularity "
                                   "columns, ease_part_int8 = the EASE columns (same int8 vectors)",
                      "fold_in": "fold_in_int8: iALS user step against the int8 item table's taste columns "
                                 "+ pop_weight x popularity column (fold_in.py = core/src/fold_in.cpp), "
                                 "(alpha, ridge, pop_weight) tuned per fold on the validation split",
                      "fold_in_per_fold": [p["fold_in_alpha_ridge_pop_weight"] for p in per_fold],
                      "train_seconds_per_fold": [p["two_tower_train_seconds"] for p in per_fold]},
            "ease": {"lambda_grid": list(EASE_LAMBDAS), "lambda_per_fold": [p["ease_lambda"] for p in per_fold],
                     "tuned_on": "Recall@20 on a seeded 20% validation split of each fold's training users",
                     "items": "items with >= 1 training positive (others ranked last)"},
            "topn": topn,
            "cold_start": cold,
            "paired_vs_ease": {setting: paired_difference(rows[setting]["browser_int8"], rows[setting]["ease"])
                               for setting in SETTINGS},
            "rating": rating,
            "mainstream": mainstream.summary(),
            "per_fold": per_fold,
        }

    for f, fold in enumerate(folds[:n_eval_folds]):
        t0 = time.perf_counter()
        train_pos = np.concatenate([g for j, g in enumerate(folds) if j != f])
        train_users = [users[i] for i in np.sort(train_pos)]
        lam, lam_table = tune_ease(train_users, n_items, seed)
        scorers = {"popularity": Popularity(train_users, n_items), "ease": Ease(train_users, n_items, lam)}
        t_base = time.perf_counter() - t0

        t_model = time.perf_counter()
        training = train_blended(cat, users, train_pos, cfg, seed, ease_lambda=lam)
        model, gate = training.model, training.gate
        t_model = time.perf_counter() - t_model
        head, ridge_table = tuned_rating_head(users, export.int8_taste_rows(training.fit_model), train_pos,
                                              n_items, seed)
        head_rows = export.int8_taste_rows(model)
        scorers["browser_float"] = FloatScorer(model)
        scorers["browser_int8"] = browser = BrowserScorer.from_model(model)
        # Ablations: each part of the same int8 dot product alone (tower + popularity | EASE).
        scorers["tower_part_int8"] = ColumnsScorer(browser, slice(0, cfg.dim + 1))
        scorers["ease_part_int8"] = ColumnsScorer(browser, slice(cfg.dim + 1, None))
        fit_table = dequantize(*export.item_table_int8(training.fit_model), axis=0)
        fold_in_params, _ = tune_fold_in(fit_table, cfg.dim, model.bias_scale, users, training.validation, seed)
        scorers["fold_in_int8"] = FoldInScorer(browser.table, cfg.dim, model.bias_scale,
                                               *fold_in_params)

        fold_summary = {"fold": f, "evaluated_users": len(fold), "training_users": len(train_users),
                        "ease_lambda": lam,
                        "ease_validation": {str(k): _round(v) for k, v in lam_table.items()},
                        "two_tower_train_seconds": round(model.train_seconds, 1),
                        "count_gate": list(gate), "ease_weight": training.ease_weight,
                        # both trainings but the final one's, EASE fits and the (a, b, w) grid
                        "blend_seconds": round(t_model - model.train_seconds, 1),
                        "fold_in_alpha_ridge_pop_weight": list(fold_in_params),
                        "rating_head_ridge": head.ridge,
                        "rating_head_validation_rmse": {str(k): round(v, 4) for k, v in ridge_table.items()},
                        "baselines_seconds": round(t_base, 1), "settings": {}}
        for setting in SETTINGS:
            k = None if setting == "main" else int(setting[2:])
            cases = protocol.topn_cases(users, fold, seed, k)
            fold_summary["settings"][setting] = {"evaluated_users": len(cases)}
            for name, scorer in scorers.items():
                r = protocol.evaluate_cases(cases, scorer)
                rows[setting][name] += r
                fold_summary["settings"][setting][name] = _round(protocol.mean_metrics(r))

        # The mainstream <-> niche control on the browser's int8 score, popularity from this fold's training users.
        mainstream.add_fold(protocol.topn_cases(users, fold, seed), browser, positive_counts(train_users, n_items),
                            cat.genre_masks)

        rb = RatingBaselines(train_users, n_items)
        for case in protocol.rating_cases(users, fold, seed):
            n_rating_users += 1
            n_rated += len(case.targets)
            preds = rb.predict(case)
            b_u, p = head.fold_in(head_rows, case.items, case.stars)
            preds["rating_head"] = head.predict(head_rows, b_u, p, case.targets)
            for name, pred in preds.items():
                sse, sae = rating_errors(pred, case.target_stars)
                rating_sums[name][0] += sse
                rating_sums[name][1] += sae
        fold_summary["seconds"] = round(time.perf_counter() - t0, 1)
        per_fold.append(fold_summary)
        main = fold_summary["settings"]["main"]
        log(f"fold {f}: lambda {lam:g}; R@20 pop {main['popularity']['recall@20']:.4f} "
            f"EASE {main['ease']['recall@20']:.4f} browser int8 {main['browser_int8']['recall@20']:.4f} "
            f"(float {main['browser_float']['recall@20']:.4f}, tower part {main['tower_part_int8']['recall@20']:.4f}, "
            f"EASE part {main['ease_part_int8']['recall@20']:.4f}); train {model.train_seconds:.0f} s, "
            f"fold {fold_summary['seconds']:.0f} s", flush=True)
        if on_fold is not None:
            on_fold(report())

    return report()


def paired_difference(a: list[dict], b: list[dict]) -> dict:
    """Per metric, the mean over users of (a - b) on the same users and its 95% interval (normal
    approximation, 1.96 standard errors): is a gap a real one or within what 600 users can tell?"""
    out = {}
    for key in (a[0] if a else {}):
        d = np.array([x[key] - y[key] for x, y in zip(a, b)])
        half = 1.96 * d.std(ddof=1) / np.sqrt(len(d)) if len(d) > 1 else 0.0
        out[key] = {"mean": round(float(d.mean()), 4), "ci95": [round(float(d.mean() - half), 4),
                                                                 round(float(d.mean() + half), 4)]}
    return out


def _round(d: dict) -> dict:
    return {k: round(float(v), 4) for k, v in d.items()}
