"""The content model's tokenizer (shared with C++) and the model on made-up data with a known answer."""
from __future__ import annotations

import json
import sys
import unittest
from pathlib import Path

import numpy as np
import onnx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models.content_export import dequantized, index_bytes, model_from_onnx, to_onnx_int8  # noqa: E402
from cinelocal_models.content_model import ContentConfig, INPUT_NAME, OUTPUT_NAME, embed_texts, train_content  # noqa: E402
from cinelocal_models.quantize import int8_initializer_names  # noqa: E402
from cinelocal_models.text_vocab import (JOIN_RANGES, STOP_WORDS, Normaliser, Vocabulary,  # noqa: E402
                                         build_vocabulary, default_normaliser, fold_table, s_stem,
                                         snowball_english_stem)

FIXTURE = ROOT / "tests" / "fixtures" / "tokenizer"


class SharedTokenizer(unittest.TestCase):
    def test_python_gives_the_fixture_ids_that_cpp_must_give_too(self):
        # tests/core/test_text_tokenizer.cpp checks the same cases against the C++ tokenizer.
        vocab = Vocabulary.from_json(json.loads((FIXTURE / "vocab.json").read_text(encoding="utf-8")))
        cases = json.loads((FIXTURE / "cases.json").read_text(encoding="utf-8"))["cases"]
        self.assertGreaterEqual(len(cases), 15)
        for case in cases:
            self.assertEqual(vocab.encode(case["text"], case["max_tokens"]), case["ids"], case["text"])

    def test_fold_table_maps_accented_latin_letters_and_skips_symbols(self):
        fold = fold_table()
        self.assertEqual((fold["É"], fold["é"], fold["ß"], fold["Æ"], fold["Ł"], fold["œ"]),
                         ("e", "e", "ss", "ae", "l", "oe"))
        self.assertNotIn("×", fold)
        self.assertTrue(all(v.isascii() and v.isalnum() and v == v.lower() for v in fold.values()))

    def test_python_stems_the_fixture_words_as_cpp_must_too(self):
        # tests/core/test_text_tokenizer.cpp checks the same pairs against the C++ stemmer.
        stems = json.loads((FIXTURE / "stems.json").read_text(encoding="utf-8"))["stems"]
        self.assertGreaterEqual(len(stems), 30)
        for word, stem in stems.items():
            self.assertEqual(s_stem(word), stem, word)

    def test_the_snowball_library_gives_the_english_fixture_that_the_cpp_port_must_give_too(self):
        # english_stems.json is made by tests/fixtures/tokenizer/make_english_stems.py from this library;
        # tests/core/test_text_tokenizer.cpp checks core/src/english_stemmer.cpp against the same pairs.
        stems = json.loads((FIXTURE / "english_stems.json").read_text(encoding="utf-8"))["stems"]
        self.assertGreaterEqual(len(stems), 2000)
        differ = [word for word, stem in stems.items() if snowball_english_stem(word) != stem]
        self.assertEqual(differ, [])
        # Known answers from the algorithm's description (snowballstem.org), not from the library.
        for word, stem in {"running": "run", "generously": "generous", "skies": "sky", "hopping": "hop",
                           "hoping": "hope", "shooting": "shoot", "shoots": "shoot", "news": "news",
                           "cries": "cri", "ties": "tie", "gas": "gas", "this": "this", "succeeded": "succeed"}.items():
            self.assertEqual(snowball_english_stem(word), stem, word)

    def test_vocabulary_orders_words_by_document_frequency_and_the_model_takes_the_common_ones(self):
        docs = [["toy", "space"], ["toy", "space"], ["toy", "rare"], ["space", "42", "x"], ["toy"]]
        words, model_id_count = build_vocabulary(docs, model_words=10, min_df=2)
        self.assertEqual(words, {"toy": 1, "space": 2, "rare": 3})  # digits and 1 letter never
        self.assertEqual(model_id_count, 3)  # "rare" (1 film) is for the index only
        words, model_id_count = build_vocabulary(docs, model_words=1, min_df=1)
        self.assertEqual((len(words), model_id_count), (3, 2))

    def test_word_forms_meet_their_stem_and_the_model_input_leaves_out_index_only_words(self):
        vocab = Vocabulary(default_normaliser(), {"zombi": 1, "stori": 2, "shark": 3, "shoot": 4}, model_id_count=3)
        text = "Zombies and a zombie tell stories of SHARKS shooting"
        self.assertEqual(vocab.terms(text), [1, 1, 2, 3, 4])
        self.assertEqual(vocab.encode(text, 16), [1, 1, 2])
        doc = json.loads(json.dumps(vocab.to_json(max_tokens=16)))
        self.assertEqual((doc["stem"], doc["words"]), ("snowball_english", ["zombi", "stori", "shark", "shoot"]))
        again = Vocabulary.from_json(doc)
        self.assertEqual((again.terms("sharks shoots"), again.encode("sharks shoots", 16)), ([3, 4], []))

    def test_a_vocabulary_of_the_older_plural_rule_still_reads_its_words(self):
        older = Vocabulary(Normaliser(fold_table(), JOIN_RANGES, STOP_WORDS, "s_stemmer"), {"zomby": 1, "story": 2})
        again = Vocabulary.from_json(json.loads(json.dumps(older.to_json(max_tokens=16))))
        self.assertEqual(again.terms("Zombies and a zombie tell stories, shooting"), [1, 1, 2])
        with self.assertRaises(ValueError):
            Normaliser(fold_table(), JOIN_RANGES, STOP_WORDS, "porter")

    def test_vocabulary_json_round_trip_encodes_the_same(self):
        vocab = Vocabulary(default_normaliser(), {"heist": 1, "comedi": 2, "twist": 3})
        again = Vocabulary.from_json(json.loads(json.dumps(vocab.to_json(max_tokens=16))))
        text = "A HEIST comédie... with a twist; the comedy!"
        self.assertEqual(vocab.encode(text, 16), [1, 2, 3, 2])  # "comédie" folds to "comedie"; both stem to "comedi"
        self.assertEqual(again.encode(text, 16), [1, 2, 3, 2])


class LexicalIndex(unittest.TestCase):
    def test_index_bytes_known_answer(self):
        # Documents: [1, 1, 2], [], [2]; terms 0..2. Postings: term 1 -> (doc 0, tf 2); term 2 -> (0, 1), (2, 1).
        data = index_bytes([[1, 1, 2], [], [2]], term_count=3)
        expected = (b"CLTX" + bytes([1, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0]) + bytes([3, 0, 0, 0, 1, 0])
                    + bytes([0, 0, 0, 0, 2, 0, 0, 0, 6, 0, 0, 0]) + bytes([0, 2, 0, 1, 1, 1]))
        self.assertEqual(data, expected)

    def test_long_gaps_take_several_varint_bytes_and_bad_ids_are_refused(self):
        docs = [[] for _ in range(300)]
        docs[299] = [1]
        self.assertEqual(index_bytes(docs, 2)[-3:], bytes([0xAB, 0x02, 1]))  # gap 299 = 0x12B
        with self.assertRaises(ValueError):
            index_bytes([[3]], 3)


class TwoGroups(unittest.TestCase):
    """Items 0-9 sit in one direction of taste space and are described with space words, items 10-19
    in another with toy words: a query with either kind of word must retrieve its own group."""

    @classmethod
    def setUpClass(cls):
        rng = np.random.default_rng(0)
        dim = 8
        centres = np.eye(dim)[[0, 1]]
        taste = np.concatenate([centres[0] + 0.1 * rng.standard_normal((10, dim)),
                                centres[1] + 0.1 * rng.standard_normal((10, dim))])
        cls.taste = taste / np.linalg.norm(taste, axis=1, keepdims=True)
        space, toys = [1, 2, 3], [4, 5, 6]  # word ids; 7 and 8 appear in both groups
        cls.docs = [np.array(list(rng.choice(space if i < 10 else toys, 3)) + [7, 8]) for i in range(20)]
        cfg = ContentConfig(hidden=16, mlp_hidden=32, epochs=40, batch_size=8, log=False)
        cls.model = train_content(cls.docs, cls.taste, np.arange(20), 9, dim + 1, cfg)

    def test_a_query_retrieves_its_own_group(self):
        table = np.concatenate([self.taste, np.ones((20, 1))], axis=1)  # a bias column the text ignores
        for ids, group in (([1], range(10)), ([2, 3, 7], range(10)), ([5], range(10, 20)), ([4, 6, 8], range(10, 20))):
            scores = table @ embed_texts(self.model, [ids])[0]
            self.assertEqual(set(np.argsort(-scores)[:10]), set(group), ids)

    def test_output_is_a_unit_taste_vector_then_the_popularity_weight(self):
        v = embed_texts(self.model, [[1, 7], []])
        self.assertEqual(v.shape, (2, 9))
        np.testing.assert_allclose(np.linalg.norm(v[:, :8], axis=1), 1.0, atol=1e-5)
        np.testing.assert_array_equal(v[:, 8], ContentConfig().popularity_weight)
        self.assertTrue(np.isfinite(v).all())  # all padding gives a vector, not NaN

    def test_export_is_int8_with_named_io_and_close_to_the_float_model(self):
        model = to_onnx_int8(self.model)
        self.assertGreaterEqual(len(int8_initializer_names(model)), 3)
        self.assertEqual([i.name for i in model.graph.input], [INPUT_NAME])
        self.assertEqual(model.graph.input[0].type.tensor_type.elem_type, onnx.TensorProto.INT32)
        self.assertEqual([o.name for o in model.graph.output], [OUTPUT_NAME])
        texts = [[1, 2], [5, 7, 8], [3]]
        diff = np.abs(embed_texts(dequantized(self.model), texts) - embed_texts(self.model, texts)).max()
        self.assertLess(diff, 0.05)
        rebuilt = model_from_onnx(model, 9)  # what the graph computes, rebuilt from its initializers
        np.testing.assert_allclose(embed_texts(rebuilt, texts), embed_texts(dequantized(self.model), texts), atol=1e-5)


if __name__ == "__main__":
    unittest.main()
