"""``okrsite serve`` behind a reverse proxy that serves it under a path
(audit 44, publisher finding 5), as nginx's ``location /okrs/ { proxy_pass
http://127.0.0.1:PORT/; }`` does: the folder redirect and the live-reload
script stay under ``/okrs/``, and a saved file reloads the open page through
the proxy.

A real ``okrsite serve`` of a copy of the example site on a free port of
127.0.0.1, and a tiny prefix-stripping proxy in this test on another; both
are stopped by the test. The browser part uses Debian's chromium.
"""

from __future__ import annotations

import http.client
import re
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import copy_example
from test_serve import Served, fetch

PREFIX = "/okrs/"
CHROMIUM = Path("/usr/bin/chromium")
WAIT_MS = 30_000


class _Proxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: int) -> None:
        super().__init__(("127.0.0.1", 0), _StripPrefix)
        self.upstream = upstream
        #: (path asked for, status answered) of each request passed on
        self.seen: list[tuple[str, int]] = []


class _StripPrefix(BaseHTTPRequestHandler):
    """``/okrs/x`` → the preview's ``/x``, answers passed back as they are
    (redirects not followed, event streams streamed); 404 outside ``/okrs/``."""

    server: _Proxy

    def do_GET(self) -> None:
        if not self.path.startswith(PREFIX):
            self.server.seen.append((self.path, 404))
            self.send_error(404, "not under /okrs/")
            return
        conn = http.client.HTTPConnection("127.0.0.1", self.server.upstream, timeout=30)
        try:
            conn.request(
                "GET",
                "/" + self.path[len(PREFIX) :],
                headers={"Host": f"127.0.0.1:{self.server.upstream}"},
            )
            resp = conn.getresponse()
            self.server.seen.append((self.path, resp.status))
            self.send_response(resp.status)
            for name in ("Content-Type", "Location", "Cache-Control"):
                if resp.getheader(name) is not None:
                    self.send_header(name, resp.getheader(name, ""))
            self.send_header("Connection", "close")
            self.end_headers()
            while chunk := resp.read1(65536):
                self.wfile.write(chunk)
                self.wfile.flush()
        except OSError:
            pass  # the browser or the preview went away
        finally:
            conn.close()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def proxied(tmp_path: Path) -> Iterator[tuple[str, _Proxy, Path]]:
    """(the site's address through the proxy, the proxy, the site)."""
    site = copy_example(tmp_path / "site")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    served = Served("--port", "0", "--site", str(site), "--as-of", "2026-11-20", tmp=tmp)
    try:
        found = served.wait_line(r"serving \S+ at http://127\.0\.0\.1:(\d+)/")
        proxy = _Proxy(int(found.group(1)))
        thread = threading.Thread(target=proxy.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{proxy.server_address[1]}{PREFIX}", proxy, site
        finally:
            proxy.shutdown()
            proxy.server_close()
            thread.join(10)
    finally:
        served.interrupt()


def _no_redirect_get(url: str) -> tuple[int, str | None]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        conn.request("GET", parts.path)
        resp = conn.getresponse()
        resp.read()
        return resp.status, resp.getheader("Location")
    finally:
        conn.close()


def test_redirect_and_script_stay_under_the_path(proxied: tuple[str, _Proxy, Path]) -> None:
    base, _, _ = proxied
    status, location = _no_redirect_get(base + "kpis/arr")
    assert (status, location) == (301, "arr/")
    landed = urllib.parse.urljoin(base + "kpis/arr", location)
    assert landed == base + "kpis/arr/"
    status, page = fetch(landed)
    assert status == 200
    src = re.search(r'<script src="([^"]*livereload\.js)" data-build=', page)
    assert src is not None and src.group(1) == "../../__okrsite/livereload.js"
    script = urllib.parse.urljoin(landed, src.group(1))
    assert script == base + "__okrsite/livereload.js"
    status, js = fetch(script)
    assert status == 200 and "EventSource" in js


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_a_page_behind_the_proxy_reloads_itself(proxied: tuple[str, _Proxy, Path]) -> None:
    from playwright.sync_api import sync_playwright

    base, proxy, site = proxied
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page()
            page.goto(base + "kpis/arr", wait_until="load")
            assert page.url == base + "kpis/arr/"
            page.wait_for_function("window.__okrsiteLiveReload === true", timeout=WAIT_MS)
            page.wait_for_function("document.readyState === 'complete'", timeout=WAIT_MS)
            kpi = site / "content/kpis/arr.md"
            text = kpi.read_text(encoding="utf-8")
            # the event stream is opened through the proxy, under the path
            deadline_ms = WAIT_MS
            while not any(path.endswith("__okrsite/events") for path, _ in proxy.seen):
                page.wait_for_timeout(50)
                deadline_ms -= 50
                assert deadline_ms > 0, proxy.seen
            new = re.sub(r"(?m)^title: .*$", "title: Saved behind the proxy", text, count=1)
            kpi.write_text(new, encoding="utf-8")
            page.wait_for_function(
                "() => (document.querySelector('h1') || {}).textContent === "
                "'Saved behind the proxy'",
                timeout=WAIT_MS,
            )
        finally:
            browser.close()
    outside = [(path, status) for path, status in proxy.seen if not path.startswith(PREFIX)]
    missing = [(path, status) for path, status in proxy.seen if status == 404]
    assert not outside and not missing, proxy.seen
