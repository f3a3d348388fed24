#!/usr/bin/python3
"""The cost-growth table: the whole bundle build on synthetic MovieLens-shaped data at fractions of
ml-32m's shape (200,948 users, 87,585 films, 32,000,204 ratings), wall seconds and peak memory per stage.

    nice /usr/bin/python3 models/scale_benchmark.py [--fractions 1,0.125,0.25,0.5] [--work build/scale]
                                                    [--out models/report/scale.md]

Per fraction: models/synthetic_movielens.py writes the data set once (kept in WORK for reruns; its
own time is reported apart), then models/build_bundle.py builds a bundle from it in a fresh process
(so one size's memory does not carry into the next) with --tmdb none and --stages-json. Writes the
table to OUT and every number to OUT with .json. About 1.5 hours on 2 cores for all four sizes: run
it at low priority, outside ./run test.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent
ROOT = MODELS_DIR.parent
PYTHON = "/usr/bin/python3"
ML32M = {"users": 200_948, "movies": 87_585, "ratings": 32_000_204}


def run(cmd: list[str], log: Path) -> float:
    """Run cmd with its output appended to log; return wall seconds; stop on failure."""
    start = time.perf_counter()
    with open(log, "a") as f:
        f.write(f"$ {' '.join(cmd)}\n")
        f.flush()
        result = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        sys.exit(f"scale_benchmark: {' '.join(cmd[:2])} failed (exit {result.returncode}); see {log}")
    return time.perf_counter() - start


def measure(fraction: float, work: Path) -> dict:
    data = work / f"ml32m-x{fraction:g}"
    log = work / f"x{fraction:g}.log"
    generate_seconds = None
    if not (data / "ratings.csv").is_file():
        generate_seconds = run([PYTHON, str(MODELS_DIR / "synthetic_movielens.py"), "--out", str(data),
                                "--scale", str(fraction)], log)
    stages = work / f"x{fraction:g}.stages.json"
    site = work / f"site-x{fraction:g}"
    shutil.rmtree(site, ignore_errors=True)  # else an unchanged build says "up to date" and measures nothing
    stages.unlink(missing_ok=True)
    build_seconds = run([PYTHON, str(MODELS_DIR / "build_bundle.py"), "--movielens", str(data), "--tmdb", "none",
                         "--out", str(site / "bundle"), "--reference", str(site / "model_reference.json"),
                         "--stages-json", str(stages)], log)
    result = json.loads(stages.read_text())
    result.update(fraction=fraction, generate_seconds=generate_seconds, process_seconds=round(build_seconds, 1),
                  shape={k: round(v * fraction) for k, v in ML32M.items()},
                  bundle_bytes={p.name: p.stat().st_size for p in sorted((site / "bundle").iterdir()) if p.is_file()})
    return result


def table(results: list[dict]) -> str:
    results = sorted(results, key=lambda r: r["fraction"])
    stages = [s["stage"] for s in results[0]["stages"]]
    head = "| stage | " + " | ".join(f"x{r['fraction']:g} ({r['shape']['ratings'] / 1e6:.1f}M ratings)"
                                     for r in results) + " |"
    lines = [head, "|---|" + "---:|" * len(results)]
    for name in stages:
        cells = []
        for r in results:
            s = next(s for s in r["stages"] if s["stage"] == name)
            cells.append(f"{s['seconds']:.0f} s, {s['peak_rss_mib'] / 1024:.1f} GiB")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| **whole build** (process) | " + " | ".join(
        f"**{r['process_seconds'] / 60:.1f} min, {max(s['process_peak_mib'] for s in r['stages']) / 1024:.1f} GiB**"
        for r in results) + " |")
    lines.append("| held-out R@20 int8 (shipped) / float / popularity | " + " | ".join(
        f"{r['check']['int8']['recall@20']:.4f} / {r['check']['float']['recall@20']:.4f} / "
        f"{r['check']['popularity']['recall@20']:.4f} ({r['check_users']} users)" for r in results) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    p.add_argument("--fractions", default="1,0.125,0.25,0.5", help="in the order to run them (the full "
                   "shape first: if anything fails at scale, it fails early)")
    p.add_argument("--work", default=str(ROOT / "build" / "scale"))
    p.add_argument("--out", default=str(MODELS_DIR / "report" / "scale.md"))
    args = p.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    out = Path(args.out)
    results = []
    for fraction in (float(f) for f in args.fractions.split(",")):
        print(f"x{fraction:g} of ml-32m's shape ...", flush=True)
        results.append(measure(fraction, work))
        text = (f"# Build cost at fractions of ml-32m's shape (synthetic data, 2 cores)\n\n"
                f"Command: `nice /usr/bin/python3 models/scale_benchmark.py --fractions {args.fractions}`; "
                f"every number below was printed by that run. Peak memory per stage is the process's resident set "
                f"sampled every 50 ms; the whole build's is the kernel's high-water mark.\n\n{table(results)}\n")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text)
        out.with_suffix(".json").write_text(json.dumps(results, indent=1) + "\n")
        print(table(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
