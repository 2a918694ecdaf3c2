"""A check-in's time of day written as a key of its own: error OKR323.

People write ``date: 2026-12-01`` and, below it, ``time: "09:00"`` (or
``Time:``, ``Uhrzeit:``), as a form has two fields. okrsite reads the time of
day from ``date:`` only (docs/content-format.md, "Order of check-ins"): the
key was read as a value of a key result named ``time``, warned of as one the
objective does not have, and the time was lost, so two check-ins of one day
were silently ordered by file name. Reading the key as the time would give
one check-in two places its time can come from (and a key result may be
called ``time``), so the check-in is refused with the line that says it in
``date:``, written from the date and the time it gave. A KPI's check-in has
no key results, so its time key is set aside while parsing
(:func:`kpi_time_keys`) and refused the same way, not warned of as an
unknown key (OKR111) with its time dropped.
"""

from __future__ import annotations

import re
from typing import Any

from okrsite.diagnostics import Diagnostic, error
from okrsite.model import CheckIn

#: keys that give a time of day beside ``date:``, compared case-blind
TIME_KEYS = frozenset({"time", "uhrzeit", "hour", "time_of_day"})

_CLOCK = re.compile(r"\s*(\d{1,2})[:.h](\d{2})\s*(?:uhr|h)?\s*", re.IGNORECASE)
_HOUR = re.compile(r"\s*(\d{1,2})\s*(?:uhr|h)\s*", re.IGNORECASE)


def is_time_key(key: str) -> bool:
    """Whether ``key`` at the top of a check-in is a time of day of its own."""
    return key.casefold() in TIME_KEYS


def kpi_time_keys(data: dict[str, Any]) -> tuple[dict[str, Any], tuple[tuple[str, Any], ...]]:
    """A KPI check-in's front matter without its time keys (``time: "09:00"``),
    and those keys with their values, for :func:`time_key_refused` once the
    check-in is read; any other front matter as it is. A KPI's own id
    (``kpi: time``, ``time: 44``) has been read as its value already."""
    if data.get("kpi") is None or data.get("objective") is not None:
        return data, ()
    found = tuple((str(key), value) for key, value in data.items() if is_time_key(str(key)))
    if not found:
        return data, ()
    named = {key for key, _ in found}
    return {key: value for key, value in data.items() if str(key) not in named}, found


def time_key_refused(c: CheckIn, key: str, written: object, where: tuple[str, ...]) -> Diagnostic:
    """OKR323 for ``key`` (``time: "09:00"``), with ``date:`` as it should be
    written: the check-in's day and the time given, when that reads as a
    24-hour time (``09:00``, ``9.30``, ``14 Uhr``, read as the figure 14, or
    an hour alone), else ``09:00`` as an example. An unquoted ``9:30`` has
    become a number of minutes by then (YAML 1.1), which is not guessed at."""
    clock = _clock(written)
    if c.time:
        message = (
            f"check-in gives a time of day in {key!r}, which okrsite does not read: "
            f"its time is the one in date: ({c.time})"
        )
        hint = f"remove {key}:, or correct the time in date: (date: {c.date}T{c.time[:5]})"
    else:
        message = (
            f"check-in gives its time of day in {key!r}, which okrsite does not read: "
            "the time of day belongs in date:"
        )
        hint = (
            f"write date: {c.date}T{clock} (24-hour) and remove {key}:"
            if clock
            else f"write the time in date:, e.g. date: {c.date}T09:00 (24-hour), and remove {key}:"
        )
    return error("OKR323", message, c.file, hint=hint, key_path=where)


def _clock(written: object) -> str | None:
    """``HH:MM`` for a time of day as written, or ``None``."""
    if isinstance(written, float):  # 14 Uhr, 9: an hour
        return f"{int(written):02d}:00" if written.is_integer() and 0 <= written <= 23 else None
    text = str(written)
    m = _CLOCK.fullmatch(text)
    hour, minute = (int(m[1]), int(m[2])) if m else (None, 0)
    if m is None and (m := _HOUR.fullmatch(text)) is not None:
        hour = int(m[1])
    if hour is None or hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"
