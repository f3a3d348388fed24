"""The closed-form top-N fold-in (models/cinelocal_models/fold_in.py), solved by hand on the
item rows that tests/core/test_fold_in.cpp uses for the C++ solve."""
import sys
import unittest
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models.fold_in import FoldInScorer, tune_fold_in  # noqa: E402
from cinelocal_models.interactions import UserRatings  # noqa: E402

# Rows of tests/core/test_fold_in.cpp's table plus a popularity column.
TABLE = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, -0.5], [1.0, 1.0, 0.0], [0.5, 0.0, 1.0]], dtype=np.float32)


class FoldInTest(unittest.TestCase):
    def test_vector_solves_the_ials_normal_equations_by_hand(self):
        s = FoldInScorer(TABLE, 2, bias_scale=8.0, alpha=2.0, ridge=0.5, pop_weight=0.0)
        # G = [[2.25, 1], [1, 2]]; + 2 * I (items 0, 1) + 0.5 I = [[4.75, 1], [1, 4.5]]; b = 3 * (1, 1)
        m = np.array([[4.75, 1.0], [1.0, 4.5]])
        np.testing.assert_allclose(s.vector([0, 1]), np.linalg.solve(m, [3.0, 3.0]), rtol=1e-12)

    def test_scores_add_the_weighted_popularity_column_times_bias_scale(self):
        s0 = FoldInScorer(TABLE, 2, 8.0, 2.0, 0.5, 0.0)
        s1 = FoldInScorer(TABLE, 2, 8.0, 2.0, 0.5, 0.1)
        np.testing.assert_allclose(s1([0], None) - s0([0], None), 0.1 * 8.0 * TABLE[:, 2], rtol=1e-6)

    def test_liked_direction_ranks_first(self):
        s = FoldInScorer(TABLE, 2, 8.0, 10.0, 1.0, 0.0)
        scores = s([1], None)
        self.assertGreater(scores[1], scores[0])
        self.assertGreater(scores[2], scores[3])  # (1, 1) shares the liked y direction, (.5, 0) does not

    def test_tuning_returns_a_grid_point_and_its_table(self):
        rng = np.random.default_rng(0)
        users = [UserRatings(np.sort(rng.choice(4, 4, replace=False)), np.full(4, 5.0, dtype=np.float32))
                 for _ in range(6)]
        best, table = tune_fold_in(TABLE, 2, 8.0, users, np.arange(6), 0)
        self.assertIn(f"{best[0]:g},{best[1]:g},{best[2]:g}", table)


if __name__ == "__main__":
    unittest.main()
