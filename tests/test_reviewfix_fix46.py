"""PR review (audit 46, prreview findings 1-6): ``okrsite diff``, the
timelines and ``api/history.json`` judge one change by one rule.

1. an objective moved *out of* an ended cycle is "after … ended" (its final
   figures change) and ``--fail-on ended-cycle`` fires;
2. one moved from a running cycle *into* an ended one is "after … ended",
   never also mid-cycle, its key results' changes included, in the diff and
   the history alike;
3. a key result whose direction is reversed (``stay_below`` → ``stay_above``,
   or its ``start`` moved across its target) is "direction reversed" and
   trips ``--fail-on less-ambitious``;
4. an objective's own fields changed mid-cycle are mid-cycle in the diff,
   as on its timeline;
5. a check-in rewritten only for a renamed key result is not "moved with a
   renamed objective or KPI";
6. a KPI's ``green``/``red`` are named in the diff as on the KPI page.

Real git repositories and sites, through the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

CONFIG = 'title = "R"\nas_of = "2026-11-20"\n'
MIGRATION = "content/objectives/migration.md"
COST = "content/objectives/cost.md"
SALES = "content/objectives/sales.md"
CHECKIN = "content/checkins/2026-11-10-sales.md"


def migration(cycle: str) -> str:
    return (
        f"---\ntitle: Migrate to Postgres 16\ncycle: {cycle}\nowner: Kim Park\n"
        "key_results:\n"
        "  - {id: dbs, title: Migrate 12 databases, start: 0, target: 12}\n"
        "  - {id: docs, title: Write the runbook, done: false}\n---\n"
    )


def cost(cycle: str, target: int, owner: str = "Kim Park") -> str:
    return (
        f"---\ntitle: Cut cloud cost\ncycle: {cycle}\nowner: {owner}\nkey_results:\n"
        f"  - {{id: spend, title: Cut monthly spend, start: 120000, target: {target}}}\n"
        "  - {id: spot, title: Move batch jobs to spot, done: false}\n---\n"
    )


def run(site: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--site", str(site)], catch_exceptions=False)


def diff(site: Path, fmt: str, *revs: str, fail_on: str = "none") -> Result:
    return run(site, "diff", *revs, "--format", fmt, "--fail-on", fail_on)


def diff_json(site: Path, *revs: str) -> dict[str, Any]:
    return json.loads(diff(site, "json", *revs).stdout)


def history(site: Path, out: Path) -> dict[str, Any]:
    built = run(site, "build", "--out", str(out))
    assert built.exit_code == 0, built.output
    return json.loads((out / "api" / "history.json").read_text("utf-8"))


def entries(hist: dict[str, Any], oid: str, kr: str | None = None) -> list[dict[str, Any]]:
    rec = hist["objectives"][oid]
    return rec["key_results"][kr]["changes"] if kr else rec["changes"]


def cycle_moves(tmp_path: Path) -> Repo:
    """Q3 ended on 2026-09-30. On 11-18 ``migration`` leaves Q3 for the
    running Q4; on 11-19 ``cost`` leaves the running Q4 for the ended Q3
    and its target is eased in the same commit."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write(MIGRATION, migration("2026-Q3"))
    repo.write(COST, cost("2026-Q4", 95000))
    repo.commit("Initial", "alice", "2026-09-20T10:00:00+00:00")
    repo.write(MIGRATION, migration("2026-Q4"))
    repo.commit("Move migration to Q4", "alice", "2026-11-18T10:00:00+00:00")
    repo.write(COST, cost("2026-Q3", 96000))
    repo.commit("Move cost to Q3", "alice", "2026-11-19T10:00:00+00:00")
    return repo


def test_an_objective_moved_out_of_an_ended_cycle_changes_its_final_figures(
    tmp_path: Path,
) -> None:
    """Finding 1: the diff judged only the cycle the objective moved *to*;
    a missed Q3 objective moved to Q4 in November passed ``ended-cycle``."""
    repo = cycle_moves(tmp_path)
    site, revs = repo.root, ("HEAD~2", "HEAD~1")

    text = diff(site, "text", *revs, fail_on="errors,ended-cycle")
    assert text.exit_code == 1, text.output
    assert "after 2026-Q3 ended: its final figures change" in text.stdout
    assert "objective migration: changed after 2026-Q3 ended" in text.stdout
    md = diff(site, "markdown", *revs).stdout
    assert "**after 2026-Q3 ended**: its final figures change" in md
    [rec] = diff_json(site, *revs)["objectives"]
    assert rec["cycle_ended"] == "2026-Q3" and rec["mid_cycle"] is False

    [moved] = [
        e for e in entries(history(site, tmp_path / "out"), "migration") if e["field"] == "cycle"
    ]
    assert (moved["old"], moved["new"]) == ("2026-Q3", "2026-Q4")
    assert moved["cycle_ended"] == "2026-Q3" and moved["mid_cycle"] is False


def test_moved_into_an_ended_cycle_is_after_the_end_never_also_mid_cycle(
    tmp_path: Path,
) -> None:
    """Finding 2: the diff marked the objective "after 2026-Q3 ended" and its
    key result "mid-cycle"; the history marked the target change ended and
    the cycle change both mid-cycle and ended."""
    repo = cycle_moves(tmp_path)
    site, revs = repo.root, ("HEAD~1", "HEAD")

    text = diff(site, "text", *revs).stdout
    assert "after 2026-Q3 ended: its final figures change" in text
    assert "~ key result spend Cut monthly spend\n" in text, text
    assert "mid-cycle" not in text, text
    md = diff(site, "markdown", *revs).stdout
    assert "**after 2026-Q3 ended**" in md and "mid-cycle" not in md, md
    [rec] = diff_json(site, *revs)["objectives"]
    assert rec["cycle_ended"] == "2026-Q3" and rec["mid_cycle"] is False
    assert [kr["mid_cycle"] for kr in rec["key_results"]] == [False]

    hist = history(site, tmp_path / "out")
    [moved] = [e for e in entries(hist, "cost") if e["field"] == "cycle"]
    [target] = entries(hist, "cost", "spend")
    for entry in (moved, target):
        assert (entry["mid_cycle"], entry["cycle_ended"]) == (False, "2026-Q3"), entry
    assert target["less_ambitious"] is True


def test_an_objective_pushed_to_next_quarter_mid_cycle_is_mid_cycle_in_the_diff(
    tmp_path: Path,
) -> None:
    """Finding 4: the timeline said "cycle 2026-Q4 → 2027-Q1 mid-cycle" and
    "owner … mid-cycle"; the diff said nothing of mid-cycle."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write(COST, cost("2026-Q4", 95000))
    repo.commit("Initial", "alice", "2026-10-01T10:00:00+00:00")
    repo.write(COST, cost("2027-Q1", 95000, owner="Tom Lee"))
    repo.commit("Push to Q1 (#2)", "alice", "2026-10-09T10:00:00+00:00")
    site = repo.root

    text = diff(site, "text", "HEAD~1", "HEAD").stdout
    assert "~ objective cost Cut cloud cost (mid-cycle)" in text, text
    md = diff(site, "markdown", "HEAD~1", "HEAD").stdout
    assert "`cost` Cut cloud cost (mid-cycle)" in md, md
    [rec] = diff_json(site, "HEAD~1", "HEAD")["objectives"]
    assert rec["mid_cycle"] is True and rec["cycle_ended"] is None

    hist = history(site, tmp_path / "out")
    marked = {e["field"]: e["mid_cycle"] for e in entries(hist, "cost") if e["field"] != "created"}
    assert marked == {"cycle": True, "owner": True}


SALES_FILE = """---
title: Shorter sales cycle
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - id: cycle-days
    title: Cut the sales cycle to 60 days
    start: 74
    target: 60
    unit: days
  - id: incidents
    title: Keep escalations below 3
    stay_below: 3
  - id: arr
    title: Close 1.2M ARR
    start: 0
    target: 1200000
---
"""
SALES_CHECKIN = """---
objective: sales
date: 2026-11-10
author: Uma Diaz
values: {cycle-days: 70, incidents: 4, arr: 300000}
---
"""


def sales(tmp_path: Path, config: str = CONFIG) -> Repo:
    repo = Repo(tmp_path)
    repo.write("okrsite.toml", config)
    repo.write(SALES, SALES_FILE)
    repo.write(CHECKIN, SALES_CHECKIN)
    repo.commit("Initial", "alice", "2026-10-01T10:00:00+00:00")
    return repo


def test_a_key_result_made_done_by_reversing_its_direction_is_flagged(tmp_path: Path) -> None:
    """Finding 3: ``start: 74 → 50`` (target 60) and ``stay_below → stay_above``
    turned two failing key results "done"; the kind flip had no note, and no
    ``--fail-on`` rule fired."""
    repo = sales(tmp_path / "repo")
    eased = SALES_FILE.replace("start: 74", "start: 50").replace("stay_below: 3", "stay_above: 3")
    repo.write(SALES, eased)
    repo.commit("Reframe", "alice", "2026-11-12T10:00:00+00:00")
    site = repo.root

    gate = diff(site, "text", "HEAD~1", "HEAD", fail_on="errors,less-ambitious")
    assert gate.exit_code == 1, gate.output
    text = gate.stdout
    assert "reverses the direction of 2 key results" in text
    assert "kind: stay_below → stay_above (direction reversed)" in text
    assert "key result sales#incidents: kind stay_below → stay_above (direction reversed)" in text
    assert "key result sales#cycle-days: start 74 days → 50 days (direction reversed)" in text
    md = diff(site, "markdown", "HEAD~1", "HEAD").stdout
    assert "stay\\_below → stay\\_above" in md and "reverses the direction of 2" in md, md
    assert "(`less-ambitious`)" in md
    data = diff_json(site, "HEAD~1", "HEAD")
    flagged = {(f["rule"], f["subject"]) for f in data["findings"]}
    assert flagged == {
        ("less-ambitious", "sales#cycle-days"),
        ("less-ambitious", "sales#incidents"),
    }
    [rec] = data["objectives"]
    notes = {kr["id"]: [f["note"] for f in kr["fields"]] for kr in rec["key_results"]}
    assert notes == {"cycle-days": ["direction reversed"], "incidents": ["direction reversed"]}

    hist = history(site, tmp_path / "out")
    [kind] = entries(hist, "sales", "incidents")
    assert (kind["field"], kind.get("note")) == ("kind", "direction reversed"), kind
    [start] = entries(hist, "sales", "cycle-days")
    assert start.get("note") == "direction reversed", start

    # a German site's report says it in German
    german_repo = sales(tmp_path / "de", CONFIG + 'language = "de"\n')
    german_repo.write(SALES, eased)
    german_repo.commit("Reframe", "alice", "2026-11-12T10:00:00+00:00")
    german = diff(german_repo.root, "text", "HEAD~1", "HEAD").stdout
    assert "kehrt die Richtung von 2 Schlüsselergebnissen um" in german, german


def test_a_check_in_following_a_renamed_key_result_did_not_move(tmp_path: Path) -> None:
    """Finding 5: a check-in whose value key followed a renamed key result
    was counted as "moves 1 check-in with a renamed objective or KPI"."""
    repo = sales(tmp_path / "repo")
    repo.write(SALES, SALES_FILE.replace("id: arr", "id: new-arr"))
    repo.write(CHECKIN, SALES_CHECKIN.replace("arr: 300000", "new-arr: 300000"))
    repo.commit("Rename arr", "alice", "2026-11-12T10:00:00+00:00")
    site = repo.root

    for fmt in ("text", "markdown"):
        out = diff(site, fmt, "HEAD~1", "HEAD").stdout
        assert "updates 1 check-in for a renamed key result" in out, out
        assert "renamed objective or KPI" not in out, out
    data = diff_json(site, "HEAD~1", "HEAD")
    assert "updates 1 check-in for a renamed key result" in data["summary"]


def nps(green: int) -> str:
    return (
        "---\ntitle: Net Promoter Score\nunit: points\ndirection: up\n"
        f"thresholds: {{green: {green}, red: 20}}\nvalues: {{2026-10-01: 35}}\n---\n"
    )


def test_a_kpi_threshold_is_named_alike_in_the_diff_and_on_the_kpi_page(tmp_path: Path) -> None:
    """Finding 6: the diff said ``green: 40 points → 35 points (looser)``, the
    KPI page's history "healthy threshold 40 points → 35 points looser"."""
    for language, name in (("en", "healthy threshold"), ("de", "Schwelle für gesund")):
        repo = Repo(tmp_path / language)
        repo.write("okrsite.toml", CONFIG + f'language = "{language}"\n')
        repo.write("content/kpis/nps.md", nps(40))
        repo.commit("Initial", "alice", "2026-10-01T10:00:00+00:00")
        repo.write("content/kpis/nps.md", nps(35))
        repo.commit("Looser", "alice", "2026-11-02T10:00:00+00:00")
        site = repo.root

        for fmt in ("text", "markdown"):
            out = diff(site, fmt, "HEAD~1", "HEAD").stdout
            assert f"{name}: 40 points → 35 points" in out, out
            assert "green:" not in out, out
        [kpi] = diff_json(site, "HEAD~1", "HEAD")["kpis"]
        assert "green" in [f["field"] for f in kpi["fields"]]  # the JSON keeps the key

        built = run(site, "build", "--out", str(tmp_path / f"out-{language}"))
        assert built.exit_code == 0, built.output
        page = (tmp_path / f"out-{language}" / "kpis" / "nps" / "index.html").read_text("utf-8")
        assert f"{name} 40" in page, page
