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
)
from okrsite.diff_org_words import organisation_lines
from okrsite.diff_wording import (
    ReportContext,
    _Names,
    _status_arrow,
    _when,
    checkin_parts,
    clean_translation,
    findings,
    late_note,
    plain_words,
    score_moves,
    setting_value,
    summary_sentence,
)
from okrsite.diff_words import ENGLISH, Words


def _refusal(c: CheckInChange) -> str:
    """Why head refuses a check-in (base refused it, when ``broken_at_base``):
    its file's errors, as ``file:line:col: CODE message``."""
    return "; ".join(f"{d.location}: {d.code} {d.message}" for d in c.errors)


def _txt_score(s: ScoreChange, w: Words = ENGLISH) -> list[str]:
    """An objective whose figures moved: progress, then expected progress
    (its pace), confidence and forecast when they moved, status, why; then
    its key results that moved."""
    moves = "".join(f"{m}, " for m in score_moves(s, w=w))
    lines = [
        f"  {s.id}: {w.percent_move(s.progress_before, s.progress_after, places=(s.places_before, s.places_after))}, {moves}"
        f"{_status_arrow(s.status_before, s.status_after, w)} ({w.causes(s.causes)})"
    ]
    lines += [
        f"      {k.id}: {w.percent_move(k.progress_before, k.progress_after, places=(k.places_before, k.places_after))}, "
        f"{_status_arrow(k.status_before, k.status_after, w)}"
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
    w = names.words
    note = ""
    if f.note:
        colour = {LESS: "red", MORE: "green", REVERSED: "yellow"}.get(f.note, "yellow")
        note = " " + st(f"({w.note(f.note)})", fg=colour)
    before, after = names.shown(f, units)
    return f"{w.field(f.field)}: {before} → {after}{note}"


def _txt_record(rec: RecordChange, st: Styler, names: _Names) -> list[str]:
    w = names.words
    lines = _txt_record_lines(rec, st, names)
    if rec.cycle_ended:
        said = (
            w._("after %(cycle)s ended: the cycle's final figures change", cycle=rec.cycle_ended)
            if rec.kind == "kpi"  # the figures of that cycle's objectives, not the KPI's
            else w._("after %(cycle)s ended: its final figures change", cycle=rec.cycle_ended)
        )
        lines.insert(1, "      " + st(said, fg="red"))
    return lines


def _txt_record_lines(rec: RecordChange, st: Styler, names: _Names) -> list[str]:
    w = names.words
    name = f"{w.kind(rec.kind)} {st(rec.id, bold=True)} {rec.title}"
    if rec.change == "added" and rec.broken_at_base:
        why = w._("could not be read at base: %(file)s had errors there", file=rec.file)
        return [f"  {st('~', fg='green')} {name} ({why})"]
    if rec.change == "added":
        return [f"  {st('+', fg='green')} {name} ({w._('added in %(file)s', file=rec.file)})"]
    if rec.change == "removed" and rec.broken:
        why = w._("cannot be read at head: %(file)s has errors", file=rec.file)
        return [f"  {st('!', fg='red')} {name} ({why})"]
    if rec.change == "removed":
        return [f"  {st('-', fg='red')} {name} ({w._('removed; was %(file)s', file=rec.file)})"]
    extra = []
    if rec.renamed_from:
        extra.append(w._("renamed from %(old)s", old=rec.renamed_from))
    if rec.moved_from:
        extra.append(w._("moved from %(old)s to %(new)s", old=rec.moved_from, new=rec.file))
    if rec.mid_cycle:
        extra.append(w._("mid-cycle"))
    lines = [f"  {st('~', fg='yellow')} {name}" + (f" ({'; '.join(extra)})" if extra else "")]
    lines += [f"      {_txt_field(f, st, names, rec.units)}" for f in rec.fields]
    lines += [f"      {line}" for line in w.readings(rec)]
    for kr in rec.key_results:
        mid = " " + w._("mid-cycle") if kr.mid_cycle else ""
        label = f"{w.field('key result')} {kr.id} {kr.title}"
        if kr.change == "added":
            lines.append(f"      {st('+', fg='green')} {label} ({w.change('added')}{mid})")
        elif kr.change == "removed":
            lines.append(f"      {st('-', fg='red')} {label} ({w.change('removed')}{mid})")
        else:
            said = [w._("renamed from %(old)s", old=kr.renamed_from)] if kr.renamed_from else []
            said += [w._("mid-cycle")] if kr.mid_cycle else []
            lines.append(f"      ~ {label}" + (f" ({'; '.join(said)})" if said else ""))
            lines += [f"          {_txt_field(f, st, names, kr.units)}" for f in kr.fields]
    return lines


def site_moved_sentence(
    site_moved: tuple[str, str], w: Words = ENGLISH, folder: Callable[[str], str] = str
) -> str:
    """ "the site moved from okrs/ to teams/okrs/ in this change": the base
    side was read from the folder the site was in then, so a reader knows
    why files that moved with it show as no change. ``folder`` writes a
    folder (Markdown's code span); the repository's top is ``./``. The
    Markdown report says it as a sentence of its own, its translation
    escaped as the comment's are (:func:`~okrsite.diff_markdown.markdown_words`)."""
    from okrsite.diff_markdown import markdown_words

    old, new = (folder(prefix or "./") for prefix in site_moved)
    if folder is str:
        w = plain_words(w)
        return w._("the site moved from %(old)s to %(new)s in this change", old=old, new=new)
    w = markdown_words(w)
    return w._("The site moved from %(old)s to %(new)s in this change.", old=old, new=new)


def render_text(
    result: DiffResult,
    ctx: ReportContext = ReportContext(),  # noqa: B008 (a frozen dataclass)
    color: bool = False,
    words: Words = ENGLISH,
    site_moved: tuple[str, str] | None = None,
) -> str:
    """The report for a terminal; ``color`` adds ANSI styles through click.style;
    ``words``: the language it is written in (English by default);
    ``site_moved``: the site's folders at base and head when the change
    moved it (said in the line under the title). Its translations are on
    one line, without control characters (:func:`~okrsite.diff_wording.plain_words`):
    a site's ``translations/`` may carry a terminal escape."""
    w = plain_words(words)
    st = _styler(color)
    names = _Names.of(result, w)
    # a label okrsite made up ("Arbeitsverzeichnis") is a translation too
    base_label, head_label = clean_translation(ctx.base_label), clean_translation(ctx.head_label)
    lines = [st(f"okrsite diff {base_label} → {head_label}", bold=True)]
    if site_moved is not None:
        lines.append(st(site_moved_sentence(site_moved, w), fg="yellow"))
    lines += [summary_sentence(result, w), ""]
    if result.head_errors:
        lines.append(st(w._("Errors at %(label)s:", label=head_label), fg="red", bold=True))
        lines += [f"  {d.format_text()}" for d in result.head_errors]
        lines.append("")
    if result.settings:
        lines.append(st(w._("Settings (okrsite.toml):"), bold=True))
        lines += [
            f"  {s.key}: {setting_value(s.before, w)} → {setting_value(s.after, w)}"
            for s in result.settings
        ]
        lines.append("")
    if result.organisation:
        lines.append(st(w._("People and teams:"), bold=True))
        lines += [f"{'  ' * (depth + 1)}{line}" for depth, line in organisation_lines(result, w)]
        lines.append("")
    if result.scores:
        lines.append(st(w._("Objectives whose figures changed:"), bold=True))
        for s in result.scores:
            lines += _txt_score(s, w)
        lines.append("")
    for title, records in (
        (w._("Objectives and key results:"), result.objectives),
        (w._("KPIs:"), result.kpis),
        (w._("SMART goals:"), result.goals),
    ):
        if records:
            lines.append(st(title, bold=True))
            for rec in records:
                lines += _txt_record(rec, st, names)
            lines.append("")
    if result.checkins:
        lines.append(st(w._("Check-ins:"), bold=True))
        for c in result.checkins:
            lines.append(_txt_checkin(c, st, names))
        lines.append("")
    if result.introduced or result.resolved:
        lines.append(st(w._("Findings:"), bold=True))
        lines += [f"  {st(w._('new'), fg='red')} {d.format_text()}" for d in result.introduced]
        lines += [f"  {st(w._('fixed'), fg='green')} {d.format_text()}" for d in result.resolved]
        lines.append("")
    flags = [f for f in findings(result, w) if f.rule != "errors"]
    if flags:
        lines.append(st(w._("Worth a look:"), bold=True))
        lines += [f"  {f.message} [{f.rule}]" for f in flags]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _txt_checkin(c: CheckInChange, st: Styler, names: _Names) -> str:
    """One check-in added, edited, removed or refused, on one line."""
    w = names.words
    who = f" {w._('by')} {names.person(c.author)}" if c.author else ""
    target = f"{w.kind(c.target_kind)} {c.target}"
    if c.broken:
        return (
            f"  {st(w._('cannot be read at head'), fg='red')} {_when(c, w)} {target}{who}: "
            f"{_refusal(c)}"
        )
    parts = checkin_parts(c, names, lambda f: _txt_field(f, st, names), refusal=_refusal(c))
    late = late_note(c, w)
    detail = "; ".join(parts)
    change = w._("could not be read at base") if c.broken_at_base else w.change(c.change)
    return f"  {change} {_when(c, w)} {target}{who}{': ' + detail if detail else ''}{late}"
