"""The dashboard's cycle across New Year (audit 46, finding 1).

review.md promises that during ``okrsite carry FROM TO`` the dashboard stays
on FROM until an objective of TO is active. On a site with annual and
quarterly objectives it did not: on 4 January the year 2027 (running,
active) took the dashboard from the ended 2026-Q4, and with an annual 2026
objective the year 2026, ended the same day, did. Now a running cycle longer
than the cycle that ended last does not take the dashboard from it (for at
most half as long as that one lasted), and of the cycles that ended on one
day the one being carried is chosen. Real sites through the real CLI.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli, write_site

Q4 = """
    ---
    title: Fill the pipeline
    cycle: 2026-Q4
    owner: Tom Lee
    key_results:
      - id: deals
        title: Close deals from 10 to 40
        start: 10
        target: 40
        current: 30
    ---
    """

YEAR_2027 = """
    ---
    title: Expand into DACH
    cycle: 2027
    owner: Tom Lee
    key_results:
      - id: partners
        title: Sign 5 partners
        target: 5
    ---
    """

YEAR_2026 = """
    ---
    title: Grow the company
    cycle: 2026
    owner: Tom Lee
    key_results:
      - id: revenue
        title: Revenue from 1 to 3
        start: 1
        target: 3
        current: 2
    ---
    """


def dashboard(root: Path, as_of: str) -> str:
    """The dashboard's ``<main>`` as words, built as of a day."""
    out = root / f"_site-{as_of}"
    code, said = run_cli(
        "build", "--site", str(root), "--out", str(out), "--no-cache", "--as-of", as_of
    )
    assert code == 0, said
    html = (out / "index.html").read_text("utf-8")
    html = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def carry(root: Path, source: str, target: str, as_of: str) -> None:
    code, said = run_cli("carry", source, target, "--site", str(root), "--as-of", as_of)
    assert code == 0, said


def test_a_running_year_does_not_take_the_dashboard_from_the_ended_quarter(
    tmp_path: Path,
) -> None:
    """The audit's site: 2026-Q4 carried into 2027-Q1 on 4 January while an
    annual 2027 objective is active."""
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/pipeline.md": Q4,
            "content/objectives/plan-2027.md": YEAR_2027,
        },
    )
    # the last day of the year: the quarter runs, the year 2027 is to come
    assert dashboard(root, "2026-12-31").startswith("Acme 2026-Q4 (2026-10-01 – 2026-12-31)")
    carry(root, "2026-Q4", "2027-Q1", "2027-01-04")
    for day in ("2027-01-01", "2027-01-04", "2027-02-15"):
        page = dashboard(root, day)
        assert page.startswith("Acme 2026-Q4 (2026-10-01 – 2026-12-31) This cycle ended"), page
        assert "67%" in page, page
    # the review is not for ever: half as long as the quarter lasted (46 days)
    assert dashboard(root, "2027-02-16").startswith("Acme 2027 (2027-01-01 – 2027-12-31)")
    # once an objective of 2027-Q1 is active, the new quarter is shown
    draft = root / "content/objectives/pipeline-2027-q1.md"
    draft.write_text(draft.read_text("utf-8").replace("status: draft", "status: active"), "utf-8")
    assert dashboard(root, "2027-01-04").startswith("Acme 2027-Q1 (2027-01-01 – 2027-03-31)")


def test_of_a_quarter_and_its_year_ended_together_the_carried_one_is_shown(
    tmp_path: Path,
) -> None:
    """2026 and 2026-Q4 both end on 31 December: the longest is chosen (the
    year's review), unless the quarter is the one being carried."""
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/pipeline.md": Q4,
            "content/objectives/grow.md": YEAR_2026,
        },
    )
    assert dashboard(root, "2026-12-28").startswith("Acme 2026-Q4 (2026-10-01 – 2026-12-31)")
    assert dashboard(root, "2027-01-04").startswith("Acme 2026 (2026-01-01 – 2026-12-31)")
    carry(root, "2026-Q4", "2027-Q1", "2027-01-04")
    page = dashboard(root, "2027-01-04")
    assert page.startswith("Acme 2026-Q4 (2026-10-01 – 2026-12-31) This cycle ended"), page


def test_the_carried_year_is_shown_while_its_drafts_wait(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/pipeline.md": Q4,
            "content/objectives/grow.md": YEAR_2026,
        },
    )
    carry(root, "2026", "2027", "2027-01-04")
    page = dashboard(root, "2027-01-04")
    assert page.startswith("Acme 2026 (2026-01-01 – 2026-12-31) This cycle ended"), page


def test_sprints_inside_a_quarter_keep_the_ended_sprint_under_review(tmp_path: Path) -> None:
    """A two-week sprint ended inside the running 2027-Q1, the next sprint
    has only drafts: the quarter around it does not take the dashboard from
    the sprint's review for a week; a running sprint would."""
    sprint = Q4.replace("cycle: 2026-Q4", "cycle: sprint-1").replace("pipeline", "sprint")
    quarter = Q4.replace("cycle: 2026-Q4", "cycle: 2027-Q1")
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n\n'
            "[cycles.sprint-1]\nstart = 2027-01-04\nend = 2027-01-17\n\n"
            "[cycles.sprint-2]\nstart = 2027-01-18\nend = 2027-01-31\n",
            "content/objectives/sprint.md": sprint,
            "content/objectives/quarter.md": quarter,
        },
    )
    assert dashboard(root, "2027-01-17").startswith("Acme sprint-1 (2027-01-04 – 2027-01-17)")
    carry(root, "sprint-1", "sprint-2", "2027-01-18")
    page = dashboard(root, "2027-01-19")
    assert page.startswith("Acme sprint-1 (2027-01-04 – 2027-01-17) This cycle ended"), page
    assert dashboard(root, "2027-01-25").startswith("Acme 2027-Q1 (2027-01-01 – 2027-03-31)")
    (drafted,) = (root / "content/objectives").glob("*sprint-2*.md")
    drafted.write_text(drafted.read_text("utf-8").replace("status: draft", "status: active"))
    assert dashboard(root, "2027-01-19").startswith("Acme sprint-2 (2027-01-18 – 2027-01-31)")


def test_the_next_cycle_of_the_same_kind_takes_the_dashboard_though_a_few_days_longer(
    tmp_path: Path,
) -> None:
    """Cycles of one kind differ by days: 2026-Q2 has 91 days, 2026-Q1 90;
    March 31, February 28; 2028 has 366 days, 2027 365; H2 184, H1 181. The
    next one running with an active objective is the new work begun, so it
    takes the dashboard the day it starts (the verification audit of session
    46 found the ended quarter kept for six weeks into Q2 and Q3)."""
    pairs = [
        ("2026-Q1", "2026-Q2", "2026-04-01", ""),
        ("2026-Q2", "2026-Q3", "2026-07-02", ""),
        ("2026-02", "2026-03", "2026-03-03", ""),
        ("2027", "2028", "2028-01-05", ""),
        (
            "h1",
            "h2",
            "2026-07-03",
            "[cycles.h1]\nstart = 2026-01-01\nend = 2026-06-30\n\n"
            "[cycles.h2]\nstart = 2026-07-01\nend = 2026-12-31\n",
        ),
    ]
    for ended, running, day, cycles in pairs:
        root = write_site(
            tmp_path / ended,
            {
                "okrsite.toml": 'title = "Acme"\n\n' + cycles,
                "content/objectives/old.md": Q4.replace("cycle: 2026-Q4", f"cycle: {ended}"),
                "content/objectives/new.md": Q4.replace("cycle: 2026-Q4", f"cycle: {running}"),
            },
        )
        page = dashboard(root, day)
        assert page.startswith(f"Acme {running} ("), (ended, running, page[:120])
