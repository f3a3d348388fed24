// Starts the app: downloads the bundle while the wasm app starts, has the core verify it (every
// file's size and sha256 against manifest.json), then starts the user tower in ONNX Runtime Web.
// Describe-it's files wait until the app asks for them (bundle_files.mjs).
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
import { loadedAtStart } from './bundle_files.mjs';

const BUNDLE = new URL('./bundle/', import.meta.url);
const loadFonts = fontPreloader(new URL('./', import.meta.url));  // downloads start with the page
const TOWER_FILE = 'user_tower.onnx';
const CONTENT_MODEL_FILE = 'content_model.onnx';  // optional: the "describe it" search, loaded on first use

function showBootError(message) {
  document.getElementById('boot-status').textContent = `CineLocal could not start: ${message}`;
}

// The bundle's downloads start with the page, before the app exists: on a first visit they
// overlap the app's own start (wasm, WebGL context, font atlas: ~0.8 s in headless Chromium).
// Nothing here needs the app; every byte is verified by the core before use (assembleBundle).
function startDownloads() {
  const progress = { received: {}, onChange: () => {} };
  const manifestText = fetchText(new URL('manifest.json', BUNDLE));
  const startNames = (text) => Object.keys(JSON.parse(text).files).filter(loadedAtStart);
  const files = manifestText.then((text) => new Map(startNames(text).map((name) => {
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
// make it personal, the taste model follows. Resolves to the bytes that passed.
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
  const total = Object.entries(files).filter(([name]) => loadedAtStart(name)).reduce((sum, [, f]) => sum + f.bytes, 0);
  downloads.progress.onChange = () => {
    const bytes = Object.values(downloads.progress.received).reduce((a, b) => a + b, 0);
    const fraction = 0.05 + 0.9 * Math.min(1, bytes / total);
    app.setProgress(fraction, 'Downloading the movies and the taste model');
  };
  downloads.progress.onChange();
  const models = modelRunner(app);
  providePageMembers({ loadDescribeFiles: describeLoader(app, files, models) });
  const verified = await deliverFiles(app, downloads);
  if (app.loadPhase() !== 'ready') return;  // a start file failed: the app says which and why
  performance.mark('cinelocal:files-verified');
  await models.startTower(verified.get(TOWER_FILE));
}

// ONNX Runtime (1.8 MB brotli) is imported only when a model is to run, behind the usable page;
// it sees checked bytes only. The taste model starts first; the description model after it.
function modelRunner(app) {
  let ortModule = null;
  let tower = null;
  let contentModel = null;
  let towerSettled;
  const towerDone = new Promise((resolve) => { towerSettled = resolve; });
  const ort = () => (ortModule ??= import('./ort/ort.wasm.min.mjs').then((module) => {
    configureOrt(module, new URL('./ort/', import.meta.url).href);
    return module;
  }));
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
  return {
    async startTower(towerBytes) {
      try {
        if (!towerBytes) return;  // the app ranks with its provisional taste
        tower = await createUserTower(await ort(), towerBytes);
        app.modelReady();
        performance.mark('cinelocal:model-ready');
      } catch (error) {
        app.fileUnavailable(TOWER_FILE, `ONNX Runtime could not start it (${error.message || error})`);
      } finally {
        towerSettled();
      }
    },
    async startContentModel(bytes) {
      await towerDone;
      try {
        contentModel = await createContentModel(await ort(), bytes);
        app.contentModelReady();
      } catch (error) {
        app.fileUnavailable(CONTENT_MODEL_FILE, `ONNX Runtime could not start it (${error.message || error})`);
      }
    },
  };
}

// cinelocalPage.loadDescribeFiles: the app asks once (again after a failure, "Try again"). Each
// file goes to the app as it arrives; the core verifies it like every other.
function describeLoader(app, manifestFiles, models) {
  const delivered = new Set();
  return () => Object.keys(manifestFiles).filter((name) => !loadedAtStart(name) && !delivered.has(name)).forEach(async (name) => {
    let bytes;
    try {
      bytes = await fetchBytes(new URL(name, BUNDLE));
    } catch (error) {
      app.fileUnavailable(name, error.message || String(error));
      return;
    }
    if (!app.addFile(name, bytes).ok) return;  // the app says what is wrong
    delivered.add(name);
    if (name === CONTENT_MODEL_FILE) models.startContentModel(bytes);
  });
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
