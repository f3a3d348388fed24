// The one object through which the wasm app asks the page for anything (globalThis.cinelocalPage;
// the EM_JS shims of wasm/page_calls.cpp are its only callers). Each module adds the members it owns:
//   browser_platform.mjs: stats, requestMovieDetails, requestPoster, posterConsent, setPosterConsent,
//     requestCountsByOrigin, saveFile, openFile, withStorageLock, storageUsage, requestPersistentStorage
//   access_mirror.mjs:   updateAccessMirror
//   text_input.mjs:      setTextInputWanted, writeClipboard, readClipboard
//   boot.mjs:            loadDescribeFiles (once the manifest is in), embedUser, embedText (called
//                        only once the app was told the model runs)
// A member not installed yet is absent; the shims check before they call. The other direction, the
// page calling the app, is the app module's own list (wasm/page_exports.cpp).
export const pageInterface = (globalThis.cinelocalPage ??= {});

export function providePageMembers(members) {
  Object.assign(pageInterface, members);
}
