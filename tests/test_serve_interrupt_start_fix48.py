"""Ctrl-C or SIGTERM while ``okrsite serve`` starts (fix 48, audit serveedit finding 1).

In the first seconds of ``serve`` an interrupt ended in click's "Aborted!"
(exit 1), in ``RuntimeError: cannot join thread before it is started``
(a watcher, the clock), or, between making the server's thread and starting
it, in a stop that waited forever; never in "okrsite: stopped", and the
``okrsite-serve-*`` build folder (a whole copy of the site) was left behind.
docs/serve.md promises "okrsite: stopped" as the last line and the folder
removed on Ctrl-C and SIGTERM alike.

Real processes on a copy of the example site, real signals: the process
sends the signal to itself at a chosen point of its start (a
``sitecustomize`` on the path wraps that function, or the start of that
thread), so it lands there on a fast machine as on a slow one. Each process
gets its own ``TMPDIR``, so a folder left behind is seen.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_example
from serve_signalled import ROOT, assert_stopped, serve_with_hook

#: OKRSITE_TEST_SIGNAL_AT names where the process signals itself (once):
#: ``import:MODULE`` as the module starts loading; ``MODULE:Class.method``
#: as that function is first called; ``thread:NAME#N`` as the N-th thread
#: whose name starts with NAME is about to start (it is made, not started).
_SITECUSTOMIZE = r"""
import importlib.util, os, signal, sys, threading

_AT = os.environ.get("OKRSITE_TEST_SIGNAL_AT", "")
_SIG = getattr(signal, "SIG" + os.environ.get("OKRSITE_TEST_SIGNAL", "INT"))


def _fire():
    sys.stderr.write("test: signal at " + _AT + "\n")
    os.kill(os.getpid(), _SIG)


def _once(fn):
    fired = []

    def wrapper(*args, **kwargs):
        if not fired:
            fired.append(True)
            _fire()
        return fn(*args, **kwargs)

    return wrapper


class _At:
    def __init__(self, module, then):
        self.module, self.then = module, then

    def find_spec(self, name, path=None, target=None):
        if name != self.module:
            return None
        sys.meta_path.remove(self)
        if self.then is None:
            _fire()
            return None
        spec = importlib.util.find_spec(name)
        real, then = spec.loader, self.then

        class Loader:
            def create_module(self, spec):
                return real.create_module(spec)

            def exec_module(self, module):
                real.exec_module(module)
                then(module)

        spec.loader = Loader()
        return spec


if _AT.startswith("import:"):
    sys.meta_path.insert(0, _At(_AT[len("import:"):], None))
elif _AT.startswith("thread:"):
    _name, _, _nth = _AT[len("thread:"):].partition("#")
    _seen = []
    _start = threading.Thread.start

    def start(self):
        if self.name.startswith(_name):
            _seen.append(self.name)
            if len(_seen) == int(_nth or 1):
                threading.Thread.start = _start
                _fire()
        return _start(self)

    threading.Thread.start = start
elif _AT:
    _module, _, _qual = _AT.partition(":")

    def _patch(module):
        *owners, last = _qual.split(".")
        obj = module
        for part in owners:
            obj = getattr(obj, part)
        setattr(obj, last, _once(getattr(obj, last)))

    sys.meta_path.insert(0, _At(_module, _patch))
"""


@pytest.fixture(scope="module")
def example_in_git(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, committed in a git repository (so serve watches HEAD too)."""
    site = copy_example(tmp_path_factory.mktemp("site"))
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=site, check=True)
    subprocess.run([*git, "add", "-A"], cwd=site, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "example"], cwd=site, check=True)
    return site


# Where the start is interrupted, in its order, and by which signal (Ctrl-C
# or SIGTERM; each process costs seconds, so not every point gets both).
# Before the fix: the import -> "Aborted!"; setting up the watchers (the
# folder exists) -> "Aborted!" and the folder left, or SIGTERM's default
# death; the observer made but not started, a watcher's worker (the site's,
# then git's) or the clock thread made but not started -> RuntimeError
# traceback, folder left; the server's thread made but not started -> a stop
# that never ends. Ctrl-C in the first build worked already.
POINTS = [
    ("import:okrsite.preview", "INT"),
    ("okrsite.preview:Preview.watch_plan", "INT"),
    ("okrsite.preview:Preview.watch_plan", "TERM"),
    ("okrsite.watch:SiteWatcher._point", "TERM"),
    ("thread:okrsite-watch-rebuild#1", "INT"),
    ("thread:okrsite-watch-rebuild#2", "TERM"),
    ("okrsite.preview:Preview.rebuild", "INT"),
    ("thread:okrsite-preview-", "TERM"),
    ("thread:okrsite-clock", "INT"),
]


@pytest.mark.parametrize(("point", "sig"), POINTS)
def test_an_interrupt_anywhere_in_the_start_says_stopped_and_removes_the_folder(
    tmp_path: Path, example_in_git: Path, point: str, sig: str
) -> None:
    proc, tmpdir = serve_with_hook(tmp_path, example_in_git, _SITECUSTOMIZE, point, sig)
    assert_stopped(proc, tmpdir, f"test: signal at {point}")


def test_sigterm_at_a_moment_in_the_start_a_user_picks(tmp_path: Path) -> None:
    # as a user (docker stop, an IDE's stop button) does: from outside, once
    # serve says it builds; no hook in the process
    site = copy_example(tmp_path / "site")
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmpdir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "okrsite", "serve", "--port", "0", "--site", str(site)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    # the folder appears as the preview is set up, before the first build
    deadline = time.monotonic() + 30
    while not list(tmpdir.glob("okrsite-serve-*")) and time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err, err
    assert err.strip().splitlines()[-1] == "okrsite: stopped", err
    assert proc.returncode == 0, (proc.returncode, err)
    assert not list(tmpdir.glob("okrsite-serve-*")), err
