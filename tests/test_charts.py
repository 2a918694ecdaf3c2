"""SVG charts: valid XML, accessible, escaped, points scaled into the plot.

Geometry comes from okrsite.view.chart_geometry, markup from the default
theme's partials (line_chart.svg, sparkline.svg, badge.svg): each test draws
through both, as a page does.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

from okrsite import numbers
from okrsite.theme import load_theme
from okrsite.translations import load_language
from okrsite.view import chart_geometry
from okrsite.view.formatting import format_number as fmt_number
from okrsite.view.formatting import remembered_percent
from okrsite.view.partials import Partials

_ENGLISH = load_language("en", [])
_ENV = load_theme("default").env
_ENV.globals.update(
    num=fmt_number,
    day=date.isoformat,
    percent=remembered_percent(_ENGLISH.number, _ENGLISH.percent),
    # the site's with_unit: a figure beside its limits may ask for more decimals
    with_unit=lambda value, unit, places=4: _ENGLISH.with_unit(
        numbers.format_number(value, places), unit or ""
    ),
)
_ENV.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
partial = Partials(_ENV)


def line_chart(points: Any, title: str = "Values over time", **kw: Any) -> str:
    return str(
        partial("line_chart.svg", chart=chart_geometry.line_chart(points, **kw), title=title)
    )


def sparkline(points: Any, title: str = "Values over check-ins", **kw: Any) -> str:
    chart = chart_geometry.sparkline(points, **kw)
    return "" if chart is None else str(partial("sparkline.svg", chart=chart, title=title))


def progress_badge(label: str, progress: float, status: str) -> str:
    value = f"{round(progress * 100)}% {status.replace('-', ' ')}"
    badge = chart_geometry.progress_badge(label, value, status)
    return str(partial("badge.svg", badge=badge))


NS = "{http://www.w3.org/2000/svg}"
PTS = [(date(2026, 1, 1), 10.0), (date(2026, 1, 11), 20.0), (date(2026, 1, 31), 40.0)]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_line_chart_is_accessible_xml() -> None:
    root = parse(line_chart(PTS, target=50, green=40, red=20, unit="pts", title="NPS"))
    assert root.get("role") == "img"
    assert "NPS" in (root.get("aria-label") or "")
    assert root.find(f"{NS}title") is not None
    assert "3 values from 10 pts on 2026-01-01 to 40 pts on 2026-01-31" in (
        root.findtext(f"{NS}title") or ""
    )


def test_line_chart_points_scale() -> None:
    root = parse(line_chart(PTS, height=240))
    circles = root.findall(f"{NS}circle")
    # x is a percentage of the width (the SVG has no viewBox), y pixels
    assert all((c.get("cx") or "").endswith("%") for c in circles)
    xs = [float((c.get("cx") or "0").rstrip("%")) for c in circles]
    ys = [float(c.get("cy") or 0) for c in circles]
    assert xs == sorted(xs) and ys == sorted(ys, reverse=True)  # later and higher
    # x is proportional to time: day 10 of 30 sits a third of the way along
    assert abs((xs[1] - xs[0]) / (xs[2] - xs[0]) - 1 / 3) < 0.01
    # y is linear in value: 20 is a third of the way from 10 to 40
    assert abs((ys[0] - ys[1]) / (ys[0] - ys[2]) - 1 / 3) < 0.01
    assert all(0 <= x <= 100 for x in xs) and all(0 <= y <= 240 for y in ys)


def test_bands_follow_direction() -> None:
    up = parse(line_chart(PTS, green=30, red=15, direction="up"))
    down = parse(line_chart(PTS, green=15, red=30, direction="down"))

    def band_y(root: ET.Element, name: str) -> float:
        rect = next(
            r for r in root.findall(f"{NS}rect") if f"band-{name}" in (r.get("class") or "")
        )
        return float(rect.get("y") or 0)

    # SVG y grows downwards: healthy on top when higher is better, at the bottom otherwise
    assert band_y(up, "healthy") < band_y(up, "critical")
    assert band_y(down, "healthy") > band_y(down, "critical")


def test_target_line_and_empty_chart() -> None:
    root = parse(line_chart(PTS, target=35))
    assert any("target" in (ln.get("class") or "") for ln in root.findall(f"{NS}line"))
    empty = parse(line_chart([]))
    assert "No data" in "".join(empty.itertext())


def test_text_is_escaped() -> None:
    svg = line_chart(PTS, unit="<b>", title='"><script>alert(1)</script>')
    parse(svg)
    assert "<script>" not in svg


def test_single_point() -> None:
    parse(line_chart(PTS[:1], target=5))
    parse(sparkline(PTS[:1]))


def test_sparkline() -> None:
    root = parse(sparkline(PTS, target=50, start=0, title="KR"))
    assert root.get("role") == "img" and root.find(f"{NS}title") is not None
    assert sparkline([]) == ""


def test_badge() -> None:
    svg = progress_badge("sales/emea & co", 0.425, "at-risk")
    root = parse(svg)
    assert root.get("role") == "img"
    assert "42% at risk" in (root.get("aria-label") or "")
    assert 'fill="' in svg


def test_fmt_number() -> None:
    assert fmt_number(2.0) == "2" and fmt_number(1000000) == "1,000,000"
    assert fmt_number(99.95) == "99.95" and fmt_number(None) == "–"
