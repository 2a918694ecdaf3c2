"""What one load of a site leaves for the next: parses, stat signatures, scores
and the outcome (diagnostics and counts) of the inputs it saw.

A pull request, or a save in an editor, changes a handful of a site's tens of
thousands of files. Loading again then needs to know, cheaply, *which* files
changed, and to redo only the work that depends on them:

- each file's stat signature (modification time, size, inode: what git's
  index compares) names the content hash it had; only a file whose signature
  differs is read and hashed again, and only a file whose hash is new is
  parsed again;
- the hashes of all inputs (configuration bytes, as_of, every file's path and
  hash, the CSV files the KPIs read) make one signature; when it equals the
  signature of the last load, that load's diagnostics and counts *are* the
  answer, and nothing is resolved or scored again;
- otherwise scoring starts from the last scores (:class:`ScoreMemo`), so only
  the objectives whose inputs changed, and those above them, are scored again.

The preview server keeps a :class:`ParseCache` in memory; :mod:`okrsite.parse_store`
keeps one on disk between runs of ``check`` and ``build``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from okrsite.diagnostics import Diagnostic
from okrsite.folder_listings import FolderListing
from okrsite.model import ScoredPortfolio
from okrsite.parse import ParsedFile
from okrsite.scoring import ScoreMemo

#: a file's stat signature and the content hash it had: (ctime_ns, size, inode, digest)
StatEntry = tuple[int, int, int, str]


@dataclass
class LoadOutcome:
    """The part of a load's result that follows from its input signature alone.

    ``diagnostics`` holds every finding except those of the configuration and
    of walking the folder (both are worked out again on every run, cheaply),
    already sorted.
    """

    signature: str
    #: the CSV files the KPIs read, each with the hash of its bytes (or why it was not read)
    csv: tuple[tuple[str, str], ...]
    diagnostics: tuple[Diagnostic, ...]
    files_read: int
    #: objectives, KPIs, goals, check-ins
    counts: tuple[int, int, int, int]
    #: the findings of the rules that look across files (all but the files' own),
    #: in the order they were found, duplicates kept (see :mod:`okrsite.edit_check`)
    cross: tuple[Diagnostic, ...] = ()
    #: what :func:`okrsite.edit_figures.figure_watch` notes of these inputs'
    #: figures (``None``: not known, so an edit of any figure is checked in full)
    watch: tuple[str, ...] | None = None


@dataclass
class ParseCache:
    """Parsed files keyed by content hash, plus a stat index to skip re-reading.

    Valid only for one okrsite version and one configuration: the key includes
    both, so a changed ``okrsite.toml`` starts a fresh cache.
    """

    key: tuple[str, ...] = ()
    by_digest: dict[str, ParsedFile] = field(default_factory=dict)
    stats: dict[str, StatEntry] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    # The file list of the last load, and (when a watcher vouches for it) the
    # only files that changed since: then nothing else is listed or stat'ed.
    listing: list[str] | None = None
    pending: set[str] | None = None
    #: the files of ``listing`` that are links: read again after every save a
    #: watcher reports, as the save of what one links to is reported under
    #: that file's name, not the link's (:meth:`changed`)
    linked: set[str] = field(default_factory=set)
    #: the settled folder listings of the last walk (:mod:`okrsite.folder_listings`)
    folders: dict[str, FolderListing] = field(default_factory=dict)
    #: the last load's outcome, reused while its input signature holds
    outcome: LoadOutcome | None = None
    #: scores of an earlier load (any earlier one: scoring compares portfolios)
    scores: ScoreMemo | None = None
    #: the input signature ``scores`` was computed for
    scores_signature: str = ""
    #: what ``static/`` publishes this load (:func:`okrsite.static_listing.listing_print`):
    #: part of the input signature, as links into it are warned of (OKR314)
    static_print: str = field(default="", compare=False)
    #: the preview's last scored portfolio and the input signature it is of
    #: (set only by a load that got to its end; see :mod:`okrsite.edit_check`)
    patch_base: tuple[str, ScoredPortfolio] | None = field(default=None, compare=False)
    #: a parse kept under a content hash that is not in ``by_digest`` (a
    #: stored cache reads the one shard that holds it); ``None``: none kept
    lookup: Callable[[str], ParsedFile | None] | None = field(
        default=None, repr=False, compare=False
    )
    #: loads what a stored cache keeps apart because a load that changes
    #: nothing does not need it (the parsed records and the scores)
    fill: Callable[[ParseCache], None] | None = field(default=None, repr=False, compare=False)

    def reset_if(self, key: tuple[str, ...]) -> None:
        if key != self.key:
            self.key = key
            self.by_digest.clear()
            self.stats.clear()
            self.listing = None
            self.pending = None
            self.linked = set()
            self.folders = {}
            self.outcome = None
            self.scores = None
            self.scores_signature = ""
            self.patch_base = None
            self.fill = None
            self.lookup = None

    def parse_of(self, digest: str) -> ParsedFile | None:
        """The parse kept under ``digest``, wherever it is kept."""
        found = self.by_digest.get(digest)
        if found is None and self.lookup is not None:
            found = self.lookup(digest)
        return found

    def complete(self) -> None:
        """Load the parts kept apart (once); a no-op for a cache held in memory."""
        fill, self.fill = self.fill, None
        if fill is not None:
            fill(self)

    def changed(self, rels: set[str] | None) -> None:
        """A watcher reports these files (site-relative) changed; ``None``: rescan all.

        A listed file that no longer exists, or a new file, needs a new
        listing, so only edits of known files skip the scan. The listed links
        (:attr:`linked`) are always checked again: the file one points to may
        be the one saved, and a watcher names only that file.
        """
        if rels is None or self.listing is None or not rels <= set(self.listing):
            self.pending = None
        else:
            self.pending = (self.pending or set()) | rels | self.linked


def input_signature(
    key: Sequence[str],
    config_raw: bytes | None,
    as_of: date,
    files: Sequence[tuple[str, str]],
) -> str:
    """One hash of everything a load reads besides the CSV files: the parse key,
    the configuration's bytes, as_of, and each file's path and content hash (or
    the reason it was refused)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update("\0".join(key).encode())
    digest.update(b"\1" + (config_raw if config_raw is not None else b"\2no config"))
    digest.update(b"\1" + as_of.isoformat().encode() + b"\1")
    digest.update("\n".join(map("\0".join, files)).encode())
    return digest.hexdigest()


def content_digest(rel: str, raw: bytes) -> str:
    """The hash a file's parse is kept under (its path is part of what it parses to)."""
    # surrogateescape: a name that is not UTF-8 is hashed too (and refused: OKR016)
    name = rel.encode("utf-8", "surrogateescape")
    return hashlib.blake2b(name + b"\0" + raw, digest_size=16).hexdigest()
