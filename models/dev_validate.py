#!/usr/bin/python3
"""Model development without touching the test folds: train on fold F's training users minus a
seeded 20% validation split of them (the same split EASE's lambda is tuned on), and report the
validation users' Recall@20 / NDCG@100 (main split and cold start) for the two-tower (int8
browser path), popularity and EASE.

    /usr/bin/python3 models/dev_validate.py [--fold 0] [--set epochs=60 --set item_bias=true ...]
"""
import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv=None) -> int:
    import numpy as np
    import torch
    from cinelocal_models import locate, protocol
    from cinelocal_models.baselines import Popularity
    from cinelocal_models.ease_factors import Ease, tune_ease
    from cinelocal_models.catalogue import build_catalogue
    from cinelocal_models.blend import attach_ease, set_gate, tune_blend, validation_split
    from cinelocal_models.ease_factors import fit_ease_factors
    from cinelocal_models.interactions import group_by_user
    from cinelocal_models.movielens import read_movielens
    from cinelocal_models.seeding import seed_everything
    from cinelocal_models.scoring import BrowserScorer
    from cinelocal_models.two_tower import TrainConfig
    from cinelocal_models.tower_training import train

    p = argparse.ArgumentParser()
    p.add_argument("--fold", type=int, default=0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--set", action="append", default=[], help="TrainConfig field=value")
    p.add_argument("--baselines", action="store_true")
    args = p.parse_args(argv)
    torch.set_num_threads(2)
    cfg = TrainConfig(log=False)
    for kv in args.set:
        key, value = kv.split("=", 1)
        cur = getattr(cfg, key)
        setattr(cfg, key, value.lower() in ("1", "true", "yes") if isinstance(cur, bool) else type(cur)(value))
    seed_everything(cfg.seed)
    ml = read_movielens(locate.movielens_dir(None))
    cat = build_catalogue(ml)
    users = group_by_user(ml, cat)
    folds = protocol.make_folds(protocol.eligible_users(users), args.seed)
    train_pos = np.sort(np.concatenate([g for j, g in enumerate(folds) if j != args.fold]))
    # The same validation split as tune_ease (seeded 20% of the training users).
    fit, val = validation_split(train_pos, args.seed)
    fit_users = [users[i] for i in fit]
    t0 = time.perf_counter()
    model = train(cat, fit_users, cfg)
    # One lambda for the EASE term and the EASE baseline, picked (as the evaluation does) on this split:
    # optimistic for both alike, since the validation users are also the ones scored here.
    lam = tune_ease([users[i] for i in train_pos], len(cat), args.seed)[0]
    # As the shipped build does, the count gate and EASE weight are tuned on these validation users (so
    # the printed numbers are optimistic by that much; the evaluation tunes them without its test users).
    factors = None
    if cfg.ease_rank:
        factors = fit_ease_factors(fit_users, len(cat), lam, cfg.ease_rank)
    blend = tune_blend(model, factors, users, val, args.seed)[0]  # (a, b, w)
    set_gate(model, *blend[:2])
    if factors is not None:
        attach_ease(model, factors, blend[2])
    scorers = {"model": BrowserScorer.from_model(model)}
    if args.baselines:
        scorers["pop"] = Popularity(fit_users, len(cat))
        scorers[f"ease{lam:g}"] = Ease(fit_users, len(cat), lam)
    print(f"{' '.join(args.set)}  (train {time.perf_counter() - t0:.0f} s; count gate a, b, EASE weight w = {blend})")
    for name, scorer in scorers.items():
        cells = []
        for k in (None,) + protocol.COLD_START_K:
            m = protocol.mean_metrics(protocol.evaluate_cases(protocol.topn_cases(users, val, args.seed, k), scorer))
            cells.append(f"{'main' if k is None else f'k={k}'} {m['recall@20']:.4f}/{m['ndcg@100']:.4f}")
        print(f"  {name:9s} " + "  ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
