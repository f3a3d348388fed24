"""The catalogue policy (catalogue_policy.py): which films carry model vectors, known answers on a
hand-made count table and on the tiny fixture."""
import json
import sys
import tempfile
import unittest
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models.catalogue import build_catalogue, catalogue_from_document, write_catalogue  # noqa: E402
from cinelocal_models.catalogue_policy import (rating_counts, split_catalogue, vector_films,  # noqa: E402
                                               vector_ratings)
from cinelocal_models.interactions import UserRatings, group_by_user  # noqa: E402
from cinelocal_models.movielens import read_movielens  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "tiny_ml"


class VectorFilms(unittest.TestCase):
    def test_the_most_rated_win_and_ties_go_to_the_lower_movie_id(self):
        counts = np.array([5, 0, 3, 3, 9])
        ids = np.array([10, 20, 40, 30, 50])  # index 3 (id 30) beats index 2 (id 40) on the tie
        np.testing.assert_array_equal(vector_films(counts, ids, 3), [0, 3, 4])
        np.testing.assert_array_equal(vector_films(counts, ids, 99), [0, 1, 2, 3, 4])

    def test_a_catalogue_needs_one_film_with_vectors(self):
        with self.assertRaises(ValueError):
            vector_films(np.array([1]), np.array([1]), 0)


class SplitOfTheFixture(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ml = read_movielens(FIXTURE, None)
        cls.full = build_catalogue(cls.ml)
        cls.counts = rating_counts(cls.ml, cls.full)
        cls.split = split_catalogue(cls.ml, cls.full, 10)

    def test_ten_most_rated_films_carry_vectors_in_movie_id_order(self):
        s = self.split
        self.assertEqual((len(s.vector), len(s.search_only)), (10, len(self.full) - 10))
        self.assertTrue(np.all(np.diff(s.vector.movie_ids) > 0) and np.all(np.diff(s.search_only.movie_ids) > 0))
        fewest_vector = self.counts[s.vector_index].min()
        search_only = np.setdiff1d(np.arange(len(self.full)), s.vector_index)
        self.assertGreaterEqual(fewest_vector, self.counts[search_only].max())
        self.assertEqual(s.min_ratings, fewest_vector)
        self.assertAlmostEqual(s.rating_share, self.counts[s.vector_index].sum() / self.counts.sum())
        self.assertIn(f"10 of {len(self.full)} films carry model vectors", s.describe())

    def test_a_film_nobody_rated_is_search_only(self):
        never_rated = int(np.flatnonzero(self.full.movie_ids == 171749)[0])
        self.assertEqual(self.counts[never_rated], 0)
        self.assertEqual(self.split.to_vector()[never_rated], -1)

    def test_every_film_has_vectors_when_the_cap_allows(self):
        split = split_catalogue(self.ml, self.full, 10_000)
        self.assertEqual(len(split.search_only), 0)
        np.testing.assert_array_equal(split.to_vector(), np.arange(len(self.full)))
        self.assertEqual(split.describe(), f"catalogue policy: all {len(self.full)} films carry model vectors")

    def test_users_keep_their_vector_films_as_item_table_rows(self):
        to_vector = self.split.to_vector()
        a_vector, a_search_only = int(self.split.vector_index[3]), int(np.flatnonzero(to_vector < 0)[0])
        [u] = vector_ratings([UserRatings(np.array([a_search_only, a_vector]), np.array([5.0, 2.5], np.float32))],
                             to_vector)
        np.testing.assert_array_equal(u.items, [3])
        np.testing.assert_array_equal(u.stars, [2.5])
        # Every rating of a vector film survives, and nothing else does.
        users = group_by_user(self.ml, self.full)
        kept = sum(len(u.items) for u in vector_ratings(users, to_vector))
        self.assertEqual(kept, self.counts[self.split.vector_index].sum())

    def test_catalogue_json_lists_vector_films_first(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "catalogue.json"
            write_catalogue(self.split.vector, path, search_only=self.split.search_only)
            doc = json.loads(path.read_text(encoding="utf-8"))
        ids = [m[0] for m in doc["movies"]]
        self.assertEqual(ids, list(self.split.vector.movie_ids) + list(self.split.search_only.movie_ids))
        np.testing.assert_array_equal(catalogue_from_document(doc, 10).movie_ids, self.split.vector.movie_ids)
        self.assertEqual(len(catalogue_from_document(doc)), len(self.full))


if __name__ == "__main__":
    unittest.main()
