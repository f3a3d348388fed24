"""scripts/check_model_report.py's comparison, on made-up reports (the full re-run is in ./run test)."""
import copy
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from check_model_report import compare, metric_values  # noqa: E402

REPORT = {
    "code_sha256": "abc", "dataset": {"ratings_sha256": "d1"},
    "topn": {"methods": {"ease": {"recall@20": 0.32, "ndcg@100": 0.36}}},
    "cold_start": {"1": {"methods": {"ease": {"recall@20": 0.21, "ndcg@100": 0.23}}}},
    "rating": {"methods": {"rating_head": {"rmse": 0.83, "mae": 0.64}}},
}


class CheckReportTest(unittest.TestCase):
    def test_every_number_is_compared(self):
        self.assertEqual(len(metric_values(REPORT)), 6)
        self.assertEqual(metric_values(REPORT)["k=1 ease ndcg@100"], 0.23)

    def test_the_niche_settings_are_compared_too(self):
        with_levels = copy.deepcopy(REPORT)
        with_levels["mainstream"] = {"levels": [{"level": 1, "recall@20": 0.30, "ndcg@100": 0.34,
                                                 "fan_genre_share_top20": {"Horror": 0.5}}]}
        self.assertEqual(metric_values(with_levels)["niche level 1 recall@20"], 0.30)
        self.assertEqual(len(metric_values(with_levels)), 8)
        fresh = copy.deepcopy(with_levels)
        fresh["mainstream"]["levels"][0]["recall@20"] = 0.33
        self.assertEqual(compare(with_levels, fresh, 0.005), ["niche level 1 recall@20: committed 0.3000, now 0.3300"])

    def test_identical_reports_pass(self):
        self.assertEqual(compare(REPORT, copy.deepcopy(REPORT), 0.005), [])

    def test_a_number_beyond_the_tolerance_fails_and_within_passes(self):
        fresh = copy.deepcopy(REPORT)
        fresh["rating"]["methods"]["rating_head"]["rmse"] = 0.834
        self.assertEqual(compare(REPORT, fresh, 0.005), [])
        fresh["rating"]["methods"]["rating_head"]["rmse"] = 0.8401
        self.assertEqual(compare(REPORT, fresh, 0.005), ["rating rating_head rmse: committed 0.8300, now 0.8401"])

    def test_a_target_that_flips_fails_but_run_time_may_differ(self):
        committed, fresh = copy.deepcopy(REPORT), copy.deepcopy(REPORT)
        committed["targets"] = [{"target": "int8 recall@20 >= EASE", "met": False},
                                {"target": "whole evaluation (prepare, train, export, evaluate) <= 600 s", "met": True}]
        fresh["targets"] = [{"target": "int8 recall@20 >= EASE", "met": False},
                            {"target": "whole evaluation (prepare, train, export, evaluate) <= 600 s", "met": False}]
        self.assertEqual(compare(committed, fresh, 0.005), [])
        fresh["targets"][0]["met"] = True
        self.assertEqual(len(compare(committed, fresh, 0.005)), 1)

    def test_a_missing_metric_fails(self):
        fresh = copy.deepcopy(REPORT)
        del fresh["rating"]["methods"]["rating_head"]["mae"]
        self.assertIn("different metrics", compare(REPORT, fresh, 0.005)[0])

    def test_other_code_or_data_fails(self):
        fresh = copy.deepcopy(REPORT)
        fresh["code_sha256"], fresh["dataset"]["ratings_sha256"] = "xyz", "d2"
        problems = compare(REPORT, fresh, 0.005)
        self.assertEqual(len(problems), 2)
        self.assertIn("code_sha256", problems[0])


if __name__ == "__main__":
    unittest.main()
