"""The one grid search (models/cinelocal_models/grid.py): best value wins, the earlier point on a tie,
a NaN never."""
import math
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models.grid import grid_search  # noqa: E402


class GridSearchTest(unittest.TestCase):
    def test_the_best_value_wins_and_the_earlier_point_on_a_tie(self):
        values = {"a": 0.1, "b": 0.5, "c": 0.5, "d": 0.2}
        best, table = grid_search("abcd", lambda p: (values[p], values[p] * 10))
        self.assertEqual(best, "b")
        self.assertEqual(table, {"a": 1.0, "b": 5.0, "c": 5.0, "d": 2.0})

    def test_a_point_that_scores_nan_never_wins(self):
        values = {1: math.nan, 2: 0.3, 3: (0.2)}
        self.assertEqual(grid_search([1, 2, 3], lambda p: (values[p], None))[0], 2)
        pairs = {1: (math.nan, 1.0), 2: (0.1, 0.0)}
        self.assertEqual(grid_search([1, 2], lambda p: (pairs[p], None))[0], 2)

    def test_tuples_compare_in_order_and_the_table_is_keyed(self):
        scores = {10: (0.3, 0.1), 30: (0.3, 0.2), 100: (0.2, 0.9)}
        best, table = grid_search([10, 30, 100], lambda lam: (scores[lam], lam), key=lambda lam: f"l{lam}")
        self.assertEqual(best, 30)
        self.assertEqual(set(table), {"l10", "l30", "l100"})


if __name__ == "__main__":
    unittest.main()
