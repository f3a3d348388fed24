// The page's Content-Security-Policy, set from script because it depends on the visitor's poster
// consent: only the site itself (+ 'wasm-unsafe-eval' to compile WebAssembly), plus the image
// host for fetch() once the visitor has agreed. A policy can be tightened later in the page's life
// (a second policy only adds restrictions) but never loosened: agreeing to posters reloads the page.
export function contentPolicy(imageOrigin) {
  const images = imageOrigin ? ` ${imageOrigin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `connect-src 'self'${images}`,
    `img-src 'self' data: blob:${images}`,
    "style-src 'self' 'unsafe-inline'",  // index.html's one <style>; CSS cannot reach other hosts (img-src)
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

export function installContentPolicy(policy) {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.prepend(meta);
}
