"""What every format of the diff report says alike.

The markdown comment (:mod:`okrsite.diff_markdown`), the terminal text
(:mod:`okrsite.diff_text`) and the JSON (:mod:`okrsite.diff_json`) open with
the same summary sentence, name people and teams the same way, and word
progress arrows and check-ins the same way; this module holds that shared
wording and :class:`ReportContext`, what the report says about where the
two sides came from. Split from :mod:`okrsite.diff_report`.

The text and Markdown reports speak the site's language
(:class:`okrsite.diff_words.Words`):
every word goes through the theme's gettext catalogues, as the pages' words
do, and numbers, percentages and dates are written the language's way
(:class:`~okrsite.translations.Language`). English is the words as written
here (:data:`ENGLISH`); the JSON always uses it, so it stays language-neutral.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from gettext import NullTranslations

from okrsite import numbers
from okrsite.diff import (
    FOLLOWS_RENAME,
    LESS,
    REVERSED,
    CheckInChange,
    DiffResult,
    FieldChange,
    Finding,
    RecordChange,
    ScoreChange,
    Value,
    ValueMove,
)
from okrsite.diff_findings import findings_of
from okrsite.diff_words import _EN, ENGLISH, Words


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What the report says about where the two sides came from."""

    base_label: str = "base"
    head_label: str = "head"
    base_commit: str | None = None
    head_commit: str | None = None
    fail_on: tuple[str, ...] = ("errors",)


# ------------------------------------------------------------------ translations
#: a ``%(name)s``, ``%(num)d`` or ``%%`` of a message: filled in after the
#: translation is escaped, so it must stay as written
_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")
#: bidirectional embeddings, overrides and isolates: they reorder what a
#: reader sees around them (a file name shown reversed), so a translation loses them
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_translation(text: str) -> str:
    """``text`` on one line, without control characters: a translation's
    newline, tab or ``\\x1b`` is a space, a bidirectional override is dropped.

    A translation comes from the site's (or its theme's) ``translations/``,
    which a pull request may change: a newline there would end the comment's
    table row or heading, a terminal escape would reach a CI log. No-break
    spaces, joiners and the like are kept: languages need them."""
    out = []
    for ch in text:
        if ch in _BIDI:
            continue
        out.append(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch)
    return "".join(out)


class _Untrusted(NullTranslations):
    """A catalogue whose translations are escaped for the report's format.

    Titles and owners are escaped because anybody may write them; a
    translation is the same kind of text (``translations/de.po`` is a file of
    the site, changed by pull requests like any other), so it is escaped the
    same way before its placeholders are filled. A message nothing translates
    is okrsite's own text and stays as written (its Markdown included)."""

    def __init__(self, inner: NullTranslations, escape: Callable[[str, str], str]) -> None:
        super().__init__()
        self.inner = inner
        self.escape = escape

    def gettext(self, message: str) -> str:
        said = self.inner.gettext(message)
        return said if said == message else self._escaped(message, said)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        said = self.inner.ngettext(msgid1, msgid2, n)
        if said in (msgid1, msgid2):
            return said
        return self._escaped(msgid1 if n == 1 else msgid2, said)

    def _escaped(self, message: str, said: str) -> str:
        """``said`` escaped piece by piece between its placeholders."""
        pieces = []
        at = 0
        for found in _PLACEHOLDER.finditer(said):
            pieces += [self.escape(message, said[at : found.start()]), found.group()]
            at = found.end()
        pieces.append(self.escape(message, said[at:]))
        return "".join(pieces)


def untrusted_words(w: Words, escape: Callable[[str, str], str]) -> Words:
    """``w`` whose translations go through ``escape(msgid, piece)`` (each
    piece of a translation between its placeholders) before use: Markdown's
    for the comment, :func:`clean_translation` for the terminal.
    :data:`ENGLISH` translates nothing and is returned as it is, as is a
    ``w`` already escaped."""
    translations = w.language.translations
    if w.language is _EN or isinstance(translations, _Untrusted):
        return w
    return Words(replace(w.language, translations=_Untrusted(translations, escape)))


def plain_words(w: Words) -> Words:
    """``w`` for a terminal or a log: its translations on one line, without
    control characters (:func:`clean_translation`). The Markdown report
    words with it what it then escapes as user text (:func:`~okrsite.diff_markdown.md`:
    a value, a finding's message), which escaped twice would show ``&amp;``."""
    translations = w.language.translations
    if isinstance(translations, _Untrusted):
        w = Words(replace(w.language, translations=translations.inner))
    return untrusted_words(w, _clean_piece)


def _clean_piece(_message: str, piece: str) -> str:
    return clean_translation(piece)


# ------------------------------------------------------------------ shared wording
def format_percent(x: float | None, w: Words = ENGLISH) -> str:
    return w.percent(x)


def setting_value(value: object, w: Words = ENGLISH) -> str:
    """A setting's value as ``okrsite.toml`` writes it (``true``, ``0.15``,
    ``"de"``), a cycle as its first and last day; one not set says so."""
    if value is None:
        return w._("not set")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict) and "start" in value:  # a cycle
        return w._(
            "%(start)s to %(end)s, %(title)s",
            start=value["start"],
            end=value["end"],
            title=setting_value(value["title"], w),
        )
    if isinstance(value, dict):  # a source of okrsite pull
        return ", ".join(f"{key} {setting_value(v, w)}" for key, v in value.items())
    if isinstance(value, list):  # a command and its arguments
        return "[" + ", ".join(setting_value(v, w) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, float):
        return str(numbers.json_number(value))  # 4.0 as 4, as the JSON writes it
    return str(value)


#: how many of each record kind: ``(one, many)`` for ngettext
_COUNTED = {
    "objective": ("%(num)d objective", "%(num)d objectives"),
    "KPI": ("%(num)d KPI", "%(num)d KPIs"),
    "SMART goal": ("%(num)d SMART goal", "%(num)d SMART goals"),
    "key result": ("%(num)d key result", "%(num)d key results"),
    "check-in": ("%(num)d check-in", "%(num)d check-ins"),
}


def only_follows_rename(c: CheckInChange) -> bool:
    """Whether all an edited check-in changed is to follow its objective or
    KPI to its new id (its ``objective:``, or its file moved with the
    objective's folder): no value, confidence or anything else of it moved,
    so the summary says it moved with it rather than "edits" it."""
    return (
        c.change == "changed"
        and bool(c.fields)
        and all(f.note == FOLLOWS_RENAME for f in c.fields)
        and all(v.before == v.after for v in c.values)
        and c.confidence_before == c.confidence_after
    )


def summary_sentence(result: DiffResult, w: Words = ENGLISH) -> str:
    """One paragraph a reviewer can read in five seconds."""
    as_of = w.day(result.as_of)
    if result.is_empty:
        text = w._("No changes to goals (%(as_of)s).", as_of=w._("as of %(day)s", day=as_of))
        if result.head_errors:
            n = len(result.head_errors)
            text += " " + w.n(
                "The head revision still has %(num)d error.",
                "The head revision still has %(num)d errors.",
                n,
            )
        return text
    parts: list[str] = []

    def count(noun: str, n: int) -> str:
        one, many = _COUNTED[noun]
        return w.n(one, many, n)

    if result.settings:
        keys = ", ".join(s.key for s in result.settings[:3])
        more = len(result.settings) - 3
        if more > 0:
            keys = w._("%(keys)s and %(more)d more", keys=keys, more=more)
        parts.append(
            w.n(
                "changes %(num)d setting of okrsite.toml (%(keys)s)",
                "changes %(num)d settings of okrsite.toml (%(keys)s)",
                len(result.settings),
                keys=keys,
            )
        )

    from okrsite.diff_org_words import organisation_summary  # it reads DiffResult too

    parts += organisation_summary(result, w)

    def counted(items: Sequence[RecordChange], noun: str) -> None:
        for kind, verb in (
            ("added", "adds %(what)s"),
            ("removed", "removes %(what)s"),
            ("changed", "changes %(what)s"),
        ):
            chosen = [
                c for c in items if c.change == kind and not c.broken and not c.broken_at_base
            ]
            if chosen:
                what = count(noun, len(chosen))
                # a KPI's or SMART goal's target eased, as key results' are said below
                less = sum(1 for c in chosen if any(f.note == LESS for f in c.fields))
                if less and noun != "objective":
                    what = w._("%(what)s (%(less)d less ambitious)", what=what, less=less)
                parts.append(w._(verb, what=what))
        broken = sum(1 for c in items if c.broken)
        if broken:
            parts.append(w._("breaks %(what)s (files with errors)", what=count(noun, broken)))
        fixed = sum(1 for c in items if c.broken_at_base)
        if fixed:
            parts.append(w._("fixes %(what)s (could not be read at base)", what=count(noun, fixed)))

    counted(result.objectives, "objective")
    krs = [kr for o in result.objectives for kr in o.key_results]
    for kind, verb in (("added", "adds %(what)s"), ("removed", "removes %(what)s")):
        chosen = [kr for kr in krs if kr.change == kind]
        if chosen:
            mid = sum(1 for kr in chosen if kr.mid_cycle)
            what = count("key result", len(chosen))
            if mid:
                what = w._("%(what)s (%(mid)d mid-cycle)", what=what, mid=mid)
            parts.append(w._(verb, what=what))
    moved_targets = [
        f
        for o in result.objectives
        for kr in o.key_results
        for f in kr.fields
        if f.field in ("target", "threshold")
    ]
    if moved_targets:
        less = sum(1 for f in moved_targets if f.note == LESS)
        what = w.n("%(num)d key result target", "%(num)d key result targets", len(moved_targets))
        if less:
            what = w._("%(what)s (%(less)d less ambitious)", what=what, less=less)
        parts.append(w._("moves %(what)s", what=what))
    reversed_krs = sum(
        1
        for o in result.objectives
        for kr in o.key_results
        if any(f.note == REVERSED for f in kr.fields)
    )
    if reversed_krs:
        parts.append(
            w.n(
                "reverses the direction of %(num)d key result",
                "reverses the direction of %(num)d key results",
                reversed_krs,
            )
        )
    counted(result.kpis, "KPI")
    # a KPI's direction reversed, or a SMART goal's start and target crossed
    # over, trips --fail-on less-ambitious as a key result's does: said too
    reversed_kpis = sum(1 for c in result.kpis if any(f.note == REVERSED for f in c.fields))
    if reversed_kpis:
        parts.append(
            w.n(
                "reverses the direction of %(num)d KPI",
                "reverses the direction of %(num)d KPIs",
                reversed_kpis,
            )
        )
    counted(result.goals, "SMART goal")
    reversed_goals = sum(1 for c in result.goals if any(f.note == REVERSED for f in c.fields))
    if reversed_goals:
        parts.append(
            w.n(
                "reverses the direction of %(num)d SMART goal",
                "reverses the direction of %(num)d SMART goals",
                reversed_goals,
            )
        )
    fixed_checkins = sum(1 for c in result.checkins if c.broken_at_base)
    new_checkins = sum(1 for c in result.checkins if c.change == "added") - fixed_checkins
    if new_checkins:
        parts.append(w._("adds %(what)s", what=count("check-in", new_checkins)))
    refused = sum(1 for c in result.checkins if c.broken)
    renamed = [c for c in result.checkins if only_follows_rename(c)]
    # a check-in whose only change is a value's key following a renamed key
    # result did not move and names no renamed objective or KPI
    key_only = sum(1 for c in renamed if all(f.field == "key result" for f in c.fields))
    followed = len(renamed) - key_only
    other = len(result.checkins) - new_checkins - refused - fixed_checkins - len(renamed)
    if other:
        parts.append(w._("edits or removes %(what)s", what=count("check-in", other)))
    if followed:
        parts.append(
            w._("moves %(what)s with a renamed objective or KPI", what=count("check-in", followed))
        )
    if key_only:
        parts.append(
            w._("updates %(what)s for a renamed key result", what=count("check-in", key_only))
        )
    if refused:
        parts.append(w._("breaks %(what)s (files with errors)", what=count("check-in", refused)))
    if fixed_checkins:
        parts.append(
            w._(
                "fixes %(what)s (could not be read at base)", what=count("check-in", fixed_checkins)
            )
        )
    if parts:
        text = w._("This change %(what)s", what=", ".join(parts))
    else:
        text = w._("This change changes no goal records")
    if result.scores:
        text += w.n(
            "; progress, expected progress, status, confidence or forecast changes for "
            "%(num)d objective",
            "; progress, expected progress, status, confidence or forecast changes for "
            "%(num)d objectives",
            len(result.scores),
        )
    text += f" ({w._('as of %(day)s', day=as_of)})."
    if result.introduced or result.resolved:
        text += " " + w._(
            "It introduces %(what)s and resolves %(resolved)d.",
            what=w.n("%(num)d finding", "%(num)d findings", len(result.introduced)),
            resolved=len(result.resolved),
        )
    if result.not_checked:
        text += " " + w.n(
            "%(num)d finding of the base was not checked at head, as its okrsite.toml "
            "cannot be read: the findings are compared only in part.",
            "%(num)d findings of the base were not checked at head, as its okrsite.toml "
            "cannot be read: the findings are compared only in part.",
            len(result.not_checked),
        )
    if result.not_checked_at_base:
        text += " " + w.n(
            "%(num)d finding at head was not checked at base, as the base's okrsite.toml "
            "cannot be read: the findings are compared only in part.",
            "%(num)d findings at head were not checked at base, as the base's okrsite.toml "
            "cannot be read: the findings are compared only in part.",
            len(result.not_checked_at_base),
        )
    if result.head_errors:
        text += " " + w.n(
            "The head revision has %(num)d error.",
            "The head revision has %(num)d errors.",
            len(result.head_errors),
        )
    return text


def findings(result: DiffResult, w: Words = ENGLISH) -> list[Finding]:
    """The ``--fail-on`` findings (:attr:`DiffResult.findings`, which the JSON
    lists) with their messages in ``w``'s language, in the same order."""
    if w.language is _EN:
        return list(result.findings)
    return findings_of(
        result.objectives, result.kpis, result.goals, result.head_errors, w, result.place_moves
    )


def _value_key(key: str, c: CheckInChange, w: Words) -> str:
    """A value's key: a key result's id (data), or a KPI's ``value`` (a word)."""
    return w.field("value") if c.target_kind == "kpi" and key == "value" else key


def _status_arrow(before: object, after: object, w: Words = ENGLISH) -> str:
    if before == after:
        return w.status(after)
    return f"{w.status(before)} → {w.status(after)}"


@dataclass(frozen=True, slots=True)
class _Names:
    """How the report names people and teams: as the pages do (their file's
    ``title``, else the name as first written), falling back to the id."""

    people: Mapping[str, str]
    teams: Mapping[str, str]
    words: Words = ENGLISH

    @classmethod
    def of(cls, result: DiffResult, words: Words = ENGLISH) -> _Names:
        return cls(result.person_names, result.team_names, words)

    def person(self, pid: str) -> str:
        return self.people.get(pid, pid)

    def shown(self, f: FieldChange, units: tuple[str, str] = ("", "")) -> tuple[str, str]:
        """Before and after as text: progress as percentages, people and teams
        by name, measured figures with their units (:func:`~okrsite.diff.show_field`)."""
        w = self.words
        if f.field == "progress":
            return (
                w.percent(f.before if isinstance(f.before, float) else None),
                w.percent(f.after if isinstance(f.after, float) else None),
            )
        names = {"owner": self.people, "author": self.people, "team": self.teams}.get(f.field)
        if names is not None:
            found = names

            def name(v: Value) -> str:
                return found.get(v, v) if isinstance(v, str) else w.show(v)

            return name(f.before), name(f.after)
        return w.field_values(f, units)


def _note_change(f: FieldChange, w: Words = ENGLISH) -> str:
    """A check-in's note changed: said in words, as a note can be paragraphs long."""
    if not str(f.before or "").strip():
        return w._("note added")
    if not str(f.after or "").strip():
        return w._("note removed")
    return w._("note edited")


def _when(c: CheckInChange, w: Words = ENGLISH) -> str:
    """A check-in's date, with its time of day as written when it has one
    (``2026-11-19 10:30``): the two check-ins of one day are told apart; and
    the zone that time names, as pages show it (``2026-11-23 17:00
    (UTC+01:00)``, the pages' msgid), or 17:00+01:00 and 09:00-08:00 would
    read as if the later were the earlier."""
    if not c.time:
        return w.day(c.date)
    return f"{w.day(c.date)} {w.language.clock(c.time, c.zone)}"


def _confidence_move(
    c: CheckInChange, shown: Callable[[Value], str], w: Words = ENGLISH
) -> str | None:
    """The confidence a check-in sets, next to the one before it.

    A new check-in without a confidence changes none: the objective keeps
    the last one given (its page and export say so), so "7 → —" would
    read as if it had been withdrawn. An edit that deletes the line does
    withdraw it from that check-in, and says so.
    """
    if c.change == "added" and c.confidence_after is None:
        return None
    if c.confidence_before != c.confidence_after:
        return f"{w._('confidence')} {shown(c.confidence_before)} → {shown(c.confidence_after)}"
    return None


def _checkin_value(v: ValueMove, before: bool, w: Words) -> str:
    """A check-in's value as the pages write it: with its unit, or, for a
    yes/no key result, "done" or "not done" (the dashboard's words)."""
    done = v.done_before if before else v.done_after
    if done is not None:
        return w._("done") if done else w._("not done")
    return w.measure(v.before if before else v.after, v.unit)


def checkin_parts(
    c: CheckInChange,
    names: _Names,
    field: Callable[[FieldChange], str],
    esc: Callable[[str], str] = str,
    refusal: str = "",
) -> list[str]:
    """What a check-in that was added, edited or refused at base says, one
    part per item, as the text and Markdown reports both write it: its other
    changed fields (``field`` writes one; a note is said in words), its
    values previous → new (an unchanged one "(unchanged)"), its confidence
    move, else the confidence it gives, and base's errors (``refusal``).

    ``esc`` escapes user text for the format (Markdown's :func:`md`; the
    terminal's none): the one place both reports word a check-in, so they
    say the same.
    """
    w = names.words
    pw = plain_words(w)  # what ``esc`` escapes: translated only once
    parts = [_note_change(f, w) if f.field == "note" else field(f) for f in c.fields]
    values = ", ".join(
        f"{esc(_value_key(v.key, c, pw))} {esc(_checkin_value(v, True, pw))} → "
        f"{esc(_checkin_value(v, False, pw))}"
        if v.before != v.after
        else f"{esc(_value_key(v.key, c, pw))} {esc(_checkin_value(v, False, pw))} "
        f"{w._('(unchanged)')}"
        for v in c.values
    )
    if values:
        parts.append(values)

    def shown(v: Value) -> str:
        return esc(pw.show(v))

    moved = _confidence_move(c, shown, w)
    if moved:
        parts.append(moved)
    elif c.confidence_after is not None:
        parts.append(f"{w._('confidence')} {shown(c.confidence_after)}")
    if c.broken_at_base and c.errors:
        parts.append(w._("errors at base: %(errors)s", errors=refusal))
    return parts


def late_note(c: CheckInChange, w: Words = ENGLISH) -> str:
    """`` (dated after as_of: not counted yet)`` for a check-in dated after
    as_of, else nothing."""
    return "" if c.counted else " " + w._("(dated after as_of: not counted yet)")


def score_moves(s: ScoreChange, table: bool = False, w: Words = ENGLISH) -> list[str]:
    """What moved of an objective's figures besides its progress and status,
    as scoring worked them out on each side: ``expected 77% → 66%``,
    ``confidence 7 → 6``, ``forecast 80% → 62%`` (each only when it moved).

    ``table``: for the Markdown table at the top, which leaves them out for
    an objective added or removed (its "— → 50%" is in the details).

    Expected gets each side's decimals as its progress does (the objective
    page writes the pair with :func:`okrsite.scoring_pace.pace_places`); the
    forecast is written whole on the page, so only its move's own decimals.
    """
    if table and (s.progress_before is None or s.progress_after is None):
        return []
    out: list[str] = []
    if s.expected_moved:
        # each side as its objective page wrote it beside the progress, with
        # that side's decimals (pace_places): "expected 50% → 34.9%" beside
        # "34.5% → 36%"; a forecast is written whole there, and so here
        expected = w.percent_move(
            s.expected_before,
            s.expected_after,
            arrow=False,
            places=(s.places_before, s.places_after),
        )
        out.append(f"{w._('expected')} {expected}")
    if s.confidence_moved:
        out.append(
            f"{w._('confidence')} {w.show(s.confidence_before)} → {w.show(s.confidence_after)}"
        )
    if s.forecast_moved:
        out.append(
            f"{w._('forecast')} {w.percent_move(s.forecast_before, s.forecast_after, arrow=False)}"
        )
    return out
