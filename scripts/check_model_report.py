#!/usr/bin/python3
"""Prove that the committed report (models/report/evaluation.json) comes from the committed code:
run the evaluation again into another directory and compare. (It lives outside models/ because
the report's code hash covers every .py file there.)

    /usr/bin/python3 scripts/check_model_report.py [--out build/report_check] [--tolerance 0.02]

Fails (exit 1) when the code hash or the dataset's sha256 differ (exact: the report was written by
other code or data), or when any Recall/NDCG/RMSE/MAE of any method and setting differs by more than
the tolerance. On the machine that wrote the report the re-run is bit-identical (largest difference
0.0000). The tolerance is for another CPU, whose BLAS kernels may round differently: 40 epochs of
training turn that into a different seed's model, and retrainings differ by about .003 on a mean
over 603 users, so the largest of ~150 numbers can reach .01.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


def metric_values(report: dict) -> dict[str, float]:
    """Every quality number of a report, keyed by where it stands."""
    out = {}
    for setting, block in [("main", report["topn"])] + [(f"k={k}", v) for k, v in report["cold_start"].items()]:
        for method, metrics in block["methods"].items():
            for name, value in metrics.items():
                out[f"{setting} {method} {name}"] = value
    for method, metrics in report["rating"]["methods"].items():
        for name, value in metrics.items():
            out[f"rating {method} {name}"] = value
    # The mainstream <-> niche settings' means over all users; the genre fans' shares (10 users each)
    # move more than the tolerance with a retrained model, so only the same code hash guards them.
    for level in report.get("mainstream", {}).get("levels", []):
        for name in ("recall@20", "ndcg@100"):
            out[f"niche level {level['level']} {name}"] = level[name]
    return out


def compare(committed: dict, fresh: dict, tolerance: float) -> list[str]:
    problems = []
    for key in ("code_sha256",):
        if committed.get(key) != fresh.get(key):
            problems.append(f"{key}: committed {committed.get(key)} vs this code {fresh.get(key)}")
    if committed["dataset"]["ratings_sha256"] != fresh["dataset"]["ratings_sha256"]:
        problems.append("dataset: a different ratings file")
    a, b = metric_values(committed), metric_values(fresh)
    if set(a) != set(b):
        problems.append(f"different metrics: {sorted(set(a) ^ set(b))}")
    for key in sorted(set(a) & set(b)):
        if abs(a[key] - b[key]) > tolerance:
            problems.append(f"{key}: committed {a[key]:.4f}, now {b[key]:.4f}")
    # Each issue target must come out met or missed as committed (not the run time: machines differ).
    met = {t["target"]: t["met"] for t in committed.get("targets", []) if "<= 600 s" not in t["target"]}
    now = {t["target"]: t["met"] for t in fresh.get("targets", [])}
    for target, was in met.items():
        if now.get(target) != was:
            problems.append(f"target '{target}': committed met={was}, now met={now.get(target)}")
    return problems


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", default="build/report_check")
    p.add_argument("--tolerance", type=float, default=0.02)
    p.add_argument("--committed", default=str(MODELS_DIR / "report" / "evaluation.json"))
    args = p.parse_args(argv)
    sys.path.insert(0, str(MODELS_DIR))
    import evaluate
    if evaluate.main(["--out", args.out]) != 0:
        return 2
    committed = json.loads(Path(args.committed).read_text(encoding="utf-8"))
    fresh = json.loads((Path(args.out) / "evaluation.json").read_text(encoding="utf-8"))
    largest = max(abs(x - metric_values(fresh).get(k, x)) for k, x in metric_values(committed).items())
    problems = compare(committed, fresh, args.tolerance)
    print(f"report check: {len(metric_values(committed))} numbers, largest difference {largest:.4f} "
          f"(tolerance {args.tolerance}); evaluation took {fresh['wall_seconds']:.0f} s")
    for line in problems:
        print(f"  MISMATCH {line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
