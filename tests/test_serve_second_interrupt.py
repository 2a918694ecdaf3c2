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

import signal
import time
from pathlib import Path

import pytest
from conftest import copy_example
from serve_signalled import assert_stopped, serve_with_hook

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


#: the same hook, but from the point on a thread sends the signal every 5 ms
#: until the process ends: a signal after the stop, while the process waits
#: at its exit for the first build's thread, as a second Ctrl-C lands late
_POUNDING = _SITECUSTOMIZE.replace(
    "    os.kill(os.getpid(), _SIG)\n",
    "    import threading, time\n\n"
    "    def pound():\n"
    "        for _ in range(2000):\n"
    "            os.kill(os.getpid(), _SIG)\n"
    "            time.sleep(0.005)\n\n"
    "    threading.Thread(target=pound, daemon=True).start()\n"
    # a thread the process waits for at its exit, as it waits for a first
    # build that a Ctrl-C during start-up cut short
    "    threading.Thread(target=time.sleep, args=(0.5,)).start()\n",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("site"))


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
    proc, tmpdir = serve_with_hook(tmp_path, site, _SITECUSTOMIZE, at, sig)
    assert proc.stderr is not None
    said = ""
    deadline = time.monotonic() + 60
    while "okrsite: serving" not in said:  # serving: then the first Ctrl-C
        line = proc.stderr.readline()
        assert line and time.monotonic() < deadline, said + line
        said += line
    proc.send_signal(signal.SIGINT)
    assert_stopped(proc, tmpdir, "test: signal", said)


def test_a_signal_as_the_preview_is_made_removes_its_folder(tmp_path: Path, site: Path) -> None:
    # as Preview.__init__ returns, before serve holds what it made
    at = "after:okrsite.preview:Preview.__init__"
    proc, tmpdir = serve_with_hook(tmp_path, site, _SITECUSTOMIZE, at, "INT")
    assert_stopped(proc, tmpdir, "test: signal")


@pytest.mark.parametrize("sig", ["INT", "TERM"])
def test_signals_after_the_stop_change_nothing(tmp_path: Path, site: Path, sig: str) -> None:
    """A second Ctrl-C or SIGTERM just after the stop (found by hand: exit
    code 130 or 143 after "okrsite: stopped", 3 runs of 3): the handlers
    were put back while the process still waited at its exit."""
    assert "threading.Thread(target=pound" in _POUNDING
    at = "after:okrsite.preview:Preview.stop"
    proc, tmpdir = serve_with_hook(tmp_path, site, _POUNDING, at, sig)
    assert proc.stderr is not None
    said = ""
    deadline = time.monotonic() + 60
    while "okrsite: serving" not in said:
        line = proc.stderr.readline()
        assert line and time.monotonic() < deadline, said + line
        said += line
    proc.send_signal(signal.SIGINT)
    assert_stopped(proc, tmpdir, "test: signal", said)
