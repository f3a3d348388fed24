// Touch on the canvas for Emscripten's GLFW, which turns touchstart/touchend into mouse presses
// but never moves the cursor for them (its touch coordinates exist only for SDL): a press would
// land wherever the mouse was last. Before GLFW sees a touch, a mousemove to the finger moves
// the cursor there; the browser's compatibility mouse events after the touch are cancelled, or
// every tap would reach ImGui as two clicks.
export function installTouchInput(canvas) {
  const moveCursorTo = (touch) => canvas.dispatchEvent(new MouseEvent('mousemove', {
    clientX: touch.clientX, clientY: touch.clientY, screenX: touch.screenX, screenY: touch.screenY, bubbles: true,
  }));
  const onTouch = (event) => {
    if (event.target !== canvas || event.changedTouches.length === 0) return;
    moveCursorTo(event.changedTouches[0]);
    if (event.type === 'touchend') event.preventDefault();  // no mousedown/mouseup/click afterwards
  };
  // On window in the capture phase: runs before GLFW's own listeners on the canvas.
  for (const type of ['touchstart', 'touchmove', 'touchend']) window.addEventListener(type, onTouch, { capture: true, passive: false });
}
