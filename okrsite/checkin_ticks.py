"""A milestone's tick, recorded in the check-in that made it.

A checklist's milestones are ticked in the objective's file (``done:
true``), which keeps no date: on its own the tick is a change no check-in
shows, and "What changed" would list the check-in that made it with its
confidence alone. So ``okrsite checkin --set "runbooks=Train the team"``
ticks the milestone there *and* writes its name in the check-in
(``values: {runbooks: Train the team}``), and a check-in may so name a
milestone that is done in the objective's file: the record of when it was
ticked (:func:`records_tick`, which the loader asks before it refuses a
checklist's value, OKR307). :func:`milestone_moves` turns those records
into the key result's move (1 → 2 of 3) for :mod:`okrsite.changes`.

A name the file check reads as no text (a figure such as ``Release
1.2``, or a yes/no word) cannot be written so: that tick stays in the
objective's file alone (:func:`ticks_recorded` leaves it out). A name with a
digit among words (``Beta with 10 customers``, ``Hire 2 engineers``) is
text (:func:`names_with_digits`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from okrsite.model import CheckIn, KeyResult, Objective
from okrsite.named_targets import milestones_named
from okrsite.parse_checkins import names_with_digits
from okrsite.written_yes_no import yes_no


def records_tick(obj: Objective, key: str, text: str) -> bool:
    """Whether a check-in's ``key: text`` names one milestone of the
    checklist ``key`` that the objective's file has done: a record of its
    tick, no value (and no error)."""
    kr = obj.key_result(key)
    if kr is None or kr.kind != "milestones":
        return False
    found = milestones_named(kr.milestones, text)
    return len(found) == 1 and kr.milestones[found[0]].done


def ticks_recorded(obj: Objective, ticks: Iterable[tuple[int, int]]) -> dict[str, str]:
    """The ``values:`` entries that record ``ticks`` (key result index,
    milestone index) in the check-in: each milestone's title under its key
    result's id, where the file check reads that title as text."""
    out: dict[str, str] = {}
    for kr_index, ms_index in ticks:
        kr = next(k for k in obj.key_results if k.index == kr_index)
        title = kr.milestones[ms_index].title
        figure = any(ch.isdigit() for ch in title) and not names_with_digits(title)
        if figure or yes_no(title.strip()) is not None:
            continue  # read as a number or yes/no, not as a name: the file's tick alone
        out[kr.id] = title
    return out


def _ticked_in(obj: Objective, c: CheckIn) -> list[tuple[KeyResult, int]]:
    out = []
    for key, text in c.texts:
        if records_tick(obj, key, text):
            kr = obj.key_result(key)
            assert kr is not None
            out.append((kr, milestones_named(kr.milestones, text)[0]))
    return out


def milestone_moves(
    obj: Objective, checkin: CheckIn, later: Sequence[CheckIn]
) -> list[tuple[KeyResult, int, int]]:
    """(key result, milestones done before, done after) for each tick
    ``checkin`` records. Before it, the milestones done were those done now
    but the ones it and the ``later`` check-ins of the objective record."""
    mine = _ticked_in(obj, checkin)
    if not mine:
        return []
    after_it = {(kr.id, i) for c in later for kr, i in _ticked_in(obj, c)}
    moves = []
    for kr, index in mine:
        done_now = sum(1 for m in kr.milestones if m.done)
        later_ticks = sum(1 for kid, i in after_it if kid == kr.id and i != index)
        after = done_now - later_ticks
        moves.append((kr, after - 1, after))
    return moves


def unrecorded(obj: Objective, texts: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A check-in's values written as words, but the records of ticks
    (:func:`records_tick`): those are no value, and no error."""
    return [(key, text) for key, text in texts if not records_tick(obj, key, text)]
