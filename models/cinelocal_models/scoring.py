"""Scoring a visitor the way the browser does, natively.

BrowserScorer runs the *exported* int8 files: the user tower rebuilt from user_tower.onnx's int8
initializers dequantized as the graph does (tests/wasm proves ORT Web == this within 1e-4), and the
item table's int8 rows times their scale; score = dot product in float32; top-k excludes the
visitor's own movies with ties to the lower index (tests/wasm proves the wasm core's top-10 equals
this on the reference profiles; tests/models proves this class reproduces those references).
FloatScorer is the same model before quantization, reported beside it.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx

from . import bundle, export
from .quantize import dequantize, quantize_weights_int8


class FloatScorer:
    def __init__(self, model):
        self.tower = export.user_tower(model)
        self.table = export.item_table(model)

    def embed(self, items, stars) -> np.ndarray:
        return export.run_tower(self.tower, items, stars)

    def __call__(self, items, stars) -> np.ndarray:
        return self.table @ self.embed(items, stars)


class BrowserScorer:
    def __init__(self, onnx_model: onnx.ModelProto, q_table: np.ndarray, q_scale: np.ndarray):
        self.onnx_model = onnx_model
        self.tower = export.tower_from_onnx(onnx_model)
        self.table = dequantize(q_table, q_scale, axis=0)

    @classmethod
    def from_model(cls, model) -> "BrowserScorer":
        """Export exactly as the bundle build does, then score through the exported weights."""
        int8_onnx = quantize_weights_int8(export.to_onnx(export.user_tower(model)))
        q_table, q_scale = export.item_table_int8(model)
        return cls(int8_onnx, q_table, q_scale)

    @classmethod
    def from_bundle(cls, bundle_dir: Path) -> "BrowserScorer":
        _, _, q, scale = bundle.read_bundle(bundle_dir)
        return cls(onnx.load(str(Path(bundle_dir) / "user_tower.onnx")), q, scale)

    def embed(self, items, stars) -> np.ndarray:
        return export.run_tower(self.tower, items, stars)

    def __call__(self, items, stars) -> np.ndarray:
        return self.table @ self.embed(items, stars).astype(np.float32)


class ColumnsScorer:
    """One part of a scorer's dot product (e.g. the tower's columns without the EASE ones): what
    each part of the browser's score achieves alone, for the report."""

    def __init__(self, scorer, columns: slice):
        self.scorer, self.columns = scorer, columns

    def __call__(self, items, stars) -> np.ndarray:
        return self.scorer.table[:, self.columns] @ self.scorer.embed(items, stars)[self.columns].astype(np.float32)
