"""Live reload for ``okrsite serve``: what runs in the tab, and what it is sent.

Every HTML page the preview serves gets a script tag (:func:`inject_livereload`)
loading :data:`LIVERELOAD_JS`, which listens on a Server-Sent Events stream at
:data:`EVENTS_PATH` (shared between tabs by :data:`WORKER_JS`) and reloads the
page, or updates it in place when :func:`in_place_ok` allows, when a new build
is published, or shows the build's errors in an overlay (a modal dialog that
takes keyboard focus and gives it back). This module holds the browser side
and the stream's messages (:func:`_sse`); what an in-place update keeps of
the page (focus, open ``<details>``, typed text) is
:mod:`okrsite.server_page_state`, the handler that serves them
:mod:`okrsite.server_http`, the state they report :mod:`okrsite.server`.
"""

from __future__ import annotations

import ast
import html
import json
import queue
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from okrsite.server_page_state import KEEP_PAGE_STATE_JS
from okrsite.theme_find import DEFAULT_THEME, builtin_themes_dir

#: Everything the server itself answers lives under this prefix, which no
#: okrsite page uses.
INTERNAL_PREFIX = "/__okrsite/"
EVENTS_PATH = INTERNAL_PREFIX + "events"
SCRIPT_PATH = INTERNAL_PREFIX + "livereload.js"
WORKER_PATH = INTERNAL_PREFIX + "worker.js"
#: the script's address as a page's tag names it, after the ``../`` chain to
#: the preview's root (:func:`page_root`): relative, as every link okrsite
#: writes, so a proxy that serves the preview under a path keeps it there
SCRIPT_SRC = SCRIPT_PATH.removeprefix("/")

#: EventSource reconnect delay (ms) sent in the stream's ``retry:`` field: a
#: restarted ``okrsite serve`` is picked up about a second later.
RETRY_MS = 1000

#: the error overlay's own words (its button and heading), shown in the
#: page's language (``<html lang>``) from the shipped theme's catalogues;
#: the diagnostics it lists stay English, as the command line writes them
OVERLAY_WORDS = ("Dismiss", "okrsite: the site could not be rebuilt")

#: a catalogue entry: its flags, its ``msgid`` and its ``msgstr``, each string
#: possibly continued on the lines below (``msgstr ""`` then ``"…"`` lines)
_PO_ENTRY = re.compile(
    r'^(?P<flags>(?:#,[^\n]*\n)?)msgid (?P<id>"(?:[^"\\\n]|\\.)*"(?:\n"(?:[^"\\\n]|\\.)*")*)\n'
    r'msgstr (?P<str>"(?:[^"\\\n]|\\.)*"(?:\n"(?:[^"\\\n]|\\.)*")*)$',
    re.M,
)


def _po_text(quoted: str) -> str:
    """The text of a ``.po`` string written over one or more quoted lines."""
    return "".join(ast.literal_eval(line) for line in quoted.split("\n"))


def overlay_words(
    folder: Path | None = None, wanted: tuple[str, ...] = OVERLAY_WORDS
) -> dict[str, dict[str, str]]:
    """The overlay's words (``wanted``: :data:`OVERLAY_WORDS`) by language
    (``de``), from ``translations/*.po`` of ``folder`` (the default theme's):
    what the page script shows where the page's ``<html lang>`` names that
    language (the preview's own 404 page asks for its words too).

    Read here with a few lines of parsing, not with Babel: an English site's
    preview never imports it (as its build does not). An entry marked
    ``#, fuzzy`` is left out, as where a page's words are looked up."""
    folder = folder or builtin_themes_dir() / DEFAULT_THEME
    out: dict[str, dict[str, str]] = {}
    try:
        files = sorted((folder / "translations").glob("*.po"))
    except OSError:
        return out
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            continue
        words = po_words(text, wanted)
        if words:
            out[file.stem.replace("_", "-").lower()] = words
    return out


def po_words(text: str, wanted: tuple[str, ...]) -> dict[str, str]:
    """The translations of ``wanted`` a catalogue's text holds: filled and
    not ``#, fuzzy`` (as where a page's words are looked up)."""
    words = {}
    for entry in _PO_ENTRY.finditer(text.replace("\r\n", "\n")):
        if "fuzzy" in entry.group("flags"):
            continue
        try:
            message, string = _po_text(entry.group("id")), _po_text(entry.group("str"))
        except (ValueError, SyntaxError):
            continue
        if message in wanted and string:
            words[message] = string
    return words


# The page script. It is served from a URL rather than inlined so that a site
# with a Content-Security-Policy of ``script-src 'self'`` still gets reloads.
# Every handler is idempotent with respect to the build id embedded in the
# tag (``data-build``), so replaying the latest state to a tab is always safe:
# a tab reloads only if it shows a different build than the server has.
LIVERELOAD_TEMPLATE = (
    r"""/* okrsite live reload: added by `okrsite serve`, never part of a build. */
(function () {
  "use strict";
  if (window.__okrsiteLiveReload) return;
  window.__okrsiteLiveReload = true;
  var me = document.currentScript;
  var build = me ? me.getAttribute("data-build") : null;
  // the preview's own addresses, next to this script's: its tag is written
  // relative to the page, so behind a proxy that serves the preview under a
  // path (/okrs/ -> the preview's /) the stream and worker are found there too
  var HOME = me && me.src ? me.src.replace(/[^\/]*$/, "") : "__HOME__";
  var KEY = "okrsite:scroll:" + location.pathname + location.search;
  var OVERLAY_ID = "okrsite-overlay";
  var WORDS = __WORDS__;

  // the overlay's own words in the page's language (<html lang="de-AT"> is
  // "de-at", else "de"), English where no catalogue has them
  function word(text) {
    var lang = String(document.documentElement.lang || "").toLowerCase().replace(/_/g, "-");
    var table = WORDS[lang] || WORDS[lang.split("-")[0]] || {};
    return Object.prototype.hasOwnProperty.call(table, text) ? table[text] : text;
  }

  function restoreScroll() {
    var saved = null;
    try {
      saved = sessionStorage.getItem(KEY);
      sessionStorage.removeItem(KEY);
    } catch (e) { return; }
    if (saved === null) return;
    var y = parseFloat(saved) || 0;
    var apply = function () { window.scrollTo(0, y); };
    apply();
    if (document.readyState !== "complete") window.addEventListener("load", apply);
  }

  function reloadPage() {
    try { sessionStorage.setItem(KEY, String(window.scrollY)); } catch (e) { /* private mode */ }
    location.reload();
  }

  // In-place update: fetch the page again and put its body into this
  // document instead of navigating, which in a browser costs ten times as
  // much (a new document, its style sheet and scripts, the event stream's
  // page handshake). Only when the server says no style sheet, font or
  // image changed (data.soft; badges aside, see showsBadges) and the new
  // page loads the same things in its <head>; anything else is a full reload.
  var updating = false, pending = null;

  function headResources(head) {
    var out = [];
    for (var i = 0; i < head.children.length; i++) {
      var tag = head.children[i].tagName.toLowerCase();
      if (tag !== "title" && tag !== "meta") out.push(head.children[i].outerHTML);
    }
    return out.join("\n");
  }

  function attributes(node) {
    var out = [];
    for (var i = 0; i < node.attributes.length; i++) {
      out.push(node.attributes[i].name + "=" + node.attributes[i].value);
    }
    return out.sort().join("\n");
  }

  function optedOut(doc) {
    var meta = doc.querySelector('meta[name="okrsite-reload"]');
    return !!meta && meta.getAttribute("content") === "full";
  }

  function isOurs(script) {
    return /(^|\/)__SCRIPT_RE__$/.test(script.getAttribute("src") || "");
  }

  // The server lets tabs update in place when only badges among the images
  // changed, since okrsite's own pages show none; a page of a theme that
  // does show one (an <img>, a style sheet's background) would keep the old
  // picture, which the browser does not fetch again for the same document.
  function showsBadges() {
    if (!window.performance || !performance.getEntriesByType) return false;
    var seen = performance.getEntriesByType("resource");
    // the site's root, as this page's address has it (/okrs/ behind that proxy)
    var root = document.createElement("a");
    root.href = HOME.replace(/__okrsite\/$/, "");
    var site = root.href;
    for (var i = 0; i < seen.length; i++) {
      var a = document.createElement("a");
      a.href = seen[i].name;
      if (a.href.indexOf(site + "badges/") === 0) return true;
    }
    return false;
  }

  function canSwap(doc) {
    if (!doc.head || !doc.body || optedOut(document) || optedOut(doc)) return false;
    if (showsBadges()) return false;
    // scripts in <head> ran against the old body and would not run again
    if (document.head.querySelector("script") || doc.head.querySelector("script")) return false;
    // a module runs once per document, so it could not run again
    if (doc.body.querySelector('script[type="module"]')) return false;
    return headResources(document.head) === headResources(doc.head) &&
      attributes(document.documentElement) === attributes(doc.documentElement);
  }

  // The page's scripts run again, one after the other in page order, as on a
  // fresh load (scripts parsed by DOMParser never run by themselves).
  function runScripts(scripts, i) {
    for (; i < scripts.length; i++) {
      var old = scripts[i];
      if (isOurs(old) || !old.parentNode) continue;
      var fresh = document.createElement("script");
      for (var a = 0; a < old.attributes.length; a++) {
        fresh.setAttribute(old.attributes[a].name, old.attributes[a].value);
      }
      if (old.hasAttribute("src")) {
        fresh.async = false;
        var next = (function (k) { return function () { runScripts(scripts, k + 1); }; })(i);
        fresh.addEventListener("load", next);
        fresh.addEventListener("error", next);
        old.parentNode.replaceChild(fresh, old);
        return;
      }
      fresh.text = old.text;
      old.parentNode.replaceChild(fresh, old);
    }
  }

__KEEP__
  function swap(doc) {
    var x = window.scrollX, y = window.scrollY;
    // an overlay shown meanwhile (errors while the page was fetched) moves
    // to the new body, with the element to give focus back to found there
    var overlay = document.getElementById(OVERLAY_ID), focused = document.activeElement;
    var back = overlay && opener ? addressOf(opener, document.body) : null;
    if (overlay) hideOverlay(false);
    var kept = notePageState(document.body);
    var head = document.head;
    var stale = head.querySelectorAll("title, meta");
    for (var i = 0; i < stale.length; i++) head.removeChild(stale[i]);
    var fresh = doc.head.querySelectorAll("title, meta");
    for (var j = 0; j < fresh.length; j++) head.appendChild(document.importNode(fresh[j], true));
    var body = document.importNode(doc.body, true);
    document.documentElement.replaceChild(body, document.body);
    putPageState(kept, body);
    if (overlay) {
      openOverlay(overlay, findAddress(back, body));
      if (focused && overlay.contains(focused)) focused.focus();
    }
    window.scrollTo(x, y);
    runScripts(body.querySelectorAll("script"), 0);
  }

  function update(next) {
    if (updating) { pending = next; return; }
    updating = true;
    fetch(location.href, { cache: "no-store", credentials: "same-origin" }).then(function (r) {
      var kind = r.headers.get("Content-Type") || "";
      if (!r.ok || r.redirected || kind.indexOf("text/html") !== 0) throw new Error("reload");
      return r.text();
    }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      if (!canSwap(doc)) throw new Error("reload");
      var tag = doc.querySelector('script[src$="__SCRIPT__"]');
      swap(doc);
      build = (tag && tag.getAttribute("data-build")) || next;
      updating = false;
      if (pending !== null) {
        var again = pending;
        pending = null;
        if (again !== build) update(again);
      }
    })["catch"](function () { reloadPage(); });
  }

  // The overlay is a modal dialog: focus moves into it and the page behind
  // it is inert (no Tab stop hidden under it); Escape or Dismiss closes it
  // and gives focus back to where it was (the reader's place in the page).
  var opener = null, inerted = [];

  function openOverlay(box, from) {
    opener = from || null;
    var body = document.body || document.documentElement;
    body.appendChild(box);
    var around = body.children || [];
    for (var i = 0; i < around.length; i++) {
      var node = around[i];
      if (node === box || !node.setAttribute || (node.hasAttribute && node.hasAttribute("inert"))) continue;
      node.setAttribute("inert", "");
      inerted.push(node);
    }
  }

  // restore: give focus back to the element the overlay took it from
  function hideOverlay(restore) {
    var old = document.getElementById(OVERLAY_ID);
    if (!old) return;
    var had = old.contains(document.activeElement);
    if (old.parentNode) old.parentNode.removeChild(old);
    for (var i = 0; i < inerted.length; i++) inerted[i].removeAttribute("inert");
    inerted = [];
    var back = opener;
    opener = null;
    if (restore === false || !had) return;
    if (back && back.focus && document.documentElement.contains(back)) {
      try { back.focus({ preventScroll: true }); } catch (e) { back.focus(); }
    }
  }

  window.addEventListener("keydown", function (e) {
    if ((e.key === "Escape" || e.key === "Esc") && document.getElementById(OVERLAY_ID)) {
      e.preventDefault();
      hideOverlay();
    }
  });

  function el(tag, text, css) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (css) node.style.cssText = css;
    return node;
  }

  function where(d) {
    if (!d.file) return "okrsite";
    var s = String(d.file);
    if (d.line !== null && d.line !== undefined) {
      s += ":" + d.line;
      if (d.column !== null && d.column !== undefined) s += ":" + d.column;
    }
    return s;
  }

  function showOverlay(list) {
    // new errors replace the overlay's list; focus goes back to the same place
    var shown = document.getElementById(OVERLAY_ID);
    var from = shown ? opener : document.activeElement;
    hideOverlay(false);
    var box = el("div", null,
      "position:fixed;top:0;left:0;right:0;bottom:0;z-index:2147483647;overflow:auto;" +
      "box-sizing:border-box;padding:2rem;background:rgba(24,24,27,.96);color:#f4f4f5;" +
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left");
    box.id = OVERLAY_ID;
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", OVERLAY_ID + "-title");
    box.setAttribute("aria-describedby", OVERLAY_ID + "-list");
    box.setAttribute("tabindex", "-1");
    var close = el("button", word("Dismiss"),
      "float:right;font:inherit;padding:.25rem .75rem;cursor:pointer");
    close.type = "button";
    close.addEventListener("click", function () { hideOverlay(); });
    box.appendChild(close);
    var title = el("h2", word("okrsite: the site could not be rebuilt"),
      "margin:0 0 1rem;font-size:1.25rem;color:#fca5a5");
    title.id = OVERLAY_ID + "-title";
    box.appendChild(title);
    var ul = el("ul", null, "list-style:none;margin:0;padding:0");
    ul.id = OVERLAY_ID + "-list";
    // the diagnostics are English whatever the page's language
    ul.setAttribute("lang", "en");
    for (var i = 0; i < list.length; i++) {
      var d = list[i] || {};
      var li = el("li", null, "margin:0 0 1rem;padding:0 0 1rem;border-bottom:1px solid #3f3f46");
      li.className = "okrsite-diagnostic";
      var head = el("div");
      head.appendChild(el("strong", where(d), "color:#fff"));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", d.severity,
        d.severity === "error" ? "color:#f87171" : "color:#facc15"));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", d.code, "color:#a1a1aa"));
      li.appendChild(head);
      li.appendChild(el("div", d.message, "white-space:pre-wrap"));
      if (d.hint) li.appendChild(el("div", "hint: " + d.hint, "color:#93c5fd;white-space:pre-wrap"));
      ul.appendChild(li);
    }
    box.appendChild(ul);
    openOverlay(box, from && from !== document.body ? from : null);
    if (close.focus) close.focus();
  }

  function handle(type, data) {
    var info = null;
    try { info = JSON.parse(data); } catch (e) { return; }
    if (type === "errors") {
      if (Object.prototype.toString.call(info) === "[object Array]") showOverlay(info);
    } else if (type === "ok" || type === "reload") {
      hideOverlay();
      var next = info && info.build;
      if (build === null ? type === "reload" : next !== build) {
        if (type === "reload" && info.soft === true && window.fetch && window.DOMParser) update(next);
        else reloadPage();
      }
    }
  }

  var direct = false;
  function connectDirect() {
    if (direct || typeof EventSource === "undefined") return;
    direct = true;
    (function listen() {
      var source = new EventSource(HOME + "__EVENTS__");
      ["reload", "errors", "ok"].forEach(function (type) {
        source.addEventListener(type, function (e) { handle(type, e.data); });
      });
      // a refused stream (503: the preview's limit) closes for good; ask again
      source.addEventListener("error", function () {
        if (source.readyState === 2) setTimeout(listen, 2000);
      });
    })();
  }

  // One shared connection for all tabs of this origin: browsers allow only
  // six HTTP/1 connections per host, and each open EventSource keeps one.
  function connect() {
    if (typeof SharedWorker !== "function") return connectDirect();
    try {
      var worker = new SharedWorker(HOME + "__WORKER__", { name: "okrsite-livereload" });
      var port = worker.port;
      port.onmessage = function (m) {
        var msg = m.data || {};
        if (msg.type === "unsupported") connectDirect();
        else if (!direct) handle(msg.type, msg.data);
      };
      worker.onerror = connectDirect;
      port.start();
      window.addEventListener("pagehide", function () { port.postMessage("bye"); });
      window.addEventListener("pageshow", function (e) { if (e.persisted) port.postMessage("hi"); });
    } catch (e) {
      connectDirect();
    }
  }

  restoreScroll();
  connect();
})();
""".replace("__EVENTS__", EVENTS_PATH.removeprefix(INTERNAL_PREFIX))
    .replace("__WORKER__", WORKER_PATH.removeprefix(INTERNAL_PREFIX))
    .replace("__SCRIPT_RE__", re.escape(SCRIPT_SRC).replace("/", "\\/"))
    .replace("__SCRIPT__", SCRIPT_SRC)
    .replace("__HOME__", INTERNAL_PREFIX)
    .replace("__KEEP__", KEEP_PAGE_STATE_JS)
)
#: the page script with the shipped catalogues' words, for every language they
#: hold; the preview serves it with its site's words too
#: (:func:`okrsite.server_words.livereload_js`)
LIVERELOAD_JS = LIVERELOAD_TEMPLATE.replace(
    "__WORDS__", json.dumps(overlay_words(), sort_keys=True)
)

# The shared worker: one EventSource, fanned out to every tab. It remembers
# the latest state and replays it to tabs that connect later, as "ok" rather
# than "reload" (the tab decides from the build id whether it is stale).
WORKER_JS = r"""/* okrsite live reload shared worker. */
"use strict";
var ports = [];
var last = null;
function send(port, msg) { try { port.postMessage(msg); } catch (e) { /* gone */ } }
function add(port) { if (ports.indexOf(port) < 0) ports.push(port); if (last) send(port, last); }
if (typeof EventSource === "undefined") {
  last = { type: "unsupported", data: "" };
} else {
  (function listen() {
    // beside the worker's own address (relative: the preview may be served
    // under a path, /okrs/__okrsite/worker.js)
    var source = new EventSource("__EVENTS__");
    ["reload", "errors", "ok"].forEach(function (type) {
      source.addEventListener(type, function (e) {
        var msg = { type: type, data: e.data };
        last = type === "reload" ? { type: "ok", data: e.data } : msg;
        ports.forEach(function (port) { send(port, msg); });
      });
    });
    // a refused stream (503: the preview's limit) closes for good; ask again
    source.addEventListener("error", function () {
      if (source.readyState === 2) setTimeout(listen, 2000);
    });
  })();
}
self.onconnect = function (e) {
  var port = e.ports[0];
  port.onmessage = function (m) {
    if (m.data === "bye") ports = ports.filter(function (p) { return p !== port; });
    else if (m.data === "hi") add(port);
  };
  port.start();
  add(port);
};
""".replace("__EVENTS__", EVENTS_PATH.removeprefix(INTERNAL_PREFIX))


#: Files a page loads once, which a tab updated in place would keep showing
#: from its first load: when one of them changed, tabs reload in full.
_LOADED_ONCE_SUFFIXES = (
    ".css", ".woff", ".woff2", ".ttf", ".otf", ".eot",
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico",
)  # fmt: skip

#: Folders of the build whose files no page of the site loads: the badges
#: (``badges/<id>.svg``) are drawn for READMEs and wikis, and each objective
#: page only links its own. A new objective writes a new badge and a score
#: change redraws one; neither is a reason to reload every open tab in full.
#: A theme that does show badges as images is seen to by the page script,
#: which reloads such a page in full (``showsBadges``).
_NOT_LOADED_BY_PAGES = ("badges/",)


def in_place_ok(changed: Iterable[str]) -> bool:
    """Whether open tabs may update in place after a build that wrote ``changed``
    (paths in the served folder): no style sheet, font or image that a page
    loads among them.

    Scripts do not count: an in-place update runs the page's scripts again,
    fetching them anew. Badges do not count either
    (:data:`_NOT_LOADED_BY_PAGES`).
    """
    return not any(
        rel.lower().endswith(_LOADED_ONCE_SUFFIXES) and not rel.startswith(_NOT_LOADED_BY_PAGES)
        for rel in changed
    )


def page_root(path: str) -> str:
    """The ``../`` chain from the page at URL ``path`` (as asked for, without
    its query) to the preview's root: ``../../`` for ``/kpis/arr/``."""
    return "../" * max(path.count("/") - 1, 0)


def script_tag(build_id: str, root: str = "") -> bytes:
    """The tag added to each served HTML page, its ``src`` relative to the
    page (``root``: :func:`page_root`), never root-relative."""
    src = html.escape(root + SCRIPT_SRC, quote=True)
    return (
        f'<script src="{src}" data-build="{html.escape(build_id, quote=True)}"></script>'
    ).encode("ascii", "xmlcharrefreplace")


def inject_livereload(body: bytes, build_id: str, root: str = "") -> bytes:
    """Insert the live-reload tag before the last ``</body>`` (or append it).

    Works on bytes: the page's encoding is not ours to guess, and the tag is
    ASCII, which every encoding a web page can declare agrees on.
    """
    tag = script_tag(build_id, root)
    at = body.lower().rfind(b"</body")
    if at < 0:
        return body + tag
    return body[:at] + tag + body[at:]


@dataclass(eq=False)
class _Client:
    """One open event stream. Only its own handler thread writes to it."""

    inbox: queue.Queue[bytes | None] = field(default_factory=queue.Queue)


def _sse(event: str, data: str) -> bytes:
    lines = "".join(f"data: {line}\n" for line in data.split("\n"))
    return f"event: {event}\n{lines}\n".encode()
