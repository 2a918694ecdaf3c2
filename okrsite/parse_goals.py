"""A goal file: a SMART goal with its due date and its measure.

A goal's measure may be a mapping, a sentence (``from 8 h to 2 h``) or
figures written at the top beside its title; its ``due:`` a date or a
period (``Q4 2026``: its last day).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from okrsite import key_aliases, yamlsource
from okrsite.due_cycles import cycle_named
from okrsite.due_words import without_deadline_words
from okrsite.model import Goal, Measure
from okrsite.no_current_value import without_unknown_current
from okrsite.parse_fields import Path_, _Fields
from okrsite.parse_key_results import _HEALTH_WORDS, GERMAN_STATUS, _status
from okrsite.parse_keys import respelled
from okrsite.parse_measures import (
    _GOAL_MEASURE_KEYS,
    _NUMERIC_KEYS,
    _currency_unit,
    _percent_unit,
    _units_written,
    _with_unit,
    is_percent_unit,
    measure_sentence,
)
from okrsite.parse_messages import shown_value
from okrsite.parse_names import without_typed_quotes
from okrsite.percent_shares import share_as_current
from okrsite.written_dates import read_date


def _goal(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> Goal | None:
    title = f.text(data, "title", (), required=True)
    measure: Measure | None = None
    written = data.get("measure")
    if isinstance(written, str):
        data = {**data, "measure": _measure_written_out(f, written)}
    raw = f.mapping(data, "measure", ())
    where: Path_ = ("measure",)
    # the measure written at the top (target: 40 beside title:), as a key
    # result's figures are written: the same measure, read from there
    loose = {k: data[k] for k in sorted(_GOAL_MEASURE_KEYS) if data.get(k) is not None}
    if raw is not None:
        raw = respelled(
            {str(k): v for k, v in raw.items()}, _GOAL_MEASURE_KEYS, key_aliases.GOAL_MEASURE
        )
        f.unknown_keys(raw, _GOAL_MEASURE_KEYS, ("measure",), "a measure")
        for key in loose:
            f.warn(
                "OKR111",
                f"{key} beside measure: is ignored: measure: gives the goal's figures",
                (key,),
                hint=f"move it into measure: ({key}: {shown_value(loose[key])}) or remove it",
            )
    elif loose and data.get("measure") is None:
        raw, where = loose, ()
    if raw is not None:
        raw = dict(without_unknown_current(raw))  # current: n/a, as import reads it
        raw = figures = _units_written(f, raw, where, "measure")
        percents, currencies = len(f.percents), len(f.currencies)
        start, target, current = _with_unit(
            f,
            figures,
            lambda: tuple(f.number(figures, key, where, percent=True) for key in _NUMERIC_KEYS),
        )
        unit = f.text(raw, "unit", where) or ""
        unit = _currency_unit(
            _percent_unit(f, unit, f.percents[percents:], "the measure's"),
            f.currencies[currencies:],
        )
        _share_as_current(f, raw, where, (start, target, current), unit)
        measure = Measure(
            start=0.0 if start is None and target is not None else start,
            target=target,
            current=current,
            unit=unit,
        )
    supports = f.text_list(data, "supports", (), refs=True)
    if len(supports) > 1:
        f.warn(
            "OKR114",
            "a goal supports one objective, key result or KPI; only the first counts",
            ("supports",),
        )
    _status_not_used(f, data)
    # FY27 Q4, a cycle of okrsite.toml: told from a mistake once the site's cycles are known
    due_cycle = None if _period_end(data.get("due")) else cycle_named(data.get("due"))
    return Goal(
        id=rid,
        file=rel,
        title=title or rid,  # missing: reported; the id stands in
        owner=f.name(data, "owner", (), "person"),
        team=f.name(data, "team", (), "team"),
        due=None if due_cycle else _due(f, data),
        cycle=without_typed_quotes(f.text(data, "cycle", ()) or "") or None,
        supports=supports[0] if supports else None,
        measure=measure,
        tags=f.tags(data, ()),
        body=parts.body,
        body_line=parts.body_line,
        due_cycle=due_cycle,
    )


def _status_not_used(f: _Fields, data: dict[str, Any]) -> None:
    """OKR132 for a goal's ``status: dropped`` or ``draft`` (``aufgegeben``,
    ``Entwurf``): an objective's status says whether it counts, a SMART
    goal has none, so one written as dropped would stay on every list and
    be overdue without a word. A health word (``at risk``) gets OKR122, as
    an objective's does; any other value is accepted and not used."""
    value = data.get("status")
    word = " ".join(value.lower().split()) if isinstance(value, str) else ""
    if word not in _HEALTH_WORDS and word not in GERMAN_STATUS and word not in _LIFE_WORDS:
        return
    said = _status(f, data, ())
    if said == "active":
        return
    f.warn(
        "OKR132",
        f"status {shown_value(value)} is not used for a goal: it still counts, "
        "and is overdue once its due date passes",
        ("status",),
        hint="remove the line; to stop tracking the goal, delete its file (git keeps its history)",
    )


_LIFE_WORDS = ("active", "draft", "dropped")


def _share_as_current(
    f: _Fields,
    raw: dict[str, Any],
    where: Path_,
    figures: tuple[float | None, float | None, float | None],
    unit: str,
) -> None:
    """OKR128 for a measure in % whose ``current:`` is a bare share of one
    (``measure: {current: 0.12, unit: "%", target: 40}`` reads as 0.12%,
    next to no progress, though 12% was meant), at the line of its
    ``current:``, by the rule a key result's own ``current:`` is told by
    (:func:`okrsite.percent_shares.share_as_current`); one written ``0.12%``
    says what it means."""
    written = raw.get("current")
    if not is_percent_unit(unit) or (isinstance(written, str) and "%" in written):
        return
    start, target, current = figures
    slip = share_as_current("current of the measure", start, target, current)
    if slip is not None:
        f.warn("OKR128", slip[0], (*where, "current"), hint=slip[1])


#: the hint of a key a goal does not have, written as other records write it,
#: where the nearest known key ("did you mean 'owner'?" for ``done:``) is no help
_DONE_HINT = (
    "a goal is done when its measure's current value reaches its target: for a yes/no "
    "goal write measure: {target: 1, current: 1} (okrsite checkin GOAL-ID --value 1 sets it)"
)
GOAL_KEY_HINTS = {"done": _DONE_HINT, "completed": _DONE_HINT, "achieved": _DONE_HINT}


def _due(f: _Fields, data: dict[str, Any]) -> date | None:
    """``due:`` as a period's last day or a date; written after ``end of``,
    ``by``, ``EOY`` or ``Ende`` (``end of Q4 2026``), the period or date
    after them (:func:`okrsite.due_words.without_deadline_words`)."""
    plain = without_deadline_words(data.get("due"))
    if plain is not None and (_period_end(plain) or read_date(plain)):
        return _period_end(plain) or _due_date(f, {"due": plain})
    return _period_end(data.get("due")) or _due_date(f, data)


def _due_date(f: _Fields, data: dict[str, Any]) -> date | None:
    """``due:`` read as a date; one that is none (OKR104) is told that a
    quarter with its year is read too."""
    value = data.get("due")
    return None if value is None else f.date_value(value, "due", ("due",), period=True)


def _period_end(value: Any) -> date | None:
    """The last day of a period a goal's ``due:`` names (``Q4 2026``,
    ``2026-H2``, ``Nov 2026``, ``2026``): a goal due "in Q4" is due by its
    end, as people mean it. ``None`` for a date, which is read as a date."""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    text = str(value).strip()
    if read_date(text) is not None:
        return None
    from okrsite.cycles import calendar_cycle, canonical, french_period

    if french_period(text) is not None:
        return None  # T4 2026: a sprint okrsite.toml names so wins (okrsite.due_cycles)
    cycle = calendar_cycle(canonical(text))
    return cycle.end if cycle is not None else None


def _measure_written_out(f: _Fields, text: str) -> dict[str, Any]:
    """The figures of a ``measure:`` written as a sentence
    (:func:`measure_sentence`); anything else is refused, with a hint that
    shows both forms (and no measure)."""
    figures = measure_sentence(text)
    if figures is not None:
        return figures
    f.err(
        "OKR106",
        f"measure must say where the goal starts and ends, got {shown_value(text)}",
        ("measure",),
        hint="write measure: {start: 8, target: 2, unit: h} or measure: from 8 h to 2 h",
    )
    return {}
