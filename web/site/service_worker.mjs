// Registers sw.js (next to index.html, so its scope is the site's folder under any path prefix).
// Called once the app is ready, so that the precache does not compete with the first load.
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch((error) => {
    console.warn(`offline use is not available: ${error.message}`);  // e.g. file:// or no sw_manifest.js
  });
}
