"""The local preview server behind ``okrsite serve``.

It serves the built site from a folder, and adds the two things a person
editing goal files wants from a preview:

* **live reload**: every HTML page it serves gets a small script that listens
  on a Server-Sent Events stream (``/__okrsite/events``) and reloads the page,
  keeping its scroll position, when a new build is published;
* **errors in the page**: when a rebuild fails, the diagnostics are pushed to
  every open tab and shown in an overlay, instead of the server dying or the
  tab silently showing the old site.

The script is added while serving, never written into the built files, so
``okrsite build`` output stays byte-identical whether or not it was previewed.

Only the standard library's :mod:`http.server` is used (a local preview does
not justify a web framework), but paths are resolved by our own strict rules
rather than ``SimpleHTTPRequestHandler.translate_path``: the server must never
hand out a file outside the site, never list a folder, and never redirect to
another host.

The folder being served is read from :attr:`PreviewServer.current_root` on
every request, so a builder can write the next build into a fresh folder and
swap it in atomically: a page is always served from one complete build.
"""

from __future__ import annotations

import functools
import html
import ipaddress
import json
import mimetypes
import os
import queue
import select
import socket
import socketserver
import sys
import threading
import time
import traceback
import types
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO, Union
from urllib.parse import quote, unquote

from okrsite.diagnostics import Diagnostic

__all__ = [
    "PreviewServer",
    "EVENTS_PATH",
    "SCRIPT_PATH",
    "WORKER_PATH",
    "in_place_ok",
    "inject_livereload",
    "LIVERELOAD_JS",
    "WORKER_JS",
]

StrPath = Union[str, "os.PathLike[str]"]

#: Everything the server itself answers lives under this prefix, which no
#: okrsite page uses.
INTERNAL_PREFIX = "/__okrsite/"
EVENTS_PATH = INTERNAL_PREFIX + "events"
SCRIPT_PATH = INTERNAL_PREFIX + "livereload.js"
WORKER_PATH = INTERNAL_PREFIX + "worker.js"

#: EventSource reconnect delay (ms) sent in the stream's ``retry:`` field: a
#: restarted ``okrsite serve`` is picked up about a second later.
RETRY_MS = 1000

# The page script. It is served from a URL rather than inlined so that a site
# with a Content-Security-Policy of ``script-src 'self'`` still gets reloads.
# Every handler is idempotent with respect to the build id embedded in the
# tag (``data-build``), so replaying the latest state to a tab is always safe:
# a tab reloads only if it shows a different build than the server has.
LIVERELOAD_JS = (
    r"""/* okrsite live reload: added by `okrsite serve`, never part of a build. */
(function () {
  "use strict";
  if (window.__okrsiteLiveReload) return;
  window.__okrsiteLiveReload = true;
  var me = document.currentScript;
  var build = me ? me.getAttribute("data-build") : null;
  var KEY = "okrsite:scroll:" + location.pathname + location.search;
  var OVERLAY_ID = "okrsite-overlay";

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
  // image changed (data.soft) and the new page loads the same things in its
  // <head>; anything else is a full reload.
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
    return script.getAttribute("src") === "__SCRIPT__";
  }

  function canSwap(doc) {
    if (!doc.head || !doc.body || optedOut(document) || optedOut(doc)) return false;
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

  function swap(doc) {
    var x = window.scrollX, y = window.scrollY;
    var head = document.head;
    var stale = head.querySelectorAll("title, meta");
    for (var i = 0; i < stale.length; i++) head.removeChild(stale[i]);
    var fresh = doc.head.querySelectorAll("title, meta");
    for (var j = 0; j < fresh.length; j++) head.appendChild(document.importNode(fresh[j], true));
    var body = document.importNode(doc.body, true);
    document.documentElement.replaceChild(body, document.body);
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
      var tag = doc.querySelector('script[src="__SCRIPT__"]');
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

  function hideOverlay() {
    var old = document.getElementById(OVERLAY_ID);
    if (old && old.parentNode) old.parentNode.removeChild(old);
  }

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
    hideOverlay();
    var box = el("div", null,
      "position:fixed;top:0;left:0;right:0;bottom:0;z-index:2147483647;overflow:auto;" +
      "box-sizing:border-box;padding:2rem;background:rgba(24,24,27,.96);color:#f4f4f5;" +
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left");
    box.id = OVERLAY_ID;
    box.setAttribute("role", "alert");
    var close = el("button", "Dismiss",
      "float:right;font:inherit;padding:.25rem .75rem;cursor:pointer");
    close.type = "button";
    close.addEventListener("click", hideOverlay);
    box.appendChild(close);
    box.appendChild(el("h2", "okrsite: the site could not be rebuilt",
      "margin:0 0 1rem;font-size:1.25rem;color:#fca5a5"));
    var ul = el("ul", null, "list-style:none;margin:0;padding:0");
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
    (document.body || document.documentElement).appendChild(box);
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
    var source = new EventSource("__EVENTS__");
    ["reload", "errors", "ok"].forEach(function (type) {
      source.addEventListener(type, function (e) { handle(type, e.data); });
    });
  }

  // One shared connection for all tabs of this origin: browsers allow only
  // six HTTP/1 connections per host, and each open EventSource keeps one.
  function connect() {
    if (typeof SharedWorker !== "function") return connectDirect();
    try {
      var worker = new SharedWorker("__WORKER__", { name: "okrsite-livereload" });
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
""".replace("__EVENTS__", EVENTS_PATH)
    .replace("__WORKER__", WORKER_PATH)
    .replace("__SCRIPT__", SCRIPT_PATH)
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
  var source = new EventSource("__EVENTS__");
  ["reload", "errors", "ok"].forEach(function (type) {
    source.addEventListener(type, function (e) {
      var msg = { type: type, data: e.data };
      last = type === "reload" ? { type: "ok", data: e.data } : msg;
      ports.forEach(function (port) { send(port, msg); });
    });
  });
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
""".replace("__EVENTS__", EVENTS_PATH)

_CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
}
_HTML_SUFFIXES = frozenset({".html", ".htm"})

#: Files a page loads once, which a tab updated in place would keep showing
#: from its first load: when one of them changed, tabs reload in full.
_LOADED_ONCE_SUFFIXES = (
    ".css", ".woff", ".woff2", ".ttf", ".otf", ".eot",
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico",
)  # fmt: skip


def in_place_ok(changed: Iterable[str]) -> bool:
    """Whether open tabs may update in place after a build that wrote ``changed``
    (paths in the served folder): no style sheet, font or image among them.

    Scripts do not count: an in-place update runs the page's scripts again,
    fetching them anew.
    """
    return not any(rel.lower().endswith(_LOADED_ONCE_SUFFIXES) for rel in changed)


def content_type(path: Path, head: bytes = b"") -> str:
    """The Content-Type for a file, independent of the machine's mime tables.

    ``.xml`` files that are Atom feeds (``<feed`` root) get
    ``application/atom+xml`` so feed readers and browsers treat them as feeds.
    """
    suffix = path.suffix.lower()
    if suffix == ".xml" and b"<feed" in head[:1024]:
        return "application/atom+xml"
    known = _CONTENT_TYPES.get(suffix)
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def script_tag(build_id: str) -> bytes:
    """The tag added to each served HTML page."""
    return (
        f'<script src="{SCRIPT_PATH}" data-build="{html.escape(build_id, quote=True)}"></script>'
    ).encode("ascii", "xmlcharrefreplace")


def inject_livereload(body: bytes, build_id: str) -> bytes:
    """Insert the live-reload tag before the last ``</body>`` (or append it).

    Works on bytes: the page's encoding is not ours to guess, and the tag is
    ASCII, which every encoding a web page can declare agrees on.
    """
    tag = script_tag(build_id)
    at = body.lower().rfind(b"</body")
    if at < 0:
        return body + tag
    return body[:at] + tag + body[at:]


class _BadRequest(Exception):
    pass


def url_segments(raw_path: str) -> list[str]:
    """Split a request path into decoded, safe segments, or raise ``_BadRequest``.

    Rejected (400): paths that are not absolute, that are not UTF-8 once
    decoded, that contain NUL or backslash (raw or percent-encoded), and any
    ``.`` or ``..`` segment, however it was encoded (``%2e%2e``, ``..%2f``).
    Empty segments (``//``) are dropped, so ``//etc/passwd`` means
    ``/etc/passwd`` *inside the site*.
    """
    if not raw_path.startswith("/") or "\\" in raw_path:
        raise _BadRequest(raw_path)
    try:
        decoded = unquote(raw_path, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise _BadRequest(raw_path) from exc
    if "\x00" in decoded or "\\" in decoded:
        raise _BadRequest(raw_path)
    segments = [s for s in decoded.split("/") if s]
    if any(s in (".", "..") for s in segments):
        raise _BadRequest(raw_path)
    return segments


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


@dataclass
class _Found:
    """A request the preview answers with a file."""

    path: Path


@dataclass
class _Redirect:
    """A request the preview answers by redirecting to a folder's address."""

    location: str


@dataclass
class _Missing:
    """A request the preview answers with its not-found page."""


def resolve_request(
    root: Path, segments: list[str], trailing_slash: bool
) -> _Found | _Redirect | _Missing:
    """Map URL segments to a file in ``root``, following okrsite's URL rules.

    Symlinks are resolved and the result must still be inside the (resolved)
    root. A folder is served as its ``index.html`` only when asked for with a
    trailing slash; without it the client is redirected, so relative links
    in the page resolve against the folder. Folders are never listed.
    """
    try:
        real_root = root.resolve(strict=True)
        real = real_root.joinpath(*segments).resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return _Missing()
    if not _inside(real, real_root):
        return _Missing()
    if real.is_dir():
        if not trailing_slash:
            return _Redirect("/" + "".join(quote(s) + "/" for s in segments))
        try:
            index = (real / "index.html").resolve(strict=True)
        except (OSError, RuntimeError):
            return _Missing()
        if _inside(index, real_root) and index.is_file():
            return _Found(index)
        return _Missing()
    if real.is_file() and not trailing_slash:
        return _Found(real)
    return _Missing()


@dataclass(eq=False)
class _Client:
    """One open event stream. Only its own handler thread writes to it."""

    inbox: queue.Queue[bytes | None] = field(default_factory=queue.Queue)


def _sse(event: str, data: str) -> bytes:
    lines = "".join(f"data: {line}\n" for line in data.split("\n"))
    return f"event: {event}\n{lines}\n".encode()


def _peer_closed(sock: socket.socket) -> bool:
    """True if the client closed its end (readable, and reading gives EOF).

    Readability is asked with ``poll`` where there is one: ``select``
    refuses a socket numbered 1024 or more, which a server holding a
    thousand connections hands out, and every client then looked closed."""
    try:
        if hasattr(select, "poll"):
            poller = select.poll()
            poller.register(sock, select.POLLIN)
            if not poller.poll(0):
                return False
        else:  # pragma: no cover - Windows
            readable, _, _ = select.select([sock], [], [], 0)
            if not readable:
                return False
        return sock.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True


_NOT_FOUND_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head>
<body><h1>Not found</h1><p>There is no page at <code>{path}</code> in this build.</p></body></html>
"""


class _HTTPServer(ThreadingHTTPServer):
    """The socket server: daemon threads, a deep listen queue, no DNS lookup."""

    daemon_threads = True
    # Ten tabs reloading at once each open a handful of connections; the
    # default backlog of 5 would make some of them wait a SYN retry (1 s+).
    request_queue_size = 128
    preview: PreviewServer

    def server_bind(self) -> None:
        # HTTPServer.server_bind calls socket.getfqdn(), a reverse DNS lookup
        # that can take seconds on a laptop with a broken resolver.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that navigates away mid-response is normal, not an error.
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        traceback.print_exc(file=sys.stderr)


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


#: seconds a connection may sit idle (or trickle a request) before it is closed
IDLE_TIMEOUT = 30.0


def host_allowed(header: str | None, allowed: Iterable[str]) -> bool:
    """Whether a request's ``Host`` header names this preview.

    DNS rebinding makes a page on another site resolve its own name to
    127.0.0.1 and read the preview; the browser still sends that name as
    ``Host``. So only ``localhost``, IP addresses (a rebinding needs a name)
    and the names in ``allowed`` (the bound host, ``--allow-host``) are
    served. A request without ``Host`` (HTTP/1.0 tools, not browsers) is.
    """
    if header is None:
        return True
    host = header.strip().lower()
    if host.startswith("["):  # [::1]:8000
        name = host[1 : host.find("]")] if "]" in host else host
    else:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    name = name.rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        pass
    return name in {a.lower().rstrip(".") for a in allowed}


class _Handler(SimpleHTTPRequestHandler):
    """Serves the current build; answers ``/__okrsite/*`` itself."""

    server: _HTTPServer
    server_version = "okrsite-preview"
    # StreamRequestHandler applies this to the socket: an idle keep-alive
    # connection (or one sending its request a byte a minute) is closed.
    timeout = IDLE_TIMEOUT

    # -- plumbing ----------------------------------------------------------

    def end_headers(self) -> None:
        # A preview must never show yesterday's page from the browser cache.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if self.server.preview.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:
        if _peer_closed(self.connection):
            # a request whose client left before its headers were done (a
            # thousand half-sent requests closed at once were each answered
            # with a page, and the preview stalled for seconds)
            self.close_connection = True
            return
        self._respond(head=False)

    def do_HEAD(self) -> None:
        if _peer_closed(self.connection):
            self.close_connection = True
            return
        self._respond(head=True)

    def _send_body(
        self, status: int, ctype: str, body: bytes | BinaryIO, length: int, head: bool
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        if head:
            return
        if isinstance(body, bytes):
            self.wfile.write(body)
        else:
            self.copyfile(body, self.wfile)

    # -- routing -----------------------------------------------------------

    def _respond(self, head: bool) -> None:
        if not host_allowed(self.headers.get("Host"), self.server.preview.allowed_hosts):
            self.send_error(HTTPStatus.FORBIDDEN, "Host not allowed")
            return
        raw = self.path.split("#", 1)[0]
        raw, _, query = raw.partition("?")
        if raw.startswith(INTERNAL_PREFIX):
            self._internal(raw, head)
            return
        try:
            segments = url_segments(raw)
        except _BadRequest:
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad path")
            return
        root = self.server.preview.current_root
        found = resolve_request(root, segments, trailing_slash=raw.endswith("/"))
        if isinstance(found, _Redirect):
            location = found.location + (f"?{query}" if query else "")
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif isinstance(found, _Found):
            self._send_file(found.path, HTTPStatus.OK, head)
        else:
            self._send_not_found(root, raw, head)

    def _send_file(self, path: Path, status: int, head: bool) -> None:
        suffix = path.suffix.lower()
        # Noted before the file is read: a rebuild that writes it after this
        # point knows the tab may have got the old bytes (served_since).
        self.server.preview._file_served(path, page=suffix in _HTML_SUFFIXES)
        try:
            f = path.open("rb")
        except OSError:
            # Gone between resolving and opening (a build was swapped in).
            self._send_not_found(self.server.preview.current_root, self.path, head)
            return
        with f:
            if suffix in _HTML_SUFFIXES:
                body = inject_livereload(f.read(), self.server.preview.build_id)
                self._send_body(status, content_type(path), body, len(body), head)
                return
            start = f.read(1024) if suffix == ".xml" else b""
            f.seek(0)
            size = os.fstat(f.fileno()).st_size
            self._send_body(status, content_type(path, start), f, size, head)

    def _send_not_found(self, root: Path, raw: str, head: bool) -> None:
        """The site's own ``404.html`` (with live reload), else a plain page.

        The fallback page carries the live-reload script too, so a tab opened
        on a page that does not exist yet shows it as soon as a build adds it.
        """
        found = resolve_request(root, ["404.html"], trailing_slash=False)
        if isinstance(found, _Found):
            self._send_file(found.path, HTTPStatus.NOT_FOUND, head)
            return
        page = _NOT_FOUND_PAGE.format(path=html.escape(raw)).encode("utf-8")
        body = inject_livereload(page, self.server.preview.build_id)
        self._send_body(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", body, len(body), head)

    def _internal(self, raw: str, head: bool) -> None:
        js = "text/javascript; charset=utf-8"
        if raw == EVENTS_PATH:
            self._stream_events(head)
        elif raw == SCRIPT_PATH:
            body = LIVERELOAD_JS.encode("utf-8")
            self._send_body(HTTPStatus.OK, js, body, len(body), head)
        elif raw == WORKER_PATH:
            body = WORKER_JS.encode("utf-8")
            self._send_body(HTTPStatus.OK, js, body, len(body), head)
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    # -- server-sent events --------------------------------------------------

    def _stream_events(self, head: bool) -> None:
        """Hold the connection open and forward broadcasts to this client.

        The thread wakes at least once a second to notice a closed client
        (so :attr:`PreviewServer.client_count` stays true) and sends a comment
        every ``keepalive_interval`` so proxies and sleeping laptops do not
        drop an idle stream unnoticed.
        """
        preview = self.server.preview
        self.close_connection = True
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Connection", "close")
        self.send_header("X-Accel-Buffering", "no")
        self.end_headers()
        if head:
            return
        client = preview._add_client()
        tick = min(1.0, preview.keepalive_interval)
        try:
            # A client that stops reading must not pin this thread forever.
            self.connection.settimeout(30)
            self.wfile.write(f"retry: {RETRY_MS}\n\n".encode())
            last_write = time.monotonic()
            while True:
                try:
                    message = client.inbox.get(timeout=tick)
                except queue.Empty:
                    if _peer_closed(self.connection):
                        return
                    if time.monotonic() - last_write >= preview.keepalive_interval:
                        self.wfile.write(b": keep-alive\n\n")
                        last_write = time.monotonic()
                    continue
                if message is None:
                    return
                self.wfile.write(message)
                last_write = time.monotonic()
        except OSError:
            return  # the client went away; others are unaffected
        finally:
            preview._remove_client(client)


class PreviewServer:
    """A threaded HTTP server for previewing a built site with live reload.

    The socket is bound in the constructor, so :attr:`port` and :attr:`url`
    are known (and a busy port fails) before :meth:`start`. ``port=0`` picks
    a free port. Assign :attr:`current_root` to serve another folder from the
    next request on.

    Typical use by ``okrsite serve``::

        server = PreviewServer(out_dir, port=8000)
        server.start()
        ...                              # after each rebuild:
        server.current_root = new_dir    # if the build went to a new folder
        server.notify_reload(build_id)   # success: tabs reload
        server.set_errors(diagnostics)   # failure: tabs show the overlay
        ...
        server.stop()
    """

    def __init__(
        self,
        root: StrPath,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        verbose: bool = False,
        build_id: str | None = None,
        keepalive_interval: float = 15.0,
        allowed_hosts: Iterable[str] = (),
    ) -> None:
        if keepalive_interval <= 0:
            raise ValueError("keepalive_interval must be > 0")
        self.allowed_hosts = frozenset([host, *allowed_hosts])
        self.current_root = Path(root)
        self.verbose = verbose
        self.keepalive_interval = keepalive_interval
        self._lock = threading.Lock()
        self._clients: set[_Client] = set()
        # A fresh id per server process: a tab that reconnects after a
        # restart reloads, since the site may have changed while it was down.
        self._build_id = build_id if build_id else uuid.uuid4().hex[:12]
        self._errors: list[Diagnostic] = []
        # HTML pages served, most recent last, with the serial number of
        # their last request: what a rebuild renders first (pages_in_view).
        self._served: dict[str, int] = {}
        # Every file served (pages, scripts, style sheets, data), the same
        # way: what a tab that reloaded early fetched (fetched_since).
        self._fetched: dict[str, int] = {}
        # the serial of the newest entry _fetched has let go of
        self._fetched_dropped = 0
        self._serial = 0
        self._page_serial = 0
        self._served_changed = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None
        self._closed = False
        server_class = _HTTPServer6 if ":" in host else _HTTPServer
        handler = functools.partial(_Handler, directory=os.fspath(self.current_root))
        self._httpd = server_class((host, port), handler)
        self._httpd.preview = self
        self.host = host

    # -- attributes ----------------------------------------------------------

    @property
    def current_root(self) -> Path:
        """The folder served; read once per request, so it can be swapped."""
        return self._current_root

    @current_root.setter
    def current_root(self, value: StrPath) -> None:
        self._current_root = Path(value)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """``http://host:port/`` to open in a browser (wildcard hosts as loopback)."""
        host = self.host
        if host in ("", "0.0.0.0"):
            host = "127.0.0.1"
        elif host == "::":
            host = "::1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/"

    @property
    def build_id(self) -> str:
        with self._lock:
            return self._build_id

    @property
    def errors(self) -> list[Diagnostic]:
        with self._lock:
            return list(self._errors)

    @property
    def client_count(self) -> int:
        """Open event streams (with a shared worker: about one per browser)."""
        with self._lock:
            return len(self._clients)

    # -- pages in view --------------------------------------------------------

    def _file_served(self, path: Path, *, page: bool) -> None:
        """Note a request for ``path`` (``page``: an HTML page), before it is read."""
        try:
            rel = path.relative_to(self.current_root).as_posix()
        except ValueError:
            return
        with self._served_changed:
            self._serial += 1
            fetched = self._fetched
            fetched.pop(rel, None)
            fetched[rel] = self._serial
            if len(fetched) > 512:
                oldest = next(iter(fetched))
                self._fetched_dropped = fetched.pop(oldest)
            if not page:
                return
            self._page_serial = self._serial
            self._served.pop(rel, None)
            self._served[rel] = self._serial
            if len(self._served) > 64:
                del self._served[next(iter(self._served))]
            self._served_changed.notify_all()

    def pages_in_view(self, limit: int = 8) -> list[str]:
        """The HTML pages (paths in the served folder) requested most recently,
        newest first: what open tabs are likely showing."""
        with self._lock:
            return list(reversed(self._served))[:limit]

    def serial(self) -> int:
        """A mark to pass to :meth:`served_since`."""
        with self._lock:
            return self._serial

    def wait_served(self, mark: int, timeout: float) -> bool:
        """Wait until some HTML page is requested after ``mark`` (or ``timeout``)."""
        with self._served_changed:
            return self._served_changed.wait_for(lambda: self._page_serial > mark, timeout)

    def served_since(self, mark: int) -> set[str]:
        """HTML pages requested after :meth:`serial` returned ``mark``."""
        with self._lock:
            return {rel for rel, n in self._served.items() if n > mark}

    def fetched_since(self, mark: int) -> set[str] | None:
        """Every file (pages, scripts, data …) requested after :meth:`serial`
        returned ``mark``; ``None`` when more were requested than are kept, so
        which ones cannot be told."""
        with self._lock:
            if self._fetched_dropped > mark:
                return None
            return {rel for rel, n in self._fetched.items() if n > mark}

    # -- life cycle ----------------------------------------------------------

    def start(self) -> None:
        """Serve in a background (daemon) thread; returns at once."""
        if self._thread is not None:
            raise RuntimeError("PreviewServer.start() called twice")
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"okrsite-preview-{self.port}",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Close all event streams, stop serving and release the port."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for client in self._clients:
                client.inbox.put(None)
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()

    def serve_forever(self) -> None:
        """Serve in the calling thread until :meth:`stop` is called elsewhere."""
        self._httpd.serve_forever(poll_interval=0.1)

    def __enter__(self) -> PreviewServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> None:
        self.stop()

    # -- live reload -----------------------------------------------------------

    def notify_reload(
        self, build_id: str | None = None, *, clear_errors: bool = True, in_place: bool = False
    ) -> str:
        """Tell every open tab that a new build is being served.

        Sends ``event: reload`` with ``{"build": build_id}``; tabs showing
        another build reload. With ``in_place`` (``"soft": true``; only when
        no style sheet, font or image changed, see :func:`in_place_ok`) a tab
        fetches its page and swaps the new body in instead of navigating,
        when the page allows it (the script's ``canSwap``). Without ``build_id`` a fresh one is made (an id
        equal to the current one reloads nothing). A published build means
        the site is no longer broken, so errors are cleared too unless
        ``clear_errors=False``; otherwise a tab reloading right now would
        connect, get the stale errors and flash the overlay. Returns the id.
        """
        new_id = build_id if build_id else uuid.uuid4().hex[:12]
        with self._lock:
            self._build_id = new_id
            if clear_errors:
                self._errors = []
            data: dict[str, object] = {"build": new_id}
            if in_place:
                data["soft"] = True
            self._broadcast(_sse("reload", json.dumps(data)))
        return new_id

    def set_errors(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Show ``diagnostics`` in every open tab, or clear the overlay if empty.

        Non-empty: ``event: errors`` with the JSON list of
        :meth:`Diagnostic.to_json`. Empty: ``event: ok`` with the current build
        id (tabs hide the overlay, and reload if they show another build).
        The state is kept, so tabs opened later show it too.
        """
        diags = list(diagnostics)
        with self._lock:
            self._errors = diags
            self._broadcast(self._state_message())

    def _state_message(self) -> bytes:
        if self._errors:
            return _sse("errors", json.dumps([d.to_json() for d in self._errors]))
        return _sse("ok", json.dumps({"build": self._build_id}))

    def _broadcast(self, message: bytes) -> None:
        for client in self._clients:
            client.inbox.put(message)

    def _add_client(self) -> _Client:
        client = _Client()
        with self._lock:
            # Queue the state under the lock that broadcasts take, so no event
            # can slip between "read the state" and "start receiving".
            client.inbox.put(self._state_message())
            if self._closed:
                client.inbox.put(None)
            self._clients.add(client)
        return client

    def _remove_client(self, client: _Client) -> None:
        with self._lock:
            self._clients.discard(client)
