"""Whether two spellings of a unit are one unit: ``h``, ``hrs`` and ``hours``.

People write a figure with its unit as they say it (``start: 8 hours``,
``target: 2 h``, a check-in's ``5 hrs``), so every place that reads a
figure beside a unit asks this one function whether the unit written is
the key result's, KPI's or goal's. okrsite converts nothing: ``2 days``
is never 48 hours, only another spelling of the same unit is accepted;
so is one currency's money in one magnitude written with its sign or its
code (``M EUR`` is ``M€``).
"""

from __future__ import annotations

__all__ = ["PLURALS", "known_unit", "same_unit", "unit_name"]

#: units written in more than one way (beside case and a plural s): units of
#: time and points, in English and German
_UNIT_SPELLINGS = {
    spelling: name
    for name, spellings in {
        "hour": ("h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden"),
        "minute": ("min", "mins", "minute", "minutes", "minuten"),
        "second": ("s", "sec", "secs", "second", "seconds", "sek", "sekunde", "sekunden"),
        "day": ("d", "day", "days", "tg", "tag", "tage", "tagen"),
        "week": ("wk", "wks", "week", "weeks", "wo", "woche", "wochen"),
        "month": ("mo", "month", "months", "mon", "monat", "monate", "monaten"),
        "point": ("pt", "pts", "point", "points", "punkt", "punkte"),
    }.items()
    for spelling in spellings
}


def known_unit(word: str) -> bool:
    """Whether ``word`` is a spelling of a unit of time or points okrsite
    knows (``h``, ``Stunden``, ``pts``), with an abbreviation's point or
    without (``Std.``, ``hrs.``)."""
    return word.strip().casefold().removesuffix(".") in _UNIT_SPELLINGS


def same_unit(written: str, unit: str) -> bool:
    """Whether a unit written after a figure (``5 h``) is ``unit`` (``hours``):
    the same word in any case, singular or plural, or another common
    spelling of the same unit of time or points, with an abbreviation's
    point or without (``Std.``, ``Min.``: ``Std``, ``Min``)."""
    a, b = written.strip().casefold(), unit.strip().casefold()
    if not b:
        return False
    if a == b or a.rstrip(".") == b.rstrip("."):
        return True
    a, b = a.removesuffix("."), b.removesuffix(".")
    if a.removesuffix("s") == b.removesuffix("s"):
        return True
    if _UNIT_SPELLINGS.get(a, a) == _UNIT_SPELLINGS.get(b, b) and a in _UNIT_SPELLINGS:
        return True
    return _same_money(written.strip(), unit.strip())


def _same_money(written: str, unit: str) -> bool:
    """Whether two units are one currency's money in one magnitude, written
    with its sign or its code (``EUR`` and ``€``; ``M EUR``, ``MEUR``, ``Mio €``
    and ``M€``): ``1.35 M EUR`` is a figure in a key result in ``M€``."""
    from okrsite.parse_figures import currency_of, is_money, unit_multiplier

    return (
        is_money(written)
        and is_money(unit)
        and currency_of(written) == currency_of(unit)
        and unit_multiplier(written) == unit_multiplier(unit)
    )


#: the plural of each English unit of time and points whose singular follows
#: a 1 (``target: 1 day``): the name a key result's figures are shown with
PLURALS = {
    "hour": "hours",
    "minute": "minutes",
    "second": "seconds",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "point": "points",
}


#: German units of time and points: the plural each is shown in (``Tagen`` of
#: ``von 5 Tagen auf 1 Tag`` is the dative a sentence needs, a figure reads
#: "5 Tage") and the singular after a 1 ("1 Tag", not "1 Tage")
GERMAN_PLURALS = {
    "stunde": "stunden",
    "minute": "minuten",
    "sekunde": "sekunden",
    "tag": "tage",
    "woche": "wochen",
    "monat": "monate",
    "jahr": "jahre",
    "punkt": "punkte",
}
_GERMAN_DATIVES = {"tagen": "tage", "monaten": "monate", "jahren": "jahre", "punkten": "punkte"}


def in_case_of(word: str, like: str) -> str:
    """``word`` (lower case) written with ``like``'s first letter's case."""
    return word.capitalize() if like[:1].isupper() else word


def shown_unit(word: str) -> str:
    """The unit ``word`` is shown as: a German dative plural in its plain plural
    (``Tagen`` → ``Tage``), every other word as written."""
    plain = _GERMAN_DATIVES.get(word.casefold())
    return word if plain is None else in_case_of(plain, word)


def unit_name(chosen: str, figure: float | None, spellings: list[str]) -> str:
    """The unit a key result's figures written with one (``start: 5 days``,
    ``target: 1 day``) are shown in: ``chosen`` (the target's word), or its
    plural where the target is one of it (``1 day``): another figure's
    plural spelling (``days``; ``Tage`` beside ``Tag``), else the English
    plural of a unit of time or points. Pages then read "3 days", not "3
    day"."""
    if figure is None or abs(figure) != 1:
        return shown_unit(chosen)
    for other in spellings:  # days beside day; Tage, Stunden beside Tag, Stunde
        word, stem = other.casefold(), chosen.casefold()
        if word.startswith(stem) and word[len(stem) :] in ("s", "es", "e", "n", "en"):
            return shown_unit(other)
    plural = PLURALS.get(chosen.casefold()) or GERMAN_PLURALS.get(chosen.casefold())
    if plural is None:
        return chosen
    return in_case_of(plural, chosen)
