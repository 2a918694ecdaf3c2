"""Commits as git logs them, made safe to show: their days and their text.

A commit's dates are whatever its author's clock or tool wrote, and a
commit object written by hand can hold any bytes. So:

* Each date is the day in its writer's time zone (``%aI``), read only when
  it is a real date; otherwise (year 10000, a zone git cannot print) the
  day from the seconds git records (``%at``), in UTC. Days outside
  1900-01-01 to 2999-12-31, the dates a goal site holds anywhere
  (docs/limits.md), are moved to the nearest end of that range.
* A date git cannot read at all (``-1``, ``notanumber``, none) leaves both
  formats empty: an unreadable author date is the commit's committer
  date, an unreadable committer date is the one of the commit before it
  (parents come first), or of the first one after it with a date, or
  1970-01-01 when no commit has one. The history is never refused for it.
* Names, addresses and messages lose their control characters (those goal
  files refuse: :data:`okrsite.limits.CONTROL_CHARS`; a tab or line break
  in a name becomes a space), so pages, ``history.json`` and the terminal
  show the same plain text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timezone

from okrsite.gitsource import CommitInfo
from okrsite.limits import CONTROL_CHARS, EARLIEST_DATE, LATEST_DATE

#: what a commit without a readable date (nor any commit near it) is dated
NO_DATE = date(1970, 1, 1)
_BREAKS = re.compile(r"[\t\n\r]+")


def clean_name(text: str) -> str:
    """One line of text shown from a commit: breaks as spaces, no control characters."""
    return CONTROL_CHARS.sub("", _BREAKS.sub(" ", text)).strip()


def clean_text(text: str) -> str:
    """A commit's message: its lines kept, no control characters."""
    return CONTROL_CHARS.sub("", text)


def _clamped(day: date) -> date:
    return min(max(day, EARLIEST_DATE), LATEST_DATE)


def read_day(iso: str, seconds: str) -> date | None:
    """The day of a git date from ``%aI`` (``iso``) or ``%at`` (``seconds``); ``None``
    when git could read neither."""
    try:
        return _clamped(date.fromisoformat(iso[:10]))
    except ValueError:
        pass
    try:
        stamp = int(seconds.strip())
    except ValueError:
        return None
    if stamp >= datetime(LATEST_DATE.year + 1, 1, 1, tzinfo=timezone.utc).timestamp():
        return LATEST_DATE
    if stamp < datetime(EARLIEST_DATE.year, 1, 1, tzinfo=timezone.utc).timestamp():
        return EARLIEST_DATE
    return datetime.fromtimestamp(stamp, timezone.utc).date()


def commit_infos(records: Sequence[Sequence[str]]) -> list[CommitInfo]:
    """:class:`CommitInfo` of each record of ``git log`` (:func:`okrsite.gitsource._log_records`
    fields: id, parents, ``%at``, ``%ct``, ``%aI``, ``%cI``, name, address, subject, body)."""
    days: list[tuple[date | None, date | None]] = [
        (read_day(r[4], r[2]), read_day(r[5], r[3])) for r in records
    ]
    known = [c for _a, c in days if c is not None]
    last = known[0] if known else NO_DATE  # before the first dated commit: its date
    out: list[CommitInfo] = []
    for r, (authored, committed) in zip(records, days, strict=True):
        committed = committed or last
        last = committed
        authored = authored or committed
        out.append(
            CommitInfo(
                r[0],
                tuple(r[1].split()),
                clean_name(r[6]),
                clean_name(r[7]),
                authored.isoformat(),
                committed.isoformat(),
                clean_name(r[8]),
                clean_text(r[9]),
            )
        )
    return out
