// Text entry for phones and the clipboard: the page members setTextInputWanted, writeClipboard
// and readClipboard, for the wasm side (wasm/text_input.cpp through wasm/page_calls.cpp).
// - On-screen keyboard: a canvas cannot summon one, so while ImGui wants text and the last
//   pointer was a finger, a hidden <input> takes the focus; what the keyboard types there is
//   forwarded to ImGui (app.textTyped / app.keyTapped) and the field is emptied again. A real
//   keyboard's keys already reach ImGui through GLFW's window listeners, so text that follows a
//   real key press is not forwarded twice. (iOS opens the keyboard only for a focus inside the
//   touch's own handler; this covers Android and desktop touch screens.)
// - Clipboard: ImGui copies through navigator.clipboard; it pastes the text of the page's last
//   paste event (which comes with Ctrl+V before ImGui asks) or of its own last copy.
import { providePageMembers } from './page_interface.mjs';

const GLFW_KEY_ENTER = 257;
const GLFW_KEY_BACKSPACE = 259;
const SENTINEL = ' ';  // keeps Backspace producing an input event in an otherwise empty field

export function installTextInput(app, canvas) {
  const input = document.createElement('input');
  Object.assign(input, { type: 'text', autocomplete: 'off', spellcheck: false, id: 'text-input' });
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('aria-label', 'Text entry');
  // Invisible but focusable; 16px stops iOS from zooming into the field.
  Object.assign(input.style, { position: 'fixed', left: '0', bottom: '0', width: '1px', height: '1px',
                               opacity: '0', fontSize: '16px', border: '0', padding: '0' });
  document.body.append(input);

  let lastPointerWasTouch = false;
  let wanted = false;  // ImGui's WantTextInput as of the last frame
  let realKeyPending = false;  // a keydown GLFW has already turned into ImGui input
  let clipboard = '';
  const reset = () => { input.value = SENTINEL; input.setSelectionRange(1, 1); };
  const focusInput = () => {
    if (document.activeElement === input) return;
    reset();
    input.focus({ preventScroll: true });
  };

  window.addEventListener('pointerdown', (e) => { lastPointerWasTouch = e.pointerType === 'touch'; }, true);
  // A tap into a field that is already active changes nothing ImGui reports: look again once
  // the app has drawn the frames that saw the tap (after the browser's own focus change).
  canvas.addEventListener('touchend', () => {
    requestAnimationFrame(() => requestAnimationFrame(() => { if (wanted) focusInput(); }));
  });
  input.addEventListener('keydown', (e) => { realKeyPending = e.keyCode !== 229 && e.key !== 'Unidentified'; });
  input.addEventListener('compositionend', (e) => {
    if (e.data) app.textTyped(e.data);
    reset();
  });
  input.addEventListener('input', (e) => {
    const handled = realKeyPending;
    realKeyPending = false;
    if (e.isComposing) return;  // the whole word comes with compositionend
    if (!handled) {
      if (e.inputType === 'deleteContentBackward') app.keyTapped(GLFW_KEY_BACKSPACE);
      else if (e.inputType === 'insertLineBreak') app.keyTapped(GLFW_KEY_ENTER);
      else if (e.data) app.textTyped(e.data);
    }
    reset();
  });
  window.addEventListener('paste', (e) => {
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (text) clipboard = text;
    if (document.activeElement === input) e.preventDefault();  // ImGui pastes it, not the field
  }, true);

  providePageMembers({
    setTextInputWanted(wants) {
      wanted = wants;
      if (wants && lastPointerWasTouch) {
        focusInput();
      } else if (!wants && document.activeElement === input) {
        canvas.focus({ preventScroll: true });
      }
    },
    writeClipboard(text) {
      clipboard = text;
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
    },
    readClipboard: () => clipboard,
  });
}
