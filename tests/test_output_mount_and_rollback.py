"""The output folder as servers have it: a mount point, a parent the build user
may not write, a folder the build user may not change (audit 44, findings 1, 2).

Real builds through ``python -m okrsite build`` in subprocesses (the cold
reference each is compared with is built in this process): into a bind
mount in a private mount namespace (``unshare -m``, standing in for a Docker
volume or an NFS web root) and with ``chattr +i`` (standing in for a folder of
another user, or a file held open on Windows). Skipped where the system does
not allow either.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_site

SITE = {
    "okrsite.toml": 'title = "RO"\ndefault_cycle = "2026-Q4"\nas_of = 2026-11-20\n',
    "content/objectives/pipe.md": """
        ---
        title: Pipeline
        owner: Bob Stone
        team: Sales
        key_results:
          - title: Grow pipeline from 1.2M to 2M
            start: 1200000
            target: 2000000
            current: 1,500,000
        ---
        """,
    "content/checkins/2026-11-19-pipe.md": """
        ---
        objective: pipe
        date: 2026-11-19 12:00
        author: Bob Stone
        values:
          kr1: 1,650,000
        ---
        """,
}
CHECKIN = "content/checkins/2026-11-19-pipe.md"


def okrsite_build(
    site: Path, *args: str, mount: tuple[Path, Path] | None = None
) -> tuple[int, str]:
    """``okrsite build --site SITE ARGS`` in a subprocess (exit code, output);
    with ``mount`` (source, mount point), inside a private mount namespace
    where the source folder is bind-mounted on the mount point."""
    command = [sys.executable, "-m", "okrsite", "build", "--site", str(site), *args]
    if mount is not None:
        source, point = mount
        script = f"mount --bind {shlex.quote(str(source))} {shlex.quote(str(point))} && exec "
        command = ["unshare", "-m", "sh", "-c", script + shlex.join(command)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output
    return proc.returncode, output


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too), by relative path."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def cold_build(site: Path, tmp_path: Path) -> dict[str, bytes]:
    """The site as a build without any cache writes it into a plain new folder:
    the reference, built in this process through the CLI (what is tested is
    the build in a subprocess it is compared with, and a Python start for
    each reference cost this file a third of its time)."""
    ref = tmp_path / "reference"
    code, output = run_cli("build", "--site", str(site), "--no-cache", "--clean", "--out", str(ref))
    assert code == 0, output
    return tree(ref)


def leftovers(*folders: Path) -> list[str]:
    return [
        p.name
        for folder in folders
        for p in folder.iterdir()
        if "okrsite-tmp" in p.name or "okrsite-old" in p.name
    ]


def _chattr(flag: str, path: Path) -> bool:
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """``path`` unchangeable even by its owner (``chattr +i``), undone after."""
    if not _chattr("+i", path):
        pytest.skip("chattr +i is not permitted here")
    try:
        yield
    finally:
        _chattr("-i", path)


def _can_bind_mount(tmp_path: Path) -> bool:
    a, b = tmp_path / "probe-a", tmp_path / "probe-b"
    a.mkdir()
    b.mkdir()
    script = f"mount --bind {shlex.quote(str(a))} {shlex.quote(str(b))}"
    try:
        proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True)
    except OSError:
        return False
    return proc.returncode == 0


def test_a_build_into_a_mount_point_writes_the_site(tmp_path: Path) -> None:
    """A Docker volume or NFS web root cannot be renamed (EBUSY) and lies on
    another file system than its parent (EXDEV): the first build into the
    empty folder, an in-place update and a ``--clean`` build all write the
    same site a plain folder gets, and leave nothing of their own behind."""
    if not _can_bind_mount(tmp_path):
        pytest.skip("unshare -m / mount --bind is not permitted here")
    site = write_site(tmp_path / "site", SITE)
    source, point = tmp_path / "volume", tmp_path / "www"
    source.mkdir()
    point.mkdir()
    mount = (source, point)
    code, output = okrsite_build(site, "--out", str(point), mount=mount)
    assert code == 0, output
    assert tree(source) == cold_build(site, tmp_path)
    checkin = site / CHECKIN
    checkin.write_text(checkin.read_text().replace("1,650,000", "1,750,000"))
    code, output = okrsite_build(site, "--out", str(point), mount=mount)
    assert code == 0, output
    assert tree(source) == cold_build(site, tmp_path)
    checkin.write_text(checkin.read_text().replace("1,750,000", "1,800,000"))
    code, output = okrsite_build(site, "--out", str(point), "--clean", mount=mount)
    assert code == 0, output
    assert tree(source) == cold_build(site, tmp_path)
    assert leftovers(tmp_path, source) == []


def test_a_failed_in_place_update_leaves_the_previous_output_as_it_was(tmp_path: Path) -> None:
    """One folder the build user cannot change (``people/``): the update is
    undone, every file of the output is byte-equal to before (not 69 % on
    one page and 56 % on another), and the one-line error names the path."""
    site = write_site(tmp_path / "site", SITE)
    out = site / "_site"
    code, output = okrsite_build(site)
    assert code == 0, output
    before = tree(out)
    checkin = site / CHECKIN
    checkin.write_text(checkin.read_text().replace("1,650,000", "1,750,000"))
    with immutable(out / "people"):
        code, output = okrsite_build(site)
        assert code == 1, output
        assert tree(out) == before
    error = [line for line in output.splitlines() if line.startswith("Error:")]
    assert len(error) == 1, output
    assert f"{out}/people/" in error[0], output
    assert "Operation not permitted" in error[0] and "left as it was" in error[0], output
    assert leftovers(site, out) == []
    code, output = okrsite_build(site)
    assert code == 0, output
    assert tree(out) == cold_build(site, tmp_path)


def test_an_output_folder_whose_parent_is_not_writable_is_built_inside(tmp_path: Path) -> None:
    """``/var/www`` owned by root, ``/var/www/okrs`` by the deploy user: the
    build stages inside ``okrs``; a missing output folder there is an error
    that names the folder that must be writable."""
    site = write_site(tmp_path / "site", SITE)
    www = tmp_path / "varwww"
    out = www / "okrs"
    out.mkdir(parents=True)
    checkin = site / CHECKIN
    with immutable(www):
        code, output = okrsite_build(site, "--out", str(out))
        assert code == 0, output
        assert tree(out) == cold_build(site, tmp_path)
        checkin.write_text(checkin.read_text().replace("1,650,000", "1,750,000"))
        code, output = okrsite_build(site, "--out", str(out))
        assert code == 0, output
        assert tree(out) == cold_build(site, tmp_path)
        code, output = okrsite_build(site, "--out", str(out), "--clean")
        assert code == 0, output
        assert tree(out) == cold_build(site, tmp_path)
        assert leftovers(out) == []
        code, output = okrsite_build(site, "--out", str(www / "new"))
        assert code == 1, output
        assert f"its folder {www} is not writable" in output, output


def test_a_trash_folder_that_could_not_be_removed_is_removed_by_the_next_build(
    tmp_path: Path,
) -> None:
    """The previous output of a full build that cannot be removed completely
    keeps okrsite's marker, so the next build recognises and removes it."""
    site = write_site(tmp_path / "site", SITE)
    code, output = okrsite_build(site)
    assert code == 0, output
    page = site / "_site/objectives/pipe/index.html"
    with immutable(page):
        code, output = okrsite_build(site, "--clean")
        assert code == 0, output
        (trash,) = (site / name for name in leftovers(site))
        assert (trash / ".okrsite-output").is_file()
        _chattr("-i", trash / "objectives/pipe/index.html")
    code, output = okrsite_build(site)
    assert code == 0, output
    assert leftovers(site) == []
