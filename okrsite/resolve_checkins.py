"""Check-ins: what each names and the values it gives, and their order.

A phase of :func:`okrsite.resolve.resolve`: a check-in must name an
objective or KPI that exists, and each value must fit its key result (a
number in its unit, a checklist ticked in the objective's file, a roll-up
left alone). Check-ins with errors are reported and left out; the rest are
put in the order the site reads them (:func:`checkin_order`), which the
history and diffs use too, and the KPIs' readings are added in that order.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from okrsite import checkin_ticks, parse_key_results, percent_shares, resolve_hints
from okrsite.checkin_folders import copied_checkin_warning, folder_records
from okrsite.checkin_order_warnings import same_day_order_warnings
from okrsite.checkin_outside_cycle import outside_cycle
from okrsite.checkin_time_key import is_time_key, time_key_refused
from okrsite.checkin_units import lowercase_m, percent_mismatch, unit_mismatch
from okrsite.confusable_ids import look_alike_hint
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.id_spellings import filed_as_spelled
from okrsite.model import CheckIn, KeyResult, Objective
from okrsite.money_beside_measure import money_beside_measure
from okrsite.named_targets import milestones_named
from okrsite.parse import is_percent_unit, shown_value
from okrsite.parse_checkins import is_unread, text_shown, written_as
from okrsite.parse_figures import (
    currency_of,
    is_money,
    magnitude_written,
    money_in_unit,
    unit_multiplier,
)
from okrsite.resolve_hints import _did_you_mean, _named_by_title, checkin_key_meant
from okrsite.resolve_tables import Resolving
from okrsite.thousandth_slips import kpi_checkin_slip, read_as_decimal, thousand_times_too_small
from okrsite.title_figures import _millions_meant
from okrsite.units import same_unit
from okrsite.written_dates import utc_clock
from okrsite.written_numbers import (
    CURRENCY_SIGNS,
    comma_groups_thousands,
    point_groups_thousands,
)
from okrsite.written_yes_no import yes_no_hint

_DROPPED_HINT = (
    "if the key result was removed, put it back with 'status: dropped': "
    "old check-ins keep their history and it counts nowhere"
)


def _check_checkins(r: Resolving) -> list[CheckIn]:
    """Check each check-in; those kept, in file order (without their stray keys)."""
    objectives, kpis, diags, unknown = r.objectives, r.kpis, r.diags, r.unknown
    goals = r.goals
    checkins, broken, broken_files = r.checkins, r.broken, r.broken_files
    known_cycles = r.known_cycles
    points_group = None  # whether 1.275 is warned of: the language groups thousands
    commas_group = False  # with a comma (English: 1,275), or else with a point
    # ---- check-ins
    kept: list[CheckIn] = []
    records = folder_records(objectives, kpis) if checkins else {}
    for c in checkins:
        c = filed_as_spelled(c, objectives, kpis) if c.implied else c
        named = c.objective if c.objective is not None else c.kpi
        if named is not None and named in goals and named not in objectives and named not in kpis:
            diags.append(_goal_checkin(c, named, goals[named].file))
            continue
        copied = copied_checkin_warning(c, objectives, kpis, records, r.config.content_dir)
        if copied is not None:  # a copied file: its folder is another record's
            diags.append(copied)
        if c.objective is not None:
            target_obj = objectives.get(c.objective)
            if target_obj is None:
                if c.implied and c.objective in broken.get("objective", set()):
                    continue  # its folder's objective has its own error already
                if c.implied:
                    diags.append(_no_subject(c, c.objective, "objective", objectives, kpis))
                else:
                    unknown(
                        "objective", c.objective, objectives, c.file, ("objective",), "objective"
                    )
                continue
            obj = target_obj
            # checked, but kept only without errors (an undated one has its date's)
            ok = c.file not in broken_files and not c.undated
            stray: list[str] = []  # top-level keys that name no key result (loose)
            scaled: dict[str, float] = {}  # 150 k€ for a key result in k€: 150
            if c.value is not None:  # a KPI's word: it was dropped without one
                diags.append(_value_of_objective(c, obj))
            for key, text in checkin_ticks.unrecorded(obj, c.texts):  # a tick's record is none
                if key in c.loose and is_time_key(key) and obj.key_result(key) is None:
                    diags.append(time_key_refused(c, key, text, (key,)))  # time: "09:00"
                    ok = False
                    continue
                if (
                    key in c.loose
                    and obj.key_result(key) is None
                    and not _meant_key_result(obj, key)
                ):
                    diags.append(_stray_key(c, obj, key, (key,)))  # sprint: week 12
                    continue
                diags.append(_text_value(obj, key, text, c.file, key in c.loose, r.config.language))
                ok = False
            for key, value in c.values.items():
                mark = len(diags)
                found_kr = obj.key_result(key)
                where = (key,) if key in c.loose else ("values", key)
                if found_kr is None and key in c.loose and is_time_key(key):
                    diags.append(time_key_refused(c, key, value, where))
                    ok = False
                elif found_kr is None and key in c.loose and not _meant_key_result(obj, key):
                    diags.append(_stray_key(c, obj, key, where))
                    stray.append(key)
                elif found_kr is None:
                    diags.append(_no_key_result(c, obj, key, where))
                    ok = False
                elif found_kr.kind in ("milestones", "rollup"):
                    diags.append(_takes_no_value(c, obj, found_kr, key, where, objectives))
                    ok = False
                elif key in c.yes_no and found_kr.kind != "boolean":
                    diags.append(_yes_no_for_measure(c, key, value, where))
                    ok = False
                elif key in c.percent and not is_percent_unit(found_kr.unit):
                    diags.append(percent_mismatch(c, key, f"key result {key!r}", found_kr.unit))
                    ok = False
                elif (
                    c.units  # most check-ins write bare figures
                    and (word := dict(c.units).get(key)) is not None
                    and _other_unit(
                        _unit_of(word, found_kr.unit, key, value, scaled), found_kr.unit
                    )
                ):
                    diags.append(unit_mismatch(c, key, word, f"key result {key!r}", found_kr.unit))
                    ok = False
                elif found_kr.kind == "boolean" and value not in (0.0, 1.0):
                    diags.append(_not_zero_or_one(c, key, value, where))
                    ok = False
                elif thousand_times_too_small(value, found_kr):
                    if points_group is None:
                        commas_group = comma_groups_thousands(r.config.language) is True
                        points_group = commas_group or (
                            point_groups_thousands(r.config.language) is True
                        )
                    if points_group or key in c.decimal_commas:
                        diags.append(read_as_decimal(c, key, value, where, found_kr, commas_group))
                if (
                    c.units
                    and found_kr is not None
                    and found_kr.kind not in _NO_FIGURE
                    and not any(d.is_error for d in diags[mark:])
                ):
                    word = dict(c.units).get(key)
                    what = f"key result {key!r}"
                    diags.extend(money_beside_measure(c, key, word, what, found_kr.unit, where))
                diags.extend(percent_shares.hundredfold_slips(c, key, value, where, found_kr))
            cyc = known_cycles.get(obj.cycle)
            if cyc is not None and not c.undated and not cyc.contains(c.date):
                diags.append(outside_cycle(c, obj, cyc, r.as_of))
            if ok:
                if stray:
                    values = {k: v for k, v in c.values.items() if k not in stray}
                    c = replace(c, values=values, loose=tuple(k for k in c.loose if k in values))
                if scaled:
                    c = replace(c, values={**c.values, **scaled})
                kept.append(c)
        elif c.kpi is not None:
            if c.kpi not in kpis:
                if c.implied and c.kpi in broken.get("kpi", set()):
                    continue  # its folder's KPI has its own error already
                if c.implied:
                    diags.append(_no_subject(c, c.kpi, "KPI", objectives, kpis))
                else:
                    unknown("kpi", c.kpi, kpis, c.file, ("kpi",), "KPI")
                continue
            word = dict(c.units).get("value") if c.units else None
            # kpi: nps and nps: 44: the reading is on the line of the KPI's id
            at = (c.kpi,) if c.kpi in c.loose else ("value",)
            unit = kpis[c.kpi].unit
            reading: dict[str, float] = {}
            if "value" in c.percent and not is_percent_unit(unit):
                diags.append(percent_mismatch(c, "value", f"KPI {c.kpi!r}", unit, at))
            elif (
                word is not None
                and c.value is not None
                and _other_unit(_unit_of(word, unit, "value", c.value, reading), unit)
            ):
                diags.append(unit_mismatch(c, "value", word, f"KPI {c.kpi!r}", unit, at))
            elif c.file not in broken_files and not c.undated:
                diags.extend(money_beside_measure(c, "value", word, f"KPI {c.kpi!r}", unit, at))
                diags.extend(kpi_checkin_slip(c, kpis[c.kpi], at))
                kept.append(replace(c, value=reading["value"]) if reading else c)
    return kept


def _value_of_objective(c: CheckIn, obj: Objective) -> Diagnostic:
    """``value:`` in a check-in of an objective (OKR111): a KPI's reading, while
    an objective's check-in gives each key result's value by its id."""
    ids = [kr.id for kr in obj.key_results]
    figure = f"{c.value:g}"
    hint = (
        f"write values: {{{ids[0]}: {figure}}}"
        if len(ids) == 1
        else f"write values: {{<key result id>: {figure}}}; its key results are: "
        + resolve_hints.key_results_listed(obj.key_results)
    )
    return warning(
        "OKR111",
        f"value: is ignored in a check-in of objective {obj.id!r}: an objective's "
        "check-in gives its key results' values under values:",
        c.file,
        hint=hint,
        key_path=("value",),
    )


def _unit_of(word: str, unit: str, key: str, value: float, scaled: dict[str, float]) -> str:
    """The unit a check-in value written as ``word`` is in, for :func:`_other_unit`:
    money of a ``unit:`` that holds a magnitude (``k€``; ``$M``) in its
    currency counts in it (:func:`money_in_unit`: ``150 k€`` is 150,
    ``$450k`` 0.45, ``€250,000`` 250, put in ``scaled``); beside a unit
    without one it is the figure it reads (150,000) in its currency, or none.
    A lowercase ``m`` beside a unit of money that writes its million so
    (``£17m`` for a key result in ``£m``) is that unit: money is never
    counted in metres. A lowercase ``m`` before a currency (``1.2m €``) is
    that money's million beside a unit of it (``M€``), else no unit okrsite
    reads (OKR102), never milli-euros."""
    if word.strip().casefold() in ("m", "mn") and unit and _millions_meant(unit) != unit:
        return unit
    if lowercase_m(word) and len(parts := word.split(None, 1)) > 1:
        return unit if same_unit(f"M {parts[1]}", unit) else word
    written = magnitude_written(word)
    divide = money_in_unit(written or word, unit or "")
    if divide is not None:
        scaled[key] = value / divide
        return unit
    if (
        written is not None
        and not currency_of(written)
        and unit_multiplier(written) != 1
        and is_money(unit or "")
        and unit_multiplier(unit or "") != 1
    ):  # 1.35M or 150k beside M€ or M EUR: counted in the unit, as --set and goal files do
        scaled[key] = value / unit_multiplier(unit or "")
        return unit
    if written is None or unit_multiplier(unit or "") != 1:
        return written or word  # 150 k€ or £20 in $k, or in k: another unit
    return currency_of(written) or unit


def _other_unit(word: str, unit: str) -> bool:
    """Whether a check-in value's unit (``5 h``, ``7 °C``, ``£20``) is not the
    key result's or KPI's ``unit``. A currency sign, which numbers are read
    past, is held to a unit that is another currency sign (``£20`` for a key
    result in ``€``) or a percentage (``$3k`` for one in ``%``): a unit such
    as ``EUR`` may be the same money."""
    if word in CURRENCY_SIGNS:
        held = unit.strip()
        if is_percent_unit(held):
            return True  # $3k for a key result in %: money is no percentage
        if unit_multiplier(held) != 1:
            return currency_of(held) != word  # £20 for one in k€ or in k
        money = currency_of(held)  # a sign, or a code (EUR, USD): the same money
        return bool(money) and money != word
    if not unit.strip() and currency_of(word) and unit_multiplier(word) == 1:
        return False  # 1,250,000 EUR for one without unit: read past, as €1,250,000 is
    return not same_unit(word, unit)


def _meant_key_result(obj: Objective, key: str) -> bool:
    """Whether a key at the top of a check-in is one of the objective's key
    result ids written another way (``Logos``, ``New Logos`` for ``new-logos``,
    ``csat score`` or ``csat-score`` for ``csat_score``): then it is the
    error a wrong id under ``values:`` is (OKR304, with the id to write), not
    an unknown key whose value is dropped with a warning."""
    return bool(_ids_meant(obj, key))


def _ids_meant(obj: Objective, key: str) -> list[str]:
    """The key result ids ``key`` writes another way: in other letter case,
    or with spaces, hyphens or underscores for one another (as
    :func:`okrsite.slug.slugify` reads them alike)."""
    return [kr.id for kr in obj.key_results if kr.id == key or written_as(kr.id, key)]


def _stray_key(c: CheckIn, obj: Objective, key: str, where: tuple[str, ...]) -> Diagnostic:
    """A top-level key of a check-in that names no key result (or mistypes its own): OKR111."""
    typo = checkin_key_meant(key)
    return warning(
        "OKR111",
        f"unknown key {key!r} in a checkin is ignored"
        + ("" if typo else f": objective {obj.id!r} has no key result {key!r}"),
        c.file,
        hint=typo or f"its key results are: {resolve_hints.key_results_listed(obj.key_results)}",
        key_path=where,
    )


def _no_key_result(c: CheckIn, obj: Objective, key: str, where: tuple[str, ...]) -> Diagnostic:
    """A value for a key result the objective does not have (OKR304)."""
    meant = _ids_meant(obj, key)
    guess = look_alike_hint(key, [k.id for k in obj.key_results]) or (
        f"did you mean {meant[0]!r}?"
        if len(meant) == 1
        else _named_by_title(key, obj.key_results)
        or _did_you_mean(key, [k.id for k in obj.key_results])
    )
    known_krs = resolve_hints.key_results_listed(obj.key_results)
    return error(
        "OKR304",
        f"objective {obj.id!r} has no key result {key!r}",
        c.file,
        hint=guess or f"its key results are: {known_krs}; {_DROPPED_HINT}",
        key_path=where,
    )


def _takes_no_value(
    c: CheckIn,
    obj: Objective,
    found_kr: KeyResult,
    key: str,
    where: tuple[str, ...],
    objectives: Mapping[str, Objective],
) -> Diagnostic:
    """A value for a checklist or a roll-up, which take none (OKR307)."""
    how = (
        _tick_by_name(obj, found_kr)
        if found_kr.kind == "milestones"
        else _rollup_hint(obj, found_kr, objectives)
    )
    return error(
        "OKR307",
        f"key result {key!r} is a {'checklist' if found_kr.kind == 'milestones' else 'roll-up'} and takes no check-in value",
        c.file,
        hint=how,
        key_path=where,
    )


def _yes_no_for_measure(c: CheckIn, key: str, value: float, where: tuple[str, ...]) -> Diagnostic:
    """``yes`` or ``no`` for a key result that is measured (OKR102)."""
    written = "yes" if value else "no"
    return error(
        "OKR102",
        f"value of {key} must be a number, got {written}: key result "
        f"{key!r} is measured, not done or not",
        c.file,
        hint="write the number it has reached, e.g. 50, 0.25 or 1,000,000",
        key_path=where,
    )


def _not_zero_or_one(c: CheckIn, key: str, value: float, where: tuple[str, ...]) -> Diagnostic:
    """A value other than 0 or 1 for a key result that is done or not (OKR307)."""
    return error(
        "OKR307",
        f"key result {key!r} is done or not: its check-in value must be 0 or 1, got {value:g}",
        c.file,
        key_path=where,
    )


def _order_checkins(
    r: Resolving, kept: list[CheckIn], series: dict[str, list[tuple[date, float]]]
) -> None:
    """Put the check-ins kept in order (warning of a same-day order their
    names contradict), and add the KPIs' readings in that order."""
    kept.sort(key=checkin_order)
    r.diags.extend(same_day_order_warnings(kept, natural_key, r.config.content_dir))
    for c in kept:  # in check-in order, so the last of a day is the KPI's value that day
        if c.kpi is not None and c.value is not None:
            series[c.kpi].append((c.date, c.value))


_NATURAL = re.compile(r"(\d+)")

#: key results whose check-in values are no figure in their unit
_NO_FIGURE = ("milestones", "rollup", "boolean")


def natural_key(text: str) -> tuple[str | int, ...]:
    """``x.md`` < ``x-2.md`` < ``x-10.md``: digit runs compare as numbers.

    The ``.md`` suffix is cut first, so a name that extends another (``x-2``)
    sorts after it (``x``) instead of before (``-`` sorts before ``.``).
    Text sits at even places and numbers at odd ones, so keys always compare.
    """
    parts = _NATURAL.split(text.removesuffix(".md"))
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


def _goal_checkin(c: CheckIn, goal: str, goal_file: str) -> Diagnostic:
    """A check-in filed for a SMART goal (``checkins/<goal id>/``, or
    ``objective:``/``kpi:`` naming one): a goal keeps no check-in files, its
    value is its measure's ``current:``, so naming an objective or KPI
    instead (the usual hint of OKR101/OKR303) would be the wrong fix."""
    value = "V" if c.value is None else f"{c.value:g}"
    if c.implied:
        code, where, line = "OKR101", None, 1
    else:
        code, where, line = "OKR303", ("objective" if c.objective is not None else "kpi",), None
    return error(
        code,
        f"{goal!r} is a SMART goal: goals have no check-in files",
        c.file,
        line=line,
        hint=(
            f"set 'current:' in its measure ({goal_file}), "
            f"or run 'okrsite checkin {goal} --value {value}'"
        ),
        key_path=where,
    )


def _no_subject(
    c: CheckIn, folder: str, kind: str, objectives: Mapping[str, object], kpis: Mapping[str, object]
) -> Diagnostic:
    """A check-in that names neither objective nor KPI, filed in a folder
    (``checkins/<folder>/<date>.md``) that is no id of the ``kind`` its
    values ask for: an objective for ``values:``, a KPI for ``value:``."""
    if kind == "objective" and folder in kpis:
        message = f"the check-in gives values: but its folder {folder!r} is a KPI, not an objective"
        hint = "write the KPI's reading as 'value: 42'"
    elif kind == "KPI" and folder in objectives:
        message = f"the check-in gives value: but its folder {folder!r} is an objective, not a KPI"
        hint = "write the key results' values as 'values: {kr1: 3}'"
    else:
        message = f"the check-in names no objective or KPI, and its folder {folder!r} is neither"
        hint = _did_you_mean(folder, objectives if kind == "objective" else kpis) or (
            "add 'objective: <id>' (with values:) or 'kpi: <id>' (with value:), "
            "or file it in checkins/<objective id>/"
        )
    return error("OKR101", message, c.file, line=1, hint=hint)


def checkin_order(c: CheckIn) -> tuple[object, ...]:
    """The order of check-ins: date, then time of day (none: start of the day),
    then file name in natural order. The last one is the current one.

    Times of one day are compared by the instant they name (``17:00+01:00``,
    16:00 UTC, before ``09:00-08:00``, 17:00 UTC), since tools write one
    instant in different zones; a time without a zone counts as written, as
    if in UTC (:func:`okrsite.written_dates.utc_clock`), so a day whose
    times name no zone is ordered by them as written. One key per check-in,
    so every place that orders check-ins (the pages, the feed, okrsite diff,
    OKR311) orders them alike. The day is the date as written, whatever the
    zone: a check-in's day is its own local day. The file name breaks a tie
    of instants, as the rule says, not the time as written: ``okrsite
    checkin`` stamps the minute with its zone, so two teammates a few
    seconds apart, in Berlin (``07:02+01:00``) and New York
    (``01:02-05:00``), name one instant, and the one written later is the
    one filed after (``…-2.md``); ordering them by their local clocks would
    read the earlier Berlin one last. The time as written comes after, so
    the key stays total."""
    if not c.time:
        return (c.date, 0, 0, natural_key(c.file), "")
    return (c.date, 1, utc_clock(c.time, c.zone), natural_key(c.file), c.time)


def _tick_by_name(obj: Objective, kr: KeyResult) -> str:
    """OKR307's hint for a number given to a checklist: the milestone to tick
    (``okrsite checkin`` ticks it in the objective's file), or tick it by hand."""
    open_ones = [m.title for m in kr.milestones if not m.done]
    if not open_ones:
        return (
            f"its milestones are all done already; to change one, edit its done: in the "
            f"objective file, {obj.file}"
        )
    named = ", ".join(repr(t) for t in open_ones)
    return (
        f"tick one by its name: okrsite checkin {obj.id} --set "
        f'"{kr.id}={open_ones[0]}" (not done yet: {named}); or tick its milestones with '
        f"'done: true' in the objective file, {obj.file}"
    )


#: a figure in a key result's title, as the target it may mean (``Book 60 meetings``)
_TITLE_FIGURE = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?(?![\w,]|\.\d)")


#: a title YAML reads as itself inside ``{…}``; any other is written quoted
_PLAIN_IN_FLOW = re.compile(r"[^\W\d][^:,#\[\]{}\"'\n]*")


def _rollup_hint(obj: Objective, kr: KeyResult, objectives: Mapping[str, Objective]) -> str:
    """OKR307's hint for a value given to a roll-up: where its progress
    comes from when objectives are aligned to it; when none is, it measures
    nothing (a title without "from … to …"), and the fix is a target,
    shown as the line to write."""
    ref = f"{obj.id}#{kr.id}"
    if any(o.parent == ref for o in objectives.values()):
        return "its progress comes from the objectives aligned to it"
    figures = _TITLE_FIGURE.findall(kr.title)
    target = figures[0] if len(figures) == 1 else "<the figure to reach>"
    title = (
        kr.title if _PLAIN_IN_FLOW.fullmatch(kr.title) else json.dumps(kr.title, ensure_ascii=False)
    )
    line = f"- {{title: {title}, start: 0, target: {target}}}"
    if kr.id != parse_key_results.place_id(kr.index):
        line = f"- {{id: {kr.id}, title: {title}, start: 0, target: {target}}}"
    return (
        f"nothing is aligned to it ({ref}), so it measures nothing: give it a target in "
        f"{obj.file}, written as {line} (or add start: and target: beside its title:)"
    )


def _text_value(
    obj: Objective,
    key: str,
    text: str,
    file: str,
    at_top: bool = False,
    language: str | None = None,
) -> Diagnostic:
    """The error for a check-in value written as words (``site: Design
    approved``): for a checklist, OKR307 saying where its milestones are
    ticked, and how for the one named; for any other key result, the
    number it must be (OKR102, as the parse says of any value that is no
    number); for a yes/no key result, OKR307 with the words it takes. ``at_top``: written at the top of the front matter, not under
    ``values:``."""
    kr = obj.key_result(key)
    where = (key,) if at_top else ("values", key)
    if kr is not None and kr.kind == "boolean" and not is_unread(text):
        # d: maybe for a key result done or not: the words it takes, as for d: 5
        return error(
            "OKR307",
            f"key result {key!r} is done or not: its check-in value must be 0 or 1, "
            f"got {shown_value(text)}",
            file,
            hint=yes_no_hint(language),
            key_path=where,
        )
    if kr is None or kr.kind != "milestones" or is_unread(text):
        shown, hint = text_shown(text)
        return error(
            "OKR102",
            f"value of {key} must be a number, got {shown}",
            file,
            hint=hint,
            key_path=where,
        )
    found = milestones_named(kr.milestones, text)
    if len(found) == 1:
        title = kr.milestones[found[0]].title
        from okrsite.goal_yaml import flow_mapping  # PyYAML: only for this hint

        entry = flow_mapping({"title": title, "done": True})
        setting = shlex.quote(f"{key}={title}")
        hint = (
            f"tick it in {obj.file}: - {entry} under {key}'s "
            f"milestones, or run okrsite checkin {obj.id} --set {setting}"
        )
    else:
        titles = ", ".join(repr(m.title) for m in kr.milestones)
        hint = f"tick its milestones with 'done: true' in {obj.file} (they are {titles})"
    return error(
        "OKR307",
        f"key result {key!r} is a checklist and takes no check-in value, got {shown_value(text)}",
        file,
        hint=hint,
        key_path=where,
    )
