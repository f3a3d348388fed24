// The UI's fonts are plain site files (fonts/, subset at build time by scripts/subset_fonts.py),
// not packed into the app's .data: the subset needs the catalogue, which is built after the app
// is linked. They download while the app's wasm compiles; main() waits for them (a run
// dependency) and opens them from Emscripten's file system where wasm/app_main.cpp expects them.
const FONT_NAMES = ['DejaVuSans.ttf', 'fontawesome-webfont.ttf'];
const FS_FOLDER = '/fonts';

// Starts the downloads now; returns the preRun hook for createApp's module options. A missing
// font is left out (the app then draws with ImGui's built-in font) rather than stopping the start.
export function fontPreloader(siteUrl, fetchFn = fetch) {
  const downloads = FONT_NAMES.map((name) => fetchFn(new URL(`fonts/${name}`, siteUrl))
    .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((buffer) => ({ name, bytes: new Uint8Array(buffer) }),
          (error) => { console.warn(`font ${name} not loaded (${error.message}): using ImGui's own`); return null; }));
  return (module) => {
    module.addRunDependency('cinelocal-fonts');
    Promise.all(downloads).then((fonts) => {
      module.FS_createPath('/', FS_FOLDER.slice(1), true, true);
      for (const font of fonts.filter(Boolean)) module.FS_createDataFile(FS_FOLDER, font.name, font.bytes, true, false, false);
      module.removeRunDependency('cinelocal-fonts');
    });
  };
}
