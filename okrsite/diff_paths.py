"""The files of a diff named from the repository's top (:func:`in_repository`).

Split from :mod:`okrsite.diff_markdown`: the Markdown comment, the text
report and the ``--fail-on`` lines on stderr name files one way, from the
top of the repository the site is in, as the pull or merge request and the
``okrsite check --format github`` annotations do (docs/diff.md, "Paths").
"""

from __future__ import annotations

from dataclasses import replace

from okrsite.diagnostics import Diagnostic
from okrsite.diff import DiffResult, RecordChange
from okrsite.diff_findings import findings_of


def in_repository(result: DiffResult, prefix: str, base_prefix: str | None = None) -> DiffResult:
    """``result`` with every file named from the repository's top: ``prefix``
    is the site's folder in it (``okrs/``, ``""`` at the top); ``base_prefix``
    its folder at the base when the change moved it (``None``: ``prefix``),
    where a file that moved within the site was (``moved from okrs/…``).

    The pull or merge request the comment sits on lists its files from the
    repository's top (``okrs/content/checkins/…``); a comment naming
    ``content/checkins/…:6:23`` for a site in a subfolder points at no file
    a reviewer sees there, and a CI log, where the ``--fail-on`` lines and
    ``check --format github``'s annotations stand together, should name a
    file one way. So the comment, the text report and the ``--fail-on``
    lines all read this; the JSON keeps the site's own paths, as
    ``okrsite check --format json`` does. A file named absolutely (outside
    the site) and a finding without a file are left as they are; the
    ``--fail-on`` findings are worded again from the files so named."""
    was = prefix if base_prefix is None else base_prefix
    if not prefix and not was:
        return result

    def path(file: str, folder: str = prefix) -> str:
        return file if not file or file.startswith("/") else folder + file

    def diags(found: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
        return tuple(replace(d, file=path(d.file)) if d.file else d for d in found)

    def records(recs: tuple[RecordChange, ...]) -> tuple[RecordChange, ...]:
        return tuple(
            replace(
                r,
                file=path(r.file),
                moved_from=None if r.moved_from is None else path(r.moved_from, was),
            )
            for r in recs
        )

    objectives, kpis, goals = (records(r) for r in (result.objectives, result.kpis, result.goals))
    head_errors = diags(result.head_errors)
    return replace(
        result,
        objectives=objectives,
        kpis=kpis,
        goals=goals,
        checkins=tuple(
            replace(c, file=path(c.file), errors=diags(c.errors)) for c in result.checkins
        ),
        introduced=diags(result.introduced),
        resolved=diags(result.resolved),
        not_checked=diags(result.not_checked),
        not_checked_at_base=diags(result.not_checked_at_base),
        head_errors=head_errors,
        findings=tuple(findings_of(objectives, kpis, goals, head_errors)),
    )
