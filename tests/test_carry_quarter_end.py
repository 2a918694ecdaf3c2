"""``okrsite carry`` at a quarter's end, as audit 43 met it: a TO that is no
later cycle, titles that say their start in forms the sentence reader does
not read, a folder named as people name folders, a key result's owner and
description, a KPI already past its target, and a quarter written without
its year. Each through the real CLI on real files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from okrsite.cli import cli

Make = Callable[[dict[str, str | bytes]], Path]

QUARTER = """
    ---
    title: Quarter goal
    cycle: 2026-Q4
    owner: Uma Diaz
    key_results:
      - title: Close 40 deals
        target: 40
        current: 30
      - title: Ship it
        done: false
    ---
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def front(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])  # type: ignore[no-any-return]


def written(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site / "content").as_posix() for p in (site / "content").rglob("*.md")
    )


def test_carry_refuses_a_to_that_does_not_start_after_from_ends(make_site: Make) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "M"\nas_of = 2027-01-05\nfiscal_year_start = "April"\n',
            "content/objectives/quarter.md": QUARTER,
        }
    )
    before = written(site)
    for to in ("2026-Q3", "2026-H2", "FY2027-Q3", "2026"):
        code, out = run("carry", "2026-Q4", to, "--site", str(site))
        assert code == 2, (to, out)
        assert "does not start after 2026-Q4 (2026-10-01 – 2026-12-31) ends" in out, out
        assert "name a cycle that starts on or after 2027-01-01" in out, out
    code, out = run("carry", "2026-Q4", "2026-Q3", "--dry-run", "--site", str(site))
    assert code == 2 and "2026-Q3 (2026-07-01 – 2026-09-30)" in out, out
    assert written(site) == before
    code, out = run("carry", "2026-Q4", "2027-Q1", "--site", str(site))
    assert code == 0, out


def test_carry_names_the_year_a_quarter_needs(make_site: Make) -> None:
    site = make_site(
        {"okrsite.toml": 'title = "M"\nas_of = 2027-01-05\n', "content/objectives/q.md": QUARTER}
    )
    code, out = run("carry", "Q4", "2027-Q1", "--site", str(site))
    assert code == 2, out
    # the example is in the year of as_of (2027-01-05), not a fixed 2026
    assert "unknown cycle 'Q4': a quarter or half needs its year: write it like 2027-Q4" in out
    code, out = run("carry", "2026-Q4", "h1", "--site", str(site))
    assert code == 2 and "write it like 2027-H1" in out, out


RETENTION = """
    ---
    title: Keep customers
    cycle: 2026-Q4
    owner: Uma Diaz
    key_results:
      - id: reviews
        title: Review the health of 100% of accounts every month (from 35%)
        start: 35
        target: 100
        current: 60
        unit: "%"
      - id: churn
        title: Reduce churn 3% to 2%
        start: 3
        target: 2
        current: 2.5
        unit: "%"
        owner: Tom Lee
        description: Finance's monthly figure.
      - id: other
        title: Answer tickets faster (from 40 hours)
        start: 30
        target: 10
        current: 20
        unit: h
      - id: mrr
        title: Grow MRR from $180,000 to $250,000
        start: 180000
        target: 250000
        current: 212345.67
        unit: $
      - id: cost
        title: Cut cost from 3.5k to 1k EUR
        start: 3500
        target: 1000
        current: 2234.5
        unit: EUR
    ---
"""
HIRING = """
    ---
    title: Grow the team
    cycle: 2026-Q4
    owner: Tom Lee
    key_results:
      - id: range
        title: Hire 3 to 5 engineers
        start: 0
        target: 4
        current: 1
      - id: onboard
        title: Onboard them
        done: false
    ---
"""


def carried_retention(make_site: Make) -> tuple[Path, str, dict[str, dict[str, Any]]]:
    """The site of the audit's repro carried into 2027-Q1: the site, the
    output and the draft's key results by id (wherever the draft was written)."""
    site = make_site(
        {
            "okrsite.toml": 'title = "M"\nas_of = 2027-01-05\n',
            "content/objectives/Customer Success/Retention.md": RETENTION,
            "content/objectives/Customer Success/hiring.md": HIRING,
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
        }
    )
    code, out = run("carry", "2026-Q4", "2027-Q1", "--site", str(site))
    assert code == 0, out
    (path,) = (site / "content").rglob("retention-2027-q1.md")
    return site, out, {kr["id"]: kr for kr in front(path)["key_results"]}


def test_carry_writes_into_the_source_files_folder(make_site: Make) -> None:
    site, out, _ = carried_retention(make_site)
    # one team, one folder: beside the source, as the file system spells it
    assert written(site) == [
        "objectives/Customer Success/Retention.md",
        "objectives/Customer Success/hiring-2027-q1.md",
        "objectives/Customer Success/hiring.md",
        "objectives/Customer Success/retention-2027-q1.md",
        "people/tom-lee.md",
        "people/uma-diaz.md",
    ]
    assert "wrote content/objectives/Customer Success/retention-2027-q1.md" in out
    code, out = run("carry", "2026-Q4", "2027-Q1", "--site", str(site))
    assert code == 0 and out.count("already carried") == 2, out
    code, out = run("check", "--strict", "--site", str(site))
    assert code == 0, out


def test_carry_rewrites_or_drops_every_start_a_title_says(make_site: Make) -> None:
    site, _, krs = carried_retention(make_site)
    assert krs["reviews"]["title"] == (
        "Review the health of 100% of accounts every month (from 60%)"
    )
    assert krs["reviews"]["start"] == 60
    assert krs["churn"]["title"] == "Reduce churn 2.5% to 2%" and krs["churn"]["start"] == 2.5
    # not the key result's start (30 h): dropped, with its brackets
    assert krs["other"]["title"] == "Answer tickets faster" and krs["other"]["start"] == 20
    # the title's own number style; the start rounded as the key result writes it
    assert krs["mrr"]["title"] == "Grow MRR from $212,346 to $250,000"
    assert krs["mrr"]["start"] == 212346
    # a title in thousands: one decimal more than it shows
    # 4.5 from 2234.5 is within 1% of the 1,234.5 left (review.md)
    assert krs["cost"]["title"] == "Cut cost from 2.23k to 1k EUR"
    assert krs["cost"]["start"] == 2230
    # a range that is not the key result's figures is left alone
    (hiring,) = (site / "content").rglob("hiring-2027-q1.md")
    assert front(hiring)["key_results"][0]["title"] == "Hire 3 to 5 engineers"
    code, out = run("check", "--strict", "--site", str(site))
    assert "OKR409" not in out, out


def test_carry_keeps_a_key_results_owner_and_description(make_site: Make) -> None:
    _, _, krs = carried_retention(make_site)
    assert krs["churn"]["owner"] == "Tom Lee"
    assert krs["churn"]["description"] == "Finance's monthly figure."
    assert "owner" not in krs["reviews"] and "description" not in krs["reviews"]


def test_carry_starts_a_kpi_key_result_at_the_kpis_reading_and_says_when_it_is_past(
    make_site: Make,
) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "M"\nas_of = 2027-01-31\n',
            "content/kpis/nps.md": """
                ---
                title: Net promoter score
                unit: points
                target: 40
                values: {2026-10-01: 30, 2026-12-01: 36, 2027-01-05: 45}
                ---
            """,
            "content/kpis/csat.md": """
                ---
                title: CSAT
                target: 90
                values: {2026-10-01: 70, 2026-12-01: 75, 2027-01-20: 80}
                ---
            """,
            "content/objectives/cx.md": """
                ---
                title: Delight customers
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - id: nps
                    title: Raise NPS from 30 to 40
                    kpi: nps
                    start: 30
                    target: 40
                  - id: csat
                    title: Raise CSAT from 70 to 90
                    kpi: csat
                    start: 70
                    target: 90
                  - id: guide
                    title: Guide shipped
                    done: true
                ---
            """,
        }
    )
    code, out = run("carry", "2026-Q4", "2027-Q1", "--site", str(site))
    assert code == 0, out
    assert (
        "note: cx-2027-q1#nps: KPI nps already reads 45 points (2027-01-05), at or past "
        "the target 40 points: raise the target" in out
    ), out
    assert "csat: KPI" not in out
    draft = front(site / "content/objectives/cx-2027-q1.md")
    krs = {kr["id"]: kr for kr in draft["key_results"]}
    # the KPI's reading at as_of, not the ended quarter's 75
    assert krs["csat"]["start"] == 80 and krs["csat"]["title"] == "Raise CSAT from 80 to 90"
    # past the target: the start stays (a reading past it would turn the key
    # result round into "lower is better"), and the note says to raise the target
    assert krs["nps"]["start"] == 30 and krs["nps"]["target"] == 40
    code, dry = run("carry", "2026-Q4", "2027-Q1", "--dry-run", "--site", str(site))
    assert code == 0 and "already carried" in dry, dry
