"""The preview server's threads are bounded, whatever its clients do.

A real server on 127.0.0.1 (a free port), real sockets: hundreds of
connections opened at once get a thread each up to a limit and a prompt 503
past it; closed, they give their places back and pages load again; live
reload still reaches every tab, and one stream too many is refused.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from okrsite import server_http
from okrsite.server import EVENTS_PATH, PreviewServer

PAGE = "<!doctype html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>"

#: the preview's threads beside those answering connections: the accept loop
#: and a few of its own (the build's notices)
OWN_THREADS = 4


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "objectives").mkdir(parents=True)
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    (root / "objectives/index.html").write_text("<html><body>Objectives</body></html>")
    (root / "big.txt").write_bytes(b"x" * 300_000)
    return root


@pytest.fixture
def sockets() -> Iterator[list[socket.socket]]:
    opened: list[socket.socket] = []
    yield opened
    for sock in opened:
        sock.close()


def connect(srv: PreviewServer, opened: list[socket.socket]) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    opened.append(sock)
    return sock


def get(srv: PreviewServer, path: str = "/", timeout: float = 5.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def read_until(sock: socket.socket, marker: bytes, timeout: float = 10.0) -> bytes:
    sock.settimeout(timeout)
    seen = b""
    while marker not in seen:
        data = sock.recv(65536)
        if not data:
            raise EOFError(seen[-300:])
        seen += data
    return seen


def open_stream(srv: PreviewServer, opened: list[socket.socket]) -> socket.socket:
    """A live-reload stream, read up to the state every new stream is sent."""
    sock = connect(srv, opened)
    sock.sendall(f"GET {EVENTS_PATH} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    assert b"event: ok" in read_until(sock, b"event: ok")
    return sock


def wait_for(what: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not what():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_hundreds_of_connections_get_bounded_threads_then_a_prompt_503(
    site: Path, sockets: list[socket.socket]
) -> None:
    before = threading.active_count()
    limit = server_http.MAX_CONNECTIONS
    with PreviewServer(site) as srv:
        for _ in range(200):
            connect(srv, sockets)
        wait_for(lambda: srv._httpd.open_connections == limit)
        assert threading.active_count() <= before + limit + OWN_THREADS
        # past the limit: answered at once, not left hanging
        started = time.monotonic()
        extra = connect(srv, sockets)
        extra.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        answer = read_until(extra, b"retry.")
        assert answer.startswith(b"HTTP/1.1 503") and b"Retry-After: 1" in answer
        assert time.monotonic() - started < 3
        # the clients leave: their places are free, and pages load again
        for sock in sockets:
            sock.close()
        wait_for(lambda: srv._httpd.open_connections == 0)
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: get(srv, "/objectives/")[0], range(40)))
        assert answers == [200] * 40
        assert threading.active_count() <= before + 8 + OWN_THREADS


def test_live_reload_reaches_every_tab_and_one_stream_too_many_is_refused(
    site: Path, sockets: list[socket.socket], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_http, "MAX_STREAMS", 5)
    with PreviewServer(site, build_id="build-1") as srv:
        streams = [open_stream(srv, sockets) for _ in range(5)]
        wait_for(lambda: srv.client_count == 5)
        refused = connect(srv, sockets)
        refused.sendall(f"GET {EVENTS_PATH} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
        assert read_until(refused, b"\r\n\r\n").startswith(b"HTTP/1.0 503")
        assert get(srv)[0] == 200  # pages still load
        srv.notify_reload("build-2")
        for stream in streams:
            read_until(stream, b"build-2")
        streams[0].close()
        wait_for(lambda: srv.client_count == 4)
        open_stream(srv, sockets)  # a place is free again
