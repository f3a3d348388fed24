"""The rating head (models/cinelocal_models/rating_head.py) and its C++ twin's fixture.

tests/core/fixtures/rating_head.json is made here (fixture_case) and checked in C++ by
tests/core/test_rating_head.cpp, so the two implementations are proven to agree.
Regenerate after a deliberate change: /usr/bin/python3 tests/models/test_rating_head.py --write
"""
import json
import sys
import unittest
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models.interactions import UserRatings  # noqa: E402
from cinelocal_models.quantize import dequantize  # noqa: E402
from cinelocal_models.rating_head import RatingHead, taste_rows, tune_ridge  # noqa: E402
from cinelocal_models.protocol import Case  # noqa: E402

FIXTURE = ROOT / "tests" / "core" / "fixtures" / "rating_head.json"


def fixture_case() -> dict:
    """A hand-made 6-item table (2 taste columns + a popularity column) and one visitor."""
    q = np.array([[100, 0, 5], [90, 30, -7], [0, 127, 2], [-50, 80, 0], [-127, -10, 9], [20, 20, 127]],
                 dtype=np.int8)
    scale = np.array([0.01, 0.011, 0.0078, 0.009, 0.0079, 0.012], dtype=np.float32)
    head = RatingHead(3.5, 5.0, 1.5, np.array([0.3, -0.2, 0.1, 0.0, -0.6, 0.45], dtype=np.float32))
    items, stars = [0, 2, 4], [5.0, 2.0, 1.5]
    rows = taste_rows(dequantize(q, scale, axis=0), 2)
    b_u, p = head.fold_in(rows, items, stars)
    return {"item_table_int8": q.tolist(), "item_table_scale": [float(s) for s in scale], "taste_dims": 2,
            "rating_head_bin_hex": head.to_bytes().hex(), "items": items, "stars": stars,
            "user_bias": b_u, "taste": [float(x) for x in p],
            "predicted": [float(x) for x in head.predict(rows, b_u, p, np.arange(6))]}


class RatingHeadTest(unittest.TestCase):
    def test_without_ratings_predicts_mean_plus_item_bias_clamped(self):
        head = RatingHead(3.5, 5.0, 1.0, np.array([0.5, -0.25, 2.0], dtype=np.float32))
        rows = np.eye(3, 2, dtype=np.float32)
        b_u, p = head.fold_in(rows, [], [])
        self.assertEqual(b_u, 0.0)
        np.testing.assert_allclose(head.predict(rows, b_u, p, [0, 1, 2]), [4.0, 3.25, 5.0])

    def test_user_bias_is_damped_mean_residual_and_taste_follows_liked_direction(self):
        # Two orthogonal tastes; the visitor loves item 0 (taste x) and hates item 1 (taste y).
        head = RatingHead(3.0, 2.0, 1.0, np.zeros(4, dtype=np.float32))
        rows = np.array([[1, 0], [0, 1], [1, 0], [0, 1]], dtype=np.float32)
        b_u, p = head.fold_in(rows, [0, 1], [5.0, 1.0])
        self.assertAlmostEqual(b_u, 0.0)  # (2 - 2) / (2 + 2)
        np.testing.assert_allclose(p, [1.0, -1.0])  # 2 / (1 + ridge 1) each
        np.testing.assert_allclose(head.predict(rows, b_u, p, [2, 3]), [4.0, 2.0])

    def test_bytes_round_trip_and_size_is_checked(self):
        head = RatingHead(3.25, 5.0, 10.0, np.array([0.5, -1.0], dtype=np.float32))
        data = head.to_bytes()
        self.assertEqual(len(data), 20 + 8)
        back = RatingHead.from_bytes(data, 2)
        self.assertEqual((back.global_mean, back.user_damping, back.ridge), (3.25, 5.0, 10.0))
        np.testing.assert_array_equal(back.item_bias, head.item_bias)
        with self.assertRaises(ValueError):
            RatingHead.from_bytes(data, 3)

    def test_fit_gives_damped_item_biases_from_training_ratings(self):
        users = [UserRatings(np.array([0, 1]), np.array([5.0, 3.0], dtype=np.float32)),
                 UserRatings(np.array([0]), np.array([5.0], dtype=np.float32))]
        head = RatingHead.fit(users, 3)
        self.assertAlmostEqual(head.global_mean, 13.0 / 3.0, places=6)
        self.assertAlmostEqual(float(head.item_bias[0]), 2 * (5 - 13 / 3) / 12, places=6)
        self.assertEqual(float(head.item_bias[2]), 0.0)  # never rated

    def test_tune_ridge_picks_the_lowest_validation_rmse(self):
        head = RatingHead(3.0, 100.0, 1.0, np.zeros(3, dtype=np.float32))  # bias ~ 0: taste must explain
        rows = np.array([[1.0], [1.0], [1.0]], dtype=np.float32)
        # One taste: items 0 and 1 are the same movie for the head, so small ridge predicts best.
        cases = [Case(0, np.array([0]), np.array([5.0], dtype=np.float32), np.array([1]), np.array([5.0]))]
        best, table = tune_ridge(head, rows, cases, ridges=(0.01, 100.0))
        self.assertEqual(best, 0.01)
        self.assertLess(table[0.01], table[100.0])

    def test_committed_cpp_fixture_matches_this_implementation(self):
        committed = json.loads(FIXTURE.read_text())
        fresh = fixture_case()
        for key in ("item_table_int8", "item_table_scale", "rating_head_bin_hex", "items", "stars", "taste_dims"):
            self.assertEqual(committed[key], fresh[key], key)
        for key in ("user_bias", "taste", "predicted"):
            np.testing.assert_allclose(committed[key], fresh[key], rtol=0, atol=1e-12, err_msg=key)


if __name__ == "__main__":
    if "--write" in sys.argv:
        FIXTURE.write_text(json.dumps(fixture_case(), indent=1) + "\n")
        print(f"wrote {FIXTURE}")
    else:
        unittest.main()
