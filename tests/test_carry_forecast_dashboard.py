"""Quarter's end as users meet it: ``okrsite carry`` writes titles that agree
with the carried figures, the forecast on a cycle's last day is its progress,
the dashboard stays on the cycle under review while the next one holds only
drafts, and the exports write numbers from 10^15 on in scientific notation."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

from conftest import run_cli

Make = Callable[[dict[str, str | bytes]], Path]

CARRY_SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Sales"\n',
    "content/objectives/sales/pipe.md": """
        ---
        title: Fill the pipe
        cycle: 2026-Q4
        owner: Uma Diaz
        key_results:
          - {id: deals, title: Close deals from 10 to 40, start: 10, target: 40}
          - Raise win rate from 20% to 30%
          - {id: arr, title: Grow ARR from $10M to $20M, start: 10, target: 20, unit: $M}
          - {id: eur, title: Grow EMEA from 10 to 20 M EUR, start: 10, target: 20, unit: M EUR}
          - {id: time, title: Cut lead time 8 h -> 2 h, start: 8, target: 2, unit: h}
        initiatives:
          - {title: Hire two reps, status: active, owner: Tom Lee}
          - Train the team
        ---
        Why.
    """,
    "content/checkins/sales/pipe/2026-12-15.md": """
        ---
        values: {deals: 25, kr2: 24, arr: 12.5, eur: 15, time: 6.5}
        ---
    """,
}


def test_carried_titles_say_the_carried_start_and_pass_strict_check(make_site: Make) -> None:
    site = make_site(CARRY_SITE)
    code, out = run_cli("carry", "2026-Q4", "2027-Q1", "--as-of", "2027-01-05", "--site", str(site))
    assert code == 0, out
    text = (site / "content/objectives/sales/pipe-2027-q1.md").read_text(encoding="utf-8")
    assert text == (
        "---\n"
        "title: Fill the pipe\n"
        "cycle: 2027-Q1\n"
        "status: draft\n"
        "owner: Uma Diaz\n"
        "carried_from: sales/pipe\n"
        "key_results:\n"
        "  - id: deals\n"
        "    title: Close deals from 25 to 40\n"
        "    start: 25\n"
        "    target: 40\n"
        "  - id: kr2\n"
        "    title: Raise win rate from 24% to 30%\n"
        "    start: 24\n"
        "    target: 30\n"
        '    unit: "%"\n'
        # the title counts dollars, the key result millions of them: the
        # start is written as the title writes its figures
        "  - id: arr\n"
        "    title: Grow ARR from $12.5M to $20M\n"
        "    start: 12.5\n"
        "    target: 20\n"
        "    unit: $M\n"
        # "from 10 to 20 M EUR": the target's M is the start's too
        "  - id: eur\n"
        "    title: Grow EMEA from 15 to 20 M EUR\n"
        "    start: 15\n"
        "    target: 20\n"
        "    unit: M EUR\n"
        "  - id: time\n"
        "    title: Cut lead time 6.5 h -> 2 h\n"
        "    start: 6.5\n"
        "    target: 2\n"
        "    unit: h\n"
        "initiatives:\n"
        "  - title: Hire two reps\n"
        "    status: active\n"
        "    owner: Tom Lee\n"
        "  - title: Train the team\n"
        "    status: active\n"
        "---\n"
        "Why.\n"
    )
    code, out = run_cli("check", "--strict", "--as-of", "2027-01-05", "--site", str(site))
    assert code == 0, out
    assert out.endswith("as of 2027-01-05: 0 errors, 0 warnings\n"), out


def _objective_page_text(out: Path, oid: str) -> str:
    raw = (out / "objectives" / oid / "index.html").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def test_forecast_on_the_cycles_last_day_is_its_progress(make_site: Make, tmp_path: Path) -> None:
    checkins: dict[str, str | bytes] = {
        f"content/checkins/ops/up/2026-{day}.md": f"---\nvalues: {{rate: {value}}}\n---\n"
        for day, value in (("10-05", 5), ("10-20", 10), ("11-10", 12), ("12-01", 15))
    }
    checkins["content/checkins/ops/up/2026-12-31-final.md"] = (
        "---\ndate: 2026-12-31 17:30\nvalues: {rate: 90}\nnote: final tally\n---\n"
    )
    site = make_site(
        {
            "okrsite.toml": 'title = "Ops"\n',
            "content/objectives/ops/up.md": """
                ---
                title: Raise the rate
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: rate, title: Rate, start: 0, target: 100}
                ---
            """,
            **checkins,
        }
    )
    out = tmp_path / "out"
    code, text = run_cli("build", "--site", str(site), "--as-of", "2026-12-31", "--out", str(out))
    assert code == 0, text
    record = json.loads((out / "api/portfolio.json").read_text())["objectives"][0]
    assert (record["progress"], record["forecast"]) == (0.9, 0.9)
    row = next(csv.DictReader(io.StringIO((out / "api/objectives.csv").read_text())))
    assert (row["progress"], row["forecast"]) == ("0.9", "0.9")
    assert "Forecast 90% at cycle end" in _objective_page_text(out, "ops/up")
    assert "is the cycle's last day: the forecast is the progress it ends with, 90%" in (
        _objective_page_text(out, "ops/up")
    )
    # the last day with no check-in on it: the end is reached all the same
    (site / "content/checkins/ops/up/2026-12-31-final.md").unlink()
    code, text = run_cli("build", "--site", str(site), "--as-of", "2026-12-31", "--out", str(out))
    assert code == 0, text
    record = json.loads((out / "api/portfolio.json").read_text())["objectives"][0]
    assert (record["progress"], record["forecast"]) == (0.15, 0.15)
    assert "Forecast 15% at cycle end" in _objective_page_text(out, "ops/up")
    # the day before, the line through the check-ins is the forecast, as always
    code, text = run_cli("build", "--site", str(site), "--as-of", "2026-12-30", "--out", str(out))
    assert code == 0, text
    record = json.loads((out / "api/portfolio.json").read_text())["objectives"][0]
    assert (record["progress"], record["forecast"]) == (0.15, 0.203058)


def test_dashboard_stays_on_the_cycle_under_review_while_the_next_holds_drafts(
    make_site: Make, tmp_path: Path
) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "Review"\n',
            "content/objectives/sales/pipe.md": """
                ---
                title: Fill the pipe
                cycle: 2026-Q4
                key_results:
                  - {id: deals, title: Deals, start: 0, target: 40, current: 10}
                ---
            """,
            "content/objectives/sales/win.md": """
                ---
                title: Win
                cycle: 2026-Q4
                key_results:
                  - {id: won, title: Won, start: 0, target: 4, current: 4}
                ---
            """,
            "content/objectives/sales/pipe-2027-q1.md": """
                ---
                title: Fill the pipe
                cycle: 2027-Q1
                status: draft
                carried_from: sales/pipe
                key_results:
                  - {id: deals, title: Deals, start: 10, target: 40}
                ---
            """,
        }
    )
    out = tmp_path / "out"
    code, text = run_cli("build", "--site", str(site), "--as-of", "2027-01-05", "--out", str(out))
    assert code == 0, text
    raw = (out / "index.html").read_text(encoding="utf-8")
    page = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))
    assert "2026-Q4 (2026-10-01 – 2026-12-31) This cycle ended on 2026-12-31." in page
    assert "2 objectives: 1 achieved , 1 missed Other cycles: 2027-Q1" in page
    # the cycles page still lists the drafts' cycle
    assert "2027-Q1" in (out / "cycles/index.html").read_text(encoding="utf-8")


def test_exports_write_numbers_from_ten_to_the_fifteen_in_scientific_notation(
    make_site: Make, tmp_path: Path
) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "Big"\n',
            "content/objectives/o.md": """
                ---
                title: Big
                cycle: 2026-Q4
                key_results:
                  - {id: a, title: A, start: 0, target: 2000000000000000, current: 1500000000000000.25}
                  - {id: b, title: B, start: 0, target: 10000000000000000, current: 999999999999999}
                ---
            """,
        }
    )
    out = tmp_path / "out"
    code, text = run_cli("build", "--site", str(site), "--as-of", "2026-11-20", "--out", str(out))
    assert code == 0, text
    rows = list(csv.DictReader(io.StringIO((out / "api/key-results.csv").read_text())))
    assert [(r["start"], r["target"], r["current"]) for r in rows] == [
        ("0", "2e+15", "1.5000000000000002e+15"),
        ("0", "1e+16", "999999999999999"),
    ]
    portfolio = (out / "api/portfolio.json").read_text()
    assert '"target": 2e+15, "current": 1.5000000000000002e+15' in portfolio
    assert '"target": 1e+16, "current": 999999999999999' in portfolio
    assert ".0," not in portfolio and ".0}" not in portfolio
