"""Parsing a site's files, with the parse cache: which changed, and their parses.

Split from :mod:`okrsite.pipeline`. Parsing dominates the cost of a large
site, so it is spread over processes when there are many files; with a
parse cache (the preview server, a stored cache) each file is trusted by
its stat signature or read and hashed (:func:`_scan`), and only files
whose content hash has no parse kept are parsed again.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from okrsite import __version__, parallel_parse
from okrsite.config import SiteConfig
from okrsite.diagnostics import Diagnostic
from okrsite.folder_listings import SETTLED_NS, FolderListings
from okrsite.fork_pool import can_fork
from okrsite.load_cache import ParseCache, content_digest
from okrsite.parallel_parse import (
    parse_batch,
    parse_in_parallel,
    refused_file,
    walk_hash_and_parse,
)
from okrsite.parse import ParsedFile
from okrsite.pipeline_files import FileTree, KnownFiles, MappingTree, SourceTree
from okrsite.sitefiles import file_gone
from okrsite.written_numbers import comma_groups_thousands


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
        if not file_gone(problem):  # a path too long for the file system is said (OKR010)
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
                if not file_gone(got):
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
