"""Reading a MovieLens CSV directory (ml-latest-small / ml-25m / ml-32m layout).

Every problem with the files is raised as DataError naming the file and line, because the person
running the build is usually pointing us at a folder they downloaded, not debugging Python.
"""
from __future__ import annotations

import csv
import hashlib
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from .errors import DataError

MIN_RATING, MAX_RATING = 0.5, 5.0


@dataclass
class MovieRow:
    movie_id: int
    title: str  # raw MovieLens title, e.g. "Matrix, The (1999)"
    genres: list[str]  # [] for "(no genres listed)"


@dataclass
class MovieLens:
    name: str  # basename of the directory, recorded in the manifest
    movies: list[MovieRow]  # in file order
    user_ids: np.ndarray  # int64, one per rating
    movie_ids: np.ndarray  # int64
    ratings: np.ndarray  # float32 stars
    ratings_sha256: str
    tmdb_ids: dict[int, int] = field(default_factory=dict)
    source_files: list[Path] = field(default_factory=list)  # what the cache stamp must hash


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _open_csv(path: Path, required: list[str]):
    """Yield (line_number, dict-like row accessor) after checking the header names the columns."""
    try:
        f = open(path, encoding="utf-8", newline="")  # newline="" so csv handles CRLF and quotes
    except OSError as e:
        raise DataError(f"cannot read {path}: {e.strerror}") from None
    reader = csv.reader(f)
    try:
        header = next(reader)
    except StopIteration:
        f.close()
        raise DataError(f"{path}: file is empty (expected a header line {','.join(required)})") from None
    except (csv.Error, UnicodeDecodeError) as e:
        f.close()
        raise DataError(f"{path} line 1: cannot parse header: {e}") from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        f.close()
        raise DataError(f"{path} line 1: header {','.join(header)} lacks column(s) {', '.join(missing)}")
    cols = [header.index(c) for c in required]

    def rows():
        with f:
            line = reader.line_num
            try:
                for row in reader:
                    line = reader.line_num
                    if not row:  # tolerate blank lines (e.g. a trailing empty line)
                        continue
                    if len(row) != len(header):
                        raise DataError(f"{path} line {line}: expected {len(header)} fields "
                                        f"({','.join(header)}), got {len(row)}: {','.join(row)[:80]!r}")
                    yield line, [row[c] for c in cols]
            except (csv.Error, UnicodeDecodeError) as e:
                raise DataError(f"{path} line {line + 1}: cannot parse: {e}") from None

    return rows()


def _int(value: str, path: Path, line: int, column: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise DataError(f"{path} line {line}: {column} {value!r} is not an integer") from None


def read_movies(path: Path) -> list[MovieRow]:
    movies, seen = [], set()
    for line, (mid, title, genres) in _open_csv(path, ["movieId", "title", "genres"]):
        movie_id = _int(mid, path, line, "movieId")
        if movie_id in seen:
            raise DataError(f"{path} line {line}: movieId {movie_id} appears twice")
        seen.add(movie_id)
        names = [g.strip() for g in genres.split("|") if g.strip() and g.strip() != "(no genres listed)"]
        movies.append(MovieRow(movie_id, title, names))
    if not movies:
        raise DataError(f"{path}: no movies")
    return movies


def read_ratings(path: Path, known_movies: set[int]):
    users, items, stars = [], [], []
    for line, (uid, mid, rating) in _open_csv(path, ["userId", "movieId", "rating"]):
        user_id = _int(uid, path, line, "userId")
        movie_id = _int(mid, path, line, "movieId")
        try:
            r = float(rating)
        except ValueError:
            raise DataError(f"{path} line {line}: rating {rating!r} is not a number") from None
        if not (MIN_RATING <= r <= MAX_RATING) or math.isnan(r):
            raise DataError(f"{path} line {line}: rating {rating} is outside {MIN_RATING}..{MAX_RATING}")
        if movie_id not in known_movies:
            raise DataError(f"{path} line {line}: movieId {movie_id} is not in movies.csv")
        users.append(user_id)
        items.append(movie_id)
        stars.append(r)
    if not stars:
        raise DataError(f"{path}: no ratings")
    return (np.asarray(users, dtype=np.int64), np.asarray(items, dtype=np.int64),
            np.asarray(stars, dtype=np.float32))


def _read_tmdb_column(path: Path, id_column: str) -> dict[int, int]:
    """movieId -> tmdbId from a CSV with a tmdbId column; blanks and junk are skipped (ids are optional)."""
    out = {}
    for _line, (mid, tid) in _open_csv(path, [id_column, "tmdbId"]):
        try:
            movie_id, tmdb_id = int(mid), int(float(tid))  # movies_enriched writes "862.0"
        except ValueError:
            continue
        if tmdb_id > 0:
            out[movie_id] = tmdb_id
    return out


ML100K_GENRES = ["unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
                 "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
                 "Sci-Fi", "Thriller", "War", "Western"]


def _lines(path: Path, encoding: str):
    """(line number, text) for non-blank lines; MovieLens 1M/100K files are Latin-1."""
    try:
        with open(path, encoding=encoding, newline="") as f:
            for number, line in enumerate(f, start=1):
                line = line.rstrip("\r\n")
                if line.strip():
                    yield number, line
    except OSError as e:
        raise DataError(f"cannot read {path}: {e.strerror}") from None


def _fields(path: Path, line: int, text: str, sep: str, count: int, what: str) -> list[str]:
    parts = text.split(sep)
    if len(parts) != count:
        raise DataError(f"{path} line {line}: expected {count} {sep!r}-separated fields ({what}), "
                        f"got {len(parts)}: {text[:80]!r}")
    return parts


def _rating(value: str, path: Path, line: int) -> float:
    try:
        r = float(value)
    except ValueError:
        raise DataError(f"{path} line {line}: rating {value!r} is not a number") from None
    if not (MIN_RATING <= r <= MAX_RATING) or math.isnan(r):
        raise DataError(f"{path} line {line}: rating {value} is outside {MIN_RATING}..{MAX_RATING}")
    return r


def _read_triples(path: Path, sep: str, count: int, what: str, known: set[int]):
    users, items, stars = [], [], []
    for line, text in _lines(path, "latin-1"):
        f = _fields(path, line, text.strip() if sep == "\t" else text, sep, count, what)
        user_id, movie_id = _int(f[0], path, line, "user id"), _int(f[1], path, line, "movie id")
        if movie_id not in known:
            raise DataError(f"{path} line {line}: movie id {movie_id} is not in the movie file")
        users.append(user_id)
        items.append(movie_id)
        stars.append(_rating(f[2], path, line))
    if not stars:
        raise DataError(f"{path}: no ratings")
    return (np.asarray(users, dtype=np.int64), np.asarray(items, dtype=np.int64),
            np.asarray(stars, dtype=np.float32))


def _check_unique(path: Path, line: int, movie_id: int, seen: set[int]) -> None:
    if movie_id in seen:
        raise DataError(f"{path} line {line}: movie id {movie_id} appears twice")
    seen.add(movie_id)


def read_ml1m_movies(path: Path) -> list[MovieRow]:
    """movies.dat: MovieID::Title::Genre|Genre (Latin-1)."""
    movies, seen = [], set()
    for line, text in _lines(path, "latin-1"):
        mid, title, genres = _fields(path, line, text, "::", 3, "MovieID::Title::Genres")
        movie_id = _int(mid, path, line, "MovieID")
        _check_unique(path, line, movie_id, seen)
        movies.append(MovieRow(movie_id, title, [g for g in genres.split("|") if g]))
    if not movies:
        raise DataError(f"{path}: no movies")
    return movies


def read_ml100k_movies(path: Path) -> list[MovieRow]:
    """u.item: id|title|release date|video release date|IMDb URL|19 genre flags (Latin-1)."""
    movies, seen = [], set()
    for line, text in _lines(path, "latin-1"):
        f = _fields(path, line, text, "|", 5 + len(ML100K_GENRES), "id|title|dates|URL|19 genre flags")
        movie_id = _int(f[0], path, line, "movie id")
        _check_unique(path, line, movie_id, seen)
        flags = f[5:]
        if any(x not in ("0", "1") for x in flags):
            raise DataError(f"{path} line {line}: genre flags must be 0 or 1, got {'|'.join(flags)!r}")
        genres = [g for g, x in zip(ML100K_GENRES, flags) if x == "1" and g != "unknown"]
        movies.append(MovieRow(movie_id, f[1], genres))
    if not movies:
        raise DataError(f"{path}: no movies")
    return movies


LAYOUTS = "the MovieLens CSV layout (ratings.csv + movies.csv: ml-latest(-small), ml-25m, ml-32m), " \
          "ML-1M (ratings.dat + movies.dat) or ML-100K (u.data + u.item)"


@dataclass(frozen=True)
class _OlderLayout:
    """ML-1M and ML-100K: a ratings file of user, item, rating, timestamp and a movies file."""
    name: str
    ratings: str
    movies: str
    separator: str
    columns: str
    read_movies: Callable[[Path], list]


_OLDER_LAYOUTS = (
    _OlderLayout("ML-1M", "ratings.dat", "movies.dat", "::", "UserID::MovieID::Rating::Timestamp",
                 lambda path: read_ml1m_movies(path)),
    _OlderLayout("ML-100K", "u.data", "u.item", "\t", "user, item, rating, timestamp",
                 lambda path: read_ml100k_movies(path)),
)


def _read_older_layout(ml_dir: Path, layout: _OlderLayout) -> "MovieLens":
    for n in (layout.ratings, layout.movies):
        if not (ml_dir / n).is_file():
            raise DataError(f"{ml_dir} has no {n} ({layout.name} layout: {layout.ratings} + {layout.movies})")
    movies = layout.read_movies(ml_dir / layout.movies)
    users, items, stars = _read_triples(ml_dir / layout.ratings, layout.separator, 4, layout.columns,
                                        {m.movie_id for m in movies})
    return MovieLens(name=ml_dir.resolve().name, movies=movies, user_ids=users, movie_ids=items,
                     ratings=stars, ratings_sha256=sha256_file(ml_dir / layout.ratings),
                     source_files=[ml_dir / layout.ratings, ml_dir / layout.movies])


def read_movielens(ml_dir: Path, tmdb_dir: Path | None = None) -> MovieLens:
    ml_dir = Path(ml_dir)
    if not ml_dir.is_dir():
        raise DataError(f"MovieLens directory {ml_dir} does not exist")
    for layout in _OLDER_LAYOUTS:
        if (ml_dir / layout.ratings).is_file() or (ml_dir / layout.movies).is_file():
            return _read_older_layout(ml_dir, layout)
    if not (ml_dir / "ratings.csv").is_file() and not (ml_dir / "movies.csv").is_file():
        raise DataError(f"{ml_dir} is none of the known layouts: expected {LAYOUTS}")
    return _read_csv_layout(ml_dir, tmdb_dir)


def _read_csv_layout(ml_dir: Path, tmdb_dir: Path | None) -> MovieLens:
    ratings_path, movies_path = ml_dir / "ratings.csv", ml_dir / "movies.csv"
    for p in (ratings_path, movies_path):
        if not p.is_file():
            raise DataError(f"{ml_dir} has no {p.name} (expected the MovieLens CSV layout: "
                            "ratings.csv, movies.csv, optionally links.csv)")
    movies = read_movies(movies_path)
    users, items, stars = read_ratings(ratings_path, {m.movie_id for m in movies})
    sources = [ratings_path, movies_path]

    tmdb_ids: dict[int, int] = {}
    links = ml_dir / "links.csv"
    if links.is_file():
        tmdb_ids = _read_tmdb_column(links, "movieId")
        sources.append(links)
    if tmdb_dir is not None:
        # Only fills gaps: links.csv ships with the ratings, so it wins when both know a movie.
        enriched = Path(tmdb_dir) / "movies_enriched.csv"
        if enriched.is_file():
            for mid, tid in _read_tmdb_column(enriched, "movieId").items():
                tmdb_ids.setdefault(mid, tid)
            sources.append(enriched)

    return MovieLens(name=ml_dir.resolve().name, movies=movies, user_ids=users, movie_ids=items,
                     ratings=stars, ratings_sha256=sha256_file(ratings_path), tmdb_ids=tmdb_ids,
                     source_files=sources)
