// The page's side of the profile's storage (wasm/browser_platform.cpp and web/app/profile_store.cpp):
// - withStorageLock(id): runs the app's read-merge-write task holding the Web Lock every tab of
//   the site shares, so two tabs never interleave their read and write; without Web Locks it
//   runs at once (the merge on the storage event still repairs a lost write).
// - another tab's write fires the storage event here: the app merges the stored copy in at once.
// - storageUsage(): bytes localStorage holds of its quota, for the warning before it is full.
// - requestPersistentStorage(): navigator.storage.persist(), its answer handed to the app.
// localStorage, not IndexedDB: bench/storage_bench.mjs measured both (README, "Storage").
export const PROFILE_KEY = 'cinelocal.profile';
export const LOCK_NAME = 'cinelocal.profile';
// What browsers give localStorage per origin: Chromium, Firefox and Safari all keep 5 M UTF-16
// code units (10 MB); bench/storage_bench.mjs measured Chromium's. Counted as 2 bytes a unit.
export const LOCAL_STORAGE_QUOTA_BYTES = 10 * 1024 * 1024;

export function localStorageUsedBytes(storage = globalThis.localStorage) {
  let units = 0;
  for (let i = 0; i < storage.length; ++i) {
    const key = storage.key(i);
    units += key.length + (storage.getItem(key) || '').length;
  }
  return units * 2;
}

export function installProfileStorage(app) {
  addEventListener('storage', (event) => {
    // event.key is null when another tab cleared all storage: re-read in that case too.
    if (event.key === PROFILE_KEY || event.key === null) app.profileChangedElsewhere();
  });
  return {
    withStorageLock(taskId) {
      const run = () => app.runStorageTask(taskId);
      if (!navigator.locks) {
        run();
        return;
      }
      navigator.locks.request(LOCK_NAME, run).catch((error) => {
        console.warn(`storage lock: ${error.message || error}; saving without it`);
        run();  // the task runs once: runStorageTask forgets an id it has run
      });
    },
    storageUsage() {
      try {
        return { usedBytes: localStorageUsedBytes(), quotaBytes: LOCAL_STORAGE_QUOTA_BYTES };
      } catch {
        return null;  // blocked storage
      }
    },
    requestPersistentStorage() {
      if (!navigator.storage || !navigator.storage.persist) return;
      navigator.storage.persisted()
        .then((already) => already || navigator.storage.persist())
        .then((granted) => app.persistentStorageAnswer(Boolean(granted)), () => app.persistentStorageAnswer(false));
    },
  };
}
