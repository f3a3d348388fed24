"""Describe-it's files in the bundle: the content model (content_model.py) as int8 ONNX, its
vocabulary, the lexical index (text_index.bin, below), the PyTorch reference outputs for tests/wasm,
and the rebuild from the ONNX file for tools."""
from __future__ import annotations

import copy
import io
import json
import struct
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import onnx
import torch
from torch import nn

from .content_model import (INPUT_NAME, MIN_INT8_ELEMENTS, MODEL_FILE, OPSET, OUTPUT_NAME, REFERENCE_TEXTS,
                            VOCAB_FILE, ContentConfig, ContentData, ContentModel, embed_texts, prepare,
                            train_content)
from .quantize import fake_quantize, int8_initializer_names, quantize_weights_int8


def dequantized(model: ContentModel) -> ContentModel:
    """The model with the weights rounded through int8 exactly as quantize_weights_int8 stores them."""
    model = copy.deepcopy(model)
    with torch.no_grad():
        for p in [model.embed.weight, model.word_weight.weight] + \
                 [m.weight for m in model.mlp if isinstance(m, nn.Linear)]:
            if p.numel() >= MIN_INT8_ELEMENTS:
                p.copy_(torch.from_numpy(fake_quantize(p.numpy(), axis=0)))
    return model


def to_onnx_int8(model: ContentModel) -> onnx.ModelProto:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        torch.onnx.export(model, (torch.ones(1, 3, dtype=torch.int32),), buf, opset_version=OPSET,
                          input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
                          dynamic_axes={INPUT_NAME: {1: "L"}}, do_constant_folding=True)
    q = quantize_weights_int8(onnx.load_from_string(buf.getvalue()), min_elements=MIN_INT8_ELEMENTS)
    onnx.helper.set_model_props(q, {"cinelocal.popularity_weight": repr(model.popularity_weight)})
    if len(int8_initializer_names(q)) < 3:  # the word table and both Linear weights at least
        raise RuntimeError("int8 rewrite did not find the content model's weights")
    return q


def build_content(out: Path, cat, table: np.ndarray, taste_dims: int, ml_dir: Path | None,
                  tmdb_dir: Path | None, reference_path: Path, seed: int = 0, log=print,
                  search_only=None) -> list[str]:
    """Trains on every film with vectors against the item table just exported (int8 x scale, as
    the browser has it), writes content_model.onnx, content_vocab.json and the lexical index of
    every film (search_only's too) into `out`, and the PyTorch reference outputs to
    reference_path. Returns the file names written."""
    cfg = ContentConfig(seed=seed)
    data = prepare(cat, table, taste_dims, ml_dir, tmdb_dir, cfg, search_only=search_only)
    model = train_content(data.docs, data.taste, np.arange(len(data.docs)), data.vocab.model_id_count, data.dim, cfg)
    log(f"content model: {data.vocab.model_id_count - 1} of {data.vocab.id_count - 1} word ids, "
        f"trained in {model.train_seconds:.1f} s")
    onnx.save(to_onnx_int8(model), out / MODEL_FILE)
    data.vocab.write(out / VOCAB_FILE, cfg.max_tokens)
    write_text_index(out / INDEX_FILE, data.terms, data.vocab.id_count)
    write_reference(reference_path, model, data, cfg)
    return [MODEL_FILE, VOCAB_FILE, INDEX_FILE]


def write_reference(path: Path, model: ContentModel, data: ContentData, cfg: ContentConfig) -> None:
    """Per reference text: token ids, the int8-rounded model's output (what ORT must give) and the
    float model's output (texts without a known word have no ids and no output)."""
    model_q = dequantized(model)
    cases = []
    for text in REFERENCE_TEXTS:
        ids = data.vocab.encode(text, cfg.max_tokens)
        if not ids:
            cases.append({"text": text, "token_ids": []})
            continue
        v_q, v_f = embed_texts(model_q, [ids])[0], embed_texts(model, [ids])[0]
        cases.append({"text": text, "token_ids": ids, "embedding": [float(x) for x in v_q],
                      "embedding_float": [float(x) for x in v_f]})
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps({"cases": cases}) + "\n", encoding="utf-8")


def model_from_onnx(model: onnx.ModelProto, out_dims: int) -> ContentModel:
    """The content model rebuilt from content_model.onnx: int8 initializers times their scales, exactly
    as the graph dequantizes them (for tools that score texts without ONNX Runtime)."""
    from onnx import numpy_helper
    inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    state = {}
    for name, value in inits.items():
        if name.endswith("_int8"):
            base = name[: -len("_int8")]
            scale = inits.get(base + "_row_scale", inits.get(base + "_scale"))
            state[base] = torch.from_numpy(value.astype(np.float32) * scale.reshape(-1, 1).astype(np.float32))
        elif not name.endswith(("_scale", "_zero")):
            state[name] = torch.from_numpy(np.array(value))
    ids, hidden = state["embed.weight"].shape
    mlp_hidden, taste_dims = state["mlp.0.weight"].shape[0], state["mlp.2.weight"].shape[0]
    props = {p.key: p.value for p in model.metadata_props}
    rebuilt = ContentModel(ids, hidden, mlp_hidden, taste_dims, out_dims,
                           popularity_weight=float(props.get("cinelocal.popularity_weight", 0.0)))
    rebuilt.load_state_dict(state)
    return rebuilt.eval()


# ---------------------------------------------------------------- the lexical index
# The lexical index of "describe it" (text_index.bin): which films use which words, for BM25
# ranking in the browser (core/src/text_index.cpp reads it and defines the scoring).
#
# Terms are the ids of content_vocab.json (text_vocab.py: stemmed words, ids by document frequency),
# documents are catalogue positions (films with vectors first, then search-only films), each
# document the text content_model.movie_texts gives the film (title, decade, genres, tags, TMDB
# overview, tagline, keywords).
#
# Layout, little-endian:
#   magic "CLTX", u32 format version (1), u32 document count, u32 term count (= the vocabulary's id_count)
#   u16 document length [document count]   known words in the document (repeats counted, capped 65535)
#   u32 postings end [term count]          byte offset after each term's postings (term 0 is padding: empty)
#   postings                               per term, per document using it, ascending: varint(document
#                                          gap: index - previous index - 1, the first from -1), varint(term
#                                          frequency in the document, >= 1)
# Varints are LEB128 (7 bits per byte, low first, high bit = more follows).

INDEX_FILE = "text_index.bin"
INDEX_MAGIC = b"CLTX"
INDEX_FORMAT_VERSION = 1
INDEX_MAX_LENGTH = 65535


def _varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def index_bytes(terms: list[list[int]], term_count: int) -> bytes:
    """terms: the known word ids of each document in catalogue order; ids are 1..term_count-1."""
    postings: list[list[tuple[int, int]]] = [[] for _ in range(term_count)]
    for doc, ids in enumerate(terms):
        for term, count in sorted(Counter(ids).items()):
            if not 0 < term < term_count:
                raise ValueError(f"term id {term} outside 1..{term_count - 1}")
            postings[term].append((doc, count))
    body, ends = bytearray(), []
    for entries in postings:
        previous = -1
        for doc, count in entries:
            _varint(doc - previous - 1, body)
            _varint(count, body)
            previous = doc
        ends.append(len(body))
    head = INDEX_MAGIC + struct.pack("<III", INDEX_FORMAT_VERSION, len(terms), term_count)
    lengths = struct.pack(f"<{len(terms)}H", *(min(len(ids), INDEX_MAX_LENGTH) for ids in terms))
    return head + lengths + struct.pack(f"<{term_count}I", *ends) + bytes(body)


def write_text_index(path: Path, terms: list[list[int]], term_count: int) -> None:
    Path(path).write_bytes(index_bytes(terms, term_count))
