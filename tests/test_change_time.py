"""An edit that keeps a file's size and sets its modification time back is seen.

``touch -r``, ``cp -p`` onto the same file and ``rsync --inplace -t`` restore
a modification time; the change time moves whatever a program does, and it
is what the caches compare (with size and inode, as git's index does). Here
a target is changed in place to a figure of the same length, the file's old
times are put back, and the next cached ``check`` and ``build`` must equal
cold ones; the same for a page of the output edited by hand.

Where the caches' two-second rule matters (a file changed in the last two
seconds is read again whatever its signature says), the tests do not sleep:
the rule reads the change time, which ``os.utime`` cannot set back (setting
a file's modification time back moves its change time to now), so setting
times back gives no settled file. Instead the clock the caches read
(``time.time_ns``: the rule's only clock, in ``okrsite.pipeline_scan``,
``okrsite.pipeline`` and ``okrsite.folder_listings``) is moved
:data:`LATER_NS` on, as a sleep of that long would move it: the files of the
set-up are settled at the second run, as after the sleep these tests took
before, and the edit made just before that run is settled too (after the
sleep it was made less than two seconds before the run, and read again as
too new whatever its signature), so what reveals it is the change time the
caches compare alone.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from okrsite.cli import cli

GOAL = "content/objectives/sales/q4-bookings.md"

#: how far on the caches' clock is moved: past their two seconds
LATER_NS = 2_500_000_000


def later(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caches' clock from now on reads :data:`LATER_NS` later (module docstring)."""
    real = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: real() + LATER_NS)


def after_the_change_time_of(path: Path, scratch: Path) -> None:
    """Wait until a file written now (in ``scratch``, outside the site and its
    output) gets a change time later than ``path``'s (the file system's clock
    ticks coarsely): so that an edit made next moves the change time the
    cache holds for ``path``."""
    probe = scratch / "probe"
    deadline = time.monotonic() + 30
    while True:
        probe.write_bytes(b"")
        if probe.stat().st_ctime_ns > path.stat().st_ctime_ns:
            break
        assert time.monotonic() < deadline, "the file system's clock stands still"
        time.sleep(0.005)
    probe.unlink()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--as-of", "2026-11-20"])
    return result.exit_code, result.output


def files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def edited_with_old_times(path: Path, old: str, new: str) -> None:
    assert len(old) == len(new)
    st = path.stat()
    text = path.read_bytes()
    assert old.encode() in text
    with open(path, "r+b") as handle:  # in place: the same inode
        handle.write(text.replace(old.encode(), new.encode(), 1))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_same_size_edit_with_its_old_time_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "okrsite.toml", site / "okrsite.toml")
    # files older than the two seconds a coarse clock could hide a change in
    past = time.time_ns() - 3_600_000_000_000
    for path in site.rglob("*"):
        os.utime(path, ns=(past, past))
    out = tmp_path / "out"
    assert run("build", "--site", str(site), "--out", str(out))[0] == 0
    checked = run("check", "--site", str(site))
    after_the_change_time_of(site / GOAL, tmp_path)
    later(monkeypatch)  # the set-up's change times, and the edit's, settle (module docstring)
    edited_with_old_times(site / GOAL, "target: 60", "target: 90")
    cold = tmp_path / "cold"
    assert run("build", "--site", str(site), "--out", str(cold), "--no-cache")[0] == 0
    code, output = run("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    assert files(out) == files(cold)
    assert run("check", "--site", str(site)) == run("check", "--site", str(site), "--no-cache")
    assert checked[0] == 0


def test_a_page_edited_by_hand_with_its_old_time_is_repaired(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "okrsite.toml", site / "okrsite.toml")
    out = tmp_path / "out"
    assert run("build", "--site", str(site), "--out", str(out))[0] == 0
    before = files(out)
    page = out / "index.html"
    after_the_change_time_of(page, tmp_path)
    later(monkeypatch)
    text = page.read_text(encoding="utf-8")
    edited_with_old_times(page, "<main", "<MAIN")
    assert page.read_text(encoding="utf-8") != text
    code, output = run("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    assert files(out) == before
