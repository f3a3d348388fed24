// The page's own words before the app draws anything: the loading line and the title, in the
// first of the browser's languages the UI has (the app's rule: web/app/language.cpp), and
// <html lang> to match. Once the app runs it sets lang itself, from the visitor's choice in
// Settings as well. The words are the string tables' "boot_loading" and "page_title"
// (tests/site/page_language.test.mjs checks they match web/app/strings/*.json).
export const PAGE_TEXT = {
  en: { loading: 'Loading…', title: 'CineLocal: private movie recommendations' },
  fr: { loading: 'Chargement…', title: 'CineLocal\u00a0: recommandations de films privées' },
  es: { loading: 'Cargando…', title: 'CineLocal: recomendaciones de películas privadas' },
  de: { loading: 'Wird geladen…', title: 'CineLocal: private Filmempfehlungen' },
};

// "de-AT" -> "de": the primary subtag when it is one of ours; else the next tag; else English.
export function pageLanguage(preferred) {
  for (const tag of preferred || []) {
    const primary = String(tag).split(/[-_]/)[0].toLowerCase();
    if (Object.hasOwn(PAGE_TEXT, primary)) return primary;
  }
  return 'en';
}

export function showPageLanguage(doc = globalThis.document, nav = globalThis.navigator) {
  const language = pageLanguage(nav.languages && nav.languages.length ? nav.languages : [nav.language]);
  doc.documentElement.lang = language;
  doc.title = PAGE_TEXT[language].title;
  const status = doc.getElementById('boot-status');
  if (status) status.textContent = PAGE_TEXT[language].loading;
  return language;
}

if (globalThis.document) showPageLanguage();
