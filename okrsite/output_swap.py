"""How a staged output replaces the previous one, all of it or none of it.

:class:`okrsite.writer.StagedOutput` assembles the new site in a staging
folder; this module puts it in place, in one of three ways:

- :func:`swap_in`: the staging folder beside the output folder replaces it
  with two renames (the usual case).
- :func:`swap_entries`: an output folder that cannot be renamed (a mount
  point: a Docker volume, an NFS or bind-mounted web root, whose rename
  fails with EBUSY and whose parent is another file system; or a folder whose
  parent the build user may not write, as ``/var/www`` owned by root with
  ``/var/www/okrs`` owned by the deploy user) is staged *inside* itself and
  its entries are swapped one by one (:func:`stage_inside` says when).
- :func:`update_files`: a build the page cache answers renames only the
  changed files into place. The file each rename replaces is kept (a hard
  link in the staging folder) until every rename has succeeded, so a rename
  the system refuses (a folder owned by another user, a file held open on
  Windows) rolls back the ones done before it: the published site never
  shows one figure on one page and another on the next.

A failure is a :class:`CommitError` naming the path that failed, and saying
whether the previous output is still whole. Trash folders keep okrsite's
marker until the rest of them is removed (:func:`remove_tree`), so what a
build could not delete is still recognised, and removed, by the next one
(:func:`remove_leftovers`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import time
from pathlib import Path

MARKER = ".okrsite-output"
STAGING_MARKER = ".okrsite-staging"
KEPT = ".okrsite-previous"  # in an in-place update's staging folder: the files it replaced

# errors of renaming the output folder that staging inside it avoids: a mount
# point (EBUSY), another file system (EXDEV), a parent the user may not write
MOVE_REFUSED = frozenset({errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES, errno.EROFS})

__all__ = [
    "CannotMove",
    "CommitError",
    "own_entry",
    "remove_leftovers",
    "remove_tree",
    "stage_inside",
    "staging_prefix",
    "swap_entries",
    "swap_in",
    "update_files",
]


class CommitError(Exception):
    """A commit the system refused: at ``path``, for ``reason``; ``intact``:
    whether the previous output was restored exactly."""

    def __init__(self, path: str, reason: str, *, intact: bool) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.intact = intact


class CannotMove(CommitError):
    """The staging folder's files cannot be moved into the output folder (it
    is another file system, or cannot be renamed); nothing was changed, and
    staging inside the output folder would work."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason, intact=True)


def staging_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.okrsite-tmp-"


def trash_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.okrsite-old-"


def own_entry(name: str, out_dir: Path) -> bool:
    """Whether ``name``, in ``out_dir`` itself, is one of okrsite's staging or
    trash folders (made there when the output folder cannot be renamed), not
    part of the site."""
    return name.startswith((staging_prefix(out_dir), trash_prefix(out_dir)))


def _mount_points() -> set[bytes]:
    """Every mount point of this process's mount namespace (Linux), where
    ``os.path.ismount`` misses a bind mount of a folder of the same file system."""
    try:
        with open("/proc/self/mountinfo", "rb") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return set()
    unescape = re.compile(rb"\\([0-7]{3})")
    points = set()
    for line in lines:
        fields = line.split(b" ")
        if len(fields) > 4:
            points.add(unescape.sub(lambda m: bytes([int(m[1], 8)]), fields[4]))
    return points


def stage_inside(out_dir: Path) -> bool:
    """Whether the existing output folder ``out_dir`` cannot be renamed (it is
    a mount point), so the new site is staged inside it and swapped in entry
    by entry."""
    if not out_dir.is_dir():
        return False
    if os.path.ismount(out_dir):
        return True
    return os.fsencode(out_dir) in _mount_points()


def new_staging(where: Path, out_dir: Path) -> Path:
    """A fresh staging folder for ``out_dir`` in ``where``, marked as this process's."""
    tmp = where / f"{staging_prefix(out_dir)}{os.getpid()}-{time.monotonic_ns()}"
    tmp.mkdir()
    (tmp / STAGING_MARKER).write_text(f"{os.getpid()}\n")
    return tmp


def remove_tree(path: Path | str, marker: str = MARKER) -> bool:
    """Remove the folder ``path``, its ``marker`` last: what cannot be removed
    (a file held open, a folder of another user) stays recognisable as
    okrsite's, and the next build removes it. Whether it is gone."""
    path = os.fspath(path)
    try:
        entries = list(os.scandir(path))
    except FileNotFoundError:
        return True
    except OSError:
        return False
    for entry in entries:
        if entry.name == marker:
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
    try:
        if any(entry.name != marker for entry in os.scandir(path)):
            return False
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(path, marker))
        os.rmdir(path)
    except OSError:
        return False
    return True


def _pid_alive(pid: int, since: float | None = None) -> bool:
    """Whether the process ``pid`` still runs (a build that may be writing).

    A process killed whose parent did not wait for it (``timeout -s KILL``
    kills itself with its child; a container whose first process reaps no
    one) stays in the process table as a zombie, answering ``kill(pid, 0)``
    for as long as it is not reaped: it runs no more. Given ``since`` (when
    its folder was marked, in seconds since the epoch), a process started
    after it is another one that was given the same id."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        pass
    state = _proc_state(pid)
    if state is None:  # no /proc (macOS): as kill says
        return True
    letter, started = state
    if letter in (b"Z", b"X"):
        return False
    return since is None or started is None or started <= since + _CLOCK_SLACK


#: seconds a process may seem to have started after the folder it marked (the
#: clocks' rounding, a clock set forward meanwhile): never judged another one
_CLOCK_SLACK = 30.0


def _proc_state(pid: int) -> tuple[bytes, float | None] | None:
    """The state letter of ``pid`` (``Z``: a zombie) and when it started, in
    seconds since the epoch, from Linux's ``/proc`` (``None``: no such file)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rpartition(b")")[2].split()
        with open("/proc/uptime", "rb") as fh:
            uptime = float(fh.read().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
    if not fields:
        return None
    try:  # field 22 of the line: clock ticks from boot to the start, as uptime counts
        started = time.time() - (uptime - int(fields[19]) / ticks)
    except (ValueError, IndexError, ZeroDivisionError):
        return fields[0][:1], None
    return fields[0][:1], started


def remove_leftovers(out_dir: Path) -> int:
    """Remove staging and trash folders that earlier, killed builds left beside
    ``out_dir`` or inside it (:func:`stage_inside`).

    Only folders okrsite made are touched: a staging folder carries
    :data:`STAGING_MARKER` with the id of the process that made it (still
    running: kept), a trash folder is a previous output and carries
    :data:`MARKER`. Returns how many were removed.
    """
    removed = 0
    prefixes = (staging_prefix(out_dir), trash_prefix(out_dir))
    entries = []
    for folder in (out_dir.parent, out_dir):
        with contextlib.suppress(OSError):
            entries += [e for e in os.scandir(folder) if e.name.startswith(prefixes)]
    for entry in entries:
        path = Path(entry.path)
        if not entry.is_dir(follow_symlinks=False):
            continue
        staging = path / STAGING_MARKER
        if staging.is_file():
            try:
                pid = int(staging.read_text().strip() or "0")
                marked: float | None = staging.stat().st_mtime
            except (OSError, ValueError):
                pid, marked = 0, None
            if pid and _pid_alive(pid, marked):
                continue
            remove_tree(path, STAGING_MARKER)
        elif (path / MARKER).is_file():
            remove_tree(path, MARKER)
        else:
            # A build killed between making its staging folder and writing the
            # marker leaves it empty, named with its process id: only that
            # (empty, of a process gone) is removed; anything else is not ours.
            made = entry.name[len(prefixes[0]) :].split("-")
            if (
                entry.name.startswith(prefixes[0])
                and len(made) == 2
                and all(part.isdigit() for part in made)
                and len(made[0]) < 10
                and not _pid_alive(int(made[0]))
            ):
                with contextlib.suppress(OSError):
                    os.rmdir(path)
                    removed += 1
            continue
        removed += 1
    return removed


def _reason(exc: OSError) -> str:
    return str(exc.strerror or exc)


def swap_in(new: Path, out_dir: Path) -> None:
    """Replace ``out_dir`` by ``new`` with two renames (the gap is microseconds).

    :class:`CannotMove` if the output folder cannot be renamed (nothing changed)."""
    if not out_dir.exists():
        try:
            os.replace(new, out_dir)
        except OSError as exc:
            raise CommitError(os.fspath(out_dir), _reason(exc), intact=True) from None
        return
    trash = out_dir.parent / f"{trash_prefix(out_dir)}{os.getpid()}-{time.monotonic_ns()}"
    try:
        os.replace(out_dir, trash)
    except OSError as exc:
        if exc.errno in MOVE_REFUSED:
            raise CannotMove(os.fspath(out_dir), _reason(exc)) from None
        raise CommitError(os.fspath(out_dir), _reason(exc), intact=True) from None
    try:
        os.replace(new, out_dir)
    except BaseException as exc:
        os.replace(trash, out_dir)
        if isinstance(exc, OSError):
            raise CommitError(os.fspath(out_dir), _reason(exc), intact=True) from None
        raise
    remove_tree(trash)


def swap_entries(new: Path, out_dir: Path) -> None:
    """Replace the contents of ``out_dir`` by those of ``new``, a staging
    folder inside it, entry by entry (the output folder itself stays: a mount
    point). Each old entry goes to a trash folder in ``out_dir`` just before
    the new one takes its name; if a rename fails, the ones done are undone."""
    trash = out_dir / f"{trash_prefix(out_dir)}{os.getpid()}-{time.monotonic_ns()}"
    out = os.fspath(out_dir)
    try:
        trash.mkdir()
        (trash / MARKER).write_bytes(b"A previous output of okrsite build, being removed.\n")
    except OSError as exc:
        remove_tree(trash)
        raise CommitError(os.fspath(trash), _reason(exc), intact=True) from None
    old = {name for name in os.listdir(out) if not own_entry(name, out_dir)}
    names = sorted(name for name in os.listdir(new) if name != STAGING_MARKER)
    moved_in: list[str] = []
    moved_out: list[str] = []
    path = out
    try:
        for name in names:
            path = os.path.join(out, name)
            if name in old and name != MARKER:  # the marker is replaced as it is
                os.replace(path, trash / name)
                moved_out.append(name)
            os.replace(new / name, path)
            if name not in old or name != MARKER:
                moved_in.append(name)
        for name in sorted(old - set(names)):
            path = os.path.join(out, name)
            os.replace(path, trash / name)
            moved_out.append(name)
    except OSError as exc:
        intact = True
        for name in reversed(moved_in):
            try:
                os.replace(os.path.join(out, name), new / name)
            except OSError:
                intact = False
        for name in reversed(moved_out):
            try:
                os.replace(trash / name, os.path.join(out, name))
            except OSError:
                intact = False
        remove_tree(trash)
        raise CommitError(path, _reason(exc), intact=intact) from None
    remove_tree(trash)
    remove_tree(new, STAGING_MARKER)


def _staged_files(tmp: str) -> list[str]:
    """Every file of an in-place update's staging folder, as relative paths."""
    files = []
    for folder, dirs, names in os.walk(tmp):
        rel_folder = folder[len(tmp) + 1 :].replace(os.sep, "/")
        if not rel_folder:
            dirs[:] = [d for d in dirs if d != KEPT]
        for name in names:
            if name == STAGING_MARKER and not rel_folder:
                continue
            files.append(f"{rel_folder}/{name}" if rel_folder else name)
    return files


def _keep(target: str, kept: str) -> bool | None:
    """Keep the file at ``target`` as ``kept`` before it is replaced: a hard
    link (the target stays, so a reader never misses it), else the file itself
    moved aside. ``None``: there was none; ``True``: linked; ``False``: moved."""
    os.makedirs(os.path.dirname(kept), exist_ok=True)
    try:
        os.link(target, kept, follow_symlinks=False)
        return True
    except FileNotFoundError:
        if not os.path.lexists(target):
            return None
        raise
    except OSError:  # no hard links here, or a file of another user
        os.replace(target, kept)
        return False


def update_files(tmp: str, out: str, gone: list[str]) -> tuple[list[str], list[str]]:
    """Rename every file staged in ``tmp`` into ``out`` and remove the
    ``gone`` files, all or none: the files replaced and removed are kept in
    the staging folder until the last rename succeeded, and put back if one
    fails. Returns the files replaced and removed."""
    kept = f"{tmp}/{KEPT}"
    replaced: list[str] = []
    deleted: list[str] = []
    undo: list[tuple[str, bool | None]] = []  # (file, how it was kept)
    made: list[str] = []  # folders this update created, outermost first
    path = out
    try:
        for rel in _staged_files(tmp):
            folder = os.path.dirname(rel)
            if folder and not os.path.isdir(f"{out}/{folder}"):
                parts = folder.split("/")
                for i in range(1, len(parts) + 1):
                    path = f"{out}/{'/'.join(parts[:i])}"
                    if not os.path.isdir(path):
                        os.mkdir(path)
                        made.append(path)
            path = f"{out}/{rel}"
            how = _keep(path, f"{kept}/{rel}")
            undo.append((rel, how))
            os.replace(f"{tmp}/{rel}", path)
            replaced.append(rel)
        for rel in gone:
            path = f"{out}/{rel}"
            os.makedirs(os.path.dirname(f"{kept}/{rel}"), exist_ok=True)
            try:
                os.replace(path, f"{kept}/{rel}")
            except FileNotFoundError:
                continue
            undo.append((rel, False))
            deleted.append(rel)
    except OSError as exc:
        intact = _roll_back(tmp, out, undo, made, len(replaced))
        if exc.errno == errno.EXDEV and not replaced and intact:
            shutil.rmtree(kept, ignore_errors=True)
            raise CannotMove(path, _reason(exc)) from None
        raise CommitError(path, _reason(exc), intact=intact) from None
    for rel in sorted({os.path.dirname(rel) for rel in deleted} - {""}, reverse=True):
        _remove_empty_folders(out, rel)
    return replaced, deleted


def _roll_back(
    tmp: str, out: str, undo: list[tuple[str, bool | None]], made: list[str], done: int
) -> bool:
    """Put back every file an in-place update replaced or removed, and remove
    the folders it made. Whether the output is exactly as it was."""
    kept = f"{tmp}/{KEPT}"
    intact = True
    for i in reversed(range(len(undo))):
        rel, how = undo[i]
        target, saved = f"{out}/{rel}", f"{kept}/{rel}"
        try:
            if i >= done and how is not False:  # the failed step: nothing was replaced
                if how is True:
                    os.unlink(saved)
                continue
            if os.path.lexists(saved):
                os.replace(saved, target)  # the old file (moved aside or removed) back
            else:
                os.unlink(target)  # a new file where there was none
        except OSError:
            intact = False
    for folder in reversed(made):
        try:
            os.rmdir(folder)
        except OSError:
            intact = False
    return intact


def _remove_empty_folders(out: str, folder: str) -> None:
    """``folder`` and the folders above it, as far as they are empty now."""
    while folder:
        try:
            os.rmdir(f"{out}/{folder}")
        except OSError:  # not empty (or already gone): the folders above are not empty either
            return
        folder = os.path.dirname(folder)
