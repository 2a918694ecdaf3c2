"""Chart geometry: where the lines, points and bands of a chart go.

Charts are drawn server-side as inline SVG (no JavaScript, works from
``file://``, prints well), but the markup lives in the theme
(``partials/line_chart.svg``, ``partials/sparkline.svg``,
``partials/badge.svg``). This module computes only coordinates, already
rounded to one decimal so the files stay small and stable; the partials
write them out, with the words (titles, labels) a theme may translate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from okrsite import numbers

__all__ = [
    "ChartPoint",
    "LineChart",
    "Sparkline",
    "Badge",
    "line_chart",
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
    x: str
    y: str
    date: date
    value: float


@dataclass(frozen=True, slots=True)
class Band:
    name: str
    x: str
    y: str
    width: str
    height: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: str
    y: str
    value: float


@dataclass(frozen=True, slots=True)
class LineChart:
    """A KPI or progress line chart; ``points`` empty and ``empty`` true when
    there is nothing to draw (not even a threshold)."""

    width: int
    height: int
    unit: str
    series: tuple[tuple[date, float], ...]
    empty: bool
    centre: tuple[str, str]
    bands: tuple[Band, ...] = ()
    axis: tuple[str, str, str, str] = ("0", "0", "0", "0")
    ticks: tuple[Tick, ...] = ()
    #: (x1, y, x2, label x, label y, value) of the dashed target line
    target: tuple[str, str, str, str, str, float] | None = None
    polyline: str = ""
    points: tuple[ChartPoint, ...] = ()
    #: (x, y) of the first and the last date under the axis
    first_at: tuple[str, str] = ("0", "0")
    last_at: tuple[str, str] = ("0", "0")


def line_chart(
    points: Sequence[tuple[date, float]],
    *,
    target: float | None = None,
    green: float | None = None,
    red: float | None = None,
    direction: str = "up",
    width: int = 640,
    height: int = 240,
    unit: str = "",
) -> LineChart:
    """A line chart with health bands (healthy/warning/critical) and a target line.

    ``direction`` says which side of the thresholds is good: ``up`` means at or
    above ``green`` is healthy and below ``red`` critical; ``down`` the mirror.
    The y range always includes the thresholds and the target so the bands
    are visible even when every value sits in one of them.
    """
    left, right, top, bottom = 56.0, 12.0, 12.0, 28.0
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for _, v in points]
    extent = values + [x for x in (target, green, red) if x is not None]
    centre = (f"{width / 2:g}", f"{height / 2:g}")
    if not extent:
        return LineChart(width, height, unit, tuple(points), True, centre)
    low, high = min(extent), max(extent)
    lo, hi = numbers.padded_range(low, high)
    ya, yb = _scale(lo, hi, top + plot_h, top)  # SVG y grows downwards

    def y_of(value: float) -> float:
        return ya * value + yb

    bands: list[Band] = []
    if green is not None or red is not None:
        good = green if green is not None else red
        bad = red if red is not None else green
        assert good is not None and bad is not None
        if direction == "down":
            spans = [("healthy", lo, good), ("warning", good, bad), ("critical", bad, hi)]
        else:
            spans = [("critical", lo, bad), ("warning", bad, good), ("healthy", good, hi)]
        for name, band_lo, band_hi in spans:
            band_lo, band_hi = max(lo, min(band_lo, band_hi)), min(hi, max(band_lo, band_hi))
            if band_hi <= band_lo:
                continue
            bands.append(
                Band(
                    name,
                    coordinate(left),
                    coordinate(y_of(band_hi)),
                    coordinate(plot_w),
                    coordinate(y_of(band_lo) - y_of(band_hi)),
                )
            )
    axis = (
        coordinate(left),
        coordinate(top + plot_h),
        coordinate(left + plot_w),
        coordinate(top + plot_h),
    )
    ticks = tuple(
        Tick(coordinate(left - 6), coordinate(y_of(v) + 4), v) for v in sorted({low, high})
    )
    target_line = None
    if target is not None:
        target_line = (
            coordinate(left),
            coordinate(y_of(target)),
            coordinate(left + plot_w),
            coordinate(left + plot_w - 2),
            coordinate(y_of(target) - 4),
            target,
        )
    chart_points: tuple[ChartPoint, ...] = ()
    polyline = ""
    if points:
        days = [d.toordinal() for d, _ in points]
        xa, xb = _scale(min(days), max(days), left + 4, left + plot_w - 4)
        coords = [(xa * d + xb, y_of(v)) for d, v in zip(days, values, strict=False)]
        if len(coords) > 1:
            polyline = " ".join(f"{coordinate(px)},{coordinate(py)}" for px, py in coords)
        chart_points = tuple(
            ChartPoint(coordinate(px), coordinate(py), d, v)
            for (px, py), (d, v) in zip(coords, points, strict=False)
        )
    return LineChart(
        width,
        height,
        unit,
        tuple(points),
        False,
        centre,
        tuple(bands),
        axis,
        ticks,
        target_line,
        polyline,
        chart_points,
        (coordinate(left), str(height - 8)),
        (coordinate(left + plot_w), str(height - 8)),
    )


@dataclass(frozen=True, slots=True)
class Sparkline:
    width: int
    height: int
    unit: str
    series: tuple[tuple[date, float], ...]
    #: y of the target line, or ``None``
    target_y: str | None
    polyline: str
    #: (x, y) of the latest value
    last: tuple[str, str]


def sparkline(
    points: Sequence[tuple[date, float]],
    *,
    target: float | None = None,
    start: float | None = None,
    width: int = 96,
    height: int = 24,
    unit: str = "",
) -> Sparkline | None:
    """A word-sized line of a key result's values; the range includes start and target.

    Including start and target makes the line's height mean "how far along"
    rather than exaggerating tiny changes. An empty series gives ``None``
    (templates show a dash).
    """
    if not points:
        return None
    values = [v for _, v in points]
    extent = values + [x for x in (target, start) if x is not None]
    lo, hi = min(extent), max(extent)
    pad = 2.0
    ya, yb = _scale(lo, hi, height - pad, pad)
    days = [d.toordinal() for d, _ in points]
    xa, xb = _scale(min(days), max(days), pad, width - pad)
    coords = [(xa * d + xb, ya * v + yb) for d, v in zip(days, values, strict=False)]
    target_y = coordinate(ya * target + yb) if target is not None else None
    polyline = ""
    if len(coords) > 1:
        polyline = " ".join(f"{coordinate(px)},{coordinate(py)}" for px, py in coords)
    last = (coordinate(coords[-1][0]), coordinate(coords[-1][1]))
    return Sparkline(width, height, unit, tuple(points), target_y, polyline, last)


def _text_width(text: str) -> float:
    """Approximate width of 11px Verdana text (badges are not measured by a browser)."""
    wide = sum(1 for ch in text if ch in "mwMW%@")
    return 7.0 * len(text) + 3.0 * wide


@dataclass(frozen=True, slots=True)
class Badge:
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
