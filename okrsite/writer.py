"""Atomic output: the new site appears whole, or the old one stays as it was.

The new site is written to a temporary folder beside the output folder and
swapped in only when every file is written. Files whose bytes did not change
are hard-linked from the previous output instead of rewritten, so they keep
their modification time (rsync, web servers and browsers see them as
unchanged). Nothing is ever written outside the output folder: every path the
renderer produces is checked first.

An existing output folder is replaced only if okrsite made it (it carries a
marker file) or it is empty, so a mistyped ``--out ~/Documents`` cannot
delete a user's files.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import click

MARKER = ".okrsite-output"


class OutputError(click.ClickException):
    """The output folder cannot be used; nothing was written."""

    exit_code = 1


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int

    @property
    def total(self) -> int:
        return self.written + self.unchanged


def check_output_dir(out_dir: Path, site_root: Path, content_dir: Path) -> None:
    """Refuse an output folder that would overwrite or sit inside the sources."""
    out = out_dir.resolve()
    content = content_dir.resolve()
    root = site_root.resolve()
    if out == content or out in content.parents or content in out.parents:
        raise OutputError(
            f"output folder {out_dir} overlaps the content folder {content_dir}; "
            "choose another --out (the default is _site)"
        )
    if out == root or out in root.parents:
        raise OutputError(
            f"output folder {out_dir} contains the site itself; choose a subfolder such as _site"
        )
    if out.exists() and not out.is_dir():
        raise OutputError(f"output path {out_dir} exists and is not a folder")
    if out.is_dir() and not (out / MARKER).exists() and any(out.iterdir()):
        raise OutputError(
            f"output folder {out_dir} is not empty and was not made by okrsite; "
            "remove it or choose another --out"
        )


def safe_relative(rel: str) -> PurePosixPath:
    """A renderer path, checked to stay inside the output folder."""
    path = PurePosixPath(rel)
    if (
        not rel
        or path.is_absolute()
        or "\\" in rel
        or "\0" in rel
        or any(part in ("..", "") for part in rel.split("/"))
        or rel.startswith("~")
        or path.name == MARKER
    ):
        raise OutputError(f"refusing to write {rel!r}: it would land outside the output folder")
    return path


class StagedOutput:
    """A new output folder being assembled beside the real one.

    ``write`` may be called from several forked processes at once (each file
    is written by exactly one of them); ``commit`` swaps the folder in, and
    ``abort`` removes it, leaving the previous output untouched.
    """

    def __init__(self, out_dir: Path, *, clean: bool = False) -> None:
        self.out_dir = out_dir.absolute()
        self.clean = clean
        parent = self.out_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        self.tmp = parent / f".{self.out_dir.name}.okrsite-tmp-{os.getpid()}-{time.monotonic_ns()}"
        self.tmp.mkdir()
        self.old_exists = self.out_dir.is_dir()

    def write(self, files: Mapping[str, bytes]) -> tuple[int, int]:
        """Write files into the staging folder; returns (written, unchanged)."""
        written = unchanged = 0
        made: set[str] = set()
        for rel, data in files.items():
            safe_relative(rel)
            target = self.tmp / rel
            folder = os.path.dirname(rel)
            if folder and folder not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(folder)
            previous = self.out_dir / rel
            if not self.clean and self.old_exists and _same_bytes(previous, data):
                try:
                    os.link(previous, target)
                    unchanged += 1
                    continue
                except OSError:
                    pass
            with open(target, "wb") as fh:
                fh.write(data)
            written += 1
        return written, unchanged

    def commit(self, paths: set[str], written: int, unchanged: int) -> WriteStats:
        (self.tmp / MARKER).write_text(
            "This folder is written by okrsite build and replaced on every build.\n"
        )
        removed = _count_removed(self.out_dir, paths) if self.old_exists else 0
        swap_in(self.tmp, self.out_dir)
        return WriteStats(written, unchanged, removed)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def swap_in(new: Path, out_dir: Path) -> None:
    """Replace ``out_dir`` by ``new`` with two renames (the gap is microseconds)."""
    if out_dir.exists():
        trash = out_dir.parent / f".{out_dir.name}.okrsite-old-{os.getpid()}-{time.monotonic_ns()}"
        os.replace(out_dir, trash)
        try:
            os.replace(new, out_dir)
        except BaseException:
            os.replace(trash, out_dir)
            raise
        shutil.rmtree(trash, ignore_errors=True)
    else:
        os.replace(new, out_dir)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _count_removed(out_dir: Path, new: Mapping[str, bytes] | set[str]) -> int:
    count = 0
    for dirpath, _, filenames in os.walk(out_dir):
        rel_dir = os.path.relpath(dirpath, out_dir)
        for name in filenames:
            rel = name if rel_dir == "." else f"{rel_dir}/{name}".replace(os.sep, "/")
            if rel not in new and name != MARKER:
                count += 1
    return count


class SyncWriter:
    """Keeps a folder equal to the latest render, touching only changed files.

    Used by the preview server, whose private folder is updated in place after
    each save: a file whose bytes changed is written to a temporary name and
    renamed over the old one (a reader never sees half a file); files no longer
    produced are removed. Remembers a digest of what it wrote, so unchanged
    pages cost a hash, not a disk write.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.digests: dict[str, bytes] = {}

    def sync(self, files: Mapping[str, bytes], *, complete: bool = True) -> list[str]:
        """Write what changed; return the changed paths.

        ``complete=False`` means ``files`` is only part of the site (an
        incremental render): files not in it are kept rather than removed.
        """
        import hashlib

        changed: list[str] = []
        for rel, data in files.items():
            safe_relative(rel)
            digest = hashlib.blake2b(data, digest_size=16).digest()
            if self.digests.get(rel) == digest:
                continue
            target = self.out_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.okrsite-tmp")
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
            self.digests[rel] = digest
            changed.append(rel)
        for rel in [r for r in self.digests if complete and r not in files]:
            gone = self.out_dir / rel
            gone.unlink(missing_ok=True)
            del self.digests[rel]
            for folder in gone.parents:  # drop folders the removal left empty
                if folder == self.out_dir or any(folder.iterdir()):
                    break
                folder.rmdir()
            changed.append(rel)
        return changed
