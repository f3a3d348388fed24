"""Writing (and the one reader of) the site bundle (catalogue.json, item_table.bin, user_tower.onnx,
manifest.json) and the reference values for the Node test (model_reference.json, next to the bundle, not inside the site)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from .catalogue import Catalogue
from .protocol import top_k

FORMAT_VERSION = 1
MODEL_FAMILY = "two-tower-0.1"
MAX_PROFILE_ITEMS = 512
RATING_HEAD_FILE = "rating_head.bin"  # rating_head.py; read by core/src/rating_head.cpp
BUNDLE_FILES = ("catalogue.json", "item_table.bin", "user_tower.onnx", RATING_HEAD_FILE)


def write_item_table(path: Path, q: np.ndarray, scale: np.ndarray) -> None:
    """int8 [N x D] row-major, then float32 scales [N], little-endian, no header (sizes are in the manifest)."""
    with open(path, "wb") as f:
        f.write(np.ascontiguousarray(q, dtype=np.int8).tobytes())
        f.write(np.ascontiguousarray(scale, dtype="<f4").tobytes())


def read_item_table(path: Path, n_items: int, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """(int8 [N x D], float32 scales [N]) from item_table.bin; ValueError if its size is not N x D's."""
    raw = Path(path).read_bytes()
    if len(raw) != n_items * dim + 4 * n_items:
        raise ValueError(f"{path.name} has {len(raw)} bytes, the manifest says {n_items} x {dim}")
    q = np.frombuffer(raw[: n_items * dim], dtype=np.int8).reshape(n_items, dim)
    return q, np.frombuffer(raw[n_items * dim:], dtype="<f4")


def read_bundle(out: Path) -> tuple[dict, dict, np.ndarray, np.ndarray]:
    """(manifest, catalogue document, int8 item table, row scales) of a built bundle, for tools that
    look at what was shipped (evaluate_content.py, scoring.BrowserScorer.from_bundle)."""
    out = Path(out)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    doc = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))
    q, scale = read_item_table(out / "item_table.bin", vector_count(manifest), manifest["embedding_dim"])
    return manifest, doc, q, scale


def vector_count(manifest: dict) -> int:
    """Rows of the item table: the first vector_count films of catalogue.json (older bundles: all)."""
    return manifest.get("vector_count", manifest["item_count"])


def _file_entry(path: Path) -> dict:
    data = path.read_bytes()
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def write_manifest(out: Path, dataset_name: str, ratings_sha256: str, n_items: int, dim: int,
                   taste_dims: int | None = None, vector_count: int | None = None) -> dict:
    """n_items: films in catalogue.json; vector_count: how many of them (the first ones) have model
    vectors (catalogue_policy.py; default all). taste_dims: the leading columns that describe taste
    (similarity uses them); the rest, e.g. a popularity bias column, only add to scores."""
    files = {name: _file_entry(out / name) for name in BUNDLE_FILES}
    version_hash = hashlib.sha256("".join(files[n]["sha256"] for n in BUNDLE_FILES).encode()).hexdigest()
    manifest = {
        "format_version": FORMAT_VERSION,
        "model_version": f"{MODEL_FAMILY}-{version_hash[:12]}",
        "dataset": {"name": dataset_name, "ratings_sha256": ratings_sha256},
        "item_count": n_items,
        "vector_count": vector_count if vector_count is not None else n_items,
        "embedding_dim": dim,
        "taste_dims": taste_dims if taste_dims is not None else dim,
        "max_profile_items": MAX_PROFILE_ITEMS,
        "files": files,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def add_to_manifest(out: Path, names: list[str]) -> dict:
    """Lists files written after the main bundle (e.g. the content model) in manifest.json with their
    sha256 and size; model_version stays that of the two-tower files (the references carry it)."""
    path = out / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["files"].update({name: _file_entry(out / name) for name in names})
    path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def reference_profiles(cat: Catalogue) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """The four Node-test profiles, by movieId on MovieLens and by fallback on other catalogues."""
    have = {int(m): i for i, m in enumerate(cat.movie_ids)}
    popular = np.argsort(-cat.positives, kind="stable")
    first = have.get(1, int(popular[0]))
    animated = [have[m] for m in (1, 2355, 3114) if m in have]  # Toy Story, A Bug's Life, Toy Story 2
    if len(animated) < 3:
        bit = cat.genres.index("Animation") if "Animation" in cat.genres else None
        pool = [int(i) for i in popular if bit is not None and cat.genre_masks[i] >> bit & 1] or \
            [int(i) for i in popular]
        animated = pool[:3]
    mixed_items = [int(i) for i in popular[:8]]
    mixed_stars = [5.0, 4.5, 4.0, 3.5, 3.0, 2.0, 1.0, 0.5][: len(mixed_items)]
    return [
        ("toy_story_5", np.array([first]), np.array([5.0])),
        ("three_animated_5", np.array(animated), np.full(len(animated), 5.0)),
        ("mixed_8", np.array(mixed_items), np.array(mixed_stars)),
        ("single_1_star", np.array([int(popular[0])]), np.array([1.0])),
    ]


def write_reference(path: Path, model_version: str, cases: list[dict]) -> None:
    path.write_text(json.dumps({"model_version": model_version, "cases": cases}) + "\n", encoding="utf-8")


def reference_case(name, items, stars, user_q, user_f, table_deq) -> dict:
    scores = table_deq @ user_q.astype(np.float32)
    return {
        "name": name,
        "item_index": [int(i) for i in items],
        "rating": [float(s) for s in stars],
        "user_embedding": [float(x) for x in user_q],
        "user_embedding_float": [float(x) for x in user_f],
        "top10": [int(i) for i in top_k(scores, np.asarray(items), 10)],
    }
