"""Parsing many files in this process and forked workers.

A large site's load is mostly reading and parsing its tens of thousands of
files, each on its own, so they are split into batches over the pool of
:mod:`okrsite.fork_pool`. Workers inherit the source tree (a folder, or the
bytes of files held in memory) and send back only parse results. A cold
load walks the folder while the first batches are already being parsed, and
a load whose parse cache knows no file yet also hashes each file where it
is parsed (:func:`walk_hash_and_parse`), instead of reading every file once
in this process to hash it and once more to parse it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from okrsite.diagnostics import Diagnostic
from okrsite.fork_pool import forked_pool, shared
from okrsite.load_cache import content_digest
from okrsite.parse import ParsedFile, parse_file
from okrsite.sitefiles import file_gone

if TYPE_CHECKING:  # concurrent.futures is imported only by a load that forks (fork_pool)
    from concurrent.futures import Future

    from okrsite.folder_listings import FolderListings
    from okrsite.pipeline import FileTree, SourceTree

__all__ = [
    "BATCH_SIZE",
    "PARALLEL_THRESHOLD",
    "Hashed",
    "parse_batch",
    "parse_in_parallel",
    "refused_file",
    "walk_and_parse",
    "walk_hash_and_parse",
]

#: below this many files, starting worker processes costs more than it saves
PARALLEL_THRESHOLD = 2000

# Files per unit of work handed to a worker: small enough that the processes
# finish close together (the last units cannot be taken back), large enough
# that handing one over costs little next to parsing it.
BATCH_SIZE = 250

#: a file read, hashed and parsed in one go: its path, its content hash (or
#: why it was not read) and its parse (``None`` when it was not read)
Hashed = tuple[str, "str | Diagnostic", "ParsedFile | None"]

_Result = TypeVar("_Result")
#: the work of one batch: (tree, files, content folder, default cycle) → results
_Work = Callable[["SourceTree", list[str], str, "str | None"], list[_Result]]


def refused_file(rel: str, problem: Diagnostic) -> ParsedFile:
    """A listed file that was not read (a FIFO, a link out of the site, unreadable)."""
    return ParsedFile(rel, None, None, (problem,))


def parse_batch(
    tree: SourceTree, rels: list[str], content_dir: str, default_cycle: str | None
) -> list[ParsedFile]:
    """Read and parse these files (a file gone since it was listed is left out)."""
    out = []
    for rel in rels:
        raw = tree.read_checked(rel)
        if isinstance(raw, Diagnostic):
            if not file_gone(raw):  # deleted since it was listed: nothing to say
                out.append(refused_file(rel, raw))
        else:
            out.append(parse_file(rel, raw, content_dir=content_dir, default_cycle=default_cycle))
    return out


def hash_and_parse_batch(
    tree: SourceTree, rels: list[str], content_dir: str, default_cycle: str | None
) -> list[Hashed]:
    """Read, hash and parse these files; a file not read keeps the reason why."""
    out: list[Hashed] = []
    for rel in rels:
        raw = tree.read_checked(rel)
        if isinstance(raw, Diagnostic):
            out.append((rel, raw, None))
        else:
            parsed = parse_file(rel, raw, content_dir=content_dir, default_cycle=default_cycle)
            out.append((rel, content_digest(rel, raw), parsed))
    return out


def _parse_chunk(args: tuple[list[str], str, str | None]) -> list[ParsedFile]:
    """Runs in a forked worker, which inherits the source tree (disk or in-memory)."""
    rels, content_dir, default_cycle = args
    return parse_batch(shared(), rels, content_dir, default_cycle)


def _hash_and_parse_chunk(args: tuple[list[str], str, str | None]) -> list[Hashed]:
    """:func:`hash_and_parse_batch` in a forked worker."""
    rels, content_dir, default_cycle = args
    return hash_and_parse_batch(shared(), rels, content_dir, default_cycle)


def _shared_work(
    tree: SourceTree,
    batches: Iterable[list[str]],
    content_dir: str,
    default_cycle: str | None,
    jobs: int,
    here: _Work[_Result],
    there: Callable[[tuple[list[str], str, str | None]], list[_Result]],
) -> list[_Result]:
    """Do ``here``'s work on batches of files in this process and ``jobs - 1``
    forked workers (which run ``there``, the same work on the tree they inherit).

    Workers take batches from the front as they are handed out (``batches``
    may be lazy, e.g. a folder still being walked). Once all are handed out,
    this process takes batches back from the end, each one only if no worker
    has started it yet, and does them itself; the two ends meet, so every
    process finishes at about the same time. Working here rather than only
    coordinating uses this process's core, and its share never has to be
    pickled, sent and unpickled. Results are in the order of ``batches``.
    """
    results: list[list[_Result]] = []
    with forked_pool(tree, jobs - 1) as pool:
        queued: list[tuple[int, list[str], Future[list[_Result]]]] = []
        for batch in batches:
            work = (batch, content_dir, default_cycle)
            queued.append((len(results), batch, pool.submit(there, work)))
            results.append([])
        while queued and queued[-1][2].cancel():
            index, batch, _ = queued.pop()
            results[index] = here(tree, batch, content_dir, default_cycle)
        for index, _, future in queued:
            results[index] = future.result()
    return [item for result in results for item in result]


def _batches(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), BATCH_SIZE):
        yield items[i : i + BATCH_SIZE]


def _walked_batches(
    tree: FileTree,
    content_dir: str,
    rels: list[str],
    signatures: dict[str, tuple[int, int, int]] | None = None,
    listings: FolderListings | None = None,
) -> Iterator[list[str]] | None:
    """Batches of the files the walk finds, handed out as it finds them (each
    added to ``rels``); ``None`` when the site has too few files for a pool
    (``rels`` then holds all of them). ``signatures`` and ``listings`` as for
    ``FileTree.walk``."""
    found = tree.walk(content_dir, signatures, listings)
    first = list(itertools.islice(found, PARALLEL_THRESHOLD))
    rels.extend(first)
    if len(first) < PARALLEL_THRESHOLD:  # a small site: not worth a process pool
        return None

    def batches() -> Iterator[list[str]]:
        yield from _batches(first)
        while batch := list(itertools.islice(found, BATCH_SIZE)):
            rels.extend(batch)
            yield batch

    return batches()


def _walk_then(
    tree: FileTree,
    content_dir: str,
    default_cycle: str | None,
    jobs: int,
    here: _Work[_Result],
    there: Callable[[tuple[list[str], str, str | None]], list[_Result]],
    path_of: Callable[[_Result], str],
    signatures: dict[str, tuple[int, int, int]] | None = None,
    listings: FolderListings | None = None,
) -> tuple[list[str], list[_Result]]:
    """The files the walk finds and ``here``'s work on them, overlapping the
    two: batches go to forked workers as soon as they are found. Both lists
    are sorted by path (``path_of`` a result), so the outcome is the same as
    listing first and working after."""
    rels: list[str] = []
    batches = _walked_batches(tree, content_dir, rels, signatures, listings)
    if batches is None:
        rels.sort()
        return rels, here(tree, rels, content_dir, default_cycle)
    results = _shared_work(tree, batches, content_dir, default_cycle, jobs, here, there)
    results.sort(key=path_of)
    rels.sort()
    return rels, results


def walk_and_parse(
    tree: FileTree, content_dir: str, default_cycle: str | None, jobs: int
) -> tuple[list[str], list[ParsedFile]]:
    """Walk the content folder and parse what it finds, overlapping the two."""
    return _walk_then(
        tree, content_dir, default_cycle, jobs, parse_batch, _parse_chunk, _parsed_path
    )


def walk_hash_and_parse(
    tree: FileTree,
    content_dir: str,
    default_cycle: str | None,
    jobs: int,
    signatures: dict[str, tuple[int, int, int]],
    listings: FolderListings | None = None,
) -> tuple[list[str], list[Hashed]]:
    """:func:`walk_and_parse` that also hashes each file where it is read
    (for a parse cache that knows no file yet), and puts each listed file's
    stat signature in ``signatures`` as the walk takes it (and the folder
    listings it takes in ``listings``)."""
    return _walk_then(
        tree,
        content_dir,
        default_cycle,
        jobs,
        hash_and_parse_batch,
        _hash_and_parse_chunk,
        _hashed_path,
        signatures,
        listings,
    )


def _parsed_path(parsed: ParsedFile) -> str:
    return parsed.file


def _hashed_path(hashed: Hashed) -> str:
    return hashed[0]


def parse_in_parallel(
    tree: SourceTree, rels: list[str], content_dir: str, default_cycle: str | None, jobs: int
) -> list[ParsedFile]:
    """Parse in this process and forked workers; results come back in input order."""
    return _shared_work(
        tree, _batches(rels), content_dir, default_cycle, jobs, parse_batch, _parse_chunk
    )
