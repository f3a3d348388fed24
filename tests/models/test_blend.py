"""The EASE term inside the two-tower vectors (models/cinelocal_models/blend.py, two_tower.EaseInput):
attaching it must add exactly w x EASE to every score, through the float tower, the exported ONNX
graph rebuilt from its int8 file, and the tuning's own metric code."""
import sys
import unittest
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models import protocol  # noqa: E402
from cinelocal_models.blend import _SplitScores, attach_ease, set_gate  # noqa: E402
from cinelocal_models.catalogue import build_catalogue  # noqa: E402
from cinelocal_models.ease_factors import fit_ease_factors  # noqa: E402
from cinelocal_models.interactions import group_by_user  # noqa: E402
from cinelocal_models.movielens import read_movielens  # noqa: E402
from cinelocal_models.scoring import BrowserScorer, FloatScorer  # noqa: E402
from cinelocal_models.two_tower import TrainConfig, TwoTower  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "tiny_ml"


def fixture():
    ml = read_movielens(FIXTURE)
    cat = build_catalogue(ml)
    users = group_by_user(ml, cat)
    torch.manual_seed(0)
    model = TwoTower(cat, np.ones(len(cat), dtype=bool), TrainConfig(ease_rank=4)).eval()
    set_gate(model, 1.0, -1.0)
    return cat, users, model, fit_ease_factors(users, len(cat), lam=3.0, rank=4)


class AttachEaseTest(unittest.TestCase):
    def setUp(self):
        self.cat, self.users, self.model, self.factors = fixture()
        never_liked = np.flatnonzero(np.abs(self.factors.item_rows).sum(1) == 0)
        self.assertGreater(len(never_liked), 0)
        # 5 and 4.5 stars count 2 and 1.5, 3 stars nothing, a movie nobody liked has no EASE row.
        self.items = np.array([0, 1, 2, never_liked[0]])
        self.stars = np.array([5.0, 4.5, 3.0, 5.0], dtype=np.float32)

    def test_float_scores_gain_exactly_w_times_ease(self):
        before = FloatScorer(self.model)(self.items, self.stars)
        attach_ease(self.model, self.factors, 3.0)
        after = FloatScorer(self.model)(self.items, self.stars)
        want = 3.0 * self.factors.scores(self.items, self.stars)
        np.testing.assert_allclose(after - before, want, rtol=1e-4, atol=1e-4)
        self.assertGreater(np.abs(want).max(), 0.1)  # the check has something to see

    def test_the_int8_file_scores_like_the_float_model(self):
        attach_ease(self.model, self.factors, 3.0)
        exact = FloatScorer(self.model)(self.items, self.stars)
        browser = BrowserScorer.from_model(self.model)(self.items, self.stars)
        np.testing.assert_allclose(browser, exact, atol=0.02 * np.abs(exact).max())

    def test_tuning_scores_are_the_exported_ones(self):
        # _SplitScores ranks by gate * taste + popularity + w * EASE without running the tower again;
        # that must be the order of the model with the term attached.
        case = protocol.Case(0, self.items[:2], self.stars[:2], np.array([5, 6]))
        split = _SplitScores(self.model, self.factors, [case])
        attach_ease(self.model, self.factors, 3.0)
        scores = FloatScorer(self.model)(case.items, case.stars).astype(np.float64)
        tuned = (1.0 / (1.0 + np.exp(-(np.log(2.0) - 1.0)))) * split.taste[0] + split.pop + 3.0 * split.ease[0]
        np.testing.assert_allclose(tuned, scores, rtol=1e-4, atol=1e-4)


class TuningMetricsTest(unittest.TestCase):
    def test_vectorised_metrics_equal_the_protocols(self):
        # _SplitScores.metrics ranks all users at once for speed; it must give protocol.py's numbers.
        cat, users, model, factors = fixture()
        cases = protocol.topn_cases(users, np.arange(len(users)), seed=0)
        split = _SplitScores(model, factors, cases)
        a, b, w = 1.0, -1.0, 3.0
        attach_ease(model, factors, w)
        want = protocol.mean_metrics(protocol.evaluate_cases(cases, FloatScorer(model)))
        got = split.metrics(a, b, w)
        self.assertEqual(set(got), set(want))
        for key in want:
            self.assertAlmostEqual(got[key], want[key], places=6, msg=key)



class TuningSampleTest(unittest.TestCase):
    def test_small_catalogues_tune_on_every_validation_user(self):
        from cinelocal_models.blend import tuning_sample
        val = np.arange(3, 101)
        np.testing.assert_array_equal(tuning_sample(val, 9742, seed=0), val)

    def test_a_87k_film_catalogue_tunes_on_a_seeded_sorted_sample(self):
        from cinelocal_models.blend import MIN_TUNING_USERS, tuning_sample
        val = np.arange(0, 72_000, 2)
        picked = tuning_sample(val, 87_585, seed=0)
        self.assertEqual(len(picked), MIN_TUNING_USERS)
        self.assertTrue(np.all(np.diff(picked) > 0) and np.isin(picked, val).all())
        np.testing.assert_array_equal(picked, tuning_sample(val, 87_585, seed=0))


if __name__ == "__main__":
    unittest.main()
