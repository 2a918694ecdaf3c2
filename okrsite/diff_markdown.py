"""The diff report as a pull-request comment (``okrsite diff --format markdown``).

Reviewers read the top and skim the rest, so the summary, the errors and a
table of changed objectives come first and every detail sits in a collapsed
``<details>`` section; the comment is cut below GitHub's size limit, carries
a hidden :data:`MARKER` for a workflow to find and update it, and escapes all
user text (:func:`md`, :func:`code`). See :mod:`okrsite.diff_report`.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

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
)
from okrsite.diff_org_words import organisation_lines
from okrsite.diff_paths import in_repository as in_repository
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
    untrusted_words,
)
from okrsite.diff_words import ENGLISH, Words

MARKER = "<!-- okrsite-diff -->"
MAX_MARKDOWN = 65_000
CUT_NOTE = (
    "> **Report cut** at the comment size limit; run `okrsite diff` locally "
    "(or with `--format json`) for all of it."
)


def _note(f: FieldChange, w: Words = ENGLISH) -> str:
    return f" ({w.note(f.note)})" if f.note else ""


# ------------------------------------------------------------------ markdown
def printable(text: str) -> str:
    """``text`` with its control characters shown escaped (``\\x1b``), as
    ``okrsite check`` shows them: a file name in a revision may carry a
    terminal escape, which a report printed to a terminal (or pasted into a
    comment) must never carry raw. One test on the usual, printable text."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


#: an ``@`` that starts a mention on GitHub or GitLab: ``@octocat``,
#: ``@acme/everyone``. Only an ASCII letter, digit or ``_`` before it keeps it
#: from being one (an email address): GitHub's rule is ``(?:^|\W)@name`` in
#: Ruby, whose ``\W`` holds ``é`` and ``@``, so ``café@octocat`` and
#: ``@@octocat`` ping @octocat (audit 47, "hostile", note)
_MENTION = re.compile(r"(?<![0-9A-Za-z_])@(?=[\w-])")


def md(text: object) -> str:
    """Escape user text for a Markdown table cell or list item (and for HTML).
    An ``@`` that would start a mention gets a zero-width space after it: a
    title or owner written ``@acme/everyone`` reads the same in the comment
    but pings nobody (an email address's ``@`` is left as it is)."""
    s = " ".join(str(text).split())  # newlines would end the table row
    return _escape(printable(s))


def _escape(s: str) -> str:
    """:func:`md` without its folding of white space (a translation's piece
    keeps the space before its placeholder)."""
    s = html.escape(s, quote=False)
    if "@" in s:
        s = _MENTION.sub("@\u200b", s)
    out = []
    for ch in s:
        if ch in "\\`*_[]|~#":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def code(text: object, cell: bool = False) -> str:
    """An inline code span that survives backticks in user text, and pipes
    in a table's ``cell``.

    CommonMark closes a code span at the first run of as many backticks as
    opened it, so the fence is one backtick longer than the longest run in
    the text (a file named ``q`` `` @octocat <img …> `` `` would close a
    two-backtick fence and put its image and mention in the comment); a space
    inside each end, which CommonMark strips, keeps a leading or trailing
    backtick of the text out of the fence.

    A ``|`` would end a table's cell, so in one it is written ``\\|``, which
    GitHub reads before the code span; anywhere else a code span shows a
    backslash as written, and a branch ``fix|typo`` read ``fix\\|typo``
    (audit 47, "hostile" F4)."""
    s = printable(" ".join(str(text).split()))
    if cell:
        s = s.replace("|", "\\|")
    if "`" not in s:
        return f"`{s}`"
    fence = "`" * (max(len(run) for run in re.findall("`+", s)) + 1)
    return f"{fence} {s} {fence}"


#: Markdown a message of okrsite's own writes (``**Settings**``, ``\`okrsite
#: check\```) which its translation may write again
_MARKUP = re.compile(r"\*\*|`[^`\n]+`")


def _md_translation(message: str, piece: str) -> str:
    """A piece of ``message``'s translation escaped as user text is (:func:`md`).

    Every ``@`` gets its zero-width space (a piece ends where a placeholder's
    value follows, which could finish a mention), newlines are spaces
    (:func:`~okrsite.diff_wording.clean_translation`). The bold, code spans
    and quote that ``message`` itself writes are kept where the translation
    writes them too: they are okrsite's, a German report is as bold as an
    English one."""
    s = _escape(clean_translation(piece).replace("@", "@\u200b"))
    for token in set(_MARKUP.findall(message)):
        s = s.replace(_escape(token), token)
    if message.startswith("> ") and s.startswith("&gt; "):
        s = "> " + s[len("&gt; ") :]
    return s


def _html_translation(_message: str, piece: str) -> str:
    """A piece of a translation inside HTML (a ``<details>``' ``<summary>``,
    where Markdown's backslashes would show): HTML-escaped, on one line,
    every ``@`` with its zero-width space."""
    return html.escape(clean_translation(piece), quote=False).replace("@", "@\u200b")


def markdown_words(w: Words) -> Words:
    """``w`` whose translations are escaped for the comment (:func:`_md_translation`)."""
    return untrusted_words(w, _md_translation)


def _md_field(f: FieldChange, names: _Names, units: tuple[str, str] = ("", "")) -> str:
    w = names.words
    label = w.field(f.field)
    label = f"**{label}**" if f.note in (LESS, REVERSED) else label
    # the values are escaped below: worded without the comment's escaping
    before, after = replace(names, words=plain_words(w)).shown(f, units)
    return f"{label}: {md(before)} → {md(after)}{_note(f, w)}"


def _md_kr(kr: KRChange, names: _Names) -> list[str]:
    w = names.words
    head = f"{w.field('key result')} {code(kr.id)} {md(kr.title)}"
    mid = " " + w._("mid-cycle") if kr.mid_cycle else ""
    if kr.change in ("added", "removed"):
        return [f"- {head}: **{w.change(kr.change)}**{mid}"]
    said = [w._("renamed from %(old)s", old=code(kr.renamed_from))] if kr.renamed_from else []
    said += [w._("mid-cycle")] if kr.mid_cycle else []
    lines = [f"- {head}" + (f" ({'; '.join(said)})" if said else "")]
    lines += [f"  - {_md_field(f, names, kr.units)}" for f in kr.fields]
    return lines


def _md_record(rec: RecordChange, names: _Names) -> list[str]:
    w = names.words
    lines = _md_record_lines(rec, names)
    if rec.cycle_ended:
        ended = w._("after %(cycle)s ended", cycle=md(rec.cycle_ended))
        said = (
            w._("the cycle's final figures change")
            if rec.kind == "kpi"  # the figures of that cycle's objectives, not the KPI's
            else w._("its final figures change")
        )
        lines.insert(1, f"  - **{ended}**: {said}")
    return lines


def _md_record_lines(rec: RecordChange, names: _Names) -> list[str]:
    w = names.words
    title = f"{code(rec.id)} {md(rec.title)}"
    file = code(rec.file)
    if rec.change == "added" and rec.broken_at_base:
        said = w._("%(file)s had errors there", file=file)
        return [f"- {title}: **{w._('could not be read at base')}**: {said}"]
    if rec.change == "added":
        return [f"- {title}: **{w.change('added')}** {w._('in %(file)s', file=file)}"]
    if rec.change == "removed" and rec.broken:
        said = w._("%(file)s has errors", file=file)
        return [f"- {title}: **{w._('cannot be read at head')}**: {said}"]
    if rec.change == "removed":
        return [f"- {title}: **{w.change('removed')}** ({w._('was %(file)s', file=file)})"]
    extra = []
    if rec.renamed_from:
        extra.append(w._("renamed from %(old)s", old=code(rec.renamed_from)))
    if rec.moved_from:
        extra.append(w._("moved from %(old)s to %(new)s", old=code(rec.moved_from), new=file))
    if rec.mid_cycle:
        extra.append(w._("mid-cycle"))
    lines = [f"- {title}" + (f" ({'; '.join(extra)})" if extra else "")]
    lines += [f"  - {_md_field(f, names, rec.units)}" for f in rec.fields]
    lines += [f"  - {md(line)}" for line in w.readings(rec)]
    for kr in rec.key_results:
        lines += ["  " + line for line in _md_kr(kr, names)]
    return lines


def _md_checkin(c: CheckInChange, names: _Names) -> str:
    w = names.words
    who = f" {w._('by')} {md(names.person(c.author))}" if c.author else ""
    target = f"{w.kind(c.target_kind)} {code(c.target)}"
    if c.broken:
        return f"- {_when(c, w)} {target}{who}: **{w._('cannot be read at head')}**: " + "; ".join(
            _md_refusal(d) for d in c.errors
        )

    refusal = "; ".join(_md_refusal(d) for d in c.errors)
    parts = checkin_parts(c, names, lambda f: _md_field(f, names), md, refusal)
    late = late_note(c, w)
    detail = "; ".join(parts)
    change = w._("could not be read at base") if c.broken_at_base else w.change(c.change)
    return f"- {_when(c, w)} {target}{who}: **{change}**{': ' + detail if detail else ''}{late}"


def _md_refusal(d: Diagnostic) -> str:
    """One error that makes a side refuse a check-in."""
    return f"{code(d.location)} {code(d.code)} {md(d.message)}"


def _md_diag(d: Diagnostic, w: Words = ENGLISH) -> str:
    hint = f" — {w._('hint: %(hint)s', hint=md(d.hint))}" if d.hint else ""
    return f"- {code(d.location)} {d.severity.value} {code(d.code)}: {md(d.message)}{hint}"


def _md_score_row(s: ScoreChange, w: Words = ENGLISH) -> str:
    """A row of the table at the top: the expected progress, confidence and
    forecast join the progress when they moved (on both sides: an added or
    removed objective's "— → 50%" is in the details)."""
    moves = "".join(f", {m}" for m in score_moves(s, table=True, w=w))
    return (
        f"| {code(s.id, cell=True)} {md(s.title)} | "
        f"{w.percent_move(s.progress_before, s.progress_after, places=(s.places_before, s.places_after))}{moves} "
        f"| {_status_arrow(s.status_before, s.status_after, w)} | {w.causes(s.causes)} |"
    )


def _md_score_detail(s: ScoreChange, w: Words = ENGLISH) -> list[str]:
    moves = "".join(f"{m}, " for m in score_moves(s, w=w))
    lines = [
        f"- {code(s.id)}: {w._('progress')} "
        f"{w.percent_move(s.progress_before, s.progress_after, places=(s.places_before, s.places_after))}, "
        f"{moves}{w._('status')} {_status_arrow(s.status_before, s.status_after, w)} "
        f"({w.causes(s.causes)})"
    ]
    for k in s.key_results:
        lines.append(
            f"  - {w.field('key result')} {code(k.id)}: "
            f"{w.percent_move(k.progress_before, k.progress_after, places=(k.places_before, k.places_after))}, "
            f"{_status_arrow(k.status_before, k.status_after, w)}"
        )
    return lines


def _details(summary: str, lines: list[str]) -> list[str]:
    return ["<details>", f"<summary>{summary}</summary>", "", *lines, "", "</details>", ""]


def report_markdown(
    result: DiffResult,
    ctx: ReportContext = ReportContext(),  # noqa: B008 (a frozen dataclass)
    limit: int = MAX_MARKDOWN,
    words: Words = ENGLISH,
    prefix: str = "",
    base_prefix: str | None = None,
) -> str:
    """The PR comment: summary, errors, objectives table, then collapsed
    details; ``words``: the language it is written in (English by default);
    ``prefix``: the site's folder in its repository, which every file named
    starts with (:func:`in_repository`), ``base_prefix`` its folder at the
    base when the change moved it. Its translations are escaped as
    user text is (:func:`markdown_words`): a site's ``translations/`` is
    changed by pull requests like its goal files."""
    w = markdown_words(words)
    hw = untrusted_words(words, _html_translation)  # for <summary>, raw HTML
    pw = plain_words(words)  # for what md() escapes: escaped once
    result = in_repository(result, prefix, base_prefix)
    names = _Names.of(result, w)
    head: list[str] = [
        MARKER,
        "### "
        + w._(
            "Goal changes: %(base)s → %(head)s",
            base=code(ctx.base_label),
            head=code(ctx.head_label),
        ),
        "",
        summary_sentence(result, w),
        "",
    ]
    if result.head_errors:
        head += [
            w.n(
                "**:x: %(num)d error at %(label)s** (the site will not build until they are "
                "fixed):",
                "**:x: %(num)d errors at %(label)s** (the site will not build until they are "
                "fixed):",
                len(result.head_errors),
                label=md(ctx.head_label),
            ),
            "",
            *[_md_diag(d, w) for d in result.head_errors[:50]],
        ]
        if len(result.head_errors) > 50:
            more = len(result.head_errors) - 50
            head.append("- " + w._("… and %(more)d more (run `okrsite check`)", more=more))
        head.append("")
    if result.settings:
        head += [
            w._("**Settings** (%(file)s):", file=code(prefix + "okrsite.toml")),
            "",
            *[
                f"- {code(s.key)}: {md(setting_value(s.before, pw))} → "
                f"{md(setting_value(s.after, pw))}"
                for s in result.settings
            ],
            "",
        ]
    if result.organisation:
        head += [
            f"**{w._('People and teams:')}**",
            "",
            *[f"{'  ' * depth}- {md(line)}" for depth, line in organisation_lines(result, pw)],
            "",
        ]
    if result.scores:
        columns = (w._("Objective"), w._("Progress"), w._("Status"), w._("Why"))
        head += [
            "| " + " | ".join(columns) + " |",
            "| --- | --- | --- | --- |",
            *[_md_score_row(s, w) for s in result.scores],
            "",
        ]
    flags = [f for f in findings(result, pw) if f.rule != "errors"]
    if flags:
        head += [f"**{w._('Worth a look:')}**", ""]
        head += [f"- {md(f.message)} ({code(f.rule)})" for f in flags[:20]]
        if len(flags) > 20:
            head.append("- " + w._("… and %(more)d more", more=len(flags) - 20))
        head.append("")

    sections: list[list[str]] = []
    if result.objectives:
        lines = [line for rec in result.objectives for line in _md_record(rec, names)]
        count = len(result.objectives)
        sections.append(
            _details(hw._("Objectives and key results (%(count)d)", count=count), lines)
        )
    if result.kpis:
        lines = [line for rec in result.kpis for line in _md_record(rec, names)]
        sections.append(_details(hw._("KPIs (%(count)d)", count=len(result.kpis)), lines))
    if result.goals:
        lines = [line for rec in result.goals for line in _md_record(rec, names)]
        sections.append(_details(hw._("SMART goals (%(count)d)", count=len(result.goals)), lines))
    if result.checkins:
        sections.append(
            _details(
                hw._("Check-ins (%(count)d)", count=len(result.checkins)),
                [_md_checkin(c, names) for c in result.checkins],
            )
        )
    if result.scores:
        lines = [line for s in result.scores for line in _md_score_detail(s, w)]
        count = len(result.scores)
        sections.append(_details(hw._("Scores in detail (%(count)d)", count=count), lines))
    if result.introduced or result.resolved:
        lines = []
        if result.introduced:
            lines += [w._("Introduced:"), "", *[_md_diag(d, w) for d in result.introduced], ""]
        if result.resolved:
            lines += [w._("Resolved:"), "", *[_md_diag(d, w) for d in result.resolved], ""]
        sections.append(
            _details(
                hw._(
                    "Findings: %(introduced)d introduced, %(resolved)d resolved",
                    introduced=len(result.introduced),
                    resolved=len(result.resolved),
                ),
                lines,
            )
        )
    base = ctx.base_commit[:12] if ctx.base_commit else ctx.base_label
    headc = ctx.head_commit[:12] if ctx.head_commit else ctx.head_label
    scored = w._(
        "okrsite diff %(base)s → %(head)s, both scored as of %(day)s.",
        base=md(base),
        head=md(headc),
        day=w.day(result.as_of),
    )
    footer = [f"<sub>{scored}</sub>", ""]
    cut_note = w._(
        "> **Report cut** at the comment size limit; run `okrsite diff` locally "
        "(or with `--format json`) for all of it."
    )
    return _assemble(head, sections, footer, limit, cut_note)


def _assemble(
    head: list[str],
    sections: list[list[str]],
    footer: list[str],
    limit: int,
    cut_note: str = CUT_NOTE,
) -> str:
    """Join the parts, cutting at a line boundary (closing any open section) past ``limit``."""
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
        # a blank line first: after a closing </details> (a cut at a section's
        # last line) the note would otherwise run on in that HTML block and
        # show as raw text, asterisks and all
        if out and out[-1] != "":
            out.append("")
        out += [cut_note, ""]
    out += footer
    return "\n".join(out)
