"""Where a site's files come from: a folder on disk, or any mapping of paths to bytes.

Split from :mod:`okrsite.pipeline`, the I/O edge of the goal model: listing
a site's Markdown files (comparing each with what the parse cache kept while
listing), reading them only through :mod:`okrsite.sitefiles`, telling what
walking the folder found wrong, naming the file meant when a ``data:`` file
is missing, and turning the key paths of diagnostics into file lines.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from okrsite import yamlsource
from okrsite.config import CONFIG_FILE, SiteConfig
from okrsite.content_names import is_folder_readme, markdown_rename, unread_markdown
from okrsite.content_submodules import submodule_problems
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.file_text import file_text
from okrsite.folder_listings import FolderListings, split_names
from okrsite.load_cache import StatEntry
from okrsite.parse import locate_all, located_parts
from okrsite.sitefiles import (
    HINT_TOO_LONG,
    UnsafeFileError,
    excerpt,
    in_git,
    owned_roots,
    read_owned,
    stat_owned,
    within,
)

#: how the names of files that are no content start: hidden files (macOS's
#: ``._name`` resource forks, vim's ``.name.swp``) and the lock files Word,
#: Excel and PowerPoint write beside a file they have open (``~$name.md``, a
#: binary owner record that was read as a goal file and stopped the check);
#: a folder's ``README.md`` is skipped too (:func:`is_folder_readme`)
_NOT_CONTENT = (".", "~$")


class SourceTree(Protocol):
    """Where a site's files come from: a folder on disk, or a git revision."""

    def markdown_files(self, content_dir: str) -> list[str]: ...

    def read(self, rel: str) -> bytes | None: ...

    def read_checked(self, rel: str) -> bytes | Diagnostic: ...


@dataclass
class FileTree:
    """A site folder on disk. Every file is read through :mod:`okrsite.sitefiles`,
    so only regular files inside the site are ever opened; what is refused or
    skipped is kept in ``problems`` (folder-level) or returned as a diagnostic
    by :meth:`read_checked` (file-level)."""

    root: Path
    problems: list[Diagnostic] = field(default_factory=list)
    #: the Markdown files a walk found to be links (to a file): a watcher
    #: that reports a save of the file linked to says nothing of the link
    linked: set[str] = field(default_factory=set)
    _roots: list[str] = field(default_factory=list, repr=False)
    _folders: dict[str, tuple[str, bool]] = field(default_factory=dict, repr=False)
    _prefix: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        self._roots = owned_roots(self.root)
        self._prefix = os.path.join(self.root, "")

    def markdown_files(self, content_dir: str) -> list[str]:
        return sorted(self.walk(content_dir))

    def submodule_problems(self, content_dir: str) -> list[Diagnostic]:
        """OKR011 for each git submodule in the content folder: its goals are
        read from the checkout (:mod:`okrsite.content_submodules`)."""
        return submodule_problems(self.root, content_dir)

    def content_problem(self, content_dir: str) -> Diagnostic | None:
        """Why the content folder cannot be used (missing, a file, outside the site)."""
        base = self.root / content_dir
        shown = excerpt(content_dir)
        if not base.is_dir():
            if not (self.root / CONFIG_FILE).is_file():
                # no okrsite.toml to name (content/ deleted while serving): the folder
                return error(
                    "CFG012",
                    f"content folder {shown!r} does not exist",
                    content_dir,
                    hint=f"create the folder {shown}/ again with your goal files; okrsite "
                    "reads a site from it (content_dir in an okrsite.toml can name another)",
                )
            return error(
                "CFG012",
                f"content folder {shown!r} does not exist",
                CONFIG_FILE,
                hint="create it, or set content_dir in okrsite.toml to the folder with your goals",
            )
        real = os.path.realpath(base)
        if not within(real, self._roots[:1]):
            where = "in git's own files (.git)" if in_git(real) else "outside the site folder"
            return error(
                "CFG012",
                f"content folder {shown!r} lies {where}",
                CONFIG_FILE,
                hint="content_dir must name a folder inside the site",
            )
        return None

    def listed_with_signatures(
        self,
        content_dir: str,
        listings: FolderListings | None = None,
        known: KnownFiles | None = None,
    ) -> tuple[list[str], dict[str, tuple[int, int, int]]]:
        """:meth:`markdown_files`, and the :meth:`stat_signature` of each file
        that has one, taken while listing.

        A load with a parse cache compares every file's signature with the
        one it kept: taking it from the folder entry just listed spares, per
        file, building its path again and finding its folder (3% of the
        instructions of a check after one edit at 50,000 files).
        ``listings`` and ``known`` as for :meth:`walk`.
        """
        signatures: dict[str, tuple[int, int, int]] = {}
        return sorted(self.walk(content_dir, signatures, listings, known)), signatures

    def walk(
        self,
        content_dir: str,
        signatures: dict[str, tuple[int, int, int]] | None = None,
        listings: FolderListings | None = None,
        known: KnownFiles | None = None,
    ) -> Iterator[str]:
        """Markdown files under the content folder, as found (not sorted).

        Links to folders are not followed (a warning names each); links to
        files are listed and checked when read. Each folder walked is
        remembered as lying inside the site (it is not a link, and the
        content folder is inside), so checking its files later costs one
        ``lstat`` each (:meth:`stat_signature`). Given ``signatures``, the
        walk puts there, for each file it lists, what :meth:`stat_signature`
        would give (the entry's own ``lstat``), when that is a signature.
        Given ``listings`` too, a folder unchanged since an earlier walk is
        not listed again (:mod:`okrsite.folder_listings`), and the listings
        this walk took or reused are left in ``listings.after``. Given
        ``known`` too, a file of such a folder whose signature is the one
        kept, and settled, goes to ``known.trusted`` with its kept content
        hash instead of to ``signatures`` (:class:`KnownFiles`).
        """
        base = self.root / content_dir
        if self.content_problem(content_dir) is not None:
            return
        top = os.fspath(base)
        real_top = os.path.realpath(top)
        inside = within(real_top, self._roots)
        kept = signatures if inside else None
        if kept is None:
            listings = None
        folders = self._folders
        stack = [(top, real_top, f"{content_dir.strip('/')}/")]
        while stack:
            path, real, folder = stack.pop()
            folders.setdefault(path, (real, inside))
            folder_stat = None
            if listings is not None:
                try:
                    folder_stat = os.lstat(path)
                except OSError as exc:  # gone: as os.walk, skip it; too deep: said
                    self._unlisted(folder, exc)
                    continue
                listed = listings.kept(folder, folder_stat)
                if listed is not None:
                    assert kept is not None
                    names = split_names(listed[3])
                    if known is not None:
                        yield from _kept_and_known_files(path, folder, names, kept, known)
                    else:
                        yield from _kept_files(path, folder, names, kept)
                    stack.extend(
                        (entry_path(path, name), entry_path(real, name), f"{folder}{name}/")
                        for name in split_names(listed[4])
                    )
                    continue
            try:
                with os.scandir(path) as found:
                    entries = list(found)
            except OSError as exc:  # unreadable or gone: as os.walk, skip it; too deep: said
                self._unlisted(folder, exc)
                continue
            subfolders = []
            files: list[str] = []
            plain = True  # only folders and regular files: a listing worth keeping
            for entry in entries:
                name = entry.name
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir, plain = False, False
                if not_utf8(name) and not name.startswith((".", "_", "~$")):
                    if is_dir or name.endswith(".md"):
                        plain = False  # its finding is the walk's: no listing to reuse
                        kind = "folder" if is_dir else "file"
                        self.problems.append(_not_utf8_name(folder + name, kind))
                    continue
                if not is_dir:
                    if (
                        name.endswith(".md")
                        and not name.startswith(_NOT_CONTENT)
                        and not is_folder_readme(name)
                    ):
                        rel = folder + name
                        if entry.is_symlink():
                            self.linked.add(rel)
                        if kept is not None:
                            try:
                                st = entry.stat(follow_symlinks=False)
                            except OSError:
                                plain = False
                            else:
                                if stat.S_ISREG(st.st_mode):
                                    kept[rel] = (st.st_ctime_ns, st.st_size, st.st_ino)
                                    files.append(name)
                                else:
                                    plain = False
                        yield rel
                    elif (renamed := markdown_rename(name)) is not None:
                        plain = False  # its finding is the walk's: list the folder again
                        taken = any(other.name == renamed for other in entries)
                        self.problems.append(unread_markdown(folder + name, renamed, taken))
                    elif plain and not name.startswith((".", "_")) and entry.is_symlink():
                        plain = False  # its target may become a folder, unseen by this one
                elif not name.startswith((".", "_")):
                    if entry.is_symlink():
                        plain = False
                        self.problems.append(
                            warning(
                                "OKR011",
                                f"linked folder {excerpt(folder + name)} is not followed; skipped",
                                folder + name,
                                hint="move the files into the content folder instead of linking",
                            )
                        )
                    else:
                        subfolders.append(name)
            subfolders.sort(reverse=True)
            if listings is not None and plain and folder_stat is not None:
                listings.remember(folder, folder_stat, files, subfolders)
            for name in subfolders:
                stack.append((entry_path(path, name), entry_path(real, name), f"{folder}{name}/"))
        if listings is not None:
            listings.complete = True

    def _unlisted(self, folder: str, exc: OSError) -> None:
        """OKR010 for a content folder :meth:`walk` cannot list because its
        path is too long for the file system (ENAMETOOLONG; ELOOP where a
        system says so of a path too deep): its goal files would be missing
        without a word. One gone or unreadable is skipped, as ``os.walk``
        skips it."""
        if exc.errno not in (errno.ENAMETOOLONG, errno.ELOOP):
            return
        rel = folder.rstrip("/")
        self.problems.append(
            error(
                "OKR010",
                f"folder {excerpt(rel)} has a path too long for the file system "
                f"({len(os.fsencode(self._prefix + rel)):,} bytes): no goal file in it is read",
                rel,
                hint=HINT_TOO_LONG,
            )
        )

    def read_checked(self, rel: str) -> bytes | Diagnostic:
        """The file's bytes, or the diagnostic saying why it was not read."""
        try:
            return read_owned(self._prefix + rel, self._roots, self._folders)
        except UnsafeFileError as exc:
            exc.rel = rel
            return exc.diagnostic()

    def stat_checked(self, rel: str) -> os.stat_result | Diagnostic | None:
        """The file's ``stat`` under the same rules as :meth:`read_checked`
        (a regular file inside the site), or the diagnostic saying why not
        (``None``: no ``stat`` to go by, read the file).

        The parse cache asks this before it trusts a remembered parse, so a
        file swapped for a link out of the site or a FIFO is refused even
        when size and time match what was cached.
        """
        try:
            return stat_owned(self._prefix + rel, self._roots, self._folders)[1]
        except UnsafeFileError as exc:
            exc.rel = rel
            return exc.diagnostic()

    def stat_signature(self, rel: str) -> tuple[int, int, int] | None:
        """``(ctime_ns, size, inode)`` of a regular file (not a link) in a folder
        already found to lie inside the site; ``None`` when that is not known
        this cheaply (then :meth:`stat_checked` decides).

        Checking tens of thousands of unchanged files for a change is one
        ``lstat`` each: the folder was resolved by the first file checked in it.
        """
        name = self._prefix + rel
        known = self._folders.get(name.rpartition("/")[0])
        if known is None or not known[1]:
            return None
        try:
            st = os.lstat(name)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        return st.st_ctime_ns, st.st_size, st.st_ino

    def read(self, rel: str) -> bytes | None:
        """The file's bytes (``None`` if it is missing or refused)."""
        got = self.read_checked(rel)
        return got if isinstance(got, bytes) else None


def _kept_files(
    path: str, folder: str, files: list[str], signatures: dict[str, tuple[int, int, int]]
) -> Iterator[str]:
    """The Markdown files of a folder listed by an earlier walk (``files``),
    each with its signature put in ``signatures`` (its ``lstat``, as
    :meth:`FileTree.walk` takes it from a folder entry)."""
    lstat, is_regular = os.lstat, stat.S_ISREG
    prefix = entry_path(path, "")
    for name in files:
        rel = folder + name
        try:
            st = lstat(prefix + name)
        except OSError:
            pass
        else:
            if is_regular(st.st_mode):
                signatures[rel] = (st.st_ctime_ns, st.st_size, st.st_ino)
        yield rel


@dataclass
class KnownFiles:
    """What a walk compares each file of an unchanged folder with: the stat
    signatures and content hashes the parse cache kept (``stats``), and the
    time before which a file's modification time is settled (``settled_before``,
    :func:`_scan`'s two-second rule). A file found unchanged goes to
    ``trusted`` (its kept content hash) instead of to the walk's signatures.

    Comparing while listing spares building a signature for each of tens of
    thousands of unchanged files and looking each up again in :func:`_scan`.
    """

    stats: Mapping[str, StatEntry]
    settled_before: int
    trusted: dict[str, str] = field(default_factory=dict)


def _kept_and_known_files(
    path: str,
    folder: str,
    files: list[str],
    signatures: dict[str, tuple[int, int, int]],
    known: KnownFiles,
) -> list[str]:
    """:func:`_kept_files` comparing each file with ``known`` on the spot: a
    regular file whose ``lstat`` gives the kept signature, settled, goes to
    ``known.trusted``, any other regular file to ``signatures``."""
    lstat, is_regular = os.lstat, stat.S_ISREG
    prefix = entry_path(path, "")
    kept, trusted, settled_before = known.stats.get, known.trusted, known.settled_before
    rels = []
    for name in files:
        rel = folder + name
        rels.append(rel)
        try:
            st = lstat(prefix + name)
        except OSError:
            continue
        if not is_regular(st.st_mode):
            continue
        mtime = st.st_ctime_ns  # the change time (see stat_signature)
        entry = kept(rel)
        if (
            entry is not None
            and entry[0] == mtime
            and entry[1] == st.st_size
            and entry[2] == st.st_ino
            and mtime < settled_before
        ):
            trusted[rel] = entry[3]
        else:
            signatures[rel] = (mtime, st.st_size, st.st_ino)
    return rels


def not_utf8(name: str) -> bool:
    """Whether a file name holds bytes that are not UTF-8 (each read as a lone
    surrogate, ``\udcff`` for byte 0xFF, as Python reads such names)."""
    # nearly every name is ASCII: one C-level test instead of a loop per character
    return not name.isascii() and any("\udc80" <= ch <= "\udcff" for ch in name)


def _not_utf8_name(rel: str, kind: str) -> Diagnostic:
    """OKR016 for a file or folder whose name is not UTF-8: it is left out of
    the walk, so no path that cannot be written as text goes further."""
    byte = next(ord(ch) - 0xDC00 for ch in rel if "\udc80" <= ch <= "\udcff")
    return error(
        "OKR016",
        f"the {kind}'s name is not valid UTF-8 (byte 0x{byte:02X}); "
        + ("it is skipped" if kind == "file" else "its files are skipped"),
        rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace"),
        line=1,
        hint="rename it: names are letters, digits, spaces and punctuation, saved as UTF-8",
    )


def entry_path(folder: str, name: str) -> str:
    return folder + name if folder.endswith(os.sep) else folder + os.sep + name


@dataclass
class MappingTree:
    """Files held in memory (``{"content/objectives/a.md": b"..."}``)."""

    files: Mapping[str, bytes]
    #: files left out of :meth:`markdown_files`, each with its finding (as
    #: :attr:`FileTree.problems`): a name that is not UTF-8
    problems: list[Diagnostic] = field(default_factory=list)

    def markdown_files(self, content_dir: str) -> list[str]:
        """The goal files under ``content_dir``, listed by :meth:`FileTree.walk`'s
        rules; a Markdown file under another ending is named (OKR022) in
        :attr:`problems` as the walk names it."""
        prefix = content_dir.strip("/") + "/"
        found: list[str] = []
        for p in self.files:
            if not p.startswith(prefix):
                continue
            name = p.rpartition("/")[2]
            renamed = None
            if p.endswith(".md"):
                if name.startswith(_NOT_CONTENT) or is_folder_readme(name):
                    continue
            elif (renamed := markdown_rename(name)) is None:
                continue
            if any(part.startswith((".", "_")) for part in p[len(prefix) :].split("/")[:-1]):
                continue
            if renamed is None:
                found.append(p)
            elif not not_utf8(p):
                taken = p[: len(p) - len(name)] + renamed in self.files
                self.problems.append(unread_markdown(p, renamed, taken))
        found.sort()
        self.problems.extend(_not_utf8_name(p, "file") for p in found if not_utf8(p))
        return [p for p in found if not not_utf8(p)]

    def read(self, rel: str) -> bytes | None:
        return self.files.get(rel)

    def read_checked(self, rel: str) -> bytes | Diagnostic:
        raw = self.files.get(rel)
        return raw if raw is not None else error("OKR010", f"{excerpt(rel)} does not exist", rel)


def _near_file(tree: SourceTree, rel: str) -> str | None:
    """The file in ``rel``'s folder whose name is ``rel``'s written in
    another letter case or one slip off (``Revenue.csv``, ``revenue.cvs``):
    names are case-sensitive on the machines that build sites, not on the
    laptop that wrote the file. ``None`` when there is none (or the tree
    cannot list a folder)."""
    import difflib

    folder, _, name = rel.rpartition("/")
    if isinstance(tree, FileTree):
        try:
            base = os.path.realpath(tree.root / folder)
            if not within(base, tree._roots):
                return None
            names = [n for n in os.listdir(base) if os.path.isfile(os.path.join(base, n))]
        except OSError:
            return None
    elif isinstance(tree, MappingTree):
        prefix = f"{folder}/"
        names = [p[len(prefix) :] for p in tree.files if p.startswith(prefix)]
        names = [n for n in names if "/" not in n]
    else:
        return None
    same_case = [n for n in names if n.casefold() == name.casefold()]
    close = same_case or difflib.get_close_matches(name, names, n=1, cutoff=0.8)
    return f"{folder}/{close[0]}" if close else None


def _tree_problems(tree: SourceTree, config: SiteConfig) -> list[Diagnostic]:
    """What walking the folder found (linked folders, a missing content folder,
    a content folder kept as a git submodule: :mod:`okrsite.content_submodules`)."""
    out: list[Diagnostic] = []
    if isinstance(tree, FileTree):
        problem = tree.content_problem(config.content_dir)
        if problem is not None:
            out.append(problem)
        out.extend(tree.submodule_problems(config.content_dir))
    if isinstance(tree, (FileTree, MappingTree)):
        out.extend(tree.problems)
        tree.problems.clear()
    return out


def _locate(tree: SourceTree, diags: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Turn key paths into lines, composing each affected file once."""
    by_file: dict[str, list[Diagnostic]] = {}
    out: list[Diagnostic] = []
    for d in diags:
        if d.line is None and d.key_path is not None and d.file:
            by_file.setdefault(d.file, []).append(d)
        else:
            out.append(d)
    for file, items in by_file.items():
        raw = tree.read(file)
        parts = None
        if raw is not None:
            try:
                text = file_text(raw.decode("utf-8"))
                parts = yamlsource.split(text)
                parts = None if parts is None else located_parts(parts)
            except UnicodeDecodeError:
                parts = None
        out.extend(locate_all(items, parts))
    return out
