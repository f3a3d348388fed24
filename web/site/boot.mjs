// Starts the app: loads the wasm app, downloads and verifies the bundle (the core checks every
// file's size and sha256 against manifest.json), starts the user tower in ONNX Runtime Web.
// privacy_setup.mjs comes first: the request counter and the Content-Security-Policy are in
// place before the app loads anything.
import { siteConfig, imageHostAllowed } from './privacy_setup.mjs';
import createApp from './cinelocal_app.mjs';
import * as ort from './ort/ort.wasm.min.mjs';
import { configureOrt, createContentModel, createUserTower } from './ort_bridge.mjs';
import { fetchBytes, fetchText } from './bundle_fetch.mjs';
import { installBrowserPlatform } from './browser_platform.mjs';
import { registerServiceWorker } from './service_worker.mjs';
import { fontPreloader } from './font_files.mjs';

const BUNDLE = new URL('./bundle/', import.meta.url);
const loadFonts = fontPreloader(new URL('./', import.meta.url));  // downloads start with the page
const TOWER_FILE = 'user_tower.onnx';
const CONTENT_MODEL_FILE = 'content_model.onnx';  // optional: the "describe it" search

function showBootError(message) {
  document.getElementById('boot-status').textContent = `CineLocal could not start: ${message}`;
}

// All files download at once; the user tower starts in ONNX Runtime as soon as its own bytes
// are verified, while the catalogue and the item table are still arriving.
async function loadBundle(app) {
  app.setProgress(0.02, 'Loading the manifest');
  const manifestText = await fetchText(new URL('manifest.json', BUNDLE));
  if (app.setManifest(manifestText)) return;  // the app shows what is wrong
  const files = JSON.parse(manifestText).files;
  const total = Object.values(files).reduce((sum, f) => sum + f.bytes, 0);
  const received = {};
  const showProgress = () => {
    const bytes = Object.values(received).reduce((a, b) => a + b, 0);
    app.setProgress(0.05 + 0.8 * Math.min(1, bytes / total), 'Downloading the movies and the taste model');
  };

  configureOrt(ort, new URL('./ort/', import.meta.url).href);
  let towerStarting = null;
  let contentModelBytes = null;
  await Promise.all(Object.keys(files).map(async (name) => {
    const bytes = await fetchBytes(new URL(name, BUNDLE), (n) => { received[name] = n; showProgress(); });
    app.addFile(name, bytes);
    if (name === TOWER_FILE) {
      // Only verified bytes reach ONNX Runtime: a corrupt model could abort its whole instance.
      const problem = app.verifyFile(name, bytes);
      if (problem) throw new Error(problem);
      towerStarting = createUserTower(ort, bytes);
      towerStarting.catch(() => {});  // awaited below; this only silences an early rejection
    }
    if (name === CONTENT_MODEL_FILE) contentModelBytes = bytes;
  }));
  app.setProgress(0.88, 'Checking the files');
  if (app.assembleBundle()) return;
  app.setProgress(0.92, 'Starting the taste model');
  const tower = await towerStarting;
  let contentModel = null;
  globalThis.cinelocalBridge = {
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
  };
  app.setProgress(1, 'Ready');
  app.modelReady();
  // The description model starts after the app is usable; the core verified its bytes in
  // assembleBundle, so ONNX Runtime only ever sees a checked model.
  if (contentModelBytes) {
    createContentModel(ort, contentModelBytes).then((model) => {
      contentModel = model;
      app.contentModelReady();
    }, (error) => console.warn(`"describe it" is off: ${error.message || error}`));
  }
}

async function main() {
  const canvas = document.getElementById('canvas');
  let app;
  try {
    app = await createApp({ canvas, print: console.log, printErr: console.warn, preRun: [loadFonts] });
  } catch (error) {
    showBootError(error.message || String(error));
    return;
  }
  document.body.classList.add('app-running');
  installBrowserPlatform(app, { imageBase: siteConfig.imageBase, imageHostAllowed });
  // A read-only view of what the app shows, for end-to-end tests.
  globalThis.cinelocalTest = { snapshot: () => JSON.parse(app.testSnapshot()) };
  try {
    await loadBundle(app);
  } catch (error) {
    app.loadingFailed(error.message || String(error));
  }
  registerServiceWorker();
}

main();
