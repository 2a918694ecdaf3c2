"""``okrsite serve``: a page that does not exist yet, and dot segments under
``/__okrsite/`` (audit 39).

The tests of paths under ``/__okrsite/`` share one server of a folder of
their own (they only read statuses, which no request changes); every other
test serves its own copy of the example site (or a folder of its own) on a
free port of 127.0.0.1 and stops it itself.
"""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_serve import AS_OF, WAIT, copy_site, fetch, settle
from test_serve_audit36 import Events

from okrsite.preview import Preview
from okrsite.server import PreviewServer

NEW_REL = "content/objectives/sales/hiring.md"
NEW_URL = "objectives/sales/hiring/"
NEW_TITLE = "Hire two sales engineers"
NEW_OBJECTIVE = f"""\
---
title: {NEW_TITLE}
cycle: 2026-Q4
owner: daniel-okafor
team: sales
key_results:
  - {{id: hires, title: Sales engineers hired, target: 2}}
---
"""


def raw_status(port: int, path: str, method: str = "GET") -> int:
    """The status of a request for ``path`` sent exactly as written."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


# -- dot segments under /__okrsite/ ----------------------------------------------


def serve_a_folder(folder: Path) -> Iterator[PreviewServer]:
    """A server of a built folder in ``folder``, with a file beside it that
    ``..`` would reach."""
    root = folder / "build"
    root.mkdir()
    (root / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    (folder / "okrsite.toml").write_text("secret = 1\n", encoding="utf-8")
    srv = PreviewServer(root, port=0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PreviewServer]:
    """One server for the tests that only ask for paths and read the status
    (a server's start and stop cost 0.1 s, 29 times over)."""
    yield from serve_a_folder(tmp_path_factory.mktemp("internal-paths"))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[PreviewServer]:
    """A server of its own, for a test that reads what was fetched."""
    yield from serve_a_folder(tmp_path)


@pytest.mark.parametrize(
    "path",
    [
        "/__okrsite/../okrsite.toml",
        "/__okrsite/%2e%2e/index.html",
        "/__okrsite/%2E%2E/index.html",
        "/__okrsite/./livereload.js",
        "/__okrsite/%2e/livereload.js",
        "/__okrsite/events/../../x",
        "/__okrsite/..",
        "/__okrsite/.",
        "/__okrsite/..%2fokrsite.toml",
        "/__okrsite/livereload.js/..",
        "/__okrsite/%5c..%5cx",
        "/__okrsite/\\livereload.js",
        "/__okrsite/%00",
        "/__okrsite/%ff",
    ],
)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_bad_paths_under_the_internal_prefix_get_400(
    shared_server: PreviewServer, path: str, method: str
) -> None:
    server = shared_server
    assert raw_status(server.port, path, method) == 400
    # the same path outside /__okrsite/ was refused so already
    assert raw_status(server.port, path.replace("/__okrsite", "/x", 1), method) == 400


def test_the_internal_paths_still_answer(shared_server: PreviewServer) -> None:
    server = shared_server
    assert raw_status(server.port, "/__okrsite/livereload.js") == 200
    assert raw_status(server.port, "/__okrsite/worker.js") == 200
    assert raw_status(server.port, "/__okrsite/livereload.js?v=1") == 200
    assert raw_status(server.port, "/__okrsite/nothing") == 404
    assert raw_status(server.port, "/__okrsite/events", "HEAD") == 200


# -- a page that does not exist yet ----------------------------------------------


def test_a_missing_page_counts_as_fetched_and_in_view(server: PreviewServer) -> None:
    mark = server.serial()
    assert raw_status(server.port, "/objectives/eng/hiring/") == 404
    assert raw_status(server.port, "/notes.html") == 404
    assert raw_status(server.port, "/data/extra") == 404
    fetched = server.fetched_since(mark)
    assert fetched is not None
    assert {
        "objectives/eng/hiring/index.html",
        "notes.html",
        "data/extra",
        "data/extra/index.html",
    } <= fetched
    in_view = server.pages_in_view()
    assert "objectives/eng/hiring/index.html" in in_view
    assert "notes.html" in in_view
    assert "data/extra" not in in_view


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    p = Preview(copy_site(tmp_path / "site"), port=0, as_of=AS_OF, echo=lambda m: None)
    try:
        p.start()
        yield p
    finally:
        p.stop()


def test_a_404_fetched_after_the_early_reload_is_told_to_reload_again(
    preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit's two tabs, by hand: the dashboard is in view (so the rebuild
    reloads it early), and the tab on the missing page asks for it again after
    the early reload, before the rest of the rebuild writes it."""
    server = preview.server
    messages: list[str] = []
    preview.echo = messages.append
    url = server.url
    events = Events(server.port)
    try:
        assert events.next_event() == "ok"
        assert fetch(url)[0] == 200
        assert fetch(url + NEW_URL)[0] == 404
        # only the dashboard counts as in view, so the new page is written
        # with the rest of the rebuild (as when many pages are in view)
        monkeypatch.setattr(server, "pages_in_view", lambda limit=8: ["index.html"])
        refetched: list[int] = []
        early = preview.let_tabs_reload

        def tabs_reload(mark: int) -> None:
            refetched.append(fetch(url + NEW_URL)[0])  # the 404 tab's reload
            early(mark)

        monkeypatch.setattr(preview, "let_tabs_reload", tabs_reload)
        (preview.site_root / NEW_REL).write_text(NEW_OBJECTIVE, encoding="utf-8")
        assert events.next_event() == "reload"  # the early one
        assert events.next_event() == "reload", messages  # once the page is written
        settle(preview)
        assert refetched == [404]
    finally:
        events.close()
    status, body = fetch(url + NEW_URL)
    assert status == 200 and NEW_TITLE in body
    rebuilt = [m for m in messages if m.startswith("okrsite: rebuilt")]
    assert len(rebuilt) == 1 and "pages in view" not in rebuilt[0], messages


def test_a_404_page_in_view_is_rendered_first(preview: Preview) -> None:
    server = preview.server
    messages: list[str] = []
    preview.echo = messages.append
    events = Events(server.port)
    try:
        assert events.next_event() == "ok"
        assert fetch(server.url)[0] == 200
        assert fetch(server.url + NEW_URL)[0] == 404
        (preview.site_root / NEW_REL).write_text(NEW_OBJECTIVE, encoding="utf-8")
        assert events.next_event() == "reload"
        # the early reload already has the new page
        status, body = fetch(server.url + NEW_URL, timeout=WAIT)
        assert status == 200 and NEW_TITLE in body
        settle(preview)
    finally:
        events.close()
    rebuilt = [m for m in messages if m.startswith("okrsite: rebuilt")]
    assert len(rebuilt) == 1 and "pages in view reloaded" in rebuilt[0], messages
