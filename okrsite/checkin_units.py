"""A check-in's value held to the unit of its key result or KPI.

A value written with a unit after its figure (``5 h``, ``£20``, ``45%``)
must be in the key result's or KPI's ``unit:``; one in another is error
OKR312, as okrsite converts nothing. A lowercase ``m`` (``1.2m``, ``€1.2m``,
``1.2m €``) or ``mn`` after the figure is no unit but a magnitude okrsite
does not read: million, or metres? It is error OKR102, as a key result's
``current: 1.2m`` is, whose hint writes ``1.2M`` or ``1.2 Mio``, not
OKR312, whose hint would say to give the key result ``unit: m`` and so
read 1.3 million as 1.3 metres. Beside a unit that takes it (metres,
``unit: m``; a unit of money that writes its million so, ``£m``) the
figure is read as before, and never reaches here.
"""

from __future__ import annotations

from okrsite.diagnostics import Diagnostic, error
from okrsite.model import CheckIn
from okrsite.numbers import format_number
from okrsite.parse_figures import split_unit
from okrsite.parse_messages import magnitude_refused, shown_value

__all__ = ["lowercase_m", "percent_mismatch", "unit_mismatch", "value_path"]

#: the first word of a unit written after a check-in's figure that is a
#: magnitude okrsite does not read, not a unit (``1.2m``, ``1.2m €``, ``5 mn``)
_MILLION_OR_METRES = ("m", "mn")


def lowercase_m(word: str) -> bool:
    """Whether ``word``, the unit written after a check-in's figure, is a
    lowercase ``m`` or ``mn`` (``1.2m``, ``1.2m €``, ``1.2 m.``): million, or
    metres? Its value is kept as written (:attr:`CheckIn.lowercase_m`), for
    OKR102 to quote it as a key result's figure is quoted."""
    head = word.split(None, 1)[0] if word.strip() else ""
    return head.rstrip(".") in _MILLION_OR_METRES


def value_path(c: CheckIn, key: str) -> tuple[str, ...]:
    """Where a check-in writes the value of ``key`` (``"value"``: a KPI's)."""
    return (key,) if key in c.loose else ("values", key) if key != "value" else ("value",)


def percent_mismatch(
    c: CheckIn, key: str, what: str, unit: str, at: tuple[str, ...] | None = None
) -> Diagnostic:
    """A check-in value written as a percentage (``45%``) for a figure in another unit."""
    measured = f"in {unit!r}" if unit else "in plain numbers"
    return error(
        "OKR312",
        f"{key} is written as a percentage, but {what} is measured {measured}",
        c.file,
        hint=f"write the bare number, or give {what} 'unit: \"%\"' if it counts percentages",
        key_path=at or value_path(c, key),
    )


def unit_mismatch(
    c: CheckIn, key: str, word: str, what: str, unit: str, at: tuple[str, ...] | None = None
) -> Diagnostic:
    """A check-in value written with a unit (``5 h``) its key result or KPI is
    not measured in (OKR312); with a lowercase ``m`` (``1.2m``), which is no
    unit, OKR102 (:func:`_lowercase_m_refused`)."""
    if lowercase_m(word):
        return _lowercase_m_refused(c, key, word, at or value_path(c, key))
    measured = f"in {unit!r}" if unit else "in plain numbers (it has no unit:)"
    return error(
        "OKR312",
        f"{key} is written in {word!r}, but {what} is measured {measured}",
        c.file,
        hint=f"write the figure in {unit!r}, without a unit or with it"
        if unit
        else f"write the bare number, or give {what} 'unit: {word}'",
        key_path=at or value_path(c, key),
    )


def _lowercase_m_refused(c: CheckIn, key: str, word: str, at: tuple[str, ...]) -> Diagnostic:
    """OKR102 for a check-in value written with a lowercase ``m`` (``r:
    1.2m``) that its key result's or KPI's unit does not take: the words and
    hint a key result's ``current: 1.2m`` gets (:func:`magnitude_refused`),
    quoting the value as written."""
    written = dict(c.lowercase_m).get(key)
    if written is None:  # a check-in read before values were kept so: as read
        read = c.value if key == "value" else c.values.get(key)
        written = f"{format_number(read)}{word}"
    found = split_unit(written)
    figure, unit_word = found if found is not None else (written, word)
    head, *rest = unit_word.split(None, 1)
    reason, hint = magnitude_refused(written, figure, head, rest[0] if rest else "")
    label = "value" if key == "value" else f"value of {key}"  # as an unread figure is named
    return error(
        "OKR102",
        f"{label} must be a number, got {shown_value(written)}: {reason}",
        c.file,
        hint=hint,
        key_path=at,
    )
