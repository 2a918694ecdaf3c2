"""An objective's key results, as its ``key_results:`` list writes them.

Each key result is a mapping (or a sentence: ``- Raise NPS from 30 to 50``)
measured one way: a numeric target, milestones, done or not, or a level
to stay above or below; or rolled up from the objectives that support it.
Its weight, status and hand-given score are read here too, as an
objective's weight and status are (:mod:`okrsite.parse_objectives`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from okrsite import key_aliases, limits, yamlsource
from okrsite.key_result_warnings import title_warnings
from okrsite.model import KeyResult, Milestone
from okrsite.no_current_value import without_unknown_current
from okrsite.numbers import format_number
from okrsite.parse_checkins import _out_of as out_of_scale
from okrsite.parse_fields import RANGE_HINTS, Path_, _Fields
from okrsite.parse_figures import is_figure
from okrsite.parse_keys import respelled
from okrsite.parse_measures import (
    _GOAL_MEASURE_KEYS,
    _NUMERIC_KEYS,
    _currency_unit,
    _percent_unit,
    _units_written,
    _with_unit,
    _written_out,
    measure_sentence,
)
from okrsite.parse_messages import TARGET_FORMS_HINT, _fmt, closest, shares_of_one, shown_value
from okrsite.parse_milestones import _boxed, _milestones
from okrsite.parse_milestones import item_title as item_title
from okrsite.parse_milestones import open_task as open_task
from okrsite.parse_names import KR_ID_RE, id_fault, usable_id
from okrsite.title_figures import title_figures_in_unit
from okrsite.written_numbers import read_number
from okrsite.written_yes_no import as_done_key

KR_KEYS = {
    "id",
    "title",
    "start",
    "target",
    "current",
    "unit",
    "weight",
    "kpi",
    "milestones",
    "done",
    "stay_above",
    "stay_below",
    "score",
    "status",
    "owner",
    "description",
}
_KR_KIND = (
    "a key result's kind follows from its keys: target (numeric), milestones, done, "
    "stay_above or stay_below; remove this line"
)
#: keys of other tools' key results, with what to write instead
_KR_KEY_HINTS = {"kind": _KR_KIND, "type": _KR_KIND}
#: what a grade written where none is read (an objective's ``score:`` or
#: ``grade:``, a check-in's) is told: the place a grade is read from
GRADE_HINT = (
    "grade each key result with score: (0.7, 70% or 7/10) under it in the objective's "
    "file; the objective's grade is their weighted mean"
)
#: an objective's keys that are a grade (:data:`GRADE_HINT`)
OBJECTIVE_KEY_HINTS = {"score": GRADE_HINT, "grade": GRADE_HINT}


_MEASURE_KEYS = ("milestones", "done", "stay_above", "stay_below", "target")


def _key_results(f: _Fields, data: dict[str, Any]) -> list[KeyResult]:
    raw = data.get("key_results")
    if raw is None:
        return []
    if not isinstance(raw, list):
        f.err(
            "OKR106",
            f"key_results must be a list of key results, got {shown_value(raw)}",
            ("key_results",),
            hint="write each key result as '- title: …' under key_results:",
        )
        return []
    if f.too_many(raw, limits.MAX_KEY_RESULTS, "key results", ("key_results",)):
        return []
    out: list[KeyResult] = []
    seen: set[str] = set()
    memo = f.memo
    for i, item in enumerate(raw):
        hit = memo.get(id(item)) if memo is not None else None
        if hit is not None and hit[0] is item and hit[1] == i:
            kr_id, kr = hit[2], hit[3]
            if kr_id is None or kr_id in seen:
                continue
        else:
            kr_id, kr, again = _key_result(f, i, item, seen)
            if memo is not None and not again:
                memo[id(item)] = (item, i, kr_id, kr)
            if kr_id is None or again:
                continue
        seen.add(kr_id)
        if kr is not None:
            out.append(kr)
    return out


#: what stops a "from … to …" in a key result's title being read: a way of
#: measuring it. A ``kpi:`` or ``current:`` does not (``{title: Deploys from
#: 10 to 40, current: 22}``); a ``unit:`` counts the title's figures in it
_NO_FIGURES = ("start", "score", *_MEASURE_KEYS)


def _weight(f: _Fields, data: Mapping[str, Any], path: Path_) -> float | None:
    """A ``weight:``, also as a percentage, as OKR tools that have weights sum
    them to 100% (``weight: 50%``): a share, 0.5, of the default weight 1
    (100%). Weights count relative to each other, so key results weighted
    50%, 25% and 25% count as 2, 1 and 1 would."""
    raw = data.get("weight")
    if raw is None:
        return None
    if isinstance(raw, str):
        written = read_number(raw)
        if written is not None and written[1]:
            if written[0] < 0:
                f.err(
                    "OKR107",
                    f"weight must be at least 0, got {raw.strip()}",
                    (*path, "weight"),
                    hint=RANGE_HINTS["weight"],
                )
                return None
            return written[0] / 100
    return f.number(data, "weight", path, low=0)


#: a target written as a bound to keep (``target: >= 99.9%``, ``target: at
#: most 5``): the comparison, and the key it stands for (a word whole:
#: ``minimum 5`` is no ``min`` before ``imum 5``)
_BOUND = re.compile(
    r"\s*(?P<op>>=|=>|≥|<=|=<|≤|>|<"
    r"|(?:at least|at most|minimum|maximum|min\.?|max\.?)(?![^\W\d_]))\s*"
    r"(?P<figure>\S.*)",
    re.IGNORECASE,
)
_BOUND_KEYS = {
    ">=": "stay_above", "=>": "stay_above", "≥": "stay_above", "at least": "stay_above",
    "min": "stay_above", "min.": "stay_above", "minimum": "stay_above",
    "<=": "stay_below", "=<": "stay_below", "≤": "stay_below", "at most": "stay_below",
    "max": "stay_below", "max.": "stay_below", "maximum": "stay_below",
}  # fmt: skip


def _kr_threshold(f: _Fields, item: dict[str, Any], path: Path_) -> dict[str, Any]:
    """A target written as a bound the value must keep, as people write a
    key result that holds a level (``target: ">= 99.9%"``, ``target: at most
    5``): the key result's ``stay_above`` or ``stay_below``. A strict bound
    (``< 5``) is refused with what to write: ``stay_below`` lets the value
    equal its figure, and which whole number is meant is the writer's call.
    A comparison with no figure after it (``<img src=x>``, ``>= lots``) is
    no bound: it is a target that is no number, and said to be one."""
    target = item.get("target")
    if not isinstance(target, str) or "stay_above" in item or "stay_below" in item:
        return item
    found = _BOUND.fullmatch(target)
    lone = found is None and " ".join(target.split()).lower() in {">", "<", *_BOUND_KEYS}
    if found is None and not lone:
        return item
    op, figure = (found["op"].lower(), found["figure"].strip()) if found else ("", "")
    unit = item.get("unit")
    if lone or not is_figure(figure, unit if isinstance(unit, str) else ""):
        # no bound, as no number follows: "<img src=x>", ">= lots", "<"
        f.err(
            "OKR102",
            f"target must be a number, got {shown_value(target)}",
            (*path, "target"),
            hint=TARGET_FORMS_HINT,
        )
        return {k: v for k, v in item.items() if k != "target"}
    key = _BOUND_KEYS.get(op)
    if key is None:  # > or <
        above = op == ">"
        f.err(
            "OKR102",
            f"target {shown_value(target)} is a strict bound: the value must stay "
            f"{'above' if above else 'below'} {figure} without reaching it",
            (*path, "target"),
            hint=f"write stay_{'above' if above else 'below'}: with the last figure that "
            f'still counts (it may equal it), or target: "{">=" if above else "<="} {figure}"',
        )
        return {k: v for k, v in item.items() if k != "target"}
    return {**{k: v for k, v in item.items() if k != "target"}, key: figure}


def _kr_measure(f: _Fields, item: dict[str, Any], path: Path_) -> dict[str, Any]:
    """A key result's figures written as a goal's are: ``measure: from 8 h to
    2 h`` or ``measure: {start: 8, target: 2, unit: h}`` (figures written
    beside it are ignored with OKR111, as for a goal); and a title that says
    "from … to …" when nothing else measures the key result (``- title:
    Raise CSAT from 82% to 90%``): read as the sentence ``- Raise CSAT from
    82% to 90%`` is. The returned mapping has the figures as its own keys."""
    # only a key no key result has can be "Measure" (known keys are respelled)
    written = (
        "measure"
        if "measure" in item
        else None
        if KR_KEYS.issuperset(item)
        else next((k for k in item if yamlsource.key_form(k) == "measure"), None)
    )
    if written is None:
        title = item.get("title")
        if (
            isinstance(title, str)
            and item.get("target") is None  # the usual key result: nothing to read
            and not any(item.get(k) is not None for k in _NO_FIGURES)
        ):
            unit = item.get("unit")  # the title's figures counted in it
            if unit is None:
                figures = {k: v for k, v in _written_out(title).items() if k != "title"}
            else:
                figures = title_figures_in_unit(title, unit) if isinstance(unit, str) else {}
            if figures:
                return {**item, **figures}
        return item
    raw = item[written]
    rest = {k: v for k, v in item.items() if k != written}
    where: Path_ = (*path, written)
    if isinstance(raw, str):
        sentence = measure_sentence(raw)
        if sentence is None:
            f.err(
                "OKR106",
                f"measure must say where the key result starts and ends, got {shown_value(raw)}",
                where,
                hint="write measure: from 8 h to 2 h, or start:, target: and unit: of their own",
            )
            return rest
        figures = sentence
    elif isinstance(raw, dict):
        figures = respelled(
            {str(k): v for k, v in raw.items()}, _GOAL_MEASURE_KEYS, key_aliases.GOAL_MEASURE
        )
        f.unknown_keys(figures, _GOAL_MEASURE_KEYS, where, "a measure")
        figures = {k: v for k, v in figures.items() if k in _GOAL_MEASURE_KEYS}
    else:
        f.err(
            "OKR106",
            f"measure must be a sentence or a mapping, got {shown_value(raw)}",
            where,
            hint="write measure: from 8 h to 2 h, or measure: {start: 8, target: 2, unit: h}",
        )
        return rest
    for key in sorted(_GOAL_MEASURE_KEYS & rest.keys()):
        if rest[key] is not None:
            f.warn(
                "OKR111",
                f"{key} beside measure: is ignored: measure: gives the key result's figures",
                (*path, key),
                hint=f"move it into measure: ({key}: {shown_value(rest[key])}) or remove it",
            )
    return {**rest, **figures}


#: where a key result's missing title goes, by whether its id is written: as
#: a line under it, or inside the braces it is written in
_NO_TITLE = (
    "add 'title: …' under it (indented like its other keys; in braces: {{title: …, …}})",
    "add 'title: …' under it (indented like its id; in braces: {{id: {}, title: …}})",
)


def place_id(index: int) -> str:
    """``kr1``, ``kr2``, …: the id of the key result at ``index`` (from 0) written without ``id:``."""
    return f"kr{index + 1}"


def _key_result(
    f: _Fields, i: int, item: Any, seen: set[str]
) -> tuple[str | None, KeyResult | None, bool]:
    """Key result ``i``: (its id, None when unusable; the key result, None when
    unusable; whether the id is one an earlier key result already has)."""
    path: Path_ = ("key_results", i)
    if isinstance(item, str) and item.strip():
        item = _boxed(item) or _written_out(item)
    if not isinstance(item, dict):
        f.err(
            "OKR106",
            f"key result {i + 1} must be a mapping with a title, got {shown_value(item)}",
            path,
            hint="write '- title: …' followed by indented keys like 'target: 10'",
        )
        return None, None, False
    item = respelled({str(k): v for k, v in item.items()}, KR_KEYS, key_aliases.KEY_RESULT)
    if len(item) == 1 and not KR_KEYS.issuperset(item):
        ((key, value),) = item.items()
        if (
            not isinstance(value, (dict, list))
            and key not in ("progress", "grade")
            and (" " in key.strip() or closest(key, KR_KEYS) is None)
        ):
            # "- Launch the website (done: no)": YAML read the ': ' in the
            # sentence as a key and its value, so no part of it is a title
            said = value if isinstance(value, str) else "…"
            f.err(
                "OKR106",
                f"key result {i + 1} was read as the key {shown_value(key)} with the value "
                f"{shown_value(value)}: in YAML a ': ' inside a sentence starts a value",
                path,
                hint=f'put the whole sentence in quotes: - "{key}: {said}", '
                "or write it as 'title: …' with its own keys",
            )
            return None, None, False
    if "score" not in item and not KR_KEYS.issuperset(item):
        # progress: 40%, a key result's progress given by hand as other OKR
        # tools write it: what okrsite's score: is (it overrides the measure)
        written = next((k for k in item if yamlsource.key_form(k) == "progress"), None)
        if written is not None:
            item = {("score" if k == written else k): v for k, v in item.items()}
    item = _grade_as_score(f, item, path)
    as_written = as_done_key(dict(without_unknown_current(item)))  # current: n/a: none yet
    item = _kr_measure(f, as_written, path)
    measured = item is not as_written  # by measure:, or by the title's own figures
    item = _units_written(f, _kr_threshold(f, item, path), path, "key result")
    f.unknown_keys(item, KR_KEYS, path, "a key result", _KR_KEY_HINTS)
    kr_id = f.text(item, "id", path) or place_id(i)
    size = limits.utf8_length(kr_id)
    if size > limits.MAX_ID_SEGMENT_BYTES:
        f.err(
            "OKR009",
            f"key result id {shown_value(kr_id)} is {size} bytes long; "
            f"ids may be at most {limits.MAX_ID_SEGMENT_BYTES}",
            (*path, "id"),
            hint="shorten it: a few words say what it measures; "
            "a character outside ASCII takes 2-4 bytes",
        )
        return None, None, False
    if not KR_ID_RE.match(kr_id):
        f.err(
            "OKR006",
            f"key result id {shown_value(kr_id)} {id_fault(kr_id, whole=False)}",
            (*path, "id"),
            hint=f"write it as '{usable_id(kr_id.replace('/', '-'), f'kr{i + 1}')}'",
        )
        return None, None, False
    if kr_id in seen:
        f.err(
            "OKR110",
            f"key result id {shown_value(kr_id)} is used twice in this objective",
            (*path, "id"),
            hint="give each key result its own id",
        )
        return kr_id, None, True
    named = f" ({kr_id})" if str(item.get("id") or "").strip() else ""
    title = item_title(
        f, item, path, f"key result {i + 1}{named}", _NO_TITLE[bool(named)].format(kr_id)
    )
    measures = [k for k in _MEASURE_KEYS if item.get(k) is not None]
    if len(measures) > 1:
        f.err(
            "OKR109",
            f"key result {shown_value(kr_id)} mixes {' and '.join(measures)}: choose one way to measure it",
            (*path, measures[1]),
            hint="a key result is numeric (target), a checklist (milestones), done: true/false, or stay_above/stay_below",
        )
    weight = _weight(f, item, path)
    score = _score(f, item, path)
    percents, currencies = len(f.percents), len(f.currencies)
    start, target, current = _with_unit(
        f,
        item,
        lambda: tuple(f.number(item, key, path, percent=True) for key in _NUMERIC_KEYS),
    )
    kpi = f.ref(item, "kpi", path)
    unit = f.text(item, "unit", path) or ""
    status = _status(f, item, path)
    milestones: tuple[Milestone, ...] = ()
    done: bool | None = None
    threshold: float | None = None
    kind: str
    if item.get("milestones") is not None:
        kind = "milestones"
        milestones = _milestones(f, item["milestones"], (*path, "milestones"))
    elif item.get("done") is not None:
        kind = "boolean"
        done = f.boolean(item, "done", path)
    elif item.get("stay_above") is not None:
        kind = "stay_above"
        threshold = _with_unit(f, item, lambda: f.number(item, "stay_above", path, percent=True))
    elif item.get("stay_below") is not None:
        kind = "stay_below"
        threshold = _with_unit(f, item, lambda: f.number(item, "stay_below", path, percent=True))
    elif item.get("target") is not None:
        kind = "numeric"
    else:
        kind = "rollup"
        if kpi is not None:
            f.err(
                "OKR101",
                f"key result {shown_value(kr_id)} takes its value from KPI {shown_value(kpi)} but has no target",
                path,
                hint="add 'target:' (and 'start:') to say what value of the KPI counts as done",
            )
    if kind == "numeric" and f.warnings_read:  # OKR127 only warns
        _shares_beside_percents(f, path, f.percents[percents:], start, target, current)
    unit = _percent_unit(f, unit, f.percents[percents:], "the key result's")
    unit = _currency_unit(unit, f.currencies[currencies:])
    if kind == "numeric":
        title_warnings(f, item, path, kr_id, (start, target, current), unit, measured, kpi)
    if kind == "numeric" and start is None:
        start = 0.0
    if title is None:
        return kr_id, None, False
    return (
        kr_id,
        KeyResult(
            id=kr_id,
            title=title,
            kind=kind,  # type: ignore[arg-type]
            start=start,
            target=target,
            current=current,
            unit=unit,
            weight=1.0 if weight is None else weight,
            kpi=kpi,
            milestones=milestones,
            done=done,
            threshold=threshold,
            score=score,
            status=status,  # type: ignore[arg-type]
            index=i,
            written_owner=_kept_text(item.get("owner")),
            description=_kept_text(item.get("description")),
        ),
        False,
    )


def _kept_text(value: Any) -> str | None:
    """A key result's ``owner:`` or ``description:`` as written, for ``okrsite
    carry`` to copy; they are accepted as any value and not used, so anything
    but text (or empty text) is none rather than an error."""
    return value.strip() or None if isinstance(value, str) else None


#: what other OKR tools' status fields say: how a goal is going, which okrsite
#: works out itself (a ``status:`` line says whether it counts at all)
_HEALTH_WORDS = frozenset(
    [
        "on track",
        "on-track",
        "ontrack",
        "at risk",
        "at-risk",
        "off track",
        "off-track",
        "behind",
        "ahead",
        "green",
        "yellow",
        "amber",
        "red",
        "done",
        "complete",
        "completed",
        "achieved",
    ]
)


def _status(f: _Fields, data: Mapping[str, Any], path: Path_) -> str:
    """An objective's or key result's ``status:`` (active, draft, dropped). A
    health word from other tools (``at risk``) is read past with a warning:
    okrsite judges how a goal is going from its figures."""
    value = data.get("status")
    word = " ".join(value.lower().split()) if isinstance(value, str) else ""
    if word in _HEALTH_WORDS:
        finished = word in ("done", "complete", "completed", "achieved")
        f.warn(
            "OKR122",
            f"status {shown_value(value)} is worked out by okrsite from "
            f"{'the figures' if finished else 'progress and pace'}; this line is ignored",
            (*path, "status"),
            hint=(
                "set 'current:' to the target, tick the milestones, or write 'done: true' "
                "for a yes/no key result"
                if finished
                else "remove it (status says whether a goal counts: active, draft or "
                "dropped); a check-in's confidence says how sure the owner is"
            ),
        )
        return "active"
    german = GERMAN_STATUS.get(word)
    if german is not None:
        return german
    return str(f.choice(data, "status", ("active", "draft", "dropped"), "active", path))


#: ``status:`` as a German team writes it (and as the German pages show it);
#: an imported sheet's Status cell takes the same words (import_status)
GERMAN_STATUS = {
    "aktiv": "active",
    "entwurf": "draft",
    "verworfen": "dropped",
    "gestrichen": "dropped",
    "fallengelassen": "dropped",
    "aufgegeben": "dropped",
    "abgebrochen": "dropped",
    "storniert": "dropped",
}


def _grade_as_score(f: _Fields, item: dict[str, Any], path: Path_) -> dict[str, Any]:
    """``grade: 0.6``, the word the pages label a key result's score with
    ("Grade 0.84"), read as its ``score:``, so the grade a team agreed is
    not lost to an unknown key's warning. Both written: OKR109, naming both,
    and the ``score:`` counts."""
    written = next((k for k in item if yamlsource.key_form(k) == "grade"), None)
    if written is None:
        return item
    if "score" not in item:
        return {("score" if k == written else k): v for k, v in item.items()}
    f.err(
        "OKR109",
        f"key result writes both score: {shown_value(item['score'])} and "
        f"{written}: {shown_value(item[written])}, one grade twice; score: counts",
        (*path, written),
        hint="keep one of them: a key result's grade is its score:",
    )
    return {k: v for k, v in item.items() if k != written}


def _score(f: _Fields, item: Mapping[str, Any], path: Path_) -> float | None:
    """A key result's hand-given score, 0 to 1, or as a percentage (``70%`` is
    0.7), or out of a scale as confidence is read (``7/10`` is 0.7)."""
    written = item.get("score")
    if isinstance(written, str) and (scored := out_of_scale(written)) is not None:
        return round(scored / 10, 9)
    mark = len(f.percents)
    score = f.number(item, "score", path, percent=True)
    if score is not None and len(f.percents) > mark:
        del f.percents[mark:]  # a score in percent is a share, not a figure in '%'
        score = round(score / 100, 9)
    if score is not None and not 0 <= score <= 1:
        f.err(
            "OKR107",
            f"score must be between 0 and 1, got {_fmt(score)}",
            (*path, "score"),
            hint="write the score as 0.7, 70% or 7/10",
        )
        return None
    return score


def _shares_beside_percents(
    f: _Fields,
    path: Path_,
    percents: list[Path_],
    start: float | None,
    target: float | None,
    current: float | None,
) -> None:
    """OKR127: a key result whose figures are written partly as percentages
    (``current: 36%``) and partly as shares of one (``start: 0.30``,
    ``target: 0.45``), as a sheet pasted from two columns gives them. All are
    read in percent, so 0.45 is 0.45% and 36% is far past it: the key result
    would read done. Warned, with both ways to write it alike."""
    figures = {"start": start, "target": target, "current": current}
    written_percent = {p[-1] for p in percents}
    shares = [
        key
        for key, value in figures.items()
        if key not in written_percent and value is not None and 0 < abs(value) <= 1
    ]
    if not shares or not any((figures[key] or 0) > 1 for key in written_percent if key in figures):
        return
    percent_keys = sorted(k for k in written_percent if k in figures)
    f.warn(
        "OKR127",
        shares_of_one(
            [f"{key} {format_number(figures[key])}" for key in shares],
            [f"{k} {format_number(figures[k])}%" for k in percent_keys],
        )
        + ", so "
        + " and ".join(f"{key} is {format_number(figures[key])}%" for key in shares),
        (*path, shares[0]),
        hint="write them alike: as percentages ("
        + ", ".join(
            f"{key}: {format_number(round((figures[key] or 0) * 100, 9))}%" for key in shares
        )
        + ") or all as shares of one",
    )
