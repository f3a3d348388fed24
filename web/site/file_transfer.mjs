// The visitor's own files: downloads (export) and the browser's file dialog (import).

export function saveTextFile(fileName, mimeType, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType || 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);  // the download has started by then
}

// Opens the file dialog (needs the user activation of the click that asked for it);
// onText(name, text) when a file was chosen and read. Cancelling calls nothing.
export function openTextFile(accept, onText, onError) {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.style.display = 'none';
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    input.remove();
    if (!file) return;
    try {
      onText(file.name, await file.text());
    } catch (error) {
      onError(file.name, String(error && error.message || error));
    }
  });
  document.body.append(input);
  input.click();
}
