// Downloads of the site's own files with byte progress and clear errors.

export async function fetchBytes(url, onBytes = () => {}) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not download ${url} (${error.message}); check the connection and reload`);
  }
  if (!response.ok) throw new Error(`could not download ${url} (HTTP ${response.status})`);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onBytes(bytes.length);
    return bytes;
  }
  const chunks = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onBytes(received);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export async function fetchText(url) {
  return new TextDecoder().decode(await fetchBytes(url));
}
