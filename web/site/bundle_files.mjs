// Which bundle files the page downloads at the start and which on first use. Describe-it's files
// (about 0.9 MB brotli at ml-latest-small size, a third of the site) wait until the app asks for
// them (cinelocalPage.loadDescribeFiles: Describe chosen, or a film page whose similar films come
// from their text). The service worker leaves them out of its precache and keeps them once
// fetched (scripts/write_sw_manifest.mjs): a visit that never describes never downloads them.
export const ON_FIRST_USE_FILES = Object.freeze(['content_vocab.json', 'text_index.bin', 'content_model.onnx']);

export const loadedAtStart = (name) => !ON_FIRST_USE_FILES.includes(name);
