"""A quarter or a day typed on the command line without its year.

``okrsite new goal "Write docs" --cycle Q4`` was refused with OKR302 at a
line of a file never written, and ``okrsite checkin nps --date "Dec 4"``
with "is not a date". Typed now, both mean one period: the quarter of that
name not yet over (``Q1`` in December is next year's), the latest such day
(a person checking in late). The file gets the name or date with its
year, and the command says what it read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli, write_site

from okrsite.authoring_prompts import MomentType
from okrsite.cycle_names import part_with_year
from okrsite.cycles import FiscalCycles

DAY = date(2026, 12, 6)


def hand_written_site(tmp_path: Path, toml: str = "") -> Path:
    return write_site(
        tmp_path / "goals",
        {
            "okrsite.toml": f'title = "Goals"\nas_of = "{DAY}"\n{toml}',
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/kpis/nps.md": "---\ntitle: Net Promoter Score\ntarget: 50\n---\n",
        },
    )


@pytest.mark.parametrize(
    ("typed", "written"),
    [("Q4", "2026-Q4"), ("q1", "2027-Q1"), ("Q3", "2027-Q3"), ("H2", "2026-H2"), ("T1", "2027-Q1")],
)
def test_new_objective_takes_the_quarter_not_yet_over(
    tmp_path: Path, typed: str, written: str
) -> None:
    site = hand_written_site(tmp_path)
    code, out = run_cli(
        "new", "objective", "brand", "--title", "Make our brand known", "--owner", "Uma Diaz",
        "--cycle", typed, "--site", str(site),
    )  # fmt: skip
    assert code == 0, out
    assert f"okrsite: --cycle {typed!r} is written as {written}" in out
    text = (site / "content/objectives/brand.md").read_text(encoding="utf-8")
    assert f"cycle: {written}\n" in text
    code, out = run_cli("check", "--site", str(site))
    assert "OKR302" not in out, out


def test_new_goal_with_q4_is_written_not_refused(tmp_path: Path) -> None:
    site = hand_written_site(tmp_path)
    code, out = run_cli("new", "goal", "Write docs", "--cycle", "Q4", "--site", str(site))
    assert code == 0, out
    assert "OKR302" not in out and "not written" not in out
    assert "cycle: 2026-Q4\n" in (site / "content/goals/write-docs.md").read_text("utf-8")


def test_a_cycle_the_site_defines_by_that_name_is_kept(tmp_path: Path) -> None:
    site = hand_written_site(tmp_path, '\n[cycles.Q4]\nstart = "2026-10-01"\nend = "2026-12-31"\n')
    code, out = run_cli(
        "new", "objective", "brand", "--title", "Make our brand known", "--cycle", "Q4",
        "--site", str(site),
    )  # fmt: skip
    assert code == 0, out
    assert "is written as" not in out
    assert "cycle: Q4\n" in (site / "content/objectives/brand.md").read_text("utf-8")


def test_fiscal_site_takes_the_fiscal_quarter() -> None:
    fiscal = FiscalCycles({}, 2)  # the year starts in February: 2026-12-06 is in FY2027-Q4
    assert part_with_year("Q4", fiscal, DAY) == "FY2027-Q4"
    assert part_with_year("Q1", fiscal, DAY) == "FY2028-Q1"
    assert part_with_year("Q4", None, DAY) == "2026-Q4"
    assert part_with_year("Q5", None, DAY) is None
    assert part_with_year("2026-Q4", None, DAY) is None


def latest(month: int, day: int) -> date:
    """The latest ``month``/``day`` up to today (the machine's, as ``--date`` reads it)."""
    today = date.today()
    for year in range(today.year, today.year - 5, -1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found <= today:
            return found
    raise AssertionError


@pytest.mark.parametrize(
    ("typed", "month", "day"),
    [
        ("Dec 4", 12, 4),
        ("4. Dezember", 12, 4),
        ("4.12.", 12, 4),
        ("Jan 2", 1, 2),
        ("Feb 29", 2, 29),
    ],
)
def test_checkin_date_without_year_is_the_latest_such_day(
    tmp_path: Path, typed: str, month: int, day: int
) -> None:
    site = hand_written_site(tmp_path)
    expected = latest(month, day)
    code, out = run_cli("checkin", "nps", "--value", "41", "--date", typed, "--site", str(site))
    assert code == 0, out
    assert f"okrsite: --date {typed!r} is read as {expected}" in out
    written = site / f"content/checkins/nps/{expected}.md"
    assert f"date: {expected}\n" in written.read_text(encoding="utf-8")


def test_a_time_after_a_day_without_year_is_kept() -> None:
    moment = MomentType().convert("Dec 4 9:30", None, None)
    assert (moment.date(), moment.hour, moment.minute) == (latest(12, 4), 9, 30)  # type: ignore[union-attr]


@pytest.mark.parametrize("typed", ["December", "4", "13.13.", "Dec 4 2026x"])
def test_what_names_no_day_is_still_refused(tmp_path: Path, typed: str) -> None:
    site = hand_written_site(tmp_path)
    code, out = run_cli("checkin", "nps", "--value", "41", "--date", typed, "--site", str(site))
    assert code == 2, out
    assert "is not a date" in out or "not a date okrsite reads" in out, out
    assert not (site / "content/checkins").exists()
