#!/usr/bin/env python3
"""Rasterises assets/icon.svg into the PNG icons the web app manifest lists (rsvg-convert,
Debian's librsvg2-bin). The maskable one is the same drawing with square corners: the platform
cuts its own shape, and the mark already sits inside the safe zone.

    /usr/bin/python3 scripts/rasterise_icons.py assets/icon.svg build/site/icons
"""
import re
import subprocess
import sys
from pathlib import Path

# (file, pixels, maskable): the names assets/manifest.webmanifest refers to.
ICONS = [('icon-192.png', 192, False), ('icon-512.png', 512, False), ('icon-maskable-512.png', 512, True)]


def squared(svg):
    """The background rectangle without its corner radius."""
    result, count = re.subn(r'(<rect id="background"[^>]*?) rx="[0-9.]+"', r'\1', svg)
    if count != 1:
        raise ValueError('icon.svg needs one <rect id="background" ... rx="...">')
    return result


def main(svg_path, out_dir):
    svg = Path(svg_path).read_text()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, pixels, maskable in ICONS:
        drawing = squared(svg) if maskable else svg
        subprocess.run(['rsvg-convert', '--width', str(pixels), '--height', str(pixels), '--format', 'png',
                        '--output', str(out / name)], input=drawing.encode(), check=True)


if __name__ == '__main__':
    main(*sys.argv[1:3])
