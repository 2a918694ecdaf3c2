"""A site whose whole folder moved inside its repository keeps its history.

The history reads the commits that changed the site's content folder, and git
limits what it compares to that folder: a ``git mv okrsite.toml content
goals/`` (or ``git mv goals goals-site``) shows there as every file added by
the moving commit, which would make that commit everyone's "created" entry and
the author and date of every figure, with each check-in "backdated" to it.

So the history follows the site across such a move (:func:`site_moves`): a
commit that *renamed* the site's ``okrsite.toml`` from another folder moved
the site from there (a copy leaves the old file, and git reports it as an
addition: that site starts afresh). The moving commit itself is read across
both folders with each old path put under the new folder
(:func:`move_changes`), so a file that only moved changed nothing, and the
commits before it are read under the old folder (:func:`eras`): what they did
is the same, relative to the site, as when the site was there, so their
events are those a build of the site at the old folder cached.

Finding a move costs no process per commit: the site's ``okrsite.toml`` is
read with its content folder in the same ``git log --raw``, and only a
commit that added it (its first commit, or a move) is asked about, in one
``git log --raw`` whose pathspec holds ``okrsite.toml`` files only, so git's
rename detection compares those and nothing else.

``okrsite diff`` follows a move between its two sides by the same rule
(:func:`moved_between`, :func:`moved_within`): a pull request that moves the
site is compared with where the site was, not read as a new site.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from okrsite.config import CONFIG_FILE
from okrsite.gitsource import (
    ZERO_OID,
    CommitInfo,
    GitError,
    GitSite,
    RawChange,
    _run,
    _stderr,
    raw_changes_in,
)
from okrsite.history_events import Event, Record
from okrsite.model import CheckIn

#: the key of a moving commit's event naming the folder the site moved from
#: (``""`` for the repository's top); kept with the event in the history cache
MOVED_FROM = "site_moved_from"
#: every ``okrsite.toml`` in the repository, as a pathspec
_ANY_CONFIG = f":(glob)**/{CONFIG_FILE}"


def config_path(prefix: str) -> str:
    """The site's ``okrsite.toml`` in the repository, as read beside its content."""
    return prefix + CONFIG_FILE


def added_config(changes: Mapping[str, Sequence[RawChange]], prefix: str) -> list[str]:
    """The commits of ``changes`` that added the site's ``okrsite.toml``: where it
    was created, or moved in from another folder."""
    path = config_path(prefix)
    return [
        sha
        for sha, chs in changes.items()
        if any(ch.status == "A" and ch.path == path for ch in chs)
    ]


def without_config(changes: list[RawChange], prefix: str) -> list[RawChange]:
    """``changes`` less the site's ``okrsite.toml``, which holds no goal."""
    path = config_path(prefix)
    return [ch for ch in changes if ch.path != path]


def site_moves(repo: Path, candidates: Sequence[str], prefix: str) -> dict[str, str]:
    """``{commit: old folder}`` of the ``candidates`` that moved the site's
    ``okrsite.toml`` to ``prefix`` from another folder (one ``git log``)."""
    return {sha: old for sha, (old, _blob) in site_moves_from(repo, candidates, prefix).items()}


def site_moves_from(
    repo: Path, candidates: Sequence[str], prefix: str
) -> dict[str, tuple[str, str]]:
    """:func:`site_moves` with, for each move, the ``okrsite.toml`` it moved
    (its blob before the move): the same commit may have changed its
    ``content_dir`` too (:mod:`okrsite.history_content_moves`)."""
    if not candidates:
        return {}
    path = config_path(prefix)
    out: dict[str, tuple[str, str]] = {}
    for sha, changes in raw_changes_in(repo, candidates, [_ANY_CONFIG]).items():
        for ch in changes:
            if ch.status != "R" or ch.path != path or ch.old_path is None:
                continue
            old = ch.old_path[: -len(CONFIG_FILE)]
            if old != prefix and (old == "" or old.endswith("/")):
                out[sha] = (old, ch.old)
    return out


def move_changes(
    repo: Path, sha: str, old_prefix: str, prefix: str, content_dir: str
) -> list[RawChange]:
    """What the commit that moved the site from ``old_prefix`` to ``prefix`` did to
    its content, every path put under ``prefix``: a file that only moved is no
    change, one that moved and changed is a change in place, one moved within
    the site too is a move (one ``git log`` over both content folders)."""
    content = content_dir.strip("/") + "/"
    return folder_move_changes(repo, sha, old_prefix + content, prefix + content)[0]


def folder_move_changes(
    repo: Path, sha: str, old_folder: str, folder: str
) -> tuple[list[RawChange], bool]:
    """What commit ``sha``, which moved the site's content from ``old_folder``
    to ``folder`` (both ending in ``/``: the site moved, or its ``content_dir``
    changed, or both), did to it, every path put under ``folder``
    (:func:`move_changes`), and whether any file moved from one to the other
    (a ``content_dir`` pointed at another folder that was there, nothing
    moved, is no rename: :mod:`okrsite.history_content_moves`)."""

    def now(path: str) -> str:
        return folder + path[len(old_folder) :]

    def old_side(path: str) -> bool:
        # the longer folder first: one may hold the other
        if path.startswith(folder) and (len(folder) >= len(old_folder)):
            return False
        return path.startswith(old_folder)

    changes = raw_changes_in(repo, [sha], [old_folder.rstrip("/"), folder.rstrip("/")])
    gone: dict[str, RawChange] = {}
    out: list[RawChange] = []
    moved = False
    for ch in changes.get(sha, []):
        if ch.status == "R" and ch.old_path is not None and old_side(ch.old_path):
            moved = True
            before = now(ch.old_path)
            if before != ch.path:
                out.append(RawChange("R", ch.old, ch.new, ch.path, before))
            elif ch.old != ch.new:
                out.append(RawChange("M", ch.old, ch.new, ch.path))
        elif old_side(ch.path):
            if ch.status == "D":  # gone from the old folder, unpaired: see below
                gone[now(ch.path)] = RawChange("D", ch.old, ZERO_OID, now(ch.path))
            # anything else under the old folder stayed there: not the site's
        else:
            out.append(ch)
    for i, ch in enumerate(out):
        was = gone.pop(ch.path, None) if ch.status == "A" else None
        if was is not None:  # moved with too many edits for git to pair: changed in place
            out[i] = RawChange("M", was.old, ch.new, ch.path)
            moved = True
    return out + list(gone.values()), moved


def eras(
    commits: Sequence[CommitInfo], mover: str, shas: Sequence[str]
) -> tuple[list[str], list[str]]:
    """``shas`` split into the commits that descend from ``mover`` (itself
    included: the site was in its new folder) and the others (before the
    move, or on a branch forked before it and merged after: they wrote to the
    old folder), each in ``commits``' order."""
    after = {mover}
    for c in commits:
        if c.sha not in after and any(p in after for p in c.parents):
            after.add(c.sha)
    return [s for s in shas if s in after], [s for s in shas if s not in after]


def last_mover(events: Mapping[str, Event], shas: Sequence[str]) -> tuple[str, str] | None:
    """The latest of ``shas`` whose event says it moved the site here, and from where."""
    for sha in reversed(shas):
        event = events.get(sha)
        if event is not None and isinstance(event.get(MOVED_FROM), str):
            return sha, event[MOVED_FROM]
    return None


class FolderReads:
    """What one read of the history keeps while it goes from folder to folder
    (the site's own, then each it moved from), for
    :class:`okrsite.history.HistoryReader`."""

    def __init__(self, commits: Sequence[CommitInfo], current: Iterable[Record | CheckIn]) -> None:
        from okrsite.history_merges import line_merges

        #: the merge commits on HEAD's first-parent line, whose own changes are
        #: read (okrsite.history_merges), by their parents; the other merges
        #: are never read
        self.line_merges = line_merges(commits)
        self.merges = {
            c.sha for c in commits if len(c.parents) >= 2 and c.sha not in self.line_merges
        }
        self.current = current
        # per folder the site was read under (its folder in the repository,
        # or that with the content folder it had then: a Place of
        # okrsite.history_content_moves), the commits asked for, how many
        # events it held before, and the events read now
        self.asked: dict[Any, set[str]] = {}
        self.cached: dict[Any, int] = {}
        self.new: dict[Any, dict[str, Event]] = {}
        self.count = 0  # commits read from git, in all folders
        self._known: dict[tuple[str, str], Any] | None = None

    def known(self, site_root: Path, site: GitSite, prefix: str) -> dict[tuple[str, str], Any]:
        """The current site's versions (:func:`okrsite.history_commits.known_versions`),
        found once, with paths under ``prefix`` where the site was before a move:
        a check-in that only moved with the site is the same bytes there."""
        from okrsite.history_commits import known_versions

        if self._known is None:
            self._known = known_versions(site_root, site.prefix, self.current, site.toplevel)
        if prefix == site.prefix:
            return self._known
        cut = len(site.prefix)
        return {(prefix + path[cut:], oid): rec for (path, oid), rec in self._known.items()}


# ------------------------------------------------------------------ okrsite diff
# ``okrsite diff`` asks the same question between two revisions: a pull
# request that moves the site (and eases a target on the way) must be read
# against where the site was at BASE, or everything shows as new and no
# target as eased. The rule is the history's: git's rename of the site's
# ``okrsite.toml``, detected among ``okrsite.toml`` files only.


def _name_status(repo: Path, base: str, head: str | None, pathspecs: Sequence[str]) -> list[str]:
    """``git diff -M --name-status -z`` of ``base`` against ``head`` (``None``:
    the working tree, ``git mv`` not yet committed included), split at NULs."""
    args = ["diff", "-M", "--name-status", "-z", "--no-color", base, *([head] if head else [])]
    proc = _run([*args, "--", *pathspecs], repo)
    if proc.returncode != 0:
        raise GitError(f"git diff failed: {_stderr(proc)}")
    return proc.stdout.decode("utf-8", "surrogateescape").split("\0")


def _renames(parts: list[str]) -> list[tuple[str, str]]:
    """``(old, new)`` of each rename in :func:`_name_status`'s output."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(parts) and parts[i]:
        if parts[i].startswith(("R", "C")) and i + 2 < len(parts):
            if parts[i].startswith("R"):
                out.append((parts[i + 1], parts[i + 2]))
            i += 3
        else:
            i += 2
    return out


def moved_between(repo: Path, base: str, head: str | None, prefix: str) -> str | None:
    """The folder (``""``: the repository's top) the site at ``prefix`` was in
    at ``base``, when git sees its ``okrsite.toml`` renamed from there between
    ``base`` and ``head`` (``None``: the working tree); ``None`` when it was
    not moved (a new site, or a copy: that site starts afresh, as in the
    history). One ``git diff`` whose pathspec holds ``okrsite.toml`` files only."""
    path = config_path(prefix)
    for old, new in _renames(_name_status(repo, base, head, [_ANY_CONFIG])):
        folder = old[: -len(CONFIG_FILE)]
        moved_in = new == path and old.endswith(CONFIG_FILE) and folder != prefix
        if moved_in and (folder == "" or folder.endswith("/")):
            return folder
    return None


def moved_within(
    repo: Path, base: str, head: str | None, old_prefix: str, prefix: str
) -> dict[str, str]:
    """``{file at head: file at base}``, relative to the site, of the files that
    moved *within* the site while the site moved from ``old_prefix`` to
    ``prefix`` (a file that only moved with the site is no move); what
    :func:`okrsite.gitsource.moved_paths` gives for a site that stayed."""
    specs = [old_prefix.rstrip("/") or ".", prefix.rstrip("/") or "."]
    moved: dict[str, str] = {}
    for old, new in _renames(_name_status(repo, base, head, specs)):
        inside_new = old_prefix != prefix and prefix.startswith(old_prefix)
        if not (old.startswith(old_prefix) and new.startswith(prefix)):
            continue
        if inside_new and old.startswith(prefix):
            continue  # under the new folder already at base: not the moved site's
        was, now = old[len(old_prefix) :], new[len(prefix) :]
        if was != now:
            moved[now] = was
    return moved
