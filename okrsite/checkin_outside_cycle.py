"""A check-in dated outside its objective's cycle: warning OKR309.

Such a check-in still counts (docs/scoring.md "Current value of a key
result"): end-of-quarter grading happens in the week after the quarter, and a
check-in written a day early belongs to the cycle it names. So one dated after
the cycle's last day moves the ended cycle's final scorecard on its date
(docs/review.md "The cycle scorecard"), and the warning has to say that; while
the cycle still runs (a check-in dated ahead, as_of before the cycle's end)
there are no final figures yet, and it says the check-in counts from its date
on. One dated far after (a typo'd year) says what was likely meant.
"""

from __future__ import annotations

from datetime import date, timedelta

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import CheckIn, Cycle, Objective


def outside_cycle(c: CheckIn, obj: Objective, cyc: Cycle, as_of: date | None = None) -> Diagnostic:
    """A check-in dated outside its objective's cycle (OKR309).

    It still counts (a quarter is graded in the week after it), so one dated
    after the cycle's end moves that ended cycle's final figures on its date:
    the warning says so. While the cycle is still running on ``as_of`` (the
    check-in is dated ahead), calling them an ended cycle's figures would be
    wrong: it says the check-in counts from its date on. ``None``: the day is
    not known, and the cycle is taken as ended. One dated more than the cycle's own length after its
    end is likely a wrong year (``2027-01-15`` for ``2026-01-15``), which the
    hint names when that day falls inside the cycle."""
    span = f"{obj.cycle} ({cyc.start} to {cyc.end})"
    if c.date < cyc.start:
        return warning(
            "OKR309",
            f"check-in dated {c.date} is outside its objective's cycle {span}",
            c.file,
            hint="check the date, or the objective's cycle",
            key_path=("date",),
        )
    hint = "check the date, or the objective's cycle"
    if c.date - cyc.end > cyc.end - cyc.start + timedelta(days=1):
        meant = _same_day_in_cycle(c.date, cyc)
        hint = (
            f"dated more than the cycle's length after its end, a likely wrong year: "
            f"did you mean {meant}?"
            if meant is not None
            else "dated more than the cycle's length after its end: check the year"
        )
    if as_of is not None and as_of <= cyc.end:
        effect = (
            f"the cycle is still running: the check-in still counts, from {c.date} on, "
            f"and changes the cycle's final figures from that day"
        )
    else:
        effect = f"it still counts, so it changes the ended cycle's final figures from {c.date}"
    return warning(
        "OKR309",
        f"check-in dated {c.date} is after its objective's cycle {span}: {effect}",
        c.file,
        hint=hint,
        key_path=("date",),
    )


def _same_day_in_cycle(day: date, cyc: Cycle) -> date | None:
    """``day``'s month and day in a year of the cycle, when that falls inside it."""
    for year in dict.fromkeys((cyc.start.year, cyc.end.year)):
        try:
            meant = day.replace(year=year)
        except ValueError:  # 29 February in a year without one
            continue
        if cyc.contains(meant):
            return meant
    return None
