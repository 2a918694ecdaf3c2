"""A ``score:`` grades a key result by hand; it overrides the progress, never the
current value. A checklist keeps its number of milestones done and a yes/no
key result its ``done:`` in every export (api/portfolio.json,
api/key-results.csv, api/cycles/<cycle>.json), as the objective page shows
"1 of 2 milestones (graded 0.7)"."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from conftest import run_cli, write_site

Make = Callable[[dict[str, str | bytes]], Path]


def _site(scored: bool) -> dict[str, str | bytes]:
    crm = ", score: 0.7" if scored else ""
    launch = ", score: 0.5" if scored else ""
    first = ", score: 0.25" if scored else ""
    return {
        "okrsite.toml": "as_of = 2026-02-15\n",
        "content/objectives/review.md": f"""
            ---
            title: Q4 review
            cycle: 2025-Q4
            owner: Uma Diaz
            key_results:
              - {{id: crm, title: Roll out CRM, milestones: ["[x] Pick a tool", Migrate data]{crm}}}
              - {{id: launch, title: Public launch, done: true{launch}}}
              - {{id: leads, title: Leads, start: 0, target: 10, current: 4{first}}}
            ---
        """,
    }


def _build(root: Path) -> Path:
    out = root / "out"
    code, output = run_cli("build", "--site", str(root / "site"), "--out", str(out))
    assert code == 0, output
    return out


def _currents(out: Path) -> dict[str, dict[str, Any]]:
    """kr id → its current in each export (and the page's key-result row text)."""
    portfolio = json.loads((out / "api/portfolio.json").read_text(encoding="utf-8"))
    (obj,) = portfolio["objectives"]
    rows = list(csv.DictReader(io.StringIO((out / "api/key-results.csv").read_text("utf-8"))))
    card = json.loads((out / "api/cycles/2025-Q4.json").read_text(encoding="utf-8"))
    least = {m["key_result"]: m["current"] for m in card["least_moved"]}
    page = BeautifulSoup(
        (out / "objectives/review/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    found: dict[str, dict[str, Any]] = {}
    for kr in obj["key_results"]:
        row = page.select_one(f"#kr-{kr['id']}")
        assert row is not None
        found[kr["id"]] = {
            "json": kr["current"],
            "csv": next(r["current"] for r in rows if r["kr_id"] == kr["id"]),
            "least_moved": least.get(kr["id"], "not listed"),
            "page": " ".join(row.get_text(" ").split()),
        }
    return found


def test_score_keeps_the_current_of_every_kind(tmp_path: Path) -> None:
    write_site(tmp_path / "graded", {f"site/{k}": v for k, v in _site(True).items()})
    write_site(tmp_path / "plain", {f"site/{k}": v for k, v in _site(False).items()})
    graded = _currents(_build(tmp_path / "graded"))
    plain = _currents(_build(tmp_path / "plain"))

    # the checklist's current is the number done, the yes/no one's its done: value
    assert graded["crm"]["json"] == 1
    assert graded["crm"]["csv"] == "1"
    assert graded["launch"]["json"] == 1
    assert graded["launch"]["csv"] == "1"
    assert graded["leads"]["json"] == 4
    assert graded["leads"]["csv"] == "4"
    for kid in ("crm", "launch", "leads"):
        assert graded[kid]["least_moved"] in (plain[kid]["json"], "not listed"), kid
    # the cycle's scorecard lists the lowest progress first: all three here
    assert graded["crm"]["least_moved"] == 1
    assert graded["launch"]["least_moved"] == 1
    assert graded["leads"]["least_moved"] == 4
    # a score changes no export's current: the same as without one
    for kid in ("crm", "launch", "leads"):
        for where in ("json", "csv"):
            assert graded[kid][where] == plain[kid][where], (kid, where)
        assert plain[kid]["least_moved"] == graded[kid]["least_moved"], kid
    # and the page says what the exports say
    assert "1 of 2 milestones" in graded["crm"]["page"]
    assert "graded 0.7" in graded["crm"]["page"]
    assert "graded 0.5" in graded["launch"]["page"]


def test_export_command_agrees(make_site: Make) -> None:
    site = make_site(_site(True))
    code, output = run_cli("export", "--site", str(site))
    assert code == 0, output
    (obj,) = json.loads(output)["objectives"]
    assert {kr["id"]: kr["current"] for kr in obj["key_results"]} == {
        "crm": 1,
        "launch": 1,
        "leads": 4,
    }
    code, output = run_cli("export", "--site", str(site), "--format", "csv")
    assert code == 0, output
    rows = csv.DictReader(io.StringIO(output))
    assert {r["kr_id"]: r["current"] for r in rows} == {"crm": "1", "launch": "1", "leads": "4"}


def test_a_graded_yes_no_key_result_reads_done_as_its_check_in_says(make_site: Any) -> None:
    """done: false in the file, a check-in's yes, and a score: the export's
    current is 1 and every page says done, as without the score."""
    site = make_site(
        {
            "okrsite.toml": 'title = "Acme"\nas_of = 2026-02-15\n',
            "content/objectives/review.md": "---\ntitle: Q4 review\ncycle: 2025-Q4\n"
            "owner: Uma Diaz\nkey_results:\n"
            "  - {id: launch, title: Public launch, done: false, score: 0.5}\n---\n",
            "content/checkins/review/2025-12-01.md": "---\nobjective: review\n"
            "values: {launch: yes}\n---\n",
        }
    )
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    data = json.loads((out / "api/portfolio.json").read_text("utf-8"))
    assert data["objectives"][0]["key_results"][0]["current"] == 1
    page = (out / "objectives/review/index.html").read_text("utf-8")
    row = page[page.index('id="kr-launch"') :]
    row = row[: row.index("</tr>")]
    assert "not done" not in row and "done" in row
