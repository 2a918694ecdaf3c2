"""PreviewServer over real HTTP: routing, safety, injection and the event stream."""

from __future__ import annotations

import http.client
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from okrsite.diagnostics import Diagnostic, Severity, error
from okrsite.server import (
    EVENTS_PATH,
    SCRIPT_PATH,
    SCRIPT_SRC,
    WORKER_PATH,
    PreviewServer,
    in_place_ok,
    inject_livereload,
)

SECRET = "TOP-SECRET-d41d8cd98f00"

PAGE = "<!doctype html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A built site in tmp/site, with a secret file *beside* it."""
    return make_site(tmp_path)


def make_site(tmp_path: Path) -> Path:
    """The files of :func:`site` in ``tmp_path``; its ``site`` folder."""
    (tmp_path / "secret.txt").write_text(SECRET)
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "passwd").write_text(SECRET)
    root = tmp_path / "site"
    files = {
        "index.html": PAGE,
        "objectives/index.html": "<html><body><h1>Objectives</h1></body></html>",
        "objectives/sales/emea/index.html": "<html><BODY><h1>EMEA</h1></BODY></html>",
        "404.html": "<html><body><h1>Custom 404</h1></body></html>",
        "assets/site.css": "body{color:red}",
        "assets/app.js": "console.log(1)",
        "assets/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        "api/portfolio.json": '{"objectives": []}',
        "feed.xml": '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
        "sitemap.xml": '<?xml version="1.0"?><urlset></urlset>',
        "fragment.html": "<p>no body tag</p>",
        "empty/readme.txt": "a folder without index.html",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", root / "leak.txt")
    os.symlink(tmp_path / "etc", root / "etc-link")
    (root / "inside-link.css").symlink_to(root / "assets" / "site.css")
    return root


@pytest.fixture
def server(site: Path) -> Iterator[PreviewServer]:
    srv = PreviewServer(site, build_id="build-1")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def reading_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PreviewServer]:
    """One server for the tests that only send requests and read the answers.

    Such a request changes nothing a later one is answered from (the pages
    it notes as in view are read by no test using this server), and each
    server's start and stop cost 0.1 s. Tests that change the site, the
    build or the errors, or read what was served, use :func:`server`.
    """
    srv = PreviewServer(make_site(tmp_path_factory.mktemp("reading")), build_id="build-1")
    srv.start()
    yield srv
    srv.stop()


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def request(server: PreviewServer, path: str, method: str = "GET") -> Response:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        # skip_host etc. are not needed; http.client sends the path verbatim.
        conn.putrequest(method, path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        body = resp.read()
        return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, body)
    finally:
        conn.close()


def raw_request(server: PreviewServer, target: bytes) -> bytes:
    """Send a request line byte for byte (http.client refuses some of these)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"GET " + target + b" HTTP/1.0\r\nHost: localhost\r\n\r\n")
        chunks = []
        while True:
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
    return b"".join(chunks)


# -- routing ------------------------------------------------------------------


def test_serves_index_and_nested_pages(reading_server: PreviewServer) -> None:
    server = reading_server
    home = request(server, "/")
    assert home.status == 200
    assert "<h1>Home</h1>" in home.text
    assert home.headers["content-type"] == "text/html; charset=utf-8"
    assert home.headers["cache-control"] == "no-store"
    assert "<h1>Objectives</h1>" in request(server, "/objectives/").text
    assert "<h1>EMEA</h1>" in request(server, "/objectives/sales/emea/").text
    assert "<h1>Home</h1>" in request(server, "/index.html").text
    assert request(server, "/?q=1#frag").status == 200


def test_folder_without_slash_redirects(reading_server: PreviewServer) -> None:
    server = reading_server
    resp = request(server, "/objectives/sales/emea?x=1")
    assert resp.status == 301
    # relative: a proxy serving the preview under a path keeps the browser there
    assert resp.headers["location"] == "emea/?x=1"


def test_redirect_never_leaves_the_host(server: PreviewServer, site: Path) -> None:
    (site / "evil.com").mkdir()
    resp = request(server, "//evil.com")
    assert resp.status in (301, 404)
    if resp.status == 301:
        assert resp.headers["location"] == "evil.com/"


def test_missing_page_gets_site_404_with_status(reading_server: PreviewServer) -> None:
    server = reading_server
    resp = request(server, "/no/such/page/")
    assert resp.status == 404
    assert "Custom 404" in resp.text
    assert SCRIPT_PATH in resp.text
    assert request(server, "/nope.css").status == 404


def test_builtin_404_when_site_has_none(server: PreviewServer, site: Path) -> None:
    (site / "404.html").unlink()
    resp = request(server, "/missing/<script>")
    assert resp.status == 404
    assert "<script>" not in resp.text.replace(f'<script src="{SCRIPT_PATH}"', "")
    assert SCRIPT_PATH in resp.text


def test_no_directory_listing(reading_server: PreviewServer) -> None:
    server = reading_server
    resp = request(server, "/empty/")
    assert resp.status == 404
    assert "readme.txt" not in resp.text
    assert request(server, "/empty/readme.txt").status == 200


def test_file_with_trailing_slash_is_404(reading_server: PreviewServer) -> None:
    server = reading_server
    assert request(server, "/assets/site.css/").status == 404


@pytest.mark.parametrize(
    ("path", "ctype"),
    [
        ("/assets/site.css", "text/css; charset=utf-8"),
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/logo.svg", "image/svg+xml"),
        ("/api/portfolio.json", "application/json"),
        ("/feed.xml", "application/atom+xml"),
        ("/sitemap.xml", "application/xml"),
    ],
)
def test_content_types(reading_server: PreviewServer, path: str, ctype: str) -> None:
    server = reading_server
    resp = request(server, path)
    assert resp.status == 200
    assert resp.headers["content-type"] == ctype
    assert resp.headers["cache-control"] == "no-store"
    assert SCRIPT_PATH.encode() not in resp.body


def test_head(reading_server: PreviewServer) -> None:
    server = reading_server
    get = request(server, "/")
    head = request(server, "/", "HEAD")
    assert head.status == 200
    assert head.body == b""
    assert head.headers["content-length"] == str(len(get.body))
    assert head.headers["content-type"] == get.headers["content-type"]
    css = request(server, "/assets/site.css", "HEAD")
    assert css.status == 200 and css.body == b""
    assert css.headers["content-length"] == str(len("body{color:red}"))
    assert request(server, "/nope", "HEAD").status == 404


# -- safety -------------------------------------------------------------------

TRAVERSALS = [
    "/../secret.txt",
    "/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/%2e%2e%2fetc/passwd",
    "/objectives/../../secret.txt",
    "/objectives/%2e%2e/%2e%2e/secret.txt",
    "/.%2e/secret.txt",
    "/%2fsecret.txt",
    "//etc/passwd",
    "///etc/passwd",
    "/etc-link/passwd",
    "/leak.txt",
    "/..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/..%5csecret.txt",
    "/secret.txt%00.html",
    "/%00",
    "/%ff%fe",
    "/%252e%252e/secret.txt",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_traversal_never_serves_outside_root(reading_server: PreviewServer, path: str) -> None:
    server = reading_server
    resp = raw_request(server, path.encode())
    status = int(resp.split(b" ", 2)[1])
    assert status in (400, 404), resp[:200]
    assert SECRET.encode() not in resp


@pytest.mark.parametrize(
    "target", [b"http://evil.example/secret.txt", b"secret.txt", b"/etc/passwd", b"*"]
)
def test_odd_request_targets(reading_server: PreviewServer, target: bytes) -> None:
    server = reading_server
    resp = raw_request(server, target)
    assert SECRET.encode() not in resp
    assert int(resp.split(b" ", 2)[1]) in (400, 404)


def test_symlink_inside_root_is_served(reading_server: PreviewServer) -> None:
    server = reading_server
    resp = request(server, "/inside-link.css")
    assert resp.status == 200
    assert resp.text == "body{color:red}"


def test_root_swap_serves_new_content(server: PreviewServer, tmp_path: Path) -> None:
    new = tmp_path / "site-v2"
    (new / "objectives").mkdir(parents=True)
    (new / "index.html").write_text("<html><body><h1>Version 2</h1></body></html>")
    assert "Home" in request(server, "/").text
    server.current_root = new
    assert "Version 2" in request(server, "/").text
    assert request(server, "/objectives/").status == 404
    server.current_root = str(tmp_path / "not-built-yet")
    resp = request(server, "/")
    assert resp.status == 404
    assert SCRIPT_SRC in resp.text  # the tab will reload once a build exists


# -- injection ----------------------------------------------------------------


def test_injection_in_served_html_only(server: PreviewServer, site: Path) -> None:
    on_disk = (site / "index.html").read_text()
    served = request(server, "/").text
    assert SCRIPT_PATH not in on_disk
    tag = f'<script src="{SCRIPT_SRC}" data-build="build-1"></script>'
    assert served == on_disk.replace("</body>", tag + "</body>")
    upper = request(server, "/objectives/sales/emea/").text
    # relative to the page, as every link okrsite writes
    assert upper.index(f'src="../../../{SCRIPT_SRC}"') < upper.index("</BODY>")
    assert request(server, "/fragment.html").text == "<p>no body tag</p>" + tag
    server.notify_reload("build-2")
    assert 'data-build="build-2"' in request(server, "/").text


def test_inject_escapes_build_id() -> None:
    out = inject_livereload(b"<body></body>", '"><img src=x>')
    assert b"<img" not in out
    assert out.endswith(b"</script></body>")


def test_scripts_are_served(reading_server: PreviewServer) -> None:
    server = reading_server
    js = request(server, SCRIPT_PATH)
    assert js.status == 200
    assert js.headers["content-type"].startswith("text/javascript")
    assert "EventSource" in js.text and "SharedWorker" in js.text
    assert "innerHTML" not in js.text
    worker = request(server, WORKER_PATH)
    # beside the worker's own address, wherever a proxy serves it
    assert worker.status == 200 and 'EventSource("events")' in worker.text
    assert EVENTS_PATH == "/__okrsite/events"
    assert request(server, "/__okrsite/other").status == 404


# -- server-sent events -----------------------------------------------------------


class EventStream:
    """Reads an SSE response line by line with http.client (timeouts: 5 s)."""

    def __init__(self, server: PreviewServer) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        self.conn.request("GET", EVENTS_PATH)
        self.resp = self.conn.getresponse()

    def next_event(self) -> tuple[str, str]:
        """The next (event, data); comments and ``retry:`` are skipped."""
        event, data = "message", list[str]()
        while True:
            line = self.resp.readline().decode("utf-8")
            if not line:
                raise EOFError("stream closed")
            line = line.rstrip("\n")
            if line == "":
                if data:
                    return event, "\n".join(data)
                event = "message"
                continue
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip(" "))

    def read_until(self, predicate: str) -> str:
        """Raw text up to and including a line containing ``predicate``."""
        seen: list[str] = []
        while True:
            line = self.resp.readline().decode("utf-8")
            if not line:
                raise EOFError("".join(seen))
            seen.append(line)
            if predicate in line:
                return "".join(seen)

    def close(self) -> None:
        # The response holds its own reference to the socket: close both, or
        # the connection stays open.
        self.resp.close()
        self.conn.close()


@pytest.fixture
def streams(server: PreviewServer) -> Iterator[list[EventStream]]:
    opened: list[EventStream] = []
    yield opened
    for s in opened:
        s.close()


def open_stream(server: PreviewServer, streams: list[EventStream]) -> EventStream:
    s = EventStream(server)
    streams.append(s)
    return s


def wait_clients(server: PreviewServer, n: int, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while server.client_count != n:
        assert time.monotonic() < deadline, f"{server.client_count} clients, expected {n}"
        time.sleep(0.02)


def test_stream_headers_and_initial_state(
    server: PreviewServer, streams: list[EventStream]
) -> None:
    s = open_stream(server, streams)
    assert s.resp.status == 200
    assert s.resp.getheader("Content-Type", "").startswith("text/event-stream")
    assert s.resp.getheader("Cache-Control") == "no-store"
    assert "retry: 1000" in s.read_until("retry:")
    assert s.next_event() == ("ok", json.dumps({"build": "build-1"}))


def test_reload_reaches_every_client(server: PreviewServer, streams: list[EventStream]) -> None:
    clients = [open_stream(server, streams) for _ in range(20)]
    for c in clients:
        assert c.next_event()[0] == "ok"
    wait_clients(server, 20)
    returned = server.notify_reload("build-2")
    assert returned == "build-2"
    for c in clients:
        event, data = c.next_event()
        assert event == "reload"
        assert json.loads(data) == {"build": "build-2"}
    assert server.build_id == "build-2"


def test_errors_then_ok(server: PreviewServer, streams: list[EventStream]) -> None:
    s = open_stream(server, streams)
    assert s.next_event()[0] == "ok"
    diags = [
        Diagnostic(
            "OKR101",
            Severity.ERROR,
            "key result 'revenue' has no target",
            "content/objectives/sales.md",
            12,
            5,
            hint="add `target:`",
        ),
        error("OKR200", "unknown cycle '2026-Q5'", "content/objectives/x.md", line=3),
    ]
    server.set_errors(diags)
    event, data = s.next_event()
    assert event == "errors"
    assert json.loads(data) == [d.to_json() for d in diags]
    # A tab opened while the site is broken gets the errors at once.
    late = open_stream(server, streams)
    assert late.next_event() == ("errors", data)
    server.set_errors([])
    assert s.next_event() == ("ok", json.dumps({"build": "build-1"}))
    assert late.next_event()[0] == "ok"
    assert server.errors == []


def test_notify_reload_clears_errors_unless_told(
    server: PreviewServer, streams: list[EventStream]
) -> None:
    server.set_errors([error("E1", "boom", "a.md", line=1)])
    server.notify_reload("build-2", clear_errors=False)
    assert open_stream(server, streams).next_event()[0] == "errors"
    fresh = server.notify_reload()
    assert fresh not in ("", "build-2")
    assert open_stream(server, streams).next_event() == ("ok", json.dumps({"build": fresh}))


def test_disconnecting_client_does_not_break_others(
    server: PreviewServer, streams: list[EventStream]
) -> None:
    keep = open_stream(server, streams)
    leave = [EventStream(server) for _ in range(5)]
    for c in [keep, *leave]:
        c.next_event()
    wait_clients(server, 6)
    for c in leave:
        c.close()
    server.notify_reload("build-2")
    assert keep.next_event()[0] == "reload"
    wait_clients(server, 1)  # closed streams are noticed and dropped
    server.notify_reload("build-3")
    assert json.loads(keep.next_event()[1]) == {"build": "build-3"}


def test_keepalive_comments(site: Path) -> None:
    srv = PreviewServer(site, keepalive_interval=0.2)
    srv.start()
    try:
        s = EventStream(srv)
        try:
            s.next_event()
            assert ": keep-alive" in s.read_until("keep-alive")
        finally:
            s.close()
    finally:
        srv.stop()


def test_stop_ends_streams_and_frees_port(site: Path) -> None:
    srv = PreviewServer(site)
    srv.start()
    port = srv.port
    s = EventStream(srv)
    s.next_event()
    started = time.monotonic()
    srv.stop()
    assert time.monotonic() - started < 3
    with pytest.raises((EOFError, OSError)):
        s.next_event()
    s.close()
    srv.stop()  # idempotent
    again = PreviewServer(site, port=port)  # the port can be reused at once
    again.start()
    try:
        assert request(again, "/").status == 200
        assert again.url == f"http://127.0.0.1:{port}/"
    finally:
        again.stop()


def test_context_manager_and_quiet_logging(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with PreviewServer(site) as srv:
        assert request(srv, "/").status == 200
        assert request(srv, "/nope").status == 404
    assert capsys.readouterr().err == ""
    with PreviewServer(site, verbose=True) as srv:
        request(srv, "/")
    assert '"GET / HTTP/1.1" 200' in capsys.readouterr().err


def test_pages_in_view_are_the_html_pages_served_last(server: PreviewServer) -> None:
    assert server.pages_in_view() == []
    mark = server.serial()
    assert not server.wait_served(mark, 0.05)  # nothing asked for yet
    request(server, "/objectives/sales/emea/")
    request(server, "/assets/site.css")  # not a page
    request(server, "/objectives/")
    request(server, "/objectives/sales/emea/")
    assert server.pages_in_view() == ["objectives/sales/emea/index.html", "objectives/index.html"]
    assert server.served_since(mark) == {
        "objectives/sales/emea/index.html",
        "objectives/index.html",
    }
    later = server.serial()
    assert server.served_since(later) == set()
    threading.Timer(0.05, lambda: request(server, "/objectives/")).start()
    assert server.wait_served(later, 5.0)
    assert server.served_since(later) == {"objectives/index.html"}


def test_in_place_ok_only_without_style_sheets_fonts_or_images() -> None:
    assert in_place_ok([])
    assert in_place_ok(["index.html", "api/portfolio.json", "search-index.js", "static/filters.js"])
    assert not in_place_ok(["index.html", "static/style.css"])
    assert not in_place_ok(["static/Logo.PNG"])
    assert not in_place_ok(["static/fonts/inter.woff2"])
    assert in_place_ok(["badges/sales/q4.svg"])  # no page of the theme loads a badge
    assert not in_place_ok(["static/badges/q4.svg"])


def test_reload_event_says_whether_tabs_may_update_in_place(
    server: PreviewServer, streams: list[EventStream]
) -> None:
    stream = open_stream(server, streams)
    assert stream.next_event()[0] == "ok"
    wait_clients(server, 1)
    server.notify_reload("build-2", in_place=True)
    server.notify_reload("build-3")
    assert stream.next_event() == ("reload", json.dumps({"build": "build-2", "soft": True}))
    assert stream.next_event() == ("reload", json.dumps({"build": "build-3"}))


def test_a_closed_client_is_told_from_an_open_one_past_1024_sockets() -> None:
    """The server asks whether a client left (before answering a request
    whose headers never ended, and in the live-reload stream). ``select``
    refuses a socket numbered 1024 or more, and every client then looked
    gone; a preview holding a thousand connections answered none."""
    import resource

    from okrsite.server import _peer_closed

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1300:
        pytest.skip("the system allows too few open files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1300), hard))
    held = []
    try:
        while len(held) < 1030:
            held.append(socket.socket())
        left, right = socket.socketpair()
        held += [left, right]
        assert left.fileno() >= 1024
        assert not _peer_closed(left)  # open, nothing sent
        right.sendall(b"GET")
        assert not _peer_closed(left)  # open, something to read
        left.recv(3)
        right.close()
        assert _peer_closed(left)
    finally:
        for sock in held:
            sock.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
