"""An edit that keeps a file's size and sets its modification time back is seen.

``touch -r``, ``cp -p`` onto the same file and ``rsync --inplace -t`` restore
a modification time; the change time moves whatever a program does, and it
is what the caches compare (with size and inode, as git's index does). Here
a target is changed in place to a figure of the same length, the file's old
times are put back, and the next cached ``check`` and ``build`` must equal
cold ones; the same for a page of the output edited by hand.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from click.testing import CliRunner
from conftest import REPO

from okrsite.cli import cli

GOAL = "content/objectives/sales/q4-bookings.md"


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


def test_a_same_size_edit_with_its_old_time_is_rebuilt(tmp_path: Path) -> None:
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
    time.sleep(2.5)  # the edit's change time settles past the caches' two seconds
    edited_with_old_times(site / GOAL, "target: 60", "target: 90")
    cold = tmp_path / "cold"
    assert run("build", "--site", str(site), "--out", str(cold), "--no-cache")[0] == 0
    code, output = run("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    assert files(out) == files(cold)
    assert run("check", "--site", str(site)) == run("check", "--site", str(site), "--no-cache")
    assert checked[0] == 0


def test_a_page_edited_by_hand_with_its_old_time_is_repaired(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "okrsite.toml", site / "okrsite.toml")
    out = tmp_path / "out"
    assert run("build", "--site", str(site), "--out", str(out))[0] == 0
    before = files(out)
    time.sleep(2.5)
    page = out / "index.html"
    text = page.read_text(encoding="utf-8")
    edited_with_old_times(page, "<main", "<MAIN")
    assert page.read_text(encoding="utf-8") != text
    code, output = run("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    assert files(out) == before
