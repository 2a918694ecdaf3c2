"""OKR124 for a check-in value: a figure a thousand times too small.

``customers: 1.275`` beside a key result from 1200 to 1500 is YAML's 1.275,
though in German writing (and in any sheet that groups thousands with a
point) it is 1275; ``pipe: "4,825"`` pasted from an English sheet into a
German site is read as the site writes numbers, 4.825, though 4825 was
meant. Either moves the key result's progress to 0 without a word. The file
reader warns of the figures whose trailing zero gives them away (``1.200``,
and ``"4,800"`` on a site that writes a decimal comma); these are the
others, told by the key result's range: the value lies far below it while
its thousandfold lies within it. Called by
:mod:`okrsite.resolve_checkins` for each value it has checked.
"""

from __future__ import annotations

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import CheckIn, KeyResult
from okrsite.parse_number_marks import thousands_comma_words, thousands_point_words


def thousand_times_too_small(value: float, kr: KeyResult) -> bool:
    """Whether ``value`` has three decimals (1.275) and its thousandfold lies
    where the key result's start and target do, while it lies far below them:
    a figure whose point (or comma) was meant to group thousands.

    A key result that starts at 0 (most do) has only its target to weigh
    against: the value must lie below a hundredth of it, the thousandfold
    within ten times it (``4,825`` for a pipeline of 12,000 to reach), so
    that an honest ``12,345`` beside a target of 20 is left alone."""
    if not 1 <= value < 1000 or value == int(value):
        return False
    scaled = value * 1000
    if abs(scaled - round(scaled)) > 1e-6 or round(scaled) % 10 == 0:
        return False  # 1.100: the file reader warns of it already (OKR124)
    if kr.target is None:
        return False
    ends = [x for x in (kr.start, kr.target) if x is not None]
    if max(ends) <= 0:
        return False
    high = max(ends)
    low = min(ends) if len(ends) == 2 and min(ends) > 0 else None
    if low is None:
        return value < high / 100 and high / 100 <= scaled <= high * 10
    return value < low / 10 and low / 10 <= scaled <= high * 10


def read_as_decimal(
    c: CheckIn,
    key: str,
    value: float,
    where: tuple[str, ...],
    kr: KeyResult,
    commas_group: bool = False,
) -> Diagnostic:
    """OKR124: 1.275 meant as 1275, a thousandth of where the key result runs.

    Quoted as written: ``1,275`` (``key`` in the check-in's
    :attr:`~okrsite.model.CheckIn.decimal_commas`) is said to be read with a
    decimal comma, ``1.275`` with a point; ``commas_group``: the site's
    language groups thousands with commas (English). The hint gives what
    reads as meant on the site without this warning again."""
    figure = f"{value:.3f}"
    if key in c.decimal_commas:
        message, hint = thousands_comma_words(figure.replace(".", ","))
    else:
        message, hint = thousands_point_words(figure, commas_group)
        if not commas_group:  # 1.275 and 1,275 both read 1.275 here: only 1275 is meant
            hint = f"write {figure.replace('.', '')}"
    start = 0 if kr.start is None else kr.start
    return warning(
        "OKR124",
        f"{message}, as key result {key!r} runs from {start:g} to {kr.target:g}",
        c.file,
        hint=hint,
        key_path=where,
    )
