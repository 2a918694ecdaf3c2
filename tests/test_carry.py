"""okrsite carry FROM TO on real files, checked with the real okrsite check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from okrsite.carry import carried_id
from okrsite.cli import cli
from okrsite.pipeline import load_site

Make = Callable[[dict[str, str | bytes]], Path]

SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Carry"\nas_of = 2026-10-05\n',
    "content/objectives/company/grow.md": """
        ---
        title: Grow the company
        cycle: 2026-Q3
        owner: maya-chen
        team: leadership
        tags: [growth, company]
        key_results:
          - id: arr
            title: Grow ARR from $10M to $20M
            start: 10
            target: 20
            unit: $M
          - id: logos
            title: Win 5 logos
            start: 0
            target: 5
            current: 5
          - id: product
            title: Ship the product
        initiatives:
          - {title: Hire, status: done}
          - {title: "Pricing: v2", status: active, link: "https://example.com/p"}
        ---
        Why growth matters.
    """,
    "content/objectives/sales/pipeline.md": """
        ---
        title: "Pipeline: fill it"
        cycle: 2026-Q3
        owner: bob
        team: sales
        parent: company/grow#product
        commitment: aspirational
        weight: 2
        key_results:
          - id: churn
            title: Cut churn from 5% to 2%
            start: 5
            target: 2
            unit: "%"
            weight: 3
          - id: steps
            title: Steps
            milestones:
              - {title: Shortlist, done: true}
              - {title: Sign, done: false}
          - id: launch
            title: Launch
            done: false
          - id: uptime
            title: Uptime
            stay_above: 99.9
            current: 99.0
          - id: graded
            title: Accuracy to 80%
            start: 60
            target: 80
            current: 84
            score: 0.6
        ---
    """,
    "content/objectives/sales/finished.md": """
        ---
        title: Finished
        cycle: 2026-Q3
        owner: bob
        key_results:
          - {id: a, title: A, start: 0, target: 1, current: 1}
        ---
    """,
    "content/objectives/sales/dropped.md": """
        ---
        title: Dropped
        cycle: 2026-Q3
        status: dropped
        key_results:
          - {id: a, title: A, start: 0, target: 1}
        ---
    """,
    "content/objectives/product/child.md": """
        ---
        title: Child of grow
        cycle: 2026-Q3
        parent: company/grow
        key_results:
          - {id: a, title: A, start: 0, target: 10, current: 2}
        ---
    """,
    "content/objectives/product/under-finished.md": """
        ---
        title: Under a finished one
        cycle: 2026-Q3
        parent: sales/finished
        key_results:
          - {id: a, title: A, start: 0, target: 10}
        ---
    """,
    # aligned to a key result that reached its target: that key result is not
    # carried, so the carried child aligns to the carried objective itself
    "content/objectives/product/logo-child.md": """
        ---
        title: Child of a finished key result
        cycle: 2026-Q3
        parent: company/grow#logos
        key_results:
          - {id: a, title: A, start: 0, target: 10, current: 3}
        ---
    """,
    "content/objectives/product/next.md": """
        ---
        title: Already in Q4
        cycle: 2026-Q4
        key_results:
          - {id: a, title: A, start: 0, target: 10}
        ---
    """,
    "content/checkins/2026-08-01-grow.md": """
        ---
        objective: company/grow
        date: 2026-08-01
        values: {arr: 12.5}
        ---
    """,
    "content/checkins/2026-09-20-grow.md": """
        ---
        objective: company/grow
        date: 2026-09-20
        values: {arr: 15}
        ---
    """,
    "content/checkins/2026-09-10-pipeline.md": """
        ---
        objective: sales/pipeline
        date: 2026-09-10
        values: {churn: 3.5}
        ---
    """,
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def front(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])  # type: ignore[no-any-return]


def test_carried_ids() -> None:
    assert carried_id("sales/pipeline", "2026-Q3", "2026-Q4") == "sales/pipeline-2026-q4"
    assert carried_id("sales/emea-2026-q3", "2026-Q3", "2026-Q4") == "sales/emea-2026-q4"
    assert carried_id("fy26", "FY26", "FY27") == "fy26-fy27"


def test_carry_writes_drafts_that_pass_check(make_site: Make) -> None:
    site = make_site(SITE)
    code, out = run("carry", "2026-Q3", "2026-Q4", "--site", str(site))
    assert code == 0, out
    objectives = site / "content" / "objectives"
    written = sorted(p.relative_to(objectives).as_posix() for p in objectives.rglob("*-2026-q4.md"))
    assert written == [
        "company/grow-2026-q4.md",
        "product/child-2026-q4.md",
        "product/logo-child-2026-q4.md",
        "product/under-finished-2026-q4.md",
        "sales/pipeline-2026-q4.md",
    ]
    for name in written:
        assert f"content/objectives/{name}" in out

    grow = front(objectives / "company/grow-2026-q4.md")
    assert grow["status"] == "draft" and grow["cycle"] == "2026-Q4"
    assert grow["owner"] == "maya-chen" and grow["team"] == "leadership"
    assert grow["tags"] == ["growth", "company"]
    assert grow["carried_from"] == "company/grow"
    # logos reached its target: not carried; arr starts at its last check-in value
    assert grow["key_results"] == [
        {
            "id": "arr",
            "title": "Grow ARR from $10M to $20M",
            "start": 15,
            "target": 20,
            "unit": "$M",
        },
        {"id": "product", "title": "Ship the product"},
    ]
    assert grow["initiatives"] == [
        {"title": "Pricing: v2", "status": "active", "link": "https://example.com/p"}
    ]
    assert "Why growth matters." in (objectives / "company/grow-2026-q4.md").read_text()

    pipeline = front(objectives / "sales/pipeline-2026-q4.md")
    assert pipeline["title"] == "Pipeline: fill it"
    assert pipeline["parent"] == "company/grow-2026-q4#product"  # re-pointed
    assert pipeline["commitment"] == "aspirational" and pipeline["weight"] == 2
    krs = {kr["id"]: kr for kr in pipeline["key_results"]}
    assert krs["churn"] == {
        "id": "churn",
        "title": "Cut churn from 5% to 2%",
        "start": 3.5,
        "target": 2,
        "unit": "%",
        "weight": 3,
    }
    assert krs["steps"]["milestones"] == [{"title": "Sign", "done": False}]
    assert krs["launch"]["done"] is False
    assert krs["uptime"]["stay_above"] == 99.9 and "current" not in krs["uptime"]
    # graded 0.6 though past its target: it keeps its start, so it stays "higher is better"
    assert krs["graded"]["start"] == 60 and krs["graded"]["target"] == 80
    assert "score" not in krs["graded"]

    assert front(objectives / "product/child-2026-q4.md")["parent"] == "company/grow-2026-q4"
    assert front(objectives / "product/logo-child-2026-q4.md")["parent"] == "company/grow-2026-q4"
    assert front(objectives / "product/under-finished-2026-q4.md")["parent"] == "sales/finished"

    code, out = run("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    loaded = load_site(site)
    carried = loaded.scored.portfolio.objectives["sales/pipeline-2026-q4"]
    assert carried.carried_from == "sales/pipeline"
    assert loaded.scored.objectives["sales/pipeline-2026-q4"].status == "draft"


def test_carry_never_overwrites_and_reruns_are_harmless(make_site: Make) -> None:
    site = make_site(SITE)
    assert run("carry", "2026-Q3", "2026-Q4", "--site", str(site))[0] == 0
    target = site / "content/objectives/company/grow-2026-q4.md"
    before = target.read_bytes()
    code, out = run("carry", "2026-Q3", "2026-Q4", "--site", str(site))
    assert code == 0, out
    assert "already carried" in out and "carried 0 of 5" in out
    assert target.read_bytes() == before


def test_carry_conflict_is_reported_and_not_overwritten(make_site: Make) -> None:
    site = make_site(
        {
            **SITE,
            "content/objectives/sales/pipeline-2026-q4.md": """
                ---
                title: Someone else's
                cycle: 2026-Q4
                ---
            """,
        }
    )
    code, out = run("carry", "2026-Q3", "2026-Q4", "--site", str(site))
    assert code == 1
    assert "objective 'sales/pipeline-2026-q4' already exists" in out
    assert "Someone else's" in (site / "content/objectives/sales/pipeline-2026-q4.md").read_text()
    assert (site / "content/objectives/company/grow-2026-q4.md").is_file()  # the others are written


def test_dry_run_writes_nothing(make_site: Make) -> None:
    site = make_site(SITE)
    code, out = run("carry", "2026-Q3", "2026-Q4", "--dry-run", "--site", str(site))
    assert code == 0, out
    assert "would write content/objectives/sales/pipeline-2026-q4.md" in out
    assert not list((site / "content/objectives").rglob("*-2026-q4.md"))


def test_all_carries_finished_but_not_dropped(make_site: Make) -> None:
    site = make_site(SITE)
    code, out = run("carry", "2026-Q3", "2026-Q4", "--all", "--site", str(site))
    assert code == 0, out
    objectives = site / "content/objectives"
    assert (objectives / "sales/finished-2026-q4.md").is_file()
    assert not (objectives / "sales/dropped-2026-q4.md").exists()
    # with --all the parent was carried too, so the child follows it
    assert front(objectives / "product/under-finished-2026-q4.md")["parent"] == (
        "sales/finished-2026-q4"
    )
    grow = front(objectives / "company/grow-2026-q4.md")
    assert [kr["id"] for kr in grow["key_results"]] == ["arr", "logos", "product"]
    assert run("check", "--site", str(site))[0] == 0


def test_running_cycle_carries_what_is_not_done(make_site: Make) -> None:
    site = make_site(SITE)
    code, out = run("carry", "2026-Q3", "2026-Q4", "--as-of", "2026-09-25", "--site", str(site))
    assert code == 0, out
    objectives = site / "content/objectives"
    assert (objectives / "company/grow-2026-q4.md").is_file()
    assert not (objectives / "sales/finished-2026-q4.md").exists()  # done already


def test_carry_usage_errors(make_site: Make) -> None:
    site = make_site(SITE)
    code, out = run("carry", "2026-Q3", "2031-Q9", "--site", str(site))
    assert code == 2 and "unknown cycle '2031-Q9'" in out
    code, out = run("carry", "2026-Q3", "2026-Q3", "--site", str(site))
    assert code == 2 and "same cycle" in out
    code, out = run("carry", "2026-Q1", "2026-Q2", "--site", str(site))
    assert code == 0 and "nothing to carry" in out
    # a calendar cycle no objective names yet is the usual TO
    code, out = run("carry", "2026-Q3", "2027-Q1", "--dry-run", "--site", str(site))
    assert code == 0 and "content/objectives/sales/pipeline-2027-q1.md" in out


def test_carried_from_is_checked_as_a_reference(make_site: Make) -> None:
    site = make_site(
        {
            **SITE,
            "content/objectives/product/next.md": """
                ---
                title: Already in Q4
                cycle: 2026-Q4
                carried_from: product/chlid
                ---
            """,
            "content/objectives/product/self.md": """
                ---
                title: Self
                cycle: 2026-Q4
                carried_from: product/self
                ---
            """,
        }
    )
    code, out = run("check", "--site", str(site))
    assert code == 1
    assert "product/next.md" in out and "OKR303" in out and "did you mean 'product/child'" in out
    assert "OKR308" in out and "carried from itself" in out


def test_carry_into_a_cycle_without_letters_is_refused(make_site: Make) -> None:
    site = make_site(
        {
            **SITE,
            "okrsite.toml": SITE["okrsite.toml"]
            + '[cycles."~"]\nstart = 2027-01-01\nend = 2027-03-31\n',
        }  # type: ignore[operator]
    )
    code, out = run("carry", "2026-Q3", "~", "--site", str(site))
    assert code == 2 and "no letters or digits" in out
