"""A site's files at a git revision, read under the rules ``okrsite check`` reads by.

``okrsite diff`` compares two versions of a site. Checking out the base
revision would disturb the user's working tree (and CI's), so both sides are
read straight from git's object store (:mod:`okrsite.gitsource` runs git):
one ``git ls-tree -l`` lists the site's files at the revision with each
one's size, and ``git cat-file --batch`` streams the blobs (one process for
``okrsite.toml``, one for the content, and one for the targets of links when
the revision holds any). That is a few processes however large the site is,
which keeps a 50,000-file portfolio fast.

The files are read under the rules every other command reads by
(:mod:`okrsite.sitefiles`), so a pull request cannot pass ``diff --fail-on
errors`` with a file ``check`` refuses: a blob over the size limit is refused
from the size git gives, unread; a link is followed inside the revision as
the file system would follow it in a checkout (to a file of the site: read;
out of the site: refused; to nothing or in a loop: skipped with a warning).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrsite import gitsource, sitefiles
from okrsite.config import CONFIG_FILE, parse_config
from okrsite.content_folder_link import linked_out, real_folder
from okrsite.content_submodules import (
    content_modules,
    holding_module,
    revision_submodule,
    site_modules,
)
from okrsite.diagnostics import Diagnostic, warning
from okrsite.folder_listings import FolderListings
from okrsite.gitsource import (
    LINK_MODE,
    TreeEntry,
    default_base,
    find_site,
    list_entries,
    resolve_revision,
)
from okrsite.pipeline import FileTree, KnownFiles, LoadResult, MappingTree, ParseCache, load
from okrsite.sitefiles import HINT_REGULAR, Refusal, excerpt, in_git, outside_site


@dataclass
class RevisionTree(MappingTree):
    """A site's files at a git revision, read under the rules every other
    command reads files by (:mod:`okrsite.sitefiles`).

    ``files`` holds what was read; ``refused`` what git holds but okrsite
    does not read, each with the diagnostic ``okrsite check`` gives such a
    file: a blob over :data:`~okrsite.sitefiles.MAX_FILE_BYTES` (OKR014, its
    size from git, its content never read) and a link that leads out of the
    site, to nothing or to a folder (:func:`_follow`); a link to a file of
    the site is read as that file. A refused goal file is listed like any other, so the load
    reports it at its path, as ``check`` does; a refused ``okrsite.toml`` or
    ``data:`` file is the error its reader reports.
    """

    refused: dict[str, Diagnostic] = field(default_factory=dict)
    #: the git submodules at or in the content folder, as a checkout names
    #: them (``content/data``): git holds none of their files
    submodules: list[str] = field(default_factory=list)

    def markdown_files(self, content_dir: str) -> list[str]:
        listed = super().markdown_files(content_dir)
        if not self.refused:
            return listed
        others = MappingTree(dict.fromkeys(self.refused, b""))  # listed by the same rules
        more = others.markdown_files(content_dir)
        self.problems.extend(others.problems)
        return sorted([*listed, *more])

    def read(self, rel: str) -> bytes | None:
        return None if rel in self.refused else super().read(rel)

    def read_checked(self, rel: str) -> bytes | Diagnostic:
        refused = self.refused.get(rel)
        if refused is not None:
            return refused
        module = holding_module(rel, self.submodules)
        if module is not None:  # a KPI's data: CSV in it: not "does not exist"
            return revision_submodule(module)
        return super().read_checked(rel)

    def get(self, rel: str) -> bytes | None:
        """The bytes read of ``rel`` (``None``: not in the revision, or refused)."""
        return self.files.get(rel)


def _refusal(rel: str, entry: TreeEntry) -> Diagnostic | None:
    """Why ``okrsite check`` would not read the file ``entry`` (of the tree,
    reached at ``rel``), worded as :func:`~okrsite.sitefiles.stat_owned`
    words it; ``None``: read it."""
    limit = sitefiles.MAX_FILE_BYTES  # looked up now: tests lower it
    if entry.size is not None and entry.size > limit:
        return Refusal(
            "OKR014",
            f"{excerpt(rel, 120)} is {entry.size} bytes, more than the limit of {limit}",
            f"source files may be at most {limit // (1024 * 1024)} MB",
        ).diagnostic(rel)
    return None


#: links a chain may pass through before it counts as a loop (the kernel's own limit)
MAX_LINK_HOPS = 40
#: a link's blob is the path it points to; one longer than any path a system takes is not followed
MAX_LINK_BYTES = 4096


def _link_targets(repo: Path, tree: dict[str, TreeEntry]) -> dict[str, str]:
    """``{link: the path it points to}`` for every link of ``tree``: one
    ``cat-file`` process, and none when the revision holds no link."""
    links = {
        path: entry.oid
        for path, entry in tree.items()
        if entry.mode == LINK_MODE and entry.size is not None and entry.size <= MAX_LINK_BYTES
    }
    if not links:
        return {}
    blobs = gitsource.read_blobs(repo, list(links.values()))
    return {path: blobs[oid].decode("utf-8", "surrogateescape") for path, oid in links.items()}


def _follow(
    rel: str, tree: dict[str, TreeEntry], targets: dict[str, str], prefix: str, start: str = ""
) -> TreeEntry | Diagnostic:
    """The file the link ``rel`` leads to inside the revision, or why it is
    not read, as :func:`~okrsite.sitefiles.stat_owned` decides for a checkout:
    a file of the site is read (its size checked); a link out of the site is
    OKR012; one to nothing, or in a loop, is skipped with warning OKR011; one
    to a folder is OKR013 for a goal file's name, a linked folder (skipped
    with OKR011) otherwise. Paths are resolved as text, relative to the
    link's folder: a revision has no folder to ask. A link whose path passes
    through a ``.git`` folder is OKR012, as in a checkout."""
    shown = excerpt(rel, 120)
    at = start or rel  # where the tree keeps it: rel's own place, unless a linked folder holds it
    for _ in range(MAX_LINK_HOPS):
        entry = tree.get(at)
        if entry is None or entry.size is None:  # nothing, a folder or a submodule
            if entry is None and not any(path.startswith(at + "/") for path in tree):
                return warning(
                    "OKR011",
                    f"link {shown} points nowhere; skipped",
                    rel,
                    hint="remove the link or point it at a file inside the site",
                )
            if rel.endswith(".md"):
                return Refusal(
                    "OKR013", f"{shown} is a folder, not a regular file; not read", HINT_REGULAR
                ).diagnostic(rel)
            return warning(
                "OKR011",
                f"linked folder {shown} is not followed; skipped",
                rel,
                hint="move the files into the content folder instead of linking",
            )
        if entry.mode != LINK_MODE:
            return entry
        target = targets.get(at)
        if target is None:  # longer than any path: it leads nowhere okrsite reads
            target = "…"
        where = posixpath.normpath(posixpath.join(posixpath.dirname(prefix + at), target))
        if target.startswith("/") or where == ".." or where.startswith(("../", "/")):
            return _outside(rel, target)
        if in_git(where):
            # git never stores .git, so the tree lookup would call it a link
            # to nothing (a warning): it is a link into git's files, as check says
            return outside_site(shown, where).diagnostic(rel)
        if prefix and not where.startswith(prefix):
            return _outside(rel, target)
        at = where[len(prefix) :]
    return warning(
        "OKR011",
        f"link {shown} loops back on itself; skipped",
        rel,
        hint="remove the link or point it at a file inside the site",
    )


def _outside(rel: str, target: str) -> Diagnostic:
    return outside_site(excerpt(rel, 120), target).diagnostic(rel)


def read_revision(repo: Path, commit: str, prefix: str) -> RevisionTree:
    """The site's files at ``commit``: ``{"okrsite.toml": ..., "content/...": ...}``,
    with those okrsite refuses to read (see :class:`RevisionTree`).

    Only ``okrsite.toml`` and the files under the configured content folder are
    read (the config is read first to learn that folder), so themes, images
    and output folders committed by accident cost nothing. Three git
    processes however large the site: one ``ls-tree`` (with each blob's
    size), one ``cat-file`` for the config and one for the content.
    """
    tree = list_entries(repo, commit, prefix)
    targets = _link_targets(repo, tree)
    files: dict[str, bytes] = {}
    out = RevisionTree(files)

    def blob_of(rel: str, at: str | None = None) -> str | None:
        """The blob to read for ``rel`` (kept in the tree at ``at``, when
        the content folder is a link), or ``None`` with why not (in ``out``)."""
        at = rel if at is None else at
        entry: TreeEntry | Diagnostic = tree[at]
        if isinstance(entry, TreeEntry) and entry.mode == LINK_MODE:
            entry = _follow(rel, tree, targets, prefix, at)
        if isinstance(entry, Diagnostic):
            if entry.is_error or rel.endswith(".md") or rel == CONFIG_FILE:
                out.refused[rel] = entry
            else:
                out.problems.append(entry)
            return None
        refused = _refusal(rel, entry)
        if refused is not None:
            out.refused[rel] = refused
            return None
        return entry.oid

    content_dir = "content"
    config = tree.get(CONFIG_FILE)
    if config is not None and config.size is not None:
        oid = blob_of(CONFIG_FILE)
        if oid is not None:
            raw = gitsource.read_blobs(repo, [oid])[oid]
            files[CONFIG_FILE] = raw
            try:
                parsed, _ = parse_config(raw.decode("utf-8-sig"))
                content_dir = parsed.content_dir
            except UnicodeDecodeError:
                pass  # the pipeline reports the broken config; read the default folder
    folder = content_dir.strip("/") + "/"
    # the content folder kept as a link (content -> goals) is read where it
    # leads, its files under the names a checkout shows them by
    real = real_folder(folder, tree, targets, prefix)
    if real is None:
        out.problems.append(linked_out(content_dir))
        return out
    real = real + "/" if real else ""
    wanted: dict[str, str] = {}
    for path, entry in tree.items():
        if real == folder and path == folder[:-1]:
            shown = path  # a content folder that is a file, a submodule, a loop
        elif path.startswith(real):
            shown = folder + path[len(real) :]
        else:
            continue
        if entry.size is None:
            out.problems.append(revision_submodule(shown))
            out.submodules.append(shown)
        elif (oid := blob_of(shown, path)) is not None:
            wanted[shown] = oid
    blobs = gitsource.read_blobs(repo, list(dict.fromkeys(wanted.values())))
    for path, oid in wanted.items():
        files[path] = blobs[oid]
    return out


@dataclass
class WorkingTree(FileTree):
    """The working tree as ``okrsite diff`` compares it with a revision: the
    files of a git submodule in the content folder (or of the content folder
    kept as one) left out, as :func:`read_revision` leaves them out, with
    the revision's words for it (OKR011, said once). Read from the checkout
    on this side only, every goal of a checked-out submodule was reported
    "added"; docs/diff.md says a submodule's goals are not compared. So is a
    KPI's ``data:`` CSV kept in one (:meth:`read_checked`): read from disk
    here and not at the revision, the KPI's readings were "added" and an
    OKR310 at the base "fixed"."""

    _modules: tuple[str, ...] | None = field(default=None, repr=False)

    def read_checked(self, rel: str) -> bytes | Diagnostic:
        if self._modules is None:  # looked up once, not per file read
            self._modules = site_modules(self.root)
        module = holding_module(rel, self._modules)
        if module is not None:
            return revision_submodule(module)
        return super().read_checked(rel)

    def submodule_problems(self, content_dir: str) -> list[Diagnostic]:
        return [revision_submodule(rel) for rel in content_modules(self.root, content_dir)]

    def walk(
        self,
        content_dir: str,
        signatures: dict[str, tuple[int, int, int]] | None = None,
        listings: FolderListings | None = None,
        known: KnownFiles | None = None,
    ) -> Iterator[str]:
        found = super().walk(content_dir, signatures, listings, known)
        modules = tuple(rel + "/" for rel in content_modules(self.root, content_dir))
        if not modules:
            return found
        return (rel for rel in found if not rel.startswith(modules))


# ------------------------------------------------------------------ both sides
@dataclass(frozen=True)
class Revisions:
    """Both sides of a comparison, loaded and scored at the same as_of.

    ``head_commit`` is ``None`` for the working tree. ``base_config`` and
    ``head_config`` are each side's ``okrsite.toml`` as read for the load
    (``None``: none), for what the settings' values leave out (the
    ``[[sources]]`` of ``okrsite pull``). ``prefix`` is the site's folder in
    its repository (``""``: the top); ``moved_from`` the folder it was in at
    the base when the change moved it (``git mv okrs teams/okrs``), the base
    side then read from there; ``None``: it did not move.
    """

    base_label: str
    base_commit: str
    head_label: str
    head_commit: str | None
    base: LoadResult
    head: LoadResult
    base_config: bytes | None = None
    head_config: bytes | None = None
    prefix: str = ""
    moved_from: str | None = None

    @property
    def base_prefix(self) -> str:
        """The site's folder in the repository at the base."""
        return self.prefix if self.moved_from is None else self.moved_from


def load_revisions(
    site_dir: Path, base: str | None, head: str | None, as_of: date | None
) -> Revisions:
    """Load the site at ``base`` and at ``head`` (``None``: the working tree).

    HEAD is loaded first because its ``okrsite.toml`` decides as_of when no
    ``--as-of`` is given; the base is then scored at that same date, so the
    comparison shows what the files changed and not what time changed.
    """
    site = find_site(site_dir)
    top, prefix = site.toplevel, site.prefix
    # the parses are shared by both sides (see _parses_of): files the change
    # did not touch (usually nearly all of them) are parsed once, which halves
    # the time on big sites
    cache = ParseCache()
    head_commit: str | None = None
    if head is None:
        head_result = load(WorkingTree(site_dir), as_of, cache=cache)
        head_label = "working tree"
        head_config = FileTree(site_dir).read(CONFIG_FILE)  # as the load read it
    else:
        head_commit = resolve_revision(top, head)
        head_files = read_revision(top, head_commit, prefix)
        head_result = load(head_files, as_of, cache=cache)
        head_label = _label(head)
        head_config = head_files.get(CONFIG_FILE)
    if base is None:
        base_commit, branch = default_base(top, head_commit)
        base_label = f"merge base with {branch}"
    else:
        base_commit = resolve_revision(top, base)
        base_label = _label(base)
    base_files = read_revision(top, base_commit, prefix)
    moved_from = _moved_from(top, base_commit, head_commit, prefix, base_files)
    if moved_from is not None:
        base_files = read_revision(top, base_commit, moved_from)
    base_result = load(base_files, head_result.as_of, cache=_parses_of(cache))
    return Revisions(
        base_label,
        base_commit,
        head_label,
        head_commit,
        base_result,
        head_result,
        base_files.get(CONFIG_FILE),
        head_config,
        prefix,
        moved_from,
    )


def _moved_from(
    top: Path, base: str, head: str | None, prefix: str, base_files: RevisionTree
) -> str | None:
    """Where the site was at ``base`` when it has no ``okrsite.toml`` at
    ``prefix`` there and the change moved it in from another folder (git's
    rename of the file, the rule the site's history follows a move by:
    :func:`~okrsite.history_site_moves.moved_between`). Read from ``prefix``,
    a moved site is all new at head, and a target eased in the same pull
    request is never seen. ``None``: the site was there (or is new)."""
    if CONFIG_FILE in base_files.files or CONFIG_FILE in base_files.refused:
        return None
    from okrsite.history_site_moves import moved_between

    return moved_between(top, base, head, prefix)


def _parses_of(cache: ParseCache) -> ParseCache:
    """A parse cache for the base side holding only the head side's parses.

    A parse is kept under the hash of its file's path and bytes
    (:func:`~okrsite.load_cache.content_digest`), so it fits whichever tree
    holds those bytes. Everything else a :class:`ParseCache` keeps describes
    the one tree it last loaded: the stat index (path → content hash of the
    file *on disk*), the listing, the outcome and the scores. Shared with the
    base revision, read from git, they answered the base with the working
    tree's files: the base load patched the head's outcome for the edited
    files, and scoring it then loaded "the files as the scan found them"
    from the stat index, that is the working tree's content hashes, so a
    change not yet committed showed as no change at all.
    """
    return ParseCache(key=cache.key, by_digest=dict(cache.by_digest))


def _label(rev: str) -> str:
    """A revision as the report names it: full commit ids shortened to 12 digits."""
    if len(rev) == 40 and all(c in "0123456789abcdef" for c in rev.lower()):
        return rev[:12]
    return rev
