#!/usr/bin/env python3
"""Writes SITE/fonts/: DejaVu Sans and Font Awesome cut down to the glyphs the app can draw.

    /usr/bin/python3 scripts/subset_fonts.py build/site

Run after the bundle is built: the catalogue's titles and genres are part of the text set.
Kept in the text font: every code point of web/app/theme.cpp's glyph ranges (Latin-1 and Latin
Extended, so queries typed in European languages render; the UI's punctuation and symbols; U+FFFD)
plus every character of the titles and of the UI's string tables (web/app/strings/*.json: the
accents, quotes and no-break spaces of French, Spanish and German). A table character outside
theme.cpp's ranges is an error: ImGui would draw U+FFFD in its place. Kept in the icon font: the
code points of web/app/icons.h.
A character outside the subset is not in ImGui's atlas, so ImGui draws its fallback glyph U+FFFD
in its place (a title in a script we did not keep shows those boxes; nothing fails).
"""
import argparse
import json
import logging
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
TEXT_FONT = Path('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')  # Debian's fonts-dejavu-core
ICON_FONT = Path('/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf')  # fonts-font-awesome 4.7
# The names the app opens (wasm/app_main.cpp) and web/site/font_files.mjs fetches.
TEXT_OUT, ICON_OUT = 'DejaVuSans.ttf', 'fontawesome-webfont.ttf'


def theme_ranges(theme_cpp):
    """(first, last) pairs of theme.cpp's k_glyph_ranges: the one list of what ImGui rasterises."""
    body = re.search(r'k_glyph_ranges\[\]\s*=\s*\{([^}]*)\}', theme_cpp).group(1)
    values = [int(v, 16) for v in re.findall(r'0x([0-9A-Fa-f]+)', body)]
    return list(zip(values[0::2], values[1::2]))


def icon_code_points(icons_h):
    return sorted({int(v, 16) for v in re.findall(r'"\\u([0-9A-Fa-f]{4})"', icons_h)})


def catalogue_text(catalogue):
    """Every title and genre name: what the app shows from the bundle."""
    return ''.join(movie[1] for movie in catalogue['movies']) + ''.join(catalogue['genres'])


def table_text(strings_dir):
    """Every string of every language's table (a plural string has two forms)."""
    text = []
    for path in sorted(strings_dir.glob('*.json')):
        for value in json.loads(path.read_text(encoding='utf-8')).values():
            text.extend(value.values() if isinstance(value, dict) else [value])
    return ''.join(text)


def outside_ranges(ranges, text):
    return sorted({ch for ch in text if not any(first <= ord(ch) <= last for first, last in ranges)})


def text_code_points(ranges, text):
    kept = {c for first, last in ranges for c in range(first, last + 1)}
    return sorted(kept | {ord(ch) for ch in text})


def write_subset(source, code_points, out):
    options = subset.Options()
    # ImGui rasterises with stb_truetype, which reads outlines and metrics only: hinting programs
    # and OpenType layout (GSUB/GPOS, kern) would be bytes nobody reads.
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ['kern', 'GPOS', 'GSUB', 'GDEF', 'MATH', 'FFTM']
    options.name_IDs = ['*']  # keep the licence and copyright names
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=code_points)
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(out), options)


def undrawable(ranges, text, font_path):
    """Title characters ImGui will show as U+FFFD: outside theme.cpp's ranges or absent from the font."""
    cmap = TTFont(str(font_path)).getBestCmap()
    in_ranges = lambda c: any(first <= c <= last for first, last in ranges)
    return sorted({ch for ch in text if not in_ranges(ord(ch)) or ord(ch) not in cmap})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('site', type=Path)
    args = parser.parse_args(argv)
    logging.getLogger('fontTools').setLevel(logging.WARNING)
    ranges = theme_ranges((ROOT / 'web/app/theme.cpp').read_text())
    icons = icon_code_points((ROOT / 'web/app/icons.h').read_text())
    ui_text = table_text(ROOT / 'web/app/strings')
    if outside_ranges(ranges, ui_text):
        sys.exit(f'subset_fonts: the string tables use {"".join(outside_ranges(ranges, ui_text))!r}, outside '
                 "web/app/theme.cpp's k_glyph_ranges: add them there")
    catalogue_path = args.site / 'bundle' / 'catalogue.json'
    text = catalogue_text(json.loads(catalogue_path.read_text())) if catalogue_path.exists() else ''
    if not text:
        print(f'subset_fonts: no {catalogue_path}: keeping theme.cpp ranges only', file=sys.stderr)
    fonts = args.site / 'fonts'
    write_subset(TEXT_FONT, text_code_points(ranges, text + ui_text), fonts / TEXT_OUT)
    write_subset(ICON_FONT, icons, fonts / ICON_OUT)
    for source, name in ((TEXT_FONT, TEXT_OUT), (ICON_FONT, ICON_OUT)):
        print(f'subset_fonts: {name} {source.stat().st_size} -> {(fonts / name).stat().st_size} bytes')
    missing = undrawable(ranges, text, fonts / TEXT_OUT)
    if missing:
        print(f'subset_fonts: {len(missing)} title characters will draw as U+FFFD: {"".join(missing)!r}')
    if undrawable(ranges, ui_text, fonts / TEXT_OUT):
        sys.exit(f'subset_fonts: DejaVu Sans lacks {"".join(undrawable(ranges, ui_text, fonts / TEXT_OUT))!r} of the string tables')


if __name__ == '__main__':
    main()
