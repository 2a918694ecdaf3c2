""" "Explain this score" explains forecast, confidence and stale with the
objective's own numbers, worked by hand below.

Cycle 2026-Q4 runs 2026-10-01 .. 2026-12-31 (92 days; the forecast is read at
day 91). as_of is 2026-11-15.

- ``quick``: check-ins on day 10 (2 of 10 → 0.2) and day 20 (4 → 0.4, confidence 3):
  line 0 + 0.02 × day, read at 91 = 1.82, kept to 1 → 100%; two check-ins →
  tentative; confidence 3 ≤ 4 → low; last check-in 2026-10-21, 25 days
  before as_of > 14 → stale.
- ``steady``: days 10, 30, 40 at 0.1, 0.3, 0.4 (mean day 26.67, mean 0.2667,
  slope 4.667 / 466.67 = 0.01, intercept 0): forecast 0.91 → 91%; three
  check-ins over 30 of 92 days (33% ≥ 25%) → not tentative; confidence 8 →
  not low; last check-in 5 days before → not stale.
- ``silent``: no check-in: no forecast, no confidence, stale (no check-in 14
  days after the cycle started).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from okrsite.cli import cli

Make = Callable[[dict[str, str | bytes]], Path]


def objective(title: str) -> str:
    return f"""
        ---
        title: {title}
        cycle: 2026-Q4
        owner: Ana Lima
        key_results:
          - {{id: n, title: Count, start: 0, target: 10}}
        ---
    """


def checkin(oid: str, day: str, value: int, confidence: int) -> str:
    return f"""
        ---
        objective: {oid}
        date: {day}
        author: Ana Lima
        confidence: {confidence}
        values: {{n: {value}}}
        ---
        Pasted from the weekly sync.
    """


SITE: dict[str, str | bytes] = {
    "okrsite.toml": "as_of = 2026-11-15\n",
    "content/objectives/quick.md": objective("Quick & early"),
    "content/objectives/steady.md": objective("Steady"),
    "content/objectives/silent.md": objective("Silent"),
    "content/checkins/q1.md": checkin("quick", "2026-10-11", 2, 5),
    "content/checkins/q2.md": checkin("quick", "2026-10-21", 4, 3),
    "content/checkins/s1.md": checkin("steady", "2026-10-11", 1, 7),
    "content/checkins/s2.md": checkin("steady", "2026-10-31", 3, 7),
    "content/checkins/s3.md": checkin("steady", "2026-11-10", 4, 8),
}


def explained(make_site: Make, tmp_path: Path) -> dict[str, dict[str, str]]:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(make_site(SITE)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    found = {}
    for oid in ("quick", "steady", "silent"):
        page = BeautifulSoup((out / f"objectives/{oid}/index.html").read_text(), "html.parser")
        found[oid] = {
            step: " ".join(page.select_one(f".explain-{step}").get_text(" ").split())  # type: ignore[union-attr]
            for step in ("forecast", "confidence", "stale")
        }
    return found


def test_explain_forecast_confidence_and_stale(make_site: Make, tmp_path: Path) -> None:
    e = explained(make_site, tmp_path)

    quick = e["quick"]
    assert "progress = 0 + 0.02 × day" in quick["forecast"]
    assert "forecast = 0 + 0.02 × 91 = 1.82 , kept within 0 and 1: 1 → 100%" in quick["forecast"]
    assert (
        "It rests on 2 days with a check-in, spanning 10 days of the cycle's 92 (11%)"
        in quick["forecast"]
    )
    assert "Tentative" in quick["forecast"]
    assert "Latest confidence: 3/10, from the check-in of 2026-10-21" in quick["confidence"]
    assert "3 ≤ 4: low confidence." in quick["confidence"]
    assert "Last check-in: 2026-10-21, 25 days before 2026-11-15." in quick["stale"]
    assert "25 > 14: stale." in quick["stale"]

    steady = e["steady"]
    assert "forecast = 0 + 0.01 × 91 = 0.91 → 91%" in steady["forecast"]
    assert (
        "It rests on 3 days with a check-in, spanning 30 days of the cycle's 92 (33%)"
        in steady["forecast"]
    )
    assert "Tentative" not in steady["forecast"] and "Not tentative" in steady["forecast"]
    assert "8 > 4: not low." in steady["confidence"]
    assert "5 ≤ 14: not stale." in steady["stale"]

    silent = e["silent"]
    assert "No forecast" in silent["forecast"] and "has 0 check-ins" in silent["forecast"]
    assert "No check-in gave a confidence yet." in silent["confidence"]
    assert "No check-in yet." in silent["stale"] and "stale." in silent["stale"]


def test_the_points_table_lists_each_check_in_day(make_site: Make, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(make_site(SITE)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = BeautifulSoup((out / "objectives/steady/index.html").read_text(), "html.parser")
    rows = [
        [td.get_text(strip=True) for td in tr.select("td")]
        for tr in page.select(".explain-points tbody tr")
    ]
    assert rows == [
        ["2026-10-11", "10", "0.1"],
        ["2026-10-31", "30", "0.3"],
        ["2026-11-10", "40", "0.4"],
    ]
    link = page.select_one(".explain-confidence a")
    assert link is not None and page.select_one(str(link["href"])) is not None
