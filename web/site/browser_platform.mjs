// What the wasm app's platform (wasm/browser_platform.cpp, wasm/browser_media.cpp) calls in the
// page, installed in the page interface (page_interface.mjs); answers go back through the app's embind
// functions (movieDetailsReady, posterReady/Failed/Dropped, fileOpened). Also installs the
// on-screen keyboard and clipboard bridge (text_input.mjs), touch fixes (touch_input.mjs) and the
// accessibility mirror (access_mirror.mjs).
import { createMovieMetadata } from './movie_metadata.mjs';
import { createPosterLoader, NO_POSTER } from './poster_loader.mjs';
import { posterConsent, storePosterConsent } from './poster_consent.mjs';
import { contentPolicy, installContentPolicy } from './content_policy.mjs';
import { refreshWorkerCounts, requestCountsByOrigin } from './request_counter.mjs';
import { openTextFile, saveTextFile } from './file_transfer.mjs';
import { installProfileStorage } from './profile_storage.mjs';
import { installTextInput } from './text_input.mjs';
import { installTouchInput } from './touch_input.mjs';
import { installAccessMirror } from './access_mirror.mjs';
import { providePageMembers } from './page_interface.mjs';

// The file types offered for each purpose (ui::file_purpose_name's words).
const FILE_TYPES = {
  import_ratings: '.csv,text/csv',
  import_backup: '.json,application/json',
  movie_night_profile: '.json,application/json',
};

// site: { imageBase, imageHostAllowed } from privacy_setup.mjs.
export function installBrowserPlatform(app, site) {
  const metadata = createMovieMetadata(new URL('./bundle/meta/', import.meta.url));
  const canLoadPosters = () => site.imageHostAllowed && posterConsent() === 'allowed';
  // Read-only numbers for tests, diagnostics and Settings (postersNotLoaded: TMDB has the poster
  // but it did not arrive, e.g. offline).
  const stats = { postersLoaded: 0, postersFailed: 0, postersNotLoaded: 0 };
  const posters = createPosterLoader({
    imageBase: site.imageBase,
    metadata,
    onBitmap(movieId, bitmap) {
      if (canLoadPosters()) {
        app.posterReady(movieId, app.uploadPosterTexture(bitmap), bitmap.width, bitmap.height);
        stats.postersLoaded += 1;
      } else {
        app.posterDropped(movieId);
      }
      bitmap.close();
    },
    onFailed(movieId, reason) {
      stats.postersFailed += 1;
      if (reason !== NO_POSTER) stats.postersNotLoaded += 1;
      app.posterFailed(movieId);
    },
    onDropped: (movieId) => app.posterDropped(movieId),
  });
  installTextInput(app, document.getElementById('canvas'));
  installTouchInput(document.getElementById('canvas'));
  installAccessMirror(app, document.getElementById('canvas'));
  refreshWorkerCounts();
  setInterval(refreshWorkerCounts, 2000);
  const storage = installProfileStorage(app);

  providePageMembers({
    stats: () => ({ ...stats }),
    requestMovieDetails(movieId) {
      metadata.details(movieId).then((d) => app.movieDetailsReady(movieId, d.overview, d.runtime, d.posterPath !== ''),
                                     (error) => app.movieDetailsFailed(movieId, String(error && error.message || error)));
    },
    requestPoster(movieId) {
      if (canLoadPosters()) posters.request(movieId);
      else queueMicrotask(() => app.posterFailed(movieId));
    },
    posterConsent,
    setPosterConsent(allowed) {
      storePosterConsent(allowed);
      if (allowed && !site.imageHostAllowed) {
        // This page's policy does not allow the image host and cannot be loosened: start again.
        setTimeout(() => location.reload(), 0);
      } else if (!allowed) {
        posters.cancelAll();
        installContentPolicy(contentPolicy(null));  // tightening works without a reload
        site.imageHostAllowed = false;
      }
    },
    requestCountsByOrigin,
    saveFile: saveTextFile,
    openFile(purpose) {
      openTextFile(FILE_TYPES[purpose] ?? '', (name, text) => app.fileOpened && app.fileOpened(purpose, name, text),
                   (name, message) => console.warn(`could not read ${name}: ${message}`));
    },
    withStorageLock: storage.withStorageLock,
    storageUsage: storage.storageUsage,
    requestPersistentStorage: storage.requestPersistentStorage,
  });
}
