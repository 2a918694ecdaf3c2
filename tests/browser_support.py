"""What the browser tests share: Debian's Chromium, launched one way, the
example site built to a folder (once for all test workers), and axe run on a
page.

Chromium runs headless as root on a machine without a network, so every test
must start it with the same flags (``--disable-background-networking`` keeps
it from trying to reach Google's hosts); one function keeps them in step.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from built_once import made_once
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


def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site at 2026-11-20 (:func:`write_example_site`), rendered
    once for every test module and xdist worker that asks: the browser tests
    only read it. Its folder's parent is the run's temporary folder, so a
    server of the parent serves the site under a sub-path."""
    return made_once(tmp_path_factory, "example-site-2026-11-20", write_example_site)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on ``page`` as it is now, as
    ``axe_playwright_python``'s ``Axe().run(page)`` finds them (the same
    script and options); the script is put into a document once, so a second
    run on the same document (after switching to the dark scheme, say) does
    not send its 500 kB again."""
    from axe_playwright_python.base import AXE_SCRIPT
    from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS

    if not page.evaluate("typeof window.axe === 'object' && typeof axe.run === 'function'"):
        page.evaluate(AXE_SCRIPT)
    found = page.evaluate(f"axe.run({json.dumps(DEFAULT_OPTIONS)})")
    return list(found["violations"])


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations a test fails on: serious or critical ones."""
    return [v for v in violations if v["impact"] in ("serious", "critical")]
