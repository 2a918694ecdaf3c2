"""A KPI data file's time of day, in a column of its own.

Exports from Looker, Metabase or Google Sheets often put a reading's time
beside its date (``Date,Time,Orders``: ``11/02/2026,17:30,1100``) instead of
in the date cell. Two readings of one day are ordered by their time, the
later counting (as a time written in the date cell orders them), so the time
column is read as if its time were written after the date. Its own module:
a header word and a join, used by :mod:`okrsite.kpi_data_file` and by
:func:`okrsite.csv_hints.csv_header_hint`, which must not offer a time
column as the readings'.
"""

from __future__ import annotations

from okrsite.written_dates import timed

__all__ = ["TIME_HEADERS", "time_column", "with_time"]

#: header words of a column of times of day, compared lower-cased
TIME_HEADERS = ("time", "time of day", "uhrzeit", "zeit", "hour", "heure", "hora")


def time_column(header: list[str], taken: tuple[int, ...]) -> int | None:
    """The index of the header's time column (``Time``, ``Uhrzeit``), if it
    has one that is not among ``taken`` (the date and value columns)."""
    names = [cell.strip().lower() for cell in header]
    return next(
        (i for i, name in enumerate(names) if name in TIME_HEADERS and i not in taken), None
    )


def with_time(row: list[str], date_at: int, time_at: int | None) -> str:
    """The date cell of ``row`` with the time of its time column after it
    (``11/02/2026`` and ``17:30``: ``11/02/2026 17:30``), when the date cell
    writes no time and the time cell reads as one; else the date cell, so
    a blank or unreadable time leaves the date as written (the row reads
    as the start of its day)."""
    cell = row[date_at]
    if time_at is None or len(row) <= time_at or not row[time_at].strip():
        return cell
    if timed(cell) is not None:
        return cell  # 2026-11-02 17:30 in the date cell: its own time counts
    joined = f"{cell.strip()} {row[time_at].strip()}"
    split = timed(joined)
    return joined if split is not None and split[1] is not None else cell
