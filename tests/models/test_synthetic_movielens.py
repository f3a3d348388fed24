"""models/synthetic_movielens.py: MovieLens-shaped synthetic data (small sizes; the full ml-32m shape
is measured by hand, see the module docstring).

Run: /usr/bin/python3 -m unittest discover -s tests/models -p 'test_synthetic*.py'
"""
import contextlib
import csv
import hashlib
import io
import re
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

import synthetic_movielens as synth  # noqa: E402
from cinelocal_models.movielens import read_movielens  # noqa: E402

USERS, MOVIES, RATINGS, TAGS = 300, 2000, 20_000, 500
FILES = ["movies.csv", "ratings.csv", "links.csv", "tags.csv", "README.txt"]


def digest(folder):
    return {f: hashlib.sha256((Path(folder) / f).read_bytes()).hexdigest() for f in FILES}


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


class SyntheticMovieLensTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp())
        cls.dir = cls.tmp / "a"
        cls.summary = synth.generate(cls.dir, USERS, MOVIES, RATINGS, tags=TAGS, seed=0)
        cls.movies = read_csv(cls.dir / "movies.csv")
        cls.links = read_csv(cls.dir / "links.csv")
        cls.tags = read_csv(cls.dir / "tags.csv")
        rows = read_csv(cls.dir / "ratings.csv")
        cls.ratings_header, cls.rating_text = rows[0], [r[2] for r in rows[1:]]
        r = np.array([[int(u), int(m), float(s), int(t)] for u, m, s, t in rows[1:]])
        cls.user, cls.movie, cls.stars, cls.time = r[:, 0].astype(int), r[:, 1].astype(int), r[:, 2], r[:, 3]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_headers_and_exact_counts(self):
        self.assertEqual(self.ratings_header, ["userId", "movieId", "rating", "timestamp"])
        self.assertEqual(self.movies[0], ["movieId", "title", "genres"])
        self.assertEqual(self.links[0], ["movieId", "imdbId", "tmdbId"])
        self.assertEqual(self.tags[0], ["userId", "movieId", "tag", "timestamp"])
        self.assertEqual(len(self.stars), RATINGS)
        self.assertEqual(len(self.movies) - 1, MOVIES)
        self.assertEqual(len(self.links) - 1, MOVIES)
        self.assertEqual(len(self.tags) - 1, TAGS)
        self.assertEqual(set(self.user.tolist()), set(range(1, USERS + 1)))
        self.assertGreaterEqual(np.bincount(self.user)[1:].min(), 20)  # MovieLens keeps users with >= 20
        self.assertEqual(self.summary["ratings"], RATINGS)
        self.assertIn("SYNTHETIC", (self.dir / "README.txt").read_text())

    def test_ratings_rows(self):
        pairs = self.user * 10**7 + self.movie
        self.assertEqual(len(np.unique(pairs)), RATINGS)  # each user's films distinct
        self.assertTrue((np.diff(pairs) > 0).all())  # sorted by user, then movieId, like the real file
        self.assertTrue(set(self.rating_text) <= {f"{h / 2:.1f}" for h in range(1, 11)})
        self.assertTrue(((self.stars * 2) % 1 == 0).all() and self.stars.min() >= 0.5 and self.stars.max() <= 5)
        self.assertTrue(0.4 < (self.stars >= 4).mean() < 0.6)
        self.assertTrue(((self.time >= synth.T_MIN) & (self.time <= synth.T_MAX)).all())

    def test_movies_links_and_tags(self):
        ids = [int(r[0]) for r in self.movies[1:]]
        self.assertEqual(len(set(ids)), MOVIES)
        self.assertGreater(max(ids), MOVIES)  # gaps, like real movieIds
        self.assertTrue(set(self.movie.tolist()) <= set(ids))
        titles = [r[1] for r in self.movies[1:]]
        self.assertTrue(all(len(r) == 3 for r in self.movies))  # commas in titles were quoted
        self.assertTrue(any(re.search(r", The \(\d{4}\)$", t) for t in titles))
        self.assertTrue(any("," in t and ", The (" not in t for t in titles))
        self.assertTrue(any('"' in t for t in titles))
        years = [int(t[-5:-1]) for t in titles]
        self.assertTrue(all(t[-6:-5] == "(" and t.endswith(")") for t in titles))
        self.assertTrue(1900 <= min(years) and max(years) <= 2023 and np.median(years) > 1990)
        genres = [r[2] for r in self.movies[1:]]
        names = {g for gs in genres for g in gs.split("|")}
        self.assertEqual(names - set(synth.GENRES), {"(no genres listed)"})
        self.assertEqual([int(r[0]) for r in self.links[1:]], ids)
        self.assertTrue(all(r[1].isdigit() and int(r[1]) > 900_000_000 and r[2] == "" for r in self.links[1:]))
        self.assertTrue(set(int(r[1]) for r in self.tags[1:]) <= set(ids))
        self.assertEqual(len({tuple(r[:3]) for r in self.tags[1:]}), TAGS)

    def test_deterministic_for_a_seed(self):
        again = self.tmp / "b"
        synth.generate(again, USERS, MOVIES, RATINGS, tags=TAGS, seed=0)
        self.assertEqual(digest(self.dir), digest(again))
        other = self.tmp / "c"
        synth.generate(other, USERS, MOVIES, RATINGS, tags=TAGS, seed=1)
        self.assertNotEqual(digest(self.dir)["ratings.csv"], digest(other)["ratings.csv"])

    def test_popularity_is_skewed(self):
        counts = np.sort(np.unique(self.movie, return_counts=True)[1])[::-1]
        top = counts[: MOVIES // 100].sum() / RATINGS
        self.assertGreater(top, 0.15)  # 1% of films, 15x their uniform share
        self.assertAlmostEqual(top, self.summary["top1pct_share"])
        ids = [int(r[0]) for r in self.movies[1:]]
        self.assertLess(np.median(np.bincount(self.movie, minlength=max(ids) + 1)[ids]), 10)  # long tail

    def test_positives_follow_the_users_clusters(self):
        w = synth.world(USERS, MOVIES, RATINGS, seed=0)
        index = {int(m): i for i, m in enumerate(w.movie_ids)}
        film = np.array([index[m] for m in self.movie])
        u = self.user - 1
        in_taste = (w.weight[u] * (w.ucl[u] == w.cluster[film][:, None])).sum(1) > 0
        positive = self.stars >= 4
        self.assertGreater(positive[in_taste].mean(), positive[~in_taste].mean() + 0.15)
        # Share of a user's positives inside their clusters vs the share of films there (chance).
        films_in_taste = np.array([np.isin(w.cluster, w.ucl[i][w.weight[i] > 0]).mean() for i in range(USERS)])
        self.assertGreater(in_taste[positive].mean(), 2.5 * films_in_taste.mean())

    def test_project_reader_loads_it(self):
        ml = read_movielens(self.dir)
        self.assertEqual(len(ml.movies), MOVIES)
        self.assertEqual(len(ml.ratings), RATINGS)
        self.assertEqual(ml.tmdb_ids, {})  # no synthetic film points at a real one
        self.assertEqual(int(ml.user_ids.max()), USERS)

    def test_cli(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = synth.main(["--out", str(self.tmp / "cli"), "--scale", "0.001", "--movies", "1000",
                               "--seed", "3"])
        self.assertEqual(code, 0)
        self.assertIn("201 users, 1000 films", out.getvalue())
        self.assertIn("32000 ratings", out.getvalue())
        with contextlib.redirect_stderr(io.StringIO()), self.assertRaises(SystemExit) as e:
            synth.main(["--out", str(self.tmp / "bad"), "--users", "10", "--ratings", "5"])
        self.assertEqual(e.exception.code, 2)


if __name__ == "__main__":
    unittest.main()
