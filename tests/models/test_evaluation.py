"""The evaluation protocol (shared/EVALUATION.md) and its browser-path scoring.

Run: /usr/bin/python3 -m unittest discover -s tests/models -p 'test_*.py'
"""
import contextlib
import io
import json
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

import build_bundle  # noqa: E402
from cinelocal_models import protocol  # noqa: E402
from cinelocal_models.baselines import RatingBaselines  # noqa: E402
from cinelocal_models.ease_factors import Ease, tune_ease  # noqa: E402
from cinelocal_models.interactions import UserRatings  # noqa: E402
from cinelocal_models.report import cold_start_png, readme_table, target_checks  # noqa: E402
from cinelocal_models.scoring import BrowserScorer  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "tiny_ml"


def quiet(fn, *args, **kwargs):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return fn(*args, **kwargs)


def random_users(n_users=40, n_items=30, seed=3):
    rng = np.random.default_rng(seed)
    users = []
    for _ in range(n_users):
        items = rng.choice(n_items, size=int(rng.integers(6, 15)), replace=False)
        users.append(UserRatings(np.sort(items).astype(np.int64),
                                 rng.choice([2.0, 3.0, 4.0, 4.5, 5.0], size=len(items)).astype(np.float32)))
    return users


class Metrics(unittest.TestCase):
    def test_recall_and_ndcg_known_answer(self):
        ranked = np.arange(100)
        m = protocol.case_metrics(ranked, np.array([0, 2, 500]))
        self.assertAlmostEqual(m["recall@20"], 2 / 3)
        self.assertAlmostEqual(m["recall@50"], 2 / 3)
        ideal = 1 + 1 / np.log2(3) + 1 / np.log2(4)
        self.assertAlmostEqual(m["ndcg@100"], (1 + 1 / np.log2(4)) / ideal)
        # Recall divides by min(K, targets): 25 targets all in the top 20 positions -> 20/20.
        self.assertAlmostEqual(protocol.case_metrics(ranked, np.arange(25))["recall@20"], 1.0)

    def test_top_k_excludes_fold_in_and_breaks_ties_by_index(self):
        scores = np.array([1.0, 5.0, 5.0, 3.0, 5.0])
        self.assertEqual(list(protocol.top_k(scores, np.array([2]), 3)), [1, 4, 3])


class Splits(unittest.TestCase):
    def test_folds_partition_eligible_users_and_are_seeded(self):
        users = random_users()
        users.append(UserRatings(np.array([1, 2, 3]), np.array([5.0, 5.0, 5.0], dtype=np.float32)))
        eligible = protocol.eligible_users(users)
        self.assertNotIn(len(users) - 1, eligible)  # 3 positives < 5
        folds = protocol.make_folds(eligible, seed=0)
        self.assertEqual(len(folds), 5)
        self.assertEqual(sorted(np.concatenate(folds)), sorted(eligible))
        again = protocol.make_folds(eligible, seed=0)
        self.assertTrue(all(np.array_equal(a, b) for a, b in zip(folds, again)))

    def test_fold_in_is_80_percent_of_positives_and_cold_start_uses_the_same_order(self):
        users = random_users()
        fold = protocol.eligible_users(users)[:10]
        main = protocol.topn_cases(users, fold, seed=0)
        k3 = {c.user: c for c in protocol.topn_cases(users, fold, seed=0, k=3)}
        for c in main:
            n = len(c.items) + len(c.targets)
            self.assertEqual(len(c.items), max(1, 4 * n // 5))
            self.assertTrue(np.all(c.stars >= 4.0))
            self.assertEqual(len(np.intersect1d(c.items, c.targets)), 0)
            self.assertTrue(np.array_equal(k3[c.user].items, c.items[:3]))
        rating = protocol.rating_cases(users, fold, seed=0)
        for c in rating:
            u = users[c.user]
            self.assertEqual(len(c.items) + len(c.targets), len(u.items))
            self.assertEqual(set(c.targets) | set(c.items), set(u.items))


class Baselines(unittest.TestCase):
    def test_ease_woodbury_equals_the_closed_form(self):
        users = random_users()
        n_items, lam = 30, 7.0
        ease = Ease(users, n_items, lam)
        x = np.zeros((len(users), n_items))
        for r, u in enumerate(users):
            x[r, u.positives] = 1
        cols = np.flatnonzero(x.sum(0) > 0)
        x = x[:, cols]
        p = np.linalg.inv(x.T @ x + lam * np.eye(len(cols)))
        b = -p / np.diag(p)[None, :]
        np.fill_diagonal(b, 0.0)
        items = cols[[0, 3, 5]]
        v = np.zeros(len(cols))
        v[[0, 3, 5]] = 1
        want = v @ b
        got = ease(items, None)[cols]
        mask = np.ones(len(cols), dtype=bool)
        mask[[0, 3, 5]] = False  # fold-in items are never ranked; B's diagonal only moves them
        np.testing.assert_allclose(got[mask], want[mask], atol=1e-9)

    def test_ease_tuning_picks_from_the_grid(self):
        lam, table = tune_ease(random_users(), 30, seed=0, lambdas=(1.0, 10.0, 100.0))
        self.assertIn(lam, (1.0, 10.0, 100.0))
        self.assertEqual(set(table), {1.0, 10.0, 100.0})

    def test_rating_baselines(self):
        users = [UserRatings(np.array([0, 1]), np.array([5.0, 3.0], dtype=np.float32)),
                 UserRatings(np.array([0, 1]), np.array([4.0, 2.0], dtype=np.float32))]
        rb = RatingBaselines(users, 3, item_damping=0.0, user_damping=0.0)
        case = protocol.Case(0, np.array([0]), np.array([5.0], dtype=np.float32), np.array([1, 2]),
                             np.array([4.0, 3.0], dtype=np.float32))
        p = rb.predict(case)
        np.testing.assert_allclose(p["global_mean"], [3.5, 3.5])
        np.testing.assert_allclose(p["item_mean"], [2.5, 3.5])  # unrated item 2 -> global mean
        # item biases +1, -1, 0; user residual on item 0: 5 - 3.5 - 1 = 0.5
        np.testing.assert_allclose(p["user_item_bias"], [3.0, 4.0])


class BrowserPath(unittest.TestCase):
    """The evaluation's int8 scorer, run on the files a bundle build wrote, reproduces the
    reference values that tests/wasm checks ORT Web and the wasm core against."""

    def test_int8_scoring_reproduces_the_bundle_reference(self):
        tmp = Path(tempfile.mkdtemp())
        try:
            code = quiet(build_bundle.main, ["--out", str(tmp / "site"), "--movielens", str(FIXTURE),
                                             "--epochs", "20", "--reference", str(tmp / "ref.json")])
            self.assertEqual(code, 0)
            ref = json.loads((tmp / "ref.json").read_text())
            scorer = BrowserScorer.from_bundle(tmp / "site")
            for case in ref["cases"]:
                items, stars = np.array(case["item_index"]), np.array(case["rating"], dtype=np.float32)
                np.testing.assert_allclose(scorer.embed(items, stars), case["user_embedding"], atol=1e-6)
                top = protocol.top_k(scorer(items, stars), items, 10)
                self.assertEqual([int(i) for i in top], case["top10"], case["name"])
        finally:
            shutil.rmtree(tmp)


class Report(unittest.TestCase):
    def test_full_run_on_the_fixture_writes_json_png_and_table(self):
        from cinelocal_models.evaluation import run_evaluation
        from cinelocal_models.report import write_report
        report = run_evaluation(FIXTURE, seed=0, epochs=3, n_eval_folds=1, log=lambda *a, **k: None)
        tmp = Path(tempfile.mkdtemp())
        try:
            write_report(report, tmp)
            doc = json.loads((tmp / "evaluation.json").read_text())
            self.assertEqual(set(doc["topn"]["methods"]),
                             {"popularity", "ease", "browser_float", "browser_int8", "tower_part_int8", "ease_part_int8",
                              "fold_in_int8"})
            self.assertEqual(set(doc["rating"]["methods"]),
                             {"global_mean", "item_mean", "user_item_bias", "rating_head"})
            self.assertTrue(any(t["target"].startswith("rating head") for t in doc["targets"]))
            self.assertEqual(set(doc["cold_start"]), {"1", "3", "5", "10"})
            self.assertEqual(len(doc["dataset"]["ratings_sha256"]), 64)
            self.assertTrue((tmp / "cold_start.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n"))
            table = (tmp / "README_table.md").read_text()
            self.assertEqual(table, readme_table(doc))
            self.assertIn(f"{doc['topn']['methods']['ease']['recall@20']:.4f}", table)
            self.assertTrue(any(t["target"].startswith("int8 recall@20") for t in target_checks(doc)))
            self.assertGreater(len(cold_start_png(doc)), 1000)
            # The control's middle setting is the browser's score itself: the same users, the same numbers.
            middle = next(level for level in doc["mainstream"]["levels"] if level["level"] == 0)
            for metric in ("recall@20", "ndcg@100"):
                self.assertEqual(middle[metric], doc["topn"]["methods"]["browser_int8"][metric])
            self.assertEqual([level["level"] for level in doc["mainstream"]["levels"]], [-2, -1, 0, 1, 2])
            self.assertIn("Mainstream <-> niche control", table)
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main()
