"""Inline SVG charts: pure functions from numbers to markup strings.

Charts are drawn server-side as SVG so the site needs no JavaScript and no
chart library, works from ``file://`` and prints well. Every chart is an image
with a ``<title>`` and ``aria-label``; templates also emit the data as a
visually hidden table, because a label cannot carry a whole series.

Colours inside page charts come from CSS classes (``band-healthy``,
``line``...) so the light/dark schemes and the print stylesheet restyle them.
Badges are standalone files (linked from READMEs, wikis), so they carry their
own ``fill`` attributes.

All user text is escaped here: the result is meant to be embedded unescaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from okrsite import numbers

__all__ = ["line_chart", "sparkline", "progress_badge", "fmt_number", "STATUS_COLOURS"]

SVG_NS = "http://www.w3.org/2000/svg"

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


fmt_number = numbers.format_number  # a compact human number, safe at any magnitude
_c = numbers.coordinate  # a coordinate with at most one decimal: small files, stable output
_scale = numbers.scale  # (a, b) mapping lo..hi onto out_lo..out_hi, for any finite range


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
    title: str = "Values over time",
) -> str:
    """A KPI line chart with health bands (healthy/warning/critical) and a target line.

    ``direction`` says which side of the thresholds is good: ``up`` means at or
    above ``green`` is healthy and below ``red`` critical; ``down`` the mirror.
    The y range always includes the thresholds and the target so the bands
    are visible even when every value sits in one of them.
    """
    left, right, top, bottom = 56.0, 12.0, 12.0, 28.0
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for _, v in points]
    extent = values + [x for x in (target, green, red) if x is not None]
    label = _chart_label(title, points, unit)
    head = (
        f'<svg xmlns="{SVG_NS}" class="chart line-chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
    )
    if not extent:
        return (
            head + f'<text class="axis" x="{width / 2:g}" y="{height / 2:g}" '
            f'text-anchor="middle">No data yet</text></svg>'
        )
    low, high = min(extent), max(extent)
    lo, hi = numbers.padded_range(low, high)
    ya, yb = _scale(lo, hi, top + plot_h, top)  # SVG y grows downwards

    def y(v: float) -> float:
        return ya * v + yb

    parts = [head]
    # health bands: clip thresholds into the visible range
    if green is not None or red is not None:
        g = green if green is not None else red
        r = red if red is not None else green
        assert g is not None and r is not None
        if direction == "down":
            bands = [("healthy", lo, g), ("warning", g, r), ("critical", r, hi)]
        else:
            bands = [("critical", lo, r), ("warning", r, g), ("healthy", g, hi)]
        for name, b_lo, b_hi in bands:
            b_lo, b_hi = max(lo, min(b_lo, b_hi)), min(hi, max(b_lo, b_hi))
            if b_hi <= b_lo:
                continue
            parts.append(
                f'<rect class="band band-{name}" x="{_c(left)}" y="{_c(y(b_hi))}" '
                f'width="{_c(plot_w)}" height="{_c(y(b_lo) - y(b_hi))}"/>'
            )
    parts.append(
        f'<line class="axis-line" x1="{_c(left)}" y1="{_c(top + plot_h)}" '
        f'x2="{_c(left + plot_w)}" y2="{_c(top + plot_h)}"/>'
    )
    for v in sorted({low, high}):
        parts.append(
            f'<text class="axis" x="{_c(left - 6)}" y="{_c(y(v) + 4)}" '
            f'text-anchor="end">{escape(fmt_number(v))}</text>'
        )
    if target is not None:
        parts.append(
            f'<line class="target" x1="{_c(left)}" y1="{_c(y(target))}" '
            f'x2="{_c(left + plot_w)}" y2="{_c(y(target))}"/>'
            f'<text class="axis target-label" x="{_c(left + plot_w - 2)}" '
            f'y="{_c(y(target) - 4)}" text-anchor="end">target {escape(fmt_number(target))}</text>'
        )
    if points:
        days = [d.toordinal() for d, _ in points]
        xa, xb = _scale(min(days), max(days), left + 4, left + plot_w - 4)
        coords = [(xa * d + xb, y(v)) for d, v in zip(days, values, strict=False)]
        if len(coords) > 1:
            path = " ".join(f"{_c(px)},{_c(py)}" for px, py in coords)
            parts.append(f'<polyline class="line" points="{path}"/>')
        for (px, py), (d, v) in zip(coords, points, strict=False):
            parts.append(
                f'<circle class="point" cx="{_c(px)}" cy="{_c(py)}" r="3">'
                f"<title>{d.isoformat()}: {escape(fmt_number(v))} {escape(unit)}</title></circle>"
            )
        first, last = points[0][0], points[-1][0]
        parts.append(
            f'<text class="axis" x="{_c(left)}" y="{height - 8}">{first.isoformat()}</text>'
        )
        if last != first:
            parts.append(
                f'<text class="axis" x="{_c(left + plot_w)}" y="{height - 8}" '
                f'text-anchor="end">{last.isoformat()}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _chart_label(title: str, points: Sequence[tuple[date, float]], unit: str) -> str:
    if not points:
        return f"{title}: no data"
    (d0, v0), (d1, v1) = points[0], points[-1]
    u = f" {unit}" if unit else ""
    if len(points) == 1:
        return f"{title}: {fmt_number(v0)}{u} on {d0.isoformat()}"
    return (
        f"{title}: {len(points)} values from {fmt_number(v0)}{u} on {d0.isoformat()} "
        f"to {fmt_number(v1)}{u} on {d1.isoformat()}"
    )


def sparkline(
    points: Sequence[tuple[date, float]],
    *,
    target: float | None = None,
    start: float | None = None,
    width: int = 96,
    height: int = 24,
    unit: str = "",
    title: str = "Values over check-ins",
) -> str:
    """A word-sized line of a key result's values; the range includes start and target.

    Including start and target makes the line's height mean "how far along"
    rather than exaggerating tiny changes. An empty series gives an empty
    string (templates show a dash).
    """
    if not points:
        return ""
    values = [v for _, v in points]
    extent = values + [x for x in (target, start) if x is not None]
    lo, hi = min(extent), max(extent)
    pad = 2.0
    ya, yb = _scale(lo, hi, height - pad, pad)
    days = [d.toordinal() for d, _ in points]
    xa, xb = _scale(min(days), max(days), pad, width - pad)
    coords = [(xa * d + xb, ya * v + yb) for d, v in zip(days, values, strict=False)]
    label = _chart_label(title, points, unit)
    parts = [
        f'<svg xmlns="{SVG_NS}" class="sparkline" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
    ]
    if target is not None:
        ty = _c(ya * target + yb)
        parts.append(f'<line class="target" x1="0" y1="{ty}" x2="{width}" y2="{ty}"/>')
    if len(coords) > 1:
        path = " ".join(f"{_c(px)},{_c(py)}" for px, py in coords)
        parts.append(f'<polyline class="line" points="{path}"/>')
    lx, ly = coords[-1]
    parts.append(f'<circle class="point" cx="{_c(lx)}" cy="{_c(ly)}" r="2"/></svg>')
    return "".join(parts)


def _text_width(text: str) -> float:
    """Approximate width of 11px Verdana text (badges are not measured by a browser)."""
    wide = sum(1 for ch in text if ch in "mwMW%@")
    return 7.0 * len(text) + 3.0 * wide


def progress_badge(label: str, progress: float, status: str) -> str:
    """A shields.io-like standalone badge: ``label | 42% on-track``.

    The status is written out, not only coloured, so the badge reads the same
    in greyscale.
    """
    pct = numbers.percent(progress)
    value = f"{pct}% {status.replace('-', ' ')}"
    colour = STATUS_COLOURS.get(status, "#455a64")
    lw, vw = _text_width(label) + 12, _text_width(value) + 12
    total = lw + vw
    text = f"{label}: {value}"
    return (
        f'<svg xmlns="{SVG_NS}" width="{_c(total)}" height="20" viewBox="0 0 {_c(total)} 20" '
        f'role="img" aria-label="{escape(text)}"><title>{escape(text)}</title>'
        f'<rect width="{_c(lw)}" height="20" rx="3" fill="#444d56"/>'
        f'<rect x="{_c(lw)}" width="{_c(vw)}" height="20" rx="3" fill="{colour}"/>'
        f'<rect x="{_c(lw)}" width="4" height="20" fill="{colour}"/>'
        f'<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">'
        f'<text x="{_c(lw / 2)}" y="14" text-anchor="middle">{escape(label)}</text>'
        f'<text x="{_c(lw + vw / 2)}" y="14" text-anchor="middle">{escape(value)}</text>'
        f"</g></svg>"
    )
