"""What the authoring commands ask at a terminal, and how they read what is typed.

Split from :mod:`okrsite.authoring_cli`: ``--date`` read as a check-in
file's ``date:`` is (:class:`MomentType`), ``--set KR=VALUE``, the note
written in the editor, and the prompts for values, each answer checked by
the loader as it is typed and asked again if it refuses it
(:func:`_answer_checker`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import click

from okrsite.authoring import AmbiguousFigure, findings, number_or_text
from okrsite.checkin_figures import say_point_read_as_decimal
from okrsite.csv_date_forms import zone_offset
from okrsite.diagnostics import Diagnostic
from okrsite.model import Objective
from okrsite.pipeline import LoadResult, ParseCache
from okrsite.written_dates import (
    MOMENT_FORMS,
    WITH_YEAR,
    compact_iso,
    impossible_zone,
    read_date,
    relative_day,
    timed,
    year_last_readings,
    zone_as_typed,
)

#: how the editor's note template marks what is not part of the note (as git does)
SCISSORS = "# ------------------------ >8 ------------------------"
_PROMPTED_KINDS = ("numeric", "boolean", "stay_above", "stay_below")


class MomentType(click.ParamType):  # type: ignore[type-arg]
    """``--date``: exactly what a check-in file's ``date:`` takes, read by the
    same functions (:mod:`okrsite.written_dates`), so a date that a file
    accepts is never refused on the command line (``18.11.2026``,
    ``2026-11-18 4:30 pm``), and one a file refuses is refused here before
    anything is loaded. On the command line only, ``today`` and ``yesterday``
    (with a time too: ``yesterday 4:30 pm``) name the day counted from the
    machine's clock, as a person checking in late types it, and a day typed
    without its year (``Dec 4``) is the latest such day up to today; a file
    keeps the date itself, which does not move on the next day. The file gets it as ``2026-11-18`` or
    ``2026-11-18T16:30+01:00``: a zone typed with the time is kept as typed
    (``+01:00``, ``…Z``), and a time typed without one is the writer's local
    time, written with the machine's UTC offset on that day
    (:func:`local_zoned`), as :func:`stamp_now` stamps "now": written
    without it, the loader would read the time as if in UTC, another instant
    than the one meant, and order it after a later stamped check-in. A date
    alone stays a date. A zone no clock shows (``+25:00``) is refused, as a
    file's is."""

    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> date | datetime:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        word, _, rest = text.partition(" ")
        named = relative_day(word)
        if named is not None:  # yesterday 4:30 pm: the day's date, then its time as written
            text = f"{named} {rest}".strip()
        split = timed(text)
        written, clock = split if split is not None else (text, "")
        day = read_date(written)
        if day is None:
            day = _latest_without_year(written)
            if day is not None:
                click.echo(f"okrsite: --date {value!r} is read as {day}", err=True)
        if day is None:
            readings = year_last_readings(written)
            if len(readings) > 1:
                first, second = readings
                self.fail(
                    f"{value!r} names two days: {first.day} {first:%B %Y} (day first) or "
                    f"{second:%B} {second.day}, {second.year} (month first); write the one you mean as "
                    f"{first} or {second}",
                    param,
                    ctx,
                )
            extended = compact_iso(written)
            if extended is not None:  # 20261231, 2026W53: ISO's basic form, not read
                self.fail(
                    f"{value!r} is not a date okrsite reads; write it as {extended} "
                    "(dates are read with their hyphens only)",
                    param,
                    ctx,
                )
            self.fail(
                f"{value!r} is not a date; write it as {MOMENT_FORMS}, or today or yesterday",
                param,
                ctx,
            )
        zone = impossible_zone(text)
        if clock is None and zone is not None:  # 10:00 is a time; +25:00 is no zone
            self.fail(
                f"{value!r} names the time zone {zone}, which no clock shows; write a zone "
                f"from -14:00 to +14:00 ({day}T14:05+01:00, {day}T14:05Z), or leave it out",
                param,
                ctx,
            )
        if clock is None:
            self.fail(
                f"{value!r} has no such time of day; write it 24-hour, e.g. "
                f"{day}T14:05, or on a 12-hour clock, {day} 2:05 pm",
                param,
                ctx,
            )
        if not clock:
            return day
        moment = datetime.combine(day, time.fromisoformat(clock), _typed_zone(text))
        return moment if moment.tzinfo is not None else local_zoned(moment)


def _latest_without_year(written: str) -> date | None:
    """A day typed without its year (``Dec 4``, ``4. Dezember``, ``4.12.``) as
    the latest such day up to today, the machine's: the day a person
    checking in late means. ``None`` when ``written`` names a year or reads
    as no day with one added. (A file's date without a year stays an error:
    it is read again next year.)"""
    if re.search(r"\d{4}", written):
        return None
    today = date.today()
    for year in range(today.year, today.year - 5, -1):  # 29 February: the last leap year's
        for form in WITH_YEAR:
            day = read_date(form.format(written, year))
            if day is not None and day <= today:
                return day
    return None


def stamp_now() -> datetime:
    """What ``okrsite checkin`` stamps without ``--date``: the machine's
    local time to the minute, with its UTC offset as a zone named by the
    offset (``2026-12-05T01:02-05:00``, never ``EST``, a name the loader
    refuses). Without the zone the loader would read the time as if in
    UTC, so a later check-in from New York (01:02) would be ordered before
    an earlier one from Berlin (07:02) and its value lost; with it one day's
    check-ins are ordered by the instant. The day (and so the file name) is
    the local date, as a check-in's day is its own local day."""
    return local_zoned(datetime.now().replace(second=0, microsecond=0))


def local_zoned(moment: datetime) -> datetime:
    """``moment``, a local time of this machine without a zone, with the
    UTC offset its zone has at that moment as a zone named by the offset
    (``+01:00``, never ``CET``): the offset of that day, not of today, so
    ``--date "2026-07-01 09:00"`` typed in Berlin in December gets
    ``+02:00`` (summer time), the instant the writer's clock showed then."""
    offset = moment.astimezone().utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    name = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return moment.replace(tzinfo=timezone(offset, name))


def _typed_zone(text: str) -> timezone | None:
    """The zone typed after ``--date``'s time as a ``tzinfo`` whose name is
    the zone as typed (``+01:00``, ``Z``), which
    :func:`~okrsite.authoring.checkin_text` writes into the file: the
    check-in keeps the instant its author meant, not the time alone, which
    would be read as if in UTC. ``None`` without a zone."""
    zone, minutes = zone_as_typed(text), zone_offset(text)
    if not zone or minutes is None:
        return None
    return timezone(timedelta(minutes=minutes), zone)


def _parse_set(items: tuple[str, ...]) -> dict[str, str]:
    """``--set KR=VALUE`` as typed: the values are read once the site's
    language is known (:func:`~okrsite.authoring.number_or_text`)."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip() or not raw.strip():
            raise click.BadParameter(
                f"{item!r}: write KR=VALUE, e.g. --set churn=4.1", param_hint="--set"
            )
        if key.strip() in out:  # --set uptime=99.6 --set uptime=99.7: which one was meant?
            from okrsite.authoring_refusals import refuse_set_twice

            refuse_set_twice(key.strip(), out[key.strip()], raw)
        out[key.strip()] = raw
    return out


def _edit_note(target: str) -> str | None:
    """The note, written in the editor. An editor that cannot be started
    (``EDITOR=nosucheditor``) or exits with an error is said, and the note
    asked for on one line instead: the answers typed before it are kept,
    as the docs promise, not lost with the editor."""
    try:
        text = click.edit(
            f"\n\n{SCISSORS}\n# Write the check-in note for {target} above this line (Markdown):\n"
            "# what happened, plans, problems. Everything from the line above down is removed.\n"
            "# An empty note records the check-in without one.\n",
            extension=".md",
        )
    except click.ClickException as exc:
        click.echo(
            f"okrsite: the editor for the note failed ({exc.format_message()}); "
            "your answers are kept: type the note on one line (Enter alone: no note)",
            err=True,
        )
        line = click.prompt("Note", default="", show_default=False)
        return str(line).strip() or None
    if text is None:
        return None
    return text.split(SCISSORS, 1)[0].strip() or None


#: checks one answer typed at a prompt: the check-in or file it would make,
#: laid over the site; raises :class:`click.BadParameter` with what the loader says
Check = Callable[..., None]


def _answer_checker(
    root: Path, base: LoadResult, cache: ParseCache, files: Callable[..., dict[str, str]]
) -> Check:
    """A check of one answer, as the loader judges it: ``files`` makes what
    the command would write with that answer alone, and the loader's new
    errors are the answer's problem. The prompt says it at once and asks
    again (click's ``value_proc``), so nothing typed after it is thrown
    away, and no error points into a file that was never written."""

    def check(*args: Any, **kwargs: Any) -> None:
        errors, _ = findings(root, files(*args, **kwargs), base=base, cache=cache)
        if errors:
            raise click.BadParameter("; ".join(_said(d) for d in errors))

    return check


def _said(d: Diagnostic) -> str:
    """A diagnostic of an answer, without the place in a file not written:
    the prompt is where it is."""
    return f"{d.message} ({d.code}" + (f"; hint: {d.hint})" if d.hint else ")")


def _ask(
    question: str,
    read: Callable[[str], Any],
    check: Callable[[Any], None],
    *,
    required: bool = False,
    language: str | None = None,
) -> Any:
    """Ask ``question`` until the answer, read by ``read``, passes ``check``;
    unless ``required``, Enter skips it (``None``). A figure answered in
    the site's ``language`` whose point may group thousands (``131.500`` on
    an English site, read as 131.5) is warned of as ``--value`` warns of it
    and a file's is (OKR124)."""

    def answer(raw: str) -> Any:
        if not raw.strip():
            return None
        if raw.strip().startswith("+"):  # "+1": one more, which read as a number is 1
            raise click.BadParameter(
                "okrsite records the new value, not a change: type the value it is now, without +"
            )
        try:
            value = read(raw)
        except AmbiguousFigure as exc:  # 1.234 where the language does not tell: asked again
            raise click.BadParameter(str(exc)) from None
        check(value)
        if language is not None:
            say_point_read_as_decimal("okrsite", raw, language)
        return value

    if required:
        return click.prompt(question, value_proc=answer)
    return click.prompt(
        f"{question} (Enter to skip)", default="", show_default=False, value_proc=answer
    )


def _prompt_values(obj: Objective, language: str, check: Check) -> dict[str, Any]:
    """Each key result that takes a value, asked in turn; each answer is
    checked as the loader reads it alone before the next is asked."""
    values: dict[str, Any] = {}
    from okrsite.authoring_targets import values_in_units

    for kr in obj.key_results:
        if kr.kind not in _PROMPTED_KINDS:
            continue

        def read(raw: str, kid: str = kr.id) -> Any:
            # 17k for a key result in k is 17, as --set writes it and the file reads it
            value = number_or_text(raw, language)
            return values_in_units(obj, {kid: raw}, {kid: value})[kid]

        how = " (1 done, 0 not)" if kr.kind == "boolean" else (f" [{kr.unit}]" if kr.unit else "")

        def alone(answer: Any, kid: str = kr.id) -> None:
            check(values={kid: answer})

        value = _ask(f"{kr.id}: {kr.title}{how}", read, alone, language=language)
        if value is not None:
            values[kr.id] = value
    return values
