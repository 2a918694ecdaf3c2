"""The check-ins an import writes: a sheet's Confidence column lives in
check-ins, one per objective, noted as imported in the site's language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from okrsite.cycles import lookup
from okrsite.diagnostics import Diagnostic, warning
from okrsite.goal_yaml import PlannedFile, front_matter, yaml_number
from okrsite.model import Cycle
from okrsite.spreadsheet_import import ObjectivePlan
from okrsite.spreadsheet_row import cell_named

__all__ = [
    "confidence_checkins",
    "confidence_not_written",
    "imported_note",
    "uncounted_checkins_note",
]


def imported_note(root: Path, theme_name: str, language: str) -> str:
    """The note of an imported confidence's check-in, in the site's language
    (the theme's and the site's catalogues, as pages read them): it is shown
    on the objective's page. English when the theme cannot be loaded (the
    build says why)."""
    from okrsite.theme import ThemeError, load_theme
    from okrsite.translations import load_language

    if language == "en":
        return "Imported."
    try:
        chain = load_theme(theme_name, root).chain
    except (ThemeError, OSError):
        return "Imported."
    folders = [path for _, path in reversed(chain)]
    try:
        words = load_language(language, [*folders, root]).translations
    except (OSError, ValueError):
        return "Imported."
    return str(words.gettext("Imported."))


def confidence_checkins(
    plans: list[ObjectivePlan],
    content_dir: str,
    day: date,
    custom: Mapping[str, Cycle],
    note: str = "Imported.",
) -> list[PlannedFile]:
    """Confidence lives in check-ins: one per objective that has one, dated
    ``day`` moved into the objective's cycle (a finished quarter's confidence
    was its last word, given on its last day)."""
    out = []
    for plan in plans:
        if plan.confidence is not None and plan.oid:
            cycle = lookup(plan.cycle, custom) if plan.cycle else None
            when = min(max(day, cycle.start), cycle.end) if cycle else day
            data = {"objective": plan.oid, "date": when, "confidence": yaml_number(plan.confidence)}
            rel = f"{content_dir}/checkins/{plan.oid}/{when.isoformat()}.md"
            out.append(PlannedFile(rel, front_matter(data, note), plan.row))
    return out


def uncounted_checkins_note(
    written: list[PlannedFile], content_dir: str, as_of: date | None, today: date
) -> str | None:
    """What ``okrsite checkin`` says of a check-in dated after the day the
    site is judged on (``as_of``, else today), said of the confidence
    check-ins an import writes (``import --date`` a week ahead): written, but
    no build as of that day counts them, so the sheet's confidence would
    seem lost. None when every one counts."""
    prefix = f"{content_dir}/checkins/"
    days = [
        date.fromisoformat(Path(f.rel).stem)
        for f in written
        if f.rel.startswith(prefix) and f.rel.endswith(".md")
    ]
    latest = max(days, default=None)
    if latest is None:
        return None
    if as_of is not None and latest > as_of:
        return (
            f"okrsite.toml sets as_of = {as_of}, so the imported confidence check-ins of "
            f"{latest} count only in builds as of {latest} or later (okrsite build --as-of "
            f"{latest}, or remove as_of from okrsite.toml to build as of today)"
        )
    if as_of is None and latest > today:
        return (
            f"the imported confidence check-ins are dated {latest}, after today; pages and "
            "exports count them from that day on (builds as of today leave them out)"
        )
    return None


def confidence_not_written(
    plans: list[ObjectivePlan],
    existing: Mapping[str, float | None],
    content_dir: str,
    label: str,
) -> list[Diagnostic]:
    """IMP223 at each Confidence cell of an objective the site has already
    with another confidence (``existing``: each objective's confidence as
    the site scores it; a sheet imported again, its confidence updated
    since; the same confidence imported again is no news): the import
    writes nothing of an objective whose file exists, its check-in neither,
    so the new confidence would be dropped with only the objective said to
    be skipped. The hint gives the ``okrsite checkin`` that records it."""
    out = []
    for plan in plans:
        oid = plan.oid
        if plan.confidence is None or oid is None or oid not in existing:
            continue
        had = existing[oid]
        if had == plan.confidence:
            continue
        row = plan.confidence_row or plan.row
        where, column = cell_named(plan.columns, "confidence", row)
        out.append(
            warning(
                "IMP223",
                f"{where}: confidence {plan.confidence:g} of objective {plan.title!r} is not "
                f"imported: the objective is in the site already, with "
                + (f"confidence {had:g}" if had is not None else "no confidence")
                + f" ({content_dir}/objectives/{oid}.md, skipped), and an import writes no "
                "check-in for an objective it does not write",
                plan.file or label,
                line=row,
                column=column,
                hint=f"record it as a check-in: okrsite checkin {oid} "
                f"--confidence {plan.confidence:g}",
            )
        )
    return out
