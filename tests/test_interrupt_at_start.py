"""Ctrl-C while okrsite is still starting (audit 44, publisher finding 6).

An interrupt in the first third of a second of any command, while Python
imports okrsite's modules, printed a twenty-line ``KeyboardInterrupt``
traceback through whichever module was loading; once the command ran, click
said "Aborted!". The command line is now imported under a guard
(:mod:`okrsite.entry`, the ``okrsite`` script's and ``python -m okrsite``'s
entry point): an interrupt at any moment says "Aborted!", never a traceback
through okrsite's code. Real processes, real signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("delay", [0.06, 0.1, 0.15, 0.2, 0.3])
def test_ctrl_c_while_starting_says_aborted_without_a_traceback(
    tmp_path: Path, delay: float
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "okrsite", "build", "--site", str(ROOT), "--out", str(out)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip(f"the build ended within {delay} s, before the interrupt")
    # the package's first line guards it (okrsite.interrupt_at_start, fix 48):
    # no traceback through any of okrsite's modules; one only in Python's own
    # start, before okrsite's code runs, is out of its reach (docs/limits.md)
    frames = [
        line.strip()
        for line in err.splitlines()
        if line.strip().startswith("File ") and "okrsite" + os.sep in line
    ]
    assert not frames, err
    if "Traceback" not in err:
        # exit 1, or ended by the signal itself when it lands as Python
        # winds down after "Aborted!": either way no traceback, nothing written
        assert proc.returncode in (1, -signal.SIGINT), (proc.returncode, err)
        assert "Aborted!" in err or proc.returncode == -signal.SIGINT, err
    assert not out.exists() or (out / ".okrsite-output").exists()  # nothing half-written
