// The one owner of the visitor's answer to "load posters from TMDB's image server?": 'unasked'
// until they answer, then 'allowed' or 'refused', kept in localStorage so that privacy_setup.mjs
// can read it before anything loads (the Content-Security-Policy depends on it). The wasm app asks
// here every time (wasm/browser_media.cpp keeps no copy). Another tab's answer is seen at once.
export const CONSENT_KEY = 'cinelocal.settings.posters';
const ANSWERS = new Set(['allowed', 'refused']);

let answerForThisPage = null;  // when storage is blocked, the answer lasts for this page only

export function posterConsent() {
  try {
    const stored = localStorage.getItem(CONSENT_KEY);
    if (ANSWERS.has(stored)) return stored;
  } catch {
    // blocked storage: fall through
  }
  return answerForThisPage || 'unasked';
}

export function storePosterConsent(allowed) {
  answerForThisPage = allowed ? 'allowed' : 'refused';
  try {
    localStorage.setItem(CONSENT_KEY, answerForThisPage);
  } catch {
    // blocked storage: kept in answerForThisPage
  }
}
