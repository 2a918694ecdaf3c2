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
import itertools
import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from okrsite import __version__, yamlsource
from okrsite.config import CONFIG_FILE, SiteConfig, parse_config
from okrsite.diagnostics import Diagnostic, error, sorted_diagnostics, warning
from okrsite.fork_pool import can_fork, forked_pool, shared
from okrsite.gcpause import paused_gc
from okrsite.model import ScoredPortfolio
from okrsite.parse import ParsedFile, locate_all, parse_csv, parse_file
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

PARALLEL_THRESHOLD = 2000  # below this, starting worker processes costs more than it saves


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

    def walk(self, content_dir: str) -> Iterator[str]:
        """Markdown files under the content folder, as found (not sorted).

        Links to folders are not followed (a warning names each); links to
        files are listed and checked when read.
        """
        base = self.root / content_dir
        if self.content_problem(content_dir) is not None:
            return
        prefix = content_dir.strip("/")
        top = os.fspath(base)
        # os.walk gives each folder as ``top`` joined with the names below it,
        # so cutting ``top`` off is its relative path (os.path.relpath would
        # resolve both to absolute paths for each of thousands of folders).
        cut = len(top) if top.endswith(os.sep) else len(top) + 1
        for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
            rel_dir = dirpath[cut:].replace(os.sep, "/")
            folder = f"{prefix}/{rel_dir}/" if rel_dir else f"{prefix}/"
            kept = []
            for d in sorted(dirnames):
                if d.startswith((".", "_")):
                    continue
                if os.path.islink(os.path.join(dirpath, d)):
                    self.problems.append(
                        warning(
                            "OKR011",
                            f"linked folder {excerpt(folder + d)} is not followed; skipped",
                            folder + d,
                            hint="move the files into the content folder instead of linking",
                        )
                    )
                    continue
                kept.append(d)
            dirnames[:] = kept
            for name in filenames:
                if name.endswith(".md") and not name.startswith("."):
                    yield folder + name

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

    def read(self, rel: str) -> bytes | None:
        """The file's bytes (``None`` if it is missing or refused)."""
        got = self.read_checked(rel)
        return got if isinstance(got, bytes) else None


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


@dataclass
class ParseCache:
    """Parsed files keyed by content hash, plus a stat index to skip re-reading.

    Valid only for one okrsite version and one configuration: the key includes
    both, so a changed ``okrsite.toml`` starts a fresh cache.
    """

    key: tuple[str, ...] = ()
    by_digest: dict[str, ParsedFile] = field(default_factory=dict)
    stats: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    # The file list of the last load, and (when a watcher vouches for it) the
    # only files that changed since: then nothing else is listed or stat'ed.
    listing: list[str] | None = None
    pending: set[str] | None = None

    def reset_if(self, key: tuple[str, ...]) -> None:
        if key != self.key:
            self.key = key
            self.by_digest.clear()
            self.stats.clear()
            self.listing = None
            self.pending = None

    def changed(self, rels: set[str] | None) -> None:
        """A watcher reports these files (site-relative) changed; ``None``: rescan all.

        A listed file that no longer exists, or a new file, needs a new
        listing, so only edits of known files skip the scan.
        """
        if rels is None or self.listing is None or not rels <= set(self.listing):
            self.pending = None
        else:
            self.pending = (self.pending or set()) | rels


@dataclass
class LoadResult:
    config: SiteConfig
    scored: ScoredPortfolio
    diagnostics: list[Diagnostic]
    files_read: int
    as_of: date
    parsed_again: int = 0

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)

    def failed(self, strict: bool = False) -> bool:
        return bool(self.diagnostics) if strict else not self.ok


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
    when = as_of or config.as_of or date.today()
    if cache is not None:
        cache.reset_if(parse_cache_key(config))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if cache is None and isinstance(tree, FileTree) and workers > 1 and can_fork():
        # a cold load of a folder: parse while the folder is still being walked
        rels, parsed = _walk_and_parse(tree, config, workers)
        parsed_again = len(parsed)
    else:
        if cache is not None and cache.pending is not None and cache.listing is not None:
            rels = cache.listing
        else:
            rels = tree.markdown_files(config.content_dir)
        parsed, parsed_again = _parse_all(tree, rels, config, cache, jobs)
    if isinstance(tree, FileTree):
        problem = tree.content_problem(config.content_dir)
        if problem is not None:
            diags.append(problem)
        diags.extend(tree.problems)
        tree.problems.clear()
    for pf in parsed:
        diags.extend(pf.diagnostics)

    csv_data: dict[str, tuple[list[tuple[date, float]], list[Diagnostic]] | None] = {}
    for pf in parsed:
        data = getattr(pf.record, "data", None)
        if isinstance(data, str) and data not in csv_data:
            rel = f"{config.content_dir.strip('/')}/{data}"
            got = tree.read_checked(rel)
            if isinstance(got, bytes):
                csv_data[data] = parse_csv(rel, got)
            else:
                csv_data[data] = None if got.code == "OKR010" else ([], [got])

    pages = _page_estimate(parsed)
    if pages > config.max_pages:
        diags.append(
            error(
                "CFG013",
                f"the site would have about {pages} pages, more than max_pages ({config.max_pages})",
                CONFIG_FILE,
                hint="raise max_pages in okrsite.toml if the site really is this large",
            )
        )
    portfolio, resolve_diags = resolve(parsed, config, csv_data)
    scored = score_portfolio(portfolio, when, config.settings, memo=scores)
    located = _locate(tree, [*resolve_diags, *quality_warnings(scored)])
    return LoadResult(
        config=config,
        scored=scored,
        diagnostics=sorted_diagnostics([*diags, *located]),
        files_read=len(rels) + len(csv_data) + (tree.read(CONFIG_FILE) is not None),
        as_of=when,
        parsed_again=parsed_again,
    )


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
            except UnicodeDecodeError:
                parts = None
        out.extend(locate_all(items, parts))
    return out


# --------------------------------------------------------------- parsing
def parse_cache_key(config: SiteConfig) -> tuple[str, ...]:
    return (__version__, config.content_dir, config.default_cycle or "")


def _parse_all(
    tree: SourceTree,
    rels: list[str],
    config: SiteConfig,
    cache: ParseCache | None,
    jobs: int | None,
) -> tuple[list[ParsedFile], int]:
    content_dir, default_cycle = config.content_dir, config.default_cycle
    if cache is not None:
        try:
            return _parse_cached(tree, rels, content_dir, default_cycle, cache, jobs)
        finally:
            cache.listing, cache.pending = rels, None
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs > 1 and len(rels) >= PARALLEL_THRESHOLD and can_fork():
        return _parse_parallel(tree, rels, content_dir, default_cycle, jobs), len(rels)
    out = _parse_batch(tree, rels, content_dir, default_cycle)
    return out, len(out)


def _parse_cached(
    tree: SourceTree,
    rels: list[str],
    content_dir: str,
    default_cycle: str | None,
    cache: ParseCache,
    jobs: int | None = None,
) -> tuple[list[ParsedFile], int]:
    """Reuse parses of unchanged files; parse the rest (in parallel when many)."""
    disk = tree if isinstance(tree, FileTree) else None
    trusted = cache.pending
    live = set(rels)
    for gone in [r for r in cache.stats if r not in live]:
        del cache.stats[gone]
    racy_after = time.time_ns() - 2_000_000_000
    found: dict[str, ParsedFile] = {}
    missing: dict[str, bytes] = {}
    digests: dict[str, str] = {}
    for rel in rels:
        stat_key: tuple[int, int] | None = None
        if trusted is not None and rel not in trusted:
            known = cache.stats.get(rel)
            if known is not None and known[2] in cache.by_digest:
                cache.hits += 1
                found[rel] = cache.by_digest[known[2]]
                continue
        if disk is not None:
            st = disk.stat_checked(rel)
            if isinstance(st, Diagnostic):
                if st.code != "OKR010":  # refused as reading it would be, never from the cache
                    found[rel] = _refused(rel, st)
                continue
            stat_key = None if st is None else (st.st_mtime_ns, st.st_size)
            known = cache.stats.get(rel)
            # A file modified in the last two seconds may change again within
            # the clock's resolution, keeping size and mtime: hash it.
            if (
                st is not None
                and known is not None
                and known[:2] == stat_key
                and known[2] in cache.by_digest
                and st.st_mtime_ns < racy_after
            ):
                cache.hits += 1
                found[rel] = cache.by_digest[known[2]]
                continue
        raw = tree.read_checked(rel)
        if isinstance(raw, Diagnostic):
            if raw.code != "OKR010":
                found[rel] = _refused(rel, raw)
            continue
        digest = hashlib.blake2b(rel.encode() + b"\0" + raw, digest_size=16).hexdigest()
        if stat_key is not None:
            cache.stats[rel] = (*stat_key, digest)
        hit = cache.by_digest.get(digest)
        if hit is not None:
            cache.hits += 1
            found[rel] = hit
        else:
            missing[rel] = raw
            digests[rel] = digest
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    names = list(missing)
    if jobs > 1 and len(names) >= PARALLEL_THRESHOLD and can_fork():
        fresh = _parse_parallel(MappingTree(missing), names, content_dir, default_cycle, jobs)
    else:
        fresh = _parse_batch(MappingTree(missing), names, content_dir, default_cycle)
    for pf in fresh:
        cache.misses += 1
        cache.by_digest[digests[pf.file]] = pf
        found[pf.file] = pf
    if len(cache.by_digest) > 2 * max(len(rels), 1000):  # drop entries of deleted or old versions
        keep = {v[2] for v in cache.stats.values()} | {digests[r] for r in digests}
        cache.by_digest = {k: v for k, v in cache.by_digest.items() if k in keep}
    return [found[rel] for rel in rels if rel in found], len(fresh)


# Files per unit of work handed to a worker: small enough that the processes
# finish close together (the last units cannot be taken back), large enough
# that handing one over costs little next to parsing it.
BATCH_SIZE = 250


def _parse_batch(
    tree: SourceTree, rels: list[str], content_dir: str, default_cycle: str | None
) -> list[ParsedFile]:
    out = []
    for rel in rels:
        raw = tree.read_checked(rel)
        if isinstance(raw, Diagnostic):
            if raw.code != "OKR010":  # gone since it was listed: nothing to say
                out.append(_refused(rel, raw))
        else:
            out.append(parse_file(rel, raw, content_dir=content_dir, default_cycle=default_cycle))
    return out


def _refused(rel: str, problem: Diagnostic) -> ParsedFile:
    """A listed file that was not read (a FIFO, a link out of the site, unreadable)."""
    return ParsedFile(rel, None, None, (problem,))


def _parse_chunk(args: tuple[list[str], str, str | None]) -> list[ParsedFile]:
    """Runs in a forked worker, which inherits the source tree (disk or in-memory)."""
    rels, content_dir, default_cycle = args
    return _parse_batch(shared(), rels, content_dir, default_cycle)


def _parse_shared(
    tree: SourceTree,
    batches: Iterable[list[str]],
    content_dir: str,
    default_cycle: str | None,
    jobs: int,
) -> list[ParsedFile]:
    """Parse batches of files in this process and ``jobs - 1`` forked workers.

    Workers take batches from the front as they are handed out (``batches``
    may be lazy, e.g. a folder still being walked). Once all are handed out,
    this process takes batches back from the end, each one only if no worker
    has started it yet, and parses them itself; the two ends meet, so every
    process finishes at about the same time. Parsing here rather than only
    coordinating uses this process's core, and its share never has to be
    pickled, sent and unpickled. Results are in the order of ``batches``.
    """
    results: list[list[ParsedFile]] = []
    with forked_pool(tree, jobs - 1) as pool:
        queued: list[tuple[int, list[str], Future[list[ParsedFile]]]] = []
        for batch in batches:
            work = (batch, content_dir, default_cycle)
            queued.append((len(results), batch, pool.submit(_parse_chunk, work)))
            results.append([])
        while queued and queued[-1][2].cancel():
            index, batch, _ = queued.pop()
            results[index] = _parse_batch(tree, batch, content_dir, default_cycle)
        for index, _, future in queued:
            results[index] = future.result()
    return [pf for result in results for pf in result]


def _walk_and_parse(
    tree: FileTree, config: SiteConfig, jobs: int
) -> tuple[list[str], list[ParsedFile]]:
    """Walk the content folder and parse what it finds, overlapping the two.

    Batches go to forked workers as soon as they are found; results are
    sorted by path, so the outcome is the same as listing first and parsing
    after.
    """
    content_dir, default_cycle = config.content_dir, config.default_cycle
    found = tree.walk(content_dir)
    first = list(itertools.islice(found, PARALLEL_THRESHOLD))
    if len(first) < PARALLEL_THRESHOLD:  # a small site: not worth a process pool
        rels = sorted(first)
        return rels, _parse_batch(tree, rels, content_dir, default_cycle)
    rels = list(first)

    def batches() -> Iterator[list[str]]:
        yield from _batches(first)
        while batch := list(itertools.islice(found, BATCH_SIZE)):
            rels.extend(batch)
            yield batch

    parsed = _parse_shared(tree, batches(), content_dir, default_cycle, jobs)
    parsed.sort(key=lambda pf: pf.file)
    rels.sort()
    return rels, parsed


def _batches(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), BATCH_SIZE):
        yield items[i : i + BATCH_SIZE]


def _parse_parallel(
    tree: SourceTree, rels: list[str], content_dir: str, default_cycle: str | None, jobs: int
) -> list[ParsedFile]:
    """Parse in this process and forked workers; results come back in input order."""
    return _parse_shared(tree, _batches(rels), content_dir, default_cycle, jobs)


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
