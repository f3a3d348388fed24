"""Weight-only int8: store int8, compute fp32 (int8 compute is often slower in ORT's wasm backend).

The numpy functions define the arithmetic once; the ONNX rewrite and the PyTorch reference both use
them, so "torch with dequantized weights" and "ORT running the int8 file" see bit-identical weights.
"""
from __future__ import annotations

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

INT8_MAX = 127
SCALE_FLOOR = 1e-8  # an all-zero row would otherwise divide by zero


def quantize_symmetric(w: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 with one scale per slice along `axis` (e.g. per row with axis=0).
    Returns (q int8 same shape as w, scale float32 [w.shape[axis]])."""
    w = np.asarray(w, dtype=np.float32)
    reduce = tuple(a for a in range(w.ndim) if a != axis)
    scale = (np.abs(w).max(axis=reduce) / np.float32(INT8_MAX)).astype(np.float32)
    scale = np.maximum(scale, np.float32(SCALE_FLOOR))
    shape = [1] * w.ndim
    shape[axis] = -1
    q = np.clip(np.round(w / scale.reshape(shape)), -INT8_MAX, INT8_MAX).astype(np.int8)
    return q, scale


def dequantize(q: np.ndarray, scale: np.ndarray, axis: int) -> np.ndarray:
    shape = [1] * q.ndim
    shape[axis] = -1
    return q.astype(np.float32) * scale.astype(np.float32).reshape(shape)


def fake_quantize(w: np.ndarray, axis: int) -> np.ndarray:
    """What the runtime will see after dequantizing: w rounded through int8."""
    return dequantize(*quantize_symmetric(w, axis), axis)


def _weight_axis(node: onnx.NodeProto, input_pos: int) -> int | None:
    """Output-channel axis of a 2-D weight at node.input[input_pos], or None if not a weight slot."""
    if node.op_type == "MatMul" and input_pos == 1:
        return 1  # [K, N]: one scale per output column
    if node.op_type == "Gemm" and input_pos == 1:
        trans_b = next((a.i for a in node.attribute if a.name == "transB"), 0)
        return 0 if trans_b else 1
    return None


def _is_row_gather(node: onnx.NodeProto) -> bool:
    return node.op_type == "Gather" and next((a.i for a in node.attribute if a.name == "axis"), 0) == 0


def quantize_weights_int8(model: onnx.ModelProto, min_elements: int = 256) -> onnx.ModelProto:
    """Rewrite float 2-D initializers feeding MatMul/Gemm weights or row Gathers into int8.

    - MatMul/Gemm weight: int8 initializer + per-output-channel scale -> DequantizeLinear.
    - Gather over a table (embedding lookup): Gather the int8 rows and the per-row scales, then
      Cast + Mul, so only the looked-up rows are dequantized each run.
    Small tensors (biases, < min_elements) stay float. Needs opset >= 13 (per-axis DequantizeLinear).
    """
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 0)
    if opset < 13:
        raise ValueError(f"int8 rewrite needs opset >= 13, model has {opset}")
    model = onnx.ModelProto.FromString(model.SerializeToString())  # never mutate the caller's model
    graph = model.graph
    inits = {t.name: t for t in graph.initializer}
    taken = {t.name for t in graph.initializer} | {i.name for i in graph.input}
    taken |= {o for n in graph.node for o in n.output}

    def fresh(base: str) -> str:
        name, k = base, 0
        while name in taken:
            k += 1
            name = f"{base}_{k}"
        taken.add(name)
        return name

    def candidate(name: str) -> np.ndarray | None:
        t = inits.get(name)
        if t is None or t.data_type != TensorProto.FLOAT or len(t.dims) != 2:
            return None
        w = numpy_helper.to_array(t)
        return w if w.size >= min_elements else None

    new_inits: list[onnx.TensorProto] = []
    dequantized: dict[tuple[str, int], str] = {}  # (initializer, axis) -> DequantizeLinear output
    row_tables: dict[str, tuple[str, str]] = {}  # initializer -> (int8 table, [N,1] scales)
    replaced: set[str] = set()
    nodes: list[onnx.NodeProto] = []

    for node in graph.node:
        if _is_row_gather(node) and candidate(node.input[0]) is not None:
            name = node.input[0]
            if name not in row_tables:
                q, scale = quantize_symmetric(candidate(name), axis=0)
                q_name, s_name = fresh(name + "_int8"), fresh(name + "_row_scale")
                new_inits += [numpy_helper.from_array(q, q_name),
                              numpy_helper.from_array(scale.reshape(-1, 1), s_name)]
                row_tables[name] = (q_name, s_name)
            q_name, s_name = row_tables[name]
            idx, out = node.input[1], node.output[0]
            rows_q, rows_f, rows_s = fresh(out + "_int8"), fresh(out + "_f32"), fresh(out + "_scale")
            nodes += [
                helper.make_node("Gather", [q_name, idx], [rows_q], name=fresh(node.name + "_int8"), axis=0),
                helper.make_node("Cast", [rows_q], [rows_f], name=fresh(node.name + "_cast"), to=TensorProto.FLOAT),
                helper.make_node("Gather", [s_name, idx], [rows_s], name=fresh(node.name + "_scale"), axis=0),
                helper.make_node("Mul", [rows_f, rows_s], [out], name=fresh(node.name + "_dequant")),
            ]
            replaced.add(name)
            continue

        for pos, name in enumerate(node.input):
            axis = _weight_axis(node, pos)
            w = candidate(name) if axis is not None else None
            if w is None:
                continue
            key = (name, axis)
            if key not in dequantized:
                q, scale = quantize_symmetric(w, axis=axis)
                q_name, s_name, z_name = fresh(name + "_int8"), fresh(name + "_scale"), fresh(name + "_zero")
                out = fresh(name + "_dequant")
                new_inits += [numpy_helper.from_array(q, q_name), numpy_helper.from_array(scale, s_name),
                              numpy_helper.from_array(np.zeros_like(scale, dtype=np.int8), z_name)]
                nodes.append(helper.make_node("DequantizeLinear", [q_name, s_name, z_name], [out],
                                              name=fresh(name + "_DequantizeLinear"), axis=axis))
                dequantized[key] = out
            node.input[pos] = dequantized[key]
            replaced.add(name)
        nodes.append(node)

    still_used = {i for n in nodes for i in n.input} | {o.name for o in graph.output}
    keep = [t for t in graph.initializer if t.name not in replaced or t.name in still_used]
    del graph.initializer[:]
    graph.initializer.extend(keep + new_inits)
    # Older exporters also list initializers as graph inputs; drop the ones that are gone.
    gone = replaced - still_used
    kept_inputs = [i for i in graph.input if i.name not in gone]
    del graph.input[:]
    graph.input.extend(kept_inputs)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    return model


def int8_initializer_names(model: onnx.ModelProto) -> list[str]:
    return [t.name for t in model.graph.initializer if t.data_type == TensorProto.INT8]
