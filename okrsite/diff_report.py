"""Render a :class:`~okrsite.diff.DiffResult` for a PR comment, a terminal or a script.

Three audiences, three formats:

* ``markdown`` is a pull-request comment. Reviewers read the top and skim the
  rest, so a one-paragraph summary, the errors and a table of changed
  objectives come first and every detail sits in a collapsed ``<details>``
  section. GitHub rejects comments over 65,536 characters, so the report is
  cut below that with a note. A hidden marker lets a workflow find and update
  its own comment instead of adding one per push. All user text is escaped:
  a pipe in a title must not break the table, and ``<script>`` in a title
  must stay text.
* ``text`` is for a terminal, coloured only when asked to (the command line
  asks when stdout is a TTY and ``NO_COLOR`` is unset).
* ``json`` is a stable structure for scripts, documented in ``docs/diff.md``.

The renderers are pure functions of the result. :func:`run_diff` at the end is
the one edge with I/O: it is what ``okrsite diff`` calls, kept here so the
command in ``cli.py`` stays a few lines.
"""

from __future__ import annotations

import html
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from okrsite import numbers
from okrsite.diagnostics import Diagnostic
from okrsite.diff import (
    LESS,
    MORE,
    REVERSED,
    CheckInChange,
    DiffResult,
    FieldChange,
    KRChange,
    RecordChange,
    ScoreChange,
    Value,
    show,
    show_field,
    show_measure,
)
from okrsite.plural import plural

MARKER = "<!-- okrsite-diff -->"
MAX_MARKDOWN = 65_000
JSON_SCHEMA_VERSION = 1


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


def summary_sentence(result: DiffResult) -> str:
    """One paragraph a reviewer can read in five seconds."""
    if result.is_empty:
        text = f"No changes to goals (as of {result.as_of})."
        if result.head_errors:
            text += f" The head revision still has {plural(len(result.head_errors), 'error')}."
        return text
    parts: list[str] = []

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
        text += f"; progress or status changes for {plural(len(result.scores), 'objective')}"
    text += f" (as of {result.as_of})."
    if result.introduced or result.resolved:
        text += (
            f" It introduces {plural(len(result.introduced), 'finding')} and resolves "
            f"{len(result.resolved)}."
        )
    if result.head_errors:
        text += f" The head revision has {plural(len(result.head_errors), 'error')}."
    return text


def _note(f: FieldChange) -> str:
    return f" ({f.note})" if f.note else ""


def _status_arrow(before: object, after: object) -> str:
    if before == after:
        return str(after or "—")
    return f"{before or '—'} → {after or '—'}"


def _progress_arrow(before: float | None, after: float | None) -> str:
    if before is not None and after is not None:
        delta = numbers.percent(after) - numbers.percent(before)
        if delta > 0:
            return f"{format_percent(before)} → {format_percent(after)} ▲"
        if delta < 0:
            return f"{format_percent(before)} → {format_percent(after)} ▼"
        return f"{format_percent(before)} → {format_percent(after)}"
    return f"{format_percent(before)} → {format_percent(after)}"


# ------------------------------------------------------------------ markdown
def md(text: object) -> str:
    """Escape user text for a Markdown table cell or list item (and for HTML)."""
    s = " ".join(str(text).split())  # newlines would end the table row
    s = html.escape(s, quote=False)
    out = []
    for ch in s:
        if ch in "\\`*_[]|~#":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def code(text: object) -> str:
    """An inline code span that survives backticks and pipes in user text."""
    s = " ".join(str(text).split()).replace("|", "\\|")
    fence = "``" if "`" in s else "`"
    return f"{fence} {s} {fence}" if fence == "``" else f"`{s}`"


def _mval(v: Value) -> str:
    return md(show(v))


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


def _md_field(f: FieldChange, names: _Names, units: tuple[str, str] = ("", "")) -> str:
    label = f"**{f.field}**" if f.note in (LESS, REVERSED) else f.field
    before, after = names.shown(f, units)
    return f"{label}: {md(before)} → {md(after)}{_note(f)}"


def _md_kr(kr: KRChange, names: _Names) -> list[str]:
    head = f"key result {code(kr.id)} {md(kr.title)}"
    if kr.change == "added":
        return [f"- {head}: **added**" + (" mid-cycle" if kr.mid_cycle else "")]
    if kr.change == "removed":
        return [f"- {head}: **removed**" + (" mid-cycle" if kr.mid_cycle else "")]
    lines = [f"- {head}" + (f" (renamed from {code(kr.renamed_from)})" if kr.renamed_from else "")]
    lines += [f"  - {_md_field(f, names, kr.units)}" for f in kr.fields]
    return lines


def _md_record(rec: RecordChange, names: _Names) -> list[str]:
    lines = _md_record_lines(rec, names)
    if rec.cycle_ended:
        lines.insert(1, f"  - **after {md(rec.cycle_ended)} ended**: its final figures change")
    return lines


def _md_record_lines(rec: RecordChange, names: _Names) -> list[str]:
    title = f"{code(rec.id)} {md(rec.title)}"
    if rec.change == "added" and rec.broken_at_base:
        return [f"- {title}: **could not be read at base**: {code(rec.file)} had errors there"]
    if rec.change == "added":
        return [f"- {title}: **added** in {code(rec.file)}"]
    if rec.change == "removed" and rec.broken:
        return [f"- {title}: **cannot be read at head**: {code(rec.file)} has errors"]
    if rec.change == "removed":
        return [f"- {title}: **removed** (was {code(rec.file)})"]
    extra = []
    if rec.renamed_from:
        extra.append(f"renamed from {code(rec.renamed_from)}")
    if rec.moved_from:
        extra.append(f"moved from {code(rec.moved_from)} to {code(rec.file)}")
    lines = [f"- {title}" + (f" ({'; '.join(extra)})" if extra else "")]
    lines += [f"  - {_md_field(f, names, rec.units)}" for f in rec.fields]
    for kr in rec.key_results:
        lines += ["  " + line for line in _md_kr(kr, names)]
    return lines


def _note_change(f: FieldChange) -> str:
    """A check-in's note changed: said in words, as a note can be paragraphs long."""
    if not str(f.before or "").strip():
        return "note added"
    if not str(f.after or "").strip():
        return "note removed"
    return "note edited"


def _refusal(c: CheckInChange) -> str:
    """Why head refuses a check-in: its file's errors, as ``file:line:col: CODE message``."""
    return "; ".join(f"{d.location}: {d.code} {d.message}" for d in c.errors)


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


def _md_checkin(c: CheckInChange, names: _Names) -> str:
    who = f" by {md(names.person(c.author))}" if c.author else ""
    if c.broken:
        return (
            f"- {_when(c)} {c.target_kind} {code(c.target)}{who}: **cannot be read at head**: "
            + "; ".join(f"{code(d.location)} {code(d.code)} {md(d.message)}" for d in c.errors)
        )
    parts = [_note_change(f) if f.field == "note" else _md_field(f, names) for f in c.fields]
    values = ", ".join(
        f"{md(v.key)} {md(show_measure(v.before, v.unit))} → {md(show_measure(v.after, v.unit))}"
        if v.before != v.after
        else f"{md(v.key)} {md(show_measure(v.after, v.unit))} (unchanged)"
        for v in c.values
    )
    if values:
        parts.append(values)
    moved = _confidence_move(c, _mval)
    if moved:
        parts.append(moved)
    elif c.confidence_after is not None:
        parts.append(f"confidence {_mval(c.confidence_after)}")
    late = "" if c.counted else " (dated after as_of: not counted yet)"
    detail = "; ".join(parts)
    change = "could not be read at base" if c.broken_at_base else c.change
    return (
        f"- {_when(c)} {c.target_kind} {code(c.target)}{who}: **{change}**"
        f"{': ' + detail if detail else ''}{late}"
    )


def _md_diag(d: Diagnostic) -> str:
    hint = f" — hint: {md(d.hint)}" if d.hint else ""
    return f"- {code(d.location)} {d.severity.value} {code(d.code)}: {md(d.message)}{hint}"


def _md_score_row(s: ScoreChange) -> str:
    return (
        f"| {code(s.id)} {md(s.title)} | {_progress_arrow(s.progress_before, s.progress_after)} "
        f"| {_status_arrow(s.status_before, s.status_after)} | {', '.join(s.causes)} |"
    )


def _md_score_detail(s: ScoreChange) -> list[str]:
    expected = ""
    if format_percent(s.expected_before) != format_percent(s.expected_after):
        expected = (
            f"expected {format_percent(s.expected_before)} → {format_percent(s.expected_after)}, "
        )
    lines = [
        f"- {code(s.id)}: progress {_progress_arrow(s.progress_before, s.progress_after)}, "
        f"{expected}status {_status_arrow(s.status_before, s.status_after)} "
        f"({', '.join(s.causes)})"
    ]
    for k in s.key_results:
        lines.append(
            f"  - key result {code(k.id)}: {_progress_arrow(k.progress_before, k.progress_after)}, "
            f"{_status_arrow(k.status_before, k.status_after)}"
        )
    return lines


def _details(summary: str, lines: list[str]) -> list[str]:
    return ["<details>", f"<summary>{summary}</summary>", "", *lines, "", "</details>", ""]


def report_markdown(
    result: DiffResult, ctx: ReportContext = ReportContext(), limit: int = MAX_MARKDOWN
) -> str:
    """The PR comment: summary, errors, objectives table, then collapsed details."""
    names = _Names.of(result)
    head: list[str] = [
        MARKER,
        f"### Goal changes: {code(ctx.base_label)} → {code(ctx.head_label)}",
        "",
        summary_sentence(result),
        "",
    ]
    if result.head_errors:
        head += [
            f"**:x: {plural(len(result.head_errors), 'error')} at {md(ctx.head_label)}** "
            "(the site will not build until they are fixed):",
            "",
            *[_md_diag(d) for d in result.head_errors[:50]],
        ]
        if len(result.head_errors) > 50:
            head.append(f"- … and {len(result.head_errors) - 50} more (run `okrsite check`)")
        head.append("")
    if result.scores:
        head += [
            "| Objective | Progress | Status | Why |",
            "| --- | --- | --- | --- |",
            *[_md_score_row(s) for s in result.scores],
            "",
        ]
    flags = [f for f in result.findings if f.rule != "errors"]
    if flags:
        head += ["**Worth a look:**", ""]
        head += [f"- {md(f.message)} ({code(f.rule)})" for f in flags[:20]]
        if len(flags) > 20:
            head.append(f"- … and {len(flags) - 20} more")
        head.append("")

    sections: list[list[str]] = []
    if result.objectives:
        lines = [line for rec in result.objectives for line in _md_record(rec, names)]
        sections.append(_details(f"Objectives and key results ({len(result.objectives)})", lines))
    if result.kpis:
        lines = [line for rec in result.kpis for line in _md_record(rec, names)]
        sections.append(_details(f"KPIs ({len(result.kpis)})", lines))
    if result.goals:
        lines = [line for rec in result.goals for line in _md_record(rec, names)]
        sections.append(_details(f"SMART goals ({len(result.goals)})", lines))
    if result.checkins:
        sections.append(
            _details(
                f"Check-ins ({len(result.checkins)})",
                [_md_checkin(c, names) for c in result.checkins],
            )
        )
    if result.scores:
        lines = [line for s in result.scores for line in _md_score_detail(s)]
        sections.append(_details(f"Scores in detail ({len(result.scores)})", lines))
    if result.introduced or result.resolved:
        lines = []
        if result.introduced:
            lines += ["Introduced:", "", *[_md_diag(d) for d in result.introduced], ""]
        if result.resolved:
            lines += ["Resolved:", "", *[_md_diag(d) for d in result.resolved], ""]
        sections.append(
            _details(
                f"Findings: {len(result.introduced)} introduced, {len(result.resolved)} resolved",
                lines,
            )
        )
    base = ctx.base_commit[:12] if ctx.base_commit else ctx.base_label
    headc = ctx.head_commit[:12] if ctx.head_commit else ctx.head_label
    footer = [
        f"<sub>okrsite diff {md(base)} → {md(headc)}, both scored as of {result.as_of}.</sub>",
        "",
    ]
    return _assemble(head, sections, footer, limit)


def _assemble(head: list[str], sections: list[list[str]], footer: list[str], limit: int) -> str:
    """Join the parts, cutting at a line boundary (closing any open section) past ``limit``."""
    cut_note = (
        "> **Report cut** at the comment size limit; run `okrsite diff` locally "
        "(or with `--format json`) for all of it."
    )
    reserve = len("\n".join(footer)) + len(cut_note) + len("\n</details>\n") + 16
    out: list[str] = []
    size = 0
    cut = False

    def fits(line: str) -> bool:
        return size + len(line) + 1 <= limit - reserve

    for line in head:
        if not fits(line):
            cut = True
            break
        out.append(line)
        size += len(line) + 1
    for section in [] if cut else sections:
        for i, line in enumerate(section):
            if not fits(line):
                cut = True
                if 0 < i <= len(section) - 2:  # inside an open <details>
                    out += ["", "</details>", ""]
                break
            out.append(line)
            size += len(line) + 1
        if cut:
            break
    if cut:
        out += [cut_note, ""]
    out += footer
    return "\n".join(out)


# ------------------------------------------------------------------ text
Styler = Callable[..., str]


def _styler(color: bool) -> Styler:
    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color else text  # type: ignore[arg-type]

    return style


def _txt_field(f: FieldChange, st: Styler, names: _Names, units: tuple[str, str] = ("", "")) -> str:
    note = ""
    if f.note:
        colour = {LESS: "red", MORE: "green", REVERSED: "yellow"}.get(f.note, "yellow")
        note = " " + st(f"({f.note})", fg=colour)
    before, after = names.shown(f, units)
    return f"{f.field}: {before} → {after}{note}"


def _txt_record(rec: RecordChange, st: Styler, names: _Names) -> list[str]:
    lines = _txt_record_lines(rec, st, names)
    if rec.cycle_ended:
        lines.insert(
            1, "      " + st(f"after {rec.cycle_ended} ended: its final figures change", fg="red")
        )
    return lines


def _txt_record_lines(rec: RecordChange, st: Styler, names: _Names) -> list[str]:
    name = f"{rec.kind} {st(rec.id, bold=True)} {rec.title}"
    if rec.change == "added" and rec.broken_at_base:
        return [
            f"  {st('~', fg='green')} {name} "
            f"(could not be read at base: {rec.file} had errors there)"
        ]
    if rec.change == "added":
        return [f"  {st('+', fg='green')} {name} (added in {rec.file})"]
    if rec.change == "removed" and rec.broken:
        return [f"  {st('!', fg='red')} {name} (cannot be read at head: {rec.file} has errors)"]
    if rec.change == "removed":
        return [f"  {st('-', fg='red')} {name} (removed; was {rec.file})"]
    extra = []
    if rec.renamed_from:
        extra.append(f"renamed from {rec.renamed_from}")
    if rec.moved_from:
        extra.append(f"moved from {rec.moved_from} to {rec.file}")
    lines = [f"  {st('~', fg='yellow')} {name}" + (f" ({'; '.join(extra)})" if extra else "")]
    lines += [f"      {_txt_field(f, st, names, rec.units)}" for f in rec.fields]
    for kr in rec.key_results:
        mid = " mid-cycle" if kr.mid_cycle else ""
        label = f"key result {kr.id} {kr.title}"
        if kr.change == "added":
            lines.append(f"      {st('+', fg='green')} {label} (added{mid})")
        elif kr.change == "removed":
            lines.append(f"      {st('-', fg='red')} {label} (removed{mid})")
        else:
            renamed = f" (renamed from {kr.renamed_from})" if kr.renamed_from else ""
            lines.append(f"      ~ {label}{renamed}")
            lines += [f"          {_txt_field(f, st, names, kr.units)}" for f in kr.fields]
    return lines


def render_text(
    result: DiffResult, ctx: ReportContext = ReportContext(), color: bool = False
) -> str:
    """The report for a terminal; ``color`` adds ANSI styles through click.style."""
    st = _styler(color)
    names = _Names.of(result)
    lines = [st(f"okrsite diff {ctx.base_label} → {ctx.head_label}", bold=True)]
    lines += [summary_sentence(result), ""]
    if result.head_errors:
        lines.append(st(f"Errors at {ctx.head_label}:", fg="red", bold=True))
        lines += [f"  {d.format_text()}" for d in result.head_errors]
        lines.append("")
    if result.scores:
        lines.append(st("Objectives whose figures changed:", bold=True))
        for s in result.scores:
            lines.append(
                f"  {s.id}: {_progress_arrow(s.progress_before, s.progress_after)}, "
                f"{_status_arrow(s.status_before, s.status_after)} ({', '.join(s.causes)})"
            )
            for k in s.key_results:
                lines.append(
                    f"      {k.id}: {_progress_arrow(k.progress_before, k.progress_after)}, "
                    f"{_status_arrow(k.status_before, k.status_after)}"
                )
        lines.append("")
    for title, records in (
        ("Objectives and key results:", result.objectives),
        ("KPIs:", result.kpis),
        ("SMART goals:", result.goals),
    ):
        if records:
            lines.append(st(title, bold=True))
            for rec in records:
                lines += _txt_record(rec, st, names)
            lines.append("")
    if result.checkins:
        lines.append(st("Check-ins:", bold=True))
        for c in result.checkins:
            who = f" by {names.person(c.author)}" if c.author else ""
            if c.broken:
                lines.append(
                    f"  {st('cannot be read at head', fg='red')} {_when(c)} {c.target_kind} "
                    f"{c.target}{who}: {_refusal(c)}"
                )
                continue
            parts = [
                _note_change(f) if f.field == "note" else _txt_field(f, st, names) for f in c.fields
            ]
            values = ", ".join(
                f"{v.key} {show_measure(v.before, v.unit)} → {show_measure(v.after, v.unit)}"
                for v in c.values
            )
            if values:
                parts.append(values)
            moved = _confidence_move(c, show)
            if moved:
                parts.append(moved)
            late = "" if c.counted else " (after as_of: not counted yet)"
            detail = "; ".join(parts)
            change = "could not be read at base" if c.broken_at_base else c.change
            lines.append(
                f"  {change} {_when(c)} {c.target_kind} {c.target}{who}"
                f"{': ' + detail if detail else ''}{late}"
            )
        lines.append("")
    if result.introduced or result.resolved:
        lines.append(st("Findings:", bold=True))
        lines += [f"  {st('new', fg='red')} {d.format_text()}" for d in result.introduced]
        lines += [f"  {st('fixed', fg='green')} {d.format_text()}" for d in result.resolved]
        lines.append("")
    flags = [f for f in result.findings if f.rule != "errors"]
    if flags:
        lines.append(st("Worth a look:", bold=True))
        lines += [f"  {f.message} [{f.rule}]" for f in flags]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# ------------------------------------------------------------------ json
def _fields_json(fields: Sequence[FieldChange]) -> list[dict[str, object]]:
    return [
        {
            "field": f.field,
            "before": list(f.before) if isinstance(f.before, tuple) else f.before,
            "after": list(f.after) if isinstance(f.after, tuple) else f.after,
            "note": f.note,
        }
        for f in fields
    ]


def _record_json(rec: RecordChange) -> dict[str, object]:
    out: dict[str, object] = {
        "id": rec.id,
        "title": rec.title,
        "change": rec.change,
        "file": rec.file,
        "renamed_from": rec.renamed_from,
        "moved_from": rec.moved_from,
        "broken": rec.broken,
        "broken_at_base": rec.broken_at_base,
        "fields": _fields_json(rec.fields),
    }
    if rec.kind == "objective":
        out["cycle_ended"] = rec.cycle_ended
        out["key_results"] = [
            {
                "id": kr.id,
                "title": kr.title,
                "change": kr.change,
                "renamed_from": kr.renamed_from,
                "mid_cycle": kr.mid_cycle,
                "fields": _fields_json(kr.fields),
            }
            for kr in rec.key_results
        ]
    return out


def _pair(before: object, after: object) -> dict[str, object]:
    return {"before": before, "after": after}


def to_json(result: DiffResult, ctx: ReportContext = ReportContext()) -> dict[str, object]:
    """The documented JSON structure (``docs/diff.md``); ``schema`` bumps on breaking changes."""
    failures = result.failures(ctx.fail_on)
    return {
        "schema": JSON_SCHEMA_VERSION,
        "as_of": result.as_of.isoformat(),
        "base": {"label": ctx.base_label, "commit": ctx.base_commit},
        "head": {"label": ctx.head_label, "commit": ctx.head_commit},
        "summary": summary_sentence(result),
        "empty": result.is_empty,
        "objectives": [_record_json(r) for r in result.objectives],
        "kpis": [_record_json(r) for r in result.kpis],
        "goals": [_record_json(r) for r in result.goals],
        "checkins": [
            {
                "id": c.id,
                "file": c.file,
                "date": c.date.isoformat(),
                "time": c.time or None,
                "change": c.change,
                "target_kind": c.target_kind,
                "target": c.target,
                "author": c.author,
                "values": [{"key": v.key, "before": v.before, "after": v.after} for v in c.values],
                "confidence": _pair(c.confidence_before, c.confidence_after),
                "counted": c.counted,
                "fields": _fields_json(c.fields),
                "broken": c.broken,
                "broken_at_base": c.broken_at_base,
                "errors": [d.to_json() for d in c.errors],
            }
            for c in result.checkins
        ],
        "scores": [
            {
                "id": s.id,
                "title": s.title,
                "progress": _pair(s.progress_before, s.progress_after),
                "expected": _pair(s.expected_before, s.expected_after),
                "status": _pair(s.status_before, s.status_after),
                "causes": list(s.causes),
                "key_results": [
                    {
                        "id": k.id,
                        "progress": _pair(k.progress_before, k.progress_after),
                        "status": _pair(k.status_before, k.status_after),
                    }
                    for k in s.key_results
                ],
            }
            for s in result.scores
        ],
        "diagnostics": {
            "introduced": [d.to_json() for d in result.introduced],
            "resolved": [d.to_json() for d in result.resolved],
            "head_errors": [d.to_json() for d in result.head_errors],
        },
        "findings": [
            {"rule": f.rule, "subject": f.subject, "message": f.message} for f in result.findings
        ],
        "fail_on": list(ctx.fail_on),
        "failed": bool(failures),
    }


def render_json(result: DiffResult, ctx: ReportContext = ReportContext()) -> str:
    return json.dumps(to_json(result, ctx), indent=2, ensure_ascii=False) + "\n"


def render(result: DiffResult, fmt: str, ctx: ReportContext, color: bool = False) -> str:
    """Dispatch on ``--format``."""
    if fmt == "json":
        return render_json(result, ctx)
    if fmt == "text":
        return render_text(result, ctx, color)
    return report_markdown(result, ctx)


# ------------------------------------------------------------------ the command
def run_diff(
    site_dir: Path,
    base: str | None,
    head: str | None,
    as_of: date | None,
    fmt: str,
    fail_on: tuple[str, ...],
    output: Path | None,
) -> int:
    """Load both sides, compare, write the report; return the exit code.

    0: nothing a ``--fail-on`` rule names; 1: some rule fired (errors at head
    by default); git problems raise :class:`click.ClickException` (exit 2)
    with the message of :class:`~okrsite.gitsource.GitError`.
    """
    from okrsite.diff import diff_portfolios
    from okrsite.gitsource import GitError, load_revisions

    try:
        revs = load_revisions(site_dir, base, head, as_of)
    except GitError as exc:
        raise _GitFailure(str(exc)) from exc
    result = diff_portfolios(
        revs.base.scored,
        revs.head.scored,
        revs.base.diagnostics,
        revs.head.diagnostics,
        head_has_file=_files_at(site_dir, revs.head_commit),
        base_has_file=_files_at(site_dir, revs.base_commit),
        moved_files=_moved_files(site_dir, revs.base_commit, revs.head_commit),
    )
    ctx = ReportContext(
        revs.base_label, revs.head_label, revs.base_commit, revs.head_commit, fail_on
    )
    color = (
        output is None and fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    text = render(result, fmt, ctx, color=color)
    if output is not None:
        _write_output(output, text if text.endswith("\n") else text + "\n")
        click.echo(f"okrsite: wrote {output} ({summary_sentence(result)})", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"), color=color)
    failures = result.failures(fail_on)
    for f in failures:
        click.echo(f"okrsite diff: {f.rule}: {f.message}", err=True)
    return 1 if failures else 0


def _files_at(site_dir: Path, commit: str | None) -> Callable[[str], bool]:
    """Whether a file (relative to the site folder) exists at ``commit``
    (``None``: the working tree). The tree is listed once, and only when a
    question is asked (an objective that cannot be read on one side)."""
    if commit is None:
        return lambda file: (site_dir / file).is_file()
    from okrsite.gitsource import find_site, list_tree

    tree: list[Mapping[str, str]] = []

    def has(file: str) -> bool:
        if not tree:
            site = find_site(site_dir)
            tree.append(list_tree(site.toplevel, commit, site.prefix))
        return file in tree[0]

    return has


def _moved_files(site_dir: Path, base: str, head: str | None) -> dict[str, str]:
    """``{file at head: file at base}`` for the site's files git sees move
    between the two (``git diff -M``; ``head`` ``None``: the working tree), as
    paths relative to the site; empty when git cannot tell (the diff then
    pairs records by title alone)."""
    from okrsite.gitsource import GitError, find_site, moved_paths

    try:
        site = find_site(site_dir)
        return moved_paths(site.toplevel, base, head, site.prefix)
    except GitError:
        return {}


def _write_output(output: Path, text: str) -> None:
    """Write ``--output``, creating missing parent folders (``reports/diff.md``
    in a fresh CI checkout); a path that cannot be written is a usage
    problem (exit 2), never a traceback."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _OutputFailure(f"cannot write --output {str(output)!r}: {reason}") from exc


class _OutputFailure(click.ClickException):
    """``--output`` cannot be written (a file where a folder should be, no permission): exit 2."""

    exit_code = 2


class _GitFailure(click.ClickException):
    """A git problem the user must fix (missing revision, not a repository): exit 2."""

    exit_code = 2
