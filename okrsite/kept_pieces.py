"""Rendered history timelines kept between builds, by a fingerprint of what each shows.

A CI job restores the cache folder, not the output folder, so after one new
commit ``okrsite build`` renders every page again; yet the commit changed
the timelines of a few goals only, and rendering the other goals' 100,000
timeline lines again was most of what history added to such a build. The
partial ``partials/history_timeline.html`` is a function of its variables
and of what every page reads (okrsite's code, the theme, the site's
templates and translations, ``okrsite.toml``: the page cache's site
fingerprint, :func:`okrsite.page_cache.site_fingerprint`), so its output is
kept in ``pieces/<site fingerprint>.pickle`` of the cache folder under a
fingerprint of its variables, and used again when the same variables come.

Render workers add what they render to a segment file of their own after
each chunk of pages (:meth:`KeptPieces.flush`; the build's own process
keeps its pieces in memory); the build merges the segments and writes the
store once all pages are written (:meth:`KeptPieces.commit`). Each entry
carries the number of the last build that used it; past :data:`SPARE`
times the number of timelines a build of every page uses, the least
recently used entries go (mostly timelines that a later commit changed).
The store is read with an unpickler that builds plain values only, and
anything unexpected in it is treated as no store at all: the pieces are
rendered again.

After one commit a build renders a few hundred timelines of 10,000 and uses
the others again; writing the whole store (52 MB at 10,000 objectives) for
that was most of what keeping them cost. So a build writes what it changed
as the next *link* of a chain beside the store (``<name>-link-1.delta``, …:
the pieces it added, the keys it used, the keys it dropped), and the store
itself only when the chain would pass :data:`_MAX_LINKS` links or its added
pieces :data:`_LINKS_SHARE` of the store's (the chain is folded in). Each
link names the store's random token and the previous link's, so a link
after a damaged, missing or replaced one, or left from an older chain, is
never applied: the store and the links before it are an older state, which
is only less complete (every piece is keyed by what it shows). Each file (store and segment) ends in a checksum of its
bytes (:mod:`okrsite.cache_checksum`), verified before it is unpickled, so
a bit flipped on disk never puts a wrong piece in a page.

The HTML of objective, KPI, goal, team, person and page bodies is kept the
same way, in ``markdown/`` of the cache folder, by the text it was
converted from (:meth:`KeptPieces.text`): a build after one edit then
converts no body it converted before, and most never import markdown-it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from okrsite.cache_checksum import SealedWriter, opened_verified
from okrsite.value_prints import Printer, forked_printer

__all__ = ["KEPT", "MARKDOWN_FOLDER", "KeptPieces"]

#: the partials kept between builds (each a function of its variables)
KEPT = frozenset({"history_timeline.html"})
FOLDER = "pieces"
#: where bodies' HTML is kept, by their Markdown (KeptPieces.text)
MARKDOWN_FOLDER = "markdown"
#: the store's format: 2 ends in a checksum (:mod:`okrsite.cache_checksum`),
#: so a store damaged on disk is never used; 3 names a random token its chain
#: of links names (a store of 1 or 2 is foreign)
_FORMAT = 3
#: the most links a chain holds before it is folded into the store
_MAX_LINKS = 8
#: the most pieces a chain's links may add, as a share of the store's, before
#: it is folded into the store (so reading the chain never costs much more)
_LINKS_SHARE = 0.5
#: how many entries the store may hold, as a multiple of what a build of every
#: page uses (or of what the last build used, if more)
SPARE = 2


class _PlainUnpickler(pickle.Unpickler):
    """Only strings, bytes, numbers, tuples, lists and dicts (a cache folder may come from elsewhere)."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused to build {module}.{name} from the pieces cache")


def _read(path: Path) -> Any:
    try:
        with opened_verified(path) as fh:
            return None if fh is None else _PlainUnpickler(fh).load()
    except Exception:  # missing, partial or edited by hand: as if there were none
        return None


def _write(path: Path, value: object) -> None:
    """``value`` pickled to ``path``, ending in its checksum."""
    with open(path, "wb") as fh:
        out = SealedWriter(fh)
        pickle.dump(value, out, protocol=5)
        out.seal()


class KeptPieces:
    """The kept pieces of one build (opened by ``okrsite build`` under the page cache's lock)."""

    def __init__(self, cache_folder: Path, site_print: bytes, folder: str = FOLDER) -> None:
        self.folder = cache_folder / folder
        self.name = site_print.hex()
        self.generation = 0
        #: key → (generation of the last build that used it, rendered text)
        self.stored: dict[bytes, tuple[int, str]] = {}
        #: the store's token and each applied link's (token, pieces it added)
        self.base_token = ""
        self.chain: list[tuple[str, int]] = []
        #: whether the links on disk are exactly those applied (if not, the next write folds)
        self.chain_whole = True
        data = _read(self.folder / f"{self.name}.pickle")
        if _valid(data):
            self.generation, self.stored, self.base_token = data[1], data[2], data[3]
            self._apply_links()
        self.token = os.urandom(6).hex()
        #: the build's own process, which keeps what it renders until commit()
        self.owner = os.getpid()
        #: the process whose pieces ``new``, ``used`` and ``reused`` hold
        self._holder = self.owner
        self.new: dict[bytes, str] = {}
        self.used: set[bytes] = set()
        self.reused = 0
        self._segments = 0
        self._printer: tuple[int, Printer] | None = None

    def share_printer(self, printer: Printer) -> None:
        """Take fingerprints in this process with ``printer``, the one the page
        cache's prints of this process come from (forked workers use theirs)."""
        self._printer = (os.getpid(), printer)

    def printer(self) -> Printer:
        """The printer of this process: the build's own (:meth:`share_printer`)
        or, in a forked worker, the worker's."""
        own = self._printer
        return own[1] if own is not None and own[0] == os.getpid() else forked_printer()

    def get(self, name: str, variables: dict[str, Any], render: Any) -> Markup:
        """Partial ``name`` with these variables: kept, or rendered by ``render()`` and kept.

        The timeline's fingerprint comes from the worker's printer, which the
        page cache then asks for the same value's fingerprint: it is taken once.
        """
        printer = self.printer()
        digest = hashlib.blake2b(name.encode(), digest_size=16)
        for variable in sorted(variables):
            digest.update(
                b"\0" + variable.encode() + b"\0" + printer.remembered(variables[variable])
            )
        return Markup(self._kept(digest.digest(), render))

    def text(self, name: str, source: str, render: Callable[[], str]) -> str:
        """What ``render()`` makes of the text ``source`` (Markdown to HTML, say):
        kept, or rendered and kept. Keyed by the text itself, no printer needed."""
        digest = hashlib.blake2b(name.encode() + b"\0", digest_size=16)
        digest.update(source.encode("utf-8", "surrogatepass"))
        return self._kept(digest.digest(), render)

    def _kept(self, key: bytes, render: Callable[[], Any]) -> str:
        if self._holder != os.getpid():
            # a worker forked after the build's process rendered some pages: what
            # it inherited is the build's to hand over, not the worker's
            self.new, self.used, self.reused = {}, set(), 0
            self._holder = os.getpid()
        self.used.add(key)
        hit = self.stored.get(key)
        if hit is not None:
            self.reused += 1
            return hit[1]
        text = self.new.get(key)
        if text is None:
            text = self.new[key] = str(render())
        return text

    def flush(self) -> None:
        """In a render worker, after a chunk: hand what it rendered and used to the build.

        The build's own process renders chunks too; what it renders stays in
        memory for :meth:`commit`, with no segment to write and read back."""
        pid = os.getpid()
        if pid == self.owner or pid != self._holder or (not self.new and not self.used):
            return  # the build's own pieces, or only what a worker inherited from it
        self._segments += 1
        part = self.folder / f"{self.name}-{self.token}-{os.getpid()}-{self._segments}.part"
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            _write(part, (self.reused, sorted(self.used), self.new))
            self.new, self.used, self.reused = {}, set(), 0

    def commit(self, expected: int = 0) -> int:
        """After the pages are written: merge the workers' segments and store the
        pieces; remove stores of other site fingerprints. The count reused.

        ``expected``: how many pieces a build that renders every page uses (one
        timeline per objective and KPI): the store keeps :data:`SPARE` times
        that many, so a build that rendered a few pages does not drop the
        pieces of the others."""
        reused, used, new = self.reused, set(self.used), dict(self.new)
        for part in self._parts():
            data = _read(part)
            if (
                isinstance(data, tuple)
                and len(data) == 3
                and isinstance(data[0], int)
                and isinstance(data[1], list)
                and isinstance(data[2], dict)
            ):
                reused += data[0]
                used.update(k for k in data[1] if isinstance(k, bytes))
                new.update(
                    (k, v) for k, v in data[2].items() if type(k) is bytes and type(v) is str
                )
        if (
            not new
            and used <= self.stored.keys()
            and all(self.stored[k][0] == self.generation for k in used)
        ):
            self._clean()
            return reused
        generation = self.generation + 1
        pieces = {k: ((generation, v[1]) if k in used else v) for k, v in self.stored.items()}
        pieces.update((k, (generation, text)) for k, text in new.items())
        limit = SPARE * max(len(used), expected, 1)
        dropped: list[bytes] = []
        if len(pieces) > limit:
            newest = sorted(pieces.items(), key=lambda item: item[1][0], reverse=True)
            dropped = [k for k, _ in newest[limit:]]
            pieces = dict(newest[:limit])
        added = {k: text for k, text in new.items() if k in pieces}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self._fits_a_link(len(added) + len(dropped)):
                link = (
                    _FORMAT,
                    self.base_token,
                    self.chain[-1][0] if self.chain else self.base_token,
                    os.urandom(8).hex(),
                    generation,
                    sorted(k for k in used if k in pieces and k not in added),
                    added,
                    dropped,
                )
                self._replace(self._link_path(len(self.chain) + 1), link)
                self.chain.append((link[3], len(added) + len(dropped)))
            else:  # the chain folded in: the whole store, under a new token
                self.base_token, self.chain = os.urandom(8).hex(), []
                self._replace(
                    self.folder / f"{self.name}.pickle",
                    (_FORMAT, generation, pieces, self.base_token),
                )
            self.chain_whole = True
        except OSError:
            pass
        self._clean()
        return reused

    def _fits_a_link(self, size: int) -> bool:
        """Whether what this build changed goes into the next link of the chain:
        there is a whole chain on a store, and it stays short and small."""
        return (
            bool(self.base_token)
            and self.chain_whole
            and len(self.chain) < _MAX_LINKS
            and sum(n for _, n in self.chain) + size <= _LINKS_SHARE * len(self.stored)
        )

    def _replace(self, target: Path, value: object) -> None:
        """``value`` written to ``target`` whole or not at all (a temporary file renamed)."""
        temp = self.folder / f"{self.name}-{self.token}.tmp"
        try:
            _write(temp, value)
            os.replace(temp, target)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise

    def _link_path(self, number: int) -> Path:
        return self.folder / f"{self.name}-link-{number}.delta"

    def _apply_links(self) -> None:
        """Apply the links that follow the store's chain, in order, to ``stored``;
        stop at the first that does not (damaged, missing, of another store or
        chain): neither it nor any after it is applied."""
        previous = self.base_token
        for number in range(1, _MAX_LINKS + 1):
            link = _read(self._link_path(number))
            if link is None and not self._link_path(number).exists():
                break  # the chain's end (unless a later link is left: see below)
            if not (_valid_link(link) and link[1] == self.base_token and link[2] == previous):
                self.chain_whole = False
                return
            generation, used, added, dropped = link[4], link[5], link[6], link[7]
            if generation <= self.generation:
                self.chain_whole = False
                return
            stored = self.stored
            for key in used:
                hit = stored.get(key)
                if hit is not None:
                    stored[key] = (generation, hit[1])
            for key, text in added.items():
                stored[key] = (generation, text)
            for key in dropped:
                stored.pop(key, None)
            self.generation = generation
            previous = link[3]
            self.chain.append((previous, len(added) + len(dropped)))
        if self._link_path(len(self.chain) + 2).exists():
            self.chain_whole = False  # a link after a missing one: fold, and it goes

    def abort(self) -> None:
        """A failed build: forget what its workers handed over."""
        for part in self._parts():
            with contextlib.suppress(OSError):
                part.unlink()

    def _parts(self) -> list[Path]:
        try:
            return sorted(self.folder.glob(f"{self.name}-{self.token}-*.part"))
        except OSError:
            return []

    def _clean(self) -> None:
        """Remove every file but this site's store and its chain's links:
        segments (this build's are merged, others are left by builds that were
        killed), links no longer applied, and stores of earlier themes or settings."""
        keep = {f"{self.name}.pickle"} | {
            self._link_path(number).name for number in range(1, len(self.chain) + 1)
        }
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.name not in keep and entry.is_file():
                with contextlib.suppress(OSError):
                    entry.unlink()


def _valid(data: Any) -> bool:
    if not (isinstance(data, tuple) and len(data) == 4 and data[0] == _FORMAT):
        return False
    if type(data[1]) is not int or not isinstance(data[2], dict) or type(data[3]) is not str:
        return False
    return bool(data[3]) and all(
        type(k) is bytes
        and type(v) is tuple
        and len(v) == 2
        and type(v[0]) is int
        and type(v[1]) is str
        for k, v in data[2].items()
    )


def _valid_link(data: Any) -> bool:
    """A link of format :data:`_FORMAT`: (format, store's token, previous token,
    own token, generation, keys used, pieces added, keys dropped), plain values."""
    if not (isinstance(data, tuple) and len(data) == 8 and data[0] == _FORMAT):
        return False
    if not all(type(data[i]) is str for i in (1, 2, 3)) or type(data[4]) is not int:
        return False
    used, added, dropped = data[5], data[6], data[7]
    if type(used) is not list or type(added) is not dict or type(dropped) is not list:
        return False
    return (
        all(type(k) is bytes for k in used)
        and all(type(k) is bytes for k in dropped)
        and all(type(k) is bytes and type(v) is str for k, v in added.items())
    )
