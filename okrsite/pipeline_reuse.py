"""A load answered from the last one: unchanged inputs, or a few edits patched in.

Split from :mod:`okrsite.pipeline`. With a parse cache, a load whose inputs
(files, CSV files, configuration, as_of) are exactly the last load's gives
its outcome again without resolving; after a few edits that change nothing
the cross-file rules read, the last outcome is patched
(:mod:`okrsite.edit_check`) and, for the preview, the last portfolio gets
the edited objectives swapped in and scored again. The portfolio of a
result answered so is loaded only when asked for (:func:`_scored_later`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from okrsite.config import CONFIG_FILE, SiteConfig
from okrsite.diagnostics import Diagnostic, sorted_diagnostics
from okrsite.due_words import in_year_of
from okrsite.edit_check import MAX_EDITS, patched_outcome, swapped_objectives
from okrsite.gcpause import paused_gc
from okrsite.load_cache import LoadOutcome, ParseCache, content_digest, input_signature
from okrsite.model import ScoredPortfolio
from okrsite.parse import ParsedFile, parse_file
from okrsite.pipeline_files import SourceTree, _locate, _tree_problems
from okrsite.pipeline_result import LoadResult
from okrsite.pipeline_scan import _Scan
from okrsite.scoring import ScoreMemo, score_portfolio


def _inputs(signature: str, csv: Sequence[tuple[str, str]]) -> str:
    if not signature:
        return ""
    text = signature + "".join(f"\n{rel}\0{seen}" for rel, seen in csv)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _what_was_read(rel: str, got: bytes | Diagnostic) -> str:
    """A file's content hash, or the reason it was not read (for input signatures)."""
    if isinstance(got, bytes):
        return content_digest(rel, got)
    return f"!{got.code} {got.message}"


def _reused(
    tree: SourceTree,
    config: SiteConfig,
    config_diags: list[Diagnostic],
    when: date,
    cache: ParseCache,
    signature: str,
    scan: _Scan,
    jobs: int | None,
    scores: ScoreMemo | None,
    patch_base: tuple[str, ScoredPortfolio] | None,
) -> LoadResult | None:
    """This load answered from the last one, if it can be: the same inputs
    (:func:`_reuse`), or a few edits patched in (:func:`_after_edits`; with
    ``scores``, the preview's :func:`_edited_portfolio`); else ``None``."""
    reused = (
        _reuse(tree, config, config_diags, when, cache, signature, jobs) if scores is None else None
    )
    if reused is None and scores is None:
        reused = _after_edits(tree, config, config_diags, when, cache, signature, scan, jobs)
    if reused is None and scores is not None:
        reused = _edited_portfolio(
            tree, config, config_diags, when, cache, signature, scan, scores, patch_base
        )
    return reused


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
    key = (*cache.key, cache.static_print)
    if input_signature(key, tree.read(CONFIG_FILE), when, before) != outcome.signature:
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
    # the edited files' own findings, with a due's hint in the year of as_of as a load gives it
    patched.diagnostics = tuple(in_year_of(patched.diagnostics, when.year))
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
            from okrsite.pipeline import _load  # the full load (that module imports this one)

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
