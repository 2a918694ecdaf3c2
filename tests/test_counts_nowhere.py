"""What counts nowhere shows no grade or figure, in every output.

Draft and dropped objectives and key results count nowhere (docs/scoring.md),
and before its cycle's first day an objective is neither achieved nor
missed, so it is not red either. One rule (``scoring.counted_grade``): a
draft, dropped or upcoming objective or key result has no grade, in
``api/portfolio.json``, the CSVs, a cycle's scorecard and on its page; its
progress stays in the exports. A badge and a search entry of a draft or
dropped one show its status and no figure, as the pages do; the list of
cycles labels upcoming and ended cycles. Built from a real site on disk
through the CLI.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

AS_OF = "2026-12-04"


def _objective(title: str, cycle: str, status: str = "active", extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\nowner: Uma Diaz\nteam: Sales\ncycle: {cycle}\n"
        f"status: {status}\nkey_results:\n"
        "  - {id: deals, title: Deals, target: 10, current: 5}\n"
        "  - {id: calls, title: Calls, target: 10, current: 5}\n"
        f"{extra}---\n"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = write_site(
        tmp_path_factory.mktemp("counts") / "site",
        {
            "okrsite.toml": f'title = "Acme"\nas_of = "{AS_OF}"\n',
            "content/objectives/sales/live.md": _objective(
                "Live",
                "2026-Q4",
                extra="  - {id: gone, title: Gone, target: 10, current: 5, status: dropped}\n",
            ),
            "content/objectives/sales/entwurf.md": _objective("Entwurf", "2026-Q4", "draft"),
            "content/objectives/sales/verworfen.md": _objective("Verworfen", "2026-Q4", "dropped"),
            "content/objectives/sales/next.md": (
                "---\ntitle: Next\nowner: Uma Diaz\nteam: Sales\ncycle: 2027-Q1\n"
                "key_results:\n  - {id: deals, title: Deals, target: 10}\n"
                "  - {id: calls, title: Calls, target: 10}\n---\n"
            ),
            "content/objectives/sales/old.md": _objective("Old", "2026-Q3"),
        },
    )
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--no-history"])
    assert result.exit_code == 0, result.output
    return site / "_site"


def _json(out: Path, rel: str) -> Any:
    return json.loads((out / rel).read_text("utf-8"))


def _csv(out: Path, rel: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / rel).read_text("utf-8"))))


def _badge(out: Path, oid: str) -> str:
    found = re.search(r'aria-label="([^"]*)"', (out / f"badges/{oid}.svg").read_text("utf-8"))
    assert found is not None
    return found.group(1)


def test_badges_of_drafts_and_dropped_show_the_status_alone(built: Path) -> None:
    assert _badge(built, "sales/entwurf") == "sales/entwurf: draft"
    assert _badge(built, "sales/verworfen") == "sales/verworfen: dropped"
    assert _badge(built, "sales/live").startswith("sales/live: 50% ")
    assert _badge(built, "sales/next") == "sales/next: 0% upcoming"


def test_search_entries_of_what_counts_nowhere_have_no_figure(built: Path) -> None:
    items = _json(built, "search-index.json")["items"]
    objectives = {x["i"]: x for x in items if x["k"] == "objective"}
    assert "p" not in objectives["sales/entwurf"] and objectives["sales/entwurf"]["s"] == "draft"
    assert "p" not in objectives["sales/verworfen"]
    assert objectives["sales/verworfen"]["s"] == "dropped"
    assert objectives["sales/live"]["p"] == 50
    krs = {(x["j"], x["i"]): x for x in items if x["k"] == "kr"}
    assert "p" not in krs[("Live", "gone")] and krs[("Live", "gone")]["s"] == "dropped"
    assert krs[("Live", "deals")]["p"] == 50
    assert "p" not in krs[("Entwurf", "deals")]


def test_portfolio_json_gives_no_grade_to_draft_dropped_or_upcoming(built: Path) -> None:
    objectives = {o["id"]: o for o in _json(built, "api/portfolio.json")["objectives"]}
    for oid in ("sales/entwurf", "sales/verworfen"):
        assert objectives[oid]["progress"] == 0.5  # the figure stays: it is what the files say
        assert objectives[oid]["grade"] is None
        assert [kr["grade"] for kr in objectives[oid]["key_results"]] == [None, None]
    assert objectives["sales/next"]["status"] == "upcoming"
    assert objectives["sales/next"]["grade"] is None
    assert [kr["grade"] for kr in objectives["sales/next"]["key_results"]] == [None, None]
    live = objectives["sales/live"]
    assert live["grade"] == "yellow"
    assert {kr["id"]: kr["grade"] for kr in live["key_results"]} == {
        "deals": "yellow",
        "calls": "yellow",
        "gone": None,
    }


def test_csv_exports_leave_the_grade_cell_empty(built: Path) -> None:
    rows = {r["id"]: r for r in _csv(built, "api/objectives.csv")}
    assert {oid: rows[oid]["grade"] for oid in sorted(rows)} == {
        "sales/entwurf": "",
        "sales/live": "yellow",
        "sales/next": "",
        "sales/old": "yellow",
        "sales/verworfen": "",
    }
    assert rows["sales/entwurf"]["progress"] == "0.5"
    krs = _csv(built, "api/key-results.csv")
    grades = {(r["objective_id"], r["kr_id"]): r["grade"] for r in krs}
    assert grades[("sales/entwurf", "deals")] == ""
    assert grades[("sales/next", "deals")] == ""
    assert grades[("sales/live", "gone")] == "yellow"  # the objective's grade, as its row says


def test_an_upcoming_cycles_scorecard_has_no_grades(built: Path) -> None:
    card = _json(built, "api/cycles/2027-Q1.json")
    summary = card["summary"]
    assert (summary["achieved"], summary["missed"], summary["grade"]) == (None, None, None)
    assert summary["grades"] == {"red": 0, "yellow": 0, "green": 0}
    assert [(o["id"], o["grade"]) for o in card["objectives"]] == [("sales/next", None)]
    rows = _csv(built, "api/cycles/2027-Q1.csv")
    assert [(r["objective_id"], r["status"], r["grade"]) for r in rows] == [
        ("sales/next", "upcoming", "")
    ]
    running = _json(built, "api/cycles/2026-Q4.json")
    assert running["summary"]["grades"] == {"red": 0, "yellow": 1, "green": 0}
    assert {o["id"]: o["grade"] for o in running["objectives"]} == {
        "sales/entwurf": None,
        "sales/live": "yellow",
        "sales/verworfen": None,
    }


def _facts(out: Path, oid: str) -> dict[str, str]:
    soup = BeautifulSoup((out / f"objectives/{oid}/index.html").read_text("utf-8"), "html.parser")
    facts = soup.select_one("dl.facts")
    assert facts is not None
    return {
        d.dt.get_text(strip=True): re.sub(r"\s+", " ", d.dd.get_text()).strip()
        for d in facts.find_all("div")
        if d.dt is not None and d.dd is not None
    }


def test_an_upcoming_or_draft_objective_page_shows_no_grade(built: Path) -> None:
    assert _facts(built, "sales/next")["Grade"] == "–"
    assert _facts(built, "sales/entwurf")["Grade"] == "–"
    assert _facts(built, "sales/live")["Grade"] == "0.5 yellow"
    page = (built / "objectives/sales/next/index.html").read_text("utf-8")
    assert "≤ green → no grade" in page


def test_the_cycle_list_labels_upcoming_and_ended_cycles(built: Path) -> None:
    soup = BeautifulSoup((built / "cycles/index.html").read_text("utf-8"), "html.parser")
    meta = {
        li.select_one("a.obj-title").get_text(strip=True): re.sub(
            r"\s+", " ", li.select_one(".meta").get_text()
        ).strip()
        for li in soup.select("li.obj")
    }
    assert meta["2027-Q1"].endswith("· 1 objective · upcoming")
    assert meta["2026-Q4"].endswith("· 3 objectives · current")
    assert meta["2026-Q3"].endswith("· 1 objective · ended")


def test_the_cycle_labels_are_translated(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "Acme"\nas_of = "{AS_OF}"\nlanguage = "de"\n',
            "content/objectives/next.md": _objective("Next", "2027-Q1"),
            "content/objectives/old.md": _objective("Old", "2026-Q3"),
        },
    )
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--no-history"])
    assert result.exit_code == 0, result.output
    page = (site / "_site/cycles/index.html").read_text("utf-8")
    assert 'data-cycle-state="upcoming">bevorstehend<' in page
    assert 'data-cycle-state="over">beendet<' in page


def test_moved_least_leaves_out_an_objective_weighing_nothing(tmp_path: Path) -> None:
    """An objective with ``weight: 0`` weighs nothing in its cycle's figure
    (docs/scoring.md), so its key results are not among the cycle's "moved
    least", as key results with ``weight: 0`` are not (docs/review.md)."""
    umbrella = _objective("Umbrella", "2026-Q4", extra="weight: 0\n").replace(
        "current: 5", "current: 1"
    )
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "Acme"\nas_of = "{AS_OF}"\n',
            "content/objectives/sales/live.md": _objective("Live", "2026-Q4"),
            "content/objectives/sales/umbrella.md": umbrella,
        },
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    card = json.loads((out / "api/cycles/2026-Q4.json").read_text(encoding="utf-8"))
    assert {(m["objective"], m["key_result"]) for m in card["least_moved"]} == {
        ("sales/live", "deals"),
        ("sales/live", "calls"),
    }
    page = BeautifulSoup((out / "cycles/2026-Q4/index.html").read_bytes(), "html.parser")
    least = page.select_one("table.scorecard-least")
    assert least is not None and "Umbrella" not in least.get_text()
