// The built site's fonts (scripts/subset_fonts.py) against what the app draws: every character of
// the catalogue's titles and of the UI's four string tables, all of theme.cpp's ranges that DejaVu
// Sans has (Latin-1 and Latin Extended for typed queries), U+FFFD (ImGui's missing-glyph mark),
// exactly the icons of web/app/icons.h; and nothing else (a Greek or Cyrillic letter is gone). The
// character map is read here with a small reader of its own, not fontTools, so the check does not
// share the writer's code.
// Needs a built site (./run build); CINELOCAL_SITE_DIR picks another.
//   node --test tests/site/font_subset.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const SITE = process.env.CINELOCAL_SITE_DIR || new URL('../../build/site/', import.meta.url).pathname;
const read = (path) => readFileSync(new URL(path, new URL(SITE, 'file:///')));
const source = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const DEBIAN_DEJAVU = readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');

// Code points of a TrueType font's Unicode BMP map (cmap platform 3, encoding 1, format 4).
function codePoints(font) {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = Array.from({ length: view.getUint16(4) }, (_, i) => 12 + 16 * i);
  const cmap = view.getUint32(tables.find((at) => font.toString('latin1', at, at + 4) === 'cmap') + 8);
  const points = new Set();
  for (let i = 0; i < view.getUint16(cmap + 2); i += 1) {
    const record = cmap + 4 + 8 * i;
    const sub = cmap + view.getUint32(record + 4);
    if (view.getUint16(record) !== 3 || view.getUint16(record + 2) !== 1 || view.getUint16(sub) !== 4) continue;
    const segments = view.getUint16(sub + 6) / 2;
    const ends = sub + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments, offsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s += 1) {
      const start = view.getUint16(starts + 2 * s), end = view.getUint16(ends + 2 * s);
      const delta = view.getUint16(deltas + 2 * s), offset = view.getUint16(offsets + 2 * s);
      for (let c = start; c <= end && c !== 0xffff; c += 1) {
        let glyph = offset === 0 ? c : view.getUint16(offsets + 2 * s + offset + 2 * (c - start));
        if (offset !== 0 && glyph === 0) continue;
        glyph = (glyph + delta) & 0xffff;
        if (glyph !== 0) points.add(c);
      }
    }
  }
  return points;
}

const text = codePoints(read('fonts/DejaVuSans.ttf'));
const original = codePoints(DEBIAN_DEJAVU);
const catalogue = JSON.parse(read('bundle/catalogue.json'));
const missing = (string) => [...string].filter((ch) => !text.has(ch.codePointAt(0))).join('');

test('the reader knows a few glyphs of Debian\'s whole DejaVu Sans', () => {
  for (const ch of 'AzéŒΩЖ€\uFFFD') assert.ok(original.has(ch.codePointAt(0)), ch);
  assert.ok(!original.has(0x4e00));  // no CJK in DejaVu Sans
});

test('every glyph of these titles, and of all titles and genres, is in the subset', () => {
  const titles = new Set(catalogue.movies.map((movie) => movie[1]));
  for (const title of ['Léon: The Professional (a.k.a. The Professional) (Léon)', '8 1/2 (8½)', 'Déjà Vu',
                       'The Legend of Rita (Die Stille nach dem Schuß)', 'À nous la liberté (Freedom for Us)']) {
    assert.ok(titles.has(title), `catalogue lacks ${title}`);
    assert.equal(missing(title), '', title);
  }
  assert.equal(missing([...titles].join('') + catalogue.genres.join('')), '');
});

test('every character of the UI\'s string tables (accents, quotes, no-break spaces) is in the subset', () => {
  for (const language of ['en', 'fr', 'es', 'de']) {
    const table = JSON.parse(source(`web/app/strings/${language}.json`));
    const text = Object.values(table).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v))).join('');
    assert.equal(missing(text), '', language);
  }
  assert.equal(missing('«\u00a0Pour vous\u00a0» „Für dich“ ¿Mostrar…? Größe'), '');
});

test('the subset keeps all of theme.cpp\'s ranges the font has, and U+FFFD', () => {
  const body = source('web/app/theme.cpp').match(/k_glyph_ranges\[\]\s*=\s*\{([^}]*)\}/)[1];
  const bounds = [...body.matchAll(/0x([0-9A-Fa-f]+)/g)].map((m) => parseInt(m[1], 16));
  assert.deepEqual(bounds.slice(0, 2), [0x20, 0x24f]);  // Latin to Latin Extended-B: typed queries
  let kept = 0;
  for (let i = 0; i < bounds.length; i += 2) {
    for (let c = bounds[i]; c <= bounds[i + 1]; c += 1) {
      if (original.has(c)) { assert.ok(text.has(c), `U+${c.toString(16)}`); kept += 1; }
    }
  }
  assert.ok(kept > 500, `${kept}`);
  assert.ok(text.has(0xfffd));
});

test('scripts the app does not draw are cut, and the font shrinks to under a tenth', () => {
  for (const ch of 'ΩЖא') assert.ok(!text.has(ch.codePointAt(0)), ch);
  assert.ok(read('fonts/DejaVuSans.ttf').length < DEBIAN_DEJAVU.length / 10);
});

test('the icon font holds exactly the icons the app draws', () => {
  const used = [...source('web/app/icons.h').matchAll(/"\\u([0-9a-fA-F]{4})"/g)].map((m) => parseInt(m[1], 16));
  assert.ok(used.includes(0xf005) && used.length >= 19);  // the star, and the whole list
  const icons = codePoints(read('fonts/fontawesome-webfont.ttf'));
  assert.deepEqual([...icons].filter((c) => c >= 0xf000).sort(), [...new Set(used)].sort());
});
