"""The cycle page is the quarterly scorecard, and it says what the data says.

The example site is built through the CLI; every figure the scorecard
section of a cycle page shows is read back from the HTML and compared with
``api/cycles/<cycle>.json`` of the same build, which is written from the same
core record: one truth, two forms.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner
from conftest import REPO

from okrsite.cli import cli
from okrsite.view.formatting import percent

AS_OF = "2026-11-20"


def build(site: Path, out: Path, as_of: str = AS_OF) -> None:
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", as_of]
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(REPO / "content", root / "site/content")
    shutil.copy(REPO / "okrsite.toml", root / "site/okrsite.toml")
    build(root / "site", root / "out")
    return root / "out"


def shown_pct(value: float | None) -> str:
    return "–" if value is None else f"{percent(value)}%"


def figure(scope: Tag, name: str, **attrs: str) -> str:
    selector = "".join(f'[data-{k.replace("_", "-")}="{v}"]' for k, v in attrs.items())
    cell = scope.select_one(f'{selector}[data-figure="{name}"]')
    assert cell is not None, (name, attrs)
    return cell.get_text(" ", strip=True)


def scorecard_of(out: Path, cycle: str) -> tuple[Tag, dict[str, Any]]:
    page = BeautifulSoup((out / f"cycles/{cycle}/index.html").read_text(), "html.parser")
    card = page.select_one("section.scorecard")
    assert card is not None
    data = json.loads((out / f"api/cycles/{cycle}.json").read_text())
    return card, data


@pytest.mark.parametrize("cycle", ["2026-Q3", "2026-Q4"])
def test_scorecard_figures_are_the_json_figures(example: Path, cycle: str) -> None:
    card, data = scorecard_of(example, cycle)
    summary = data["summary"]
    counts = card.select_one(".scorecard-counts")
    assert counts is not None
    for name in ("achieved", "missed", "counted"):
        dd = counts.select_one(f'[data-figure="{name}"] dd')
        assert dd is not None and dd.get_text(strip=True) == str(summary[name]), name
    grades = {td["data-grade"]: int(td.get_text()) for td in card.select(".scorecard-grades td")}
    assert grades == summary["grades"]

    table = card.select_one(".scorecard-commitment")
    assert table is not None
    for kind, row in data["commitment"].items():
        # the success level as a percentage (100% | 70%), not as "1 | 0.7"
        success = figure(table, "success", commitment=kind)
        assert success.endswith("%")
        assert float(success.removesuffix("%")) / 100 == pytest.approx(row["success"])
        for name in ("counted", "achieved", "missed"):
            assert figure(table, name, commitment=kind) == str(row[name])
        assert figure(table, "progress", commitment=kind) == shown_pct(row["progress"])
    assert [th["data-commitment"] for th in table.select("thead th[data-commitment]")] == [
        "committed",
        "aspirational",
    ]

    rows = card.select(".scorecard-teams tbody tr")
    assert [r["data-team"] for r in rows] == [t["team"] for t in data["teams"]]
    for row, team in zip(rows, data["teams"], strict=True):
        assert row.select_one("th").get_text(strip=True) == team["title"]  # type: ignore[union-attr]
        for name in ("counted", "achieved", "missed"):
            assert figure(row, name) == str(team[name])
        assert figure(row, "progress") == shown_pct(team["progress"])
        assert figure(row, "expected") == shown_pct(team["expected"])
        shown = {td["data-grade"]: int(td.get_text()) for td in row.select("td[data-grade]")}
        assert shown == team["grades"]

    least = card.select(".scorecard-least tbody tr")
    assert [r["data-key-result"] for r in least] == [
        f"{m['objective']}#{m['key_result']}" for m in data["least_moved"]
    ]
    for row, m in zip(least, data["least_moved"], strict=True):
        assert figure(row, "progress") == shown_pct(m["progress"])
        assert figure(row, "checkins") == str(m["checkins"])
        assert m["title"] in row.get_text()

    kpis = card.select(".scorecard-kpis tbody tr")
    assert [r["data-kpi"] for r in kpis] == [k["id"] for k in data["kpis"]]
    for row, k in zip(kpis, data["kpis"], strict=True):
        cell = row.select_one('[data-figure="health"]')
        assert cell is not None and cell["data-health"] == k["health"]


def test_finished_cycle_is_final_and_running_one_a_labelled_preview(example: Path) -> None:
    q3, q3_data = scorecard_of(example, "2026-Q3")
    q4, q4_data = scorecard_of(example, "2026-Q4")
    assert q3_data["final"] is True and q4_data["final"] is False
    assert q3.select_one(".scorecard-state.preview") is None
    assert "ended" in q3.get_text()
    preview = q4.select_one(".scorecard-state.preview")
    assert preview is not None and "Preview" in preview.get_text()
    assert "would be achieved" in q4.get_text() and "would be achieved" not in q3.get_text()


def test_cycle_page_keeps_the_filtered_objective_list(example: Path) -> None:
    page = BeautifulSoup((example / "cycles/2026-Q4/index.html").read_text(), "html.parser")
    data = json.loads((example / "api/cycles/2026-Q4.json").read_text())
    assert page.select_one(".list-filters") is not None
    items = page.select("ul.objs > li.obj[data-cycle]")
    assert len(items) == len(data["objectives"])


UPCOMING = {
    "okrsite.toml": "as_of = 2026-11-20\n",
    "content/objectives/plan.md": """
        ---
        title: Plan & <ship>
        cycle: 2027-Q1
        owner: Ana Lima
        key_results:
          - {id: a, title: Ship it, start: 0, target: 10}
        ---
    """,
}


def test_a_cycle_not_yet_started_has_no_scorecard(make_site: Any, tmp_path: Path) -> None:
    site = make_site(UPCOMING)
    out = tmp_path / "out"
    build(site, out)
    page = (out / "cycles/2027-Q1/index.html").read_text()
    assert 'class="scorecard"' not in page
    assert "Plan &amp; &lt;ship&gt;" in page


CHECKLIST = {
    "okrsite.toml": 'title = "Docs"\n',
    "content/objectives/product/api.md": """
        ---
        title: Ship the public API
        cycle: 2026-Q3
        owner: Li Wei
        key_results:
          - id: docs
            title: API docs written
            milestones:
              - {title: Reference, done: true}
              - Tutorials
          - id: users
            title: Reach 40 API users
            target: 40
            current: 38
        ---
    """,
}


def test_a_checklist_has_one_target_on_the_scorecard_and_in_every_export(
    make_site: Any, tmp_path: Path
) -> None:
    """A checklist's target is its number of milestones in portfolio.json and
    key-results.csv; the scorecard (page, JSON, CSV) said nothing ("1 / –",
    ``null``) where the export said 2."""
    site = make_site(CHECKLIST)
    out = tmp_path / "out"
    build(site, out)
    card, data = scorecard_of(out, "2026-Q3")
    least = {m["key_result"]: m for m in data["least_moved"]}
    assert (least["docs"]["current"], least["docs"]["target"]) == (1, 2)
    portfolio = json.loads((out / "api/portfolio.json").read_text())
    docs = portfolio["objectives"][0]["key_results"][0]
    assert (docs["id"], docs["current"], docs["target"]) == ("docs", 1, 2)
    row = card.select_one('.scorecard-least tr[data-key-result="product/api#docs"]')
    assert row is not None
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert "1 / 2" in cells


MONEY = {
    "okrsite.toml": 'title = "Money"\n',
    "content/objectives/sales/revenue.md": """
        ---
        title: Close the year strong
        cycle: 2026-Q3
        owner: Uma Diaz
        key_results:
          - {id: rev, title: Revenue, start: 0, target: "$1.5M", current: "$1,499,950"}
          - {id: side, title: Side bet, target: 1000, current: 75, weight: 0}
        ---
    """,
}


def test_least_moved_leaves_out_weight_0_and_keeps_the_currency_sign(
    make_site: Any, tmp_path: Path
) -> None:
    """A key result with ``weight: 0`` counts nowhere, so it is not among the
    counted key results that moved least (it topped the list); a current
    value in ``$`` keeps its sign beside the target (``$1,499,950 / $1,500,000``,
    not ``1,499,950 / $1,500,000``)."""
    site = make_site(MONEY)
    out = tmp_path / "out"
    build(site, out, as_of="2026-10-01")
    card, data = scorecard_of(out, "2026-Q3")
    assert [m["key_result"] for m in data["least_moved"]] == ["rev"]
    assert card.select_one('.scorecard-least tr[data-key-result="sales/revenue#side"]') is None
    row = card.select_one('.scorecard-least tr[data-key-result="sales/revenue#rev"]')
    assert row is not None
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert "$1,499,950 / $1,500,000" in cells
