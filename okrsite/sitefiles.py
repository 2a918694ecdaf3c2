"""Reading only what the site owns: the one way okrsite opens a source file.

Content, KPI data files, ``okrsite.toml``, static files, templates and theme
files are all opened here. A path is resolved (links followed) and must land
inside one of the allowed folders (the site root, or the theme's own folder),
and must be a regular file: a FIFO, socket or device is refused from its
``lstat`` without ever being opened (opening a FIFO blocks until a writer
appears, which hung ``check`` and stopped every rebuild of ``serve``). A file
that exists but cannot be read is an error, not silently dropped; a link that
points nowhere or round in a loop is a warning naming it.

Messages name the path (cut to a short printable excerpt) and never quote
the file's bytes: an error about ``/proc/self/environ`` must not print the
environment.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from okrsite.diagnostics import Diagnostic, error, warning

_READ_SIZE = 1 << 16
# never block on open (a FIFO swapped in after the check), never follow a last-moment link
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
MAX_FILE_BYTES = 16 * 1024 * 1024  # no source file of a goal site comes near this


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a file was not read: a code, a message naming the path, a hint."""

    code: str
    message: str
    hint: str
    is_error: bool = True

    def diagnostic(self, rel: str | None) -> Diagnostic:
        make = error if self.is_error else warning
        return make(self.code, self.message, rel, hint=self.hint)


class UnsafeFileError(ValueError):
    """A source file that must not be read (outside the site, not a regular file, …)."""

    def __init__(self, refusal: Refusal, rel: str | None = None) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal
        self.rel = rel

    def diagnostic(self) -> Diagnostic:
        return self.refusal.diagnostic(self.rel)


def file_gone(problem: Diagnostic) -> bool:
    """Whether ``problem`` says only that a listed file no longer exists (it
    was deleted since the walk): nothing to report. A path too long for the
    file system or with a NUL byte (OKR010 too) is reported."""
    return problem.code == "OKR010" and problem.message.endswith(_GONE)


#: how the refusal of a file deleted since it was listed ends (:func:`file_gone`)
_GONE = " does not exist"


def excerpt(text: object, limit: int = 60) -> str:
    """A short, printable rendering of ``text`` for messages (control characters escaped)."""
    raw = str(text)
    if len(raw) <= limit and raw.isprintable():  # the usual case, without a loop
        return raw
    shown = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in raw[: limit + 1])
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class _Shown:
    """A path as messages show it, worked out only if a message is written."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def __str__(self) -> str:
        return excerpt(self.path, 120)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def within(path: str, roots: Sequence[str]) -> bool:
    """Whether the resolved ``path`` lies in one of the resolved ``roots``, and
    not in git's own files there (:func:`in_git`): the one rule by which every
    file okrsite reads, lists or copies must stay in its owner's folder."""
    for root in roots:
        base = root.rstrip(os.sep)
        if path in (root, base):
            return True
        if path.startswith(base + os.sep):
            return not in_git(path[len(base) :], root, path)
    return False


#: the folder git keeps a repository in (with its ``config``, where
#: actions/checkout writes the job's token), in the case-insensitive form
#: the file systems of macOS and Windows give it
GIT_FOLDER = ".git"


def in_git(rest: str, root: str = "", path: str = "") -> bool:
    """Whether ``rest`` (a resolved path under ``root``, or any path) passes
    through a folder named ``.git``, or ``path`` lies in the git folder a
    ``.git`` file of ``root``'s repository names (``gitdir:``, a checkout
    made with ``--separate-git-dir``). Nothing there is site content: a
    committed ``static/cfg.txt -> ../.git/config`` would publish the token
    a CI job's checkout wrote into it."""
    if GIT_FOLDER in rest.casefold() and any(
        part.casefold() == GIT_FOLDER for part in rest.replace("\\", "/").split("/")
    ):
        return True
    return bool(root) and any(
        path == gitdir or path.startswith(gitdir + os.sep) for gitdir in _git_dirs(root)
    )


@functools.lru_cache(maxsize=64)
def _git_dirs(root: str) -> tuple[str, ...]:
    """The resolved git folders that a ``.git`` file of ``root``'s repository
    (the nearest ``.git`` at or above ``root``) names, when that is a file
    (a worktree, a submodule, ``--separate-git-dir``): its ``gitdir:`` and
    the ``commondir`` that one names. Looked up once per root."""
    folder = root
    while not os.path.lexists(os.path.join(folder, GIT_FOLDER)):
        parent = os.path.dirname(folder)
        if parent == folder:
            return ()
        folder = parent
    gitdir = _pointer(os.path.join(folder, GIT_FOLDER), "gitdir:")
    if gitdir is None:
        return ()
    common = _pointer(os.path.join(gitdir, "commondir"), "")
    found = (gitdir,) if common is None else (gitdir, common)
    _SEEN_GIT_DIRS.update(found)
    return found


#: every git folder :func:`_git_dirs` found, for naming .git in a refusal
_SEEN_GIT_DIRS: set[str] = set()


def _pointer(file: str, key: str) -> str | None:
    """The resolved folder a one-line git pointer file names (``gitdir: X``,
    or a worktree's ``commondir``), relative to the file's folder; ``None``
    when ``file`` is no regular file (a ``.git`` folder) or says no such thing."""
    try:
        with open(file, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            line = handle.read(4096).decode("utf-8", "replace").strip()
    except OSError:
        return None
    if not line.startswith(key) or not line[len(key) :].strip():
        return None
    return os.path.realpath(os.path.join(os.path.dirname(file), line[len(key) :].strip()))


def _in_known_git_dir(target: str) -> bool:
    return any(target == g or target.startswith(g + os.sep) for g in _SEEN_GIT_DIRS)


def check_owned(
    path: str | os.PathLike[str],
    roots: Sequence[str],
    folders: dict[str, tuple[str, bool]] | None = None,
) -> str:
    """The resolved path of ``path`` if it is a regular file inside ``roots``
    (see :func:`stat_owned`)."""
    return stat_owned(path, roots, folders)[0]


def stat_owned(
    path: str | os.PathLike[str],
    roots: Sequence[str],
    folders: dict[str, tuple[str, bool]] | None = None,
) -> tuple[str, os.stat_result]:
    """The resolved path and ``stat`` of ``path`` if it is a regular file inside ``roots``.

    Raises :class:`UnsafeFileError` otherwise. Nothing is opened: the type
    comes from ``stat`` of the resolved path. ``roots`` must be resolved
    (:func:`owned_roots`); ``folders`` caches resolved parent folders, so
    reading thousands of files resolves each folder once.
    """
    name = os.fspath(path)
    shown = _Shown(name)
    if "\0" in name:
        raise UnsafeFileError(Refusal("OKR010", f"path {shown} contains a NUL byte", _HINT_NAME))
    try:
        st = os.lstat(name)
    except FileNotFoundError:
        raise UnsafeFileError(Refusal("OKR010", f"{shown}{_GONE}", "check the file name")) from None
    except OSError as exc:
        raise UnsafeFileError(_os_refusal(exc, shown)) from None
    real = name
    inside = False
    if stat.S_ISLNK(st.st_mode):
        try:
            real = os.path.realpath(name, strict=True)
            st = os.stat(real)
        except OSError as exc:
            what = "loops back on itself" if exc.errno == errno.ELOOP else "points nowhere"
            raise UnsafeFileError(
                Refusal(
                    "OKR011",
                    f"link {shown} {what}; skipped",
                    "remove the link or point it at a file inside the site",
                    is_error=False,
                )
            ) from None
        inside = within(real, roots)
    else:
        # not a link itself: it lies where its folder really is (resolved once per folder)
        parent, base = os.path.split(name)
        cache = folders if folders is not None else {}
        known = cache.get(parent) or _resolve_folder(parent or ".", roots, cache)
        real = os.path.join(known[0], base)
        inside = known[1] and base not in ("", ".", "..")
    if not inside:
        git = in_git(real) or _in_known_git_dir(real)
        if os.path.abspath(real) == os.path.abspath(name) and not git:  # no link on its way
            raise UnsafeFileError(
                Refusal(
                    "OKR012",
                    f"{shown} lies outside the folders it may be read from; not read",
                    "okrsite reads the site's files from inside the site and a theme's "
                    "from inside that theme's folder; move the file there",
                )
            )
        raise UnsafeFileError(outside_site(shown, real))
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeFileError(
            Refusal(
                "OKR013",
                f"{shown} is {_kind(st.st_mode)}, not a regular file; not read",
                "only regular files are read; remove it from the site folder",
            )
        )
    if st.st_size > MAX_FILE_BYTES:
        raise UnsafeFileError(
            Refusal(
                "OKR014",
                f"{shown} is {st.st_size} bytes, more than the limit of {MAX_FILE_BYTES}",
                f"source files may be at most {MAX_FILE_BYTES // (1024 * 1024)} MB",
            )
        )
    return real, st


def outside_site(shown: object, target: str) -> Refusal:
    """OKR012 for a path that leads outside the site (a link, or a folder
    linked out of it): ``shown`` is the path as written, ``target`` where it
    leads. ``okrsite diff`` refuses a committed link out of the site by it too.
    A link into git's own files (:func:`in_git`) is refused the same way,
    and said so: the site folder holds it, but it is no site file."""
    if in_git(target) or _in_known_git_dir(target):
        return Refusal(
            "OKR012",
            f"{shown} leads into git's own files (.git: {excerpt(target, 80)}); not read",
            "okrsite never reads, lists or publishes anything in .git (its config can "
            "hold a CI job's token); name or link a file outside .git, or copy it into the site",
        )
    return Refusal(
        "OKR012",
        f"{shown} leads outside the site (to {excerpt(target, 80)}); not read",
        "okrsite reads only files inside the site folder and its theme; "
        "copy the file into the site instead of linking to it",
    )


def _resolve_folder(
    folder: str, roots: Sequence[str], cache: dict[str, tuple[str, bool]]
) -> tuple[str, bool]:
    """(real path, inside ``roots``) of ``folder``, from its parent's when that is known:
    one ``lstat`` per new folder instead of one per component of its path."""
    known = cache.get(folder)
    if known is not None:
        return known
    parent, base = os.path.split(folder)
    real = None
    if parent and parent != folder and base not in ("", ".", ".."):
        try:
            is_link = stat.S_ISLNK(os.lstat(folder).st_mode)
        except OSError:
            is_link = True  # let realpath say what it is
        if not is_link:
            real = os.path.join(_resolve_folder(parent, roots, cache)[0], base)
    if real is None:
        real = os.path.realpath(folder)
    known = cache[folder] = (real, within(real, roots))
    return known


def read_owned(
    path: str | os.PathLike[str],
    roots: Sequence[str],
    folders: dict[str, tuple[str, bool]] | None = None,
) -> bytes:
    """The bytes of an owned regular file (see :func:`check_owned`).

    The file is opened non-blocking and checked again on the open descriptor,
    so a file swapped for a FIFO between the check and the open still never
    blocks.
    """
    real = check_owned(path, roots, folders)
    shown = _Shown(os.fspath(path))
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as exc:
        raise UnsafeFileError(_os_refusal(exc, shown)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafeFileError(
                Refusal(
                    "OKR013", f"{shown} is {_kind(st.st_mode)}, not a regular file", HINT_REGULAR
                )
            )
        chunks = []
        total = 0
        while chunk := os.read(fd, _READ_SIZE):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise UnsafeFileError(
                    Refusal(
                        "OKR014", f"{shown} is larger than {MAX_FILE_BYTES} bytes", HINT_REGULAR
                    )
                )
        return b"".join(chunks)
    except OSError as exc:
        raise UnsafeFileError(_os_refusal(exc, shown)) from None
    finally:
        os.close(fd)


def owned_roots(site_root: Path, *extra: Path) -> list[str]:
    """The folders a site may read from: its root and any theme folders."""
    return [os.path.realpath(site_root), *(os.path.realpath(p) for p in extra)]


def link_out_of_site(folder: Path, site_root: Path) -> tuple[str, str] | None:
    """The first link on the way to ``folder`` (relative to the current
    folder, or absolute) that lies inside the site and leads out of it, or
    into git's own files: (the link, where it leads); ``None`` if there is
    none. A folder okrsite writes to (the output, the cache) must not lie
    through one: a committed ``_site -> /srv/www`` or ``.okrsite-cache ->
    ~/.ssh`` would have a clone's ``okrsite build`` write, and clean up,
    wherever the link's author chose. A link outside the site on the way
    (``/var/www`` itself a link) is the command line's to choose and is
    followed. Components are followed as the system follows them, ``..``
    after a link included."""
    roots = owned_roots(site_root)
    current = os.sep
    for part in Path(os.path.join(os.getcwd(), folder)).parts[1:]:
        if part in ("", "."):
            continue
        if part == "..":
            current = os.path.dirname(current)
            continue
        path = os.path.join(current, part)
        if not os.path.islink(path):
            current = path
            continue
        target = os.path.realpath(path)
        if within(current, roots) and not within(target, roots):
            return path, target
        current = target
    return None


_HINT_NAME = "rename the file"
#: what to do about a path too long for the file system (ENAMETOOLONG)
HINT_TOO_LONG = (
    "move it to a folder nested less deeply, or shorten the folders' names "
    "(a path may be at most 4,096 bytes on Linux)"
)
HINT_REGULAR = "only regular files are read; remove it from the site folder"


def _os_refusal(exc: OSError, shown: object) -> Refusal:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Refusal(
            "OKR015",
            f"{shown} cannot be read: permission denied",
            "give the user running okrsite read access, or remove the file",
        )
    if exc.errno == errno.ELOOP:
        return Refusal("OKR011", f"link {shown} loops back on itself; skipped", HINT_REGULAR, False)
    if exc.errno == errno.ENAMETOOLONG:
        return Refusal("OKR010", f"path {shown} is too long for the file system", HINT_TOO_LONG)
    return Refusal(
        "OKR015", f"{shown} cannot be read: {excerpt(exc.strerror or exc)}", HINT_REGULAR
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def create_new(root: Path, rel: str, made: list[Path], through: str = "") -> int:
    """A new file ``rel`` of the site ``root``, opened for writing (a file
    descriptor), with the folders it needs made (added to ``made``, the
    outermost first, for the caller to remove on a failure).

    Written files land only in the site's own folders: each folder is opened
    from its parent without following a link, so a folder linked elsewhere
    (out of the site, or to a folder the site does not read: ``check`` skips
    a linked folder) is refused even when it appeared after the import
    looked. Only the folders of ``through`` (the content folder, which the
    site reads through a link that stays inside it) may be links, and only
    ones that resolve inside the site. A link already at ``rel``, pointing
    anywhere or nowhere, is an existing file (``FileExistsError``): it is
    never written through."""
    parts = Path(rel).parts
    if not parts or Path(rel).is_absolute() or any(p in (".", "..") for p in parts):
        raise OSError(errno.EINVAL, f"{rel} is not a path inside the site", os.fspath(root / rel))
    linkable = len(Path(through).parts) if Path(rel).is_relative_to(through or ".") else 0
    roots = owned_roots(root)
    by_fd = os.open in os.supports_dir_fd and os.mkdir in os.supports_dir_fd
    fd = os.open(roots[0], os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if by_fd else -1
    try:
        for depth, part in enumerate(parts[:-1], start=1):
            folder = root.joinpath(*parts[:depth])
            with contextlib.suppress(FileExistsError):
                if by_fd:
                    os.mkdir(part, dir_fd=fd)
                else:
                    folder.mkdir()
                made.append(folder)
            follow = depth <= linkable and within(os.path.realpath(folder), roots)
            try:
                if by_fd:
                    inner = os.open(part, _FOLDER_FLAGS if not follow else _LINKED, dir_fd=fd)
                    os.close(fd)
                    fd = inner
                elif not follow:
                    _not_linked(folder)
            except OSError as exc:
                raise _not_a_folder(root, parts, depth, exc) from None
        if by_fd:
            return os.open(parts[-1], _CREATE_FLAGS, 0o666, dir_fd=fd)
        return os.open(root / rel, _CREATE_FLAGS, 0o666)
    finally:
        if fd >= 0:
            os.close(fd)


_LINKED = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
_FOLDER_FLAGS = _LINKED | getattr(os, "O_NOFOLLOW", 0)
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def _not_linked(folder: Path) -> None:
    """Where the system opens no file relative to a folder: ``folder`` is
    looked at (not followed) before the next one is made in it."""
    mode = os.lstat(folder).st_mode
    if stat.S_ISLNK(mode) or not stat.S_ISDIR(mode):
        err = errno.ELOOP if stat.S_ISLNK(mode) else errno.ENOTDIR
        raise OSError(err, os.strerror(err))


def _not_a_folder(root: Path, parts: tuple[str, ...], depth: int, exc: OSError) -> OSError:
    """The error of a folder of a new file that is a link or a file."""
    folder = "/".join(parts[:depth])
    path = os.fspath(root.joinpath(*parts))
    try:  # O_NOFOLLOW with O_DIRECTORY meets a link as ELOOP, ENOTDIR or EMLINK by system
        linked = stat.S_ISLNK(os.lstat(root.joinpath(*parts[:depth])).st_mode)
    except OSError:
        linked = exc.errno == errno.ELOOP
    if linked:
        why = f"{folder} is a link, and okrsite writes only into the site's own folders"
    elif exc.errno == errno.ENOTDIR:
        why = f"{folder} is a file, where its folder must be"
    else:
        why = f"{folder}: {exc.strerror or exc}"
    return OSError(exc.errno, why, path)
