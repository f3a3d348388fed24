// The site's optional config.json (next to index.html), written by whoever deploys the site:
//   { "imageBase": "https://image.tmdb.org/t/p/" }
// Only a file on the site itself can change the image host, never a query parameter: a link
// must not be able to send the visitor's poster requests (and IP address) somewhere else.
export const DEFAULT_IMAGE_BASE = 'https://image.tmdb.org/t/p/';

// An http(s) base URL ending in '/', or the default when the value is missing or unusable.
export function imageBaseFrom(value) {
  try {
    const url = new URL(String(value));
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.href.endsWith('/') && !url.search) return url.href;
  } catch {
    // not a URL: the default below
  }
  return DEFAULT_IMAGE_BASE;
}

export async function loadSiteConfig(siteUrl) {
  let doc = {};
  try {
    const response = await fetch(new URL('config.json', siteUrl), { cache: 'no-cache' });
    if (response.ok) doc = await response.json();
  } catch {
    doc = {};  // no config, offline or malformed: defaults
  }
  return { imageBase: imageBaseFrom(doc && doc.imageBase) };
}
