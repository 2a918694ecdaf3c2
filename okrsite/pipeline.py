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

import os
import time
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from okrsite.config import CONFIG_FILE, SiteConfig, parse_config
from okrsite.config_unread import salvaged_config, settings_unread, without_unread_consequences
from okrsite.content_names import copy_warnings, windows_name_warnings
from okrsite.content_submodules import is_submodule_finding
from okrsite.cycle_names import with_current_cycle, with_fiscal_setting_refused
from okrsite.default_cycle_ended import ended_default_cycle_warnings
from okrsite.diagnostics import Diagnostic, error, sorted_diagnostics
from okrsite.due_words import in_year_of
from okrsite.edit_figures import figure_watch
from okrsite.folder_listings import SETTLED_NS, FolderListings
from okrsite.fork_pool import can_fork
from okrsite.gcpause import paused_gc
from okrsite.load_cache import LoadOutcome, input_signature
from okrsite.load_cache import ParseCache as ParseCache  # where callers have always found it
from okrsite.md_links import link_warnings, nfc_files
from okrsite.missing_date_hint import with_missing_date_day
from okrsite.parallel_parse import walk_and_parse
from okrsite.parse import ParsedFile, parse_csv
from okrsite.pipeline_files import FileTree as FileTree
from okrsite.pipeline_files import KnownFiles as KnownFiles
from okrsite.pipeline_files import MappingTree as MappingTree
from okrsite.pipeline_files import SourceTree as SourceTree
from okrsite.pipeline_files import _locate, _near_file, _tree_problems
from okrsite.pipeline_files import entry_path as entry_path
from okrsite.pipeline_result import LoadResult as LoadResult
from okrsite.pipeline_result import portfolio_counts as portfolio_counts
from okrsite.pipeline_reuse import _inputs, _reused, _what_was_read
from okrsite.pipeline_scan import (
    _cold_cache,
    _parse_all,
    _parse_scanned,
    _Scan,
    _scan,
    _walk_hash_and_parse,
)
from okrsite.pipeline_scan import parse_cache_key as parse_cache_key
from okrsite.quality import quality_warnings
from okrsite.resolve import resolve
from okrsite.scoring import ScoreMemo, score_portfolio
from okrsite.sibling_data_files import unnamed_sibling_data_files
from okrsite.static_listing import listing_print, published_static
from okrsite.text_sniff import SAVE_AS_UTF8, utf16_form
from okrsite.written_numbers import numbers_written_in


def read_config(tree: SourceTree) -> tuple[SiteConfig, list[Diagnostic]]:
    raw = tree.read_checked(CONFIG_FILE)
    if isinstance(raw, Diagnostic):
        if raw.code == "OKR010":  # no okrsite.toml: every setting has a default
            return parse_config(None)
        return SiteConfig(), [raw]
    # UTF-16 (Notepad's "Unicode", PowerShell 5's '>'): its ASCII-only form is
    # valid UTF-8 full of NULs, which TOML would report as a stray character
    form = utf16_form(raw) if raw.startswith((b"\xff", b"\xfe")) or b"\x00" in raw else None
    if form is not None:
        return SiteConfig(), [
            error(
                "CFG001",
                f"okrsite.toml is not valid UTF-8: it looks like {form} text",
                CONFIG_FILE,
                line=1,
                hint=SAVE_AS_UTF8,
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return SiteConfig(), [
            error(
                "CFG001",
                "okrsite.toml is not valid UTF-8",
                CONFIG_FILE,
                line=raw[: exc.start].count(b"\n") + 1,
                hint=SAVE_AS_UTF8,
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
    unread = settings_unread(diags)
    if unread is not None:  # the settings TOML can still read, and a note of the rest
        config, diags = salvaged_config(tree.read(CONFIG_FILE), unread)
    # every file of the site reads 1,200 as its language writes numbers
    with numbers_written_in(config.language):
        result = _load_configured(tree, config, diags, as_of, cache=cache, jobs=jobs, scores=scores)
    if unread is not None:
        result.diagnostics = without_unread_consequences(result.diagnostics, config)
    # fiscal_year_start written but refused: an unknown FY2027-Q1 says so, not "set it"
    result.diagnostics = with_fiscal_setting_refused(result.diagnostics, diags)
    return result


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
    # found anew each run (not cached): it depends on as_of, not on the files
    diags = [*diags, *ended_default_cycle_warnings(config, when, lambda: tree.read(CONFIG_FILE))]
    if cache is not None:
        cache.reset_if(parse_cache_key(config))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    signature = ""
    # what static/ publishes: a link in a body to a file not there is OKR314
    static = published_static(tree.root, config) if isinstance(tree, FileTree) else None
    if cache is None and isinstance(tree, FileTree) and workers > 1 and can_fork():
        # a cold load of a folder: parse while the folder is still being walked
        rels, parsed = walk_and_parse(tree, config.content_dir, config.default_cycle, workers)
        parsed_again = len(parsed)
    else:
        rels, walked, known, cold = _list_files(tree, config, cache, workers)
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
            cache.static_print = listing_print(static)
            key = (*cache.key, cache.static_print)
            signature = input_signature(key, tree.read(CONFIG_FILE), when, scan.files)
            reused = _reused(
                tree, config, diags, when, cache, signature, scan, jobs, scores, patch_base
            )
            if reused is not None:
                return reused
            cache.complete()
            parsed, parsed_again = _parse_scanned(tree, scan, config, cache, jobs)
    tree_diags = _tree_problems(tree, config)
    outcome_diags: list[Diagnostic] = []
    for pf in parsed:
        outcome_diags.extend(pf.diagnostics)
    outcome_diags = in_year_of(outcome_diags, when.year)  # a due's hint, in as_of's year
    # a missing cycle:'s hint names the quarter of as_of, not one long ended
    outcome_diags = with_current_cycle(outcome_diags, config.cycles, when)
    # and a missing date:'s hint names as_of's day (or the one in the file's name)
    outcome_diags = with_missing_date_day(outcome_diags, when)

    csv_data, csv_seen, data_near = _read_data_files(tree, config, parsed)
    outcome_diags.extend(unnamed_sibling_data_files(tree, config.content_dir, parsed))
    own = len(outcome_diags)  # the files' own findings; what follows looks across files
    outcome_diags.extend(copy_warnings(rels))
    outcome_diags.extend(windows_name_warnings(rels, config.content_dir))
    paged = [pf.record for pf in parsed if pf.record is not None and pf.kind != "checkin"]
    outcome_diags.extend(
        link_warnings(paged, nfc_files(rec.file for rec in paged), static, config.allow_html)
    )

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
    portfolio, resolve_diags = resolve(parsed, config, csv_data, data_near, as_of=when)
    # data files not read whole (missing, or a row refused): said there, not as "holds none"
    unread = {
        name for name, got in csv_data.items() if got is None or any(d.is_error for d in got[1])
    }
    memo = scores
    if memo is None and cache is not None:
        memo = cache.scores = cache.scores or ScoreMemo()
    scored = score_portfolio(portfolio, when, config.settings, memo=memo)
    outcome_diags.extend(
        # a due's hint (a goal's due: naming no cycle, told by resolving) in as_of's year
        in_year_of(
            _locate(
                tree,
                [*resolve_diags, *quality_warnings(scored, static, config.allow_html, unread)],
            ),
            when.year,
        )
    )
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
            watch=figure_watch(parsed, csv_data),
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


def _list_files(
    tree: SourceTree, config: SiteConfig, cache: ParseCache | None, workers: int
) -> tuple[list[str], dict[str, tuple[int, int, int]], KnownFiles | None, _Scan | None]:
    """The site's files: listed, with the stat signatures taken while listing
    and the files found unchanged (``known``), or, for a parse cache that
    knows no file, already read, hashed and parsed (the scan); a listing a
    watcher vouches for is taken as it is."""
    walked: dict[str, tuple[int, int, int]] = {}
    known: KnownFiles | None = None
    cold: _Scan | None = None
    if cache is not None and cache.pending is not None and cache.listing is not None:
        rels = cache.listing
    elif _cold_cache(cache, tree, workers):
        assert cache is not None and isinstance(tree, FileTree)
        rels, cold = _walk_hash_and_parse(tree, config, cache, workers)
        cache.linked = set(tree.linked)
    elif cache is not None and isinstance(tree, FileTree):
        listings = FolderListings(cache.folders)
        known = KnownFiles(cache.stats, time.time_ns() - SETTLED_NS)
        rels, walked = tree.listed_with_signatures(config.content_dir, listings, known)
        if listings.complete:
            cache.folders = listings.after
        cache.linked = set(tree.linked)
    else:
        rels = tree.markdown_files(config.content_dir)
    return rels, walked, known, cold


def _data_folder(file: str, data: str, folder: Path) -> Diagnostic:
    """OKR310 for a KPI whose ``data:`` names a folder (``data: data``): the
    folder's own refusal says to remove it from the site, which would delete
    the CSV files in it."""
    try:
        csvs = sorted(p.name for p in folder.iterdir() if p.suffix.lower() == ".csv")
    except OSError:
        csvs = []
    example = f"{data.rstrip('/')}/{csvs[0]}" if csvs else f"{data.rstrip('/')}/values.csv"
    return error(
        "OKR310",
        f"data {data!r} is a folder, not a CSV file",
        file,
        hint=f"name the CSV file in it: data: {example}",
        key_path=("data",),
    )


def _read_data_files(
    tree: SourceTree, config: SiteConfig, parsed: Sequence[ParsedFile]
) -> tuple[
    dict[str, tuple[list[tuple[date, float]], list[Diagnostic]] | None],
    list[tuple[str, str]],
    dict[str, str],
]:
    """The KPIs' ``data:`` files, each read once: its parsed rows by its
    ``data:`` path (``None`` when it does not exist), what was read of each
    (for the input signature), and the file surely meant for each missing one."""
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
            elif is_submodule_finding(got):
                # in a git submodule okrsite diff cannot see into: read on
                # neither side, as the submodule's goal files are not; its
                # OKR011 is the tree's, said once (okrsite.revision_tree)
                csv_data[data] = ([], [])
            elif got.code == "OKR013" and isinstance(tree, FileTree) and (tree.root / rel).is_dir():
                # data: names a folder: said at the KPI's line, never "remove it"
                csv_data[data] = ([], [_data_folder(pf.file, data, tree.root / rel)])
            else:
                csv_data[data] = None if got.code == "OKR010" else ([], [got])
                if got.code == "OKR010":
                    near = _near_file(tree, rel)
                    if near is not None:
                        data_near[data] = near[len(rel) - len(data) :]
    return csv_data, csv_seen, data_near


def _page_estimate(parsed: Sequence[ParsedFile]) -> int:
    """Pages a build would write: one per record, one per tag (a sanity check, not a plan)."""
    tags: set[str] = set()
    records = 0
    for pf in parsed:
        if pf.record is not None:
            records += 1
            tags.update(getattr(pf.record, "tags", ()))
    return records + len(tags)


def find_site_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` with an ``okrsite.toml``; else, for
    a site without one, ``start`` itself if it has a ``content/`` folder, or
    the folder whose ``content/`` holds ``start`` (a command run in
    ``content/objectives/`` finds its site as it would with the file)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    if (start / "content").is_dir():
        return start
    for folder in (start, *start.parents):
        if folder.name == "content" and folder.parent != folder:
            return folder.parent
    return None
