"""What every format of the diff report says alike.

The markdown comment (:mod:`okrsite.diff_markdown`), the terminal text
(:mod:`okrsite.diff_text`) and the JSON (:mod:`okrsite.diff_json`) open with
the same summary sentence, name people and teams the same way, and word
progress arrows and check-ins the same way; this module holds that shared
wording and :class:`ReportContext`, what the report says about where the
two sides came from. Split from :mod:`okrsite.diff_report`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from okrsite import numbers
from okrsite.diff import (
    LESS,
    CheckInChange,
    DiffResult,
    FieldChange,
    RecordChange,
    ScoreChange,
    Value,
    show,
    show_field,
)
from okrsite.diff_scores import percent_move
from okrsite.plural import plural


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What the report says about where the two sides came from."""

    base_label: str = "base"
    head_label: str = "head"
    base_commit: str | None = None
    head_commit: str | None = None
    fail_on: tuple[str, ...] = ("errors",)


# ------------------------------------------------------------------ shared wording
def format_percent(x: float | None) -> str:
    return "—" if x is None else numbers.percent_text(x)


def setting_value(value: object) -> str:
    """A setting's value as ``okrsite.toml`` writes it (``true``, ``0.15``,
    ``"de"``), a cycle as its first and last day; one not set says so."""
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict) and "start" in value:  # a cycle
        return f"{value['start']} to {value['end']}, {setting_value(value['title'])}"
    if isinstance(value, dict):  # a source of okrsite pull
        return ", ".join(f"{key} {setting_value(v)}" for key, v in value.items())
    if isinstance(value, list):  # a command and its arguments
        return "[" + ", ".join(setting_value(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, float):
        return str(numbers.json_number(value))  # 4.0 as 4, as the JSON writes it
    return str(value)


def summary_sentence(result: DiffResult) -> str:
    """One paragraph a reviewer can read in five seconds."""
    if result.is_empty:
        text = f"No changes to goals (as of {result.as_of})."
        if result.head_errors:
            text += f" The head revision still has {plural(len(result.head_errors), 'error')}."
        return text
    parts: list[str] = []
    if result.settings:
        keys = ", ".join(s.key for s in result.settings[:3])
        more = len(result.settings) - 3
        parts.append(
            f"changes {plural(len(result.settings), 'setting')} of okrsite.toml ({keys}"
            + (f" and {more} more)" if more > 0 else ")")
        )

    def counted(items: Sequence[RecordChange], noun: str) -> None:
        for kind, verb in (("added", "adds"), ("removed", "removes"), ("changed", "changes")):
            n = sum(1 for c in items if c.change == kind and not c.broken and not c.broken_at_base)
            if n:
                parts.append(f"{verb} {plural(n, noun)}")
        broken = sum(1 for c in items if c.broken)
        if broken:
            parts.append(f"breaks {plural(broken, noun)} (files with errors)")
        fixed = sum(1 for c in items if c.broken_at_base)
        if fixed:
            parts.append(f"fixes {plural(fixed, noun)} (could not be read at base)")

    counted(result.objectives, "objective")
    krs = [kr for o in result.objectives for kr in o.key_results]
    for kind, verb in (("added", "adds"), ("removed", "removes")):
        chosen = [kr for kr in krs if kr.change == kind]
        if chosen:
            mid = sum(1 for kr in chosen if kr.mid_cycle)
            parts.append(
                f"{verb} {plural(len(chosen), 'key result')}"
                + (f" ({mid} mid-cycle)" if mid else "")
            )
    moved = [
        f
        for o in result.objectives
        for kr in o.key_results
        for f in kr.fields
        if f.field in ("target", "threshold")
    ]
    if moved:
        less = sum(1 for f in moved if f.note == LESS)
        parts.append(
            f"moves {plural(len(moved), 'key result target')}"
            + (f" ({less} less ambitious)" if less else "")
        )
    counted(result.kpis, "KPI")
    counted(result.goals, "SMART goal")
    fixed_checkins = sum(1 for c in result.checkins if c.broken_at_base)
    new_checkins = sum(1 for c in result.checkins if c.change == "added") - fixed_checkins
    if new_checkins:
        parts.append(f"adds {plural(new_checkins, 'check-in')}")
    refused = sum(1 for c in result.checkins if c.broken)
    other = len(result.checkins) - new_checkins - refused - fixed_checkins
    if other:
        parts.append(f"edits or removes {plural(other, 'check-in')}")
    if refused:
        parts.append(f"breaks {plural(refused, 'check-in')} (files with errors)")
    if fixed_checkins:
        parts.append(f"fixes {plural(fixed_checkins, 'check-in')} (could not be read at base)")
    text = "This change " + (", ".join(parts) if parts else "changes no goal records")
    if result.scores:
        text += (
            "; progress, expected progress, status, confidence or forecast changes for "
            f"{plural(len(result.scores), 'objective')}"
        )
    text += f" (as of {result.as_of})."
    if result.introduced or result.resolved:
        text += (
            f" It introduces {plural(len(result.introduced), 'finding')} and resolves "
            f"{len(result.resolved)}."
        )
    if result.head_errors:
        text += f" The head revision has {plural(len(result.head_errors), 'error')}."
    return text


def _status_arrow(before: object, after: object) -> str:
    if before == after:
        return str(after or "—")
    return f"{before or '—'} → {after or '—'}"


@dataclass(frozen=True, slots=True)
class _Names:
    """How the report names people and teams: as the pages do (their file's
    ``title``, else the name as first written), falling back to the id."""

    people: Mapping[str, str]
    teams: Mapping[str, str]

    @classmethod
    def of(cls, result: DiffResult) -> _Names:
        return cls(result.person_names, result.team_names)

    def person(self, pid: str) -> str:
        return self.people.get(pid, pid)

    def shown(self, f: FieldChange, units: tuple[str, str] = ("", "")) -> tuple[str, str]:
        """Before and after as text: progress as percentages, people and teams
        by name, measured figures with their units (:func:`~okrsite.diff.show_field`)."""
        if f.field == "progress":
            return (
                format_percent(f.before if isinstance(f.before, float) else None),
                format_percent(f.after if isinstance(f.after, float) else None),
            )
        names = {"owner": self.people, "author": self.people, "team": self.teams}.get(f.field)
        if names is not None:
            found = names

            def name(v: Value) -> str:
                return found.get(v, v) if isinstance(v, str) else show(v)

            return name(f.before), name(f.after)
        return show_field(f, units)


def _note_change(f: FieldChange) -> str:
    """A check-in's note changed: said in words, as a note can be paragraphs long."""
    if not str(f.before or "").strip():
        return "note added"
    if not str(f.after or "").strip():
        return "note removed"
    return "note edited"


def _when(c: CheckInChange) -> str:
    """A check-in's date, with its time of day as written when it has one
    (``2026-11-19 10:30``): the two check-ins of one day are told apart."""
    return f"{c.date} {c.time}" if c.time else str(c.date)


def _confidence_move(c: CheckInChange, shown: Callable[[Value], str]) -> str | None:
    """The confidence a check-in sets, next to the one before it.

    A new check-in without a confidence changes none: the objective keeps
    the last one given (its page and export say so), so "7 → —" would
    read as if it had been withdrawn. An edit that deletes the line does
    withdraw it from that check-in, and says so.
    """
    if c.change == "added" and c.confidence_after is None:
        return None
    if c.confidence_before != c.confidence_after:
        return f"confidence {shown(c.confidence_before)} → {shown(c.confidence_after)}"
    return None


def score_moves(s: ScoreChange, table: bool = False) -> list[str]:
    """What moved of an objective's figures besides its progress and status,
    as scoring worked them out on each side: ``expected 77% → 66%``,
    ``confidence 7 → 6``, ``forecast 80% → 62%`` (each only when it moved).

    ``table``: for the Markdown table at the top, which leaves them out for
    an objective added or removed (its "— → 50%" is in the details).
    """
    if table and (s.progress_before is None or s.progress_after is None):
        return []
    out: list[str] = []
    if s.expected_moved:
        out.append(f"expected {percent_move(s.expected_before, s.expected_after, arrow=False)}")
    if s.confidence_moved:
        out.append(f"confidence {show(s.confidence_before)} → {show(s.confidence_after)}")
    if s.forecast_moved:
        out.append(f"forecast {percent_move(s.forecast_before, s.forecast_after, arrow=False)}")
    return out
