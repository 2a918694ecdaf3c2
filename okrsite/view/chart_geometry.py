"""Chart geometry: where the lines, points and bands of a chart go.

Charts are drawn server-side as inline SVG (no JavaScript, works from
``file://``, prints well), but the markup lives in the theme
(``partials/line_chart.svg``, ``partials/sparkline.svg``,
``partials/badge.svg``). This module computes only coordinates, already
rounded to one decimal so the files stay small and stable; the partials
write them out, with the words (titles, labels) a theme may translate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from okrsite import numbers
from okrsite.limit_places import DEFAULT_PLACES, places_beside
from okrsite.model import Cycle
from okrsite.scoring import expected_progress

__all__ = [
    "ChartPoint",
    "LineChart",
    "Sparkline",
    "Badge",
    "line_chart",
    "progress_chart",
    "sparkline",
    "progress_badge",
    "STATUS_COLOURS",
]

# badge colours (shields.io palette, WCAG-AA contrast with white text)
STATUS_COLOURS: dict[str, str] = {
    "done": "#2e7d32",
    "achieved": "#2e7d32",
    "on-track": "#2e7d32",
    "at-risk": "#8a5a00",
    "off-track": "#c62828",
    "missed": "#c62828",
    "upcoming": "#455a64",
    "draft": "#455a64",
    "dropped": "#455a64",
}


# Coordinates and scales come from okrsite.numbers, the one implementation
# that stays finite for any finite input (a KPI at 1e308 next to one at -1e308).
coordinate = numbers.coordinate
_scale = numbers.scale


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """A point: ``x`` a percentage of the chart's width, ``y`` in pixels."""

    x: str
    y: str
    date: date
    value: float
    #: the decimals its value is written with beside the chart's thresholds
    #: and target (:func:`okrsite.limit_places.places_beside`)
    places: int = DEFAULT_PLACES


@dataclass(frozen=True, slots=True)
class Band:
    """A coloured band behind a line chart: where one status begins and ends."""

    name: str
    x: str
    y: str
    width: str
    height: str


@dataclass(frozen=True, slots=True)
class Gridline:
    """A horizontal line across the plot at ``value``, labelled at the left."""

    y: str
    label_y: str
    value: float


@dataclass(frozen=True, slots=True)
class Segment:
    """A straight line of a chart, in the chart's coordinates."""

    x1: str
    y1: str
    x2: str
    y2: str


@dataclass(frozen=True, slots=True)
class Marker:
    """The vertical "as of" line and where its label goes."""

    x: str
    y1: str
    y2: str
    label_y: str
    #: "start" or "end": the label runs away from the nearer edge
    anchor: str
    date: date


@dataclass(frozen=True, slots=True)
class DateLabel:
    """A date written under a chart's x axis."""

    x: str
    y: str
    anchor: str
    date: date


@dataclass(frozen=True, slots=True)
class LineChart:
    """A KPI or progress line chart; ``empty`` when there is nothing to draw.

    x coordinates are percentages of the chart's width and y coordinates
    pixels: the SVG has no viewBox, so it stretches to its column while its
    text keeps the stylesheet's font size (a scaled viewBox shrank the labels
    to about 5 px on a phone). ``percent`` says the values are ratios (0..1)
    shown as percentages.
    """

    height: int
    unit: str
    series: tuple[tuple[date, float], ...]
    empty: bool
    percent: bool = False
    bands: tuple[Band, ...] = ()
    gridlines: tuple[Gridline, ...] = ()
    #: (x1, y, x2, value) of the dashed target line
    target: tuple[str, str, str, float] | None = None
    #: the expected-progress line
    expected: Segment | None = None
    segments: tuple[Segment, ...] = ()
    points: tuple[ChartPoint, ...] = ()
    marker: Marker | None = None
    dates: tuple[DateLabel, ...] = ()
    #: the decimals of each value of ``series`` beside the chart's thresholds
    #: and target (:func:`okrsite.limit_places.places_beside`): a KPI's
    #: 2.99996% under "healthy ≥ 3%" is written so; empty for a percent chart
    places: tuple[int, ...] = ()
    #: a progress chart's axis widened past its cycle by a check-in dated
    #: before its first day or after its last (the caption says so): that
    #: check-in's day, else None
    before: date | None = None
    after: date | None = None


# The plot's frame: x in percent of the width, y in pixels from the top
# (room above for the "as of" label, below for the dates).
_X0, _X1 = 2.0, 98.0
_TOP, _BOTTOM_GAP, _DATE_GAP = 20.0, 24.0, 6.0


def _percent_x(value: float) -> str:
    return coordinate(value) + "%"


def _x_scale(first: date, last: date) -> tuple[float, float]:
    return _scale(first.toordinal(), last.toordinal(), _X0, _X1)


def _series(
    points: Sequence[tuple[date, float]],
    xa: float,
    xb: float,
    y_of: Callable[[float], float],
    places: Sequence[int] = (),
) -> tuple[tuple[Segment, ...], tuple[ChartPoint, ...]]:
    coords = [(xa * d.toordinal() + xb, y_of(v)) for d, v in points]
    chart_points = tuple(
        ChartPoint(_percent_x(px), coordinate(py), d, v, places[i] if places else DEFAULT_PLACES)
        for i, ((px, py), (d, v)) in enumerate(zip(coords, points, strict=True))
    )
    segments = tuple(
        Segment(a.x, a.y, b.x, b.y) for a, b in zip(chart_points, chart_points[1:], strict=False)
    )
    return segments, chart_points


def _gridline(y: float, value: float, top: float) -> Gridline:
    # the top line's label sits under it, the others' above them
    label_y = y + 13 if y - top < 12 else y - 4
    return Gridline(coordinate(y), coordinate(label_y), value)


def _date_labels(first: date, last: date, height: int) -> tuple[DateLabel, ...]:
    y = coordinate(height - _DATE_GAP)
    if first == last:
        return (DateLabel(_percent_x((_X0 + _X1) / 2), y, "middle", first),)
    return (
        DateLabel(_percent_x(_X0), y, "start", first),
        DateLabel(_percent_x(_X1), y, "end", last),
    )


def _bands(
    green: float | None,
    red: float | None,
    direction: str,
    lo: float,
    hi: float,
    y_of: Callable[[float], float],
    x: str,
    width: str,
) -> tuple[Band, ...]:
    """The healthy/warning/critical bands between ``lo`` and ``hi``.

    ``direction`` says which side of the thresholds is good: ``up`` means at or
    above ``green`` is healthy and below ``red`` critical; ``down`` the mirror
    (the rule of :func:`okrsite.scoring.health_for`).
    """
    if green is None and red is None:
        return ()
    good = green if green is not None else red
    bad = red if red is not None else green
    assert good is not None and bad is not None
    if direction == "down":
        spans = [("healthy", lo, good), ("warning", good, bad), ("critical", bad, hi)]
    else:
        spans = [("critical", lo, bad), ("warning", bad, good), ("healthy", good, hi)]
    bands: list[Band] = []
    for name, band_lo, band_hi in spans:
        band_lo, band_hi = max(lo, min(band_lo, band_hi)), min(hi, max(band_lo, band_hi))
        if band_hi <= band_lo:
            continue
        bands.append(
            Band(
                name, x, coordinate(y_of(band_hi)), width, coordinate(y_of(band_lo) - y_of(band_hi))
            )
        )
    return tuple(bands)


def line_chart(
    points: Sequence[tuple[date, float]],
    *,
    target: float | None = None,
    green: float | None = None,
    red: float | None = None,
    direction: str = "up",
    height: int = 240,
    unit: str = "",
) -> LineChart:
    """A line chart with health bands (healthy/warning/critical, see
    :func:`_bands`) and a target line. The y range always includes the thresholds and the target so the bands
    are visible even when every value sits in one of them.
    """
    top, bottom = _TOP, height - _BOTTOM_GAP
    values = [v for _, v in points]
    extent = values + [x for x in (target, green, red) if x is not None]
    if not extent:
        return LineChart(height, unit, tuple(points), True)
    places = tuple(places_beside(v, (target, green, red)) for v in values)
    low, high = min(extent), max(extent)
    lo, hi = numbers.padded_range(low, high)
    ya, yb = _scale(lo, hi, bottom, top)  # SVG y grows downwards

    def y_of(value: float) -> float:
        return ya * value + yb

    bands = _bands(green, red, direction, lo, hi, y_of, _percent_x(_X0), _percent_x(_X1 - _X0))
    gridlines = tuple(_gridline(y_of(v), v, top) for v in sorted({low, high}, reverse=True))
    target_line = None
    if target is not None:
        target_line = (_percent_x(_X0), coordinate(y_of(target)), _percent_x(_X1), target)
    segments: tuple[Segment, ...] = ()
    chart_points: tuple[ChartPoint, ...] = ()
    dates: tuple[DateLabel, ...] = ()
    if points:
        first, last = min(d for d, _ in points), max(d for d, _ in points)
        xa, xb = _x_scale(first, last)
        segments, chart_points = _series(points, xa, xb, y_of, places)
        dates = _date_labels(first, last, height)
    return LineChart(
        height,
        unit,
        tuple(points),
        False,
        bands=bands,
        gridlines=gridlines,
        target=target_line,
        segments=segments,
        points=chart_points,
        dates=dates,
        places=places,
    )


def progress_chart(
    history: Sequence[tuple[date, float]],
    *,
    cycle: Cycle,
    as_of: date,
    success: float,
    height: int = 200,
) -> LineChart:
    """An objective's progress (0..1) at each check-in, over its whole cycle.

    The x axis runs from the cycle's first to its last day (wider only if a
    check-in lies outside), the y axis from 0 to 100 %. The expected-progress
    line comes from :func:`okrsite.scoring.expected_progress` at the cycle's
    first and last day: the rule is linear in the days elapsed, so the
    straight line between them is the rule at every day in between. The "as
    of" marker is drawn while as_of lies inside the axis.
    """
    first = min([cycle.start, *(d for d, _ in history)])
    last = max([cycle.end, *(d for d, _ in history)])
    frame = _progress_frame(cycle, first, last, as_of, success, height)
    segments, chart_points = _series(history, frame.xa, frame.xb, frame.y_of)
    return LineChart(
        height,
        "%",
        tuple(history),
        False,
        percent=True,
        gridlines=frame.gridlines,
        expected=frame.expected,
        segments=segments,
        points=chart_points,
        marker=frame.marker,
        dates=frame.dates,
        before=first if first < cycle.start else None,
        after=last if last > cycle.end else None,
    )


@dataclass(frozen=True, slots=True)
class _ProgressFrame:
    """What a progress chart draws apart from its objective's points: its
    scales, gridlines, expected-progress line, "as of" marker and dates."""

    xa: float
    xb: float
    ya: float
    yb: float
    gridlines: tuple[Gridline, ...]
    expected: Segment
    marker: Marker | None
    dates: tuple[DateLabel, ...]

    def y_of(self, value: float) -> float:
        return self.ya * value + self.yb


@lru_cache(maxsize=1024)
def _progress_frame(
    cycle: Cycle, first: date, last: date, as_of: date, success: float, height: int
) -> _ProgressFrame:
    """The frame of :func:`progress_chart`, a function of these values alone:
    worked out once for the objectives of a cycle with one success level
    (committed or aspirational) whose check-ins lie within it (most of a
    site's), not once per objective page. Its parts are frozen values."""
    top, bottom = _TOP, height - _BOTTOM_GAP
    ya, yb = _scale(0.0, 1.0, bottom, top)

    def y_of(value: float) -> float:
        return ya * value + yb

    xa, xb = _x_scale(first, last)

    def x_of(day: date) -> float:
        return xa * day.toordinal() + xb

    at_start = expected_progress(cycle, cycle.start, success)[0]
    at_end = expected_progress(cycle, cycle.end, success)[0]
    expected = Segment(
        _percent_x(x_of(cycle.start)),
        coordinate(y_of(at_start)),
        _percent_x(x_of(cycle.end)),
        coordinate(y_of(at_end)),
    )
    marker = None
    if first <= as_of <= last:
        x = x_of(as_of)
        anchor = "end" if x > (_X0 + _X1) / 2 else "start"
        marker = Marker(
            _percent_x(x),
            coordinate(top - 6),
            coordinate(bottom),
            coordinate(top - 8),
            anchor,
            as_of,
        )
    return _ProgressFrame(
        xa,
        xb,
        ya,
        yb,
        tuple(_gridline(y_of(v), v, top) for v in (1.0, 0.5, 0.0)),
        expected,
        marker,
        _date_labels(first, last, height),
    )


@dataclass(frozen=True, slots=True)
class Sparkline:
    """A KPI's small trend line, its points placed for ``partials/sparkline.svg``."""

    width: int
    height: int
    unit: str
    series: tuple[tuple[date, float], ...]
    #: y of the target line, or ``None``
    target_y: str | None
    polyline: str
    #: (x, y) of the latest value
    last: tuple[str, str]
    #: threshold bands (a KPI's healthy/warning/critical), full width
    bands: tuple[Band, ...] = ()
    #: the decimals of each value of ``series`` beside the limits the line is
    #: drawn against (:func:`okrsite.limit_places.places_beside`), as
    #: :attr:`LineChart.places`: its label and tooltip write a KPI's 2.99996%
    #: under "healthy ≥ 3%" as its tile and page do, never "3%"
    places: tuple[int, ...] = ()


def sparkline(
    points: Sequence[tuple[date, float]],
    *,
    target: float | None = None,
    start: float | None = None,
    span: tuple[date, date] | None = None,
    green: float | None = None,
    red: float | None = None,
    direction: str = "up",
    width: int = 96,
    height: int = 24,
    unit: str = "",
) -> Sparkline | None:
    """A word-sized line of a key result's values; the range includes start and target.

    Including start and target makes the line's height mean "how far along"
    rather than exaggerating tiny changes. ``span`` (the cycle's first and
    last day) fixes the x axis, so a line ending halfway across means half
    the cycle has gone by; it widens only to take in values outside it.
    ``green``/``red``/``direction`` (a KPI's thresholds) add health bands,
    and the range takes them in too. An empty series gives ``None``
    (templates show a dash). Each value gets the decimals that keep it on
    its side of those limits (``places``): for a KPI the decision its page
    and tile write its latest value with (:attr:`okrsite.model.KPIScore.value_places`),
    for a key result at least its row's (start and target).
    """
    if not points:
        return None
    values = [v for _, v in points]
    places = tuple(places_beside(v, (target, start, green, red)) for v in values)
    extent = values + [x for x in (target, start, green, red) if x is not None]
    lo, hi = min(extent), max(extent)
    pad = 2.0
    ya, yb = _scale(lo, hi, height - pad, pad)
    days = [d.toordinal() for d, _ in points]
    days_extent = days + ([span[0].toordinal(), span[1].toordinal()] if span else [])
    xa, xb = _scale(min(days_extent), max(days_extent), pad, width - pad)
    coords = [(xa * d + xb, ya * v + yb) for d, v in zip(days, values, strict=False)]
    target_y = coordinate(ya * target + yb) if target is not None else None
    polyline = ""
    if len(coords) > 1:
        polyline = " ".join(f"{coordinate(px)},{coordinate(py)}" for px, py in coords)
    last = (coordinate(coords[-1][0]), coordinate(coords[-1][1]))

    def y_of(value: float) -> float:
        return ya * value + yb

    # the bands reach the sparkline's edges: the padding is part of the range
    band_lo, band_hi = (lo + pad / ya, hi - pad / ya) if ya else (lo, hi)
    band_lo, band_hi = min(band_lo, band_hi), max(band_lo, band_hi)
    bands = _bands(green, red, direction, band_lo, band_hi, y_of, "0", str(width))
    return Sparkline(width, height, unit, tuple(points), target_y, polyline, last, bands, places)


def _text_width(text: str) -> float:
    """Approximate width of 11px Verdana text (badges are not measured by a browser)."""
    wide = sum(1 for ch in text if ch in "mwMW%@")
    return 7.0 * len(text) + 3.0 * wide


@dataclass(frozen=True, slots=True)
class Badge:
    """A status badge's words, colour and widths, for ``partials/badge.svg``."""

    label: str
    value: str
    colour: str
    label_width: str
    value_width: str
    total_width: str
    label_x: str
    value_x: str


def progress_badge(label: str, value: str, status: str) -> Badge:
    """The geometry of a shields.io-like standalone badge: ``label | value``,
    where ``value`` is the text the badge shows (its template writes it)."""
    lw, vw = _text_width(label) + 12, _text_width(value) + 12
    return Badge(
        label,
        value,
        STATUS_COLOURS.get(status, "#455a64"),
        coordinate(lw),
        coordinate(vw),
        coordinate(lw + vw),
        coordinate(lw / 2),
        coordinate(lw + vw / 2),
    )
