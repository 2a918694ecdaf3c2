"""The ``okrsite`` command ends without freeing every object (:func:`okrsite.lifecycle.exit_now`),
yet exactly as Python's exit would: the same status, all its output, atexit hooks run.

Run as real processes (``python -m okrsite``), since that is the only way
the fast exit is taken; ``CliRunner`` calls the click command and keeps
Python's exit.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

MakeSite = Callable[[dict[str, str | bytes]], Path]

OBJECTIVE = (
    "---\ntitle: Grow {i}\ncycle: 2026-Q1\nowner: Uma Diaz\nx_unknown_{i}: 1\n"
    "key_results:\n  - {{id: a, title: A, target: 10, current: 5}}\n---\n"
)


#: as a user's shell runs it: output to a pipe is block-buffered (this
#: machine's environment sets PYTHONUNBUFFERED, which would hide a lost flush)
BUFFERED = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def okrsite(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "okrsite", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=BUFFERED,
    )


def test_status_codes_are_those_of_the_commands(make_site: MakeSite, tmp_path: Path) -> None:
    site = make_site({"content/objectives/a.md": OBJECTIVE.format(i=0)})
    assert okrsite("--version", cwd=site).returncode == 0
    built = okrsite("build", "--out", str(tmp_path / "out"), "--no-cache", cwd=site)
    assert built.returncode == 0, built.stderr
    assert "okrsite: built" in built.stderr and (tmp_path / "out" / "index.html").is_file()
    (site / "content/objectives/b.md").write_text("---\ntitle: B\ncycle: 2026-Q9\n---\n")
    broken = okrsite("check", "--no-cache", cwd=site)
    assert broken.returncode == 1 and "OKR" in broken.stderr
    assert "Traceback" not in broken.stderr
    usage = okrsite("no-such-command", cwd=site)
    assert usage.returncode == 2 and "No such command" in usage.stderr


def test_long_output_reaches_a_pipe_whole(make_site: MakeSite) -> None:
    """Standard output is flushed before the process ends: 400 warnings as JSON parse."""
    site = make_site({f"content/objectives/o{i}.md": OBJECTIVE.format(i=i) for i in range(400)})
    done = okrsite("check", "--format", "json", "--no-cache", cwd=site)
    assert done.returncode == 0, done.stderr
    warnings = json.loads(done.stdout)
    assert sum("x_unknown_" in w["message"] for w in warnings) == 400


def test_atexit_hooks_run_before_the_end(make_site: MakeSite) -> None:
    """A hook's output, written without a flush, is flushed too (click's own
    ``echo`` flushes; a ``print`` to a pipe does not)."""
    site = make_site({"content/objectives/a.md": OBJECTIVE.format(i=0)})
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('hook ran'))\n"
        "sys.argv = ['okrsite', 'check', '--no-cache', '--format', 'json']\n"
        "from okrsite.cli import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=site, env=BUFFERED
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "hook ran" and "x_unknown_0" in done.stdout


def test_serve_ends_as_python_ends(make_site: MakeSite) -> None:
    """``serve`` (threads, a watcher, a server) is not cut short: Ctrl-C stops
    it and its status is the one it always had."""
    site = make_site({"content/objectives/a.md": OBJECTIVE.format(i=0)})
    proc = subprocess.Popen(
        [sys.executable, "-m", "okrsite", "serve", "--port", "0"],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=BUFFERED,
    )
    try:
        assert proc.stderr is not None
        while "serving" not in proc.stderr.readline():
            assert proc.poll() is None, "serve ended before serving"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) in (0, 130)
        assert "stopped" in proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()
