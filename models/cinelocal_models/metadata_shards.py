"""TMDB metadata (overview, runtime, poster path) split into small JSON shards that the browser
fetches when a card first needs them, so the first visit downloads none of it.

    <bundle>/meta/index.json   {"format_version": 1, "first_ids": [1, 246, ...]}
    <bundle>/meta/<i>.json     {"<movieId>": [overview, runtime_minutes, poster_path], ...}

Shard i holds the movies from first_ids[i] up to (not including) first_ids[i + 1], in movieId
order, SHARD_SIZE of them per shard: the client finds a movie's shard by a binary search in the
index. Movies without any metadata are left out. No metadata directory -> no meta folder at all
(the app then draws its own cards without overviews). Derived from TMDB data: never committed.

A catalogue movie gets the metadata row that is the same film (metadata_join.py: by tmdbId, imdbId,
else title + year), never the row that merely shares its movieId: the shared metadata is keyed by
ml-latest-small's movieIds, which mean other films in ML-100K or ML-1M.
"""
from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

from .catalogue import catalogue_from_document
from .errors import DataError
from .metadata_join import films_from_catalogue, join_films, read_metadata_rows

FORMAT_VERSION = 1
SHARD_SIZE = 200  # ~60 KB of JSON per shard with overviews: one small fetch per screenful of cards
ENRICHED = "movies_enriched.csv"
DETAILS = "movie_details.csv"
# Poster paths go into an image URL: accept only TMDB's own shape ("/abc_DEF-1.jpg"), nothing
# that could climb out of the image base ("..", "//host", "?query").
_POSTER_PATH = re.compile(r"^/[A-Za-z0-9_-]+\.(?:jpg|jpeg|png|webp)$")


def _rows(path: Path, id_columns: tuple[str, ...], wanted: tuple[str, ...]):
    """(movieId, {column: text}) for each row whose id parses; other rows are skipped (metadata is optional)."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        id_column = next((c for c in id_columns if c in header), None)
        missing = [c for c in wanted if c not in header]
        if id_column is None or missing:
            raise DataError(f"{path}: expected columns {id_columns[0]} and {', '.join(wanted)}, "
                            f"found {', '.join(header) or 'none'}")
        for row in reader:
            try:
                movie_id = int(row[id_column])
            except (TypeError, ValueError):
                continue
            if movie_id > 0:
                yield movie_id, row


def _runtime_minutes(text: str | None) -> int:
    try:
        minutes = int(float(text))
    except (TypeError, ValueError):
        return 0
    return minutes if 0 < minutes < 10000 else 0  # "nan", blanks and junk mean unknown


def read_metadata(tmdb_dir: Path) -> dict[int, list]:
    """movieId -> [overview, runtime_minutes, poster_path] from whichever of the two files exist."""
    meta: dict[int, list] = {}
    enriched, details = Path(tmdb_dir) / ENRICHED, Path(tmdb_dir) / DETAILS
    if enriched.is_file():
        for movie_id, row in _rows(enriched, ("movieId",), ("overview", "runtime")):
            meta[movie_id] = [(row["overview"] or "").strip(), _runtime_minutes(row["runtime"]), ""]
    if details.is_file():
        # The file's id column is spelled "moveId"; accept the correct spelling too.
        for movie_id, row in _rows(details, ("movieId", "moveId"), ("poster_path",)):
            path = (row["poster_path"] or "").strip()
            if _POSTER_PATH.match(path):
                meta.setdefault(movie_id, ["", 0, ""])[2] = path
    return {mid: m for mid, m in meta.items() if m[0] or m[1] or m[2]}


def shard_movies(metadata: dict[int, list], movie_ids=None, shard_size: int = SHARD_SIZE) -> list[dict[int, list]]:
    """Consecutive runs of shard_size movies (ascending movieId), restricted to movie_ids when given."""
    ids = sorted(metadata if movie_ids is None else set(metadata).intersection(movie_ids))
    return [{mid: metadata[mid] for mid in ids[start:start + shard_size]}
            for start in range(0, len(ids), shard_size)]


def _dump(doc) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def write_shards(meta_dir: Path, shards: list[dict[int, list]]) -> None:
    """Replaces meta_dir with the index and one file per shard."""
    meta_dir = Path(meta_dir)
    if meta_dir.exists():
        shutil.rmtree(meta_dir)  # stale shards of an earlier catalogue must not survive
    meta_dir.mkdir(parents=True)
    for i, shard in enumerate(shards):
        (meta_dir / f"{i}.json").write_text(_dump({str(mid): m for mid, m in shard.items()}), encoding="utf-8")
    index = {"format_version": FORMAT_VERSION, "first_ids": [min(shard) for shard in shards]}
    (meta_dir / "index.json").write_text(_dump(index), encoding="utf-8")


def catalogue_movie_ids(catalogue_path: Path) -> list[int] | None:
    """The movieIds of a written catalogue.json, or None when there is none yet."""
    if not Path(catalogue_path).is_file():
        return None
    doc = json.loads(Path(catalogue_path).read_text(encoding="utf-8"))
    return [int(movie[0]) for movie in doc["movies"]]


def joined_metadata(metadata: dict[int, list], metadata_keys: dict[int, int]) -> dict[int, list]:
    """Data set movieId -> the metadata of its row (read_metadata's rows are keyed by row key)."""
    return {mid: metadata[key] for mid, key in metadata_keys.items() if key in metadata}


def build_metadata_shards(meta_dir: Path, tmdb_dir: Path | None, catalogue_path: Path,
                          metadata_keys: dict[int, int] | None = None) -> int:
    """Writes the shards for the catalogue's movies; returns how many (0: no metadata, folder removed).
    metadata_keys: data set movieId -> metadata row key (metadata_join.join_dataset(...).keys, which
    also uses links.csv's imdbIds); without it the join uses the catalogue's titles, years and tmdbIds.
    Without a catalogue every row is written under its own key (there is no data set to join)."""
    metadata = read_metadata(tmdb_dir) if tmdb_dir is not None else {}
    movie_ids = catalogue_movie_ids(catalogue_path)
    if metadata and movie_ids is not None:
        if metadata_keys is None:
            cat = catalogue_from_document(json.loads(Path(catalogue_path).read_text(encoding="utf-8")))
            metadata_keys = join_films(films_from_catalogue(cat), read_metadata_rows(tmdb_dir)).keys
        metadata = joined_metadata(metadata, metadata_keys)
    shards = shard_movies(metadata, movie_ids)
    if not shards:
        shutil.rmtree(meta_dir, ignore_errors=True)
        return 0
    write_shards(meta_dir, shards)
    return len(shards)
