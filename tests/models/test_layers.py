"""models/ flows one way: data -> models -> export -> evaluation (cinelocal_models.LAYERS); no module
imports from a later layer, and every module belongs to one layer."""
import ast
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "models" / "cinelocal_models"
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models import LAYERS  # noqa: E402

ORDER = {module: rank for rank, modules in enumerate(LAYERS.values()) for module in modules}


def imported_modules(path: Path) -> set[str]:
    """Sibling modules a file imports (`from .x import ...`, `from . import x`), at any depth."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


class Layers(unittest.TestCase):
    def test_every_module_has_a_layer(self):
        modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
        self.assertEqual(modules - set(ORDER), set())
        self.assertEqual(set(ORDER) - modules, set())

    def test_no_module_imports_from_a_later_layer(self):
        upward = []
        for path in sorted(PACKAGE.glob("*.py")):
            if path.stem == "__init__":
                continue
            for target in imported_modules(path):
                if ORDER[target] > ORDER[path.stem]:
                    upward.append(f"{path.stem} -> {target}")
        self.assertEqual(upward, [])

    def test_the_bundle_build_uses_no_evaluation_module(self):
        evaluation = set(LAYERS["evaluation"])
        for module in LAYERS["build"]:
            self.assertEqual(imported_modules(PACKAGE / f"{module}.py") & evaluation, set(), module)


if __name__ == "__main__":
    unittest.main()
