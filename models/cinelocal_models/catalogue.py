"""The catalogue: one entry per movie, sorted by movieId; the list position is the item index
that the item table, the user tower and the C++ core all share.

A shipped catalogue.json lists the films with model vectors first (catalogue_policy.py), then the
search-only films; the manifest's vector_count says where the first part ends."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .movielens import MovieLens

FORMAT_VERSION = 1

# "(1995)" or a range "(2006–2007)" / "(2007-)" at the very end, trailing spaces allowed.
_YEAR = re.compile(r"\s*\((\d{4})(?:\s*[-\u2013]\s*(?:\d{4})?)?\)\s*$")
# Articles MovieLens moves to the end ("Matrix, The"). Only these exact words count, so
# "Paris, Texas" or "Sherlock Jr." stay as they are.
_ARTICLES = ("The", "A", "An", "Les", "La", "Le", "L'", "Il", "I", "Gli", "Lo", "Der", "Die", "Das",
             "Den", "Det", "De", "Da", "El", "Los", "Las", "Un", "Une", "Una", "Uno", "En", "Ett",
             "Ein", "Eine")
_TRAILING_ARTICLE = re.compile(r"^(.*\S), (" + "|".join(re.escape(a) for a in _ARTICLES) + r")$")


def _front_article(segment: str) -> str:
    prefix = ""
    if segment.startswith("a.k.a. "):  # "(a.k.a. Thing, The)" -> "(a.k.a. The Thing)"
        prefix, segment = "a.k.a. ", segment[len("a.k.a. "):]
    m = _TRAILING_ARTICLE.match(segment)
    if m:
        rest, article = m.groups()
        segment = article + rest if article.endswith("'") else f"{article} {rest}"
    return prefix + segment


def _split_trailing_groups(title: str) -> tuple[str, list[str]]:
    """'Postman, The (Postino, Il)' -> ('Postman, The', ['Postino, Il']); balanced parentheses only."""
    groups = []
    while title.endswith(")"):
        depth = 0
        for pos in range(len(title) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(title[pos], 0)
            if depth == 0:
                break
        if depth != 0 or pos == 0 or title[pos - 1] != " ":
            break  # unbalanced, or the parenthesis is the whole title / glued to a word: leave it
        groups.insert(0, title[pos + 1:-1])
        title = title[:pos].rstrip()
    return title, groups


def parse_title(raw: str) -> tuple[str, int]:
    """'Matrix, The (1999)' -> ('The Matrix', 1999); year 0 when the title has none."""
    raw = raw.strip()
    year = 0
    m = _YEAR.search(raw)
    if m and m.start() > 0:
        year = int(m.group(1))
        raw = raw[:m.start()].rstrip()
    main, groups = _split_trailing_groups(raw)
    parts = [_front_article(main)] + [f"({_front_article(g)})" for g in groups]
    return " ".join(parts), year


@dataclass
class Catalogue:
    movie_ids: np.ndarray  # int64 [N], ascending
    titles: list[str]
    years: np.ndarray  # int32 [N], 0 = unknown
    genres: list[str]  # genre names in bit order
    genre_masks: np.ndarray  # int64 [N]
    positives: np.ndarray  # int64 [N], ratings >= 4.0 in the whole ratings file
    tmdb_ids: np.ndarray  # int64 [N], 0 = unknown

    def __len__(self) -> int:
        return len(self.movie_ids)

    def index_of(self, movie_ids: np.ndarray) -> np.ndarray:
        """movieIds -> item indices (all ids must be in the catalogue)."""
        return np.searchsorted(self.movie_ids, movie_ids)

    def subset(self, indices: np.ndarray) -> "Catalogue":
        """The films at `indices`, in that order (ascending indices keep the movieId order)."""
        idx = np.asarray(indices, dtype=np.int64)
        return Catalogue(self.movie_ids[idx], [self.titles[i] for i in idx], self.years[idx], list(self.genres),
                         self.genre_masks[idx], self.positives[idx], self.tmdb_ids[idx])

    def genre_matrix(self) -> np.ndarray:
        """float32 [N, G] 0/1 matrix of the genre bits."""
        bits = np.arange(len(self.genres), dtype=np.int64)
        return ((self.genre_masks[:, None] >> bits[None, :]) & 1).astype(np.float32)


def build_catalogue(ml: MovieLens) -> Catalogue:
    movies = sorted(ml.movies, key=lambda m: m.movie_id)
    # Alphabetical bit order: the same genre gets the same bit across MovieLens releases.
    genres = sorted({g for m in movies for g in m.genres})
    if len(genres) > 31:
        raise ValueError(f"{len(genres)} genres do not fit a 31-bit mask")  # JS bit ops are 32-bit signed
    bit = {g: i for i, g in enumerate(genres)}
    movie_ids = np.array([m.movie_id for m in movies], dtype=np.int64)
    titles, years = zip(*(parse_title(m.title) for m in movies))
    masks = np.array([sum(1 << bit[g] for g in set(m.genres)) for m in movies], dtype=np.int64)
    positives = np.zeros(len(movies), dtype=np.int64)
    np.add.at(positives, np.searchsorted(movie_ids, ml.movie_ids[ml.ratings >= 4.0]), 1)
    tmdb = np.array([ml.tmdb_ids.get(int(mid), 0) for mid in movie_ids], dtype=np.int64)
    return Catalogue(movie_ids, list(titles), np.array(years, dtype=np.int32), genres, masks,
                     positives, tmdb)


def write_catalogue(cat: Catalogue, path: Path, search_only: Catalogue | None = None) -> None:
    """`cat`'s films (those with model vectors) first, then `search_only`'s (same genre list)."""
    parts = [cat] if search_only is None else [cat, search_only]
    if search_only is not None and search_only.genres != cat.genres:
        raise ValueError("the search-only films must share the catalogue's genre bits")
    movies = [[int(c.movie_ids[i]), c.titles[i], int(c.years[i]), int(c.genre_masks[i]),
               int(c.positives[i]), int(c.tmdb_ids[i])] for c in parts for i in range(len(c))]
    doc = {"format_version": FORMAT_VERSION, "genres": cat.genres, "movies": movies}
    Path(path).write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def catalogue_from_document(doc: dict, vector_count: int | None = None) -> Catalogue:
    """The Catalogue back from a catalogue.json document (write_catalogue's inverse): every film, or
    with vector_count (the manifest's) only the films with model vectors, in item-table order."""
    rows = doc["movies"] if vector_count is None else doc["movies"][:vector_count]
    column = [np.array([m[k] for m in rows], dtype=np.int64) for k in (0, 2, 3, 4, 5)]
    return Catalogue(column[0], [m[1] for m in rows], column[1].astype(np.int32), list(doc["genres"]),
                     column[2], column[3], column[4])
