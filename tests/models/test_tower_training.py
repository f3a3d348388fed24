"""Two-tower training at scale (models/cinelocal_models/tower_training.py, distributed_training.py):
the work budget, the sampled softmax with its logQ correction, and two DDP ranks reaching the
single-process model."""
import sys
import unittest
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models import protocol  # noqa: E402
from cinelocal_models.catalogue import build_catalogue  # noqa: E402
from cinelocal_models.interactions import group_by_user  # noqa: E402
from cinelocal_models.movielens import read_movielens  # noqa: E402
from cinelocal_models.tower_training import (CandidateSampler, plan_training, sampled_softmax_loss,  # noqa: E402
                                             softmax_loss, train)
from cinelocal_models.two_tower import TrainConfig  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "tiny_ml"


def tiny():
    ml = read_movielens(FIXTURE)
    cat = build_catalogue(ml)
    return cat, group_by_user(ml, cat)


class PlanTest(unittest.TestCase):
    def test_small_data_keeps_the_configured_batch_epochs_and_full_softmax(self):
        plan = plan_training(TrainConfig(), n_users=549, n_items=9742)
        self.assertEqual((plan.batch_size, plan.epochs, plan.sampled_softmax, plan.capped), (64, 40, False, False))

    def test_ml32m_shape_stays_within_the_example_budget_with_bigger_batches(self):
        cfg = TrainConfig()
        plan = plan_training(cfg, n_users=180_852, n_items=87_585)
        self.assertTrue(plan.sampled_softmax and plan.capped)
        self.assertEqual(plan.batch_size, cfg.max_batch_size)
        self.assertLessEqual(plan.epochs * 180_852, cfg.example_budget)
        self.assertGreaterEqual(plan.epochs, 1)

    def test_the_blend_trains_its_tuning_model_with_the_final_models_plan(self):
        from cinelocal_models.blend import train_blended
        cat, users = tiny()
        cfg = TrainConfig(epochs=8, example_budget=60, ease_rank=2, log=False)
        training = train_blended(cat, users, np.arange(len(users)), cfg, seed=0)
        self.assertTrue(training.model.training_plan.capped)
        self.assertEqual(training.fit_model.training_plan, training.model.training_plan)

    def test_an_ease_term_the_blend_weighs_zero_ships_no_columns(self):
        from cinelocal_models import blend, export
        cat, users = tiny()
        saved, blend.EASE_WEIGHTS = blend.EASE_WEIGHTS, (0.0,)
        try:
            training = blend.train_blended(cat, users, np.arange(len(users)), TrainConfig(epochs=2, ease_rank=2, log=False), 0)
        finally:
            blend.EASE_WEIGHTS = saved
        self.assertEqual(training.ease_weight, 0.0)
        self.assertIsNone(training.model.ease_rows)
        self.assertEqual(export.item_table(training.model).shape[1], training.model.dim + 1)


class SampledSoftmaxTest(unittest.TestCase):
    def test_with_every_film_a_candidate_and_no_correction_it_is_the_full_softmax(self):
        g = torch.Generator().manual_seed(0)
        users, table = torch.randn(3, 4, generator=g), torch.randn(7, 4, generator=g)
        target = torch.zeros(3, 7)
        target[0, [1, 2]] = 1.0
        target[1, 5] = 1.0
        target[1, 0] = 0.5  # an input positive, weighted as input_target_weight does
        rows, cols = target.nonzero(as_tuple=True)
        got = sampled_softmax_loss(users, table, torch.zeros(7), rows, cols, target[rows, cols])
        self.assertAlmostEqual(float(got), float(softmax_loss(users, table, target)), places=5)

    def test_when_every_film_is_surely_a_candidate_the_corrected_loss_is_the_full_softmax(self):
        g = torch.Generator().manual_seed(1)
        users, table = torch.randn(2, 3, generator=g), torch.randn(5, 3, generator=g)
        sampler = CandidateSampler(np.array([9.0, 5.0, 3.0, 1.0, 0.0]), n_negatives=100_000)
        target = torch.zeros(2, 5)
        target[0, 0] = target[1, 3] = 1.0
        rows, cols = target.nonzero(as_tuple=True)
        log_q = torch.from_numpy(sampler.log_expected(np.arange(5), n_target_entries=2))
        self.assertLess(float(log_q.abs().max()), 1e-6)  # drawn thousands of times: included for sure
        got = sampled_softmax_loss(users, table, log_q, rows, cols, target[rows, cols])
        self.assertAlmostEqual(float(got), float(softmax_loss(users, table, target)), places=5)

    def test_candidates_hold_every_target_and_popular_films_get_the_larger_correction(self):
        counts = np.array([100.0, 10.0, 1.0, 0.0, 0.0])
        sampler = CandidateSampler(counts, n_negatives=50)
        cand = sampler.candidates(np.array([2, 4]), np.random.default_rng(0))
        self.assertTrue({2, 4} <= set(cand.tolist()))
        self.assertEqual(list(cand), sorted(set(cand.tolist())))
        log_q = sampler.log_expected(np.arange(5), n_target_entries=20)
        self.assertTrue(np.all(np.diff(log_q[:3]) < 0))  # more popular -> more often a candidate
        self.assertTrue(np.isfinite(log_q).all())  # films nobody liked are still drawn (uniform part)

    def test_training_with_the_sampled_softmax_learns_the_two_tastes(self):
        cat, users = tiny()
        model = train(cat, users, TrainConfig(epochs=30, full_softmax_max_items=0, sampled_negatives=8,
                                              ease_rank=0, log=False))
        self.assertTrue(model.training_plan.sampled_softmax)
        animation = [i for i, m in enumerate(cat.genre_masks) if m & (1 << cat.genres.index("Animation"))]
        horror = [i for i, m in enumerate(cat.genre_masks) if m & (1 << cat.genres.index("Horror"))]
        from cinelocal_models.scoring import FloatScorer
        scores = FloatScorer(model)(np.array(animation[:2]), np.array([5.0, 5.0]))
        top = protocol.top_k(scores, np.array(animation[:2]), 5)
        self.assertGreaterEqual(len(set(top.tolist()) & set(animation)), 4)
        self.assertEqual(len(set(top.tolist()) & set(horror)), 0)


class DistributedTest(unittest.TestCase):
    def test_two_local_ranks_reach_the_single_process_model(self):
        from cinelocal_models.distributed_training import train_distributed
        cat, users = tiny()
        cfg = TrainConfig(epochs=5, batch_size=8, ease_rank=0, log=False)
        torch.use_deterministic_algorithms(True)
        single = train(cat, users, cfg)
        ranked = train_distributed(cat, users, cfg, world_size=2)
        with torch.no_grad():
            a, b = single.item_table().numpy(), ranked.item_table().numpy()
        start = train(cat, users, TrainConfig(epochs=1, batch_size=10_000, lr=0.0, ease_rank=0, log=False))
        with torch.no_grad():
            moved = np.abs(a - start.item_table().numpy()).max()
        # The same model up to summation order: far closer than training moved it.
        self.assertLess(np.abs(a - b).max(), 0.05 * moved)
        self.assertLess(np.abs(a - b).max(), 2e-3)


if __name__ == "__main__":
    unittest.main()
