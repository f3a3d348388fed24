// The page's own words (web/site/page_language.mjs and index.html's <noscript>) against the string
// tables the app uses (web/app/strings/*.json), and the language rule against the app's.
//   node --test tests/site/page_language.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PAGE_TEXT, pageLanguage, showPageLanguage } from '../../web/site/page_language.mjs';

const source = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const table = (language) => JSON.parse(source(`web/app/strings/${language}.json`));

test('the loading line and the title are the tables\' words in each language', () => {
  assert.deepEqual(Object.keys(PAGE_TEXT), ['en', 'fr', 'es', 'de']);
  for (const [language, text] of Object.entries(PAGE_TEXT)) {
    assert.equal(text.loading, table(language).boot_loading, language);
    assert.equal(text.title, table(language).page_title, language);
  }
});

test('index.html says it needs JavaScript in the four languages, as the tables say it', () => {
  const html = source('web/site/index.html');
  for (const language of Object.keys(PAGE_TEXT)) {
    assert.ok(html.includes(`<p lang="${language}">${table(language).page_needs_javascript}</p>`), language);
  }
  assert.ok(html.indexOf('page_language.mjs') < html.indexOf('boot.mjs'), 'the words change before the app loads');
});

test('the first of the browser\'s languages the UI has, else English', () => {
  assert.equal(pageLanguage(['de-DE', 'en']), 'de');
  assert.equal(pageLanguage(['pt-BR', 'ES-419']), 'es');
  assert.equal(pageLanguage(['fr_CA']), 'fr');
  assert.equal(pageLanguage(['ja', 'deu']), 'en');
  assert.equal(pageLanguage(undefined), 'en');
});

test('the page shows the loading line in French and says lang="fr"', () => {
  const status = { textContent: 'Loading…' };
  const doc = { documentElement: { lang: 'en' }, title: '', getElementById: (id) => (id === 'boot-status' ? status : null) };
  assert.equal(showPageLanguage(doc, { languages: ['fr-FR', 'en'] }), 'fr');
  assert.equal(doc.documentElement.lang, 'fr');
  assert.equal(status.textContent, 'Chargement…');
  assert.equal(doc.title, 'CineLocal\u00a0: recommandations de films privées');
});
