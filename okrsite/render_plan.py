"""The render plan: which pages to render, rendering them, and writing them.

``okrsite build`` and ``okrsite serve`` both go through here. :func:`pages_to_render`
says which pages a change affects (all of them, or the ones whose recorded
dependencies changed, :mod:`okrsite.dependencies`); :func:`render_and_write` renders a whole
site in forked workers (:mod:`okrsite.fork_pool`) that write their pages
into the staging folder themselves; :func:`render_files` renders a list of
pages in this process for the preview's writer. This module is the one place
where a template error becomes a located diagnostic, also inside a forked
worker, where the traceback that locates a runtime error exists only until
the exception is sent to the parent.
"""

from __future__ import annotations

import gc
import os
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from okrsite.dependencies import Dep
from okrsite.diagnostics import Diagnostic, error
from okrsite.fork_pool import can_fork, forked_pool, shared
from okrsite.gcpause import ChunkCollections, paused_gc
from okrsite.page_cache import plain_piece
from okrsite.read_numbers import NumberedReads, WorkerNumbers
from okrsite.render import PAGE_NOTE, PageKey, SiteRenderer
from okrsite.render_deadline import RenderTooLong, deadline
from okrsite.sitefiles import UnsafeFileError
from okrsite.template_hints import BUILD_AGAIN, in_gettext
from okrsite.template_references import not_found_hint
from okrsite.theme import ThemeError, builtin_themes_dir
from okrsite.theme_find import theme_diagnostic
from okrsite.value_prints import Printer, before_forking, forked_printer
from okrsite.writer import StagedOutput

if TYPE_CHECKING:  # imported only by a render that forks (okrsite.fork_pool)
    from concurrent.futures import Future

__all__ = [
    "RenderFailed",
    "pages_to_render",
    "render_and_write",
    "render_files",
    "render_diagnostic",
    "template_diagnostic",
]

#: a site with fewer pages renders in one process (forking costs more). A
#: build after one edit of a large site renders a few large pages (the
#: dashboard, the alignment tree) and the site-wide files: rendering those
#: pages in a forked worker at 10,000 objectives took 2.1 s off 15.8 s, but
#: added 3 CPU seconds and 250 MiB (the worker's copies of the pages it
#: touched: 1,068 MiB in all), past the 1 GB a build may use, so it renders
#: in one process
PARALLEL_PAGES = 400
CHUNK = 250


class RenderFailed(Exception):
    """Rendering stopped on a mistake in a template or theme, already located."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic

    def __reduce__(self) -> tuple[Any, ...]:  # crosses from a worker to the parent
        return (RenderFailed, (self.diagnostic,))


#: what the file name of a template compiled from source ends with
TEMPLATE_SUFFIXES = (".html", ".xml", ".txt", ".svg")


def _template_frames(exc: BaseException) -> list[tuple[str, int]]:
    """The template lines on ``exc``'s way up, outermost first.

    Jinja rewrites a failed render's traceback so that a template compiled
    from source shows as its file and line (the shipped theme's templates are
    compiled ahead into Python modules and do not)."""
    found = []
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(TEMPLATE_SUFFIXES):
            found.append((name, tb.tb_lineno))
        tb = tb.tb_next
    return found


def _template_frame(exc: BaseException) -> tuple[str, int] | None:
    """The innermost template line on ``exc``'s way up, if any."""
    frames = _template_frames(exc)
    return frames[-1] if frames else None


def _within(file: str, folder: Path) -> str | None:
    """``file`` relative to ``folder`` (POSIX), or ``None`` when it is outside."""
    try:
        return Path(file).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None


def _shipped_name(file: str) -> str:
    """A template of a theme shipped with okrsite, named as a site's template
    names it (``default:partials/status_badge.html``), not by its place in
    okrsite's install."""
    shipped = _within(file, builtin_themes_dir())
    if shipped is None:
        return file
    theme, _, rest = shipped.partition("/")
    return f"{theme}:{rest.removeprefix('templates/')}"


def _caller_in_site(exc: BaseException, site_root: Path) -> tuple[str, int, str] | None:
    """Where the site's own template called the shipped theme's template the
    error happened in (``{{ partial("status_badge.html") }}`` without its
    ``status``): the site's file and line, and a note naming the shipped
    template's line. ``None`` when the error is in the site's own template,
    or no template of the site is on the way."""
    frames = _template_frames(exc)
    if not frames or _within(frames[-1][0], site_root) is not None:
        return None
    for file, line in reversed(frames):
        rel = _within(file, site_root)
        if rel is not None:
            inner, inner_line = frames[-1]
            return rel, line, f"in {_shipped_name(inner)}, line {inner_line}, used here"
    return None


def template_diagnostic(exc: BaseException, site_root: Path) -> Diagnostic:
    """A theme or template-override mistake, located in the template file.

    ``exc`` is Jinja's error, or any error raised while a template compiled
    from source ran (``{{ 1 // 0 }}``, ``{{ percent("abc") }}``): the
    template's mistake, said in its words, never a traceback."""
    file = getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None)
    where = ""
    if file is None:
        # a runtime error (an undefined variable, say): Jinja rewrites the
        # traceback so template frames carry the template's file and line
        frame = _template_frame(exc)
        if frame is not None:
            file, line = frame
        caller = _caller_in_site(exc, site_root)
        if caller is not None:  # the site's call is what to fix, not okrsite's theme
            file, line, where = caller[0], caller[1], f" ({caller[2]})"
    if file:
        file = _within(file, site_root) or _shipped_name(file)
    if isinstance(exc, jinja2.TemplateNotFound):
        return error(
            "THM001",
            f"template {exc.name!r} was not found in the theme",
            file,
            line=line,
            hint=getattr(exc, "hint", None) or not_found_hint(str(exc.name)),
        )
    if isinstance(exc, jinja2.TemplateError):
        what = (exc.message or str(exc)).rstrip(".")  # "No filter named 'shout'.", then more
    elif isinstance(exc, KeyError) and str(exc):  # objective_item(root, "no/such-id")
        what = f"no such id or key: {exc} (KeyError)"
    else:
        what = f"{exc} ({type(exc).__name__})" if str(exc) else type(exc).__name__
    if isinstance(exc, RecursionError):
        return error(
            "THM002",
            "template error: rendering went too deep: a template extends or includes "
            f"itself, directly or through others, or a macro calls itself too many times{where}",
            file,
            line=line,
            hint="to build on the theme's template of the same name, prefix the theme: "
            '{% extends "default:base.html" %}; a macro that calls itself needs a condition '
            "that ends it within a few hundred calls",
        )
    if isinstance(exc, (ValueError, TypeError)) and in_gettext(exc):
        return error(
            "THM002",
            f"template error: a translated text has a % that is no placeholder: {what}{where}",
            file,
            line=line,
            hint="write %% for a percent sign in the text of _(), gettext, ngettext and "
            '{% trans %} ({{ _("Up 5%% this week") }}), and %(name)s for a value',
        )
    page = getattr(exc, PAGE_NOTE, None)
    if page and not isinstance(exc, jinja2.TemplateSyntaxError):
        return error(
            "THM002",
            f"template error: {what}{where}, rendering {page}",
            file,
            line=line,
            hint=f"look at what {page} shows there: a value may be empty or of another "
            "kind on that page (guard it with {% if … %}); " + BUILD_AGAIN[1],
        )
    return error(
        "THM002",
        f"template error: {what}{where}",
        file,
        line=line,
        column=getattr(exc, "column", None),
        hint=BUILD_AGAIN[0],
    )


def render_diagnostic(exc: BaseException, site_root: Path) -> Diagnostic | None:
    """The diagnostic for a failed render, or ``None`` if it is not the theme's fault."""
    if isinstance(exc, RenderFailed):
        return exc.diagnostic
    if isinstance(exc, jinja2.TemplateError):
        return template_diagnostic(exc, site_root)
    if isinstance(exc, UnsafeFileError):  # a static file or template that may not be read
        return exc.diagnostic()
    if isinstance(exc, ThemeError):
        return theme_diagnostic(exc, site_root)
    if isinstance(exc, Exception) and _template_frame(exc) is not None:
        return template_diagnostic(exc, site_root)
    return None


def _located(site_root: Path, work: Callable[[], Any]) -> Any:
    try:
        with deadline():
            return work()
    except (jinja2.TemplateError, RenderTooLong) as exc:  # a loop too long: at its line
        raise RenderFailed(template_diagnostic(exc, site_root)) from None
    except UnsafeFileError as exc:  # located here: it would not survive pickling to the parent
        raise RenderFailed(exc.diagnostic()) from None
    except Exception as exc:
        if _template_frame(exc) is None:
            raise  # okrsite's own mistake, not the template's
        raise RenderFailed(template_diagnostic(exc, site_root)) from None


def pages_to_render(
    site: SiteRenderer,
    known: Mapping[PageKey, frozenset[Dep]] | None,
    changed: Set[Dep] | None,
) -> list[PageKey]:
    """Every page (``changed`` or ``known`` is ``None``), or the pages a change
    affected: those whose dependencies recorded when they were last rendered
    (``known``) meet the ``changed`` keys (:func:`okrsite.dependencies.changed_keys`),
    and pages not rendered before."""
    keys = site.page_keys()
    if known is None or changed is None:
        return keys
    return [k for k in keys if k not in known or not known[k].isdisjoint(changed)]


def render_files(
    site: SiteRenderer,
    site_root: Path,
    keys: Iterable[PageKey],
    *,
    assets: bool = False,
    badges_for: Iterable[str] | None = None,
) -> dict[str, bytes]:
    """These pages (and, with ``assets``, the site-wide files), in this process."""

    def work() -> dict[str, bytes]:
        files = site.render_assets(badges_for=badges_for) if assets else {}
        files.update(site.render_pages(keys))
        return files

    result: dict[str, bytes] = _located(site_root, work)
    return result


#: the memoised pieces (``RenderMemo``) that go back to the parent for the page cache
PIECE_KINDS = ("items", "nodes", "exports", "entries", "badges")

#: what a chunk sends back for the page cache: the pid of the process that
#: rendered it, the dependencies new to its numbering with their
#: fingerprints, each page's reads and each new piece (with its reads) in
#: its numbers, the content hash of each file, the numbering's base and the
#: prints of the build table's dependencies the page cache did not take
#: (``NumberedReads.unknown``) that the chunk read
Reads = tuple[
    int,
    list[Dep],
    list[bytes],
    dict[PageKey, bytes],
    dict[str, dict[Any, tuple[Any, bytes]]],
    dict[str, bytes] | None,
    int,
    dict[int, bytes],
]

#: what a render process inherits: the site, the staging folder, the site
#: folder and whether the page cache wants what pages read
State = tuple[SiteRenderer, StagedOutput, Path, bool]


class ChunkRenderer:
    """One process's rendering of chunks of pages: a forked worker's, or the
    parent's own share (the parent renders too, so a build forks one worker
    fewer than it has jobs: each forked worker soon holds a private copy of
    most of the parent's memory, which its reads of the portfolio touch).

    It numbers what its pages read in its own table (:class:`WorkerNumbers`,
    seeded with the build's table as the page cache stored it), fingerprints
    the dependencies new to that table, and remembers which memoised pieces
    it has sent, so each chunk sends only what is new."""

    def __init__(
        self,
        site: SiteRenderer,
        *,
        here: bool = False,
        reads: NumberedReads | None = None,
        exits: bool = False,
    ) -> None:
        #: seeded with the build's table (``reads``: the page cache's
        #: numbering, whose dependencies it printed while planning): after an
        #: edit, the pages and site-wide files read little that is not in it,
        #: and numbering, printing and sending all of it again took about a
        #: second at 10,000 objectives
        self.numbers = WorkerNumbers(reads.table if reads is not None else None)
        #: numbers of the table whose prints nobody took yet
        #: (``NumberedReads.unknown``), and the table's dependencies in order
        self.unprinted: set[int] = set(reads.unknown) if reads is not None else set()
        self.order: Sequence[Dep] = reads.order if reads is not None else ()
        #: the memoised pieces sent already, by kind (those the parent had
        #: before forking, from the page cache, are never sent)
        self.sent = {kind: set(getattr(site.memo, kind)) for kind in PIECE_KINDS}
        #: in the parent: pieces stay as they are (the page cache makes them
        #: plain values when it saves), and the digests stay in ``staged``
        self.here = here
        self.printer = Printer() if here else forked_printer()
        #: a forked worker ends after the pool; the parent when ``exits``
        self.collections = ChunkCollections(exits or not here)

    def render(
        self, state: State, keys: list[PageKey] | None, *, more: bool = True
    ) -> tuple[list[str], int, int, Reads | None]:
        """Render these pages (or, for ``None``, the site-wide files) and
        write them into the staging folder; with ``want_deps``, also what
        each page read, numbered, and the fingerprints of what was read
        that this process has not sent before (taken here, they run on
        every core). ``more``: this process may render more chunks after it."""
        site, staged, site_root, want_deps = state
        # The collector is paused while rendering; a chunk that more may
        # follow may end with a young-generation collection (ChunkCollections),
        # in case a theme's templates make reference cycles; the last does not
        # (it would walk every object the chunk made to free memory the process
        # gives back anyway). What the chunk made and needs no more (its pages'
        # reads once numbered, the pieces kept only within a chunk) is let go
        # before it: pages and pieces of 250 pages held some 20,000 objects.
        numbers = self.numbers
        pages: dict[PageKey, bytes] = {}
        with paused_gc():
            self.collections.before_chunk()
            try:
                files = _located(
                    site_root,
                    lambda: site.render_assets() if keys is None else site.render_pages(keys),
                )
                written, unchanged = staged.write(files)
                if want_deps:  # the process needs a page's reads no more once they are numbered
                    pages = {key: numbers.number(site.page_deps.pop(key)) for key in keys or ()}
                site.forget_chunk_pieces()
            finally:
                if more:
                    self.collections.after_chunk()
        if not want_deps:
            return list(files), written, unchanged, None
        plain = _as_is if self.here else plain_piece
        pieces: dict[str, dict[Any, tuple[Any, bytes]]] = {}
        for kind in PIECE_KINDS:
            sent = self.sent[kind]
            memo = getattr(site.memo, kind)
            fresh = memo.keys() - sent
            sent.update(fresh)
            # as plain values: the parent only stores them (okrsite.page_cache)
            pieces[kind] = {
                key: (plain(memo[key][0]), numbers.number(memo[key][1])) for key in fresh
            }
        new = numbers.new()
        collections = site.recorder.collections
        prints = self.printer.deps(collections, new)
        seeded = self._unprinted_read(collections, pages, pieces)
        digests = None
        if not self.here and staged.digests is not None:
            digests, staged.digests = staged.digests, {}  # each chunk sends only its own
        chunk_reads = (os.getpid(), new, prints, pages, pieces, digests, numbers.base, seeded)
        return list(files), written, unchanged, chunk_reads

    def _unprinted_read(
        self,
        collections: Mapping[str, Any],
        pages: Mapping[PageKey, bytes],
        pieces: Mapping[str, Mapping[Any, tuple[Any, bytes]]],
    ) -> dict[int, bytes]:
        """The prints of the table's unprinted dependencies (:attr:`unprinted`)
        that these pages and pieces read, each taken once per process."""
        if not self.unprinted:
            return {}
        read: set[int] = set()
        for packed in pages.values():
            read.update(array("I", packed))
        for entries in pieces.values():
            for _, packed in entries.values():
                read.update(array("I", packed))
        hits = sorted(read & self.unprinted)
        if not hits:
            return {}
        self.unprinted.difference_update(hits)
        order = self.order
        prints = self.printer.deps(collections, [order[i] for i in hits])
        return dict(zip(hits, prints, strict=True))


def _as_is(value: Any) -> Any:
    return value


#: in a render worker: its chunk renderer (made at its first chunk)
_WORKER: list[ChunkRenderer] = []


#: the build's reads as the workers forked next inherit them: its table of
#: dependencies (see ``ChunkRenderer.numbers``)
_READS: list[NumberedReads] = []


def _render_chunk(keys: list[PageKey] | None) -> tuple[list[str], int, int, Reads | None]:
    """In a forked worker: :meth:`ChunkRenderer.render` with the state it inherited."""
    state: State = shared()
    if not _WORKER:
        reads = _READS[0] if _READS else None
        _WORKER.append(ChunkRenderer(state[0], reads=reads))
    # a chunk smaller than the others is the last of the build, or its only one
    return _WORKER[0].render(state, keys, more=keys is None or len(keys) >= CHUNK)


def forks_workers(jobs: int, pages: int) -> bool:
    """Whether :func:`render_and_write` renders this many pages in forked workers."""
    return jobs > 1 and pages >= PARALLEL_PAGES and can_fork()


def render_and_write(
    site: SiteRenderer,
    site_root: Path,
    staged: StagedOutput,
    jobs: int,
    progress: Callable[[int, int], None] | None = None,
    *,
    keys: list[PageKey] | None = None,
    want_deps: bool = False,
    assets: bool = True,
    reads: NumberedReads | None = None,
    meanwhile: Callable[[], object] | None = None,
    exits: bool = False,
) -> tuple[set[str], int, int]:
    """Render every page (or these ``keys``) and the site-wide files and write
    them into ``staged``, in this process and ``jobs - 1`` forked ones.

    Workers inherit the scored portfolio and the compiled templates through
    fork and write their pages themselves, so no page travels between
    processes; only paths and counts come back, and with ``want_deps`` what
    each page and memoised piece read, numbered, with the fingerprints of
    what was read, into ``reads`` (the parent's own chunks go there too).
    In one process (a small site, one job), what pages read goes to
    ``site.page_deps`` and ``site.memo`` instead. ``assets`` false leaves
    out the site-wide files. ``meanwhile`` is done in this process while
    forked workers render (after its first chunk), if there are any.
    ``exits``: this process ends after the build (``okrsite build``), so it
    spares itself most collections between chunks, as forked workers do
    (:class:`~okrsite.gcpause.ChunkCollections`). Raises :class:`RenderFailed`.
    """
    if keys is None:
        keys = site.page_keys()
    chunks: list[list[PageKey] | None] = [keys[i : i + CHUNK] for i in range(0, len(keys), CHUNK)]
    if forks_workers(jobs, len(keys)):
        return _render_forked(
            site,
            site_root,
            staged,
            jobs,
            progress,
            chunks,
            want_deps,
            assets,
            reads,
            meanwhile,
            exits,
        )
    if assets:
        chunks.insert(0, None)  # the site-wide files
    paths: set[str] = set()
    written = unchanged = done = 0
    with paused_gc():
        for number, chunk in enumerate(chunks, 1):
            files = render_files(site, site_root, chunk or [], assets=chunk is None)
            w, u = staged.write(files)
            paths.update(files)
            written, unchanged = written + w, unchanged + u
            done += 0 if chunk is None else len(files)
            if number < len(chunks):  # as in ChunkRenderer.render: not after the last
                gc.collect(1)
            if progress is not None and chunk is not None:
                progress(done, len(keys))
    return paths, written, unchanged


def _render_forked(
    site: SiteRenderer,
    site_root: Path,
    staged: StagedOutput,
    jobs: int,
    progress: Callable[[int, int], None] | None,
    chunks: list[list[PageKey] | None],
    want_deps: bool,
    assets: bool,
    reads: NumberedReads | None,
    meanwhile: Callable[[], object] | None = None,
    exits: bool = False,
) -> tuple[set[str], int, int]:
    """:func:`render_and_write` in ``jobs - 1`` forked workers and this process.

    Every chunk is submitted at once, and workers take them from the front,
    in the order submitted (each worker's numbers build on those of its
    earlier chunks, so its chunks are taken in that order). This process
    renders the site-wide files first (whose exports pieces it keeps for the
    page cache, instead of receiving them), then takes chunks back from the
    end of the queue, one at a time, as long as no worker has started them
    (a pending future can be cancelled). So no worker waits for this process
    to hand it more: the site-wide files (10,000 badges and the exports at
    10,000 objectives) take this process some 9 s, in which a worker that had
    only a few chunks queued sat idle for 6 s."""
    total = sum(len(chunk or ()) for chunk in chunks)
    paths: set[str] = set()
    counts = [0, 0, 0]  # written, unchanged, pages done
    state: State = (site, staged, site_root, want_deps)

    def take(result: tuple[list[str], int, int, Reads | None]) -> None:
        names, w, u, sent = result
        if sent is not None:
            worker, new, prints, pages, pieces, digests, base, seeded = sent
            if reads is not None:
                reads.take(worker, new, prints, pages, pieces, base, seeded)
            if digests is not None and staged.digests is not None:
                staged.digests.update(digests)
        paths.update(names)
        counts[0] += w
        counts[1] += u
        counts[2] += len(names)
        if progress is not None:
            progress(min(counts[2], total), total)

    def take_first() -> None:
        future = futures.popleft()[1]
        if future.exception() is not None:
            for _, other in futures:  # stop at the first mistake
                other.cancel()
        take(future.result())

    own: deque[list[PageKey] | None] = deque([None] if assets else [])
    futures: deque[tuple[list[PageKey] | None, Future[tuple[list[str], int, int, Reads | None]]]]
    futures = deque()
    workers = jobs - 1
    before_forking()
    _WORKER.clear()
    _READS[:] = [reads] if reads is not None else []
    here = ChunkRenderer(site, here=True, reads=reads, exits=exits)
    if site.partial.timelines is not None:  # one fingerprint per timeline, for both
        site.partial.timelines.share_printer(here.printer)
    with paused_gc(), forked_pool(state, workers) as pool:
        for chunk in chunks:
            futures.append((chunk, pool.submit(_render_chunk, chunk)))
        while own or futures:
            while futures and futures[0][1].done():
                take_first()
            # the site-wide files, or the last chunk no worker has started
            # (withdrawn from the pool: a pending future can be cancelled)
            mine: list[PageKey] | None = None
            have = bool(own)
            if have:
                mine = own.popleft()
            elif futures and futures[-1][1].cancel():
                mine, have = futures.pop()[0], True
            if have:
                try:
                    take(here.render(state, mine, more=bool(own or futures)))
                    if meanwhile is not None and futures:  # while the workers render
                        work, meanwhile = meanwhile, None
                        work()
                except BaseException:
                    for _, other in futures:
                        other.cancel()
                    raise
            elif futures:
                take_first()
    _READS.clear()
    return paths, counts[0], counts[1]
