"""The edges: the output folder, leftovers of killed runs, signals, the watcher, the preview server.

Real builds into ``tmp_path``, real subprocesses sent real signals, a real
HTTP server on 127.0.0.1 and real sockets left idle.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from okrsite import server as server_mod
from okrsite.cli import cli
from okrsite.server import PreviewServer, host_allowed
from okrsite.watch import SiteWatcher
from okrsite.writer import MARKER, STAGING_MARKER, remove_leftovers

OBJECTIVE = """\
---
title: Grow sales
cycle: 2026-Q1
owner: uma-diaz
key_results:
  - {id: deals, title: Close deals, target: 10, current: 4}
  - {id: calls, title: Make calls, target: 100, current: 40}
---
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for folder in ("content/objectives", "templates", "static", "themes"):
        (root / folder).mkdir(parents=True)
    (root / "okrsite.toml").write_text('title = "Acme"\nas_of = "2026-02-15"\n')
    (root / "content/objectives/sales.md").write_text(OBJECTIVE)
    return root


def build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.output


# ---------------------------------------------------------------- 4. output folder
@pytest.mark.parametrize(
    "out",
    ["templates", "static", "content", "content/objectives", "themes", "themes/x", "static/_site"],
)
def test_the_output_may_not_overlap_a_folder_okrsite_reads(site: Path, out: str) -> None:
    code, output = build("--site", str(site), "--out", str(site / out))
    assert code == 1
    assert "overlaps" in output and "Traceback" not in output
    assert len([ln for ln in output.splitlines() if "Error" in ln]) == 1


def test_output_dir_setting_templates_never_becomes_template_overrides(site: Path) -> None:
    (site / "okrsite.toml").write_text('output_dir = "templates"\n')
    (site / "content/objectives/sales.md").write_text(
        OBJECTIVE.replace("Grow sales", "'{% set x = 1 %}{{ 7 * 7 }}'")
    )
    code, output = build("--site", str(site))
    assert code == 1 and "overlaps the templates folder" in output
    assert list((site / "templates").iterdir()) == []


def test_a_missing_content_folder_is_an_error(site: Path) -> None:
    (site / "okrsite.toml").write_text('content_dir = "nope"\n')
    code, output = build("--site", str(site))
    assert code == 1 and "CFG012" in output and "'nope' does not exist" in output
    result = CliRunner().invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 1


def test_a_content_folder_outside_the_site_is_an_error(site: Path) -> None:
    (site / "okrsite.toml").write_text('content_dir = "../"\n')
    code, output = build("--site", str(site))
    assert code == 1 and "CFG012" in output


@pytest.mark.parametrize(
    "out",
    ["/proc/okrsite-out", "FILE/inside", "o" * 260, "/dev/null", "/proc/self/x/y"],
)
def test_every_out_failure_is_one_line(site: Path, out: str) -> None:
    (site / "FILE").write_text("a file")
    target = out.replace("FILE", str(site / "FILE"))
    code, output = build("--site", str(site), "--out", target)
    assert code == 1, output
    assert "Traceback" not in output
    assert len(output.strip().splitlines()) == 1, output
    if out == "FILE/inside":  # the system says "Not a directory"; the message names the file
        assert f"{site / 'FILE'} is a file, not a folder; choose another --out" in output, output


# ---------------------------------------------------------------- 5. leftovers
def test_stale_staging_folders_of_killed_builds_are_removed(site: Path) -> None:
    dead = site / "._site.okrsite-tmp-999999999-1"
    dead.mkdir()
    (dead / STAGING_MARKER).write_text("999999999\n")
    (dead / "index.html").write_text("x")
    alive = site / f"._site.okrsite-tmp-{os.getpid()}-2"
    alive.mkdir()
    (alive / STAGING_MARKER).write_text(f"{os.getpid()}\n")
    old = site / "._site.okrsite-old-1-3"
    old.mkdir()
    (old / MARKER).write_text("")
    foreign = site / "._site.okrsite-tmp-not-ours"
    foreign.mkdir()  # no marker: not made by okrsite, never touched
    # killed between making the folder and writing its marker: empty, its maker gone
    unmarked = site / "._site.okrsite-tmp-999999998-4"
    unmarked.mkdir()
    filled = site / "._site.okrsite-tmp-999999997-5"
    filled.mkdir()
    (filled / "notes.txt").write_text("someone's")  # not empty: not ours to judge
    making = site / f"._site.okrsite-tmp-{os.getpid()}-6"
    making.mkdir()  # its maker runs: it may be writing the marker now
    code, output = build("--site", str(site))
    assert code == 0, output
    assert not dead.exists() and not old.exists() and not unmarked.exists()
    assert alive.exists() and foreign.exists() and filled.exists() and making.exists()
    assert remove_leftovers(site / "_site") == 0


def test_a_killed_build_leaves_nothing_the_next_build_keeps(site: Path) -> None:
    for i in range(40):
        (site / f"content/objectives/o{i}.md").write_text(OBJECTIVE)
    proc = subprocess.Popen(
        [sys.executable, "-m", "okrsite", "build", "--site", str(site), "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(site.glob("._site.okrsite-tmp-*")):
        time.sleep(0.005)
    proc.kill()
    proc.wait()
    code, output = build("--site", str(site))
    assert code == 0, output
    assert not list(site.glob("._site.okrsite-*"))


def test_a_linked_out_output_folder_is_refused_but_an_outside_link_is_followed(
    site: Path, tmp_path: Path
) -> None:
    """A ``_site`` link in the site that leads out of it (one a pull request
    can commit) is refused; a link outside the site on the way of ``--out``
    is the command line's business, and followed."""
    target = tmp_path / "www"
    target.mkdir()
    link = site / "_site"
    link.symlink_to(target, target_is_directory=True)
    code, output = build("--site", str(site))
    assert code == 1 and "is a link in the site that leads out of it" in output
    assert list(target.iterdir()) == []
    link.unlink()
    outside = tmp_path / "pub"
    outside.symlink_to(target, target_is_directory=True)
    for _ in range(2):
        code, output = build("--site", str(site), "--out", str(outside))
        assert code == 0, output
    assert (target / "index.html").is_file()
    assert not list(tmp_path.glob(".www.*")) and not list(tmp_path.glob(".pub.*"))


WORKER_PARENT = """
import multiprocessing as mp, os, sys, time
from okrsite.lifecycle import die_with_parent
def work(path):
    with open(path, "w") as fh:
        fh.write(str(os.getpid()))
    time.sleep(60)
if __name__ == "__main__":
    with mp.get_context("fork").Pool(1, initializer=die_with_parent) as pool:
        pool.apply_async(work, (sys.argv[1],))
        time.sleep(60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent death signal is Linux's")
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    pid_file = tmp_path / "worker.pid"
    script = tmp_path / "parent.py"
    script.write_text(WORKER_PARENT)
    parent = subprocess.Popen([sys.executable, str(script), str(pid_file)])
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (pid_file.exists() and pid_file.read_text()):
            time.sleep(0.05)
        worker = int(pid_file.read_text())
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _alive(worker):
            time.sleep(0.05)
        assert not _alive(worker)
    finally:
        parent.kill()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped by init) counts as gone
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_cleans_up_its_folder_on_sigterm_and_sigint(
    site: Path, tmp_path: Path, signum: int
) -> None:
    private_tmp = tmp_path / "tmp"  # the preview makes its folder here (TMPDIR)
    private_tmp.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "okrsite", "serve", "--site", str(site), "--port", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(private_tmp)},
    )
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "serving" not in proc.stderr.readline():
            pass
        folders = list(private_tmp.glob("okrsite-serve-*"))
        assert len(folders) == 1 and folders[0].is_dir()
        proc.send_signal(signum)
        proc.wait(timeout=30)
        assert not folders[0].exists()
        assert "Traceback" not in proc.stderr.read()
    finally:
        proc.kill()


@pytest.mark.parametrize("poll", [False, True], ids=["inotify", "poll"])
def test_the_watcher_rearms_when_a_watched_folder_is_removed_and_recreated(
    tmp_path: Path, poll: bool
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    calls: list[set[Path]] = []
    changed = threading.Event()

    def on_change(paths: set[Path]) -> None:
        calls.append(paths)
        changed.set()

    with SiteWatcher([content], on_change, debounce=0.05, poll=poll, poll_interval=0.1):
        (content / "a.md").write_text("a")
        assert changed.wait(5)
        for path in sorted(content.rglob("*"), reverse=True):
            path.unlink()
        content.rmdir()
        time.sleep(0.5)
        content.mkdir()
        time.sleep(0.5)
        changed.clear()
        calls.clear()
        (content / "b.md").write_text("b")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(
            p.name == "b.md" for call in calls for p in call
        ):
            changed.wait(0.2)
        assert any(p.name == "b.md" for call in calls for p in call), calls


# ---------------------------------------------------------------- 7. preview server
@settings(max_examples=200, deadline=None)
@given(
    name=st.from_regex(r"[a-z0-9-]{1,20}(\.[a-z0-9-]{1,10}){0,3}", fullmatch=True),
    port=st.none() | st.integers(1, 65535),
)
def test_only_local_names_ip_addresses_and_allowed_names_pass(name: str, port: int | None) -> None:
    header = name + (f":{port}" if port else "")
    local = name == "localhost" or name.endswith(".localhost")
    is_ip = all(
        part.isdigit() and str(int(part)) == part and int(part) < 256 for part in name.split(".")
    ) and (name.count(".") == 3)
    assert host_allowed(header, ()) == (local or is_ip)
    assert host_allowed(header, (name,))


@pytest.mark.parametrize(
    ("header", "ok"),
    [
        ("localhost:8000", True),
        ("127.0.0.1:8000", True),
        ("[::1]:8000", True),
        ("LOCALHOST.", True),
        ("evil.example", False),
        ("localhost.evil.example", False),
        ("127.0.0.1.nip.io", False),
        (None, True),
    ],
)
def test_host_header_rule(header: str | None, ok: bool) -> None:
    assert host_allowed(header, ()) is ok


def test_the_preview_answers_403_to_a_foreign_host(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>hi</p>")
    with PreviewServer(tmp_path, allowed_hosts=("goals.internal",)) as srv:
        for host, status in (
            ("evil.example", 403),
            (f"localhost:{srv.port}", 200),
            ("goals.internal", 200),
        ):
            conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
            conn.putrequest("GET", "/", skip_host=True)
            conn.putheader("Host", host)
            conn.endheaders()
            assert conn.getresponse().status == status, host
            conn.close()


def test_idle_connections_are_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_mod._Handler, "timeout", 0.5)
    (tmp_path / "index.html").write_text("<p>hi</p>")
    with PreviewServer(tmp_path) as srv:
        sock = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")  # never finishes the request
        started = time.monotonic()
        while sock.recv(1024):  # the server closes the connection: recv returns b""
            pass
        assert time.monotonic() - started < 5
        sock.close()


def test_a_custom_cycle_named_like_a_formula_is_formula_safe_in_csv(site: Path) -> None:
    (site / "okrsite.toml").write_text(
        'as_of = "2026-02-15"\n[cycles."=1+2"]\nstart = 2026-01-01\nend = 2026-03-31\n'
    )
    (site / "content/objectives/sales.md").write_text(OBJECTIVE.replace("2026-Q1", '"=1+2"'))
    code, output = build("--site", str(site))
    assert code == 0, output
    for name in ("objectives.csv", "key-results.csv"):
        path = site / "_site/api" / name
        if path.exists():
            text = path.read_text()
            assert ",=1+2" not in text and ",'=1+2" in text, name
