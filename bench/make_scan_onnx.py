"""Writes the ONNX model that bench/bench_scan_js.mjs runs under ONNX Runtime Web: the catalogue
scan as a graph, MatMul(user [1, D], table [D, N]) -> scores [1, N], then TopK(K = 50).

    /usr/bin/python3 bench/make_scan_onnx.py OUT.onnx N D [TABLE.f32]

TABLE.f32 (default: OUT with .onnx replaced by .f32) holds the dequantized item table written by
the benchmark: float32 little-endian, row-major [N, D]. It is stored transposed ([D, N]) as the
initializer `table` so one MatMul gives all N scores. Needs onnx (1.12 is enough) and numpy.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

TOP_K = 50


def main(argv):
    if len(argv) not in (4, 5):
        sys.exit(__doc__)
    out_path, n, d = argv[1], int(argv[2]), int(argv[3])
    table_path = argv[4] if len(argv) == 5 else os.path.splitext(out_path)[0] + ".f32"
    rows = np.fromfile(table_path, dtype="<f4")
    if rows.size != n * d:
        sys.exit(f"{table_path} holds {rows.size} floats, expected N*D = {n}*{d} = {n * d}")
    table = np.ascontiguousarray(rows.reshape(n, d).T.astype(np.float32))  # [D, N]
    k = min(TOP_K, n)

    graph = helper.make_graph(
        nodes=[
            helper.make_node("MatMul", ["user", "table"], ["scores"]),
            helper.make_node("TopK", ["scores", "k"], ["values", "indices"], axis=-1, largest=1, sorted=1),
        ],
        name="catalogue_scan",
        inputs=[helper.make_tensor_value_info("user", TensorProto.FLOAT, [1, d])],
        outputs=[
            helper.make_tensor_value_info("values", TensorProto.FLOAT, [1, k]),
            helper.make_tensor_value_info("indices", TensorProto.INT64, [1, k]),
        ],
        initializer=[
            numpy_helper.from_array(table, name="table"),
            numpy_helper.from_array(np.array([k], dtype=np.int64), name="k"),
        ],
    )
    model = helper.make_model(graph, producer_name="cinelocal-bench", opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(model)
    onnx.save(model, out_path)


if __name__ == "__main__":
    main(sys.argv)
