"""Which TMDB metadata row is the same film as a data set's movie.

A metadata folder (the layout of ../shared/data/tmdb-metadata, or what models/fetch_tmdb.py writes)
has its own row keys: the movieId column of movies_enriched.csv (`moveId` in movie_details.csv).
They are the movieIds of the data set it was made for, and mean other films in any other data set
(ML-100K's id 2 is GoldenEye, ml-latest-small's is Jumanji). So a data set's movie is never joined
to a row by its own movieId; it is joined by what identifies the film, in this order:

1. tmdbId, where the data set (links.csv) and the row both have one;
2. else imdbId (links.csv's zero-padded text and the row's number compare as numbers), where both
   have one and the tmdbIds do not contradict it;
3. else the normalised title + year (catalogue.parse_title, then text_vocab's folding: lower case,
   accents folded, articles back at the front, punctuation dropped), against rows whose ids do not
   contradict it. The whole title first; if no row has it, any of its names (the main title or an
   alternative in parentheses: "Seven (a.k.a. Se7en)" meets "Se7en"). A title + year that fits two
   different films is ambiguous and gets no row (it is reported). Both sides need a year.

Rows that are the same film (one tmdbId under two keys) count as one; the lowest key serves.
Films that match nothing simply have no metadata. The result feeds every place metadata is joined:
movielens.py (tmdbIds links.csv lacks), content_model.movie_texts and metadata_shards.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import _split_trailing_groups, parse_title
from .movielens import MovieRow, id_number, read_movie_list
from .text_vocab import default_normaliser

ENRICHED = "movies_enriched.csv"
DETAILS = "movie_details.csv"
SHOWN_AMBIGUOUS = 5  # ambiguous titles named in the summary line
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@dataclass(frozen=True)
class Film:
    """One side of the join: a data set's movie, or a metadata row (then movie_id is the row key)."""
    movie_id: int
    title: str  # as catalogue.parse_title gives it: "The Postman (Il Postino)"
    year: int  # 0 = unknown
    tmdb_id: int = 0
    imdb_id: int = 0

    def label(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass
class MetadataJoin:
    keys: dict[int, int]  # data set movieId -> metadata row key
    rows: dict[int, Film]  # metadata row key -> the row's identity
    by_tmdb: int = 0
    by_imdb: int = 0
    by_title: int = 0
    unmatched: int = 0  # films with no row, the ambiguous ones included
    ambiguous: list[str] = field(default_factory=list)  # "Title (year)" of films whose title fits several rows

    @property
    def matched(self) -> int:
        return len(self.keys)

    def tmdb_ids(self) -> dict[int, int]:
        """Data set movieId -> the tmdbId of its matched row (rows without one are left out)."""
        return {mid: self.rows[key].tmdb_id for mid, key in self.keys.items() if self.rows[key].tmdb_id}

    def summary(self, shown: int = SHOWN_AMBIGUOUS) -> str:
        text = (f"TMDB metadata: {self.matched} matched ({self.by_tmdb} by tmdbId, {self.by_imdb} by imdbId, "
                f"{self.by_title} by title + year), {self.unmatched} without, "
                f"{len(self.ambiguous)} ambiguous titles")
        if self.ambiguous:
            text += ": " + "; ".join(self.ambiguous[:shown]) + ("; ..." if len(self.ambiguous) > shown else "")
        return text


# ---------------------------------------------------------------- titles

_NORMALISER = None


def normalise(text: str) -> str:
    """Lower case, accents folded, punctuation dropped: "Amélie!" -> "amelie" (text_vocab's folding,
    all words kept). Articles are brought to the front by parse_title before this."""
    global _NORMALISER
    if _NORMALISER is None:
        _NORMALISER = default_normaliser()
    return " ".join(_NORMALISER.words(text))


def title_names(title: str) -> tuple[str, set[str]]:
    """(the whole title, all its names) normalised: "The Postman (Il Postino)" -> ("the postman il
    postino", {that, "the postman", "il postino"}); "(a.k.a. X)" gives "x". Empty names are dropped."""
    whole = normalise(title)
    main, groups = _split_trailing_groups(title)
    names = {whole, normalise(main)}
    for group in groups:
        names.add(normalise(group[len("a.k.a. "):] if group.startswith("a.k.a. ") else group))
    names.discard("")
    return whole, names


def film_from_movielens(movie_id: int, raw_title: str, tmdb_id: int = 0, imdb_id: int = 0) -> Film:
    """A film from a raw MovieLens title ("Matrix, The (1999)")."""
    title, year = parse_title(raw_title)
    return Film(movie_id, title, year, tmdb_id, imdb_id)


def films_from_movies(movies: list[MovieRow], tmdb_ids: dict[int, int], imdb_ids: dict[int, int]) -> list[Film]:
    return [film_from_movielens(m.movie_id, m.title, tmdb_ids.get(m.movie_id, 0), imdb_ids.get(m.movie_id, 0))
            for m in movies]


def films_from_titles(movie_ids, titles, years, tmdb_ids=None) -> list[Film]:
    """From parallel columns of parsed titles (catalogue.Catalogue's); no tmdbIds -> none known."""
    tmdb_ids = [0] * len(movie_ids) if tmdb_ids is None else tmdb_ids
    return [Film(int(mid), title, int(year), int(tmdb)) for mid, title, year, tmdb
            in zip(movie_ids, titles, years, tmdb_ids)]


def films_from_catalogue(cat) -> list[Film]:
    """From a catalogue.Catalogue (its titles are parsed already; it has tmdbIds but no imdbIds)."""
    return films_from_titles(cat.movie_ids, cat.titles, cat.years, cat.tmdb_ids)


# ---------------------------------------------------------------- metadata rows

def metadata_files(tmdb_dir: Path) -> list[Path]:
    return [p for p in (Path(tmdb_dir) / ENRICHED, Path(tmdb_dir) / DETAILS) if p.is_file()]


def _dict_rows(path: Path):
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        reader = csv.DictReader(f)
        for row in reader:
            yield reader.fieldnames or [], row


def _key(row: dict, columns: tuple[str, ...]) -> int | None:
    for c in columns:
        if c in row:
            try:
                key = int(row[c])
            except (TypeError, ValueError):
                return None
            return key if key > 0 else None
    return None


def read_metadata_rows(tmdb_dir: Path) -> dict[int, Film]:
    """Row key -> the row's identity: movies_enriched.csv's tmdbId, imdbId and title ("Toy Story
    (1995)"); a row only movie_details.csv has is known by its original_title and release year."""
    rows: dict[int, Film] = {}
    enriched, details = Path(tmdb_dir) / ENRICHED, Path(tmdb_dir) / DETAILS
    if enriched.is_file():
        for _header, row in _dict_rows(enriched):
            key = _key(row, ("movieId",))
            if key is not None and key not in rows:
                title, year = parse_title(row.get("title") or "")
                rows[key] = Film(key, title, year, id_number(row.get("tmdbId")), id_number(row.get("imdbId")))
    if details.is_file():
        for _header, row in _dict_rows(details):
            key = _key(row, ("movieId", "moveId"))  # the file spells it "moveId"
            if key is None or key in rows:
                continue
            title, year = parse_title(row.get("original_title") or "")
            if not year:
                found = _YEAR.search(row.get("release_date") or "")
                year = int(found.group(1)) if found else 0
            rows[key] = Film(key, title, year)
    return rows


# ---------------------------------------------------------------- the join

def _agrees(a: Film, b: Film) -> bool:
    """False when ids both sides have say these are different films."""
    if a.tmdb_id and b.tmdb_id and a.tmdb_id != b.tmdb_id:
        return False
    return not (a.imdb_id and b.imdb_id and a.imdb_id != b.imdb_id)


def _one_film(candidates: list[Film]) -> Film | None:
    """The candidates' row if they are all one film (a single row, or one tmdbId under several keys)."""
    if not candidates:
        return None
    ids = {c.tmdb_id for c in candidates}
    if len(candidates) == 1 or (len(ids) == 1 and 0 not in ids):
        return min(candidates, key=lambda c: c.movie_id)
    return None


class _Index:
    def __init__(self, rows: dict[int, Film]):
        self.rows = [rows[key] for key in sorted(rows)]
        self.tmdb, self.imdb = defaultdict(list), defaultdict(list)
        for row in self.rows:
            if row.tmdb_id:
                self.tmdb[row.tmdb_id].append(row)
            if row.imdb_id:
                self.imdb[row.imdb_id].append(row)
        self._titles = None

    def titles(self):
        """(whole title, year) -> rows and (any name, year) -> rows; built when a film first needs them."""
        if self._titles is None:
            whole_index, name_index = defaultdict(list), defaultdict(list)
            for row in self.rows:
                if row.year:
                    whole, names = title_names(row.title)
                    if whole:
                        whole_index[(whole, row.year)].append(row)
                    for name in names:
                        name_index[(name, row.year)].append(row)
            self._titles = whole_index, name_index
        return self._titles

    def match(self, film: Film) -> tuple[Film | None, str]:
        """(row, "tmdb" | "imdb" | "title") or (None, "ambiguous" | "none")."""
        if film.tmdb_id and self.tmdb.get(film.tmdb_id):
            same = self.tmdb[film.tmdb_id]
            if len(same) == 1:
                return same[0], "tmdb"
            # One tmdbId under several keys: prefer the row whose imdbId, then title + year, agree too.
            whole = title_names(film.title)[0]
            return min(same, key=lambda r: (not (film.imdb_id and r.imdb_id == film.imdb_id),
                                            not (film.year and r.year == film.year
                                                 and title_names(r.title)[0] == whole),
                                            r.movie_id)), "tmdb"
        if film.imdb_id:
            same = [r for r in self.imdb.get(film.imdb_id, ()) if _agrees(film, r)]
            if same:
                return min(same, key=lambda r: r.movie_id), "imdb"
        if not film.year:
            return None, "none"
        whole, names = title_names(film.title)
        whole_index, name_index = self.titles()
        candidates = [r for r in whole_index.get((whole, film.year), ()) if _agrees(film, r)]
        if not candidates:  # no row has the whole title: try each of its names
            seen = {}
            for name in sorted(names):
                for r in name_index.get((name, film.year), ()):
                    if _agrees(film, r):
                        seen[r.movie_id] = r
            candidates = list(seen.values())
        if not candidates:
            return None, "none"
        row = _one_film(candidates)
        return (row, "title") if row is not None else (None, "ambiguous")


def join_films(films: list[Film], rows: dict[int, Film]) -> MetadataJoin:
    """Each film's metadata row (see the module docstring); films are a data set's, rows
    read_metadata_rows' (or any key -> Film)."""
    index = _Index(rows)
    join = MetadataJoin(keys={}, rows=rows)
    for film in films:
        row, how = index.match(film)
        if row is None:
            join.unmatched += 1
            if how == "ambiguous":
                join.ambiguous.append(film.label())
            continue
        join.keys[film.movie_id] = row.movie_id
        if how == "tmdb":
            join.by_tmdb += 1
        elif how == "imdb":
            join.by_imdb += 1
        else:
            join.by_title += 1
    return join


def _signature(paths) -> tuple:
    out = []
    for p in paths:
        if p.is_file():
            st = p.stat()
            out.append((str(p.resolve()), st.st_mtime_ns, st.st_size))
    return tuple(out)


# What join_dataset reads (ratings.dat and u.data only pick the layout).
_MOVIE_FILES = ("movies.csv", "links.csv", "movies.dat", "u.item", "ratings.dat", "u.data")
_CACHE: dict[tuple, MetadataJoin] = {}


def join_dataset(ml_dir: Path, tmdb_dir: Path) -> MetadataJoin:
    """The join for a MovieLens folder (any layout; its movies file and links.csv, not its ratings)
    and a metadata folder. Remembered while the files are unchanged: the reader, the content model
    and the metadata shards of one build all ask for it."""
    key = (_signature(Path(ml_dir) / n for n in _MOVIE_FILES), _signature(
        Path(tmdb_dir) / n for n in (ENRICHED, DETAILS)))
    if key not in _CACHE:
        movies, tmdb_ids, imdb_ids, _read = read_movie_list(ml_dir)
        if len(_CACHE) >= 4:
            _CACHE.clear()
        _CACHE[key] = join_films(films_from_movies(movies, tmdb_ids, imdb_ids), read_metadata_rows(tmdb_dir))
    return _CACHE[key]
