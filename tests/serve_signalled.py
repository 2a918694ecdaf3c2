"""``okrsite serve`` as a real process that signals itself at a chosen point.

The signal tests (test_serve_interrupt_start_fix48.py,
test_serve_second_interrupt.py) put a ``sitecustomize`` of their own on the
process's path, which sends the signal as a chosen function or thread
starts, so it lands there on a fast machine as on a slow one; each process
gets its own ``TMPDIR``, so a build folder left behind is seen. Both end
with the same promise of docs/serve.md: "okrsite: stopped", exit code 0,
the folder removed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def serve_with_hook(
    tmp_path: Path, site: Path, hook: str, at: str, sig: str
) -> tuple[subprocess.Popen[str], Path]:
    """``okrsite serve --port 0`` of ``site`` with ``hook`` as its
    ``sitecustomize`` (told where and which signal by
    ``OKRSITE_TEST_SIGNAL_AT`` and ``OKRSITE_TEST_SIGNAL``); its stderr piped,
    and the ``TMPDIR`` it was given."""
    folder = tmp_path / "hook"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(hook, encoding="utf-8")
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)]),
        "TMPDIR": str(tmpdir),
        "OKRSITE_TEST_SIGNAL_AT": at,
        "OKRSITE_TEST_SIGNAL": sig,
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "okrsite", "serve", "--port", "0", "--site", str(site)],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return proc, tmpdir


def assert_stopped(proc: subprocess.Popen[str], tmpdir: Path, reached: str, said: str = "") -> None:
    """Wait for ``proc`` to end: the signal's point was reached (``reached`` in
    its stderr, after what was read of it already, ``said``), then "okrsite:
    stopped" as its last line, exit code 0, no traceback, no "Aborted!" and no
    build folder left."""
    try:
        _, rest = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, rest = proc.communicate()
        pytest.fail(f"serve did not stop:\n{said}{rest}")
    err = said + rest
    assert reached in err, err  # the point was reached
    assert "Traceback" not in err, err
    assert "Aborted!" not in err, err
    assert err.strip().splitlines()[-1] == "okrsite: stopped", err
    assert proc.returncode == 0, (proc.returncode, err)
    assert not list(tmpdir.glob("okrsite-serve-*")), err
