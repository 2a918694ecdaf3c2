"""A ``current:`` that says there is no value yet (``n/a``, ``-``, ``TBD``).

People fill a goal's measure or a key result in before anything is measured
and write what a spreadsheet cell says then: ``current: n/a``, ``current:
"-"``, ``current: TBD``. ``okrsite import`` and a KPI's data file read such
a cell as no reading (:data:`okrsite.kpi_data_file.NO_READING`); a file's
``current:`` is read the same way, as no current value (the measure starts
at its start), rather than refused as no number.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from okrsite.kpi_data_file import NO_READING

#: the words for "no value yet": a spreadsheet's empty cells, and "to be
#: determined" as people write it where a figure is not known yet
_NO_VALUE = frozenset(
    {*(word.casefold() for word in NO_READING), "tbd", "tba", "tbc", "offen", "unknown"}
)


def says_no_value(value: Any) -> bool:
    """Whether a figure's ``value`` is a word for "no value yet"."""
    return isinstance(value, str) and value.strip().casefold() in _NO_VALUE


def without_unknown_current(item: Mapping[str, Any]) -> Mapping[str, Any]:
    """``item`` (a goal's measure or a key result) without a ``current:``
    that says it has no value; ``item`` itself when it has none such."""
    if not says_no_value(item.get("current")):
        return item
    return {k: v for k, v in item.items() if k != "current"}
