"""Audit 45 (a BI analyst loading the exports): owners named by a team's
title, a history that kept a version check rejects, a key result's own
current without a target, a SMART goal's ``status: dropped``, and the
decimals of "Explain this score".

Each test builds a real site from real files through the CLI:

1. ``owner: Customer Success`` where ``teams/kundenerfolg.md`` has that
   title made up a person ``customer-success`` (a people page, OKR306
   telling to add the person) and left the team's own objective out of the
   team's figures; it now names the team, as ``team: Customer Success`` does.
2. ``api/history.json`` read a version with an error (``green: 7,5`` in
   ``{…}``, OKR102, which ``okrsite diff`` calls unreadable) as ``green: 7``
   and recorded two changes nobody made; that version is now skipped.
3. A key result with ``current: 55`` and no target exported ``current:
   null`` and its page never showed the 55; an export imported again lost it.
4. A goal's ``status: aufgegeben`` was ignored without a word (OKR132 now).
5. "Explain this score" wrote a key result at 0.6999996 (yellow) as "0.7".
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import run_cli, write_site
from gitrepo import Repo

from okrsite.cli import cli


def build(root: Path, as_of: str = "2026-12-05") -> tuple[Path, str]:
    out = root / "_site"
    code, text = run_cli("build", "--site", str(root), "--out", str(out), "--as-of", as_of)
    assert code == 0, text
    return out, text


def portfolio(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "api/portfolio.json").read_text("utf-8"))
    return data


def objective(text: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {text}\ncycle: 2026-Q4\n{extra}key_results:\n"
        "  - title: X\n    target: 4\n    current: 2\n---\n"
    )


# ------------------------------------------------------------------ 1


def test_an_owner_named_by_a_teams_title_is_that_team(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "t"\n',
            "content/teams/kundenerfolg.md": "---\ntitle: Customer Success\n---\n",
            "content/teams/finance.md": "---\ntitle: Finance\n---\n",
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/objectives/a.md": objective("A", "owner: Customer Success\n"),
            "content/objectives/b.md": objective("B", "owner: Finance\n"),
            "content/objectives/c.md": objective("C", "owner: Uma Diaz\nteam: Customer Success\n"),
        },
    )
    out, text = build(root)
    assert "OKR306" not in text
    assert "customer-success" not in text
    by_id = {o["id"]: o for o in portfolio(out)["objectives"]}
    assert (by_id["a"]["owner"], by_id["a"]["owner_kind"], by_id["a"]["team"]) == (
        "kundenerfolg",
        "team",
        "kundenerfolg",
    )
    assert (by_id["b"]["owner"], by_id["b"]["owner_kind"]) == ("finance", "team")
    assert (by_id["c"]["owner"], by_id["c"]["team"]) == ("uma-diaz", "kundenerfolg")
    rows = list(csv.DictReader(io.StringIO((out / "api/objectives.csv").read_text("utf-8"))))
    assert {r["id"]: (r["owner"], r["team"]) for r in rows}["a"] == ("kundenerfolg", "kundenerfolg")
    assert not (out / "people/customer-success").exists()
    # the team's own objective counts in its figures: two objectives, not one
    cycle = json.loads((out / "api/cycles/2026-Q4.json").read_text("utf-8"))
    teams = {t["team"]: t for t in cycle["teams"]}
    assert teams["kundenerfolg"]["objectives"] == 2


# ------------------------------------------------------------------ 2


def ttv(green: str) -> str:
    return (
        "---\ntitle: Time-to-Value\nunit: days\ndirection: down\ntarget: 7\n"
        f"thresholds: {{green: {green}, red: 12}}\nvalues: {{2026-11-01: 10}}\n---\n"
    )


def test_the_history_skips_a_version_with_an_error(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "t"\nas_of = "2026-12-05"\n')
    repo.write("content/kpis/ttv.md", ttv("8"))
    repo.commit("one", "alice", "2026-11-01T10:00:00+00:00")
    repo.write("content/kpis/ttv.md", ttv("7,5"))  # OKR102: read as 7 and a key 5
    repo.commit("two (typo)", "alice", "2026-11-02T10:00:00+00:00")
    repo.write("content/kpis/ttv.md", ttv('"7,5"'))
    repo.commit("three (fix)", "alice", "2026-11-03T10:00:00+00:00")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    history = json.loads((out / "api/history.json").read_text("utf-8"))
    greens = [
        (c["old"], c["new"], c.get("note"), c["message"])
        for c in history["kpis"]["ttv"]["changes"]
        if c["field"] == "green"
    ]
    assert greens == [(8, 7.5, "stricter", "three (fix)")]
    # as okrsite diff calls that version: one that cannot be read
    diff = CliRunner().invoke(cli, ["diff", "HEAD~2", "HEAD~1", "--site", str(repo.root)])
    assert "cannot be read at head" in diff.output


# ------------------------------------------------------------------ 3

TRACKED = """\
---
title: Grow outbound
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - id: calls-made
    title: Calls made
    current: 55
    unit: calls
  - id: meetings
    title: Meetings booked
    start: 0
    target: 40
    current: 12
---
"""


def kr_current(data: dict[str, Any], kr_id: str) -> Any:
    krs = {kr["id"]: kr for o in data["objectives"] for kr in o["key_results"]}
    return krs[kr_id]["current"]


def test_a_key_results_own_current_without_a_target_is_kept(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {"okrsite.toml": 'title = "t"\n', "content/objectives/grow.md": TRACKED},
    )
    out, _ = build(root)
    data = portfolio(out)
    assert kr_current(data, "calls-made") == 55
    grow = data["objectives"][0]
    assert grow["key_results"][0]["progress"] == 0  # it measures nothing
    assert grow["progress"] == 0.15  # as before: it counts 0 until it has a target
    rows = list(csv.DictReader(io.StringIO((out / "api/key-results.csv").read_text("utf-8"))))
    assert {r["kr_id"]: r["current"] for r in rows}["calls-made"] == "55"
    page = (out / "objectives/grow/index.html").read_text("utf-8")
    assert "nothing to measure yet</span>, now 55 calls" in page
    # each export imported into a new site keeps the figure
    for fmt, name in (("json", "p.json"), ("csv", "k.csv")):
        code, exported = run_cli(
            "export", "--site", str(root), "--as-of", "2026-12-05", "--format", fmt
        )
        assert code == 0, exported
        (tmp_path / name).write_text(exported, encoding="utf-8")
        again = write_site(tmp_path / f"again-{fmt}", {"okrsite.toml": 'title = "t"\n'})
        code, text = run_cli("import", str(tmp_path / name), "--site", str(again))
        assert code == 0, text
        out2, _ = build(again)
        assert kr_current(portfolio(out2), "calls-made") == 55, fmt


# ------------------------------------------------------------------ 4


def goal(status: str) -> str:
    return (
        f"---\ntitle: Altes Hilfsziel\nowner: Uma Diaz\nstatus: {status}\n"
        "due: 30.11.2026\nmeasure: {start: 0, target: 20, current: 4, unit: Schulungen}\n---\n"
        "Zwanzig Schulungen halten.\n"
    )


def test_a_goals_dropped_status_is_warned_about(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "t"\n',
            "content/goals/alt.md": goal("aufgegeben"),
            "content/goals/draft.md": goal("draft"),
            "content/goals/risky.md": goal("at risk"),
            "content/goals/plain.md": goal("active"),
        },
    )
    code, text = run_cli("check", "--site", str(root), "--as-of", "2026-12-05")
    assert code == 0, text
    assert "content/goals/alt.md:4:9: warning OKR132: status 'aufgegeben' is not used" in text
    assert "content/goals/draft.md:4:9: warning OKR132" in text
    assert "content/goals/risky.md:4:9: warning OKR122" in text
    assert "plain.md:4" not in text


# ------------------------------------------------------------------ 5

EDGE = """\
---
title: Edge
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - id: near
    title: Near yellow
    start: 0
    target: 10000000
    current: 6999996
  - id: low
    title: Low
    start: 0
    target: 10
    current: 3
---
"""


def test_explain_writes_a_key_result_by_its_grade_band(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {"okrsite.toml": 'title = "t"\n', "content/objectives/edge.md": EDGE},
    )
    out, _ = build(root, "2026-10-02")
    data = portfolio(out)
    near = data["objectives"][0]["key_results"][0]
    assert (near["progress"], near["grade"]) == (0.6999996, "yellow")
    page = (out / "objectives/edge/index.html").read_text("utf-8")
    explained = page[page.index("Explain this score") :]
    assert "1 × 0.6999996" in explained
    assert "= 0.7 " not in explained and "× 0.7 " not in explained
