"""OKR128: a check-in value for a key result in % written as a share of one.

``coverage: 0.65`` (or ``--set coverage=0,65``) for a key result that runs
from 40% to 80% reads as 0.65%, far below its start, and moves its
progress to 0 without a word, though the person meant 65%: spreadsheets
show 65% and hold 0.65. The confidence's slip (``0.7``) has OKR125 and a
thousandfold one OKR124; this is the hundredfold one. Its own module, as
:mod:`okrsite.resolve_checkins` is at its size limit; that module calls
:func:`hundredfold_slips` for each value it has checked.
"""

from __future__ import annotations

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import CheckIn, KeyResult
from okrsite.parse import is_percent_unit


def hundredfold_slips(
    c: CheckIn, key: str, value: float, where: tuple[str, ...], kr: KeyResult | None
) -> list[Diagnostic]:
    """OKR128 when ``value`` lies between 0 and 1 for a numeric key result
    in % whose start and target are both above 1, and its hundredfold lies
    between them (0.65 for one running 40 → 80). A value written with its
    ``%`` (``0.65%``) says what it means, and is left alone."""
    if (
        kr is None
        or kr.kind != "numeric"
        or not is_percent_unit(kr.unit)
        or key in c.percent
        or not 0 < value < 1
        or kr.start is None
        or kr.target is None
        or min(kr.start, kr.target) <= 1
    ):
        return []
    meant = value * 100
    if not min(kr.start, kr.target) <= meant <= max(kr.start, kr.target):
        return []
    return [
        warning(
            "OKR128",
            f"value of {key} is {value:g}, which reads as {value:g}%, though key result "
            f"{key!r} runs from {kr.start:g}% to {kr.target:g}%: a share of one "
            f"where a percentage belongs?",
            c.file,
            hint=f"write {meant:g}% (or {meant:g}) if you meant {meant:g}%",
            key_path=where,
        )
    ]
