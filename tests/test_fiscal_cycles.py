"""Fiscal years, halves and quarters, named as companies name them.

A company whose year starts in April plans "FY27 Q3" or "Q3 FY2027", not
"2026-Q4". With ``fiscal_year_start`` in ``okrsite.toml`` those names are
cycles, however they are spelt; without it they are an error whose hint
names the setting. Each test checks or builds a real site.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli
from okrsite.cycles import fiscal_cycle, fiscal_name
from okrsite.pipeline import load_site

AS_OF = date(2026, 11, 25)


def objective(cycle: str, title: str) -> str:
    return f"""
        ---
        title: {title}
        cycle: {cycle}
        owner: Uma Diaz
        key_results:
          - {{id: nps, title: Raise NPS, start: 30, target: 50}}
        ---
    """


def fiscal_site(tmp_path: Path, toml: str) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Fiscal"\n' + toml,
            "content/objectives/q3.md": objective("Q3 FY27", "Third quarter"),
            "content/objectives/q3-again.md": objective("fy2027-q3", "Third quarter again"),
            "content/objectives/h1.md": objective("FY27 H1", "First half"),
            "content/objectives/year.md": objective("FY 2026/27", "The fiscal year"),
            "content/objectives/calendar.md": objective("2026-Q4", "A calendar quarter"),
            "content/checkins/q3/2026-11-01.md": "---\ndate: 2026-11-01\nnps: 40\n---\n",
        },
    )


@pytest.mark.parametrize("start", ["4", '"April"', '"apr"', '"04"'])
def test_fiscal_names_are_cycles_when_the_fiscal_year_start_is_set(
    tmp_path: Path, start: str
) -> None:
    site = fiscal_site(tmp_path, f"fiscal_year_start = {start}\n")
    result = load_site(site, AS_OF)
    assert [d.render() for d in result.diagnostics if d.is_error] == []
    p = result.scored.portfolio
    assert {oid: o.cycle for oid, o in p.objectives.items()} == {
        "calendar": "2026-Q4",
        "h1": "FY2027-H1",
        "q3": "FY2027-Q3",
        "q3-again": "FY2027-Q3",
        "year": "FY2027",
    }
    spans = {name: (c.start, c.end) for name, c in p.cycles.items()}
    assert spans["FY2027-Q3"] == (date(2026, 10, 1), date(2026, 12, 31))
    assert spans["FY2027-H1"] == (date(2026, 4, 1), date(2026, 9, 30))
    assert spans["FY2027"] == (date(2026, 4, 1), date(2027, 3, 31))
    # the fiscal quarter is scored as the calendar quarter with the same days
    q3, calendar = result.scored.objectives["q3"], result.scored.objectives["calendar"]
    assert q3.expected == calendar.expected
    assert q3.progress == pytest.approx(0.5)
    assert result.scored.objectives["h1"].status == "missed"  # over before as_of


def test_the_pages_and_the_json_name_the_fiscal_cycles(tmp_path: Path) -> None:
    site = fiscal_site(tmp_path, 'fiscal_year_start = "April"\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--as-of", str(AS_OF), "--out", str(out), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "cycles" / "FY2027-Q3" / "index.html").is_file()
    page = (out / "cycles" / "FY2027-Q3" / "index.html").read_text(encoding="utf-8")
    assert "Third quarter again" in page and "First half" not in page
    data = json.loads((out / "api" / "portfolio.json").read_text(encoding="utf-8"))
    assert {o["id"]: o["cycle"] for o in data["objectives"]}["q3"] == "FY2027-Q3"


def test_without_the_setting_a_fiscal_name_is_an_error_naming_it(tmp_path: Path) -> None:
    site = fiscal_site(tmp_path, "")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--as-of", str(AS_OF)])
    assert result.exit_code == 1
    assert (
        "content/objectives/q3.md:3:8: error OKR302: unknown cycle 'Q3 FY27' (hint: set "
        "fiscal_year_start in okrsite.toml to the month your fiscal year starts "
        "(fiscal_year_start = 4 for April)"
    ) in result.output
    assert result.output.count("OKR302") == 4
    assert "Traceback" not in result.output


@pytest.mark.parametrize("start", ["13", '"Smarch"', "true", "0"])
def test_a_fiscal_year_start_that_is_no_month_is_refused(tmp_path: Path, start: str) -> None:
    site = fiscal_site(tmp_path, f"fiscal_year_start = {start}\n")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--as-of", str(AS_OF)])
    assert result.exit_code == 1
    assert "okrsite.toml:2: error CFG004: fiscal_year_start must be a month" in result.output


def test_a_cycle_defined_in_okrsite_toml_wins_over_the_fiscal_one(tmp_path: Path) -> None:
    site = fiscal_site(
        tmp_path,
        "fiscal_year_start = 4\n[cycles.FY2027-Q3]\nstart = 2026-10-05\nend = 2026-12-20\n",
    )
    cycles = load_site(site, AS_OF).scored.portfolio.cycles
    assert (cycles["FY2027-Q3"].start, cycles["FY2027-Q3"].end) == (
        date(2026, 10, 5),
        date(2026, 12, 20),
    )


def test_fiscal_names_as_people_write_them() -> None:
    names = ["FY27 Q1", "Q1 FY27", "fy2027-q1", "FY 2026/27 Q1", "FY2026-27 Q1", "FY'27 Q1"]
    assert {fiscal_name(n) for n in names} == {"FY2027-Q1"}
    assert [fiscal_name(n) for n in ("H3 FY27", "FY2026/28", "2026-Q1", "Q1")] == [None] * 4
    # a year starting in January is the calendar year; in July, FY2027 starts in 2026
    assert fiscal_cycle("FY2027-Q2", 1) is not None
    assert fiscal_cycle("FY2027-Q2", 1).start == date(2027, 4, 1)  # type: ignore[union-attr]
    assert fiscal_cycle("FY2027-Q2", 7).end == date(2026, 12, 31)  # type: ignore[union-attr]


def test_carry_names_fiscal_cycles_as_goal_files_do(tmp_path: Path) -> None:
    """``okrsite carry "Q3 FY27" "FY27 Q4"`` in a site defining no cycle of its
    own: both are fiscal quarters, and the drafts are written into FY2027-Q4."""
    site = fiscal_site(tmp_path, "fiscal_year_start = 4\n")
    result = CliRunner().invoke(
        cli,
        ["carry", "Q3 FY27", "FY27 Q4", "--dry-run", "--site", str(site), "--as-of", "2027-01-05"],
    )
    assert result.exit_code == 0, result.output
    assert "cycle: FY2027-Q4" in result.output
    assert "would carry 2 of 2 objectives into FY2027-Q4 as drafts" in result.output
