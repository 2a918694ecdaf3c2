"""A folder made once per test run, shared by pytest-xdist's workers.

A module-scoped fixture runs once in every worker that runs a test of the
module: a site that takes half a minute to build on a busy 2-core machine
was built twice. :func:`made_once` makes the folder under the run's common
temporary folder, under a file lock, once; the other worker waits for it and
then reads the same folder. Tests must only read what it makes.
"""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """``name``'s folder, filled by ``make(folder)`` in the first worker to ask."""
    base = tmp_path_factory.getbasetemp()
    if base.name.startswith("popen-gw"):  # a worker's own folder: share its parent
        base = base.parent
    folder = base / f"made-once-{name}"
    done = base / f"made-once-{name}.done"
    with open(base / f"made-once-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)  # what a failed make left
                folder.mkdir()
                make(folder)
                done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder
