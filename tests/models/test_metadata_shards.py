"""TMDB metadata shards for the browser: split, lookup by movieId, junk rows and unsafe poster
paths, and no shards at all without metadata. Hand-made fixture, no TMDB data.

Run: /usr/bin/python3 -m unittest tests/models/test_metadata_shards.py
"""
import bisect
import json
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models.errors import DataError  # noqa: E402
from cinelocal_models.metadata_shards import (  # noqa: E402
    build_metadata_shards, read_metadata, shard_movies, write_shards)

ENRICHED = (
    "movieId,title,genres,imdbId,tmdbId,overview,tagline,runtime,tmdb_rating\n"
    '1,A (1995),Comedy,1,11.0,"Toys, alive; ""quoted"".",t,81.0,7.9\n'
    "2,B (1995),Drama,2,12.0,Déjà vu in Zürich.,t,nan,6.0\n"
    "3,C (1996),Drama,3,13.0,,t,,5.0\n"
    "x,junk row,Drama,4,14.0,ignored,t,90,5.0\n"
    "10,D (1997),Horror,5,15.0,Ten.,t,100.0,5.0\n"
    "11,E (1998),Horror,6,16.0,Eleven.,t,95,5.0\n"
)
DETAILS = (
    "moveId,original_title,collectionId,release_date,backdrop_path,poster_path\n"
    "1,A,,1/1/1995,/b.jpg,/rhIRbc_e-9.jpg\n"
    "2,B,,1/1/1995,/b.jpg,/../../evil.jpg\n"
    "3,C,,1/1/1996,/b.jpg,\n"
    "10,D,,1/1/1997,/b.jpg,//evil.example/x.jpg\n"
    "12,F,,1/1/1999,/b.jpg,/twelve.png\n"
)


def write_fixture(directory: Path) -> Path:
    (directory / "movies_enriched.csv").write_text(ENRICHED, encoding="utf-8")
    (directory / "movie_details.csv").write_text(DETAILS, encoding="utf-8")
    return directory


def lookup(meta_dir: Path, movie_id: int):
    """What the browser does: binary search the index, then read the one shard."""
    first_ids = json.loads((meta_dir / "index.json").read_text())["first_ids"]
    shard = bisect.bisect_right(first_ids, movie_id) - 1
    if shard < 0:
        return None
    return json.loads((meta_dir / f"{shard}.json").read_text(encoding="utf-8")).get(str(movie_id))


class MetadataShardsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_overview_runtime_and_poster_are_joined_by_movie_id(self):
        meta = read_metadata(write_fixture(self.dir))
        self.assertEqual(meta[1], ['Toys, alive; "quoted".', 81, "/rhIRbc_e-9.jpg"])
        self.assertEqual(meta[2], ["Déjà vu in Zürich.", 0, ""])  # runtime "nan" is unknown
        self.assertEqual(meta[12], ["", 0, "/twelve.png"])  # poster only, no enriched row

    def test_unsafe_poster_paths_junk_rows_and_empty_movies_are_left_out(self):
        meta = read_metadata(write_fixture(self.dir))
        self.assertEqual(meta[2][2], "")  # "/../../evil.jpg"
        self.assertEqual(meta[10][2], "")  # "//evil.example/x.jpg" would change the host
        self.assertNotIn(3, meta)  # no overview, runtime or poster
        self.assertEqual(sorted(meta), [1, 2, 10, 11, 12])

    def test_every_movie_is_found_in_the_shard_the_index_points_to(self):
        write_fixture(self.dir)
        meta_dir = self.dir / "bundle" / "meta"
        count = build_metadata_shards(meta_dir, self.dir, self.dir / "no_catalogue.json")
        self.assertEqual(count, 1)
        for shard_size in (1, 2, 3):
            shards = shard_movies(read_metadata(self.dir), shard_size=shard_size)
            self.assertEqual([len(s) for s in shards], {1: [1] * 5, 2: [2, 2, 1], 3: [3, 2]}[shard_size])
        write_shards(meta_dir, shard_movies(read_metadata(self.dir), shard_size=2))
        self.assertEqual(json.loads((meta_dir / "index.json").read_text())["first_ids"], [1, 10, 12])
        self.assertEqual(lookup(meta_dir, 11), ["Eleven.", 95, ""])
        self.assertEqual(lookup(meta_dir, 12), ["", 0, "/twelve.png"])
        self.assertEqual(lookup(meta_dir, 1)[1], 81)
        self.assertIsNone(lookup(meta_dir, 5))  # between shards' movies: absent, not someone else's
        self.assertIsNone(lookup(meta_dir, 0))

    def test_only_catalogue_movies_are_written_and_stale_shards_are_removed(self):
        write_fixture(self.dir)
        meta_dir = self.dir / "meta"
        meta_dir.mkdir()
        (meta_dir / "7.json").write_text("{}")
        catalogue = self.dir / "catalogue.json"
        catalogue.write_text(json.dumps({"format_version": 1, "genres": [],
                                         "movies": [[2, "B", 1995, 0, 0, 12], [11, "E", 1998, 0, 0, 16]]}))
        self.assertEqual(build_metadata_shards(meta_dir, self.dir, catalogue), 1)
        self.assertEqual(sorted(p.name for p in meta_dir.iterdir()), ["0.json", "index.json"])
        self.assertEqual(sorted(json.loads((meta_dir / "0.json").read_text())), ["11", "2"])

    def test_without_metadata_there_is_no_meta_folder(self):
        meta_dir = self.dir / "meta"
        meta_dir.mkdir()
        (meta_dir / "0.json").write_text("{}")
        self.assertEqual(build_metadata_shards(meta_dir, None, self.dir / "catalogue.json"), 0)
        self.assertFalse(meta_dir.exists())

    def test_a_file_without_the_needed_columns_is_an_error_naming_it(self):
        (self.dir / "movies_enriched.csv").write_text("movieId,title\n1,A\n", encoding="utf-8")
        with self.assertRaisesRegex(DataError, r"movies_enriched\.csv: expected columns movieId and overview"):
            read_metadata(self.dir)


if __name__ == "__main__":
    unittest.main()
