"""Whether two spellings of a unit are one unit: ``h``, ``hrs`` and ``hours``.

People write a figure with its unit as they say it (``start: 8 hours``,
``target: 2 h``, a check-in's ``5 hrs``), so every place that reads a
figure beside a unit asks this one function whether the unit written is
the key result's, KPI's or goal's. okrsite converts nothing: ``2 days``
is never 48 hours, only another spelling of the same unit is accepted.
"""

from __future__ import annotations

__all__ = ["same_unit"]

#: units written in more than one way (beside case and a plural s): units of
#: time and points, in English and German
_UNIT_SPELLINGS = {
    spelling: name
    for name, spellings in {
        "hour": ("h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden"),
        "minute": ("min", "mins", "minute", "minutes", "minuten"),
        "second": ("s", "sec", "secs", "second", "seconds", "sekunden"),
        "day": ("d", "day", "days", "tag", "tage", "tagen"),
        "week": ("wk", "wks", "week", "weeks", "woche", "wochen"),
        "month": ("mo", "month", "months", "monat", "monate", "monaten"),
        "point": ("pt", "pts", "point", "points", "punkt", "punkte"),
    }.items()
    for spelling in spellings
}


def same_unit(written: str, unit: str) -> bool:
    """Whether a unit written after a figure (``5 h``) is ``unit`` (``hours``):
    the same word in any case, singular or plural, or another common
    spelling of the same unit of time or points."""
    a, b = written.strip().casefold(), unit.strip().casefold()
    if not b:
        return False
    if a == b or a.rstrip(".") == b.rstrip("."):
        return True
    if a.removesuffix("s") == b.removesuffix("s"):
        return True
    return _UNIT_SPELLINGS.get(a, a) == _UNIT_SPELLINGS.get(b, b) and a in _UNIT_SPELLINGS
