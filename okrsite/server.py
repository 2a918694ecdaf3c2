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

The parts: the request handler and socket server (:mod:`okrsite.server_http`),
what it may serve (:mod:`okrsite.server_safety`: the Host check and path
rules) and live reload's script and event messages
(:mod:`okrsite.server_livereload`). This module is :class:`PreviewServer`,
which owns the socket, the open event streams and the state they are sent.
"""

from __future__ import annotations

import functools
import json
import os
import threading
import types
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Union

from okrsite.diagnostics import Diagnostic
from okrsite.server_http import IDLE_TIMEOUT as IDLE_TIMEOUT
from okrsite.server_http import _Handler as _Handler
from okrsite.server_http import _HTTPServer, _HTTPServer6
from okrsite.server_http import _peer_closed as _peer_closed
from okrsite.server_http import content_type as content_type
from okrsite.server_livereload import EVENTS_PATH as EVENTS_PATH
from okrsite.server_livereload import INTERNAL_PREFIX as INTERNAL_PREFIX
from okrsite.server_livereload import LIVERELOAD_JS as LIVERELOAD_JS
from okrsite.server_livereload import RETRY_MS as RETRY_MS
from okrsite.server_livereload import SCRIPT_PATH as SCRIPT_PATH
from okrsite.server_livereload import SCRIPT_SRC as SCRIPT_SRC
from okrsite.server_livereload import WORKER_JS as WORKER_JS
from okrsite.server_livereload import WORKER_PATH as WORKER_PATH
from okrsite.server_livereload import _Client, _sse
from okrsite.server_livereload import in_place_ok as in_place_ok
from okrsite.server_livereload import inject_livereload as inject_livereload
from okrsite.server_livereload import script_tag as script_tag
from okrsite.server_safety import host_allowed as host_allowed
from okrsite.server_safety import resolve_request as resolve_request

if TYPE_CHECKING:
    from okrsite.server_words import SiteWords
from okrsite.server_safety import url_segments as url_segments

__all__ = [
    "PreviewServer",
    "EVENTS_PATH",
    "SCRIPT_PATH",
    "SCRIPT_SRC",
    "WORKER_PATH",
    "in_place_ok",
    "inject_livereload",
    "LIVERELOAD_JS",
    "WORKER_JS",
]

StrPath = Union[str, "os.PathLike[str]"]


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
        #: the site's ``language`` (``okrsite.toml``), which the page served
        #: where the build has no ``404.html`` yet speaks (the preview sets it)
        self.language = "en"
        #: the site's words for what the preview writes itself (the error
        #: overlay, that 404 page), from the catalogues its pages read
        #: (:func:`okrsite.server_words.site_words`; the preview sets it)
        self.words: SiteWords = ("en", {})
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
        #: set (under the lock) by the server thread as it begins serving
        self._serving = False
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
            self._note(rel, page=page)
            self._served_changed.notify_all()

    def _missing_requested(self, segments: list[str], *, trailing_slash: bool) -> None:
        """Note a request the build has no file for, as if the files that would
        answer it had been served: a tab showing the 404 page is waiting for
        them. A rebuild then renders such a page first when it adds it (it is
        a page in view), and a tab that got the 404 page after the early
        reload is told to reload again when the rest of the rebuild writes it
        (:meth:`fetched_since`)."""
        base = "/".join(segments)
        if trailing_slash or not base:
            names = [f"{base}/index.html" if base else "index.html"]
        else:  # a file, or a folder's page once a build makes it one
            names = [base, f"{base}/index.html"]
        with self._served_changed:
            for rel in names:
                self._note(rel, page=rel.lower().endswith((".html", ".htm")))
            self._served_changed.notify_all()

    def _note(self, rel: str, *, page: bool) -> None:
        """Note ``rel`` as requested now; the caller holds the lock."""
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
        """Wait until some HTML page is requested after ``mark`` (or ``timeout``,
        or :meth:`stop`: then no tab will ask, and this returns ``False``)."""
        with self._served_changed:
            self._served_changed.wait_for(lambda: self._page_serial > mark or self._closed, timeout)
            return self._page_serial > mark

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
            target=self._serve_unless_closed, name=f"okrsite-preview-{self.port}", daemon=True
        )
        self._thread.start()

    def _serve_unless_closed(self) -> None:
        """The server thread: serve until :meth:`stop`, unless it came first.

        An interrupt can end :meth:`start` between making the thread and
        starting it, or before the thread got here; :meth:`stop` then must
        not wait for ``shutdown()``, which waits for a ``serve_forever`` that
        never runs (``okrsite serve`` would hang on Ctrl-C)."""
        with self._served_changed:
            if self._closed:
                return
            self._serving = True
        self._httpd.serve_forever(poll_interval=0.1)

    def stop(self) -> None:
        """Close all event streams, stop serving and release the port.

        From the moment this is called nothing more is sent to any tab
        (:meth:`notify_reload` and :meth:`set_errors` only keep the state):
        a tab told to reload now would reload into a refused connection, an
        error page without the live-reload script, which never comes back.
        A tab whose stream just closed instead reconnects and reloads once
        ``okrsite serve`` runs again."""
        with self._served_changed:
            if self._closed:
                return
            self._closed = True
            for client in self._clients:
                client.inbox.put(None)
            self._served_changed.notify_all()
            serving = self._serving
        if serving:
            self._httpd.shutdown()
        thread = self._thread
        if thread is not None and thread.is_alive():
            thread.join()
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
        if self._closed:  # stopping: see stop()
            return
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
