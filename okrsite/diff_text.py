"""The diff report for a terminal (``okrsite diff --format text``).

Plain lines, coloured through :func:`click.style` only when asked to (the
command line asks when stdout is a TTY and ``NO_COLOR`` is unset). See
:mod:`okrsite.diff_report`.
"""

from __future__ import annotations

from collections.abc import Callable

import click

from okrsite.diff import (
    LESS,
    MORE,
    REVERSED,
    CheckInChange,
    DiffResult,
    FieldChange,
    RecordChange,
    ScoreChange,
    show,
    show_measure,
)
from okrsite.diff_scores import percent_move
from okrsite.diff_wording import (
    ReportContext,
    _confidence_move,
    _Names,
    _note_change,
    _status_arrow,
    _when,
    score_moves,
    setting_value,
    summary_sentence,
)


def _refusal(c: CheckInChange) -> str:
    """Why head refuses a check-in (base refused it, when ``broken_at_base``):
    its file's errors, as ``file:line:col: CODE message``."""
    return "; ".join(f"{d.location}: {d.code} {d.message}" for d in c.errors)


def _txt_score(s: ScoreChange) -> list[str]:
    """An objective whose figures moved: progress, then expected progress
    (its pace), confidence and forecast when they moved, status, why; then
    its key results that moved."""
    moves = "".join(f"{m}, " for m in score_moves(s))
    lines = [
        f"  {s.id}: {percent_move(s.progress_before, s.progress_after)}, {moves}"
        f"{_status_arrow(s.status_before, s.status_after)} ({', '.join(s.causes)})"
    ]
    lines += [
        f"      {k.id}: {percent_move(k.progress_before, k.progress_after)}, "
        f"{_status_arrow(k.status_before, k.status_after)}"
        for k in s.key_results
    ]
    return lines


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
    result: DiffResult,
    ctx: ReportContext = ReportContext(),  # noqa: B008 (a frozen dataclass)
    color: bool = False,
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
    if result.settings:
        lines.append(st("Settings (okrsite.toml):", bold=True))
        lines += [
            f"  {s.key}: {setting_value(s.before)} → {setting_value(s.after)}"
            for s in result.settings
        ]
        lines.append("")
    if result.scores:
        lines.append(st("Objectives whose figures changed:", bold=True))
        for s in result.scores:
            lines += _txt_score(s)
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
            if c.broken_at_base and c.errors:
                parts.append(f"errors at base: {_refusal(c)}")
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
