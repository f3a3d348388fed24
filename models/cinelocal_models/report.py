"""Writing the evaluation report: evaluation.json, cold_start.png (pure numpy + zlib, no plotting
library needed) and README_table.md, which is generated from the JSON alone."""
from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import numpy as np

LABELS = {"popularity": "Most popular", "ease": "EASE", "browser_float": "CineLocal (float)",
          "browser_int8": "CineLocal int8 (browser)",
          "tower_part_int8": "Tower part (int8)", "ease_part_int8": "EASE-term part (int8)",
          "fold_in_int8": "Fold-in int8 (closed form)"}
COLORS = {"popularity": (150, 150, 150), "ease": (220, 120, 20), "browser_float": (120, 170, 230),
          "browser_int8": (20, 70, 180), "tower_part_int8": (150, 90, 200), "ease_part_int8": (230, 180, 60),
          "fold_in_int8": (40, 160, 80)}


# ---- targets of issue 3 --------------------------------------------------------------------------

def target_checks(report: dict) -> list[dict]:
    """Every target of the issue with the measured value, the bar and the gap (value - bar)."""
    out = []

    def add(name, value, bar, higher_is_better=True):
        gap = value - bar if higher_is_better else bar - value
        out.append({"target": name, "value": round(value, 4), "bar": round(bar, 4),
                    "gap": round(gap, 4), "met": bool(gap >= 0)})

    m = report["topn"]["methods"]
    for metric in ("recall@20", "ndcg@100"):
        add(f"int8 {metric} >= EASE", m["browser_int8"][metric], m["ease"][metric])
    for k, entry in report["cold_start"].items():
        cm = entry["methods"]
        if not entry["evaluated_users"]:
            continue  # (tiny test data) nobody has more than k positives
        for metric in ("recall@20", "ndcg@100"):
            bar = max(cm["popularity"][metric], cm["ease"][metric])
            add(f"k={k} int8 {metric} >= max(popularity, EASE)", cm["browser_int8"][metric], bar)
    f, q = m["browser_float"]["recall@20"], m["browser_int8"]["recall@20"]
    loss = (f - q) / f if f > 0 else 0.0
    add("int8 vs float relative Recall@20 loss < 1%", loss, 0.01, higher_is_better=False)
    folds = report.get("folds", {})
    if "wall_seconds" in report and folds.get("evaluated") == folds.get("count"):
        add("whole evaluation (prepare, train, export, evaluate) <= 600 s", report["wall_seconds"], 600.0,
            higher_is_better=False)
    rm = report["rating"]["methods"]
    if "rating_head" in rm:
        add("rating head RMSE < user+item bias", rm["rating_head"]["rmse"], rm["user_item_bias"]["rmse"],
            higher_is_better=False)
    return out


# ---- README table ---------------------------------------------------------------------------------

def readme_table(report: dict) -> str:
    d, topn, cold = report["dataset"], report["topn"], report["cold_start"]
    ks = list(cold)
    folds = report["folds"]
    fold_note = "5 folds" if folds["evaluated"] == folds["count"] else \
        f"first {folds['evaluated']} of {folds['count']} folds"
    lines = [
        f"Strong generalization on {d['name']} ({fold_note}, {topn['evaluated_users']} held-out users; "
        f"cold start: " + ", ".join(f"k={k}: {cold[k]['evaluated_users']}" for k in ks) +
        " users). Generated from models/report/evaluation.json by models/report_table.py.",
        "",
        "| Method | Recall@20 | Recall@50 | NDCG@100 | " + " | ".join(f"k={k} R@20 / N@100" for k in ks) + " |",
        "|---|---:|---:|---:|" + "---:|" * len(ks),
    ]
    for name in topn["methods"]:
        m = topn["methods"][name]
        cells = [f"{m['recall@20']:.4f}", f"{m['recall@50']:.4f}", f"{m['ndcg@100']:.4f}"]
        cells += [f"{cold[k]['methods'][name]['recall@20']:.4f} / {cold[k]['methods'][name]['ndcg@100']:.4f}"
                  if cold[k]["evaluated_users"] else "n/a" for k in ks]
        lines.append(f"| {LABELS.get(name, name)} | " + " | ".join(cells) + " |")
    r = report["rating"]
    lines += ["", f"Rating prediction ({r['evaluated_users']} users, {r['predicted_ratings']} held-out ratings):",
              "", "| Method | RMSE | MAE |", "|---|---:|---:|"]
    rlabels = {"global_mean": "Global mean", "item_mean": "Item mean",
               "user_item_bias": "User + item bias fold-in", "rating_head": "Rating head (int8)"}
    for name, m in r["methods"].items():
        lines.append(f"| {rlabels.get(name, name)} | {m['rmse']:.4f} | {m['mae']:.4f} |")
    lines += ["", "| Target (issue 3) | Value | Bar | Gap | Met |", "|---|---:|---:|---:|:---:|"]
    for t in report.get("targets", target_checks(report)):
        lines.append(f"| {t['target']} | {t['value']:.4f} | {t['bar']:.4f} | {t['gap']:+.4f} | "
                     f"{'yes' if t['met'] else 'no'} |")
    paired = report.get("paired_vs_ease", {}).get("main", {})
    if paired:
        lines += ["", "Per-user paired difference, CineLocal int8 minus EASE, main split (mean, 95% interval): " +
                  "; ".join(f"{k} {v['mean']:+.4f} ({v['ci95'][0]:+.4f} to {v['ci95'][1]:+.4f})"
                            for k, v in paired.items()) + "."]
    lines += mainstream_table(report.get("mainstream"))
    secs = report.get("model", {}).get("train_seconds_per_fold", [])
    lines += ["", f"EASE lambda per fold: {report['ease']['lambda_per_fold']}; two-tower training "
              f"{', '.join(f'{s:.0f}' for s in secs)} s per fold; whole run {report.get('wall_seconds', 0):.0f} s "
              f"on 2 cores. Reproduce: `{report.get('command', '/usr/bin/python3 models/evaluate.py')}`."]
    return "\n".join(lines) + "\n"


NICHE_LABELS = {-2: "Most mainstream", -1: "More mainstream", 0: "Mainstream ~ niche (default)", 1: "More niche",
                2: "Most niche"}  # as the For you screen names them (web/app/screen_for_you.cpp)


def mainstream_table(m: dict | None) -> list[str]:
    """What each setting of the mainstream <-> niche control costs and does (issue 16)."""
    if not m:
        return []
    genres = list(m["fan_history_share"])
    lines = ["", f"Mainstream <-> niche control (issue 16), main split, {m['evaluated_users']} users: {m['formula']}. "
             f"Fans: {m['fans']}; their own fold-in likes hold " +
             ", ".join(f"{m['fan_history_share'][g]:.4f} {g} ({m['fan_users'][g]} users)" for g in genres) + ".",
             "", "| Setting | w | Recall@20 | NDCG@100 | Median likes, top 20 | " +
             " | ".join(f"{g} fans: {g} share of top 20" for g in genres) + " |",
             "|---|---:|---:|---:|---:|" + "---:|" * len(genres)]
    for level in m["levels"]:
        cells = [f"{level['weight']:+.2f}", f"{level['recall@20']:.4f}", f"{level['ndcg@100']:.4f}",
                 f"{level['median_likes_top20']:.0f}"] + [f"{level['fan_genre_share_top20'][g]:.4f}" for g in genres]
        lines.append(f"| {NICHE_LABELS.get(level['level'], level['level'])} | " + " | ".join(cells) + " |")
    return lines


# ---- PNG plot ---------------------------------------------------------------------------------------

_FONT = {  # 5x7 glyphs, one int per row, bit 4 = leftmost pixel
    "A": "0E 11 11 1F 11 11 11", "B": "1E 11 11 1E 11 11 1E", "C": "0E 11 10 10 10 11 0E",
    "D": "1E 11 11 11 11 11 1E", "E": "1F 10 10 1E 10 10 1F", "F": "1F 10 10 1E 10 10 10",
    "G": "0E 11 10 17 11 11 0F", "H": "11 11 11 1F 11 11 11", "I": "0E 04 04 04 04 04 0E",
    "J": "07 02 02 02 02 12 0C", "K": "11 12 14 18 14 12 11", "L": "10 10 10 10 10 10 1F",
    "M": "11 1B 15 15 11 11 11", "N": "11 11 19 15 13 11 11", "O": "0E 11 11 11 11 11 0E",
    "P": "1E 11 11 1E 10 10 10", "Q": "0E 11 11 11 15 12 0D", "R": "1E 11 11 1E 14 12 11",
    "S": "0F 10 10 0E 01 01 1E", "T": "1F 04 04 04 04 04 04", "U": "11 11 11 11 11 11 0E",
    "V": "11 11 11 11 11 0A 04", "W": "11 11 11 15 15 15 0A", "X": "11 11 0A 04 0A 11 11",
    "Y": "11 11 0A 04 04 04 04", "Z": "1F 01 02 04 08 10 1F",
    "0": "0E 11 13 15 19 11 0E", "1": "04 0C 04 04 04 04 0E", "2": "0E 11 01 02 04 08 1F",
    "3": "1F 02 04 02 01 11 0E", "4": "02 06 0A 12 1F 02 02", "5": "1F 10 1E 01 01 11 0E",
    "6": "06 08 10 1E 11 11 0E", "7": "1F 01 02 04 08 08 08", "8": "0E 11 11 0E 11 11 0E",
    "9": "0E 11 11 0F 01 02 0C", ".": "00 00 00 00 00 0C 0C", "-": "00 00 00 1F 00 00 00",
    "@": "0E 11 01 0D 15 15 0E", "=": "00 00 1F 00 1F 00 00", "(": "02 04 08 08 08 04 02",
    ")": "08 04 02 02 02 04 08", "/": "01 01 02 04 08 10 10", ":": "00 0C 0C 00 0C 0C 00",
    ",": "00 00 00 00 0C 04 08", " ": "00 00 00 00 00 00 00", "_": "00 00 00 00 00 00 1F",
}


class Canvas:
    def __init__(self, width: int, height: int):
        self.px = np.full((height, width, 3), 255, dtype=np.uint8)

    def rect(self, x0, y0, x1, y1, color):
        h, w = self.px.shape[:2]
        x0, x1 = sorted((int(round(x0)), int(round(x1))))
        y0, y1 = sorted((int(round(y0)), int(round(y1))))
        self.px[max(y0, 0):min(y1 + 1, h), max(x0, 0):min(x1 + 1, w)] = color

    def line(self, x0, y0, x1, y1, color, width=2):
        n = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
        r = width / 2
        for t in np.linspace(0.0, 1.0, n):
            x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
            self.rect(x - r + 0.5, y - r + 0.5, x + r - 0.5, y + r - 0.5, color)

    def text(self, x, y, s, color=(0, 0, 0), scale=2, anchor="left"):
        s = s.upper()
        width = len(s) * 6 * scale
        if anchor == "center":
            x -= width / 2
        elif anchor == "right":
            x -= width
        for i, ch in enumerate(s):
            rows = [int(v, 16) for v in _FONT.get(ch, _FONT[" "]).split()]
            for ry, bits in enumerate(rows):
                for rx in range(5):
                    if bits >> (4 - rx) & 1:
                        gx, gy = x + (i * 6 + rx) * scale, y + ry * scale
                        self.rect(gx, gy, gx + scale - 1, gy + scale - 1, color)

    def png(self) -> bytes:
        h, w = self.px.shape[:2]
        raw = b"".join(b"\x00" + self.px[y].tobytes() for y in range(h))

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def cold_start_png(report: dict, metric: str = "recall@20") -> bytes:
    cold = report["cold_start"]
    ks = [int(k) for k in cold if cold[k]["evaluated_users"]]
    methods = list(next(iter(cold.values()))["methods"])
    values = {m: [cold[str(k)]["methods"][m][metric] for k in ks] for m in methods}
    top = max(max(v) for v in values.values())
    y_max = max(0.05, np.ceil(top * 1.1 / 0.05) * 0.05)
    w, h = 760, 480
    left, right, top_px, bottom = 90, 250, 50, 400
    c = Canvas(w, h)
    c.text((left + w - right) / 2, 15, f"Cold start: {metric} vs k", anchor="center")
    for i in range(int(round(y_max / 0.05)) + 1):
        v = i * 0.05
        y = bottom - v / y_max * (bottom - top_px)
        c.line(left, y, w - right, y, (225, 225, 225), width=1)
        c.text(left - 8, y - 7, f"{v:.2f}", anchor="right")
    xs = {k: left + 20 + j * (w - right - left - 40) / max(len(ks) - 1, 1) for j, k in enumerate(ks)}
    for k, x in xs.items():
        c.text(x, bottom + 10, str(k), anchor="center")
    c.text((left + w - right) / 2, bottom + 40, "k = positives given", anchor="center")
    c.line(left, top_px, left, bottom, (0, 0, 0), width=2)
    c.line(left, bottom, w - right, bottom, (0, 0, 0), width=2)
    for j, m in enumerate(methods):
        color = COLORS.get(m, (0, 0, 0))
        pts = [(xs[k], bottom - v / y_max * (bottom - top_px)) for k, v in zip(ks, values[m])]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            c.line(x0, y0, x1, y1, color, width=3)
        for x, y in pts:
            c.rect(x - 4, y - 4, x + 4, y + 4, color)
        ly = top_px + 10 + j * 44
        c.rect(w - right + 15, ly, w - right + 35, ly + 12, color)
        label = LABELS.get(m, m)
        first, _, rest = label.partition(" (")
        c.text(w - right + 42, ly, first, scale=2)
        if rest:
            c.text(w - right + 42, ly + 18, "(" + rest, scale=2)
    return c.png()


def write_report(report: dict, out: Path) -> None:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report["targets"] = target_checks(report)
    (out / "evaluation.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    (out / "cold_start.png").write_bytes(cold_start_png(report))
    (out / "README_table.md").write_text(readme_table(report), encoding="utf-8")
