"""EASE as two towers (models/cinelocal_models/ease_factors.py): at full rank it must give EASE's
scores exactly, through either side of the Woodbury identity; truncated, it keeps the top directions."""
import sys
import unittest
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models.ease_factors import Ease  # noqa: E402
from cinelocal_models import ease_factors  # noqa: E402
from cinelocal_models.ease_factors import choose_ease_lambda, fit_ease_factors  # noqa: E402
from cinelocal_models.interactions import UserRatings  # noqa: E402


def random_users(n_users: int, n_items: int, seed: int) -> list[UserRatings]:
    rng = np.random.default_rng(seed)
    users = []
    for _ in range(n_users):
        items = np.sort(rng.choice(n_items - 1, int(rng.integers(2, 6)), replace=False))  # last item: nobody
        users.append(UserRatings(items.astype(np.int64), rng.choice([2.0, 4.0, 5.0], len(items)).astype(np.float32)))
    return users


class EaseFactorsTest(unittest.TestCase):
    def check_full_rank_equals_ease(self, n_users: int, n_items: int, users_side: bool):
        users = random_users(n_users, n_items, seed=n_users)
        ease = Ease(users, n_items, lam=3.0)
        # ease_factors takes the users' side when there are no more users than liked items
        self.assertEqual(n_users <= len(ease.cols), users_side)
        factors = fit_ease_factors(users, n_items, lam=3.0, rank=n_items)
        for visitor in ([0], [1, 4], [2, 3, 5]):
            want = ease(np.array(visitor), None)
            got = factors.scores(np.array(visitor), np.full(len(visitor), 4.0))  # weight 1 each
            rated = np.zeros(n_items, dtype=bool)
            rated[visitor] = True
            scored = ~rated & np.isin(np.arange(n_items), ease.cols)
            np.testing.assert_allclose(got[scored], want[scored], rtol=1e-4, atol=1e-6)

    def test_full_rank_is_ease_through_the_users_side(self):
        self.check_full_rank_equals_ease(n_users=6, n_items=12, users_side=True)

    def test_full_rank_is_ease_through_the_items_side(self):
        self.check_full_rank_equals_ease(n_users=40, n_items=9, users_side=False)

    def test_items_nobody_liked_get_zero_rows(self):
        users = random_users(6, 12, seed=1)
        factors = fit_ease_factors(users, 12, lam=3.0, rank=4)
        self.assertEqual(factors.rank, 4)
        self.assertFalse(factors.item_rows[11].any())
        self.assertFalse(factors.input_rows[11].any())

    def test_a_positive_counts_stars_minus_three_and_others_nothing(self):
        users = random_users(6, 12, seed=2)
        factors = fit_ease_factors(users, 12, lam=3.0, rank=5)
        np.testing.assert_allclose(factors.user_vector(np.array([0, 1, 2]), np.array([5.0, 4.0, 3.5])),
                                   2.0 * factors.input_rows[0] + factors.input_rows[1], rtol=1e-6)

    def test_two_taste_groups_rank_the_rest_of_the_group_first(self):
        # Users like either items 0-3 or 4-7; a visitor who liked 0 and 1 must get 2 and 3 first, at rank 2.
        users = [UserRatings(np.array(g, dtype=np.int64), np.full(4, 5.0, dtype=np.float32))
                 for g in ([0, 1, 2, 3], [4, 5, 6, 7]) for _ in range(5)]
        factors = fit_ease_factors(users, 8, lam=1.0, rank=2)
        scores = factors.scores(np.array([0, 1]), np.array([5.0, 4.5]))
        scores[[0, 1]] = -np.inf
        self.assertEqual(set(np.argsort(-scores)[:2]), {2, 3})


def low_rank_users(n_users: int, n_items: int, n_tastes: int, seed: int) -> list[UserRatings]:
    """Every user likes exactly one of n_tastes fixed sets of films: X has rank n_tastes."""
    rng = np.random.default_rng(seed)
    tastes = [np.sort(rng.choice(n_items - 1, 6, replace=False)) for _ in range(n_tastes)]
    return [UserRatings(tastes[u % n_tastes].astype(np.int64), np.full(6, 5.0, dtype=np.float32))
            for u in range(n_users)]


class LargePathTest(unittest.TestCase):
    """The sparse path (top eigenpairs of X'X by ARPACK) that ml-25m / ml-32m shapes take."""

    def setUp(self):
        self.saved = ease_factors.EXACT_MAX_CELLS
        ease_factors.EXACT_MAX_CELLS = 0  # every X counts as large

    def tearDown(self):
        ease_factors.EXACT_MAX_CELLS = self.saved

    def test_it_is_exact_ease_when_the_data_has_no_more_directions_than_the_rank(self):
        users = low_rank_users(60, 40, n_tastes=5, seed=3)
        ease = Ease(users, 40, lam=2.0)
        factors = fit_ease_factors(users, 40, lam=2.0, rank=8)  # 8 < min(60, liked films), rank(X) = 5
        for visitor in ([users[0].items[0]], list(users[1].items[:3]), [users[2].items[0], users[3].items[1]]):
            visitor = np.array(visitor)
            want = ease(visitor, None)
            got = factors.scores(visitor, np.full(len(visitor), 4.0))
            scored = ~np.isin(np.arange(40), visitor) & np.isin(np.arange(40), ease.cols)
            np.testing.assert_allclose(got[scored], want[scored], rtol=1e-5, atol=1e-7)

    def test_truncated_it_ranks_like_the_dense_truncation(self):
        users = random_users(80, 30, seed=5)
        large = fit_ease_factors(users, 30, lam=3.0, rank=6)
        ease_factors.EXACT_MAX_CELLS = self.saved
        dense = fit_ease_factors(users, 30, lam=3.0, rank=6)
        # Same top-6 subspace; only the normaliser differs (the rank-6 A's diagonal, not A's).
        product_large = large.input_rows @ large.item_rows.T
        product_dense = dense.input_rows @ dense.item_rows.T
        self.assertGreater(np.corrcoef(product_large.ravel(), product_dense.ravel())[0, 1], 0.95)

    def test_lambda_is_chosen_on_the_term_from_the_grid(self):
        users = low_rank_users(100, 40, n_tastes=4, seed=7)
        lam, eigen = choose_ease_lambda(users, 40, seed=0, rank=6, lambdas=(1.0, 10.0, 100.0),
                                        max_validation_users=5)  # 20 validation users: a sample of 5
        self.assertIn(lam, (1.0, 10.0, 100.0) + ease_factors.LARGE_EXTRA_LAMBDAS)
        # The decomposition it returns is the fit users' one, so the blend reuses it instead of redoing it.
        fit, _ = ease_factors.validation_positions(len(users), seed=0)
        fresh = fit_ease_factors([users[i] for i in fit], 40, lam, 6)
        reused = fit_ease_factors(None, 40, lam, 6, eigen)
        np.testing.assert_allclose(reused.input_rows @ reused.item_rows.T, fresh.input_rows @ fresh.item_rows.T,
                                   rtol=1e-5, atol=1e-6)


if __name__ == "__main__":
    unittest.main()
