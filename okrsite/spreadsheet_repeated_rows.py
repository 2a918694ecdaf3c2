"""A key result's row repeated in a sheet: said, never imported twice unseen.

Copying a row to update its figure is a common spreadsheet habit; the old row
left behind makes a second key result of the same title (``pipeline`` and
``pipeline-2``) that counts twice in its objective's progress. Two key
results of one objective with one title are imported as the sheet has them
(they may be meant: an id column tells them apart), and the later row gets
a warning naming both rows (IMP221). Objectives are not checked here: a
title repeated under another team or cycle is another objective by design.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from okrsite.numbers import format_number
from okrsite.spreadsheet_row import SheetRow

if TYPE_CHECKING:
    from okrsite.spreadsheet_import import KRPlan, ObjectivePlan

__all__ = ["repeated_key_result"]


def repeated_key_result(row: SheetRow, obj: ObjectivePlan, kr: KRPlan) -> None:
    """IMP221 at ``kr``'s row when an earlier row of ``obj`` has its title
    (case and spacing aside) and no other id."""
    key = _title_key(kr.title)
    earlier = next(
        (
            other
            for other in obj.key_results
            if _title_key(other.title) == key
            and (other.kr_id is None or kr.kr_id is None or other.kr_id == kr.kr_id)
        ),
        None,
    )
    if earlier is None:
        return
    same = _figures(earlier) == _figures(kr)
    row.warn(
        "key_result",
        f"key result {kr.title!r} of objective {obj.title!r} is on row {earlier.row} too"
        + (
            ", with the same figures"
            if same
            else f" (current {format_number(earlier.current)} there, "
            f"{format_number(kr.current)} here)"
        )
        + ": both rows are imported, as two key results, and it counts twice in the "
        "objective's progress",
        f"delete row {earlier.row} if this row updates it, or give each key result a title "
        "of its own",
        code="IMP221",
    )


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split())


def _figures(kr: KRPlan) -> tuple[object, ...]:
    return (kr.kind, kr.start, kr.target, kr.current, kr.done, kr.unit)
