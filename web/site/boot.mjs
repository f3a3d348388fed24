// Starts the app: loads the wasm app, downloads and verifies the bundle (the core checks every
// file's size and sha256 against manifest.json), starts the user tower in ONNX Runtime Web.
import createApp from './cinelocal_app.mjs';
import * as ort from './ort/ort.wasm.min.mjs';
import { configureOrt, createUserTower } from './ort_bridge.mjs';
import { fetchBytes, fetchText } from './bundle_fetch.mjs';

const BUNDLE = new URL('./bundle/', import.meta.url);
const FILE_LABELS = {
  'catalogue.json': 'Loading the movie catalogue',
  'item_table.bin': 'Loading movie embeddings',
  'user_tower.onnx': 'Loading the taste model',
};

function showBootError(message) {
  document.getElementById('boot-status').textContent = `CineLocal could not start: ${message}`;
}

async function loadBundle(app) {
  app.setProgress(0.02, 'Loading the manifest');
  const manifestText = await fetchText(new URL('manifest.json', BUNDLE));
  const manifestError = app.setManifest(manifestText);
  if (manifestError) return;
  const files = JSON.parse(manifestText).files;
  const total = Object.values(files).reduce((sum, f) => sum + f.bytes, 0);
  let done = 0;
  let towerBytes = null;
  for (const [name, entry] of Object.entries(files)) {
    const label = FILE_LABELS[name] || `Loading ${name}`;
    const bytes = await fetchBytes(new URL(name, BUNDLE), (received) => {
      app.setProgress(0.05 + 0.8 * Math.min(1, (done + received) / total), label);
    });
    app.addFile(name, bytes);
    if (name === 'user_tower.onnx') towerBytes = bytes;
    done += entry.bytes;
  }
  app.setProgress(0.88, 'Checking the files');
  if (app.assembleBundle()) return;  // the app shows what is wrong

  // Only verified bytes reach ONNX Runtime: a corrupt model could abort its whole instance.
  app.setProgress(0.92, 'Starting the taste model');
  configureOrt(ort, new URL('./ort/', import.meta.url).href);
  const tower = await createUserTower(ort, towerBytes);
  globalThis.cinelocalBridge = {
    embedUser(requestId, itemIndex, rating) {
      tower.embed(itemIndex, rating).then(
        (embedding) => app.userEmbeddingReady(requestId, embedding),
        (error) => app.userEmbeddingFailed(requestId, String(error && error.message || error)));
    },
  };
  app.setProgress(1, 'Ready');
  app.modelReady();
}

async function main() {
  const canvas = document.getElementById('canvas');
  let app;
  try {
    app = await createApp({ canvas, print: console.log, printErr: console.warn });
  } catch (error) {
    showBootError(error.message || String(error));
    return;
  }
  document.body.classList.add('app-running');
  // A read-only view of what the app shows, for end-to-end tests.
  globalThis.cinelocalTest = { snapshot: () => JSON.parse(app.testSnapshot()) };
  try {
    await loadBundle(app);
  } catch (error) {
    app.loadingFailed(error.message || String(error));
  }
}

main();
