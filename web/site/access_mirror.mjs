// The accessibility mirror: the app draws with Dear ImGui on a canvas, which a screen reader sees
// as one blank image. After each frame that changed them, the app hands over the widgets it drew
// (web/app/access_mirror.h): this module keeps one hidden DOM twin per widget, laid over it, with
// its role, name and state, in reading order, so assistive technology and the keyboard (Tab,
// Enter, Space, arrows) reach every control. A twin's activation goes back to the app, which
// presses the very widget the frame drew. The wasm side calls the page interface's
// updateAccessMirror (page_interface.mjs).
//
// Roles (as the app names them) and their twins:
//   button    <button> (aria-pressed when it toggles: watchlist, "not interested", a star)
//   link      <a href> (a film's card or row: opens its page)
//   checkbox  <button role=checkbox aria-checked> (a genre in the filter, posters in Settings)
//   choice    <a aria-current=page> in the screens' <nav>; elsewhere <button role=radio aria-checked>
//   slider    <div role=slider> with aria-valuenow/valuetext; arrow keys move it a step
//   searchbox the page's text field (text_input.mjs), a real <input>: a tap focuses it, so a
//             phone's keyboard opens on the first tap
//   combobox  <button aria-haspopup=listbox> (its choices appear as twins when it is open)
//   heading   <h2>; text <p> (a film page's title, facts and overview)
// Live regions: "status" says the app's announcements ("For you updated..."), "alert" each new notice.
import { providePageMembers } from './page_interface.mjs';

const MIRROR_ID = 'access-mirror';
const TEXT_INPUT_ID = 'text-input';  // text_input.mjs's field, which is the search box's twin

// Keys belong to the page, not to GLFW's window listeners, when the focus is on a twin (the DOM
// handles Tab, Enter, Space itself), and Tab always does (GLFW would swallow it). Escape goes on to
// the app (it closes ImGui's open lists). Must run before the app starts: listeners on one target
// run in the order they were added.
export function installKeyRouting() {
  const route = (event) => {
    const target = event.target;
    const onTwin = target instanceof Element && target.id !== TEXT_INPUT_ID && target.closest(`#${MIRROR_ID}`);
    if (event.key === 'Tab' || (onTwin && event.key !== 'Escape')) event.stopImmediatePropagation();
  };
  for (const type of ['keydown', 'keypress', 'keyup']) window.addEventListener(type, route, true);
}

function visuallyHidden(element) {
  // Invisible but in the accessibility tree and focusable (display:none or visibility:hidden would not be).
  Object.assign(element.style, { position: 'absolute', margin: '0', padding: '0', border: '0', opacity: '0',
                                 overflow: 'hidden', whiteSpace: 'nowrap', fontSize: '12px', pointerEvents: 'none' });
}

function liveRegion(role) {
  const region = document.createElement('div');
  region.setAttribute('role', role);
  region.setAttribute('aria-live', role === 'alert' ? 'assertive' : 'polite');
  visuallyHidden(region);
  Object.assign(region.style, { left: '0', top: '0', width: '1px', height: '1px' });
  return region;
}

function makeTwin(widget, inNav, textInput) {
  let element;
  switch (widget.role) {
    case 'searchbox': return textInput;
    case 'link': element = document.createElement('a'); element.href = '#'; break;
    case 'choice':
      if (inNav) { element = document.createElement('a'); element.href = '#'; break; }
      element = document.createElement('button');
      element.setAttribute('role', 'radio');
      break;
    case 'checkbox': element = document.createElement('button'); element.setAttribute('role', 'checkbox'); break;
    case 'combobox': element = document.createElement('button'); element.setAttribute('aria-haspopup', 'listbox'); break;
    case 'slider': element = document.createElement('div'); element.setAttribute('role', 'slider'); element.tabIndex = 0; break;
    case 'heading': element = document.createElement('h2'); break;
    case 'text': element = document.createElement('p'); break;
    default: element = document.createElement('button');
  }
  if (element instanceof HTMLButtonElement) element.type = 'button';
  visuallyHidden(element);
  element.dataset.twin = widget.id;
  element.dataset.role = widget.role;
  return element;
}

function describe(element, widget, inNav) {
  if (widget.role === 'searchbox') {
    element.setAttribute('role', 'searchbox');
    element.setAttribute('aria-label', widget.name);
    return;
  }
  if (widget.role === 'slider') {
    element.setAttribute('aria-label', widget.name);
    element.setAttribute('aria-valuemin', widget.min);
    element.setAttribute('aria-valuemax', widget.max);
    element.setAttribute('aria-valuenow', widget.value);
    element.setAttribute('aria-valuetext', widget.valueText);
    return;
  }
  if (element.textContent !== widget.name) element.textContent = widget.name;
  if (widget.checked === undefined) return;
  if (widget.role === 'choice' && inNav) {
    if (widget.checked) element.setAttribute('aria-current', 'page');
    else element.removeAttribute('aria-current');
  } else if (widget.role === 'button') {
    element.setAttribute('aria-pressed', String(widget.checked));
  } else {
    element.setAttribute('aria-checked', String(widget.checked));
  }
}

function place(element, rect, ratio, searchbox, offscreen) {
  const [x, w, h] = [rect[0], rect[2], rect[3]].map((v) => v / ratio);
  // Out of view (the app scrolls to it once it has the focus): kept inside the page's box, so a
  // focus there never scrolls the mirror itself away from the canvas.
  const y = offscreen ? Math.min(Math.max(rect[1] / ratio, 0), Math.max(0, window.innerHeight - h)) : rect[1] / ratio;
  Object.assign(element.style, { left: `${x}px`, top: `${y}px`, width: `${w}px`, height: `${h}px` });
  // The search box's twin takes the finger itself (a phone's keyboard opens only for a focus in
  // the tap's own handler); every other twin lets the pointer through to the canvas.
  if (searchbox) Object.assign(element.style, { position: 'absolute', pointerEvents: 'auto', bottom: '' });
}

// The twins in blocks: the screens' navigation, each card's group, and loose widgets.
function blocksOf(widgets) {
  const blocks = [];
  let looseRuns = 0;
  for (const widget of widgets) {
    const nav = widget.role === 'choice' && widget.id.startsWith('nav/');
    // A film can be in two lists at once (quick picks and "For you"): its groups are told apart
    // by the list part of the ids ("quick:356/..." and "foryou:356/...").
    const list = widget.id.slice(0, widget.id.lastIndexOf('/'));
    const kind = nav ? 'nav' : widget.group ? `group:${list}:${widget.group}` : 'loose';
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind) {
      last.widgets.push(widget);
      continue;
    }
    const key = kind === 'loose' ? `loose:${looseRuns++}` : kind;
    blocks.push({ key, kind, label: widget.group || '', nav, widgets: [widget] });
  }
  return blocks;
}

// Makes `parent`'s children exactly `children`, moving nothing that is already in place, and
// gives the focus back when a move took it away.
function reconcile(parent, children) {
  const current = Array.from(parent.children);
  if (current.length === children.length && current.every((child, i) => child === children[i])) return;
  const focused = document.activeElement;
  parent.replaceChildren(...children);
  if (focused && focused !== document.activeElement && focused.isConnected) focused.focus({ preventScroll: true });
}

export function installAccessMirror(app, canvas) {
  const root = document.createElement('div');
  root.id = MIRROR_ID;
  Object.assign(root.style, { position: 'fixed', inset: '0', overflow: 'hidden', pointerEvents: 'none' });
  const main = document.createElement('main');
  const status = liveRegion('status');
  const alert = liveRegion('alert');
  root.append(main, status, alert);
  canvas.after(root);  // right after the canvas: Tab from the canvas lands on the first twin

  const twins = new Map();    // widget id -> element
  const blocks = new Map();   // block key -> container element
  let lastSerial = 0;
  let knownNotices = new Set();
  let focusedId = '';

  const textInput = () => document.getElementById(TEXT_INPUT_ID);
  root.addEventListener('click', (event) => {
    const twin = event.target.closest('[data-twin]');
    if (!twin || twin.id === TEXT_INPUT_ID) return;
    event.preventDefault();  // a link twin's href is only there to make it a link
    app.accessActivate(twin.dataset.twin);
  });
  root.addEventListener('keydown', (event) => {
    const twin = event.target.closest('[data-role="slider"]');
    if (!twin) return;
    const steps = { ArrowRight: 1, ArrowUp: 1, PageUp: 1, ArrowLeft: -1, ArrowDown: -1, PageDown: -1 }[event.key];
    if (!steps) return;
    event.preventDefault();
    app.accessAdjust(twin.dataset.twin, steps);
  });
  root.addEventListener('focusin', (event) => {
    const twin = event.target.closest('[data-twin]');
    focusedId = twin ? twin.dataset.twin : '';
    app.accessFocus(focusedId);
    // The search box's twin is the text field itself: focusing it puts the app's cursor there.
    if (twin && twin.id === TEXT_INPUT_ID) app.accessActivate(focusedId);
  });
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget)) app.accessFocus(focusedId = '');
  });

  function update(json) {
    const tree = JSON.parse(json);
    const hadFocus = root.contains(document.activeElement);
    const ratio = tree.pixelRatio || 1;
    const seen = new Set();
    const usedBlocks = new Set();
    const containers = [];
    for (const block of blocksOf(tree.widgets)) {
      let container = blocks.get(block.key);
      if (!container) {
        container = document.createElement(block.nav ? 'nav' : 'div');
        if (block.kind.startsWith('group:')) container.setAttribute('role', 'group');
        blocks.set(block.key, container);
      }
      if (block.label) container.setAttribute('aria-label', block.label);
      usedBlocks.add(block.key);
      const children = block.widgets.map((widget) => {
        seen.add(widget.id);
        let twin = twins.get(widget.id);
        if (!twin || twin.dataset.role !== widget.role) {
          twin = makeTwin(widget, block.nav, textInput());
          if (!twin) return null;
          twin.dataset.twin = widget.id;
          twin.dataset.role = widget.role;
          twins.set(widget.id, twin);
        }
        describe(twin, widget, block.nav);
        place(twin, widget.rect, ratio, widget.role === 'searchbox', widget.offscreen);
        return twin;
      }).filter(Boolean);
      reconcile(container, children);
      containers.push(container);
    }
    for (const [id, twin] of twins) {
      if (seen.has(id)) continue;
      twins.delete(id);
      if (twin.id === TEXT_INPUT_ID) {  // text_input.mjs still needs it, out of the pointer's way
        twin.style.pointerEvents = 'none';
        document.body.append(twin);
      }
    }
    for (const key of blocks.keys()) if (!usedBlocks.has(key)) blocks.delete(key);
    reconcile(main, containers);
    // The widget with the focus went away (its screen changed): the focus goes to the first control
    // of what is shown now, past the screens' navigation, as a page's focus would after a link.
    if (hadFocus && !root.contains(document.activeElement)) {
      const next = main.querySelector(':scope > :not(nav) [data-twin]:is(button, a, [tabindex])');
      if (next) next.focus({ preventScroll: true });
    }
    if (tree.announcement.serial !== lastSerial) {
      lastSerial = tree.announcement.serial;
      status.textContent = tree.announcement.text;
    }
    const fresh = tree.notices.filter((notice) => !knownNotices.has(notice));
    if (fresh.length) alert.textContent = fresh.join(' ');
    knownNotices = new Set(tree.notices);
  }

  providePageMembers({ updateAccessMirror: update });
}
