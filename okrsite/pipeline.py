"""The pipeline, top to bottom: discover → parse → resolve → score → (render → write).

This module is the I/O edge of the goal model: it finds and reads files (from
disk or from any mapping of paths to bytes, such as a git revision), hands the
bytes to the pure core, and turns key paths in diagnostics back into file
lines. The whole portfolio is gathered and scored before anything is rendered.

Parsing dominates the cost of a large site, so it is spread over processes
when there are many files, and it is cached by content hash for the preview
server, which re-reads only files whose size or modification time changed.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from okrsite import __version__, parallel_parse, yamlsource
from okrsite.config import CONFIG_FILE, SiteConfig, parse_config
from okrsite.diagnostics import Diagnostic, error, sorted_diagnostics, warning
from okrsite.edit_check import MAX_EDITS, patched_outcome, swapped_objectives
from okrsite.folder_listings import SETTLED_NS, FolderListings, split_names
from okrsite.fork_pool import can_fork
from okrsite.gcpause import paused_gc
from okrsite.load_cache import LoadOutcome, StatEntry, content_digest, input_signature
from okrsite.load_cache import ParseCache as ParseCache  # where callers have always found it
from okrsite.model import Portfolio, ScoredPortfolio
from okrsite.parallel_parse import (
    parse_batch,
    parse_in_parallel,
    refused_file,
    walk_and_parse,
    walk_hash_and_parse,
)
from okrsite.parse import ParsedFile, locate_all, located_parts, parse_csv, parse_file
from okrsite.quality import quality_warnings
from okrsite.resolve import resolve
from okrsite.scoring import ScoreMemo, score_portfolio
from okrsite.sitefiles import (
    UnsafeFileError,
    excerpt,
    owned_roots,
    read_owned,
    stat_owned,
    within,
)
from okrsite.written_numbers import comma_groups_thousands, numbers_written_in


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
    _roots: list[str] = field(default_factory=list, repr=False)
    _folders: dict[str, tuple[str, bool]] = field(default_factory=dict, repr=False)
    _prefix: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        self._roots = owned_roots(self.root)
        self._prefix = os.path.join(self.root, "")

    def markdown_files(self, content_dir: str) -> list[str]:
        return sorted(self.walk(content_dir))

    def content_problem(self, content_dir: str) -> Diagnostic | None:
        """Why the content folder cannot be used (missing, a file, outside the site)."""
        base = self.root / content_dir
        shown = excerpt(content_dir)
        if not base.is_dir():
            return error(
                "CFG012",
                f"content folder {shown!r} does not exist",
                CONFIG_FILE,
                hint="create it, or set content_dir in okrsite.toml to the folder with your goals",
            )
        if not within(os.path.realpath(base), self._roots[:1]):
            return error(
                "CFG012",
                f"content folder {shown!r} lies outside the site folder",
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
                except OSError:  # gone: as os.walk, skip it
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
            except OSError:  # unreadable or gone: as os.walk, skip it
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
                if not is_dir:
                    if name.endswith(".md") and not name.startswith("."):
                        rel = folder + name
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


def entry_path(folder: str, name: str) -> str:
    return folder + name if folder.endswith(os.sep) else folder + os.sep + name


@dataclass
class MappingTree:
    """Files held in memory (``{"content/objectives/a.md": b"..."}``)."""

    files: Mapping[str, bytes]

    def markdown_files(self, content_dir: str) -> list[str]:
        prefix = content_dir.strip("/") + "/"
        return sorted(
            p
            for p in self.files
            if p.startswith(prefix)
            and p.endswith(".md")
            and not any(part.startswith((".", "_")) for part in p[len(prefix) :].split("/")[:-1])
            and not p.rsplit("/", 1)[-1].startswith(".")
        )

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


class LoadResult:
    """A loaded site: its configuration, scores and every diagnostic.

    ``scored`` may be given as a function that produces it: a ``check`` whose
    inputs did not change since the last run answers from the stored outcome
    and never needs the portfolio, so it is loaded only when asked for.
    """

    def __init__(
        self,
        config: SiteConfig,
        scored: ScoredPortfolio | Callable[[], ScoredPortfolio],
        diagnostics: list[Diagnostic],
        files_read: int,
        as_of: date,
        parsed_again: int = 0,
        counts: tuple[int, int, int, int] | None = None,
        inputs: str = "",
    ) -> None:
        self.config = config
        #: one hash of every input read (files, CSV files, configuration, as_of;
        #: empty without a parse cache): equal hashes, equal portfolios
        self.inputs = inputs
        self._scored = scored
        self.diagnostics = diagnostics
        self.files_read = files_read
        self.as_of = as_of
        self.parsed_again = parsed_again
        self._counts = counts

    @property
    def scored(self) -> ScoredPortfolio:
        if callable(self._scored):
            self._scored = self._scored()
        return self._scored

    @property
    def counts(self) -> tuple[int, int, int, int]:
        """Objectives, KPIs, goals and check-ins loaded."""
        if self._counts is None:
            self._counts = portfolio_counts(self.scored.portfolio)
        return self._counts

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)

    def failed(self, strict: bool = False) -> bool:
        return bool(self.diagnostics) if strict else not self.ok


def portfolio_counts(p: Portfolio) -> tuple[int, int, int, int]:
    return len(p.objectives), len(p.kpis), len(p.goals), len(p.checkins)


def read_config(tree: SourceTree) -> tuple[SiteConfig, list[Diagnostic]]:
    raw = tree.read_checked(CONFIG_FILE)
    if isinstance(raw, Diagnostic):
        if raw.code == "OKR010":  # no okrsite.toml: every setting has a default
            return parse_config(None)
        return SiteConfig(), [raw]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return SiteConfig(), [
            error(
                "CFG001",
                "okrsite.toml is not valid UTF-8",
                CONFIG_FILE,
                line=raw[: exc.start].count(b"\n") + 1,
            )
        ]
    return parse_config(text)


def load_site(
    site_root: Path,
    as_of: date | None = None,
    *,
    cache: ParseCache | None = None,
    jobs: int | None = None,
    scores: ScoreMemo | None = None,
) -> LoadResult:
    """Read, resolve and score the site in ``site_root``.

    ``cache`` and ``scores`` carry parses and scores from one load to the next
    (the preview server): unchanged files are not parsed again, unchanged
    objectives are not scored again.
    """
    return load(FileTree(Path(site_root)), as_of, cache=cache, jobs=jobs, scores=scores)


def load_tree(files: Mapping[str, bytes], as_of: date | None = None) -> LoadResult:
    """Read, resolve and score a site held in memory (paths relative to its root)."""
    return load(MappingTree(files), as_of)


def load(
    tree: SourceTree,
    as_of: date | None = None,
    *,
    cache: ParseCache | None = None,
    jobs: int | None = None,
    scores: ScoreMemo | None = None,
) -> LoadResult:
    """The goal-model pipeline over any source tree.

    The cyclic garbage collector is paused while loading: a large portfolio
    allocates millions of small, acyclic objects, and the collector's repeated
    full passes over them would make loading time grow faster than the number
    of files. Worker processes inherit the paused state through fork.
    """
    with paused_gc():
        return _load(tree, as_of, cache=cache, jobs=jobs, scores=scores)


def _load(
    tree: SourceTree,
    as_of: date | None,
    *,
    cache: ParseCache | None,
    jobs: int | None,
    scores: ScoreMemo | None = None,
) -> LoadResult:
    config, diags = read_config(tree)
    # every file of the site reads 1,200 as its language writes numbers
    with numbers_written_in(config.language):
        return _load_configured(tree, config, diags, as_of, cache=cache, jobs=jobs, scores=scores)


def _load_configured(
    tree: SourceTree,
    config: SiteConfig,
    diags: list[Diagnostic],
    as_of: date | None,
    *,
    cache: ParseCache | None,
    jobs: int | None,
    scores: ScoreMemo | None,
) -> LoadResult:
    when = as_of or config.as_of or date.today()
    if cache is not None:
        cache.reset_if(parse_cache_key(config))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    signature = ""
    if cache is None and isinstance(tree, FileTree) and workers > 1 and can_fork():
        # a cold load of a folder: parse while the folder is still being walked
        rels, parsed = walk_and_parse(tree, config.content_dir, config.default_cycle, workers)
        parsed_again = len(parsed)
    else:
        walked: dict[str, tuple[int, int, int]] = {}
        known: KnownFiles | None = None
        cold: _Scan | None = None
        if cache is not None and cache.pending is not None and cache.listing is not None:
            rels = cache.listing
        elif _cold_cache(cache, tree, workers):
            assert cache is not None and isinstance(tree, FileTree)
            rels, cold = _walk_hash_and_parse(tree, config, cache, workers)
        elif cache is not None and isinstance(tree, FileTree):
            listings = FolderListings(cache.folders)
            known = KnownFiles(cache.stats, time.time_ns() - SETTLED_NS)
            rels, walked = tree.listed_with_signatures(config.content_dir, listings, known)
            if listings.complete:
                cache.folders = listings.after
        else:
            rels = tree.markdown_files(config.content_dir)
        if cache is None:
            parsed, parsed_again = _parse_all(tree, rels, config, jobs)
        else:
            # kept again only by a load that gets to the end
            patch_base, cache.patch_base = cache.patch_base, None
            try:
                scan = cold if cold is not None else _scan(tree, rels, cache, walked, known)
            finally:
                cache.listing, cache.pending = rels, None
            scan.files = [(r, scan.found[r]) for r in scan.rels]
            signature = input_signature(cache.key, tree.read(CONFIG_FILE), when, scan.files)
            reused = (
                _reuse(tree, config, diags, when, cache, signature, jobs)
                if scores is None
                else None
            )
            if reused is None and scores is None:
                reused = _after_edits(tree, config, diags, when, cache, signature, scan, jobs)
            if reused is None and scores is not None:
                reused = _edited_portfolio(
                    tree, config, diags, when, cache, signature, scan, scores, patch_base
                )
            if reused is not None:
                return reused
            cache.complete()
            parsed, parsed_again = _parse_scanned(tree, scan, config, cache, jobs)
    tree_diags = _tree_problems(tree, config)
    outcome_diags: list[Diagnostic] = []
    for pf in parsed:
        outcome_diags.extend(pf.diagnostics)

    csv_data: dict[str, tuple[list[tuple[date, float]], list[Diagnostic]] | None] = {}
    csv_seen: list[tuple[str, str]] = []
    data_near: dict[str, str] = {}  # a data: file not found → the file meant, by its name
    for pf in parsed:
        data = getattr(pf.record, "data", None)
        if isinstance(data, str) and data not in csv_data:
            rel = f"{config.content_dir.strip('/')}/{data}"
            got = tree.read_checked(rel)
            csv_seen.append((rel, _what_was_read(rel, got)))
            if isinstance(got, bytes):
                csv_data[data] = parse_csv(rel, got)
            else:
                csv_data[data] = None if got.code == "OKR010" else ([], [got])
                if got.code == "OKR010":
                    near = _near_file(tree, rel)
                    if near is not None:
                        data_near[data] = near[len(rel) - len(data) :]
    own = len(outcome_diags)  # the files' own findings; what follows looks across files

    pages = _page_estimate(parsed)
    if pages > config.max_pages:
        outcome_diags.append(
            error(
                "CFG013",
                f"the site would have about {pages} pages, more than max_pages ({config.max_pages})",
                CONFIG_FILE,
                hint="raise max_pages in okrsite.toml if the site really is this large",
            )
        )
    portfolio, resolve_diags = resolve(parsed, config, csv_data, data_near)
    memo = scores
    if memo is None and cache is not None:
        memo = cache.scores = cache.scores or ScoreMemo()
    scored = score_portfolio(portfolio, when, config.settings, memo=memo)
    outcome_diags.extend(_locate(tree, [*resolve_diags, *quality_warnings(scored)]))
    cross = outcome_diags[own:]
    files_read = len(rels) + len(csv_data) + (tree.read(CONFIG_FILE) is not None)
    # sorted once for the outcome and the result: at 50,000 warnings a sort is 0.1 s
    found = sorted_diagnostics(outcome_diags)
    prefix = [*diags, *tree_diags]
    if cache is not None:
        if scores is None:
            # the scores are of these files *and* the CSV files the KPIs read
            cache.scores_signature = _inputs(signature, csv_seen)
        else:
            cache.patch_base = (signature, scored)
        cache.outcome = LoadOutcome(
            signature=signature,
            csv=tuple(csv_seen),
            diagnostics=tuple(found),
            files_read=files_read,
            counts=portfolio_counts(portfolio),
            cross=tuple(cross),  # as found: a tie in file order keeps this order
        )
    return LoadResult(
        config=config,
        scored=scored,
        # as _reuse does: sorting the sorted findings again after the prefix
        # gives what sorting all of them would (the sort is stable)
        diagnostics=sorted_diagnostics([*prefix, *found]) if prefix else found,
        files_read=files_read,
        as_of=when,
        parsed_again=parsed_again,
        inputs=_inputs(signature, csv_seen),
    )


def _inputs(signature: str, csv: Sequence[tuple[str, str]]) -> str:
    if not signature:
        return ""
    text = signature + "".join(f"\n{rel}\0{seen}" for rel, seen in csv)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _tree_problems(tree: SourceTree, config: SiteConfig) -> list[Diagnostic]:
    """What walking the folder found (linked folders, a missing content folder)."""
    out: list[Diagnostic] = []
    if isinstance(tree, FileTree):
        problem = tree.content_problem(config.content_dir)
        if problem is not None:
            out.append(problem)
        out.extend(tree.problems)
        tree.problems.clear()
    return out


def _what_was_read(rel: str, got: bytes | Diagnostic) -> str:
    """A file's content hash, or the reason it was not read (for input signatures)."""
    if isinstance(got, bytes):
        return content_digest(rel, got)
    return f"!{got.code} {got.message}"


def _reuse(
    tree: SourceTree,
    config: SiteConfig,
    config_diags: list[Diagnostic],
    when: date,
    cache: ParseCache,
    signature: str,
    jobs: int | None,
    parsed_again: int = 0,
    swap: _Swap | None = None,
) -> LoadResult | None:
    """The last load's result, if its inputs are exactly this load's inputs.

    The portfolio is not loaded here: a ``check`` prints diagnostics and
    counts only. Asking the result for ``scored`` loads it then (see
    :func:`_scored_later`; ``swap`` as there).
    """
    outcome = cache.outcome
    if outcome is None or outcome.signature != signature or not _same_csv(tree, outcome):
        return None
    prefix = [*config_diags, *_tree_problems(tree, config)]
    diags = list(outcome.diagnostics)
    return LoadResult(
        config=config,
        scored=_scored_later(tree, when, cache, _inputs(signature, outcome.csv), jobs, swap),
        diagnostics=sorted_diagnostics([*prefix, *diags]) if prefix else diags,
        files_read=outcome.files_read,
        as_of=when,
        parsed_again=parsed_again,
        counts=outcome.counts,
        inputs=_inputs(signature, outcome.csv),
    )


def _same_csv(tree: SourceTree, outcome: LoadOutcome) -> bool:
    """Whether the CSV files the outcome's KPIs read still hold what they held."""
    return all(_what_was_read(rel, tree.read_checked(rel)) == seen for rel, seen in outcome.csv)


def _after_edits(
    tree: SourceTree,
    config: SiteConfig,
    config_diags: list[Diagnostic],
    when: date,
    cache: ParseCache,
    signature: str,
    scan: _Scan,
    jobs: int | None,
) -> LoadResult | None:
    """The last outcome patched for a few edited files (:mod:`okrsite.edit_check`).

    Only if that outcome is exactly the one of these inputs with the edited
    files' old contents (same files, configuration, as_of and CSV files), the
    old parses are still kept, and no edit changes what the cross-file rules
    read; otherwise ``None`` and the load runs in full.
    """
    before = cache.outcome
    found = _edited_outcome(tree, config, when, cache, signature, scan)
    if found is None or before is None:
        return None
    patched, edits = found
    parsed = _keep_edits(cache, scan, patched, edits)
    swap = _Swap(
        _inputs(before.signature, before.csv),
        [(scan.previous[rel], new) for rel, (_, new) in edits.items()],
    )
    return _reuse(tree, config, config_diags, when, cache, signature, jobs, parsed, swap)


@dataclass(frozen=True)
class _Swap:
    """The edits a patched outcome was patched for: the inputs of the outcome
    before them (:func:`_inputs`: its files and the CSV files it read), and
    each edited file's earlier content hash and new parse (see
    :func:`_scored_later`)."""

    signature: str
    edits: list[tuple[str, ParsedFile]]


def _edited_outcome(
    tree: SourceTree,
    config: SiteConfig,
    when: date,
    cache: ParseCache,
    signature: str,
    scan: _Scan,
) -> tuple[LoadOutcome, dict[str, tuple[ParsedFile, ParsedFile]]] | None:
    """The patched outcome and the edits (file: old parse, new parse), or ``None``
    (see :func:`_after_edits`); nothing is kept yet (:func:`_keep_edits`)."""
    outcome = cache.outcome
    edited = {rel: old for rel, old in scan.previous.items() if scan.found.get(rel) != old}
    if outcome is None or not edited or len(edited) > MAX_EDITS:
        return None
    if any(rel in scan.refused or rel not in scan.raw for rel in edited):
        return None
    before = list(scan.files)
    for rel, old_digest in edited.items():
        before[scan.rels.index(rel)] = (rel, old_digest)
    if input_signature(cache.key, tree.read(CONFIG_FILE), when, before) != outcome.signature:
        return None
    if not _same_csv(tree, outcome):
        return None
    edits: dict[str, tuple[ParsedFile, ParsedFile]] = {}
    for rel, old_digest in edited.items():
        old = cache.parse_of(old_digest)
        if old is None or any(d.file != rel for d in old.diagnostics):
            return None
        new = cache.by_digest.get(scan.found[rel]) or parse_file(
            rel,
            scan.raw[rel],
            content_dir=config.content_dir,
            default_cycle=config.default_cycle,
        )
        if any(d.file != rel for d in new.diagnostics):
            return None
        edits[rel] = (old, new)
    patched = patched_outcome(outcome, signature, edits, lambda found: _locate(tree, found))
    if patched is None:
        return None
    return patched, edits


def _keep_edits(
    cache: ParseCache,
    scan: _Scan,
    patched: LoadOutcome,
    edits: Mapping[str, tuple[ParsedFile, ParsedFile]],
) -> int:
    """Keep the new parses and the patched outcome; the number of files parsed."""
    parsed = 0
    for rel, (_, new) in edits.items():
        if scan.found[rel] not in cache.by_digest:
            parsed += 1
            cache.by_digest[scan.found[rel]] = new
    cache.misses += parsed
    cache.outcome = patched
    return parsed


def _edited_portfolio(
    tree: SourceTree,
    config: SiteConfig,
    config_diags: list[Diagnostic],
    when: date,
    cache: ParseCache,
    signature: str,
    scan: _Scan,
    memo: ScoreMemo,
    patch_base: tuple[str, ScoredPortfolio] | None,
) -> LoadResult | None:
    """The preview's load after a save that changed nothing the cross-file rules
    read (a title, a key result's target, a body): the last portfolio with the
    edited objectives swapped in, scored again from ``memo``, with the patched
    outcome's findings; ``None`` for a full load.

    Resolving tens of thousands of records again (sorting every check-in)
    would give the same portfolio: resolving puts an objective whose
    references hold into the portfolio as parsed, and the edits changed none
    of its references. So only objectives that the last portfolio held as
    parsed (the very object) are swapped, and only when ``patch_base`` is
    the scored portfolio of exactly the outcome being patched.
    """
    base = patch_base
    outcome = cache.outcome
    if base is None or outcome is None or base[0] != outcome.signature:
        return None
    found = _edited_outcome(tree, config, when, cache, signature, scan)
    if found is None:
        return None
    patched, edits = found
    portfolio = swapped_objectives(base[1].portfolio, edits.values())
    if portfolio is None:
        return None
    if memo.scored is not base[1]:
        memo.scored, memo.values = None, {}  # scores of another portfolio: score afresh
    parsed = _keep_edits(cache, scan, patched, edits)
    scored = score_portfolio(portfolio, when, config.settings, memo=memo)
    cache.patch_base = (signature, scored)
    prefix = [*config_diags, *_tree_problems(tree, config)]
    return LoadResult(
        config=config,
        scored=scored,
        diagnostics=sorted_diagnostics([*prefix, *patched.diagnostics]),
        files_read=patched.files_read,
        as_of=when,
        parsed_again=parsed,
        counts=patched.counts,
        inputs=_inputs(signature, patched.csv),
    )


def _scored_later(
    tree: SourceTree,
    when: date,
    cache: ParseCache,
    inputs: str,
    jobs: int | None,
    swap: _Swap | None = None,
) -> Callable[[], ScoredPortfolio]:
    """The scored portfolio of a load answered from the cache, loaded when asked.

    The kept scores are used as they are when they are of exactly these
    ``inputs`` (:func:`_inputs`: the files, configuration and as_of, and the
    CSV files the KPIs read). After a few edits that changed nothing the cross-file rules
    read (``swap``), they are the scores of the inputs before the edits,
    and the portfolio is theirs with the edited objectives swapped in and
    scored again (as the preview does after a save: see
    :func:`_edited_portfolio`), instead of resolving every file again.
    Otherwise the portfolio is loaded in full.
    """

    def scored() -> ScoredPortfolio:
        with paused_gc():
            cache.complete()
            memo = cache.scores
            if memo is not None and memo.scored is not None and cache.scores_signature == inputs:
                return memo.scored
            if swap is not None and memo is not None and memo.scored is not None:
                swapped = _swapped_scores(cache, memo, swap, when)
                if swapped is not None:
                    cache.scores_signature = inputs
                    return swapped
            cache.outcome = None  # the scores kept are older than the outcome: load for real
            # ... from the files as the scan that made this result found them:
            # the listing and each file's content hash it kept are vouched for,
            # so the portfolio is the one of this result's findings (a file
            # saved since is seen by the next load), and a build after one
            # edit does not list and stat every file twice (about a second
            # at 10,000 objectives).
            if cache.listing is not None:
                cache.pending = set()
            return _load(tree, when, cache=cache, jobs=jobs).scored

    return scored


def _swapped_scores(
    cache: ParseCache, memo: ScoreMemo, swap: _Swap, when: date
) -> ScoredPortfolio | None:
    """The kept scores' portfolio with ``swap``'s edits swapped in, scored again
    from ``memo`` (see :func:`_scored_later`); ``None`` for a full load."""
    kept = memo.scored
    if kept is None or cache.scores_signature != swap.signature:
        return None
    if kept.as_of != when:
        return None
    # the old parses as the kept portfolio holds them (the very objects the
    # kept scores were read with), not as a look-up read them on their own
    edits = []
    for old_digest, new in swap.edits:
        old = cache.by_digest.get(old_digest)
        if old is None:
            return None
        edits.append((old, new))
    portfolio = swapped_objectives(kept.portfolio, edits)
    if portfolio is None:
        return None
    return score_portfolio(portfolio, when, kept.settings, memo=memo)


def _page_estimate(parsed: Sequence[ParsedFile]) -> int:
    """Pages a build would write: one per record, one per tag (a sanity check, not a plan)."""
    tags: set[str] = set()
    records = 0
    for pf in parsed:
        if pf.record is not None:
            records += 1
            tags.update(getattr(pf.record, "tags", ()))
    return records + len(tags)


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
                text = raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
                parts = yamlsource.split(text)
                parts = None if parts is None else located_parts(parts)
            except UnicodeDecodeError:
                parts = None
        out.extend(locate_all(items, parts))
    return out


# --------------------------------------------------------------- parsing
def parse_cache_key(config: SiteConfig) -> tuple[str, ...]:
    """What every parse depends on besides the file: a change of any is a new cache."""
    return (
        __version__,
        config.content_dir,
        config.default_cycle or "",
        repr(comma_groups_thousands(config.language)),  # how 1,200 reads
    )


def _parse_all(
    tree: SourceTree, rels: list[str], config: SiteConfig, jobs: int | None
) -> tuple[list[ParsedFile], int]:
    """Parse every file (in parallel when many), without a cache."""
    content_dir, default_cycle = config.content_dir, config.default_cycle
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs > 1 and len(rels) >= parallel_parse.PARALLEL_THRESHOLD and can_fork():
        return parse_in_parallel(tree, rels, content_dir, default_cycle, jobs), len(rels)
    out = parse_batch(tree, rels, content_dir, default_cycle)
    return out, len(out)


@dataclass
class _Scan:
    """Which files exist and what each holds, as far as a stat or a read tells."""

    #: the listed files that still exist, in listing order
    rels: list[str]
    #: each file's content hash, or ``!code message`` for a file refused
    found: dict[str, str]
    #: bytes of the files that were read (their stat changed)
    raw: dict[str, bytes]
    #: files refused (a link out of the site, a FIFO, unreadable)
    refused: dict[str, ParsedFile]
    #: the content hash a file that was read again had before (if it was known)
    previous: dict[str, str] = field(default_factory=dict)
    #: ``(file, content hash)`` in listing order (what the input signature hashes)
    files: list[tuple[str, str]] = field(default_factory=list)
    #: parses made while scanning (a cold cache: :func:`_walk_hash_and_parse`)
    parsed: dict[str, ParsedFile] = field(default_factory=dict)

    def refuse(self, rel: str, problem: Diagnostic) -> None:
        """A file that may not be read: kept with its diagnostic, unless it is
        merely gone since it was listed (then it is left out)."""
        if problem.code != "OKR010":
            self.refused[rel] = refused_file(rel, problem)
            self.found[rel] = f"!{problem.code} {problem.message}"


def _scan(
    tree: SourceTree,
    rels: list[str],
    cache: ParseCache,
    walked: Mapping[str, tuple[int, int, int]] | None = None,
    known: KnownFiles | None = None,
) -> _Scan:
    """Find each file's content hash, reading only files whose stat changed.

    A file is trusted by its stat signature (change time, size, inode, which
    git's index compares too; the change time moves on every write and, unlike
    the modification time, no program can set it back: ``touch -r``, ``rsync
    --inplace -t``) only if it is a regular file inside the site and was not modified in
    the last two seconds (it could change again within the clock's resolution
    and keep its size and time); otherwise it is read and hashed. ``walked``
    holds the signatures the listing just took (:meth:`FileTree.listed_with_signatures`),
    and ``known.trusted`` the files it found unchanged by the same rules.
    """
    walked = walked or {}
    disk = tree if isinstance(tree, FileTree) else None
    trusted = cache.pending
    live = set(rels)
    for gone in [r for r in cache.stats if r not in live]:
        del cache.stats[gone]
    racy_after = time.time_ns() - SETTLED_NS
    stats = cache.stats
    out = _Scan([], {}, {}, {})
    found, raws = out.found, out.raw
    todo = rels
    if trusted is not None:  # a watcher vouches for every other file
        found.update(
            (rel, entry[3])
            for rel in rels
            if rel not in trusted and (entry := stats.get(rel)) is not None
        )
    if known is not None and known.trusted:
        found.update(known.trusted)
    if found:
        todo = [rel for rel in rels if rel not in found]
    for rel in todo:
        kept = stats.get(rel)
        signature: tuple[int, int, int] | None = None
        if disk is not None:
            signature = walked.get(rel) or disk.stat_signature(rel)
            if signature is None:
                st = disk.stat_checked(rel)
                if isinstance(
                    st, Diagnostic
                ):  # refused as reading it would be, never from the cache
                    out.refuse(rel, st)
                    continue
                if st is not None:
                    signature = (st.st_ctime_ns, st.st_size, st.st_ino)
            if (
                signature is not None
                and kept is not None
                and kept[:3] == signature
                and signature[0] < racy_after
            ):
                found[rel] = kept[3]
                continue
        raw = tree.read_checked(rel)
        if isinstance(raw, Diagnostic):
            stats.pop(rel, None)
            out.refuse(rel, raw)
            continue
        digest = content_digest(rel, raw)
        if kept is not None:
            out.previous[rel] = kept[3]
        if signature is not None:
            stats[rel] = (*signature, digest)
        found[rel] = digest
        raws[rel] = raw
    out.rels = [rel for rel in rels if rel in found]
    return out


def _cold_cache(cache: ParseCache | None, tree: SourceTree, workers: int) -> bool:
    """Whether this load's parse cache knows no file, so that every file will
    be read, hashed and parsed: in forked workers too, if it can fork."""
    return (
        cache is not None
        and not cache.stats
        and cache.pending is None
        and isinstance(tree, FileTree)
        and workers > 1
        and can_fork()
    )


def _walk_hash_and_parse(
    tree: FileTree, config: SiteConfig, cache: ParseCache, workers: int
) -> tuple[list[str], _Scan]:
    """:func:`_scan` for a parse cache that knows no file, with every parse made.

    Each file is read, hashed and parsed in one go, in this process and
    forked workers, while the folder is walked (instead of this process
    reading and hashing all of them, then reading them again to parse).
    The parses wait in the scan's ``parsed``, for :func:`_parse_scanned`. A
    file the walk did not take a signature of (a link to a file) is checked
    by its ``stat`` as :func:`_scan` does, which refuses what it refuses.
    """
    walked: dict[str, tuple[int, int, int]] = {}
    listings = FolderListings(cache.folders)
    rels, hashed = walk_hash_and_parse(
        tree, config.content_dir, config.default_cycle, workers, walked, listings
    )
    if listings.complete:
        cache.folders = listings.after
    stats = cache.stats
    out = _Scan([], {}, {}, {})
    for rel, got, parsed in hashed:
        signature = walked.get(rel) or tree.stat_signature(rel)
        if signature is None:
            st = tree.stat_checked(rel)
            if isinstance(st, Diagnostic):
                out.refuse(rel, st)
                continue
            if st is not None:
                signature = (st.st_ctime_ns, st.st_size, st.st_ino)
        if isinstance(got, Diagnostic):
            out.refuse(rel, got)
            continue
        assert parsed is not None
        if signature is not None:
            stats[rel] = (*signature, got)
        out.found[rel] = got
        out.parsed[rel] = parsed
    out.rels = [rel for rel in rels if rel in out.found]
    return rels, out


def _parse_scanned(
    tree: SourceTree,
    scan: _Scan,
    config: SiteConfig,
    cache: ParseCache,
    jobs: int | None = None,
) -> tuple[list[ParsedFile], int]:
    """Reuse parses of unchanged files; parse the rest (in parallel when many)."""
    content_dir, default_cycle = config.content_dir, config.default_cycle
    found: dict[str, ParsedFile] = {}
    missing: dict[str, bytes] = {}
    digests: dict[str, str] = {}
    parsed_here = 0
    for rel in scan.rels:
        refused = scan.refused.get(rel)
        if refused is not None:
            found[rel] = refused
            continue
        digest = scan.found[rel]
        hit = cache.by_digest.get(digest)
        if hit is not None:
            cache.hits += 1
            found[rel] = hit
            continue
        made = scan.parsed.get(rel)
        if made is not None:  # parsed while scanning
            cache.misses += 1
            cache.by_digest[digest] = found[rel] = made
            parsed_here += 1
            continue
        raw = scan.raw.get(rel)
        if raw is None:  # trusted by its stat, but its parse is not kept: read it now
            got = tree.read_checked(rel)
            if isinstance(got, Diagnostic):
                cache.stats.pop(rel, None)
                if got.code != "OKR010":
                    found[rel] = refused_file(rel, got)
                continue
            raw, digest = got, content_digest(rel, got)
            if rel in cache.stats:
                cache.stats[rel] = (*cache.stats[rel][:3], digest)
        missing[rel] = raw
        digests[rel] = digest
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    names = list(missing)
    if jobs > 1 and len(names) >= parallel_parse.PARALLEL_THRESHOLD and can_fork():
        fresh = parse_in_parallel(MappingTree(missing), names, content_dir, default_cycle, jobs)
    else:
        fresh = parse_batch(MappingTree(missing), names, content_dir, default_cycle)
    for pf in fresh:
        cache.misses += 1
        cache.by_digest[digests[pf.file]] = pf
        found[pf.file] = pf
    n = len(scan.rels)
    if len(cache.by_digest) > 2 * max(n, 1000):  # drop entries of deleted or old versions
        keep = {v[3] for v in cache.stats.values()} | set(scan.found.values())
        cache.by_digest = {k: v for k, v in cache.by_digest.items() if k in keep}
    return [found[rel] for rel in scan.rels if rel in found], len(fresh) + parsed_here


def find_site_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` with an ``okrsite.toml``; else ``start``
    itself if it has a ``content/`` folder."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    if (start / "content").is_dir():
        return start
    return None
