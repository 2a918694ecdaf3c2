"""What a front matter's unknown key is told: the known key it is another
name of, or the nearest one, memoised.

Apart from :mod:`okrsite.parse_fields` (whose :meth:`_Fields.unknown_keys`
reports them) because it is its own concern, the words and their memo, and
so that the field reader stays short enough to read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from okrsite import yamlsource
from okrsite.key_aliases import ANY as ANY_ALIAS
from okrsite.parse_messages import closest, shown_value

Path_ = tuple[str | int, ...]


def _second_name(name: str, data: Mapping[str, Any], known: set[str], what: str) -> str | None:
    """The known key ``name`` is another name or spelling of (``timeframe`` and
    ``Cycle`` for ``cycle``, ``baseline`` for ``start``: :mod:`okrsite.key_aliases`)
    when ``data`` gives that key too, so only one of the two could be read;
    ``None`` for a key that is simply unknown. A SMART goal's ``goal:`` is
    its sentence, no second name of ``target``."""
    form = yamlsource.key_form(name)
    if form == "goal" and what in ("a goal", "a measure"):
        return None
    target = form if form in known else ANY_ALIAS.get(form)
    return target if target is not None and target in known and target in data else None


#: what other OKR tools call the objective above one (Perdoo's "aligned to",
#: Viva Goals' "contributes to"): not read as ``parent:``, which each might not
#: mean, but told that ``parent:`` is the key
ALIGNMENT_WORDS = frozenset(
    {"aligned_to", "aligns_to", "align_to", "contributes_to", "parent_objective"}
)


def _alignment_hint(known: set[str]) -> str | None:
    """The hint of an alignment word from another tool: the key this kind of
    file aligns with (``parent:`` for an objective, ``supports:`` for a goal)."""
    if "parent" in known:
        return (
            "did you mean 'parent'? An objective names the one above it with parent: ID "
            "(parent: ID#KEY-RESULT for a key result); others it serves go under supports:"
        )
    if "supports" in known:
        return "did you mean 'supports'? A goal names what it serves with supports: ID"
    return None


#: a key result's keys a KPI's author reaches for (README's example key result
#: is a Stay-Above one): the KPI's own words for them, with the direction each means
_KPI_STAY_KEYS = {"stay_above": "up", "stay_below": "down"}


def kpi_key_hints(data: Mapping[str, Any]) -> dict[str, str] | None:
    """OKR111's hints of a KPI's ``stay_above:``/``stay_below:``, which only
    a key result reads: a KPI says it with ``direction:`` and ``thresholds:``
    (docs/content-format.md), with the figure written (``stay_below: 3`` →
    ``direction: down`` and ``thresholds: {green: 3, red: …}``). The nearest
    known key would be no help, and without ``direction: down`` the churn
    KPI reads as better when higher. ``None`` for a KPI with neither key."""
    hints = {}
    for key in data:
        form = yamlsource.key_form(str(key))
        direction = _KPI_STAY_KEYS.get(form)
        if direction is None:
            continue
        value = data[key]
        figure = str(value) if isinstance(value, (int, float, str)) and str(value) else "N"
        hints[form] = (
            f"{form} is a key result's key; a KPI says it with direction: {direction} and "
            f"thresholds: {{green: {figure}, red: …}} (healthy at or better than green, "
            f"critical worse than red), or target: {figure}"
        )
    return hints or None


def _unknown_key_words(
    name: str,
    known: set[str],
    path: Path_,
    what: str,
    hints: Mapping[str, str] | None,
) -> tuple[str, Path_, str]:
    """The message, key path and hint of an unknown key's warning, memoised.

    A key unknown in one file is usually unknown in thousands (a site written
    for another tool, a field added by a script). Handing back the same
    string and tuple objects each time also makes the warnings cheap to
    pickle: a pickle writes an object it has written before as a reference,
    and these warnings cross from parse workers to the parent and go into
    the parse cache twice (with the parses and with the run's outcome).
    """
    special = hints.get(yamlsource.key_form(name)) if hints else None
    memo_key = (name, what, path, special, frozenset(known))
    found = _UNKNOWN_KEYS.get(memo_key)
    if found is None:
        hint = special
        if hint is None and yamlsource.key_form(name) in ALIGNMENT_WORDS:
            hint = _alignment_hint(known)
        if hint is None:
            guess = closest(name, known)
            hint = (
                f"did you mean {guess!r}?" if guess else f"known keys: {', '.join(sorted(known))}"
            )
        found = (f"unknown key {shown_value(name)} in {what} is ignored", (*path, name), hint)
        if len(_UNKNOWN_KEYS) > 4096:
            _UNKNOWN_KEYS.clear()
        _UNKNOWN_KEYS[memo_key] = found
    return found


_UNKNOWN_KEYS: dict[tuple[str, str, Path_, str | None, frozenset[str]], tuple[str, Path_, str]] = {}
