"""The training/export pipeline on a tiny made-up MovieLens fixture with two obvious taste groups.

Run: /usr/bin/python3 -m unittest discover -s tests/models -p 'test_*.py'
"""
import contextlib
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import numpy as np
import onnx
import torch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

import build_bundle  # noqa: E402
from cinelocal_models import export  # noqa: E402
from cinelocal_models.catalogue import build_catalogue, parse_title  # noqa: E402
from cinelocal_models.movielens import read_movielens  # noqa: E402
from cinelocal_models.quantize import int8_initializer_names, quantize_weights_int8  # noqa: E402
from cinelocal_models.two_tower import TrainConfig, TwoTower  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "tiny_ml"
ANIMATION = {1, 364, 588, 595, 2355, 3114, 4886, 6377, 8961, 78499}
EPOCHS = 150  # one batch per epoch on 27 training users


def run_cli(*args):
    """build_bundle.main in-process, returning (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = build_bundle.main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


class TitleParsing(unittest.TestCase):
    def test_known_titles(self):
        cases = {
            "Matrix, The (1999)": ("The Matrix", 1999),
            "Bug's Life, A (1998)": ("A Bug's Life", 1998),
            "Awfully Big Adventure, An (1995)": ("An Awfully Big Adventure", 1995),
            "Postman, The (Postino, Il) (1994)": ("The Postman (Il Postino)", 1994),
            "Bear, The (Ours, L') (1988)": ("The Bear (L'Ours)", 1988),
            "Boot, Das (Boat, The) (1981)": ("Das Boot (The Boat)", 1981),
            "Death Note: Desu nôto (2006\u20132007)": ("Death Note: Desu nôto", 2006),
            "Daddy's Home 2 (2017) ": ("Daddy's Home 2", 2017),
            "Black Mirror": ("Black Mirror", 0),
            "Paris, Texas (1984)": ("Paris, Texas", 1984),
            "Monsters, Inc. (2001)": ("Monsters, Inc.", 2001),
            "Jonah Who Will Be 25 in the Year 2000 (Jonas qui aura 25 ans en l'an 2000) (1976)":
                ("Jonah Who Will Be 25 in the Year 2000 (Jonas qui aura 25 ans en l'an 2000)", 1976),
        }
        for raw, want in cases.items():
            with self.subTest(raw=raw):
                self.assertEqual(parse_title(raw), want)

    def test_fixture_catalogue(self):
        cat = build_catalogue(read_movielens(FIXTURE))
        self.assertEqual(len(cat), 24)
        self.assertTrue(np.all(np.diff(cat.movie_ids) > 0), "sorted by movieId")
        self.assertNotIn("(no genres listed)", cat.genres)
        self.assertEqual(cat.genres, sorted(cat.genres))
        i = int(np.searchsorted(cat.movie_ids, 170705))
        self.assertEqual((cat.titles[i], int(cat.years[i]), int(cat.genre_masks[i]), int(cat.tmdb_ids[i])),
                         ("Death Note: Desu nôto", 2006, 0, 0))
        toy = int(np.searchsorted(cat.movie_ids, 1))
        self.assertEqual(int(cat.tmdb_ids[toy]), 862)
        anim = 1 << cat.genres.index("Animation")
        self.assertTrue(cat.genre_masks[toy] & anim)


class BadInput(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.data = self.tmp / "ml"
        shutil.copytree(FIXTURE, self.data)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def append_rating(self, line: str) -> int:
        """Append a line to ratings.csv, return its line number."""
        with open(self.data / "ratings.csv", "a", newline="") as f:
            f.write(line + "\r\n")
        return len((self.data / "ratings.csv").read_bytes().splitlines())

    def test_malformed_row_names_file_and_line_without_traceback(self):
        line = self.append_rating("7,not-a-movie,4.0,964982703")
        proc = subprocess.run([sys.executable, str(ROOT / "models" / "build_bundle.py"), "--out",
                               self.tmp / "site", "--movielens", self.data], capture_output=True, text=True)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(f"ratings.csv line {line}", proc.stderr)
        self.assertIn("movieId", proc.stderr)
        self.assertNotIn("Traceback", proc.stderr)

    def test_wrong_field_count(self):
        line = self.append_rating("7,1")
        code, _, err = run_cli("--out", self.tmp / "site", "--movielens", self.data)
        self.assertEqual(code, 2)
        self.assertIn(f"ratings.csv line {line}: expected 4 fields", err)

    def test_rating_out_of_range(self):
        line = self.append_rating("7,1,5.5,964982703")
        code, _, err = run_cli("--out", self.tmp / "site", "--movielens", self.data)
        self.assertEqual(code, 2)
        self.assertIn(f"line {line}: rating 5.5 is outside 0.5..5", err)

    def test_missing_directory_and_files(self):
        code, _, err = run_cli("--out", self.tmp / "site", "--movielens", self.tmp / "nope")
        self.assertEqual(code, 2)
        self.assertIn("does not exist", err)
        (self.data / "movies.csv").unlink()
        code, _, err = run_cli("--out", self.tmp / "site", "--movielens", self.data)
        self.assertEqual(code, 2)
        self.assertIn("no movies.csv", err)


class Quantization(unittest.TestCase):
    def test_int8_rewrite_makes_int8_initializers_and_a_smaller_file(self):
        cat = build_catalogue(read_movielens(FIXTURE))
        torch.manual_seed(0)
        model = TwoTower(cat, np.ones(len(cat), dtype=bool), TrainConfig()).eval()
        float_model = export.to_onnx(export.user_tower(model))
        int8_model = quantize_weights_int8(float_model)
        self.assertEqual(len(int8_initializer_names(float_model)), 0)
        # Embedding table + both Linear weights; their zero points are int8 too.
        self.assertGreaterEqual(len(int8_initializer_names(int8_model)), 3)
        ops = [n.op_type for n in int8_model.graph.node]
        self.assertEqual(ops.count("DequantizeLinear"), 2)
        self.assertIn("Cast", ops)
        self.assertLess(len(int8_model.SerializeToString()), 0.4 * len(float_model.SerializeToString()))


class Pipeline(unittest.TestCase):
    """One real build of the fixture, then checks on the files it wrote."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp())
        cls.site = cls.tmp / "site"
        cls.args = ("--out", cls.site, "--movielens", FIXTURE, "--epochs", EPOCHS, "--seed", 0)
        cls.code, cls.stdout, cls.stderr = run_cli(*cls.args)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_build_succeeds_and_second_run_is_cached(self):
        self.assertEqual(self.code, 0, self.stderr)
        self.assertIn("Recall@20", self.stdout)
        code, out, _ = run_cli(*self.args)
        # Nothing is trained again; only the (cheap) metadata shards are rewritten.
        self.assertEqual((code, out.strip().splitlines()[0]), (0, "bundle up to date"))
        self.assertNotIn("epoch", out)

    def test_manifest_matches_files(self):
        manifest = json.loads((self.site / "manifest.json").read_text())
        # 64 taste columns + 1 popularity column + 64 EASE columns
        self.assertEqual((manifest["format_version"], manifest["item_count"], manifest["embedding_dim"],
                          manifest["taste_dims"]), (1, 24, 129, 64))
        self.assertEqual(manifest["dataset"]["name"], "tiny_ml")
        self.assertTrue(manifest["model_version"].startswith("two-tower-0.1-"))
        for name, entry in manifest["files"].items():
            data = (self.site / name).read_bytes()
            self.assertEqual(entry, {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}, name)
        self.assertEqual(manifest["files"]["item_table.bin"]["bytes"], 24 * 129 + 24 * 4)

    def test_catalogue_json(self):
        doc = json.loads((self.site / "catalogue.json").read_text(encoding="utf-8"))
        self.assertEqual(doc["format_version"], 1)
        movies = {m[0]: m for m in doc["movies"]}
        self.assertEqual(len(doc["movies"]), 24)
        self.assertEqual(movies[364][1:3], ["The Lion King", 1994])
        self.assertEqual(movies[171749][2:4], [0, 0])  # no year, no genres, never rated
        self.assertEqual(movies[171749][4], 0)
        self.assertEqual(movies[1683][4], 0)  # rated 3 stars only: no positives

    def item_table(self) -> np.ndarray:
        raw = (self.site / "item_table.bin").read_bytes()
        q = np.frombuffer(raw[: 24 * 129], dtype=np.int8).reshape(24, 129)
        return q * np.frombuffer(raw[24 * 129:], dtype="<f4")[:, None]

    def test_item_table_taste_parts_are_unit_length(self):
        # 64 taste dimensions (L2-normalised), 1 popularity-bias column (bias / bias_scale), 64 EASE.
        np.testing.assert_allclose(np.linalg.norm(self.item_table()[:, :64], axis=1), 1.0, atol=0.02)

    def test_movies_nobody_liked_have_no_ease_part(self):
        doc = json.loads((self.site / "catalogue.json").read_text(encoding="utf-8"))
        ease = self.item_table()[:, 65:]
        liked = {i for i, m in enumerate(doc["movies"]) if np.abs(ease[i]).max() > 0}
        self.assertNotIn(next(i for i, m in enumerate(doc["movies"]) if m[0] == 1683), liked)  # 3 stars only
        self.assertNotIn(next(i for i, m in enumerate(doc["movies"]) if m[0] == 171749), liked)  # never rated
        self.assertGreaterEqual(len(liked), 10)

    def test_animation_fan_gets_the_rest_of_animation_first(self):
        ref = json.loads((self.tmp / "model_reference.json").read_text())
        case = next(c for c in ref["cases"] if c["name"] == "three_animated_5")
        doc = json.loads((self.site / "catalogue.json").read_text(encoding="utf-8"))
        ids = [doc["movies"][i][0] for i in case["top10"]]
        given = {doc["movies"][i][0] for i in case["item_index"]}
        self.assertEqual(given, {1, 2355, 3114})
        self.assertEqual(set(ids[:7]), ANIMATION - given, ids)

    def test_written_onnx_is_int8(self):
        model = onnx.load(str(self.site / "user_tower.onnx"))
        self.assertGreaterEqual(len(int8_initializer_names(model)), 3)
        self.assertEqual([i.name for i in model.graph.input], ["item_index", "rating"])
        self.assertEqual(model.graph.input[0].type.tensor_type.elem_type, onnx.TensorProto.INT32)
        self.assertEqual([o.name for o in model.graph.output], ["user_embedding"])


if __name__ == "__main__":
    unittest.main()
