"""A second Ctrl-C or SIGTERM while ``okrsite serve`` stops, and one just as
the preview is made (okrsite.serve_signals).

People press Ctrl-C twice. The second one, landing while the preview
stopped, raised inside the stop: click said "Aborted!", the exit code was 1
and the build folder (a whole copy of the site under ``TMPDIR``) could stay.
A signal just after the preview was made, before ``serve`` held it, left
the folder behind with nobody to remove it. docs/serve.md promises
"okrsite: stopped" as the last line and the folder removed.

Real processes on a copy of the example site, real signals, sent by the
process to itself as a chosen function begins or returns (a
``sitecustomize`` on the path wraps it), so they land there on a fast
machine as on a slow one.
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

ROOT = Path(__file__).resolve().parents[1]

#: OKRSITE_TEST_SIGNAL_AT = "before|after:MODULE:Class.method": the process
#: sends itself OKRSITE_TEST_SIGNAL (INT or TERM) once, as that method is
#: first called, or as its first call returns
_SITECUSTOMIZE = r"""
import importlib.util, os, signal, sys

_WHEN, _MODULE, _QUAL = os.environ["OKRSITE_TEST_SIGNAL_AT"].split(":")
_SIG = getattr(signal, "SIG" + os.environ["OKRSITE_TEST_SIGNAL"])


def _fire():
    sys.stderr.write("test: signal " + _WHEN + " " + _QUAL + "\n")
    sys.stderr.flush()
    os.kill(os.getpid(), _SIG)


def _patch(module):
    *owners, last = _QUAL.split(".")
    obj = module
    for part in owners:
        obj = getattr(obj, part)
    fn, fired = getattr(obj, last), []

    def wrapper(*args, **kwargs):
        if _WHEN == "before" and not fired:
            fired.append(True)
            _fire()
        result = fn(*args, **kwargs)
        if _WHEN == "after" and not fired:
            fired.append(True)
            _fire()
        return result

    setattr(obj, last, wrapper)


class _At:
    def find_spec(self, name, path=None, target=None):
        if name != _MODULE:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        real = spec.loader

        class Loader:
            def create_module(self, spec):
                return real.create_module(spec)

            def exec_module(self, module):
                real.exec_module(module)
                _patch(module)

        spec.loader = Loader()
        return spec


sys.meta_path.insert(0, _At())
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("site"))


def serve(tmp_path: Path, site: Path, at: str, sig: str) -> tuple[subprocess.Popen[str], Path]:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(hook), str(ROOT)]),
        "TMPDIR": str(tmpdir),
        "OKRSITE_TEST_SIGNAL_AT": at,
        "OKRSITE_TEST_SIGNAL": sig,
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "okrsite", "serve", "--port", "0", "--site", str(site)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return proc, tmpdir


def ended(proc: subprocess.Popen[str], tmpdir: Path, before: str = "") -> None:
    try:
        _, rest = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, rest = proc.communicate()
        pytest.fail(f"serve did not stop:\n{before}{rest}")
    err = before + rest
    assert "test: signal" in err, err  # the point was reached
    assert "Traceback" not in err, err
    assert "Aborted!" not in err, err
    assert err.strip().splitlines()[-1] == "okrsite: stopped", err
    assert proc.returncode == 0, (proc.returncode, err)
    assert not list(tmpdir.glob("okrsite-serve-*")), err


@pytest.mark.parametrize(
    ("at", "sig"),
    [
        ("before:okrsite.preview:Preview.stop", "INT"),
        ("after:okrsite.server:PreviewServer.stop", "TERM"),
    ],
)
def test_a_second_signal_while_serve_stops_still_says_stopped(
    tmp_path: Path, site: Path, at: str, sig: str
) -> None:
    proc, tmpdir = serve(tmp_path, site, at, sig)
    assert proc.stderr is not None
    said = ""
    deadline = time.monotonic() + 60
    while "okrsite: serving" not in said:  # serving: then the first Ctrl-C
        line = proc.stderr.readline()
        assert line and time.monotonic() < deadline, said + line
        said += line
    proc.send_signal(signal.SIGINT)
    ended(proc, tmpdir, said)


def test_a_signal_as_the_preview_is_made_removes_its_folder(tmp_path: Path, site: Path) -> None:
    # as Preview.__init__ returns, before serve holds what it made
    proc, tmpdir = serve(tmp_path, site, "after:okrsite.preview:Preview.__init__", "INT")
    ended(proc, tmpdir)
