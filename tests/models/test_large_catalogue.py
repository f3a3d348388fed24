"""The build end to end on a synthetic set shaped like the long tail of ml-32m: 20,000 films, most
with a handful of ratings or none, through the code paths large data sets take (sampled softmax,
the sparse EASE eigensolver, the tuning samples, the catalogue policy's search-only films), shrunk
so they run here in about a minute."""
import csv
import json
import sys
import tempfile
import unittest
from collections import Counter
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models import blend, ease_factors, pipeline  # noqa: E402
from cinelocal_models.two_tower import TrainConfig  # noqa: E402
from synthetic_movielens import generate  # noqa: E402


VECTOR_FILMS = 5_000  # the catalogue policy's cap: 15,000 films are search-only


class LargeCatalogueBuild(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name)
        generate(root / "ml", users=400, movies=20_000, ratings=24_000, seed=1)
        cls.ml = root / "ml"
        saved = ease_factors.EXACT_MAX_CELLS, blend.MAX_TUNING_CELLS, pipeline.MAX_CHECK_USERS
        # The large paths, at this size: sparse EASE, tuning and check on user samples.
        ease_factors.EXACT_MAX_CELLS, blend.MAX_TUNING_CELLS, pipeline.MAX_CHECK_USERS = 0, 2_000_000, 30
        try:
            cfg = TrainConfig(epochs=8, full_softmax_max_items=2_000, sampled_negatives=512, ease_rank=16,
                              example_budget=1_600, log=False)
            cls.log = []
            cls.result = pipeline.build(root / "bundle", root / "ml", None, cfg, log=cls.log.append,
                                        reference_path=root / "reference.json", max_vector_films=VECTOR_FILMS)
        finally:
            ease_factors.EXACT_MAX_CELLS, blend.MAX_TUNING_CELLS, pipeline.MAX_CHECK_USERS = saved
        cls.out = root / "bundle"
        manifest = json.loads((cls.out / "manifest.json").read_text())
        cls.files = set(manifest["files"])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_film_is_in_the_catalogue_and_the_most_rated_in_the_item_table(self):
        manifest = json.loads((self.out / "manifest.json").read_text())
        self.assertEqual((manifest["item_count"], manifest["vector_count"]), (20_000, VECTOR_FILMS))
        catalogue = json.loads((self.out / "catalogue.json").read_text())
        self.assertEqual(len(catalogue["movies"]), 20_000)
        d = manifest["embedding_dim"]
        self.assertEqual((self.out / "item_table.bin").stat().st_size, VECTOR_FILMS * d + 4 * VECTOR_FILMS)
        counts = Counter(int(row["movieId"]) for row in csv.DictReader(open(self.ml / "ratings.csv")))
        ids = [m[0] for m in catalogue["movies"]]
        fewest_with_vectors = min(counts.get(i, 0) for i in ids[:VECTOR_FILMS])
        self.assertGreaterEqual(fewest_with_vectors, max(counts.get(i, 0) for i in ids[VECTOR_FILMS:]))
        self.assertEqual(ids[:VECTOR_FILMS], sorted(ids[:VECTOR_FILMS]))
        self.assertTrue(any(line.startswith(f"catalogue policy: {VECTOR_FILMS:,} of 20,000") for line in self.log))

    def test_the_content_model_is_in_the_manifest(self):
        self.assertTrue({"content_model.onnx", "content_vocab.json"} <= self.files)

    def test_training_took_the_sampled_softmax_and_the_budget_cut_the_epochs(self):
        trained = next(line for line in self.log if line.startswith("training time"))
        self.assertIn("sampled softmax", trained)
        self.assertIn("4 epochs", trained)  # 1,600 examples / 360 training users, not the 8 asked for

    def test_each_stage_was_measured(self):
        stages = self.result.meter.stages
        self.assertEqual([s.name for s in stages], ["read", "prepare", "train: two-tower, tuning model",
                                                  "train: EASE term, lambda and tuning fit", "train: blend grid",
                                                  "train: two-tower, final", "train: EASE term, final",
                                                  "train: rating head", "export", "evaluate", "content model"])
        self.assertTrue(all(s.seconds > 0 and s.peak_rss_mib > 50 for s in stages))

    def test_the_shipped_model_beats_chance_on_held_out_users(self):
        # 20,000 films: a random ranking finds a target in the top 20 about 0.1% of the time.
        self.assertGreater(self.result.evaluated_users, 5)
        self.assertGreater(self.result.check["int8"]["recall@20"], 0.02)


if __name__ == "__main__":
    unittest.main()
