"""The preview's HTTP side: the socket server and the request handler.

:class:`_Handler` answers each request from the build being served
(:attr:`okrsite.server.PreviewServer.current_root`, read per request): a file
with its Content-Type (HTML pages with the live-reload tag), a redirect to a
folder's address, the site's 404 page, or, under ``/__okrsite/``, the
live-reload script and event stream (:mod:`okrsite.server_livereload`). What
it may serve is decided by :mod:`okrsite.server_safety`.
"""

from __future__ import annotations

import contextlib
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
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from okrsite.server_livereload import (
    EVENTS_PATH,
    INTERNAL_PREFIX,
    RETRY_MS,
    SCRIPT_PATH,
    WORKER_JS,
    WORKER_PATH,
    inject_livereload,
    page_root,
)
from okrsite.server_not_found import not_found_page
from okrsite.server_safety import (
    _BadRequest,
    _Found,
    _Missing,
    _Redirect,
    host_allowed,
    resolve_request,
    url_segments,
)
from okrsite.server_words import livereload_js

if TYPE_CHECKING:
    from okrsite.server import PreviewServer

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


#: connections answered at once, each by a thread of its own; one more is
#: answered 503 and closed, so a client that opens hundreds of connections
#: (a stuck script, a page on this machine) cannot make hundreds of threads.
#: A browser opens six per site, so this is ten browsers' worth.
MAX_CONNECTIONS = 64
#: live-reload event streams open at once (one per open tab): each holds its
#: connection, so they may take only part of :data:`MAX_CONNECTIONS`
MAX_STREAMS = 40

_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Retry-After: 1\r\n"
    b"Cache-Control: no-store\r\n"
    b"Connection: close\r\n"
    b"Content-Length: 47\r\n\r\n"
    b"okrsite preview: too many connections, retry.\r\n"
)


class _HTTPServer(ThreadingHTTPServer):
    """The socket server: a thread per connection, at most
    :data:`MAX_CONNECTIONS` of them; a deep listen queue, no DNS lookup."""

    daemon_threads = True
    # Ten tabs reloading at once each open a handful of connections; the
    # default backlog of 5 would make some of them wait a SYN retry (1 s+).
    request_queue_size = 128
    preview: PreviewServer

    def server_activate(self) -> None:
        self._open = 0
        self._open_lock = threading.Lock()
        super().server_activate()

    @property
    def open_connections(self) -> int:
        """Connections being answered now (each holds a thread)."""
        return self._open

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            busy = self._open >= MAX_CONNECTIONS
            if not busy:
                self._open += 1
        if busy:  # answered here, in the accepting thread, without reading it
            with contextlib.suppress(OSError):
                request.settimeout(1.0)
                request.sendall(_BUSY)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:  # no thread started: its place is free again
            with self._open_lock:
                self._open -= 1
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._open_lock:
                self._open -= 1

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
        # Several Host headers are refused like a foreign one: which of them
        # names the request depends on who reads it (a proxy may take the
        # last, while the check below would read only the first).
        hosts = self.headers.get_all("Host")
        if hosts is not None and (
            len(hosts) != 1 or not host_allowed(hosts[0], self.server.preview.allowed_hosts)
        ):
            self.send_error(HTTPStatus.FORBIDDEN, "Host not allowed")
            return
        raw = self.path.split("#", 1)[0]
        raw, _, query = raw.partition("?")
        try:
            # before routing: /__okrsite/../x is refused like /a/../x
            segments = url_segments(raw)
        except _BadRequest:
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad path")
            return
        if raw.startswith(INTERNAL_PREFIX):
            self._internal(raw, head)
            return
        preview = self.server.preview
        root = preview.current_root
        trailing = raw.endswith("/")
        found = resolve_request(root, segments, trailing_slash=trailing)
        if isinstance(found, _Missing):
            # Noted as asked for, then looked up once more: a rebuild that
            # writes the page after the first look either sees the note (and
            # tells the tabs to reload again) or wrote it before the second.
            preview._missing_requested(segments, trailing_slash=trailing)
            root = preview.current_root
            found = resolve_request(root, segments, trailing_slash=trailing)
        if isinstance(found, _Redirect):
            location = found.location + (f"?{query}" if query else "")
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif isinstance(found, _Found):
            self._send_file(found.path, HTTPStatus.OK, head, page_root(raw))
        else:
            self._send_not_found(root, raw, head)

    def _send_file(self, path: Path, status: int, head: bool, root: str) -> None:
        """``path``'s bytes; an HTML page's with the live-reload tag, its
        address relative to the page (``root``, the ``../`` chain from the
        address asked for to the preview's root)."""
        suffix = path.suffix.lower()
        # Noted before the file is read: a rebuild that writes it after this
        # point knows the tab may have got the old bytes (served_since).
        self.server.preview._file_served(path, page=suffix in _HTML_SUFFIXES)
        try:
            f = path.open("rb")
        except OSError:
            # Gone between resolving and opening (a build was swapped in).
            self._send_not_found(self.server.preview.current_root, self.path, head, root)
            return
        with f:
            if suffix in _HTML_SUFFIXES:
                body = inject_livereload(f.read(), self.server.preview.build_id, root)
                self._send_body(status, content_type(path), body, len(body), head)
                return
            start = f.read(1024) if suffix == ".xml" else b""
            f.seek(0)
            size = os.fstat(f.fileno()).st_size
            self._send_body(status, content_type(path, start), f, size, head)

    def _send_not_found(self, root: Path, raw: str, head: bool, page: str | None = None) -> None:
        """The site's own ``404.html`` (with live reload), else a plain page.

        The fallback page carries the live-reload script too, so a tab opened
        on a page that does not exist yet shows it as soon as a build adds it.
        """
        back = page_root(raw) if page is None else page
        found = resolve_request(root, ["404.html"], trailing_slash=False)
        if isinstance(found, _Found):
            self._send_file(found.path, HTTPStatus.NOT_FOUND, head, back)
            return
        preview = self.server.preview
        text = not_found_page(raw, preview.language, preview.words[1])
        body = inject_livereload(text, self.server.preview.build_id, back)
        self._send_body(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", body, len(body), head)

    def _internal(self, raw: str, head: bool) -> None:
        js = "text/javascript; charset=utf-8"
        if raw == EVENTS_PATH:
            self._stream_events(head)
        elif raw == SCRIPT_PATH:
            body = livereload_js(self.server.preview.words).encode("utf-8")
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
        if preview.client_count >= MAX_STREAMS:
            # every open tab holds one; past the limit a tab retries (the
            # script reconnects) instead of taking the pages' connections
            self.send_response(HTTPStatus.SERVICE_UNAVAILABLE)
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
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
