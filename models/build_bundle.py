#!/usr/bin/python3
"""Build the CineLocal site bundle: MovieLens -> trained two-tower -> int8 files + manifest.

    /usr/bin/python3 models/build_bundle.py --out build/site/model [--movielens DIR] [--tmdb DIR]
                                            [--max-vector-films N] [--epochs N] [--seed 0]

Writes DIR/{catalogue.json,item_table.bin,user_tower.onnx,rating_head.bin,manifest.json}, the PyTorch reference values
for tests (--reference, default DIR/../model_reference.json: keep it outside a deployed site),
and DIR/.stamp; a second run with the same sources, data and arguments exits at once.
Bad input -> a one-line message on stderr and exit code 2.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(MODELS_DIR))

from cinelocal_models.errors import DataError  # noqa: E402
from cinelocal_models import locate  # noqa: E402
from cinelocal_models.metadata_join import MetadataJoin, join_dataset, metadata_files  # noqa: E402
from cinelocal_models.metadata_shards import build_metadata_shards  # noqa: E402

STAMP = ".stamp"
OUTPUTS = ("catalogue.json", "item_table.bin", "user_tower.onnx", "rating_head.bin", "manifest.json")
CONTENT_OUTPUTS = ("content_model.onnx", "content_vocab.json")  # content_model.py: the describe-it search


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    p.add_argument("--out", required=True, help="bundle directory to write")
    p.add_argument("--movielens", help="MovieLens CSV directory (default: ../shared/data/ml-latest-small, "
                                       "else download ml-latest-small)")
    p.add_argument("--tmdb", help="TMDB metadata directory, or 'none' (default: ../shared/data/tmdb-metadata if present)")
    p.add_argument("--stages-json", help="also write each stage's wall seconds and peak memory to this JSON file")
    p.add_argument("--reference", help="where the PyTorch reference values for tests go "
                                       "(default: DIR/../model_reference.json)")
    p.add_argument("--max-vector-films", type=int, default=None,
                   help="catalogue policy: the most-rated films that carry model vectors, the rest are "
                        "search-only (default 12,000; models/cinelocal_models/catalogue_policy.py)")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    if args.epochs < 1:
        p.error("--epochs must be >= 1")
    if args.max_vector_films is not None and args.max_vector_films < 1:
        p.error("--max-vector-films must be >= 1")
    return args


def stamp_of(args, source_files) -> str:
    """Hash of everything the output depends on: our Python sources, the data files, the arguments."""
    from cinelocal_models.movielens import sha256_file
    h = hashlib.sha256()
    for path in sorted(MODELS_DIR.rglob("*.py")):
        h.update(str(path.relative_to(MODELS_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    for path in source_files:
        h.update(path.name.encode() + b"\0" + sha256_file(path).encode() + b"\0")
    h.update(json.dumps({"epochs": args.epochs, "seed": args.seed, "max_vector_films": args.max_vector_films},
                        sort_keys=True).encode())
    return h.hexdigest()


def data_files(ml_dir: Path, tmdb_dir: Path | None) -> list[Path]:
    """Input files in a fixed order; missing required ones are reported by the reader later."""
    files = [ml_dir / n for n in ("ratings.csv", "movies.csv", "links.csv", "ratings.dat", "movies.dat",
                                  "u.data", "u.item", "tags.csv") if (ml_dir / n).is_file()]
    if tmdb_dir is not None:
        files += metadata_files(tmdb_dir)  # both files: the metadata join reads movie_details.csv too
    return files


def write_metadata_shards(out: Path, tmdb_dir: Path | None, join: MetadataJoin | None) -> None:
    """TMDB metadata shards in OUT/meta, fetched by the browser on demand (not in the manifest)."""
    count = build_metadata_shards(out / "meta", tmdb_dir, out / "catalogue.json",
                                  metadata_keys=join.keys if join is not None else None)
    print(f"wrote {count} metadata shards to {out / 'meta'}" if count else "no TMDB metadata: no shards")


def main(argv=None) -> int:
    args = parse_args(argv)
    out = Path(args.out)
    reference = Path(args.reference) if args.reference else out.resolve().parent / "model_reference.json"
    try:
        ml_dir = locate.movielens_dir(args.movielens)
        tmdb_dir = locate.tmdb_dir(args.tmdb)
        # Which metadata row is the same film (by tmdbId, imdbId, else title + year: never by movieId).
        join = join_dataset(ml_dir, tmdb_dir) if tmdb_dir is not None else None
        stamp = stamp_of(args, data_files(ml_dir, tmdb_dir))
        stamp_path = out / STAMP
        if (stamp_path.is_file() and stamp_path.read_text().strip() == stamp
                and all((out / n).is_file() for n in OUTPUTS + CONTENT_OUTPUTS) and reference.is_file()):
            print("bundle up to date")
            if join is not None:
                print(join.summary())
            write_metadata_shards(out, tmdb_dir, join)
            return 0
        stamp_path.unlink(missing_ok=True)  # a failed build must not look up to date
        if join is not None:
            print(join.summary())

        # Heavy imports only when we actually build.
        import torch
        from cinelocal_models.pipeline import build
        from cinelocal_models.stage_meter import StageMeter
        from cinelocal_models.two_tower import TrainConfig
        torch.set_num_threads(2)  # Debian's torch defaults to 1 here
        meter = StageMeter()
        from cinelocal_models.catalogue_policy import DEFAULT_MAX_VECTOR_FILMS
        result = build(out, ml_dir, tmdb_dir, TrainConfig(epochs=args.epochs, seed=args.seed),
                       reference_path=reference, meter=meter,
                       max_vector_films=args.max_vector_films or DEFAULT_MAX_VECTOR_FILMS)
        with meter.stage("metadata shards"):
            write_metadata_shards(out, tmdb_dir, join)
        stamp_path.write_text(stamp + "\n")
        print(f"wrote {out} (model {result.manifest['model_version']})")
        print(meter.table())
        if args.stages_json:
            Path(args.stages_json).write_text(json.dumps(
                {"dataset": str(ml_dir), "movies": result.manifest["item_count"], "stages": meter.as_dict(),
                 "check": result.check, "check_users": result.evaluated_users}, indent=1) + "\n")
        return 0
    except DataError as e:
        print(f"build_bundle: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
