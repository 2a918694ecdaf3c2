"""What the browser tests share: Debian's Chromium, launched one way, and the
example site built to a folder.

Chromium runs headless as root on a machine without a network, so every test
must start it with the same flags (``--disable-background-networking`` keeps
it from trying to reach Google's hosts); one function keeps them in step.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from conftest import REPO

from okrsite.pipeline import load_site
from okrsite.render import render_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@contextmanager
def chromium() -> Iterator[Any]:
    """A Playwright browser on Debian's Chromium, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@contextmanager
def served_folder(
    folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """A static file server for ``folder`` on 127.0.0.1 and a free port, as a
    host serves a built site (``handler_class``: one that answers as a
    particular host does); yields its root URL and stops it afterwards."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def write_example_site(dest: Path, as_of: date = date(2026, 11, 20)) -> Path:
    """Render the example site (content/) at ``as_of`` into ``dest``."""
    loaded = load_site(REPO, as_of=as_of)
    assert loaded.scored is not None
    for rel, data in render_site(loaded.scored, loaded.config, REPO).items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return dest
