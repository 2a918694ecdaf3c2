"""The diff report as a pull-request comment (``okrsite diff --format markdown``).

Reviewers read the top and skim the rest, so the summary, the errors and a
table of changed objectives come first and every detail sits in a collapsed
``<details>`` section; the comment is cut below GitHub's size limit, carries
a hidden :data:`MARKER` for a workflow to find and update it, and escapes all
user text (:func:`md`, :func:`code`). See :mod:`okrsite.diff_report`.
"""

from __future__ import annotations

import html

from okrsite.diagnostics import Diagnostic
from okrsite.diff import (
    LESS,
    REVERSED,
    CheckInChange,
    DiffResult,
    FieldChange,
    KRChange,
    RecordChange,
    ScoreChange,
    Value,
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
from okrsite.plural import plural

MARKER = "<!-- okrsite-diff -->"
MAX_MARKDOWN = 65_000


def _note(f: FieldChange) -> str:
    return f" ({f.note})" if f.note else ""


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


def _md_checkin(c: CheckInChange, names: _Names) -> str:
    who = f" by {md(names.person(c.author))}" if c.author else ""
    if c.broken:
        return (
            f"- {_when(c)} {c.target_kind} {code(c.target)}{who}: **cannot be read at head**: "
            + "; ".join(_md_refusal(d) for d in c.errors)
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
    if c.broken_at_base and c.errors:
        parts.append("errors at base: " + "; ".join(_md_refusal(d) for d in c.errors))
    late = "" if c.counted else " (dated after as_of: not counted yet)"
    detail = "; ".join(parts)
    change = "could not be read at base" if c.broken_at_base else c.change
    return (
        f"- {_when(c)} {c.target_kind} {code(c.target)}{who}: **{change}**"
        f"{': ' + detail if detail else ''}{late}"
    )


def _md_refusal(d: Diagnostic) -> str:
    """One error that makes a side refuse a check-in."""
    return f"{code(d.location)} {code(d.code)} {md(d.message)}"


def _md_diag(d: Diagnostic) -> str:
    hint = f" — hint: {md(d.hint)}" if d.hint else ""
    return f"- {code(d.location)} {d.severity.value} {code(d.code)}: {md(d.message)}{hint}"


def _md_score_row(s: ScoreChange) -> str:
    """A row of the table at the top: the expected progress, confidence and
    forecast join the progress when they moved (on both sides: an added or
    removed objective's "— → 50%" is in the details)."""
    moves = "".join(f", {m}" for m in score_moves(s, table=True))
    return (
        f"| {code(s.id)} {md(s.title)} | {percent_move(s.progress_before, s.progress_after)}{moves} "
        f"| {_status_arrow(s.status_before, s.status_after)} | {', '.join(s.causes)} |"
    )


def _md_score_detail(s: ScoreChange) -> list[str]:
    moves = "".join(f"{m}, " for m in score_moves(s))
    lines = [
        f"- {code(s.id)}: progress {percent_move(s.progress_before, s.progress_after)}, "
        f"{moves}status {_status_arrow(s.status_before, s.status_after)} "
        f"({', '.join(s.causes)})"
    ]
    for k in s.key_results:
        lines.append(
            f"  - key result {code(k.id)}: {percent_move(k.progress_before, k.progress_after)}, "
            f"{_status_arrow(k.status_before, k.status_after)}"
        )
    return lines


def _details(summary: str, lines: list[str]) -> list[str]:
    return ["<details>", f"<summary>{summary}</summary>", "", *lines, "", "</details>", ""]


def report_markdown(
    result: DiffResult,
    ctx: ReportContext = ReportContext(),  # noqa: B008 (a frozen dataclass)
    limit: int = MAX_MARKDOWN,
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
    if result.settings:
        head += [
            f"**Settings** ({code('okrsite.toml')}):",
            "",
            *[
                f"- {code(s.key)}: {md(setting_value(s.before))} → {md(setting_value(s.after))}"
                for s in result.settings
            ],
            "",
        ]
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
