"""From a trained TwoTower to what the browser runs: the user tower as ONNX (float, then int8 by
quantize.py), the int8 item table, and the PyTorch reference outputs the Node test compares against."""
from __future__ import annotations

import copy
import io
import warnings

import numpy as np
import onnx
import torch

from .quantize import dequantize, fake_quantize, quantize_symmetric
from .two_tower import EaseInput, ExportedUserTower, TwoTower

OPSET = 17  # onnx 1.12's maximum; ORT Web 1.22 runs it
INPUT_NAMES = ["item_index", "rating"]
OUTPUT_NAME = "user_embedding"


def user_tower(model: TwoTower) -> ExportedUserTower:
    ease = EaseInput.from_rows(model.ease_rows[0]) if model.ease_rows is not None else None
    with torch.no_grad():
        tower = ExportedUserTower(model.input_table(), copy.deepcopy(model.mlp), model.bias_scale,
                                  copy.deepcopy(model.gate), ease)
    return tower.eval()


def dequantized_user_tower(tower: ExportedUserTower) -> ExportedUserTower:
    """The same tower with every weight the int8 rewrite touches rounded through int8: the embedding
    tables per row, each Linear weight per output channel (= per row of torch's [out, in])."""
    tower = copy.deepcopy(tower)
    tables = [tower.table.weight] + ([tower.ease.table.weight] if tower.ease is not None else [])
    with torch.no_grad():
        for p in tables + [m.weight for m in tower.mlp if isinstance(m, torch.nn.Linear)]:
            p.copy_(torch.from_numpy(fake_quantize(p.numpy(), axis=0)))
    return tower


def to_onnx(tower: ExportedUserTower) -> onnx.ModelProto:
    example = (torch.zeros(1, 3, dtype=torch.int32), torch.full((1, 3), 4.0))
    buf = io.BytesIO()
    with warnings.catch_warnings():  # torch 1.13 warns about prim::Constant shape inference: harmless
        warnings.simplefilter("ignore", UserWarning)
        torch.onnx.export(tower, example, buf, opset_version=OPSET, input_names=INPUT_NAMES,
                          output_names=[OUTPUT_NAME], dynamic_axes={n: {1: "L"} for n in INPUT_NAMES},
                          do_constant_folding=True)
    model = onnx.load_from_string(buf.getvalue())
    if tower.bias_scale:  # how tower_from_onnx knows the constant last component
        onnx.helper.set_model_props(model, {"cinelocal.bias_scale": repr(tower.bias_scale)})
    onnx.checker.check_model(model)
    return model


def item_table(model: TwoTower) -> np.ndarray:
    """float32 [N, D]: the item tower's L2-normalised taste columns, the popularity column, then the
    EASE columns when the model has them."""
    with torch.no_grad():
        table = model.item_table().numpy()
    if model.ease_rows is not None:
        table = np.concatenate([table, model.ease_rows[1]], axis=1)
    return table.astype(np.float32)


def item_table_int8(model: TwoTower) -> tuple[np.ndarray, np.ndarray]:
    """(int8 [N, D], float32 scales [N]): item_table(model) quantized per row."""
    return quantize_symmetric(item_table(model), axis=0)


def int8_taste_rows(model: TwoTower) -> np.ndarray:
    """The taste columns of a trained model's item table as the browser sees them (int8 x scale)."""
    return np.ascontiguousarray(dequantize(*item_table_int8(model), axis=0)[:, : model.dim], dtype=np.float32)


def run_tower(tower: ExportedUserTower, items: np.ndarray, stars: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        u = tower(torch.from_numpy(np.asarray(items, dtype=np.int32)[None, :]),
                  torch.from_numpy(np.asarray(stars, dtype=np.float32)[None, :]))
    return u[0].numpy()


def tower_from_onnx(model: onnx.ModelProto) -> ExportedUserTower:
    """The user tower rebuilt from an int8 user_tower.onnx: every int8 initializer times its scale
    (per row for the table, per output channel for the Linear weights), exactly as the graph's
    Gather+Cast+Mul and DequantizeLinear nodes compute them; biases as stored."""
    from onnx import numpy_helper
    inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    state = {}
    for name, value in inits.items():
        if name.endswith("_int8"):
            base = name[: -len("_int8")]
            if base + "_row_scale" in inits:
                scale = inits[base + "_row_scale"].reshape(-1, 1)
            else:
                scale = inits[base + "_scale"].reshape(-1, 1)  # Gemm transB=1: [out, in], axis 0
            state[base] = torch.from_numpy(value.astype(np.float32) * scale.astype(np.float32))
        elif not (name.endswith("_scale") or name.endswith("_zero")):
            state[name] = torch.from_numpy(np.array(value))
    table = state["table.weight"]
    ease = EaseInput(state["ease.remap"], state["ease.table.weight"]) if "ease.remap" in state else None
    w0, w2 = state["mlp.0.weight"], state["mlp.2.weight"]
    mlp = torch.nn.Sequential(torch.nn.Linear(w0.shape[1], w0.shape[0]), torch.nn.Tanh(),
                              torch.nn.Linear(w2.shape[1], w2.shape[0]))
    props = {p.key: p.value for p in model.metadata_props}
    gate = torch.nn.Linear(1, 1) if "gate.weight" in state else None
    tower = ExportedUserTower(table, mlp, float(props.get("cinelocal.bias_scale", 0.0)), gate, ease)
    tower.load_state_dict(state)
    return tower.eval()
