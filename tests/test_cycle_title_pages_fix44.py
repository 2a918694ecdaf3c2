"""A custom cycle's ``title`` names it on every page (audit 44, fiscal #8).

The dashboard and cycles page said "Sprint 7 (Feb/Mär)" while team and
person pages said "Objectives in FY28 Sprint 7", "… in a row in FY28 Sprint
7" and "Cycles: FY28 Sprint 7 · …"; every page now names a cycle by its
title, in English and German. Built sites, through the real CLI.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli, write_site

SPRINT_TOML = """
    title = "Acme"
    language = "{language}"
    as_of = "2028-02-20"
    fiscal_year_start = 4

    [cycles."FY28 Sprint 7"]
    start = "2028-02-16"
    end = "2028-03-01"
    title = "Sprint 7 (Feb/Mär)"
    """

SPRINT_OBJECTIVE = """
    ---
    title: Ship the pricing page
    cycle: FY28 Sprint 7
    owner: Uma Diaz
    team: Growth
    key_results:
      - {id: pages, title: Pages shipped, start: 0, target: 4}
    ---
    """

QUARTER_OBJECTIVE = """
    ---
    title: Grow signups
    cycle: FY2028-Q4
    owner: Uma Diaz
    team: Growth
    key_results:
      - {id: signups, title: Signups from 100 to 200, start: 100, target: 200}
    ---
    """


def page_text(page: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.read_text("utf-8")))


@pytest.mark.parametrize(
    "language, heading, streak, cycles",
    [
        (
            "en",
            "Objectives in Sprint 7 (Feb/Mär) (current cycle)",
            "Check-in streak: 1 week in a row in Sprint 7 (Feb/Mär)",
            "Cycles: Sprint 7 (Feb/Mär) · FY2028-Q4",
        ),
        (
            "de",
            "Ziele in Sprint 7 (Feb/Mär) (laufender Zyklus)",
            "in Folge in Sprint 7 (Feb/Mär)",
            "Zyklen: Sprint 7 (Feb/Mär) · FY2028-Q4",
        ),
    ],
)
def test_a_cycle_title_names_the_cycle_on_team_and_person_pages(
    tmp_path: Path, language: str, heading: str, streak: str, cycles: str
) -> None:
    root = write_site(
        tmp_path / "s",
        {
            "okrsite.toml": SPRINT_TOML.format(language=language),
            "content/objectives/growth/pricing.md": SPRINT_OBJECTIVE,
            "content/objectives/growth/signups.md": QUARTER_OBJECTIVE,
            "content/checkins/growth/pricing/2028-02-17.md": (
                "---\ndate: 2028-02-17\nauthor: Uma Diaz\nvalues: {pages: 1}\n---\n"
            ),
        },
    )
    code, out = run_cli("build", "--no-cache", "--site", str(root))
    assert code == 0, out
    site = root / "_site"
    for page in (site / "teams/growth/index.html", site / "people/uma-diaz/index.html"):
        text = page_text(page)
        assert cycles in text, text
        assert streak in text, text
        assert "FY28 Sprint 7" not in text, text  # the name stays in links only
    team = page_text(site / "teams/growth/index.html")
    assert heading in team, team
