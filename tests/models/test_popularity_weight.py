"""The mainstream <-> niche control: the browser's formula (known answer shared with
tests/core/test_popularity_weight.cpp), its settings table (the same as the C++ one), and what the
evaluation measures for each setting (mainstream.py), on data whose answer is known.

Run: /usr/bin/python3 -m unittest discover -s tests/models -p 'test_*.py'
"""
import re
import sys
import unittest
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models import protocol  # noqa: E402
from cinelocal_models.mainstream import MainstreamRows, genre_fans  # noqa: E402
from cinelocal_models.popularity_weight import (CANDIDATES, NICHE_LEVELS, NICHE_WEIGHTS,  # noqa: E402
                                                adjusted_relevance, niche_ranking, niche_weight)

SCORES = np.array([2.0, 1.5, 0.5, 0.0], dtype=np.float32)  # relevance 1, 0.75, 0.25, 0
LIKES = np.array([99, 9, 0, 0])  # log-popularity over the candidates' most liked: 1, 0.5, 0, 0
NONE = np.array([], dtype=np.int64)


class Ranking(unittest.TestCase):
    def test_known_answer_the_same_as_the_cores(self):
        np.testing.assert_allclose(adjusted_relevance(SCORES, LIKES, 0.0), [1.0, 0.75, 0.25, 0.0])
        np.testing.assert_allclose(adjusted_relevance(SCORES, LIKES, 1.0), [0.0, 0.25, 0.25, 0.0], atol=1e-12)
        np.testing.assert_allclose(adjusted_relevance(SCORES, LIKES, -1.0), [2.0, 1.25, 0.25, 0.0], atol=1e-12)
        # Ties keep the better-scored candidate: 1 before 2, 0 before 3.
        self.assertEqual(list(niche_ranking(SCORES, NONE, LIKES, 1.0, 4)), [1, 2, 0, 3])

    def test_the_order_flips_where_the_formula_says_at_w_one_half(self):
        self.assertEqual(list(niche_ranking(SCORES, NONE, LIKES, 0.4, 4)), [0, 1, 2, 3])
        self.assertEqual(list(niche_ranking(SCORES, NONE, LIKES, 0.6, 4)), [1, 0, 2, 3])
        self.assertEqual(list(niche_ranking(SCORES, NONE, LIKES, -1.0, 4)), [0, 1, 2, 3])

    def test_only_the_best_candidates_are_re_ranked(self):
        # 300 films: the 200 best-scored are candidates; an unliked film outside them never comes in.
        scores = np.linspace(1.0, 0.0, 300)
        likes = np.full(300, 50)
        likes[250] = 0
        ranked = niche_ranking(scores, np.array([0]), likes, 1.0, 100)
        self.assertNotIn(250, ranked)
        self.assertNotIn(0, ranked)
        self.assertEqual(CANDIDATES, 200)
        # Fewer films than candidates: the excluded ones stay out all the same.
        self.assertEqual(sorted(niche_ranking(SCORES, np.array([0]), LIKES, 0.0, 100)), [1, 2, 3])

    def test_equal_scores_and_no_likes(self):
        np.testing.assert_array_equal(adjusted_relevance(np.ones(3), np.zeros(3), 1.0), np.ones(3))

    def test_the_settings_table_is_the_cores(self):
        header = (ROOT / "core" / "include" / "cinelocal" / "popularity_weight.h").read_text()
        table = re.search(r"k_niche_weights = \{([^}]*)\}", header).group(1)
        self.assertEqual(tuple(float(v.strip().rstrip("f")) for v in table.split(",")), NICHE_WEIGHTS)
        self.assertEqual(NICHE_LEVELS, (-2, -1, 0, 1, 2))
        self.assertEqual(niche_weight(0), 0.0)
        bundle_h = (ROOT / "core" / "include" / "cinelocal" / "bundle.h").read_text()
        self.assertRegex(bundle_h, rf"std::size_t candidates = {CANDIDATES};")


class Measured(unittest.TestCase):
    """40 films: 20 popular dramas scored 1.0, 20 little-liked horror films scored 0.99, and 60
    unknown fillers scored 0; a horror fan (fold-in: one horror film) looks for another one."""

    def setUp(self):
        self.masks = np.array([1] * 20 + [2] * 20 + [0] * 60)  # genres ["Drama", "Horror"]
        self.likes = np.array([100] * 20 + [1] * 20 + [0] * 60)
        scores = np.array([1.0] * 20 + [0.99] * 20 + [0.0] * 60, dtype=np.float32)
        self.scorer = lambda items, stars: scores
        self.case = protocol.Case(0, np.array([20]), np.array([5.0], dtype=np.float32), np.array([21]))

    def test_the_fan_is_found_by_the_genre_of_their_fold_in(self):
        drama_fan = protocol.Case(1, np.array([0, 1]), np.array([5.0, 5.0], dtype=np.float32), np.array([2]))
        self.assertEqual(genre_fans([drama_fan, self.case], self.masks, 2, 1), [1])
        self.assertEqual(genre_fans([drama_fan, self.case], self.masks, 1, 2), [0])  # no share: not a fan

    def test_each_setting_known_answer(self):
        rows = MainstreamRows(["Drama", "Horror"])
        rows.add_fold([self.case], self.scorer, self.likes, self.masks)
        summary = rows.summary()
        self.assertEqual(summary["fan_users"], {"Horror": 1})
        self.assertEqual(summary["fan_history_share"], {"Horror": 1.0})
        by_level = {level["level"]: level for level in summary["levels"]}
        # Mainstream and the model's own balance: the 20 dramas fill the top 20 (the target is missed).
        for level in (-2, -1, 0):
            self.assertEqual(by_level[level]["fan_genre_share_top20"], {"Horror": 0.0})
            self.assertEqual(by_level[level]["recall@20"], 0.0)
            self.assertEqual(by_level[level]["median_likes_top20"], 100.0)
        # Niche: the 19 other horror films move above the dramas (relevance 0.99 - w x 0.15 against
        # 1 - w x 1), so the top 20 is 19 horror films and one drama, and the target is found.
        for level in (1, 2):
            self.assertEqual(by_level[level]["fan_genre_share_top20"], {"Horror": 0.95})
            self.assertEqual(by_level[level]["recall@20"], 1.0)
            self.assertEqual(by_level[level]["median_likes_top20"], 1.0)


if __name__ == "__main__":
    unittest.main()
