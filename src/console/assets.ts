/*
 * The console's one stylesheet and one script, served from /console/assets/ so that the
 * Content-Security-Policy can forbid inline script and style outright.
 */

export const CONSOLE_CSS = `
:root { --fg: #1d2430; --muted: #5b6575; --line: #d9dee7; --bg: #f6f7f9; --accent: #1f5fbf; --warn: #a15c00; --bad: #b3261e; --cue: #fff4d6; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; gap: 1rem; align-items: center; padding: .6rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
header .spacer { flex: 1; }
header a, header button { color: var(--accent); }
main { padding: 1rem; max-width: 1200px; margin: 0 auto; }
h1 { font-size: 1.2rem; margin: .2rem 0 1rem; }
h2 { font-size: 1rem; margin: 1.2rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
tr.selected { outline: 2px solid var(--accent); }
.p0 { color: var(--bad); font-weight: 600; } .p1 { color: var(--warn); font-weight: 600; }
.overdue { color: var(--bad); }
.banner { padding: .6rem 1rem; background: #fdecea; border: 1px solid #f5c2c0; margin-bottom: 1rem; }
.notice { padding: .6rem 1rem; background: #eef4ff; border: 1px solid #c9dafc; margin-bottom: 1rem; }
.grid { display: grid; grid-template-columns: 2fr 1fr; gap: 1rem; }
.card { background: #fff; border: 1px solid var(--line); padding: .8rem 1rem; margin-bottom: 1rem; }
.timeline .event { border-left: 3px solid var(--line); padding: .3rem .6rem; margin: .4rem 0; background: #fff; }
.timeline .event.cue { border-left-color: var(--warn); background: var(--cue); }
.timeline .meta { color: var(--muted); font-size: 12px; }
.reasons li { margin: .2rem 0; }
.muted { color: var(--muted); }
form.inline { display: inline; }
button, select, input, textarea { font: inherit; }
button { padding: .3rem .7rem; cursor: pointer; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 .3rem; font-size: 12px; background: #fff; }
/* Wellness: media stays covered until asked for: a server-blurred greyscale copy, then the full item; nothing persists a reveal. */
.media { position: relative; display: inline-block; width: 240px; min-height: 120px; margin: .3rem .3rem 0 0; background: #e9ecf1; border: 1px solid var(--line); vertical-align: top; }
/* No CSS blur: the server sends a blurred copy first (media-preview.ts), the full item only on a second click. */
.media img, .media video { width: 100%; display: block; }
.media .controls { display: flex; gap: .4rem; padding: .3rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.media .cover { position: absolute; inset: 0; display: flex; flex-direction: column; gap: .3rem; align-items: center; justify-content: center; text-align: center; font-size: 12px; color: var(--muted); padding: .5rem; }
.media.revealed .cover { display: none; }
.login { max-width: 360px; margin: 10vh auto; background: #fff; border: 1px solid var(--line); padding: 1.5rem; }
.login label { display: block; margin: .6rem 0 .2rem; }
.login input { width: 100%; padding: .4rem; }
.error { color: var(--bad); }
.tabs { display: flex; flex-wrap: wrap; gap: .3rem .8rem; margin-bottom: .5rem; }
.tabs a[aria-current="page"] { font-weight: 600; text-decoration: none; color: var(--fg); }
a.attention, .tabs a.attention { color: var(--bad); font-weight: 600; }
.card.attention { border-color: #f5c2c0; border-left: 4px solid var(--bad); }
.tag { font-size: 12px; padding: 0 .4rem; border: 1px solid var(--line); border-radius: 3px; background: var(--cue); }
form.stack { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .5rem 0; }
.scroll { overflow-x: auto; }
.notices { list-style: none; padding: 0; }
/* The report editor: one labelled control per field, its error beside it. */
.report-form fieldset { border: 1px solid var(--line); margin: 0 0 1rem; padding: .5rem .8rem; }
.report-form legend { font-weight: 600; padding: 0 .3rem; }
.field { margin: .5rem 0; display: flex; flex-direction: column; gap: .2rem; max-width: 60rem; }
.field.check { flex-direction: row; align-items: center; gap: .5rem; }
.field input:not([type=checkbox]), .field select, .field textarea { width: 100%; padding: .35rem; border: 1px solid #8a93a3; border-radius: 3px; background: #fff; }
.field [aria-invalid=true] { border-color: var(--bad); outline: 1px solid var(--bad); }
.field .hint, .field .error { margin: 0; font-size: 12px; }
textarea.json { width: 100%; font-family: ui-monospace, monospace; font-size: 12px; }
pre.wrap { white-space: pre-wrap; word-break: break-word; }
.summary { font-size: 15px; }
.sev-critical { color: var(--bad); font-weight: 600; } .sev-high { color: var(--warn); font-weight: 600; }
q.note { color: var(--muted); }
/* A phone (390 px): one column, the header wraps, wide tables scroll inside their box, long ids break. */
h1, .meta, td, dd { overflow-wrap: anywhere; }
.card li { overflow-wrap: anywhere; }
@media (max-width: 800px) {
  main { padding: .5rem; }
  header { flex-wrap: wrap; gap: .4rem .8rem; }
  header .spacer { display: none; }
  .grid { grid-template-columns: minmax(0, 1fr); }
  .scroll, table.cases, table.counts { display: block; overflow-x: auto; }
  .media { width: 100%; max-width: 240px; }
  .field { max-width: 100%; }
  input, select, textarea { max-width: 100%; }
}
`;

export const CONSOLE_JS = `
(function () {
  'use strict';
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

  // Wellness (issue 17): a media item is shown in two steps, a blurred greyscale copy made by
  // the server, then the full item on a second click (counted and audited by the server), and
  // can be hidden again. The full bytes are fetched only at the second step; a reload hides all.
  function mediaControls(box, full) {
    var bar = box.querySelector('.controls');
    if (!bar) { bar = document.createElement('div'); bar.className = 'controls'; box.appendChild(bar); }
    bar.textContent = '';
    if (!full) {
      var more = document.createElement('button');
      more.type = 'button'; more.setAttribute('data-reveal-full', ''); more.textContent = 'Show full item';
      bar.appendChild(more);
    }
    var hide = document.createElement('button');
    hide.type = 'button'; hide.setAttribute('data-rehide', ''); hide.textContent = 'Hide';
    bar.appendChild(hide);
  }
  function show(box, blob, kind) {
    var old = box.querySelector('img, video');
    if (old) { URL.revokeObjectURL(old.src); old.remove(); }
    var el = document.createElement(kind === 'video' ? 'video' : 'img');
    if (kind === 'video') { el.muted = true; el.controls = true; el.setAttribute('muted', ''); }
    else el.alt = 'media item of this case, ' + (box.classList.contains('full') ? 'in full' : 'blurred');
    el.src = URL.createObjectURL(blob);
    box.insertBefore(el, box.firstChild);
    box.classList.add('revealed');
  }
  function load(box, full) {
    var url = box.getAttribute('data-url') + (full ? '' : '?view=blurred');
    return fetch(url, { method: 'POST', headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 415 && !full) return null; // no preview (a video): offer the full item only
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.blob();
      });
  }
  document.addEventListener('click', function (ev) {
    var btn = ev.target.closest('[data-reveal], [data-reveal-full], [data-rehide]');
    if (!btn) return;
    ev.preventDefault();
    var box = btn.closest('.media');
    var kind = box.getAttribute('data-kind');
    if (btn.hasAttribute('data-reveal')) box.setAttribute('data-url', btn.getAttribute('data-reveal'));
    if (btn.hasAttribute('data-rehide')) {
      var shown = box.querySelector('img, video');
      if (shown) { URL.revokeObjectURL(shown.src); shown.remove(); }
      box.classList.remove('revealed', 'full');
      var bar = box.querySelector('.controls'); if (bar) bar.remove();
      var first = box.querySelector('[data-reveal]'); if (first) first.focus();
      return;
    }
    var full = btn.hasAttribute('data-reveal-full');
    load(box, full)
      .then(function (blob) {
        if (full) box.classList.add('full');
        if (blob) show(box, blob, full ? kind : 'image');
        else box.classList.add('revealed');
        mediaControls(box, full);
        if (full) {
          var counter = document.getElementById('exposure-count');
          if (counter) counter.textContent = String(Number(counter.textContent) + 1);
        }
        var next = box.querySelector('.controls button'); if (next) next.focus();
      })
      .catch(function (e) { btn.textContent = 'could not load (' + e.message + ')'; });
  });

  // Keyboard shortcuts: a key clicks the element marked data-key with it.
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-href]'));
  var sel = -1;
  function select(i) {
    if (!rows.length) return;
    if (sel >= 0) rows[sel].classList.remove('selected');
    sel = Math.max(0, Math.min(rows.length - 1, i));
    rows[sel].classList.add('selected');
    rows[sel].scrollIntoView({ block: 'nearest' });
  }
  // WCAG 2.1.4: single-key shortcuts can be turned off (a speech-input user's words would
  // otherwise fire them). The choice is kept in this browser.
  var toggle = document.getElementById('shortcuts-toggle');
  function shortcutsOn() { try { return localStorage.getItem('warden.shortcuts') !== 'off'; } catch (e) { return true; } }
  function showToggle() {
    if (!toggle) return;
    toggle.setAttribute('aria-pressed', shortcutsOn() ? 'true' : 'false');
    toggle.textContent = 'Shortcuts: ' + (shortcutsOn() ? 'on' : 'off');
  }
  if (toggle) {
    toggle.hidden = false;
    showToggle();
    toggle.addEventListener('click', function () {
      try { localStorage.setItem('warden.shortcuts', shortcutsOn() ? 'off' : 'on'); } catch (e) { /* storage refused: stays as it was */ }
      showToggle();
    });
  }
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
    if (!shortcutsOn()) return;
    var t = ev.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    if (ev.key === 'j') { select(sel + 1); return; }
    if (ev.key === 'k') { select(sel - 1); return; }
    if (ev.key === 'Enter' && sel >= 0) { location.href = rows[sel].getAttribute('data-href'); return; }
    // Compared, never put into a selector: a key such as " or \\ is not a valid selector.
    var marked = document.querySelectorAll('[data-key]');
    var target = null;
    for (var i = 0; i < marked.length; i++) if (marked[i].getAttribute('data-key') === ev.key) { target = marked[i]; break; }
    if (target) { ev.preventDefault(); target.focus(); if (target.tagName === 'BUTTON' || target.tagName === 'A') target.click(); }
  });
})();
`;

/** A plain shield, so the browser has an icon and does not ask for /favicon.ico. */
export const CONSOLE_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 1 2 3v5c0 3.5 2.6 6.2 6 7 3.4-.8 6-3.5 6-7V3z" fill="#1f4e8c"/></svg>';
