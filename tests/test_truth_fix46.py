"""Follow-ups found while merging fix 46: one truth for the current cycle,
owners' names in the portfolio export, and a time alone's hint.

Each test builds a real site from real files through the real CLI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import run_cli, write_site

from okrsite.cli import cli
from okrsite.view import site_index

OBJECTIVE_Q4 = """
    ---
    title: Answer customers faster
    cycle: 2026-Q4
    owner: Tom Lee
    key_results:
      - {id: csat, title: Satisfaction to 92, start: 81, target: 92}
    ---
    """


def test_a_time_alone_in_a_check_in_not_named_for_a_day_is_offered_as_of_s_day(
    tmp_path: Path,
) -> None:
    """``date: 9:15`` in ``weekly-notes.md``: the hint names as_of's day (in
    the running quarter), not a fixed 2026-02-10 outside every running cycle;
    a file named for a day still gets that day."""
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
            "content/objectives/support.md": OBJECTIVE_Q4,
            "content/checkins/support/weekly-notes.md": (
                "---\nobjective: support\ndate: 9:15\nvalues: {csat: 85}\n---\n"
            ),
            "content/checkins/support/2026-11-21.md": (
                "---\nobjective: support\ndate: 9:15\nvalues: {csat: 86}\n---\n"
            ),
        },
    )
    code, said = run_cli("check", "--site", str(root), "--as-of", "2026-11-25")
    assert code == 1, said
    assert "2026-02-10" not in said, said
    assert "<the day of as_of>" not in said, said
    assert "write the day too: date: 2026-11-25 9:15" in said, said
    assert "write the day too: date: 2026-11-21 9:15 (the day the file is named for)" in said, said


def _export(root: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["export", "--site", str(root), "--as-of", "2026-11-25"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_objectives_key_results_and_kpis_keep_their_owners_names_through_a_round_trip(
    tmp_path: Path,
) -> None:
    """Owners and teams known only by name (no file of their own): the export
    gives the names their pages show beside the ids, as a goal's, and import
    writes the names back, so the new site shows Zoë Ångström, not
    zoe-angstrom; exported again, the objectives are the same."""
    source = write_site(
        tmp_path / "source",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/support.md": """
                ---
                title: Answer customers faster
                cycle: 2026-Q4
                owner: Zoë Ångström
                team: Kundenerfolg & Support
                key_results:
                  - {id: csat, title: Satisfaction to 92, start: 81, target: 92, current: 85,
                     owner: zoe-angstrom}
                  - {id: first, title: First answer in 2 hours, start: 9, target: 2, current: 5,
                     owner: Jürgen Weiß}
                ---
                """,
            "content/kpis/backlog.md": """
                ---
                title: Open tickets
                owner: Zoë Ångström
                team: Kundenerfolg & Support
                direction: down
                values: {2026-11-20: 40}
                ---
                """,
        },
    )
    before = _export(source)
    (obj,) = before["objectives"]
    assert (obj["owner"], obj["owner_name"]) == ("zoe-angstrom", "Zoë Ångström")
    assert (obj["team"], obj["team_name"]) == ("kundenerfolg-support", "Kundenerfolg & Support")
    assert [kr["owner_name"] for kr in obj["key_results"]] == ["Zoë Ångström", "Jürgen Weiß"]
    (kpi,) = before["kpis"]
    assert (kpi["owner_name"], kpi["team_name"]) == ("Zoë Ångström", "Kundenerfolg & Support")
    exported = tmp_path / "portfolio.json"
    exported.write_text(json.dumps(before, ensure_ascii=False), encoding="utf-8")
    site = write_site(tmp_path / "site", {"okrsite.toml": 'title = "Imported"\n'})
    (site / "content").mkdir()
    code, said = run_cli("import", str(exported), "--site", str(site))
    assert code == 0, said
    written = (site / "content/objectives/support.md").read_text("utf-8")
    assert "owner: Zoë Ångström" in written and "team: Kundenerfolg & Support" in written
    assert "owner: zoe-angstrom" not in written
    kpi_file = (site / "content/kpis/backlog.md").read_text("utf-8")
    assert "owner: Zoë Ångström" in kpi_file and "team: Kundenerfolg & Support" in kpi_file
    after = _export(site)
    keys = ("id", "title", "cycle", "owner", "owner_kind", "owner_name", "team", "team_name")
    assert [{k: o[k] for k in keys} for o in after["objectives"]] == [
        {k: o[k] for k in keys} for o in before["objectives"]
    ]
    assert [
        [(kr["id"], kr["owner_name"], kr["progress"]) for kr in o["key_results"]]
        for o in after["objectives"]
    ] == [
        [(kr["id"], kr["owner_name"], kr["progress"]) for kr in o["key_results"]]
        for o in before["objectives"]
    ]
    assert [(m["owner_name"], m["team_name"]) for m in after["kpis"]] == [
        ("Zoë Ångström", "Kundenerfolg & Support")
    ]
    # and the new site's pages show the name
    out = tmp_path / "_site"
    code, said = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-25")
    assert code == 0, said
    assert "Zoë Ångström" in (out / "objectives/support/index.html").read_text("utf-8")


def _words(html: str, start: str = "<main", end: str = "</main>") -> str:
    html = html[html.index(start) : html.index(end)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_every_page_names_the_dashboard_s_cycle_current_around_new_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """4 January 2027: 2026-Q4 has ended and is being carried into 2027-Q1
    (drafts), the year 2027 runs with an active objective. The cycle is
    decided once (okrsite.cycle_figures.focus_cycle) and every page reads
    it: the dashboard, the cycles page's "current" and the team and person
    pages' "(current cycle)" name 2026-Q4; no export names another (neither
    api/portfolio.json nor the search index nor the feed names one at all)."""
    person = "content/people/tom-lee.md"
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            person: "---\ntitle: Tom Lee\nteam: sales\n---\n",
            "content/teams/sales.md": "---\ntitle: Sales\n---\n",
            "content/objectives/pipeline.md": """
                ---
                title: Fill the pipeline
                cycle: 2026-Q4
                owner: Tom Lee
                team: sales
                key_results:
                  - {id: deals, title: Close deals from 10 to 40, start: 10, target: 40, current: 30}
                ---
                """,
            "content/objectives/plan-2027.md": """
                ---
                title: Expand into DACH
                cycle: 2027
                owner: Tom Lee
                team: sales
                key_results:
                  - {id: partners, title: Sign 5 partners, target: 5}
                ---
                """,
        },
    )
    code, said = run_cli(
        "carry", "2026-Q4", "2027-Q1", "--site", str(root), "--as-of", "2027-01-04"
    )
    assert code == 0, said
    out = tmp_path / "_site"
    code, said = run_cli(
        "build", "--site", str(root), "--out", str(out), "--no-cache", "--as-of", "2027-01-04"
    )
    assert code == 0, said
    page = lambda rel: (out / rel).read_text("utf-8")  # noqa: E731
    dashboard = _words(page("index.html"))
    assert dashboard.startswith("Acme 2026-Q4 (2026-10-01 – 2026-12-31) This cycle ended"), (
        dashboard
    )
    current = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", line)).split(" ")[0]
        for line in page("cycles/index.html").splitlines()
        if "<strong>current</strong>" in line
    ]
    assert current == ["2026-Q4"], current
    for rel in ("teams/sales/index.html", "people/tom-lee/index.html"):
        headings = re.findall(r"<h2 [^>]*>([^<]*)(?:<span[^>]*>\(current cycle\))?", page(rel))
        marked = re.findall(r"<h2 [^>]*>[^<]*?(\S+) <span[^>]*>\(current cycle\)", page(rel))
        assert marked == ["2026-Q4"], (rel, headings)
    # the exports name no current cycle of their own to disagree with
    portfolio = json.loads(page("api/portfolio.json"))
    assert not {"current_cycle", "cycle"} & set(portfolio), list(portfolio)
    assert "current" not in page("checkins.xml").lower().replace("aria-current", "")
    # the pages decide nothing themselves: they show the core's one result
    monkeypatch.setattr(site_index, "focus_cycle", lambda scored: "2027")
    again = tmp_path / "_site_again"
    code, said = run_cli(
        "build", "--site", str(root), "--out", str(again), "--no-cache", "--as-of", "2027-01-04"
    )
    assert code == 0, said
    shown = _words((again / "index.html").read_text("utf-8"))
    assert shown.startswith("Acme 2027 (2027-01-01 – 2027-12-31)"), shown
