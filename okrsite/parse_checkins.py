"""A check-in file: the values, confidence and note of one update.

A check-in names an objective (with a value per key result) or a KPI (with
one value); it may be dated by its file name, filed in its objective's
folder, or jot its values at the top (``lead: 5``), as people write them.
Confidence may be a number, a word, a traffic light or a percentage.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from okrsite import yamlsource
from okrsite.body_limits import NOTE_HINT, note_problems
from okrsite.checkin_time_key import time_key_refused
from okrsite.checkin_units import lowercase_m
from okrsite.confidence_words import CONFIDENCE_OUT_OF, confidence_refused, full_share_slip
from okrsite.confidence_words import CONFIDENCE_WORDS as CONFIDENCE_WORDS
from okrsite.confidence_words import confidence_word as confidence_word
from okrsite.csv_date_forms import zone_offset
from okrsite.model import UNDATED, CheckIn
from okrsite.parse_checkin_dates import NoSuchDay, NoSuchWeek, name_date_differs
from okrsite.parse_checkin_dates import _dated_by_name as _dated_by_name
from okrsite.parse_fields import Path_, _Fields
from okrsite.parse_figures import _as_number, split_unit, without_unit
from okrsite.parse_front_matter import text_value_line
from okrsite.parse_keys import KNOWN_KEYS
from okrsite.parse_measures import magnitude_written
from okrsite.parse_messages import (
    _fmt,
    _shown_plain,
    keys_listed,
    number_hint,
    shown_value,
    values_refused,
)
from okrsite.parse_names import _valid_ref, as_nfc, without_typed_quotes
from okrsite.parse_number_marks import decimal_comma_before_three
from okrsite.slug import slugify
from okrsite.written_dates import impossible_zone, timed, zone_written
from okrsite.written_numbers import CURRENCY_SIGNS, ambiguous_comma, long_billion, read_number
from okrsite.written_yes_no import yes_no as yes_no_word

#: a score out of a scale: ``7/10``, ``4/5``, ``8 of 10``, ``3 out of 5``, ``8 von 10``
_OUT_OF = re.compile(
    r"\s*(?P<score>\S+?)\s*(?:/|\s(?:out\s+of|of|von)\s)\s*(?P<scale>\d{1,3})\s*",
    re.IGNORECASE,
)


def _out_of(value: str) -> float | None:
    """The 0-10 confidence of a score written out of a scale of 1 to 100, as
    people and tools write it (``4/5``: 8, ``3 out of 5``: 6, ``8 of 10``:
    8, ``7,5/10``: 7.5), or ``None`` (also for a score above its scale)."""
    found = _OUT_OF.fullmatch(value)
    if found is None:
        return None
    scale = int(found["scale"])
    score = _as_number(found["score"])
    if score is None or not 1 <= scale <= 100 or not 0 <= score <= scale:
        return None
    return round(score / scale * 10, 6)


#: a yes/no word as YAML reads it (``yes``, ``On``, ``FALSE``): one plain word
_YES_NO_WRITTEN = re.compile(r"[A-Za-z]+")


def _as_written(parts: yamlsource.Split | None, key: str, value: Any) -> Any:
    """A top-level ``value`` YAML read as true or false, as its line writes it
    (``confidence: yes`` is ``'yes'``, not True): what a refusal quotes. Any
    other value, or one whose line is not plain enough to find, as read."""
    if not isinstance(value, bool) or parts is None:
        return value
    at = yamlsource.top_level_position(parts.front_matter, key)
    if at is None:
        return value
    line = parts.front_matter.split("\n")[at[0]]
    written = line[at[1] - 1 :].split(" #", 1)[0].strip()
    return written if _YES_NO_WRITTEN.fullmatch(written) else value


def _confidence(
    f: _Fields, data: dict[str, Any], parts: yamlsource.Split | None = None
) -> float | None:
    value = data.get("confidence")
    if value is None:
        return None
    if isinstance(value, str) and (word := confidence_word(value)) is not None:
        return word
    if isinstance(value, str) and value.strip().endswith("%"):
        # 70% certain: the 0-10 scale's 7, as okrsite import reads a sheet's 70%
        share = _as_number(value.strip()[:-1])
        if share is not None and 0 <= share <= 100:
            return round(share / 10, 6)
    if isinstance(value, str) and (scored := _out_of(value)) is not None:
        return scored
    number = _as_number(value)
    if number is None:
        message, hint = confidence_refused(shown_value(_as_written(parts, "confidence", value)))
        f.err("OKR102", message, ("confidence",), hint=hint)
        return None
    if 0 < number < 1 and not isinstance(value, bool):
        # 0.8: a share of one, as tools that score confidence 0-1 write it;
        # 0.8 on okrsite's 0-10 scale would be next to no confidence at all
        out_of_ten = round(number * 10, 6)
        f.warn(
            "OKR125",
            f"confidence {_fmt(number)} is read as {_fmt(out_of_ten)} out of 10 (a share of one)",
            ("confidence",),
            hint=f"write {_fmt(out_of_ten)} (confidence is 0-10) or {_fmt(out_of_ten * 10)}%",
        )
        return out_of_ten
    slip = full_share_slip(value, number)  # 1.0: full confidence from a 0-1 tool?
    if slip is not None:
        f.warn("OKR125", slip[0], ("confidence",), hint=slip[1])
    return f.number(data, "confidence", (), low=0, high=CONFIDENCE_OUT_OF)


def _checkin(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> CheckIn | None:
    objective = f.ref(data, "objective", ())
    kpi = f.ref(data, "kpi", ())
    day, time, zone = _checkin_moment(f, data)
    name_date_differs(f, rel, day)
    if objective is None and kpi is None and not _named_at_all(data):
        f.err(
            "OKR101",
            "a check-in needs 'objective:' (with values) or 'kpi:' (with value)",
            (),
            hint="add 'objective: <objective id>' and 'values: {kr1: 3}', or file it in "
            "checkins/<objective id>/ as okrsite checkin does",
        )
    elif objective is not None and kpi is not None:
        f.err("OKR109", "a check-in names either an objective or a KPI, not both", ("kpi",))
    values: dict[str, float] = {}
    yes_no: list[str] = []
    texts: list[tuple[str, str]] = []
    units: list[tuple[str, str]] = []
    millions: list[tuple[str, str]] = []  # 1.2m: million, or metres? (as written)
    commas: list[str] = []  # 1,275 read as 1.275 (OKR124 quotes it so)
    raw_values = _values_listed(f, data)
    if raw_values is not None:
        if kpi is not None and objective is None:
            f.err("OKR109", "a KPI check-in takes a single 'value:', not 'values:'", ("values",))
        for key, value, path in raw_values:
            if isinstance(value, str) and (said := yes_no_word(value)) is not None:
                value = said  # "yes", done, ja: a yes/no key result's, written as text
            if isinstance(value, bool):  # launch: yes (or true, on): a yes/no key result's
                values[key] = 1.0 if value else 0.0
                yes_no.append(key)
                continue
            if key in f.loose and not isinstance(value, (str, int, float)):
                # logos: (nothing), a list or a mapping at the top: no number, but
                # whether it is an error (it names a key result) resolving knows
                texts.append((key, unread(value)))
                continue
            if (
                objective is not None
                and path[0] == "values"
                and isinstance(value, str)
                and value.strip()
                and (not any(c.isdigit() for c in value) or names_with_digits(value))
                and not _number_like(value)
                and not (f.unit_word and without_unit(value, f.unit_word) is not None)
            ) or (key in f.loose and isinstance(value, str) and not _number_like(value)):
                # site: Design approved; resolving says what to do (at the top,
                # logos: eleven or sprint: week 12: whether it names a key result)
                texts.append((key, value))
                continue
            if isinstance(value, str):
                value = _unit_noted(value, key, units, millions)
                if decimal_comma_before_three(value):
                    commas.append(key)
            number = f.number_value(value, f"value of {key}", path, percent=True)
            if number is not None:
                values[key] = number
    # kpi: nps and nps: 44, the KPI's reading under its own id (located there)
    by_id = kpi is not None and kpi in f.loose
    aside = f.kpi_aside
    if kpi is not None and aside:
        _kpi_id_aside(f, kpi, data, aside, by_id)
    if isinstance(data.get("value"), str):
        data = {**data, "value": _unit_noted(data["value"], "value", units, millions)}
    if kpi is not None and "value" in data:  # value: with nothing after it is no reading
        label = f"value of {kpi}" if by_id else "value"
        value = f.number_value(data["value"], label, (kpi,) if by_id else ("value",), percent=True)
    else:
        value = f.number(data, "value", (), percent=True)
    # what was written as a percentage: resolving holds it to the key result's unit
    percent = tuple(
        without_typed_quotes(str(path[-1]))
        if path[0] == "values" or (str(path[0]) in f.loose and not by_id)
        else "value"
        for path in f.percents
    )
    if kpi is not None and value is None and "value" not in data and not aside:
        f.err("OKR101", "a KPI check-in needs 'value:'", (), hint="add 'value: 42'")
    confidence = _confidence(f, data, parts)
    body, note_line, note_lines = parts.body, 0, 0
    for key in ("note", "notes", "comment"):  # the note in the front matter, as forms write it
        note = f.text(data, key, ())
        if note:
            for problem in note_problems(note, body):  # rendered as a body is
                f.err("OKR021", problem, (key,), hint=NOTE_HINT)
            body = note.strip() + "\n" + ("\n" + body if body.strip() else "")
            note_line = text_value_line(parts, key, note)
            note_lines = note.strip().count("\n") + 1
            break
    checkin = CheckIn(
        id=rid,
        file=rel,
        date=UNDATED if day is None else day,  # the date's error makes the file broken
        objective=objective,
        kpi=kpi,
        author=f.name(data, "author", (), "person"),
        confidence=confidence,
        values=values,
        value=value,
        body=body,
        body_line=parts.body_line,
        note_line=note_line,
        note_lines=note_lines,
        time=time,
        zone=zone,
        percent=percent,
        loose=f.loose,
        yes_no=tuple(yes_no),
        texts=tuple(texts),
        units=tuple(units),
        implied=f.implied,
        decimal_commas=tuple(commas),
        dated_by_name=f.dated_by_name,
        lowercase_m=tuple(millions),
    )
    for key, written in f.time_keys:  # a KPI's time: "09:00", refused as an objective's is
        f.diags.append(time_key_refused(checkin, key, written, (key,)))
    return checkin


def written_as(ident: str, key: str) -> bool:
    """Whether ``key`` writes the id ``ident`` another way: in other letter
    case, or with spaces, hyphens or underscores for one another (``NPS``
    for ``nps``, ``CSAT score`` or ``csat-score`` for ``csat_score``), as
    :func:`okrsite.slug.slugify` reads them alike; ``False`` for ``ident``
    itself."""
    if key == ident:
        return False
    written = slugify(key)
    return (
        ident.casefold() == key.casefold()
        or ident == written
        or bool(written and slugify(ident) == written)
    )


#: keys of a KPI check-in set aside by :func:`_loose_values`, with their values
Aside = tuple[tuple[str, Any], ...]


def _kpi_id_aside(f: _Fields, kpi: str, data: dict[str, Any], aside: Aside, by_id: bool) -> None:
    """A finding at each key of a KPI check-in that writes the KPI's id and is
    not read: the reading given twice (OKR111, saying which one counts), or,
    where no reading counts, the id written another way (OKR303, the id to
    write, as a key result's id written another way is)."""
    counted = kpi if by_id else "value" if "value" in data else None
    for key, written in aside:
        shown = _shown_plain(written)
        if counted is None:
            plain = isinstance(written, (int, float, str)) and not isinstance(written, bool)
            figure = shown if plain and str(written).strip() else "42"
            f.err(
                "OKR303",
                f"the check-in gives its reading under {key!r}, which is not the id of "
                f"KPI {kpi!r}: the value is not read",
                (key,),
                hint=f"did you mean {kpi!r}? write {kpi}: {figure} or value: {figure}",
            )
            continue
        kept = _shown_plain(data.get("value"))
        other = "" if key == kpi else f" ({key!r} is its id written another way)"
        f.warn(
            "OKR111",
            f"the reading of KPI {kpi!r} is given twice, as {key}: {shown}{other} and as "
            f"{counted}: {kept}: {counted}: {kept} counts, this one is ignored",
            (key,),
            hint=f"keep one: remove this line, or remove {counted}: {kept}",
        )


def _named_at_all(data: dict[str, Any]) -> bool:
    """Whether ``objective:`` or ``kpi:`` is written, read or not: one its
    reader refused (not a valid id) has its own error, not a second that
    the check-in names none."""
    return any(str(data.get(key) or "").strip() for key in ("objective", "kpi"))


def _filed_in(data: dict[str, Any], rid: str) -> tuple[dict[str, Any], bool]:
    """A check-in that names neither objective nor KPI, filed as ``okrsite
    checkin`` files them (``checkins/<id>/<date>.md``): the folder names the
    objective, or the KPI when the check-in gives a single ``value:``; and
    whether it did (resolving says so when the folder is no such id)."""
    if data.get("objective") is not None or data.get("kpi") is not None or "/" not in rid:
        return data, False
    folder = as_nfc(rid.rpartition("/")[0])  # a folder named on a Mac (NFD)
    if not _valid_ref(folder):
        return data, False
    return {**data, ("kpi" if "value" in data else "objective"): folder}, True


def _loose_values(data: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...], Aside]:
    """A check-in that names its objective, with key results' values written
    at the top (``lead: 5``), as people jot them down: those keys as its
    values, and which they were. Every key okrsite does not know is taken,
    whatever its value: a number (``5``, ``4.5``, ``45%``), a yes or no
    (``launch: yes``), words (``logos: eleven``), nothing, a list or a
    mapping, which resolving reports as no number when the key names a key
    result (as under ``values:``; each was once an unknown key, its value
    silently lost), and warns of as an unknown key when it names none.
    Beside ``values:`` they are read too, as if written under it; a key
    written in both places stays at the top, where
    :func:`okrsite.parse_messages.given_twice`
    says which value counts. A KPI's check-in without ``value:`` may give it
    under the KPI's id (``kpi: nps``, ``nps: 44``); the id beside ``value:``,
    or written another way (``NPS: 44``), is set aside (:func:`_kpi_reading`):
    the third of what it returns, each such key with its value, which
    :func:`_checkin` reports instead of an unknown key."""
    kpi = data.get("kpi")
    named = kpi.strip() if isinstance(kpi, str) else None
    if named and "objective" not in data and "values" not in data:
        kpi_keys = [
            str(key)
            for key in data
            if str(key) not in KNOWN_KEYS["checkin"]
            and (str(key) == named or written_as(named, str(key)))
        ]
        if kpi_keys:
            return _kpi_reading(data, named, kpi_keys)
    if data.get("objective") is None or "kpi" in data:
        return data, (), ()
    known = KNOWN_KEYS["checkin"]
    if known.issuperset(data):  # the usual case, checked in one step
        return data, (), ()
    listed = data.get("values")
    if listed is not None and not isinstance(listed, (dict, list)):
        return data, (), ()  # values: 5 is its own error; the keys at the top stay unknown
    if isinstance(listed, list) and not all(isinstance(x, dict) and len(x) == 1 for x in listed):
        return data, (), ()
    # a key in typographic quotes (“users”: 40, as a word processor quotes) is
    # the key result's id, as under values:; a key values: names too stays at
    # the top, where given_twice says which value counts
    under = {without_typed_quotes(key) for key in keys_listed(listed)}
    at_top: dict[str, Any] = {}
    moved: set[str] = set()
    for key, value in data.items():
        written = str(key)
        plain = without_typed_quotes(written)
        if written in known or plain in known or plain in under or plain in at_top:
            continue
        at_top[plain] = value
        moved.add(written)
    if not at_top:
        return data, (), ()
    loose = tuple(at_top)
    kept = {key: value for key, value in data.items() if str(key) not in moved}
    if isinstance(listed, list):
        kept["values"] = [*listed, *({key: value} for key, value in at_top.items())]
    else:
        kept["values"] = {**(listed or {}), **at_top}
    return kept, loose, ()


def _kpi_reading(
    data: dict[str, Any], named: str, kpi_keys: list[str]
) -> tuple[dict[str, Any], tuple[str, ...], Aside]:
    """A KPI check-in with keys that write its KPI's id ``named``: without
    ``value:``, the reading under the id itself (``kpi: nps``, ``nps: 44``),
    as its ``value`` and with the id as its loose key; every other such key
    (the id beside ``value:``, or written another way, ``NPS: 44``) set
    aside for :func:`_checkin` to report, as no unknown key."""
    by_id = "value" not in data and named in kpi_keys
    kept = {
        key: value
        for key, value in data.items()
        if str(key) not in kpi_keys or (by_id and str(key) == named)
    }
    aside = tuple(
        (str(key), value)
        for key, value in data.items()
        if str(key) in kpi_keys and not (by_id and str(key) == named)
    )
    if not by_id:
        return kept, (), aside
    key = next(key for key in kept if str(key) == named)
    kept["value"] = kept.pop(key)
    return kept, (named,), aside


#: marks a value at the top of a check-in that is no text and no number
#: (nothing, a list, a mapping), kept among the check-in's texts until
#: resolving knows whether its key names a key result: a control character,
#: which no value read from a file holds (OKR016)
_UNREAD = "\x00"


def unread(value: Any) -> str:
    """A value that is no text and no number, kept as text: how OKR102 shows it."""
    return _UNREAD + ("nothing" if value is None else shown_value(value))


def is_unread(text: str) -> bool:
    """Whether a check-in text is a value kept by :func:`unread`."""
    return text.startswith(_UNREAD)


def text_shown(text: str) -> tuple[str, str]:
    """How OKR102 shows a check-in value kept as text, and its hint: as the
    parse shows the same value under ``values:``."""
    if text.startswith(_UNREAD):
        shown = text[len(_UNREAD) :]
        return shown, number_hint(None if shown == "nothing" else ())
    return shown_value(text), number_hint(text)


#: a word of letters (two or more), as names are made of
_NAME_WORD = re.compile(r"[^\W\d_]{2,}")


def names_with_digits(value: str) -> bool:
    """Whether ``value`` is a name with a digit in it, not a figure: two or
    more words of letters beside its digits (``Beta with 10 customers``); a
    figure with its unit (``12 deals``, ``1,2 Tsd. €``) has one at most. The
    check-in parser leaves such text to resolving, which reads it as a
    milestone's name or refuses it as no number."""
    return any(c.isdigit() for c in value) and len(_NAME_WORD.findall(value)) >= 2


def _number_like(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    if isinstance(value, str):
        text = value.strip().removesuffix("%").strip()
        if text and (_as_number(text) is not None or ambiguous_comma(text) is not None):
            return True  # 1,850 where the language tells neither: OKR102 with both readings
        found = split_unit(value)  # 5 h, 1200 tickets: a value with its unit
        return found is not None and (
            _as_number(found[0]) is not None or read_number(found[0]) is not None
        )
    return False


def _values_listed(f: _Fields, data: dict[str, Any]) -> list[tuple[str, Any, Path_]] | None:
    """A check-in's ``values:``: a mapping (``{kr1: 3, kr2: 5}``), or a list of
    one-key mappings as YAML lists are written (``- kr1: 3``); each value with
    its key and its path in the front matter."""
    raw = data.get("values")
    if isinstance(raw, list) and raw and all(isinstance(x, dict) and len(x) == 1 for x in raw):
        out: list[tuple[str, Any, Path_]] = []
        seen: set[str] = set()
        for i, item in enumerate(raw):
            ((key, value),) = item.items()
            written = str(key)
            key = written if written in f.loose else without_typed_quotes(written)
            if key in seen:
                f.err(
                    "OKR007",
                    f"key result {shown_value(key)} has two values in one check-in",
                    ("values", i, written),
                    hint="keep one value per key result",
                )
                continue
            seen.add(key)
            out.append((key, value, (key,) if key in f.loose else ("values", i, written)))
        return out
    if raw is not None and not isinstance(raw, dict):
        message, at = values_refused(raw)  # no Python repr of what YAML read
        f.err(
            "OKR106",
            message,
            at,
            hint="give each value its key result's id, one 'kr1: 3' per entry",
        )
        return None
    mapping = f.mapping(data, "values", ())
    if mapping is None:
        return None
    # a key in typographic quotes (“first-response”: 3, as a word processor
    # quotes) is the key result's id; its path is the key as written
    listed: list[tuple[str, Any, Path_]] = []
    given: set[str] = set()
    for key, value in mapping.items():
        written = str(key)
        if written in f.loose:
            listed.append((written, value, (written,)))
            continue
        plain = without_typed_quotes(written)
        if plain in given:  # deals: 1 and “deals”: 4, one key result twice
            f.err(
                "OKR007",
                f"key result {shown_value(plain)} has two values in one check-in",
                ("values", written),
                hint="keep one value per key result",
            )
            continue
        given.add(plain)
        listed.append((plain, value, ("values", written)))
    return listed


def _unit_noted(
    value: str, key: str, units: list[tuple[str, str]], millions: list[tuple[str, str]]
) -> str:
    """The figure of a check-in value written with a unit after it (``5 h``,
    ``1,200 tickets``, ``10k users``, as the key result's own figures may
    be), the unit noted in ``units`` for resolving to hold to the key
    result's or KPI's; ``value`` as it is when it is a number already or no
    figure and word. A currency sign before or after the figure (``£20``,
    ``20 €``) is read past by the number's reading, and noted too. A figure
    in ``Billionen`` is no figure with that unit (which OKR312 would call a
    unit mismatch) but OKR102, as in a key result; so is a lowercase ``m``
    (``1.2m``) where the unit does not take it, kept as written in
    ``millions`` for that error to quote."""
    if long_billion(value) is not None:
        return value  # 2 Billionen €: no figure in a unit "Billionen €", but OKR102
    found = split_unit(value)
    if found is None:
        written = magnitude_written(value) if read_number(value) is not None else None
        if written is not None:  # 150 k€, $150k: resolving holds it to the unit
            units.append((key, written))
            return value
        signs = {c for c in value if c in CURRENCY_SIGNS}
        if len(signs) == 1 and read_number(value) is not None:
            units.append((key, signs.pop()))
        return value
    units.append((key, found[1]))
    if lowercase_m(found[1]):
        millions.append((key, value))
    return found[0]


def _checkin_moment(f: _Fields, data: dict[str, Any]) -> tuple[date | None, str, str]:
    """A check-in's ``date``, which may carry a time of day (``2026-11-29T14:05``)
    and a zone (``+01:00``, ``Z``): the day, the time, the zone.

    The time only orders check-ins of one day, so it is kept as zero-padded
    ``HH:MM`` (or ``HH:MM:SS``) text, whose text order is time order. It may
    be written as scripts write it (``2026-11-29T14:05:00.123Z``,
    ``+01:00``) or on a 12-hour clock (``2:05 pm``). The zone is kept apart,
    as RFC 3339 writes it (:func:`okrsite.written_dates.zone_written`):
    check-ins of one day are ordered by the instant, since tools write one
    instant in different zones; the day stays the date as written.
    """
    raw = data.get("date")
    if isinstance(raw, (NoSuchDay, NoSuchWeek)):
        raw.report(f)
        return None, "", ""
    split = timed(raw) if isinstance(raw, str) else None
    if split is None:
        return f.date_(data, "date", (), required=True), "", ""
    written, clock = split
    day = f.date_value(written, "date", ("date",))
    if clock is None:
        zone = impossible_zone(str(raw))
        if zone is not None:  # 10:00 is a time; +25:00 is no zone
            f.err(
                "OKR104",
                f"date names the time zone {zone}, which no clock shows: {str(raw).strip()!r}",
                ("date",),
                hint="write a zone from -14:00 to +14:00, as +01:00 or Z, or leave it out",
            )
            return None, "", ""
        f.err(
            "OKR104",
            f"date has no such time of day: {str(raw).strip()!r}",
            ("date",),
            hint="write the time as 24-hour HH:MM, e.g. 2026-11-29T14:05",
        )
        return None, "", ""
    return day, clock, zone_written(zone_offset(str(raw)))
