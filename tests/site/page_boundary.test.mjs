// The one place where the wasm app calls the page: every EM_JS shim is in wasm/page_calls.cpp, the
// shims reach the page only through globalThis.cinelocalPage, and the members they call are exactly
// the ones web/site/page_interface.mjs lists, each provided by the module the list names.
//   node --test tests/site/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const sources = (folder, pattern) => readdirSync(new URL(folder, root)).filter((name) => pattern.test(name))
  .map((name) => ({ path: `${folder}${name}`, text: read(`${folder}${name}`) }));

// "//   module.mjs: a, b, c" lines (continued on "//     d, e" lines) of page_interface.mjs's header.
function listedMembers() {
  const byModule = new Map();
  let current = null;
  for (const line of read('web/site/page_interface.mjs').split('\n')) {
    const head = /^\/\/\s+(\w+\.mjs):\s+(.*)$/.exec(line);
    const more = /^\/\/\s{4,}(\w.*)$/.exec(line);
    const text = head ? head[2] : (current && more ? more[1] : null);
    if (head) current = head[1];
    else if (!more) current = null;
    if (text === null) continue;
    const names = text.replace(/\(.*?(\)|$)/g, '').split(',').map((n) => n.trim()).filter((n) => /^\w+$/.test(n));
    byModule.set(current, [...(byModule.get(current) || []), ...names]);
  }
  return byModule;
}

test('EM_JS shims live in wasm/page_calls.cpp only, and reach no page global but cinelocalPage', () => {
  const withShims = [...sources('wasm/', /\.(cpp|h)$/), ...sources('web/app/', /\.(cpp|h)$/)]
    .filter((file) => /\bEM_(JS|ASM)\w*\(/.test(file.text)).map((file) => file.path);
  assert.deepEqual(withShims, ['wasm/page_calls.cpp']);
  const globals = new Set(read('wasm/page_calls.cpp').match(/globalThis\.\w+/g));
  assert.deepEqual([...globals], ['globalThis.cinelocalPage']);
});

test('the members the shims call are the ones page_interface.mjs lists, each provided by its module', () => {
  const shims = read('wasm/page_calls.cpp');
  const called = new Set([...shims.matchAll(/\b(?:p|globalThis\.cinelocalPage)\.(\w+)\(/g)].map((m) => m[1]));
  const listed = listedMembers();
  assert.ok(listed.size >= 4, 'the header lists the members by module');
  assert.deepEqual([...called].sort(), [...listed.values()].flat().sort());
  for (const [module, names] of listed) {
    const text = read(`web/site/${module}`).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');  // code, not comments
    assert.match(text, /providePageMembers\(/, `${module} provides page members`);
    for (const name of names) {
      assert.match(text, new RegExp(`\\b${name}(\\s*[:(,]|\\s*\\n\\s*[}\\w])`), `${module} provides ${name}`);
    }
  }
});
