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

from collections.abc import Iterable

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import KPI, CheckIn, KeyResult
from okrsite.parse_number_marks import thousands_comma_words, thousands_point_words
from okrsite.written_numbers import comma_convention


def _three_decimals(value: float) -> bool:
    """``1.275``: exactly three decimals between 1 and 1000, the last not 0
    (``1.200`` is warned of as it is read, OKR124, by the file reader)."""
    if not 1 <= value < 1000 or value == int(value):
        return False
    scaled = value * 1000
    return abs(scaled - round(scaled)) <= 1e-6 and round(scaled) % 10 != 0


def thousand_times_too_small(value: float, kr: KeyResult) -> bool:
    """Whether ``value`` has three decimals (1.275) and its thousandfold lies
    where the key result's start and target do, while it lies far below them:
    a figure whose point (or comma) was meant to group thousands.

    A key result that starts at 0 (most do) has only its target to weigh
    against: the value must lie below a hundredth of it, the thousandfold
    within ten times it (``4,825`` for a pipeline of 12,000 to reach), so
    that an honest ``12,345`` beside a target of 20 is left alone."""
    if not _three_decimals(value):
        return False  # 1.100: the file reader warns of it already (OKR124)
    scaled = value * 1000
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


def kpi_figures_range(beside: Iterable[float | None]) -> tuple[float, float] | None:
    """The range a KPI's figures (``beside``: its readings, thresholds and
    target) show, for :func:`kpi_reading_too_small`: the largest, and the
    smallest of those at least a hundredth of it (the figures far below it,
    the slips themselves, ``1.25`` beside 980, are no evidence of the
    range); ``None`` for a KPI with no figure above 0."""
    figures = [x for x in beside if x is not None and x > 0]
    if not figures:
        return None
    high = max(figures)
    return min(x for x in figures if x >= high / 100), high


def kpi_reading_too_small(value: float, span: tuple[float, float] | None) -> bool:
    """Whether a KPI's reading ``value`` has three decimals (``2.005``) and
    lies below a tenth of the KPI's figures (``span``: :func:`kpi_figures_range`)
    while its thousandfold lies among them.

    A KPI has no start-to-target range, and its readings may lie above its
    target (orders shipped, 2005 beside a target of 1500), so the key
    result's rule (:func:`thousand_times_too_small`) would let every such
    slip through."""
    if span is None or not _three_decimals(value):
        return False
    low, high = span
    return value < low / 10 and low / 10 <= value * 1000 <= high * 10


def kpi_slip_words(
    value: float, comma: bool, kpi_id: str, span: tuple[float, float]
) -> tuple[str, str]:
    """OKR124's message and hint for a KPI's reading :func:`kpi_reading_too_small`
    finds: said to be read with a decimal ``comma`` (``2,005``) or a point,
    beside the range of the KPI's figures (``span``)."""
    figure = f"{value:.3f}"
    if comma:
        message, hint = thousands_comma_words(figure.replace(".", ","))
    else:
        message, hint = thousands_point_words(figure, comma_convention() is True)
    low, high = span
    shown = f"{low:g}" if low == high else f"{low:g} to {high:g}"
    return f"{message}, beside the other figures of KPI {kpi_id!r} ({shown})", hint


def kpi_checkin_slip(c: CheckIn, kpi: KPI, where: tuple[str, ...]) -> list[Diagnostic]:
    """OKR124 for a KPI's check-in value (``okrsite checkin shipped --value
    2.005``) a thousandth of the KPI's readings, thresholds and target; said
    to be read with a decimal comma where the site writes one."""
    if c.value is None or not _three_decimals(c.value):
        return []  # most values: no need to weigh the KPI's figures
    span = kpi_figures_range((*(v for _, v in kpi.values), kpi.green, kpi.red, kpi.target))
    if span is None or not kpi_reading_too_small(c.value, span):
        return []
    comma = "value" in c.decimal_commas or comma_convention() is False
    message, hint = kpi_slip_words(c.value, comma, kpi.id, span)
    return [warning("OKR124", message, c.file, hint=hint, key_path=where)]
