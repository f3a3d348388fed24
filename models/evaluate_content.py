#!/usr/bin/python3
"""How well the content model finds a movie from its description, on movies it never saw.

    /usr/bin/python3 models/evaluate_content.py [--bundle build/site/bundle] [--movielens DIR] [--tmdb DIR]

Reads a built bundle (catalogue + int8 item table from the two-tower model), holds out 10% of the
movies (seeded), builds the vocabulary and trains the content model on the other 90% exactly as the
bundle build does, then for each held-out movie embeds its text with the int8-rounded model and ranks
all items by score against the int8 item table (the browser's scoring). Prints the rank of the
movie's own row: median, Recall@20 and @100 (= rank <= 20 / 100), by number of positive ratings, and
the same for title + genres only (what the catalogue alone knows) and for a random ranking.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import torch

MODELS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(MODELS_DIR))

from cinelocal_models import locate  # noqa: E402
from cinelocal_models.bundle import read_bundle, vector_count  # noqa: E402
from cinelocal_models.catalogue import catalogue_from_document  # noqa: E402
from cinelocal_models.content_export import dequantized  # noqa: E402
from cinelocal_models.content_model import ContentConfig, embed_texts, movie_texts, prepare, train_content  # noqa: E402
from cinelocal_models.quantize import dequantize  # noqa: E402

HOLDOUT = 0.1
BUCKETS = ((0, 0), (1, 4), (5, 19), (20, 10**9))
QUERIES = ("animated toys come alive", "astronauts stranded in space", "heist comedy with a twist",
           "serial killer detective", "romantic comedy in new york", "zombie apocalypse")


def ranks_of_own_rows(embeddings: np.ndarray, table: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """1-based rank of each row's own item among all items (ties count against it)."""
    scores = embeddings @ table.T
    own = scores[np.arange(len(rows)), rows]
    return 1 + (scores > own[:, None]).sum(1)


def taste_only(embeddings: np.ndarray, taste_dims: int) -> np.ndarray:
    """Zero the popularity-bias column(s): rank by taste similarity alone."""
    out = embeddings.copy()
    out[:, taste_dims:] = 0.0
    return out


def summary(ranks: np.ndarray) -> str:
    if len(ranks) == 0:
        return "      -       -       -"
    return f"{np.median(ranks):7.0f} {np.mean(ranks <= 20):7.3f} {np.mean(ranks <= 100):7.3f}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    p.add_argument("--bundle", default=str(locate.REPO_ROOT / "build" / "site" / "bundle"))
    p.add_argument("--movielens")
    p.add_argument("--tmdb")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    torch.set_num_threads(2)
    out = Path(args.bundle)
    ml_dir, tmdb_dir = locate.movielens_dir(args.movielens), locate.tmdb_dir(args.tmdb)

    manifest, doc, q, scale = read_bundle(out)
    n = vector_count(manifest)  # the content model places films with vectors only
    table, cat = dequantize(q, scale, axis=0), catalogue_from_document(doc, n)
    rng = np.random.default_rng(args.seed)
    held = np.sort(rng.choice(n, size=int(n * HOLDOUT), replace=False))
    train_rows = np.setdiff1d(np.arange(n), held)
    cfg = ContentConfig(seed=args.seed, log=False)
    data = prepare(cat, table, manifest.get("taste_dims", manifest["embedding_dim"]), ml_dir, tmdb_dir, cfg,
                   vocab_rows=train_rows)
    model = train_content(data.docs, data.taste, train_rows, data.vocab.model_id_count, data.dim, cfg)
    model_q = dequantized(model)

    short = movie_texts(cat.movie_ids, cat.titles, cat.years, cat.genres, cat.genre_masks, None, None)
    full_ids = [data.docs[r][: cfg.max_tokens].tolist() for r in held]
    short_ids = [data.vocab.encode(short[r], cfg.max_tokens) for r in held]
    taste_dims = data.taste.shape[1]
    e_full = embed_texts(model_q, full_ids)
    r_shipped = ranks_of_own_rows(e_full, table, held)
    r_full = ranks_of_own_rows(taste_only(e_full, taste_dims), table, held)
    r_float = ranks_of_own_rows(taste_only(embed_texts(model, full_ids), taste_dims), table, held)
    r_short = ranks_of_own_rows(taste_only(embed_texts(model_q, short_ids), taste_dims), table, held)
    r_random = 1 + rng.integers(0, n, size=len(held))
    pos = data.positives[held]

    print(f"Content model, {len(held)} held-out movies of {n} (seed {args.seed}); vocabulary "
          f"{len(data.vocab.words)} words from the other {len(train_rows)}; trained in {model.train_seconds:.1f} s")
    print(f"Rank of the movie's own item-table row among all {n}, from its text:")
    print(f"{'text / movies':44s} {'n':>5s} {'median':>7s} {'R@20':>7s} {'R@100':>7s}")
    print(f"{'full text, int8, taste only':44s} {len(held):5d} {summary(r_full)}")
    print(f"{'full text, float, taste only':44s} {len(held):5d} {summary(r_float)}")
    print(f"{'full text, int8 + popularity weight ' + str(cfg.popularity_weight):44s} {len(held):5d} {summary(r_shipped)}")
    print(f"{'title + year + genres only, int8, taste only':44s} {len(held):5d} {summary(r_short)}")
    print(f"{'random ranking':44s} {len(held):5d} {summary(r_random)}")
    for lo, hi in BUCKETS:
        sel = (pos >= lo) & (pos <= hi)
        label = f"{lo}" if lo == hi else (f"{lo}+" if hi > 10**8 else f"{lo}-{hi}")
        print(f"{'  taste only, movies with ' + label + ' positive ratings':44s} {int(sel.sum()):5d} {summary(r_full[sel])}"
              f"   (title + year + genres: {summary(r_short[sel]).split()[0]} median)")

    print(f"\nTyped descriptions, top 5 as shipped (popularity weight {cfg.popularity_weight}; "
          "model trained on all movies but the held-out ones):")
    for q in QUERIES:
        ids = data.vocab.encode(q, cfg.max_tokens)
        scores = table @ embed_texts(model_q, [ids])[0] if ids else np.zeros(n)
        top = np.argsort(-scores, kind="stable")[:5]
        print(f"  {q!r}: " + "; ".join(cat.titles[i] for i in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
