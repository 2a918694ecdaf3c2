"""Hostile input, audit 38: a URL source that trickles forever, a redirect
to ftp://, a command whose child leaves its process group (okrsite pull);
terminal escapes in a file name of a revision (okrsite diff); merge
conflict markers committed in a goal file (okrsite check). Real files in
tmp_path, through the real CLI; a local server binds 127.0.0.1 on a free
port and is stopped by the test."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

NPS = "---\ntitle: NPS\nunit: points\ndata: data/nps.csv\n---\n"


def run(args: list[str], limit: float = 60.0) -> tuple[int, str]:
    """The CLI run in a thread of its own, failed (not hung) when it takes
    longer than ``limit`` seconds."""
    done: list[tuple[int, str]] = []

    def target() -> None:
        result = CliRunner().invoke(cli, args)
        done.append((result.exit_code, result.output))

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(limit)
    assert done, f"okrsite {' '.join(args)} still running after {limit:g} s"
    assert "Traceback" not in done[0][1], done[0][1]
    return done[0]


# ---------------------------------------------------------------- 1: pull
class _Handler(BaseHTTPRequestHandler):
    stop = threading.Event()

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/nps.csv")
            self.end_headers()
            return
        if self.path == "/slowhead":  # the headers themselves trickle
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.end_headers()
            self.wfile.write(b"date,value\n")
        self.wfile.flush()
        for _ in range(600):  # a space every 0.2 s, until the test ends
            if self.stop.wait(0.2):
                return
            try:
                self.wfile.write(b" ")
                self.wfile.flush()
            except OSError:
                return


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.stop.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Handler.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def pull_site(tmp_path: Path, source: str) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "x"\npull_timeout = 5\n[[sources]]\nname = "nps"\n{source}',
            "content/kpis/nps.md": NPS,
            "content/data/nps.csv": "date,value\n2026-11-01,40\n",
        },
    )


@pytest.mark.parametrize("path", ["/slow", "/slowhead"])
def test_a_url_that_trickles_forever_is_stopped_at_its_timeout(
    tmp_path: Path, server: str, path: str
) -> None:
    root = pull_site(tmp_path, f'url = "{server}{path}"\ntimeout = 2\n')
    started = time.monotonic()
    code, out = run(["pull", "--site", str(root)], limit=30)
    assert time.monotonic() - started < 15, out
    assert code == 1, out
    assert f"{server}{path} did not answer in full within 2 s (timeout)" in out, out
    assert "hint: raise the source's timeout" in out, out
    assert (root / "content/data/nps.csv").read_text() == "date,value\n2026-11-01,40\n"


def test_a_redirect_to_ftp_is_refused(tmp_path: Path, server: str) -> None:
    root = pull_site(tmp_path, f'url = "{server}/ftp"\ntimeout = 5\n')
    code, out = run(["pull", "--site", str(root)], limit=30)
    assert code == 1, out
    assert "redirected (HTTP 302) to ftp://127.0.0.1/nps.csv" in out, out
    assert "only http:// and https:// addresses are followed" in out, out


@pytest.mark.skipif(sys.platform == "win32", reason="sessions are POSIX")
def test_a_command_whose_child_leaves_the_group_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child starts a session of its own and keeps the output pipe: the
    command is stopped, and the message says that child was not.

    okrsite waits ``_REAP_WAIT`` for each pipe of the stopped command (5 s,
    twice here: 10 of the test's 11 s); the child holds both for 30 s, so
    any wait shorter than that ends with the pipes still held, and 1 s tells
    the same."""
    from okrsite import pull_fetch

    monkeypatch.setattr(pull_fetch, "_REAP_WAIT", 1.0)
    root = pull_site(tmp_path, f'command = ["{sys.executable}", "escape.py"]\ntimeout = 1\n')
    pidfile = tmp_path / "child.pid"
    (root / "escape.py").write_text(
        "import os, sys, time\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        f"    open({str(pidfile)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(30)\n"
        "    os._exit(0)\n"
        "print('date,value')\n",
        encoding="utf-8",
    )
    try:
        code, out = run(["pull", "--site", str(root)], limit=40)
        assert code == 1, out
        assert "did not finish within 1 s (timeout); it was stopped" in out, out
        assert "a process it started in a session of its own" in out, out
        assert "was not stopped" in out, out
    finally:
        if pidfile.exists():  # the child okrsite cannot stop: the test's own
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pidfile.read_text()), signal.SIGKILL)
    doc = Path(__file__).parent.parent / "docs/pull.md"
    assert "session of its own" in doc.read_text(encoding="utf-8")


# ---------------------------------------------------------------- 2: diff
def test_diff_shows_escapes_in_a_file_name_escaped_in_every_format(tmp_path: Path) -> None:
    from gitrepo import Repo

    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "A"\nas_of = "2026-11-20"\ndefault_cycle = "2026-Q4"\n')
    repo.write("content/objectives/cs/grow.md", "---\ntitle: Grow\ncycle: 2026-Q4\n---\n")
    repo.commit("base", "alice", "2026-11-10T09:00:00+00:00")
    goal = "---\ntitle: X\ncycle: 2026-Q4\n---\n"
    repo.write("content/objectives/cs/c\x1b]0;pwned\x07d.md", goal)  # sets a window title
    repo.write("content/objectives/cs/a\x1b[2Jb.md", goal)  # clears the screen
    repo.commit("evil", "alice", "2026-11-11T09:00:00+00:00")
    out_file = tmp_path / "report.md"
    for extra in (["--format", "markdown"], ["--format", "text"], ["--output", str(out_file)]):
        result = CliRunner().invoke(
            cli, ["diff", "--site", str(repo.root), "HEAD~1", "HEAD", *extra]
        )
        assert result.exit_code == 1, result.output
        for text in (result.stdout, result.stderr):
            assert "\x1b" not in text and "\x07" not in text, repr(text)
        # the names as they are, escaped: never a file 'ab.md' that does not exist
        assert "cs/c\\x1b]0;pwned\\x07d.md:1: OKR016" in result.stderr, result.stderr
        assert "cs/a\\x1b[2Jb.md:1: OKR016" in result.stderr, result.stderr
        if extra[0] == "--format" and extra[1] == "markdown":
            assert "`content/objectives/cs/c\\x1b]0;pwned\\x07d.md:1`" in result.stdout
    written = out_file.read_text(encoding="utf-8")
    assert "\x1b" not in written and "\x07" not in written
    assert "`content/objectives/cs/a\\x1b[2Jb.md:1`" in written


# ---------------------------------------------------------------- 3: conflict markers
def test_conflict_markers_in_a_goal_file_are_an_error_with_what_to_do(tmp_path: Path) -> None:
    head = "---\ntitle: Grow\ncycle: 2026-Q4\n---\n\n"
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "A"\nas_of = "2026-11-20"\ndefault_cycle = "2026-Q4"\n',
            "content/objectives/cs/body.md": head
            + "<<<<<<< HEAD\nCustomers first.\n=======\nRevenue first.\n>>>>>>> feature\n",
            "content/objectives/cs/front.md": "---\n<<<<<<< HEAD\ntitle: Grow A\n=======\n"
            "title: Grow B\n>>>>>>> feature\ncycle: 2026-Q4\n---\n",
            # a heading's underline and '<<<<<<<' inside a line are no conflict
            "content/objectives/cs/fine.md": head + "Big\n=======\n\nsee a <<<<<<< b\n",
            # nor a conflict shown on purpose in a fenced code block (a "how we
            # use git" page), with ``` or ~~~
            "content/pages/git-help.md": "---\ntitle: Git\n---\n## Conflicts\n```text\n"
            "<<<<<<< HEAD\n  target: 2,5\n=======\n  target: 3\n>>>>>>> feature/goal\n```\n"
            "~~~~\n<<<<<<< HEAD\n~~~\n=======\n~~~~\n",
        },
    )
    code, out = run(["check", "--site", str(root)])
    assert code == 1, out
    assert (
        "content/objectives/cs/body.md:6:1: error OKR020: the file holds a merge conflict "
        "left unresolved: '<<<<<<< HEAD' on line 6, '=======' on line 8 and "
        "'>>>>>>> feature' on line 10 (hint: keep the lines of one side" in out
    ), out
    assert "content/objectives/cs/front.md:2:1: error OKR020" in out, out
    assert "delete the marker lines" in out, out
    assert "OKR003" not in out and "fine.md:6" not in out and "fine.md:7" not in out, out
    assert ": 2 errors" in out, out
    code, out = run(["build", "--site", str(root)])
    assert code == 1 and "OKR020" in out, out
