"""Live reload and the error overlay in a real browser (Debian's chromium).

These drive the injected script end to end: the server pushes, the page
reacts, with nothing done in the page by the test.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium
from playwright.sync_api import Browser, BrowserContext, Page

from okrsite.diagnostics import Diagnostic, Severity, warning
from okrsite.server import PreviewServer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


def page_html(title: str, tall: bool = False) -> str:
    filler = (
        "".join(f"<p style='height:100px;margin:0'>row {i}</p>" for i in range(80)) if tall else ""
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>t</title></head>"
        f"<body><h1 id='title'>{title}</h1>{filler}</body></html>"
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context()
    yield ctx
    ctx.close()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text(page_html("Version 1"))
    return root


@pytest.fixture
def server(site: Path) -> Iterator[PreviewServer]:
    srv = PreviewServer(site, build_id="b1")
    srv.start()
    yield srv
    srv.stop()


def wait_clients(server: PreviewServer, n: int = 1, timeout: float = 10.0) -> None:
    """Wait until ``n`` event streams are open (tabs are listening)."""
    deadline = time.monotonic() + timeout
    while server.client_count < n:
        assert time.monotonic() < deadline, f"only {server.client_count} event stream(s)"
        time.sleep(0.02)


def wait_title(page: Page, text: str, timeout: float = 3000) -> None:
    """Wait until the page (reloaded by the server, not by us) shows ``text``.

    Polls every 20 ms rather than per animation frame: pages that are not in
    front may get no animation frames at all.
    """
    page.wait_for_function(
        "t => { const h = document.getElementById('title'); return !!h && h.textContent === t; }",
        arg=text,
        timeout=timeout,
        polling=20,
    )


def open_page(context: BrowserContext, server: PreviewServer) -> Page:
    page = context.new_page()
    page.goto(server.url)
    # Live-reload setup is done once the tab is subscribed through the worker
    # (or directly); the state replay arrives right after.
    page.wait_for_function("window.__okrsiteLiveReload === true")
    return page


def test_reload_after_rebuild_within_one_second(
    context: BrowserContext, server: PreviewServer, site: Path
) -> None:
    page = open_page(context, server)
    wait_clients(server)
    (site / "index.html").write_text(page_html("Version 2"))
    started = time.monotonic()
    server.notify_reload("b2")
    wait_title(page, "Version 2", timeout=1000)
    assert time.monotonic() - started < 1.0
    # The built file stays clean; only the served copy has the script.
    assert "livereload" not in (site / "index.html").read_text()
    assert page.locator("script[src$='__okrsite/livereload.js']").count() == 1


def test_error_overlay_shows_and_clears(context: BrowserContext, server: PreviewServer) -> None:
    page = open_page(context, server)
    wait_clients(server)
    server.set_errors(
        [
            Diagnostic(
                "OKR101",
                Severity.ERROR,
                "key result <b>revenue</b> has no target",
                "content/objectives/sales.md",
                12,
                5,
                hint="add `target:` to the key result",
            ),
            warning("OKR300", "objective has no owner", "content/objectives/x.md", line=2),
        ]
    )
    overlay = page.locator("#okrsite-overlay[role='alertdialog']")
    overlay.wait_for(state="visible", timeout=2000)
    text = overlay.inner_text()
    assert "okrsite: the site could not be rebuilt" in text
    assert "content/objectives/sales.md:12:5" in text
    assert "content/objectives/x.md:2" in text
    assert "OKR101" in text and "error" in text and "warning" in text
    assert "add `target:` to the key result" in text
    # User text is text, never markup.
    assert "<b>revenue</b>" in text
    assert overlay.locator("b").count() == 0
    assert page.locator("li.okrsite-diagnostic").count() == 2
    server.set_errors([])
    overlay.wait_for(state="detached", timeout=2000)
    assert page.locator("#title").inner_text() == "Version 1"  # no reload needed


def test_tab_opened_while_broken_shows_overlay(
    context: BrowserContext, server: PreviewServer, site: Path
) -> None:
    server.set_errors([Diagnostic("OKR1", Severity.ERROR, "broken", "okrsite.toml", 1, 1)])
    page = open_page(context, server)
    page.locator("#okrsite-overlay").wait_for(state="visible", timeout=2000)
    assert "okrsite.toml:1:1" in page.locator("#okrsite-overlay").inner_text()
    # The fix arrives as a new build: the tab reloads and the overlay is gone.
    (site / "index.html").write_text(page_html("Fixed"))
    server.notify_reload("b2")
    wait_title(page, "Fixed")
    assert page.locator("#okrsite-overlay").count() == 0


def test_scroll_position_kept_across_reload(
    context: BrowserContext, server: PreviewServer, site: Path
) -> None:
    # Turn off the browser's own scroll restoration: the script must do it.
    context.add_init_script("history.scrollRestoration = 'manual';")
    (site / "index.html").write_text(page_html("Tall 1", tall=True))
    page = open_page(context, server)
    wait_clients(server)
    page.evaluate("window.scrollTo(0, 3000)")
    page.wait_for_function("window.scrollY === 3000")
    (site / "index.html").write_text(page_html("Tall 2", tall=True))
    server.notify_reload("b2")
    wait_title(page, "Tall 2")
    page.wait_for_function("Math.abs(window.scrollY - 3000) < 2", timeout=2000)


def test_ten_tabs_all_reload(context: BrowserContext, server: PreviewServer, site: Path) -> None:
    pages = [open_page(context, server) for _ in range(10)]
    wait_clients(server)
    time.sleep(0.2)
    # One shared connection, not ten (the browser's per-host limit is six).
    assert server.client_count == 1
    (site / "index.html").write_text(page_html("Everyone"))
    server.notify_reload("b2")
    for page in pages:
        wait_title(page, "Everyone", timeout=3000)
    # And they keep listening after the reload.
    (site / "index.html").write_text(page_html("Again"))
    wait_clients(server)
    server.notify_reload("b3")
    for page in pages:
        wait_title(page, "Again", timeout=3000)


def test_fallback_without_shared_worker(
    context: BrowserContext, server: PreviewServer, site: Path
) -> None:
    context.add_init_script("delete window.SharedWorker;")
    page = open_page(context, server)
    wait_clients(server)
    (site / "index.html").write_text(page_html("Direct"))
    server.notify_reload("b2")
    wait_title(page, "Direct", timeout=2000)


def test_tab_reloads_after_server_restart(context: BrowserContext, site: Path) -> None:
    first = PreviewServer(site, build_id="before")
    first.start()
    port = first.port
    try:
        page = open_page(context, first)
        wait_clients(first)
    finally:
        first.stop()
    (site / "index.html").write_text(page_html("After restart"))
    second = PreviewServer(site, port=port, build_id="after")
    second.start()
    try:
        # EventSource reconnects by itself (retry: 1 s) and sees a new build.
        wait_title(page, "After restart", timeout=5000)
    finally:
        second.stop()


def scripted_page(title: str, head: str = "") -> str:
    """A page whose scripts leave a trace: an external one, then an inline one."""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title><link rel='stylesheet' href='/style.css'>{head}</head>"
        f"<body><h1 id='title'>{title}</h1><p id='trace'></p>"
        "<script src='/first.js'></script>"
        "<script>window.runs.push('inline:' + document.getElementById('title').textContent);"
        "document.getElementById('trace').textContent = window.runs.join(',');</script>"
        "</body></html>"
    )


@pytest.fixture
def scripted(site: Path) -> Path:
    (site / "style.css").write_text("h1 { color: rgb(0, 0, 255) }\n")
    (site / "first.js").write_text(
        "window.runs = window.runs || [];\n"
        "window.runs.push('first:' + document.getElementById('title').textContent);\n"
    )
    (site / "index.html").write_text(scripted_page("Version 1"))
    return site


def test_in_place_update_swaps_the_page_and_runs_its_scripts_again(
    context: BrowserContext, server: PreviewServer, scripted: Path
) -> None:
    page = open_page(context, server)
    wait_clients(server)
    page.evaluate("window.__sameDocument = true")
    (scripted / "index.html").write_text(scripted_page("Version 2"))
    server.notify_reload("b2", in_place=True)
    wait_title(page, "Version 2")
    # the same document: nothing navigated
    assert page.evaluate("window.__sameDocument") is True
    assert page.title() == "Version 2"
    # the scripts ran again against the new body, in page order
    page.wait_for_function(
        "document.getElementById('trace').textContent.endsWith('first:Version 2,inline:Version 2')"
    )
    assert page.evaluate("window.runs") == [
        "first:Version 1",
        "inline:Version 1",
        "first:Version 2",
        "inline:Version 2",
    ]
    assert page.locator("script[src$='__okrsite/livereload.js']").count() == 1
    assert page.evaluate("getComputedStyle(document.getElementById('title')).color") == (
        "rgb(0, 0, 255)"
    )
    # it keeps listening, and knows it shows the new build (no reload loop)
    (scripted / "index.html").write_text(scripted_page("Version 3"))
    server.notify_reload("b3", in_place=True)
    wait_title(page, "Version 3")
    time.sleep(0.3)
    assert page.evaluate("window.__sameDocument") is True
    assert page.evaluate("window.runs.length") == 6


def test_in_place_update_keeps_the_scroll_position(
    context: BrowserContext, server: PreviewServer, site: Path
) -> None:
    (site / "index.html").write_text(page_html("Tall 1", tall=True))
    page = open_page(context, server)
    wait_clients(server)
    page.evaluate("window.scrollTo(0, 3000); window.__sameDocument = true")
    page.wait_for_function("window.scrollY === 3000")
    (site / "index.html").write_text(page_html("Tall 2", tall=True))
    server.notify_reload("b2", in_place=True)
    wait_title(page, "Tall 2")
    assert page.evaluate("window.__sameDocument") is True
    assert abs(page.evaluate("window.scrollY") - 3000) < 2


@pytest.mark.parametrize(
    "change",
    [
        "another style sheet",
        "a script in the head",
        "the page opts out",
        "another language",
        "the page is gone",
        "not in place",
    ],
)
def test_reloads_in_full_when_the_page_cannot_be_swapped(
    context: BrowserContext, server: PreviewServer, scripted: Path, change: str
) -> None:
    page = open_page(context, server)
    wait_clients(server)
    page.evaluate("window.__sameDocument = true")
    new = scripted_page("Version 2")
    if change == "another style sheet":
        new = scripted_page("Version 2", "<link rel='stylesheet' href='/more.css'>")
    elif change == "a script in the head":
        new = scripted_page("Version 2", "<script src='/first.js' defer></script>")
    elif change == "the page opts out":
        new = scripted_page("Version 2", "<meta name='okrsite-reload' content='full'>")
    elif change == "another language":
        new = new.replace("lang='en'", "lang='de'")
    (scripted / "index.html").write_text(new)
    if change == "the page is gone":
        (scripted / "index.html").unlink()
        (scripted / "404.html").write_text(page_html("Version 2"))
    server.notify_reload("b2", in_place=change != "not in place")
    wait_title(page, "Version 2")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__sameDocument === undefined")


@pytest.mark.parametrize("shared_worker", [True, False])
def test_a_tab_whose_stream_was_refused_listens_again(
    context: BrowserContext,
    server: PreviewServer,
    site: Path,
    monkeypatch: pytest.MonkeyPatch,
    shared_worker: bool,
) -> None:
    """Past the preview's limit of live-reload streams a stream is answered
    503, which closes a browser's EventSource for good: the script asks again
    a moment later, so the tab reloads once a place is free."""
    from okrsite import server_http

    if not shared_worker:
        context.add_init_script("delete window.SharedWorker;")
    monkeypatch.setattr(server_http, "MAX_STREAMS", 0)
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_function("window.__okrsiteLiveReload === true")
    time.sleep(0.5)
    assert server.client_count == 0  # refused
    monkeypatch.setattr(server_http, "MAX_STREAMS", 40)
    wait_clients(server, timeout=10)
    (site / "index.html").write_text(page_html("After the limit"))
    server.notify_reload("b2")
    wait_title(page, "After the limit", timeout=3000)
