"""The dashboard's "What changed" lists the newest ``dashboard_changes`` check-ins.

A large organisation's week holds thousands of check-ins (8,000 at 10,000
objectives, a dashboard of 10 MB); the dashboard lists the newest 50 and
counts the others, with a link to all check-ins. The moves it lists are the
very moves of the whole window: a value's "before" still comes from every
earlier check-in, listed or not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from okrsite.changes import recent_changes, window_changes
from okrsite.cli import cli
from okrsite.pipeline import load_site

Make = Callable[[dict[str, str | bytes]], Path]
AS_OF = date(2026, 11, 20)


def site_files(days: int, toml: str = "") -> dict[str, str | bytes]:
    """Three objectives of two teams checked in twice a day for ``days`` days up to
    as_of, and a KPI read daily, written as people write them."""
    files: dict[str, str | bytes] = {
        "okrsite.toml": f'title = "Acme"\nas_of = {AS_OF}\n{toml}',
        "content/objectives/sales/pipeline.md": """
            ---
            title: Fill the pipeline
            cycle: 2026-Q4
            owner: Uma Diaz
            key_results:
              - {id: deals, title: Qualified deals, start: 0, target: 200}
            ---
        """,
        "content/objectives/sales/renewals.md": """
            ---
            title: Renew the big accounts
            cycle: 2026-Q4
            owner: Uma Diaz
            key_results:
              - {id: renewed, title: Accounts renewed, start: 0, target: 40, current: 3}
            ---
        """,
        "content/objectives/support/speed.md": """
            ---
            title: Answer faster
            cycle: 2026-Q3
            owner: Raj Patel
            key_results:
              - {id: hours, title: First reply, start: 24, target: 4, unit: h}
            ---
        """,
        "content/kpis/nps.md": """
            ---
            title: NPS
            direction: up
            ---
        """,
    }
    first = AS_OF - timedelta(days=days - 1)
    for n in range(days):
        day = first + timedelta(days=n)
        files[f"content/checkins/{day}-uma-am.md"] = (
            f"---\nobjective: sales/pipeline\ndate: {day}\nauthor: Uma Diaz\n"
            f"confidence: {5 + n % 4}\nvalues:\n  deals: {10 + 3 * n}\n---\nMorning.\n"
        )
        files[f"content/checkins/{day}-uma-pm.md"] = (
            f"---\nobjective: sales/renewals\ndate: {day}\nauthor: Uma Diaz\n"
            f"values: {{renewed: {4 + n}}}\n---\n"
        )
        files[f"content/checkins/{day}-raj.md"] = (
            f"---\nobjective: support/speed\ndate: {day}\nauthor: Raj Patel\n"
            f"values: {{hours: {20 - n * 0.25}}}\n---\n"
        )
        files[f"content/checkins/{day}-nps.md"] = (
            f"---\nkpi: nps\ndate: {day}\nvalue: {30 + n % 5}\n---\n"
        )
    return files


def build(site: Path, out: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output


def dashboard(make_site: Make, out: Path, days: int, toml: str = "") -> tuple[list[str], str]:
    """:func:`listed` of the dashboard of a site of ``days`` days of check-ins, built."""
    build(make_site(site_files(days, toml)), out)
    return listed(out)


def listed(out: Path) -> tuple[list[str], str]:
    """The dashboard's change entries (their text) and the section's text."""
    soup = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "changes"})
    assert section is not None
    changes = section.find("ul", class_="changes")
    entries = [] if changes is None else changes.find_all("li", class_="change", recursive=False)
    return [" ".join(e.get_text(" ").split()) for e in entries], " ".join(
        section.get_text(" ").split()
    )


def test_the_newest_fifty_are_listed_and_the_others_counted(
    make_site: Make, tmp_path: Path
) -> None:
    # The dashboard's cycle is 2026-Q4 (as_of falls in it): its list holds the
    # check-ins of Q4's two objectives and every KPI check-in, not Raj's (Q3).
    site = make_site(site_files(30, "change_window_days = 30\n"))
    out = tmp_path / "out"
    build(site, out)
    entries, text = listed(out)
    # 30 days × (2 Q4 objectives + 1 KPI) = 90 in the window; the newest 50 listed
    assert len(entries) == 50
    assert "40 more check-ins from these days are not listed here." in text
    soup = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "changes"})
    assert section.find("a", string="All check-ins")["href"] == "checkins/index.html"
    # newest first: the first entry is of as_of, the last of the 17th day before it
    dates = [re.match(r"\d{4}-\d\d-\d\d", entry).group() for entry in entries]  # type: ignore[union-attr]
    assert dates[0] == "2026-11-20" and dates[-1] == "2026-11-04"
    assert dates == sorted(dates, reverse=True)


def test_the_listed_moves_are_those_of_the_whole_window(make_site: Make) -> None:
    site = make_site(site_files(30, "change_window_days = 12\n"))
    scored = load_site(site, as_of=AS_OF).scored
    assert scored is not None
    every = recent_changes(scored, cycle="2026-Q4")
    for limit in (0, 1, 5, 20, len(every), len(every) + 3):
        shown, total = window_changes(scored, cycle="2026-Q4", limit=limit)
        assert total == len(every) == 12 * 3
        assert shown == every[:limit]
    shown, total = window_changes(scored, limit=None)
    assert shown == recent_changes(scored) and total == len(shown) == 12 * 4
    # a value's "before" comes from the check-in before it, listed or not
    first_listed = every[19].values[0]
    assert first_listed.previous is not None


def test_zero_lists_every_check_in(make_site: Make, tmp_path: Path) -> None:
    toml = "dashboard_changes = 0\nchange_window_days = 30\n"
    entries, text = dashboard(make_site, tmp_path / "out", 30, toml)
    assert len(entries) == 90
    assert "more check-in" not in text


def test_a_short_week_shows_no_count(make_site: Make, tmp_path: Path) -> None:
    entries, text = dashboard(make_site, tmp_path / "out", 5)
    assert len(entries) == 15
    assert "not listed here" not in text


def test_german_counts_the_others_in_german(make_site: Make, tmp_path: Path) -> None:
    toml = 'language = "de"\ndashboard_changes = 10\nchange_window_days = 30\n'
    entries, text = dashboard(make_site, tmp_path / "out", 30, toml)
    assert len(entries) == 10
    assert "80 weitere Check-ins aus diesen Tagen sind hier nicht aufgeführt." in text


def test_a_wrong_setting_is_an_error_with_its_line(make_site: Make) -> None:
    for bad in ("-1", '"fifty"', "2.5", "true"):
        site = make_site(site_files(2, f"dashboard_changes = {bad}\n"))
        result = CliRunner().invoke(cli, ["check", "--site", str(site)])
        assert result.exit_code == 1, result.output
        assert "okrsite.toml:3:" in result.output
        assert "CFG004" in result.output
        assert "dashboard_changes must be a whole number (0 or more)" in result.output


def test_a_week_without_check_ins_of_the_cycle_says_whose_it_lists(
    make_site: Make, tmp_path: Path
) -> None:
    """A week with only a late check-in of the cycle that ended said "No
    check-ins in these days" above a "Latest check-ins" list showing it."""
    files = {
        "okrsite.toml": 'title = "Acme"\nas_of = 2027-01-08\n',
        "content/objectives/support/speed.md": """
            ---
            title: Answer faster
            cycle: 2026-Q4
            owner: Raj Patel
            key_results:
              - {id: hours, title: First reply, start: 24, target: 4, unit: h}
            ---
        """,
        "content/objectives/company/q1.md": """
            ---
            title: Q1 goal
            cycle: 2027-Q1
            owner: Raj Patel
            key_results:
              - {id: a, title: A, target: 10}
            ---
        """,
        "content/checkins/2027-01-05-late.md": (
            "---\nobjective: support/speed\ndate: 2027-01-05\nvalues: {hours: 6}\n---\n"
        ),
    }
    build(make_site(files), tmp_path / "out")
    entries, text = listed(tmp_path / "out")
    assert entries == []
    assert "Check-ins of the objectives of 2027-Q1 and of KPIs, from 2027-01-02 to 2027-01-08." in (
        text
    )
    assert "No check-ins of these in these days. All check-ins" in text
    page = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert "2027-01-05" in page.split("Latest check-ins")[1]


def test_a_check_in_without_a_confidence_shows_none(make_site: Make, tmp_path: Path) -> None:
    """A check-in that gives no confidence was listed with the objective's
    carried one ("confidence 8/10"), as if its author had said so; the list
    of all check-ins shows none for it. Now neither does the dashboard, and
    the next check-in that gives one moves from the last one given."""
    files = site_files(1)
    files["content/checkins/2026-11-18-uma.md"] = (
        "---\nobjective: sales/renewals\ndate: 2026-11-18\nauthor: Uma Diaz\n"
        "confidence: 8\nvalues: {renewed: 2}\n---\n"
    )
    files["content/checkins/2026-11-19-uma.md"] = (
        "---\nobjective: sales/renewals\ndate: 2026-11-19\nauthor: Uma Diaz\n"
        "values: {renewed: 3}\n---\n"
    )
    build(
        make_site({**files, "okrsite.toml": files["okrsite.toml"] + "change_window_days = 3\n"}),
        tmp_path / "out",
    )
    entries, _text = listed(tmp_path / "out")
    renewals = [e for e in entries if "Renew the big accounts" in e]
    assert [e[:10] for e in renewals] == ["2026-11-20", "2026-11-19", "2026-11-18"]
    today, silent, stated = renewals
    assert "confidence" not in silent and "confidence" not in today
    assert "confidence 8/10" in stated


def test_readings_of_one_day_move_from_each_other(make_site: Make, tmp_path: Path) -> None:
    """Three readings of a KPI on one day (09:00, 15:00, 17:00): the KPI has
    one value that day, the last (docs/scoring.md "KPIs"), so "What changed"
    lists it once, from the day before's value, as the KPI's page says
    "Previous 44" (it once listed 45 and 47 as values the KPI held, and as
    the previous of the next)."""
    files = site_files(1)
    files["content/kpis/csat.md"] = (
        "---\ntitle: CSAT\ndirection: up\nvalues: {2026-11-19: 44}\n---\n"
    )
    for at, value in (("09:00", 45), ("15:00", 47), ("17:00", 48)):
        files[f"content/checkins/2026-11-20-csat-{at[:2]}.md"] = (
            f"---\nkpi: csat\ndate: 2026-11-20T{at}\nvalue: {value}\n---\n"
        )
    build(make_site(files), tmp_path / "out")
    entries, _text = listed(tmp_path / "out")
    moves = [re.search(r"CSAT .*?(\d+) → (\d+)", e) for e in entries if "CSAT" in e]
    assert [m.groups() for m in moves if m] == [("44", "48")]
