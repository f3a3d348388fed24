"""Reading a MovieLens CSV directory (ml-latest-small / ml-25m / ml-32m layout).

Every problem with the files is raised as DataError naming the file and line, because the person
running the build is usually pointing us at a folder they downloaded, not debugging Python.
"""
from __future__ import annotations

import csv
import hashlib
import io
import math
import os
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
    imdb_ids: dict[int, int] = field(default_factory=dict)  # links.csv's imdbId as a number
    metadata_join: object = None  # metadata_join.MetadataJoin when a TMDB folder was given


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _csv_header(path: Path, required: list[str]):
    """Open a CSV file and check its header names the columns: (file, reader, header, column indexes)."""
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
    return f, reader, header, [header.index(c) for c in required]


def _open_csv(path: Path, required: list[str]):
    """Yield (line_number, dict-like row accessor) after checking the header names the columns."""
    return _csv_rows(path, *_csv_header(path, required))


def _csv_rows(path: Path, f, reader, header: list[str], cols: list[int], lines_before: int = 0):
    """(line number, required fields) per non-blank row; lines_before: the lines above where f starts."""
    with f:
        line = lines_before + reader.line_num
        try:
            for row in reader:
                line = lines_before + reader.line_num
                if not row:  # tolerate blank lines (e.g. a trailing empty line)
                    continue
                if len(row) != len(header):
                    raise DataError(f"{path} line {line}: expected {len(header)} fields "
                                    f"({','.join(header)}), got {len(row)}: {','.join(row)[:80]!r}")
                yield line, [row[c] for c in cols]
        except (csv.Error, UnicodeDecodeError) as e:
            raise DataError(f"{path} line {line + 1}: cannot parse: {e}") from None


def _text_from(path: Path, offset: int, encoding: str):
    """The file as text from a byte offset (always the start of a line), line endings untranslated."""
    try:
        f = open(path, "rb")
    except OSError as e:
        raise DataError(f"cannot read {path}: {e.strerror}") from None
    f.seek(offset)
    return io.TextIOWrapper(f, encoding=encoding, newline="")


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
    f, reader, header, cols = _csv_header(path, ["userId", "movieId", "rating"])
    start = _body_start(path) if reader.line_num == 1 else None
    if start is None:  # a header with odd line breaks: not worth a fast path
        return _finish(path, _ratings_from_csv_rows(path, _csv_rows(path, f, reader, header, cols),
                                                    known_movies))
    f.close()

    def read_rest(offset: int, lines_before: int):
        text = _text_from(path, offset, "utf-8")
        rows = _csv_rows(path, text, csv.reader(text), header, cols, lines_before)
        return _ratings_from_csv_rows(path, rows, known_movies)

    return _read_fast(path, start, 1, _Plain(b",", len(header), tuple(cols)), known_movies, read_rest)


def _body_start(path: Path) -> int | None:
    """Byte offset just past a one-line header, or None if that line ends in a lone CR."""
    with open(path, "rb") as f:
        first = f.readline()
    text = first[:-2] if first.endswith(b"\r\n") else first.rstrip(b"\n")
    return None if b"\r" in text else len(first)


def _ratings_from_csv_rows(path: Path, rows, known_movies: set[int]):
    """The row-by-row reader: slow, but it names the exact line and value of any problem."""
    users, items, stars = [], [], []
    for line, (uid, mid, rating) in rows:
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
    return _arrays(users, items, stars)


def _arrays(users: list, items: list, stars: list):
    return (np.asarray(users, dtype=np.int64), np.asarray(items, dtype=np.int64),
            np.asarray(stars, dtype=np.float32))


# --- Fast path for big ratings files (ml-32m: 32M rows) --------------------------------------------
#
# Blocks of whole lines are parsed with pandas, but only when a block is "plain": nothing but digits,
# '.', separators and line breaks, with the right number of fields on every non-blank line. For such
# text pandas and the row readers agree (no quotes, signs, spaces, exponents, NA markers, other
# encodings). At the first block that is not plain, or holds a value the row reader would reject,
# the row reader takes over from that block's first line: it then raises exactly the error it always
# did, with the right line number, or (if the text was merely unusual) reads the rest itself.

# ~600k ml-32m rows per block, which bounds the extra memory one block needs. Measured on ml-32m:
# 32 MB blocks were much slower (each buffer a fresh mmap the kernel has to fault in), 8-16 MB alike.
BLOCK_BYTES = 16 << 20
_PLAIN_BYTES = b"0123456789.,\r\n"


@dataclass(frozen=True)
class _Plain:
    """How a ratings file's lines look: separator, fields per line, and where user, movie, rating sit."""
    sep: bytes
    fields: int
    columns: tuple[int, int, int]


def _read_fast(path: Path, offset: int, lines_before: int, layout: _Plain, known: set[int], read_rest):
    """(user ids, movie ids, stars) of the lines from byte offset on; read_rest(offset, lines_before)
    is the row reader for the rest of the file from a line start."""
    try:
        import pandas as pd  # only this fast path needs it
    except ImportError:
        return _finish(path, read_rest(offset, lines_before))
    known_ids = np.array([m for m in known if -2**63 <= m < 2**63], dtype=np.int64)
    try:
        f = open(path, "rb")
    except OSError as e:
        raise DataError(f"cannot read {path}: {e.strerror}") from None
    with f:
        out = _Columns(expected_bytes=os.fstat(f.fileno()).st_size - offset)
        f.seek(offset)
        for block in _blocks(f, BLOCK_BYTES):
            part = _parse_block(pd, block, layout, known_ids)
            if part is None:
                out.add(read_rest(offset, lines_before), 0)
                break
            out.add(part, len(block))
            offset += len(block)
            lines_before += _line_count(block)
    return _finish(path, out.arrays())


def _blocks(f, size: int):
    """Successive pieces of about `size` bytes, each ending with a line feed (the last one may not)."""
    while block := f.read(size):
        cut = block.rfind(b"\n") + 1
        if cut == 0:  # a line longer than `size`: finish it
            block += f.readline()
        elif cut < len(block):  # leave the partial last line for the next block
            f.seek(cut - len(block), 1)
            block = block[:cut]
        yield block


def _line_count(block: bytes) -> int:
    """Lines as Python's universal newlines count them: LF, CR and CRLF each end one."""
    n = block.count(b"\n")
    if b"\r" in block:
        n += block.count(b"\r") - block.count(b"\r\n")
    return n


def _parse_block(pd, block: bytes, layout: _Plain, known_ids: np.ndarray):
    """(users, movies, stars) of a block of whole lines, or None unless it is plain and every value valid."""
    text = _as_plain_csv(block, layout.sep)
    rows = None if text is None else _plain_rows(text, layout.fields)
    if rows is None:
        return None
    if rows == 0:  # only blank lines
        return _arrays([], [], [])
    try:
        # na_filter=False: an empty field must not become NaN; round_trip: floats parse as float() does.
        df = pd.read_csv(io.BytesIO(text), header=None, names=range(layout.fields), usecols=layout.columns,
                         engine="c", na_filter=False, float_precision="round_trip")
    except (ValueError, OverflowError):
        return None
    users, items, stars = (df[c].to_numpy() for c in layout.columns)
    # Ids that are not int64 held a '.', an empty field or a number beyond int64: the row reader decides.
    if len(df) != rows or users.dtype != np.int64 or items.dtype != np.int64 or stars.dtype.kind not in "if":
        return None
    stars = stars.astype(np.float64, copy=False)
    if not np.all((stars >= MIN_RATING) & (stars <= MAX_RATING)):  # NaN fails both comparisons
        return None
    if not np.all(np.isin(items, known_ids)):
        return None
    return users, items, stars


def _as_plain_csv(block: bytes, sep: bytes) -> bytes | None:
    """The block with ',' between fields if it is plain (digits, '.', separators, line breaks), else None."""
    if sep == b"\t" and _tab_at_line_edge(block):
        return None
    if sep != b",":
        if b"," in block:
            return None
        block = block.replace(sep, b",")  # "1:::2" leaves a ':' behind, so it is not plain
    return None if block.translate(None, _PLAIN_BYTES) else block


def _tab_at_line_edge(block: bytes) -> bool:
    """The u.data reader strips each line, so a leading or trailing tab changes its field count."""
    return (block.startswith(b"\t") or block.endswith(b"\t")
            or any(pair in block for pair in (b"\t\n", b"\t\r", b"\n\t", b"\r\t")))


def _plain_rows(text: bytes, fields: int) -> int | None:
    """How many non-blank lines text has if each has exactly `fields` comma-separated fields, else None."""
    b = np.frombuffer(text, dtype=np.uint8)
    breaks = b == ord("\n")
    if b"\r" in text:
        breaks |= b == ord("\r")  # CR and LF each end a line; CRLF leaves an empty one between them
    ends = np.flatnonzero(breaks)
    if len(ends) == 0 or ends[-1] != len(b) - 1:
        ends = np.append(ends, len(b))  # a last line without a line break
    commas = np.flatnonzero(b == ord(","))
    per_line = np.diff(np.searchsorted(commas, ends), prepend=0)
    blank = np.diff(ends, prepend=-1) == 1
    if not np.all(blank | (per_line == fields - 1)):
        return None
    return len(ends) - int(np.count_nonzero(blank))


class _Columns:
    """The int64, int64, float32 results, filled block by block, so the rows are never held twice (as
    they would be while concatenating per-block arrays). Room is reserved for the whole file, judged
    from the bytes per row so far, plus 1/8: reserved pages cost no memory until written, and the
    unused tail is given back at the end."""

    def __init__(self, expected_bytes: int):
        self.expected_bytes = expected_bytes
        self.bytes = self.rows = 0
        self.columns = [np.empty(0, dtype) for dtype in (np.int64, np.int64, np.float32)]

    def add(self, part, part_bytes: int) -> None:
        """part_bytes: the text the part came from, or 0 for the row reader's rest of the file."""
        n = len(part[0])
        self.bytes += part_bytes
        if self.rows + n > len(self.columns[0]):
            self._grow(self.rows + n, estimate=part_bytes > 0)
        for column, values in zip(self.columns, part):
            column[self.rows:self.rows + n] = values
        self.rows += n

    def _grow(self, needed: int, estimate: bool) -> None:
        if estimate:
            needed = max(needed, needed * self.expected_bytes // self.bytes)
            needed += needed // 8
        grown = [np.empty(needed, c.dtype) for c in self.columns]
        for new, old in zip(grown, self.columns):
            new[:self.rows] = old[:self.rows]
        self.columns = grown

    def arrays(self):
        for column in self.columns:
            column.resize(self.rows, refcheck=False)  # shrinks in place, giving the tail back
        return tuple(self.columns)


def _finish(path: Path, arrays):
    if not len(arrays[2]):
        raise DataError(f"{path}: no ratings")
    return arrays


def id_number(text) -> int:
    """An optional external id as a positive number, else 0: "0114709", "tt0114709", "862.0" (as
    movies_enriched.csv writes it) and 862 all give their number; blanks and junk give 0."""
    text = str(text or "").strip()
    if text[:2].lower() == "tt":
        text = text[2:]
    try:
        value = float(text)
    except ValueError:
        return 0
    return int(value) if math.isfinite(value) and value >= 1 and value == int(value) else 0


def read_links(path: Path) -> tuple[dict[int, int], dict[int, int]]:
    """links.csv: (movieId -> tmdbId, movieId -> imdbId as a number); blanks and junk are skipped
    (the ids are optional). A links file without an imdbId column gives no imdbIds."""
    f, reader, header, cols = _csv_header(path, ["movieId", "tmdbId"])
    if "imdbId" in header:
        cols.append(header.index("imdbId"))
    tmdb_ids, imdb_ids = {}, {}
    for _line, fields in _csv_rows(path, f, reader, header, cols):
        try:
            movie_id = int(fields[0])
        except ValueError:
            continue
        if tmdb_id := id_number(fields[1]):
            tmdb_ids[movie_id] = tmdb_id
        if len(fields) > 2 and (imdb_id := id_number(fields[2])):
            imdb_ids[movie_id] = imdb_id
    return tmdb_ids, imdb_ids


ML100K_GENRES = ["unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
                 "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
                 "Sci-Fi", "Thriller", "War", "Western"]


def _lines(path: Path, encoding: str, offset: int = 0, lines_before: int = 0):
    """(line number, text) for non-blank lines from a byte offset; MovieLens 1M/100K files are Latin-1."""
    try:
        with _text_from(path, offset, encoding) as f:
            for number, line in enumerate(f, start=lines_before + 1):
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
    def read_rest(offset: int, lines_before: int):
        lines = _lines(path, "latin-1", offset, lines_before)
        return _triples_from_lines(path, lines, sep, count, what, known)

    return _read_fast(path, 0, 0, _Plain(sep.encode(), count, (0, 1, 2)), known, read_rest)


def _triples_from_lines(path: Path, lines, sep: str, count: int, what: str, known: set[int]):
    """The row-by-row reader for ML-1M / ML-100K ratings."""
    users, items, stars = [], [], []
    for line, text in lines:
        f = _fields(path, line, text.strip() if sep == "\t" else text, sep, count, what)
        user_id, movie_id = _int(f[0], path, line, "user id"), _int(f[1], path, line, "movie id")
        if movie_id not in known:
            raise DataError(f"{path} line {line}: movie id {movie_id} is not in the movie file")
        users.append(user_id)
        items.append(movie_id)
        stars.append(_rating(f[2], path, line))
    return _arrays(users, items, stars)


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


def _read_older_layout(ml_dir: Path, layout: _OlderLayout, tmdb_dir: Path | None) -> "MovieLens":
    for n in (layout.ratings, layout.movies):
        if not (ml_dir / n).is_file():
            raise DataError(f"{ml_dir} has no {n} ({layout.name} layout: {layout.ratings} + {layout.movies})")
    movies = layout.read_movies(ml_dir / layout.movies)
    users, items, stars = _read_triples(ml_dir / layout.ratings, layout.separator, 4, layout.columns,
                                        {m.movie_id for m in movies})
    ml = MovieLens(name=ml_dir.resolve().name, movies=movies, user_ids=users, movie_ids=items,
                   ratings=stars, ratings_sha256=sha256_file(ml_dir / layout.ratings),
                   source_files=[ml_dir / layout.ratings, ml_dir / layout.movies])
    return _with_metadata(ml, ml_dir, tmdb_dir)


def _older_layout_of(ml_dir: Path) -> _OlderLayout | None:
    for layout in _OLDER_LAYOUTS:
        if (ml_dir / layout.ratings).is_file() or (ml_dir / layout.movies).is_file():
            return layout
    return None


def read_movielens(ml_dir: Path, tmdb_dir: Path | None = None) -> MovieLens:
    """Any MovieLens layout. With a TMDB metadata folder, movies that links.csv gives no tmdbId take
    the tmdbId of the metadata row that is the same film (metadata_join.py: by tmdbId, imdbId, else
    title + year), never the row that merely has the same movieId; ml.metadata_join says which."""
    ml_dir = Path(ml_dir)
    if not ml_dir.is_dir():
        raise DataError(f"MovieLens directory {ml_dir} does not exist")
    layout = _older_layout_of(ml_dir)
    if layout is not None:
        return _read_older_layout(ml_dir, layout, tmdb_dir)
    if not (ml_dir / "ratings.csv").is_file() and not (ml_dir / "movies.csv").is_file():
        raise DataError(f"{ml_dir} is none of the known layouts: expected {LAYOUTS}")
    return _read_csv_layout(ml_dir, tmdb_dir)


def read_movie_list(ml_dir: Path) -> tuple[list[MovieRow], dict[int, int], dict[int, int], list[Path]]:
    """The data set's films without its ratings: (movies, movieId -> tmdbId, movieId -> imdbId, the
    files read). Only the CSV layout has links.csv; ML-1M and ML-100K give no ids."""
    ml_dir = Path(ml_dir)
    if not ml_dir.is_dir():
        raise DataError(f"MovieLens directory {ml_dir} does not exist")
    layout = _older_layout_of(ml_dir)
    if layout is not None:
        if not (ml_dir / layout.movies).is_file():
            raise DataError(f"{ml_dir} has no {layout.movies} ({layout.name} layout: "
                            f"{layout.ratings} + {layout.movies})")
        return layout.read_movies(ml_dir / layout.movies), {}, {}, [ml_dir / layout.movies]
    movies_path, links = ml_dir / "movies.csv", ml_dir / "links.csv"
    if not (ml_dir / "ratings.csv").is_file() and not movies_path.is_file():
        raise DataError(f"{ml_dir} is none of the known layouts: expected {LAYOUTS}")
    if not movies_path.is_file():
        raise DataError(f"{ml_dir} has no movies.csv (expected the MovieLens CSV layout: "
                        "ratings.csv, movies.csv, optionally links.csv)")
    tmdb_ids, imdb_ids = read_links(links) if links.is_file() else ({}, {})
    return read_movies(movies_path), tmdb_ids, imdb_ids, [movies_path] + ([links] if links.is_file() else [])


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
    imdb_ids: dict[int, int] = {}
    links = ml_dir / "links.csv"
    if links.is_file():
        tmdb_ids, imdb_ids = read_links(links)
        sources.append(links)
    ml = MovieLens(name=ml_dir.resolve().name, movies=movies, user_ids=users, movie_ids=items,
                   ratings=stars, ratings_sha256=sha256_file(ratings_path), tmdb_ids=tmdb_ids,
                   source_files=sources, imdb_ids=imdb_ids)
    return _with_metadata(ml, ml_dir, tmdb_dir)


def _with_metadata(ml: MovieLens, ml_dir: Path, tmdb_dir: Path | None) -> MovieLens:
    """Fills the gaps in ml.tmdb_ids from the metadata rows that are the same film (links.csv ships
    with the ratings, so it wins when both know a movie)."""
    if tmdb_dir is None:
        return ml
    from .metadata_join import join_dataset, metadata_files  # imported here: it builds on this module
    join = join_dataset(ml_dir, tmdb_dir)
    for movie_id, tmdb_id in join.tmdb_ids().items():
        ml.tmdb_ids.setdefault(movie_id, tmdb_id)
    ml.metadata_join = join
    ml.source_files += metadata_files(tmdb_dir)
    return ml
