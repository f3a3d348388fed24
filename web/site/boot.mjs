// Starts the app: downloads the bundle while the wasm app starts, has the core verify it (every
// file's size and sha256 against manifest.json), then starts the user tower in ONNX Runtime Web.
// privacy_setup.mjs comes first: the request counter and the Content-Security-Policy are in
// place before the app loads anything.
import { siteConfig, imageHostAllowed } from './privacy_setup.mjs';
import createApp from './cinelocal_app.mjs';
import { configureOrt, createContentModel, createUserTower } from './ort_bridge.mjs';
import { fetchBytes, fetchText } from './bundle_fetch.mjs';
import { installBrowserPlatform } from './browser_platform.mjs';
import { registerServiceWorker } from './service_worker.mjs';
import { fontPreloader } from './font_files.mjs';
import { installKeyRouting } from './access_mirror.mjs';
import { providePageMembers } from './page_interface.mjs';

const BUNDLE = new URL('./bundle/', import.meta.url);
const loadFonts = fontPreloader(new URL('./', import.meta.url));  // downloads start with the page
const TOWER_FILE = 'user_tower.onnx';
const CONTENT_MODEL_FILE = 'content_model.onnx';  // optional: the "describe it" search

function showBootError(message) {
  document.getElementById('boot-status').textContent = `CineLocal could not start: ${message}`;
}

// The bundle's downloads start with the page, before the app exists: on a first visit they
// overlap the app's own start (wasm, WebGL context, font atlas: ~0.8 s in headless Chromium).
// Nothing here needs the app; every byte is verified by the core before use (assembleBundle).
function startDownloads() {
  const progress = { received: {}, onChange: () => {} };
  const manifestText = fetchText(new URL('manifest.json', BUNDLE));
  const files = manifestText.then((text) => new Map(Object.keys(JSON.parse(text).files).map((name) => {
    const bytes = fetchBytes(new URL(name, BUNDLE), (n) => { progress.received[name] = n; progress.onChange(); });
    bytes.catch(() => {});  // awaited in loadBundle; this only silences a rejection nobody waits for yet
    return [name, bytes];
  })));
  manifestText.catch(() => {});
  files.catch(() => {});
  return { manifestText, files, progress };
}

// Hands every file to the app the moment it arrives (the core verifies each against the manifest).
// The app is usable once the catalogue is in (Bundle::start_files); the item table and rating head
// make it personal, the models and describe-it's index follow. Resolves to the bytes that passed.
async function deliverFiles(app, downloads) {
  const verified = new Map();
  await Promise.all([...(await downloads.files)].map(([name, bytes]) => bytes.then(
    (received) => { if (app.addFile(name, received).ok) verified.set(name, received); },
    (error) => app.fileUnavailable(name, error.message || String(error)))));
  return verified;
}

async function loadBundle(app, downloads) {
  app.setProgress(0.02, 'Loading the manifest');
  const manifestText = await downloads.manifestText;
  if (!app.setManifest(manifestText).ok) return;  // the app shows what is wrong
  const files = JSON.parse(manifestText).files;
  const total = Object.values(files).reduce((sum, f) => sum + f.bytes, 0);
  downloads.progress.onChange = () => {
    const bytes = Object.values(downloads.progress.received).reduce((a, b) => a + b, 0);
    const fraction = 0.05 + 0.9 * Math.min(1, bytes / total);
    app.setProgress(fraction, 'Downloading the movies and the taste model');
  };
  downloads.progress.onChange();
  const verified = await deliverFiles(app, downloads);
  if (app.loadPhase() !== 'ready') return;  // a start file failed: the app says which and why
  performance.mark('cinelocal:files-verified');
  // ONNX Runtime (1.8 MB brotli) only now, behind the usable page; it sees checked bytes only.
  const towerBytes = verified.get(TOWER_FILE);
  const contentModelBytes = verified.get(CONTENT_MODEL_FILE);
  if (!towerBytes && !contentModelBytes) return;  // the app ranks with its provisional taste
  const ort = await import('./ort/ort.wasm.min.mjs');
  configureOrt(ort, new URL('./ort/', import.meta.url).href);
  let tower = null;
  let contentModel = null;
  providePageMembers({
    embedUser(requestId, itemIndex, rating) {
      tower.embed(itemIndex, rating).then(
        (embedding) => app.userEmbeddingReady(requestId, embedding),
        (error) => app.userEmbeddingFailed(requestId, String(error && error.message || error)));
    },
    embedText(requestId, tokenIds) {
      contentModel.embedText(tokenIds).then(
        (embedding) => app.textEmbeddingReady(requestId, embedding),
        (error) => app.textEmbeddingFailed(requestId, String(error && error.message || error)));
    },
  });
  if (towerBytes) {
    try {
      tower = await createUserTower(ort, towerBytes);
      app.modelReady();
      performance.mark('cinelocal:model-ready');
    } catch (error) {
      app.fileUnavailable(TOWER_FILE, `ONNX Runtime could not start it (${error.message || error})`);
    }
  }
  // The description model starts after the taste model; its bytes were verified like every file.
  if (contentModelBytes) {
    createContentModel(ort, contentModelBytes).then((model) => {
      contentModel = model;
      app.contentModelReady();
    }, (error) => console.warn(`"describe it" is off: ${error.message || error}`));
  }
}

async function main() {
  performance.mark('cinelocal:boot');
  const downloads = startDownloads();
  const canvas = document.getElementById('canvas');
  let app;
  installKeyRouting();  // before the app's GLFW adds its key listeners
  try {
    app = await createApp({ canvas, print: console.log, printErr: console.warn, preRun: [loadFonts] });
  } catch (error) {
    showBootError(error.message || String(error));
    return;
  }
  performance.mark('cinelocal:app-started');
  document.body.classList.add('app-running');
  installBrowserPlatform(app, { imageBase: siteConfig.imageBase, imageHostAllowed });
  // A read-only view of what the app shows, for end-to-end tests.
  globalThis.cinelocalTest = {
    snapshot: () => JSON.parse(app.testSnapshot()),
    captureDrawnText: (on) => app.testCaptureDrawnText(on),  // snapshot().drawnText: the words on screen
  };
  try {
    await loadBundle(app, downloads);
  } catch (error) {
    app.loadingFailed(error.message || String(error));
  }
  registerServiceWorker();
}

main();
