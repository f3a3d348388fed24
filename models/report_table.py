#!/usr/bin/python3
"""Regenerate the README table (and the plot) from an evaluation report, without re-running it.

    /usr/bin/python3 models/report_table.py [models/report/evaluation.json]

Writes README_table.md and cold_start.png next to the JSON and prints the table.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cinelocal_models.report import cold_start_png, readme_table  # noqa: E402


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else Path(__file__).resolve().parent / "report" / "evaluation.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    table = readme_table(report)
    (path.parent / "README_table.md").write_text(table, encoding="utf-8")
    (path.parent / "cold_start.png").write_bytes(cold_start_png(report))
    print(table, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
