"""``okrsite serve``: malformed ``Host`` headers, and a new objective's badge
(audit 41).

A ``Host`` header that is not exactly one ``host[:port]`` (``localhost:8000,
evil.example``) was read as its first name and served; it must be refused
like a foreign host, on every path. And a new objective writes a new badge
(``badges/<id>.svg``), which counted as a changed image, so every open tab
reloaded in full instead of updating in place: no page of the site shows a
badge, so it must not. The Host header tests share one server of a folder
of their own (they only send requests, which change nothing another test
reads); each badge test serves its own copy of the example site (or a folder
of its own) on a free port of 127.0.0.1 and stops it itself.
"""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium
from playwright.sync_api import Browser, BrowserContext, Page
from test_serve import AS_OF, copy_site

from okrsite.preview import Preview
from okrsite.server import PreviewServer, in_place_ok

# -- Host headers ------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PreviewServer]:
    """One server for the module's Host header tests: they only send GET
    requests, which change nothing a later request is answered from (each
    server's start and stop cost 0.1 s, over a hundred times)."""
    root = tmp_path_factory.mktemp("hosts") / "build"
    root.mkdir()
    (root / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    srv = PreviewServer(root, port=0, allowed_hosts=("goals.internal",))
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def status_with_host(port: int, path: str, host: str) -> tuple[str, bytes]:
    """Status (code and reason) and body of ``GET path`` sent with exactly
    this ``Host`` header."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", host)
        conn.endheaders()
        resp = conn.getresponse()
        return f"{resp.status} {resp.reason}", resp.read()
    finally:
        conn.close()


def raw_answer(port: int, request: bytes) -> bytes:
    """The whole answer to ``request``, sent byte for byte."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        out = b""
        while chunk := sock.recv(65536):
            out += chunk
        return out


PATHS = ["/", "/index.html", "/__okrsite/livereload.js", "/__okrsite/worker.js"]


@pytest.mark.parametrize("path", [*PATHS, "/__okrsite/events"])
@pytest.mark.parametrize(
    "host",
    [
        "localhost:{port}, evil.example",
        "localhost:{port},evil.example",
        "localhost, evil.example",
        "evil.example, localhost",
        "localhost evil.example",
        "local host",
        "localhost:{port} evil.example",
        "localhost:abc",
        "localhost:{port}x",
        "localhost:",
        "127.0.0.1:{port}:80",
        "localhost/evil.example",
        "evil.example@localhost",
        "[::1]evil.example",
        "[::1]:{port}, evil.example",
        "::1",
        "",
        "   ",
    ],
)
def test_a_host_header_that_is_not_one_host_and_port_gets_403(
    server: PreviewServer, path: str, host: str
) -> None:
    status, body = status_with_host(server.port, path, host.format(port=server.port))
    assert status == "403 Host not allowed"
    assert b"home" not in body and b"okrsite live reload" not in body


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    "host",
    [
        "localhost:{port}",
        "localhost",
        "LOCALHOST.:{port}",
        "app.localhost:{port}",
        "127.0.0.1:{port}",
        "[::1]:{port}",
        "[::1]",
        "goals.internal",
        " localhost:{port} ",
    ],
)
def test_one_local_host_and_port_is_still_served(
    server: PreviewServer, path: str, host: str
) -> None:
    status, _ = status_with_host(server.port, path, host.format(port=server.port))
    assert status == "200 OK"


@pytest.mark.parametrize("path", [*PATHS, "/__okrsite/events"])
@pytest.mark.parametrize(
    "hosts",
    [
        ("localhost", "evil.example"),
        ("evil.example", "localhost"),
        ("localhost", "localhost"),
    ],
)
def test_several_host_headers_get_403(
    server: PreviewServer, path: str, hosts: tuple[str, ...]
) -> None:
    lines = "".join(f"Host: {h}\r\n" for h in hosts)
    answer = raw_answer(
        server.port, f"GET {path} HTTP/1.1\r\n{lines}Connection: close\r\n\r\n".encode()
    )
    assert answer.startswith(b"HTTP/1.0 403 Host not allowed\r\n"), answer[:80]
    assert b"home" not in answer


def test_a_host_header_folded_onto_two_lines_gets_403(server: PreviewServer) -> None:
    answer = raw_answer(
        server.port,
        b"GET / HTTP/1.1\r\nHost: localhost\r\n evil.example\r\nConnection: close\r\n\r\n",
    )
    assert answer.startswith(b"HTTP/1.0 403 Host not allowed\r\n"), answer[:80]


def test_a_request_without_host_is_still_served(server: PreviewServer) -> None:
    answer = raw_answer(server.port, b"GET / HTTP/1.0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 200 OK\r\n"), answer[:80]
    assert b"home" in answer


# -- a new objective's badge -------------------------------------------------------


def test_a_badge_is_no_reason_to_reload_in_full() -> None:
    assert in_place_ok(["badges/sales/apac.svg", "index.html", "api/portfolio.json"])
    assert in_place_ok(["badges/Sales/APAC.SVG"])
    # images the pages do load still are
    assert not in_place_ok(["badges/sales/apac.svg", "static/logo.svg"])
    assert not in_place_ok(["static/badges/star.svg"])
    assert not in_place_ok(["static/style.css"])


NEW_REL = "content/objectives/sales/apac.md"
NEW_TITLE = "Open the APAC market"
NEW_OBJECTIVE = f"""\
---
title: {NEW_TITLE}
cycle: 2026-Q4
owner: daniel-okafor
team: sales
key_results:
  - {{id: deals, title: Deals closed in APAC, target: 3}}
  - {{id: partners, title: Partners signed, target: 2}}
---
"""

#: bounds on a loaded two-core machine: generous, but finite
WAIT_MS = 20_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    with chromium() as b:
        yield b


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context()
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    p = Preview(copy_site(tmp_path / "site"), port=0, as_of=AS_OF, echo=lambda m: None)
    try:
        p.start()
        yield p
    finally:
        p.stop()


def open_listening(context: BrowserContext, preview: Preview, path: str) -> Page:
    """A tab on ``path`` whose live-reload script listens, with a marker set
    in its window that a full reload would lose."""
    page = context.new_page()
    page.goto(preview.server.url + path)
    page.wait_for_function("window.__okrsiteLiveReload === true", timeout=WAIT_MS)
    page.evaluate("window.__sameDocument = true")
    return page


def wait_streams(preview: Preview) -> None:
    deadline = time.monotonic() + WAIT_MS / 1000
    while preview.server.client_count < 1:
        assert time.monotonic() < deadline, "no tab opened its event stream"
        time.sleep(0.02)
    time.sleep(0.3)  # a second tab joins the shared worker's stream


def wait_settled(preview: Preview, rebuilds: int) -> None:
    """Wait until the rebuild after the save is published, and a moment for
    the tabs to act on what they were sent."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while preview.rebuilds <= rebuilds or preview.watcher.busy:
        assert time.monotonic() < deadline, "the save was never rebuilt"
        time.sleep(0.05)
    time.sleep(1.0)


RESULT_TITLES = "[...document.querySelectorAll('#search-results a')].map(a => a.textContent.trim())"


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_a_search_tab_updates_in_place_when_an_objective_is_created(
    context: BrowserContext, preview: Preview
) -> None:
    """The search page is not rendered again, but the search index is and a
    badge is written: the tab runs the search again on the new index in
    place, and shows the new objective in its results."""
    page = open_listening(context, preview, "search/index.html?q=APAC")
    wait_streams(preview)
    assert NEW_TITLE not in page.evaluate(RESULT_TITLES)
    rebuilds = preview.rebuilds
    (preview.site_root / NEW_REL).write_text(NEW_OBJECTIVE, encoding="utf-8")
    page.wait_for_function(
        f"t => {RESULT_TITLES}.includes(t)", arg=NEW_TITLE, timeout=WAIT_MS, polling=20
    )
    wait_settled(preview, rebuilds)
    assert page.evaluate("window.__sameDocument") is True
    assert NEW_TITLE in page.evaluate(RESULT_TITLES)
    assert (preview.server.current_root / "badges/sales/apac.svg").is_file()


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_the_dashboard_keeps_its_document_when_an_objective_is_created(
    context: BrowserContext, preview: Preview
) -> None:
    """The dashboard is a page in view the save touches (reloaded early, in
    place); the search tab then fetches the search index the rest of the
    rebuild writes, so the tabs are told to reload again when it ends, with
    the new badge among the files written: that must be in place too."""
    dashboard = open_listening(context, preview, "")
    search = open_listening(context, preview, "search/index.html?q=APAC")
    wait_streams(preview)
    rebuilds = preview.rebuilds
    (preview.site_root / NEW_REL).write_text(NEW_OBJECTIVE, encoding="utf-8")
    dashboard.wait_for_function(
        "t => [...document.querySelectorAll('main li')].some(li => li.textContent.includes(t))",
        arg=NEW_TITLE,
        timeout=WAIT_MS,
        polling=20,
    )
    search.wait_for_function(
        f"t => {RESULT_TITLES}.includes(t)", arg=NEW_TITLE, timeout=WAIT_MS, polling=20
    )
    wait_settled(preview, rebuilds)
    assert dashboard.evaluate("window.__sameDocument") is True
    assert search.evaluate("window.__sameDocument") is True


# -- a theme that does show badges ---------------------------------------------------


def badge_svg(width: int) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20"></svg>'


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_a_page_showing_a_badge_reloads_in_full_to_show_the_new_one(
    context: BrowserContext, tmp_path: Path
) -> None:
    """A badge is let through as no image of the layout; a page that shows
    one as an image would keep the old picture if updated in place, since
    the browser does not fetch an image again for the same document. Such a
    page reloads in full; one beside it without a badge updates in place."""
    root = tmp_path / "build"
    (root / "badges" / "sales").mkdir(parents=True)
    (root / "badges" / "sales" / "apac.svg").write_text(badge_svg(40), encoding="utf-8")
    shows = "<!doctype html><html><head><title>t</title></head><body>{}</body></html>"
    (root / "index.html").write_text(
        shows.format('<h1>v1</h1><img id="badge" src="/badges/sales/apac.svg">'), encoding="utf-8"
    )
    (root / "plain.html").write_text(shows.format("<h1>v1</h1>"), encoding="utf-8")
    with PreviewServer(root, port=0, build_id="b1") as srv:
        with_badge, plain = context.new_page(), context.new_page()
        with_badge.goto(srv.url)
        plain.goto(srv.url + "plain.html")
        for page in (with_badge, plain):
            page.wait_for_function("window.__okrsiteLiveReload === true", timeout=WAIT_MS)
            page.evaluate("window.__sameDocument = true")
        with_badge.wait_for_function(
            "document.getElementById('badge').naturalWidth === 40", timeout=WAIT_MS
        )
        deadline = time.monotonic() + WAIT_MS / 1000
        while srv.client_count < 1:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        time.sleep(0.3)
        (root / "badges" / "sales" / "apac.svg").write_text(badge_svg(90), encoding="utf-8")
        for name in ("index.html", "plain.html"):
            text = (root / name).read_text(encoding="utf-8")
            (root / name).write_text(text.replace("v1", "v2"), encoding="utf-8")
        changed = ["badges/sales/apac.svg", "index.html", "plain.html"]
        srv.notify_reload("b2", in_place=in_place_ok(changed))
        with_badge.wait_for_function(
            "document.getElementById('badge') && "
            "document.getElementById('badge').naturalWidth === 90",
            timeout=WAIT_MS,
            polling=20,
        )
        plain.wait_for_function(
            "document.querySelector('h1').textContent === 'v2'", timeout=WAIT_MS, polling=20
        )
        assert with_badge.evaluate("window.__sameDocument") is None
        assert plain.evaluate("window.__sameDocument") is True
