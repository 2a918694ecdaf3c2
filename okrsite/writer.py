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

A build that the page cache answers mostly from the previous output
(:meth:`StagedOutput.update_in_place`) does not assemble a whole new folder:
swapping in a copy of 23,000 files to change three would cost seconds of
links and deletions. It still renders everything first into the staging
folder, so a mistake in a template leaves the output untouched; only then
each changed file is renamed into place (each rename is atomic: a reader
sees the old file or the new one, never part of one) and the files the site
no longer has are removed, all or none: a rename the system refuses undoes
the ones before it.

How the staged site is put in place, and where it is staged when the output
folder cannot be renamed (a mount point, a parent the user may not write),
is :mod:`okrsite.output_swap`.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from collections.abc import Mapping, Set
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import click

from okrsite.output_swap import (
    MARKER,
    STAGING_MARKER,
    CannotMove,
    CommitError,
    new_staging,
    own_entry,
    remove_leftovers,
    remove_tree,
    stage_inside,
    swap_entries,
    swap_in,
    update_files,
)
from okrsite.sitefiles import excerpt, link_out_of_site

__all__ = [
    "MARKER",
    "STAGING_MARKER",
    "OutputError",
    "StagedOutput",
    "SyncWriter",
    "WriteStats",
    "check_output_dir",
    "file_digest",
    "linked_out",
    "read_folders",
    "remove_leftovers",
    "safe_relative",
    "swap_in",
]

NAME_MAX = 255  # bytes in one file name on common file systems


class OutputError(click.ClickException):
    """The output folder cannot be used; nothing was written."""

    exit_code = 1


@dataclass(frozen=True, slots=True)
class WriteStats:
    """How many output files one write added or changed, left alone and removed."""

    written: int
    unchanged: int
    removed: int

    @property
    def total(self) -> int:
        return self.written + self.unchanged


def read_folders(site_root: Path, config: Any, theme: Any = None) -> dict[str, Path]:
    """Every folder okrsite reads for a build, by what it is (for overlap checks)."""
    folders = {
        "content": site_root / config.content_dir,
        "templates": site_root / "templates",
        "static": site_root / "static",
        "themes": site_root / "themes",
    }
    if theme is not None:
        for label, path in theme.chain:
            folders[f"theme {label}"] = Path(path)
    return folders


def check_output_dir(
    out_dir: Path,
    site_root: Path,
    reads: Mapping[str, Path] | Path,
    option: str = "--out",
) -> None:
    """Refuse an output folder that would overwrite, or be read as, the site's sources.

    The output may not lie inside a folder okrsite reads (the next build
    would read its own output: old pages as template overrides, a static
    folder nested in itself) nor contain one (it would be replaced), nor lie
    through a link in the site that leads out of it (:func:`linked_out`).
    ``option`` is where the folder was named (``--out``, or ``output_dir``
    of okrsite.toml), which the message tells the user to change.
    """
    if not isinstance(reads, Mapping):
        reads = {"content": reads}
    shown = excerpt(out_dir, 120)
    linked = linked_out("output folder", out_dir, site_root, "--out")
    if linked is not None:
        raise OutputError(linked)
    try:
        out = out_dir.resolve()
        root = site_root.resolve()
        for what, folder in reads.items():
            src = folder.resolve()
            if out == src or src in out.parents or out in src.parents:
                raise OutputError(
                    f"output folder {shown} overlaps the {what} folder {excerpt(folder, 120)}, "
                    f"which okrsite reads; choose another {option} (the default is _site)"
                )
        if out == root or out in root.parents:
            raise OutputError(
                f"output folder {shown} contains the site itself; choose a subfolder such as _site"
            )
        if any(len(os.fsencode(part)) > NAME_MAX - 48 for part in out.parts):
            raise OutputError(f"output folder name {shown} is too long; choose a shorter --out")
        if out.exists() and not out.is_dir():
            raise OutputError(f"output path {shown} exists and is not a folder")
        if (
            out.is_dir()
            and not (out / MARKER).exists()
            and any(not own_entry(p.name, out) for p in out.iterdir())
        ):
            raise OutputError(
                f"output folder {shown} is not empty and was not made by okrsite, which "
                "replaces only an empty folder or one it made; choose another "
                f"{option}, or empty the folder if nothing in it is yours"
            )
    except OSError as exc:
        raise OutputError(f"output folder {shown} cannot be used: {exc.strerror or exc}") from None


def linked_out(what: str, folder: Path, site_root: Path, option: str) -> str | None:
    """Why ``folder``, where okrsite writes ``what``, may not be used: it lies
    through a link inside the site that leads out of it
    (:func:`okrsite.sitefiles.link_out_of_site`), which a pull request can
    commit. One line saying which link and what to do, or ``None``."""
    found = link_out_of_site(folder, site_root)
    if found is None:
        return None
    link, target = found
    way = "is" if link == os.path.abspath(folder) else f"lies through {excerpt(link, 120)},"
    return (
        f"{what} {excerpt(folder, 120)} {way} a link in the site that leads out of it "
        f"(to {excerpt(target, 120)}); okrsite writes nothing there: "
        f"remove the link (a folder okrsite writes is never committed), or give {option} "
        "a folder outside the site"
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


def _why_not(out_dir: Path, exc: OSError) -> str:
    """Why the output folder cannot be made, in the user's terms: a path that
    lies inside a file (``--out okrsite.toml/out``) names that file, where
    the system says only "File exists" or "Not a directory"."""
    for folder in (out_dir.absolute(), *out_dir.absolute().parents):
        if os.path.lexists(folder):
            if not folder.is_dir():
                return f"{excerpt(folder, 120)} is a file, not a folder; choose another --out"
            break
    return str(exc.strerror or exc)


class StagedOutput:
    """A new output folder being assembled beside the real one (or inside it,
    when it cannot be renamed: :func:`okrsite.output_swap.stage_inside`).

    ``write`` may be called from several forked processes at once (each file
    is written by exactly one of them); ``commit`` swaps the folder in, and
    ``abort`` removes it, leaving the previous output untouched.
    """

    def __init__(self, out_dir: Path, *, clean: bool = False) -> None:
        # An output folder that is a link is written through: its target is
        # replaced, the link stays.
        self.out_dir = Path(os.path.realpath(out_dir.absolute()))
        self.clean = clean
        parent = self.out_dir.parent
        #: whether the staging folder is inside the output folder, which cannot
        #: be renamed (:func:`okrsite.output_swap.stage_inside`)
        self.inside = False
        try:
            parent.mkdir(parents=True, exist_ok=True)
            remove_leftovers(self.out_dir)
            self.inside = stage_inside(self.out_dir)
            self.tmp = new_staging(self.out_dir if self.inside else parent, self.out_dir)
        except OSError as exc:
            self.tmp = self._staging_inside_instead(out_dir, exc)
        self.old_exists = self.out_dir.is_dir()
        #: with :meth:`update_in_place`: the previous output's files
        self.previous: Set[str] | None = None
        #: after an in-place commit: the files renamed into place and those removed
        self.replaced: list[str] = []
        self.deleted: list[str] = []
        #: with ``digests``: the content hash of each file this process staged
        #: (what the page cache checks a restored output folder against)
        self.digests: dict[str, bytes] | None = None
        #: with :meth:`update_in_place`: the content hash of each file of the
        #: previous output, as the page cache vouches for it
        self.previous_digests: Mapping[str, bytes] = {}

    def _staging_inside_instead(self, given: Path, exc: OSError) -> Path:
        """The staging folder inside the output folder, when none can be made
        beside it: its parent is not writable (``/var/www`` owned by root,
        ``/var/www/okrs`` by the deploy user). Otherwise the reason, naming
        the folder that must be writable."""
        refused = exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
        if refused and not self.inside and self.out_dir.is_dir():
            try:
                tmp = new_staging(self.out_dir, self.out_dir)
            except OSError as inner:
                exc = inner
            else:
                self.inside = True
                return tmp
        elif refused and not self.out_dir.exists() and os.path.isdir(self.out_dir.parent):
            parent = excerpt(self.out_dir.parent, 120)
            raise OutputError(
                f"cannot create the output folder {excerpt(given, 120)}: its folder {parent} "
                f"is not writable ({exc.strerror or exc}); make {parent} writable, or create "
                f"{excerpt(given, 120)} yourself (okrsite then builds inside it)"
            ) from None
        raise OutputError(
            f"cannot write the output folder {excerpt(given, 120)}: {_why_not(given, exc)}"
        ) from None

    def update_in_place(
        self, previous: Set[str], digests: Mapping[str, bytes] | None = None
    ) -> None:
        """Commit by renaming only the changed files into the output folder,
        whose files (``previous``) the caller vouches for: the page cache has
        checked each one's size, modification time and inode. ``digests``,
        the content hash of each of those files, spares reading a file to
        see that a new one is the same: after one edit at 10,000 objectives,
        the site-wide files (10,000 badges, the exports) are drawn again
        and nearly all come out as they were."""
        if self.old_exists and not self.clean:
            self.previous = previous
            self.previous_digests = digests or {}

    def write(self, files: Mapping[str, bytes]) -> tuple[int, int]:
        """Write files into the staging folder; returns (written, unchanged).

        A file the system refuses (disk full, a name too long) is an
        :class:`OutputError`, one line, never a traceback."""
        try:
            return self._write(files)
        except OSError as exc:
            raise OutputError(
                f"cannot write the output folder {excerpt(self.out_dir, 120)}: "
                f"{exc.strerror or exc}"
            ) from None

    def _write(self, files: Mapping[str, bytes]) -> tuple[int, int]:
        # 23,000 files at 10,000 objectives: paths are joined as strings and
        # each new file is one open, one write and one close (no buffered
        # file object, no fsync: the folder is swapped in whole or not at all)
        written = unchanged = 0
        made: set[str] = set()
        tmp = os.fspath(self.tmp)
        out = os.fspath(self.out_dir)
        reuse = not self.clean and self.old_exists
        digests = self.digests
        known = self.previous_digests  # set only with self.previous (update_in_place)
        for rel, data in files.items():
            safe_relative(rel)
            digest = file_digest(data) if digests is not None or known else b""
            if digests is not None:
                digests[rel] = digest
            target = f"{tmp}/{rel}"
            old = known.get(rel)  # the page cache's hash, or read the file to compare
            same = old == digest if old is not None else reuse and _same_bytes(f"{out}/{rel}", data)
            if same and self.previous is not None:
                # in place: the file stays as it is, and no staging folder is
                # made for it (after one edit, 10,000 badges and exports are
                # unchanged in some 350 folders)
                unchanged += 1
                continue
            folder = os.path.dirname(rel)
            if folder and folder not in made:
                os.makedirs(f"{tmp}/{folder}", exist_ok=True)
                made.add(folder)
            if same:
                try:
                    os.link(f"{out}/{rel}", target)
                    unchanged += 1
                    continue
                except OSError:
                    pass
            _write_new(target, data)
            written += 1
        return written, unchanged

    def commit(self, paths: set[str], written: int, unchanged: int) -> WriteStats:
        """Put the staged site in place, all of it or none of it (:mod:`okrsite.output_swap`)."""
        try:
            if self.previous is not None:
                return self._commit_in_place(paths, written, unchanged)
            return self._commit_whole(paths, written, unchanged)
        except CommitError as exc:
            outcome = (
                "the previous output was left as it was"
                if exc.intact
                else "the output folder may be partly updated; the next build that "
                "succeeds rewrites it"
            )
            raise OutputError(
                f"cannot update the output folder {excerpt(self.out_dir, 120)}: "
                f"{excerpt(exc.path, 160)}: {exc.reason}; {outcome}"
            ) from None
        except OSError as exc:
            raise OutputError(
                f"cannot write the output folder {excerpt(self.out_dir, 120)}: "
                f"{exc.strerror or exc}; the previous output was left as it was"
            ) from None
        finally:
            remove_tree(self.tmp, STAGING_MARKER)

    def _commit_whole(self, paths: set[str], written: int, unchanged: int) -> WriteStats:
        marker = b"This folder is written by okrsite build and replaced on every build.\n"
        (self.tmp / MARKER).write_bytes(marker)
        if self.digests is not None:
            self.digests[MARKER] = file_digest(marker)
        removed = _count_removed(self.out_dir, paths) if self.old_exists else 0
        if not self.inside:
            (self.tmp / STAGING_MARKER).unlink(missing_ok=True)
            try:
                swap_in(self.tmp, self.out_dir)
                return WriteStats(written, unchanged, removed)
            except CannotMove:  # a mount point that was not told as one
                (self.tmp / STAGING_MARKER).write_text(f"{os.getpid()}\n")
                self._move_inside()
        swap_entries(self.tmp, self.out_dir)
        return WriteStats(written, unchanged, removed)

    def _commit_in_place(self, paths: set[str], written: int, unchanged: int) -> WriteStats:
        assert self.previous is not None
        out = os.fspath(self.out_dir)
        gone = sorted(rel for rel in self.previous if rel not in paths and rel != MARKER)
        try:
            self.replaced, self.deleted = update_files(os.fspath(self.tmp), out, gone)
        except CannotMove:  # the output folder is another file system
            self._move_inside()
            self.replaced, self.deleted = update_files(os.fspath(self.tmp), out, gone)
        return WriteStats(written, unchanged, len(gone))

    def _move_inside(self) -> None:
        """Move the staging folder into the output folder (copied, from another
        file system), which the output folder's files can then be swapped with."""
        inner = self.out_dir / self.tmp.name
        try:
            os.replace(self.tmp, inner)
        except OSError:
            try:
                shutil.copytree(self.tmp, inner, symlinks=True)
            except OSError:
                remove_tree(inner, STAGING_MARKER)
                raise
            remove_tree(self.tmp, STAGING_MARKER)
        self.tmp, self.inside = inner, True

    def abort(self) -> None:
        remove_tree(self.tmp, STAGING_MARKER)


def file_digest(data: bytes) -> bytes:
    """The content hash of an output file, as the page cache keeps it.

    SHA-256 cut to 16 bytes: every byte of the output (520 MB at 10,000
    objectives) is hashed, and SHA-256 runs on the processor's SHA
    instructions where it has them, twice blake2b's speed there
    (1.6 against 0.8 GB/s on the benchmark machine)."""
    return hashlib.sha256(data).digest()[:16]


def _same_bytes(path: str | Path, data: bytes) -> bool:
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as fh:
            return fh.read() == data
    except OSError:
        return False


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


def _write_new(path: str, data: bytes) -> None:
    """``path`` holding ``data``, created like ``open(path, "wb")`` does (mode 0o666
    less the umask), written with as few system calls as the system allows."""
    fd = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _count_removed(out_dir: Path, new: Mapping[str, bytes] | set[str]) -> int:
    count = 0
    for dirpath, dirs, filenames in os.walk(out_dir):
        rel_dir = os.path.relpath(dirpath, out_dir)
        if rel_dir == ".":  # not the staging and trash folders made inside it
            dirs[:] = [d for d in dirs if not own_entry(d, out_dir)]
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

    def sync(
        self,
        files: Mapping[str, bytes],
        *,
        complete: bool = True,
        keep: Set[str] | None = None,
    ) -> list[str]:
        """Write what changed; return the changed paths.

        ``complete=False`` means ``files`` is only part of the site (an
        incremental render): files not in it are kept rather than removed.
        With ``keep``, the site is ``files`` and the ``keep`` files written
        before: any other file is removed.
        """
        changed: list[str] = []
        for rel, data in files.items():
            safe_relative(rel)
            digest = file_digest(data)
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
        stale = [
            r
            for r in self.digests
            if (complete or keep is not None) and r not in files and (keep is None or r not in keep)
        ]
        for rel in stale:
            gone = self.out_dir / rel
            gone.unlink(missing_ok=True)
            del self.digests[rel]
            for folder in gone.parents:  # drop folders the removal left empty
                if folder == self.out_dir or any(folder.iterdir()):
                    break
                folder.rmdir()
            changed.append(rel)
        return changed
