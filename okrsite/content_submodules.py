"""A content folder (or a folder in it) kept as a git submodule.

okrsite reads no submodule's history: ``git ls-tree`` shows a submodule as
one commit of another repository, so ``okrsite diff`` and the pages' history
see none of the goals in it. And a checkout without submodules, the default
of GitHub's ``actions/checkout`` and of GitLab CI, leaves the folder empty:
``check`` and ``build`` then passed and published an empty portfolio with
exit code 0. Reading submodules is not done; saying so is (warning OKR011,
as for a submodule a revision holds): for a checked-out submodule, that its
goals are read but diff and history cannot see into it; for one not checked
out, that no goal was read from it and how to check it out.

The submodules are the paths ``.gitmodules`` at the repository's top names
that git holds as one (a gitlink, mode 160000, in the index), found without
git when there is no such file (nearly every site): a few ``stat`` calls
per load. With one, ``git config`` reads it once per version of the file,
and ``git ls-files`` asks the index about its paths on each load. A path
``.gitmodules`` names where git holds an ordinary folder is no submodule:
a revision has that folder's files (:mod:`okrsite.revision_tree` reads its
tree entries), so the checkout is read as the revision is. Taking the file
at its word, a three-line ``.gitmodules`` in a pull request made the
working tree's ``okrsite diff`` skip the folder (an eased target in it
reported as a removed objective, exit 0) and put a false OKR011 on every
build and page (audit 47, "hostile" F2).
"""

from __future__ import annotations

import functools
import os
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from okrsite.diagnostics import Diagnostic, warning
from okrsite.git_command import git_argv
from okrsite.git_environment import git_environment
from okrsite.sitefiles import excerpt

#: the words every submodule finding has (:func:`submodules_said` finds them by)
_SUBMODULE = " is a git submodule"
#: what to do about a submodule: the same words everywhere it is reported
KEEP_IN_REPOSITORY = (
    "keep the goals in the site's own repository: okrsite diff and the pages' history "
    "read no submodule's commits"
)
CHECK_OUT = (
    "check it out (git submodule update --init; in GitHub Actions, submodules: true in "
    "actions/checkout; in GitLab CI, GIT_SUBMODULE_STRATEGY: recursive), or "
)


def content_modules(site_root: Path, content_dir: str) -> tuple[str, ...]:
    """The submodules at or under the content folder of the site checked out
    at ``site_root``, each relative to the site (``content/objectives/platform``).

    The history reads none of their files (:mod:`okrsite.history` keeps them
    as :attr:`~okrsite.history_records.SiteHistory.submodules`): a goal or
    check-in in one has no commit to name, and its page says why instead of
    calling its figures "not committed yet"."""
    content = content_dir.strip("/")
    return tuple(
        rel for rel in site_modules(site_root) if rel == content or rel.startswith(content + "/")
    )


def site_modules(site_root: Path) -> tuple[str, ...]:
    """The submodules in the site checked out at ``site_root``, each relative
    to the site; none when its repository has no ``.gitmodules``."""
    found = _top_and_modules(site_root)
    if found is None:
        return ()
    top, modules = found
    try:
        prefix = Path(os.path.realpath(site_root)).relative_to(top).as_posix()
    except ValueError:
        return ()
    prefix = "" if prefix == "." else prefix + "/"
    return tuple(module[len(prefix) :] for module in modules if module.startswith(prefix))


def holding_module(rel: str, modules: Sequence[str]) -> str | None:
    """The submodule of ``modules`` that holds the file ``rel`` (both
    relative to the site), or ``None``: a KPI's ``data:`` CSV kept in one
    (``content/data/mrr.csv`` in the submodule ``content/data``)."""
    return next((m for m in modules if rel.startswith(m + "/")), None)


def is_submodule_finding(d: Diagnostic) -> bool:
    """Whether ``d`` is OKR011 for a git submodule (any of the wordings here)."""
    return d.code == "OKR011" and _SUBMODULE in d.message


def submodule_problems(site_root: Path, content_dir: str) -> list[Diagnostic]:
    """OKR011 for each submodule at or under the content folder of the site
    checked out at ``site_root``: checked out or not (empty)."""
    out = []
    for rel in content_modules(site_root, content_dir):
        folder = site_root / rel
        try:
            checked_out = folder.is_dir() and any(os.scandir(folder))
        except OSError:
            checked_out = False
        out.append(checked_out_submodule(rel) if checked_out else missing_submodule(rel))
    return out


def revision_submodule(rel: str) -> Diagnostic:
    """A submodule at or in the content folder of a revision (``okrsite diff``):
    git holds only another repository's commit there, so nothing is read."""
    return _submodule_warning(
        rel, "is a git submodule, which okrsite diff and the history cannot see into; skipped"
    )


def checked_out_submodule(rel: str) -> Diagnostic:
    return _submodule_warning(
        rel,
        "is a git submodule: its goals are read from the checkout, but okrsite diff and "
        "the history cannot see into it",
    )


def missing_submodule(rel: str) -> Diagnostic:
    return _submodule_warning(
        rel,
        "is a git submodule that is not checked out: no goal is read from it",
        CHECK_OUT + KEEP_IN_REPOSITORY.replace(": okrsite", " (okrsite", 1) + ")",
    )


def _submodule_warning(rel: str, says: str, hint: str = KEEP_IN_REPOSITORY) -> Diagnostic:
    """OKR011 for the submodule at ``rel``: ``<rel> <says>``."""
    return warning("OKR011", f"{excerpt(rel)} {says}", rel, hint=hint)


def submodules_said(*sides: Sequence[Diagnostic]) -> list[str]:
    """Each submodule of either side of ``okrsite diff``, once, with its
    hint: it stays on the terminal even when both sides have it (the report
    shows changes only), since the comparison cannot see into it. Once per
    submodule, in the words of the side read first (the base, a revision):
    a working tree reads a checked-out submodule's goals from disk and says
    so in a build's words, which made two lines about one folder."""
    said: dict[str, str] = {}
    for diagnostics in sides:
        for d in diagnostics:
            if is_submodule_finding(d):
                said.setdefault(d.file or d.message, f"{d.message} (hint: {d.hint})")
    return list(said.values())


def _top_and_modules(site_root: Path) -> tuple[Path, tuple[str, ...]] | None:
    """The repository's top (the nearest folder holding ``.git``) and the
    submodule paths its ``.gitmodules`` names; ``None`` without either."""
    real = Path(os.path.realpath(site_root))
    for top in (real, *real.parents):
        if os.path.lexists(top / ".git"):
            break
    else:
        return None
    listed = top / ".gitmodules"
    try:
        st = listed.stat()
    except OSError:
        return None
    modules = _modules(str(listed), st.st_mtime_ns, st.st_size)
    if modules:
        modules = _gitlinks(top, modules, _index_stamp(top))
    return (top, modules) if modules else None


def _index_stamp(top: Path) -> tuple[int, int]:
    """When and how large git's index last was: what :func:`_gitlinks` reads,
    so a build that asks for the submodules several times (the check, the
    history, each revision of a diff, each rebuild of serve) runs git once
    until the index changes."""
    try:
        st = (top / ".git" / "index").stat()
    except OSError:  # a worktree's or submodule's .git is a file: ask each time
        return (-1, time.monotonic_ns())
    return (st.st_mtime_ns, st.st_size)


#: the mode of a gitlink, git's entry for a submodule's commit
_GITLINK = b"160000"


@functools.lru_cache(maxsize=8)
def _gitlinks(top: Path, paths: tuple[str, ...], index: tuple[int, int]) -> tuple[str, ...]:
    """Those of ``paths`` (relative to ``top``) the index holds as a gitlink:
    a submodule, not an ordinary folder ``.gitmodules`` happens to name.
    Without git's answer (no git), a path whose folder holds a ``.git``, as
    a checked-out submodule's does. ``index``: :func:`_index_stamp`, the
    cache's key."""
    try:
        proc = subprocess.run(
            git_argv(["--literal-pathspecs", "ls-files", "--stage", "-z", "--", *paths]),
            cwd=top,
            env=git_environment(top),
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        proc = None
    if proc is None or proc.returncode != 0:
        return tuple(p for p in paths if os.path.lexists(top / p / ".git"))
    linked = set()
    for entry in proc.stdout.split(b"\0"):
        mode, _, rest = entry.partition(b" ")
        if mode == _GITLINK:
            linked.add(rest.partition(b"\t")[2].decode("utf-8", "surrogateescape"))
    return tuple(p for p in paths if p in linked)


@functools.lru_cache(maxsize=8)
def _modules(listed: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    """The ``path`` of each submodule in ``.gitmodules`` (git's own reader:
    its quoting and sections), read again when the file changes."""
    try:
        proc = subprocess.run(
            git_argv(["config", "--file", listed, "-z", "--get-regexp", r"^submodule\..*\.path$"]),
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    paths = []
    for entry in proc.stdout.decode("utf-8", "surrogateescape").split("\0"):
        _key, _, value = entry.partition("\n")
        if value.strip("/"):
            paths.append(value.strip("/"))
    return tuple(paths)
