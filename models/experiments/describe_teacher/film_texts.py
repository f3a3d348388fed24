"""The texts the describe-it teacher probe embeds (probe.mjs runs this): each catalogue film's text
as the lexical index has it (content_model.movie_texts, without the decade words, cut to 120 words)
and each benchmark query's words (stop words out) with their vocabulary ids.

    /usr/bin/python3 film_texts.py BUNDLE_DIR QUERIES_TSV OUT_JSON [--ml DIR] [--tmdb DIR]
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from cinelocal_models.content_model import decade_words, movie_texts  # noqa: E402
from cinelocal_models.text_vocab import STEM_RULES, Vocabulary  # noqa: E402

MAX_WORDS = 120  # the teacher reads ~128 tokens; longer texts only cost time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle", type=Path)
    ap.add_argument("queries", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--ml", type=Path, default=Path("../shared/data/ml-latest-small"))
    ap.add_argument("--tmdb", type=Path, default=Path("../shared/data/tmdb-metadata"))
    args = ap.parse_args()
    cat = json.loads((args.bundle / "catalogue.json").read_text(encoding="utf-8"))
    movies = cat["movies"]
    ids = np.array([m[0] for m in movies])
    years = np.array([m[2] for m in movies])
    texts = movie_texts(ids, [m[1] for m in movies], years, cat["genres"], np.array([m[3] for m in movies]),
                        args.ml, args.tmdb)
    cut = []
    for text, year in zip(texts, years):
        parts = [p for p in text.split(" . ") if p != decade_words(int(year))]
        cut.append(" ".join(". ".join(parts).split()[:MAX_WORDS]))
    vocab = Vocabulary.from_json(json.loads((args.bundle / "content_vocab.json").read_text(encoding="utf-8")))
    norm, stem = vocab.normaliser, STEM_RULES[vocab.normaliser.stem]
    queries = []
    for line in args.queries.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        text = line.split("\t")[0]
        words = [w for w in norm.words(text) if w not in norm.stop_words]
        queries.append({"text": text, "words": [[w, vocab.words.get(stem(w), 0)] for w in words]})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"ids": ids.tolist(), "texts": cut, "queries": queries,
                                    "model_id_count": vocab.model_id_count}), encoding="utf-8")


if __name__ == "__main__":
    main()
