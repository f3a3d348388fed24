"""The catalogue policy: which films carry model vectors and which are search-only.

Every film of the data set is in the shipped catalogue (searchable, rateable, shown with its title,
year and genres). Model vectors (an item-table row, a user-tower input row, a rating-head row) cost
~140 bytes of brotli per film, so a site of ml-32m's 87,585 films cannot give every film one within
its 4 MB first visit. The default: the DEFAULT_MAX_VECTOR_FILMS most-rated films carry vectors (ties
by movieId), the rest are search-only. On ml-32m's synthetic shape the 12,000 most-rated films hold
97.3% of the ratings and 97.0% of the liked ones; a catalogue of up to 12,000 films keeps every film.

A search-only film a visitor rates stays in the profile (shown, exported, counted) but does not feed
the user tower: the models never learnt anything about it. The models train on the vector films'
ratings; the held-out check keeps every film, so a liked search-only film counts as a miss.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .catalogue import Catalogue
from .interactions import UserRatings
from .movielens import MovieLens

DEFAULT_MAX_VECTOR_FILMS = 12_000


@dataclass
class CatalogueSplit:
    full: Catalogue  # every film, ascending movieId
    vector_index: np.ndarray  # ascending indices into `full` of the films with vectors
    vector: Catalogue  # films with model vectors, ascending movieId: index = item-table row
    search_only: Catalogue  # the rest, ascending movieId; listed after `vector` in catalogue.json
    min_ratings: int  # the fewest ratings a vector film has (0 when every film has vectors)
    rating_share: float  # share of all ratings that fall on vector films

    def to_vector(self) -> np.ndarray:
        """int64 [N]: index into `full` -> item-table row, -1 for a search-only film."""
        rows = np.full(len(self.full), -1, dtype=np.int64)
        rows[self.vector_index] = np.arange(len(self.vector_index))
        return rows

    def describe(self) -> str:
        total = len(self.vector) + len(self.search_only)
        if not len(self.search_only):
            return f"catalogue policy: all {total:,} films carry model vectors"
        return (f"catalogue policy: {len(self.vector):,} of {total:,} films carry model vectors (the most rated, "
                f">= {self.min_ratings} ratings each, {100 * self.rating_share:.1f}% of all ratings); "
                f"{len(self.search_only):,} are search-only")


def rating_counts(ml: MovieLens, cat: Catalogue) -> np.ndarray:
    """int64 [N]: ratings per catalogue film in the whole ratings file."""
    return np.bincount(cat.index_of(ml.movie_ids), minlength=len(cat)).astype(np.int64)


def vector_films(counts: np.ndarray, movie_ids: np.ndarray, max_films: int) -> np.ndarray:
    """Ascending indices of the films that get vectors: the max_films most rated, ties by movieId."""
    if max_films < 1:
        raise ValueError("a catalogue needs at least one film with model vectors")
    order = np.lexsort((movie_ids, -counts))
    return np.sort(order[:max_films])


def split_catalogue(ml: MovieLens, cat: Catalogue, max_vector_films: int = DEFAULT_MAX_VECTOR_FILMS) -> CatalogueSplit:
    counts = rating_counts(ml, cat)
    keep = vector_films(counts, cat.movie_ids, max_vector_films)
    is_vector = np.zeros(len(cat), dtype=bool)
    is_vector[keep] = True
    share = float(counts[keep].sum() / max(1, counts.sum()))
    min_ratings = int(counts[keep].min()) if (~is_vector).any() else 0
    return CatalogueSplit(cat, keep, cat.subset(keep), cat.subset(np.flatnonzero(~is_vector)), min_ratings, share)


def vector_ratings(users: list[UserRatings], to_vector: np.ndarray) -> list[UserRatings]:
    """Each user's ratings of vector films, in item-table rows (a user may be left with none)."""
    if np.array_equal(to_vector, np.arange(len(to_vector))):
        return users  # every film has vectors: rows are the catalogue's indices
    out = []
    for u in users:
        rows = to_vector[u.items]
        keep = rows >= 0
        out.append(UserRatings(rows[keep], u.stars[keep]))
    return out
