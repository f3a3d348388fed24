// The visitor's answer to "load posters from TMDB's image server?", kept in localStorage.
export const CONSENT_KEY = 'cinelocal.settings.posters';

export function posterConsent() {
  try {
    return localStorage.getItem(CONSENT_KEY) === 'allowed';
  } catch {
    return false;  // blocked storage: no consent
  }
}

export function storePosterConsent(allowed) {
  try {
    localStorage.setItem(CONSENT_KEY, allowed ? 'allowed' : 'refused');
  } catch {
    // blocked storage: the answer lasts for this page only
  }
}
