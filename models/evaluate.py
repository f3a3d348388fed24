#!/usr/bin/python3
"""Evaluate CineLocal's models with the protocol of shared/EVALUATION.md (strong generalization).

    /usr/bin/python3 models/evaluate.py [--movielens DIR] [--out models/report] [--seed 0]
                                        [--epochs N] [--folds 5]

Per fold (5 folds of the users with >= 5 positives): popularity, EASE (lambda tuned on a
validation split of the training users), the two-tower model trained on the other 4 folds and
scored both as float and through the exported int8 files as the browser scores them; rating
prediction baselines. Writes OUT/evaluation.json, OUT/cold_start.png and OUT/README_table.md.
--folds F < 5 evaluates only the first F folds (for quick checks; the report says so).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(MODELS_DIR))

from cinelocal_models.errors import DataError  # noqa: E402
from cinelocal_models import locate  # noqa: E402


def parse_args(argv):
    from cinelocal_models.two_tower import TrainConfig
    p = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    p.add_argument("--movielens", help="MovieLens directory (default as build_bundle.py)")
    p.add_argument("--out", default=str(MODELS_DIR / "report"), help="report directory (default models/report)")
    p.add_argument("--seed", type=int, default=0, help="split seed and training seed")
    p.add_argument("--epochs", type=int, default=TrainConfig.epochs,
                   help=f"two-tower epochs per fold (default {TrainConfig.epochs}, as the shipped model)")
    p.add_argument("--folds", type=int, default=5, help="evaluate only the first F of the 5 folds")
    args = p.parse_args(argv)
    if not 1 <= args.folds <= 5:
        p.error("--folds must be 1..5")
    if args.epochs < 1:
        p.error("--epochs must be >= 1")
    return args


def code_sha256() -> str:
    """Of this script and every module of models/ it has imported (call after the evaluation's
    imports): editing a development script or the bundle build alone does not change it."""
    files = {Path(__file__).resolve()}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if path and Path(path).resolve().is_relative_to(MODELS_DIR) and path.endswith(".py"):
            files.add(Path(path).resolve())
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(str(path.relative_to(MODELS_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        ml_dir = locate.movielens_dir(args.movielens)
        import torch
        from cinelocal_models.evaluation import run_evaluation
        from cinelocal_models.report import write_report
        torch.set_num_threads(2)
        start = time.perf_counter()
        code = code_sha256()  # of the sources this run imported (run_evaluation imports nothing later)
        command = ("/usr/bin/python3 models/evaluate.py" +
                   "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:])))

        def write(report):  # after every fold too, so a run cut short leaves the folds it finished
            report.update(code_sha256=code, command=command, wall_seconds=time.perf_counter() - start)
            write_report(report, Path(args.out))

        report = run_evaluation(ml_dir, seed=args.seed, epochs=args.epochs, n_eval_folds=args.folds,
                                on_fold=write)
        write(report)
        print(f"wrote {args.out} in {report['wall_seconds']:.0f} s")
        return 0
    except DataError as e:
        print(f"evaluate: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
