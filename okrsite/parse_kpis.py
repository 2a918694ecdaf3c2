"""A KPI file, and the CSV file of readings a KPI's ``data:`` names.

A KPI has a unit, a direction, traffic-light thresholds and readings by
date, written in its front matter (``values:``) or in a CSV file;
:func:`parse_csv` (:mod:`okrsite.kpi_data_file`, re-exported here) reads
that file (a spreadsheet's export, in its English or European form) with a
located finding for each row it cannot use.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from okrsite import limits, yamlsource
from okrsite.kpi_csv import DATE_HEADERS, VALUE_HEADERS
from okrsite.kpi_data_file import csv_date_problem as csv_date_problem
from okrsite.kpi_data_file import csv_number_hint as csv_number_hint
from okrsite.kpi_data_file import parse_csv as parse_csv
from okrsite.model import KPI
from okrsite.numbers import format_number
from okrsite.parse_fields import Path_, _Fields
from okrsite.parse_figures import other_money, unit_multiplier
from okrsite.parse_keys import respelled
from okrsite.parse_measures import _currency_unit, _percent_unit, is_percent_unit, shares_in_percent
from okrsite.parse_messages import _fmt, closest, shares_of_one, shown_value
from okrsite.plural import plural
from okrsite.thousandth_slips import kpi_figures_range, kpi_reading_too_small, kpi_slip_words
from okrsite.written_dates import timed

#: the middle light's names: a KPI's thresholds written green and yellow mean
#: what okrsite's green and red do (worse than yellow is red)
_YELLOW = ("yellow", "amber", "orange", "gelb")
#: the other lights' names, in English and German: thresholds written
#: ``{grün: 120.000 €, rot: 80.000 €}`` are green and red in any language
_LIGHTS = {"green": "green", "grün": "green", "gruen": "green", "red": "red", "rot": "red"}


def _light(key: str) -> str:
    """The traffic light a threshold's key names (``Grün`` → ``green``), or
    the key in small letters."""
    low = unicodedata.normalize("NFC", key.strip().lower())
    return _LIGHTS.get(low, low)


def _kpi(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> KPI | None:
    title = f.text(data, "title", (), required=True)
    f.unit_word = data["unit"] if isinstance(data.get("unit"), str) else ""
    f.magnitude_unit = f.unit_word if f.unit_word and unit_multiplier(f.unit_word) != 1 else ""
    written = f.mapping(data, "thresholds", ()) or {}
    thresholds = {str(k): v for k, v in written.items()}
    spelled = {key: _light(key) for key in thresholds}
    if "red" not in spelled.values():
        # traffic lights written green / yellow (amber): worse than yellow is red
        yellow = [key for key, low in spelled.items() if low in _YELLOW]
        if len(yellow) == 1:
            spelled[yellow[0]] = "red"
    lights: dict[str, str] = {}  # green and red: the key each is written under
    for key, low in spelled.items():
        if low in ("green", "red") and low not in lights:
            lights[low] = key
        elif low in ("green", "red"):
            f.warn(
                "OKR111",
                f"threshold {shown_value(key)} is ignored: {shown_value(lights[low])} "
                f"gives the {low} threshold already",
                ("thresholds", key),
                hint=f"keep one {low} threshold",
            )
        else:
            f.warn(
                "OKR111",
                f"unknown threshold {shown_value(key)} is ignored",
                ("thresholds", key),
                hint="okrsite needs only green and red: between them is a warning, worse than red critical"
                if low in _YELLOW
                else "thresholds take green and red (also grün and rot)",
            )
    percents, currencies = len(f.percents), len(f.currencies)
    green, red = (
        f.number_value(thresholds[lights[low]], low, ("thresholds", lights[low]), percent=True)
        if low in lights
        and thresholds[lights[low]] is not None
        and not _other_money(f, rid, thresholds[lights[low]], low, ("thresholds", lights[low]))
        else None
        for low in ("green", "red")
    )
    direction = _direction(f, data.get("direction"))
    if green is not None and red is not None and direction is not None:
        wrong = green < red if direction == "up" else green > red
        if wrong:
            f.err(
                "OKR113",
                f"thresholds contradict direction {direction}: green {_fmt(green)} is worse than red {_fmt(red)}",
                ("thresholds",),
                hint="for direction: down, green must be below red (lower is better)",
            )
    # a day's reading that counts: time, order, figure, date as written, paths of date and value
    counted: dict[date, tuple[str, int, float, str, Path_, Path_]] = {}
    written_at: dict[Path_, Any] = {}  # each value as written, by its path
    for n, (key, value, day_path, path) in enumerate(_readings(f, data)):
        written_at[path] = value
        split = timed(key) if isinstance(key, str) else None
        time = split[1] if split is not None and split[1] is not None else ""
        day_key = split[0] if split is not None and split[1] is not None else key
        day = f.date_value(day_key, f"date {key}", day_path, month=True)
        if _other_money(f, rid, value, f"value for {key}", path):
            continue
        number = f.number_value(value, f"value for {key}", path, percent=True)
        if day is None or number is None:
            continue
        reading = (time, n, number, str(key), day_path, path)
        kept = counted.get(day)
        later, earlier = (
            (reading, kept) if kept is None or reading[:2] >= kept[:2] else (kept, reading)
        )
        counted[day] = later
        if earlier is not None and earlier[2] != later[2]:
            why = (
                "the later time of day counts"
                if earlier[0] != later[0]
                else "the last one written counts"
            )
            f.warn(
                "OKR206",
                f"{day} has two readings: {_fmt(earlier[2])} ({earlier[3]}) and {_fmt(later[2])} "
                f"({later[3]}); {_fmt(later[2])} counts ({why}), {_fmt(earlier[2])} is ignored",
                earlier[4],
                hint="delete the reading that is wrong, or correct its date",
            )
    values = [(day, reading[2]) for day, reading in counted.items()]
    data_path = f.text(data, "data", ())
    if data_path is not None and not _safe_relative(data_path):
        f.err(
            "OKR006",
            f"data path {shown_value(data_path)} must be a relative path inside the content folder",
            ("data",),
            hint="write it relative to content/, e.g. data/nps.csv",
        )
        data_path = None
    refused = _other_money(f, rid, data.get("target"), "target", ("target",))
    refused = refused or _target_per_cycle(f, rid, data.get("target"))
    target = None if refused else f.number(data, "target", (), percent=True)
    _thousandth_readings(f, rid, list(counted.values()), written_at, (green, red, target))
    unit = _percent_unit(f, f.text(data, "unit", ()) or "", f.percents[percents:], "the KPI's")
    unit = _currency_unit(unit, f.currencies[currencies:])
    if is_percent_unit(unit):
        readings = [(r[3], r[2], r[5]) for _, r in sorted(counted.items())]
        shares_in_percent(f, readings, {"target": target, "green": green, "red": red})
        lit = {lights[low]: figure for low, figure in (("green", green), ("red", red)) if figure}
        _threshold_shares(f, lit, target, [r[1] for r in readings])
    return KPI(
        id=rid,
        file=rel,
        title=title or rid,  # missing: reported; the id stands in
        unit=unit,
        direction=direction or "up",  # type: ignore[arg-type]
        indicator=f.choice(data, "indicator", ("leading", "lagging"), None, ()),  # type: ignore[arg-type]
        owner=f.name(data, "owner", (), "person"),
        team=f.name(data, "team", (), "team"),
        target=target,
        green=green,
        red=red,
        drives=f.text_list(data, "drives", (), refs=True),
        values=tuple(sorted(values)),
        data=data_path,
        body=parts.body,
        body_line=parts.body_line,
    )


def _thousandth_readings(
    f: _Fields,
    rid: str,
    readings: list[tuple[str, int, float, str, Path_, Path_]],
    written_at: dict[Path_, Any],
    set_figures: tuple[float | None, ...],
) -> None:
    """OKR124 for a reading a thousandth of the KPI's other readings,
    thresholds and target (``"2,005"`` read as 2.005 beside 980 and a target
    of 1500): :func:`okrsite.thousandth_slips.kpi_reading_too_small`."""
    # the reading itself may be among the figures: a slip lies below a
    # hundredth of the largest, where the range leaves it out
    span = kpi_figures_range((*(r[2] for r in readings), *set_figures))
    if any(d.is_error for d in f.diags):
        return  # 1.234,50 € split by YAML into 1.234 and a key (OKR102): mend that first
    for reading in readings:
        if kpi_reading_too_small(reading[2], span) and span is not None:
            written = written_at.get(reading[5])
            comma = isinstance(written, str) and "," in written
            message, hint = kpi_slip_words(reading[2], comma, rid, span)
            f.warn("OKR124", message, reading[5], hint=hint)


def _threshold_shares(
    f: _Fields, written: dict[str, float], target: float | None, readings: list[float]
) -> None:
    """OKR127: a KPI in % whose thresholds are written as shares of one
    (``{green: 0.03, red: 0.05}``, as a sheet holds 3% and 5%) beside a
    target and readings above 1 (``target: 3%``, readings of 4.1%): read in
    percent the thresholds are 0.03% and 0.05%, so every reading is far past
    red and the KPI critical (or, going up, healthy) without a word. A
    threshold written with its ``%`` says what it means and is left alone."""
    shares = {
        key: value
        for key, value in written.items()
        if ("thresholds", key) not in f.percents and abs(value) < 1
    }
    beside = [x for x in (target, *readings) if x is not None]
    if not shares or len(shares) != len(written) or not beside:
        return
    if any(abs(x) <= 1 for x in beside):
        return  # readings in shares too (OKR127 of its own), or a KPI near 0%
    said = [f"target {format_number(target)}%"] if target is not None else []
    if readings:
        low, high = format_number(min(readings)), format_number(max(readings))
        said.append(f"readings of {low}%" + (f" to {high}%" if high != low else ""))
    meant = {key: format_number(round(value * 100, 9)) for key, value in shares.items()}
    f.warn(
        "OKR127",
        shares_of_one(
            [
                ("thresholds " if len(shares) > 1 and n == 0 else "threshold " if n == 0 else "")
                + f"{key} {format_number(v)}"
                for n, (key, v) in enumerate(shares.items())
            ],
            said,
        )
        + ", so "
        + " and ".join(f"{key} is {format_number(v)}%" for key, v in shares.items()),
        ("thresholds", next(iter(shares))),
        hint="write them as percentages: thresholds: {"
        + ", ".join(f"{key}: {figure}%" for key, figure in meant.items())
        + "}",
    )


def _other_money(f: _Fields, rid: str, value: Any, what: str, path: Path_) -> bool:
    """OKR312 when ``value`` is money of another currency than the KPI's unit
    (``$1,200`` beside ``unit: "€"``), as a check-in's ``--value`` is
    refused: read past its sign it would count as 1,200 €. Whether so."""
    written = other_money(value, f.unit_word)
    if written is not None:
        f.err(
            "OKR312",
            f"{what} is written in {written!r}, but KPI {rid!r} is measured in "
            f"{f.unit_word!r}: okrsite converts nothing between currencies",
            path,
            hint=f"write it in {f.unit_word!r}, without a currency or with its own",
        )
    return written is not None


def _readings(f: _Fields, data: dict[str, Any]) -> list[tuple[Any, Any, Path_, Path_]]:
    """A KPI's ``values:``: a mapping of dates to values (``2026-10-01: 31``), or
    a list of ``{date: …, value: …}`` entries, as tables are pasted; each
    reading as (date as written, value, path of the date, path of the value)."""
    raw = data.get("values")
    if isinstance(raw, list) and raw and all(isinstance(x, dict) for x in raw):
        out: list[tuple[Any, Any, Path_, Path_]] = []
        for i, item in enumerate(raw):
            if len(item) == 1 and str(next(iter(item))).strip().lower() not in _READING_WORDS:
                # - 2026-10-01: 1000, as a check-in's values: takes a list of pairs
                ((key, value),) = item.items()
                out.append((key, value, ("values", i, str(key)), ("values", i, str(key))))
                continue
            entry = respelled({str(k): v for k, v in item.items()}, _READING_KEYS, _READING_ALIASES)
            if set(entry) != _READING_KEYS:
                entry = _measure_named(item, entry)  # {Month: Oct 2026, Churn rate: 3.1%}
            if set(entry) != _READING_KEYS:
                shown = "{" + ", ".join(f"{k}: {v}" for k, v in item.items()) + "}"
                f.err(
                    "OKR106",
                    f"reading {i + 1} must have a date and a value, got {shown!r}",
                    ("values", i),
                    hint="write '- {date: 2026-10-01, value: 31}', or 'values: {2026-10-01: 31}'",
                )
                continue
            out.append(
                (entry["date"], entry["value"], ("values", i, "date"), ("values", i, "value"))
            )
        return out
    if isinstance(raw, str) and raw.strip():  # values: | and lines pasted from a sheet
        lines = raw.strip().splitlines()
        day = lines[0].split()[0] if len(lines[0].split()) > 1 else "2026-10-01"
        f.err(
            "OKR106",
            f"values must be readings by date, got text of {plural(len(lines), 'line')}",
            ("values",),
            hint=f"write one reading a line under values: (without '|'), its date, a colon "
            f"and its value: {day}: 1050",
        )
        return []
    mapping = f.mapping(data, "values", ())
    if mapping is None:
        return []
    return [
        (key, value, ("values", str(key)), ("values", str(key))) for key, value in mapping.items()
    ]


def _target_per_cycle(f: _Fields, rid: str, target: Any) -> bool:
    """OKR102 for ``target: {2026-Q3: 100, 2026-Q4: 120}``, a target per
    cycle, which a KPI has not (its key results have): the hint says so, the
    message quotes it as written. Whether so."""
    if not isinstance(target, dict):
        return False
    shown = "{" + ", ".join(f"{k}: {v}" for k, v in target.items()) + "}"
    f.err(
        "OKR102",
        f"target must be a number, got {shown!r}",
        ("target",),
        hint=f"a KPI has one target; for a target per cycle, give each cycle's objective a "
        f"key result 'kpi: {rid}, target: …'",
    )
    return True


def _measure_named(item: dict[Any, Any], entry: dict[str, Any]) -> dict[str, Any]:
    """A row of two keys, one a date word, the other named after the measure
    (``{Month: Oct 2026, Churn rate: 3.1%}``), read as a data file of two
    columns reads ``Month;ARR``: the other key is the value. Else ``entry``."""
    if len(item) != 2 or "date" not in entry or "value" in entry:
        return entry
    other = [k for k in item if str(k).strip().lower() not in _READING_WORDS]
    return {"date": entry["date"], "value": item[other[0]]} if len(other) == 1 else entry


_READING_KEYS = {"date", "value"}
#: a reading's keys in the words a data file's header may use (``Datum``,
#: ``Wert``, ``Stichtag``: :data:`okrsite.kpi_csv.DATE_HEADERS`), as a table
#: pasted from a German sheet names them
_READING_ALIASES = {
    **{word: "date" for word in DATE_HEADERS if word != "date"},
    **{word: "value" for word in VALUE_HEADERS if word != "value"},
}
#: every word a reading's key may be, lower-cased
_READING_WORDS = {*_READING_KEYS, *_READING_ALIASES}


def _safe_relative(path: str) -> bool:
    return not (
        limits.CONTROL_CHARS.search(path)
        or limits.utf8_length(path) > 1024
        or path.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", path)
        or ".." in re.split(r"[\\/]", path)
    )


def _direction(f: _Fields, way: Any) -> str | None:
    """A KPI's ``direction:``: ``up`` (also when none is written), ``down``, or
    a word of :data:`_DIRECTION_WORDS`; ``None`` after OKR105 for any other
    (``stay within``, ``range``), whose hint names the words read. The
    thresholds are then judged against no direction: the KPI never said ``up``."""
    said = _DIRECTION_WORDS.get(_direction_key(way)) if isinstance(way, str) else None
    if way is None or said is not None:
        return said or "up"
    if isinstance(way, str) and way.strip().lower() in ("up", "down"):
        return way.strip().lower()
    guess = closest(str(way), ("up", "down", *_DIRECTION_WORDS))
    words = (
        "up or down (also 'higher is better', 'lower is better', increase, decrease, "
        "'höher ist besser', 'niedriger ist besser')"
    )
    f.err(
        "OKR105",
        f"direction must be up or down, got {shown_value(way)}",
        ("direction",),
        hint=f"did you mean {guess!r}? direction takes {words}"
        if guess
        else f"write {words}; a KPI kept within a band is not supported: use two KPIs, "
        "or key results with kind: stay_above and kind: stay_below",
    )
    return None


def _direction_key(way: str) -> str:
    """``direction:`` as :data:`_DIRECTION_WORDS` spells it: lower case, words
    parted by one space, whether written ``Higher is better``,
    ``higher_is_better`` (as in a YAML key) or ``lower-is-better``."""
    return " ".join(w for w in re.split(r"[\s_-]+", way.lower()) if w)


#: a KPI's ``direction:`` as people say it beside ``up`` and ``down``
#: (``lower is better`` for churn, ``decrease``, German ``niedriger ist
#: besser``): each says which way is better, and refusing it would only make
#: the writer look up the word okrsite wants
_DIRECTION_WORDS = {
    **dict.fromkeys(
        (
            "higher",
            "higher is better",
            "increase",
            "increasing",
            "maximise",
            "maximize",
            "more is better",
            "höher",
            "höher ist besser",
            "steigend",
            "mehr ist besser",
        ),
        "up",
    ),
    **dict.fromkeys(
        (
            "lower",
            "lower is better",
            "decrease",
            "decreasing",
            "minimise",
            "minimize",
            "less is better",
            "niedriger",
            "niedriger ist besser",
            "sinkend",
            "weniger ist besser",
        ),
        "down",
    ),
}
