"""Where the history says figures come from, in the cases a team meets in practice:
a key result dropped from the file, a CSV file moved, a ``current:`` committed
days after it was written, a goal pushed out of a running quarter, and a CI
checkout of depth 1 (which holds one commit that seems to add every file).

Each test builds a real git repository commit by commit (``tests/gitrepo.py``)
and holds ``api/history.json`` and the pages to figures worked out by hand.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

OBJECTIVE = """\
---
title: Grow EMEA
cycle: {cycle}
owner: alice
key_results:
  - id: revenue
    title: Reach 200k EUR revenue
    start: 100
    target: 200
    unit: k EUR
{extra}---
"""

ONBOARDING = """\
  - id: onboarding
    title: Ship the new onboarding
    start: 0
    target: {target}
"""


def day(d: str) -> str:
    return f"{d}T10:00:00+00:00"


def objective(cycle: str = "2026-Q1", extra: str = "") -> str:
    return OBJECTIVE.format(cycle=cycle, extra=extra)


def build(site: Path, out: Path, *extra: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return json.loads((out / "api/history.json").read_text())


def test_a_removed_key_result_keeps_its_changes_in_the_json(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-03-01\n")
    repo.write("content/objectives/emea.md", objective(extra=ONBOARDING.format(target=10)))
    repo.commit("Start", "alice", day("2025-12-20"))
    repo.write("content/objectives/emea.md", objective(extra=ONBOARDING.format(target=8)))
    eased = repo.commit("Fewer onboardings", "bob", day("2026-01-10"))
    repo.write("content/objectives/emea.md", objective())
    dropped = repo.commit("Drop onboarding", "carol", day("2026-02-01"))
    data = build(repo.root, tmp_path / "out")
    krs = data["objectives"]["emea"]["key_results"]
    assert set(krs) == {"revenue", "onboarding"}
    gone = krs["onboarding"]
    assert gone["source"] is None
    assert [(c["commit"], c["field"], c["old"], c["new"]) for c in gone["changes"]] == [
        (eased, "target", 10, 8),
        (dropped, "key_result", "Ship the new onboarding", None),
    ]
    assert [c["mid_cycle"] for c in gone["changes"]] == [True, True]
    assert gone["changes"][0]["less_ambitious"] is True


def test_a_current_value_says_when_it_was_committed_not_written(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-03-01\n")
    repo.write("content/objectives/emea.md", objective())
    repo.commit("Start", "alice", day("2025-12-20"))
    text = objective().replace("    unit: k EUR\n", "    unit: k EUR\n    current: 150\n")
    repo.write("content/objectives/emea.md", text)
    h = repo.commit("Revenue so far", "bob", day("2026-01-05"), committed=day("2026-01-25"))
    data = build(repo.root, tmp_path / "out")
    source = data["objectives"]["emea"]["key_results"]["revenue"]["source"]
    assert (source["kind"], source["commit"], source["author"], source["committed"]) == (
        "current",
        h,
        "Bob Stone",
        "2026-01-25",
    )
    page = (tmp_path / "out/objectives/emea/index.html").read_text()
    assert "committed by <bdi>Bob Stone</bdi> on 2026-01-25" in page


def test_a_moved_csv_file_keeps_the_commits_of_its_rows(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-03-01\n")
    kpi = "---\ntitle: Ticket age\nunit: h\ndirection: down\ndata: {data}\n---\n"
    repo.write("content/kpis/age.md", kpi.format(data="data/age.csv"))
    repo.write("content/data/age.csv", "date,value\n2026-01-01,30\n2026-02-01,24\n")
    wrote = repo.commit("Ticket age", "alice", day("2026-02-02"))
    repo.git("mv", "content/data/age.csv", "content/data/support-age.csv")
    repo.write("content/kpis/age.md", kpi.format(data="data/support-age.csv"))
    repo.commit("Tidy the data folder", "dave", day("2026-02-10"))
    source = build(repo.root, tmp_path / "out")["kpis"]["age"]["source"]
    assert (source["kind"], source["file"], source["date"]) == (
        "csv",
        "content/data/support-age.csv",
        "2026-02-01",
    )
    assert (source["commit"], source["author"]) == (wrote, "Alice Ng")
    # a row added after the move is the adder's
    repo.write(
        "content/data/support-age.csv", "date,value\n2026-01-01,30\n2026-02-01,24\n2026-03-01,20\n"
    )
    added = repo.commit("March", "eve", day("2026-03-01"))
    source = build(repo.root, tmp_path / "out2")["kpis"]["age"]["source"]
    assert (source["commit"], source["author"], source["date"]) == (added, "Eve Moss", "2026-03-01")


def test_pushing_a_goal_out_of_a_running_quarter_is_mid_cycle(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-03-01\n")
    repo.write("content/objectives/emea.md", objective("2026-Q1"))
    repo.commit("Start", "alice", day("2025-12-20"))
    repo.write("content/objectives/emea.md", objective("2026-Q2"))
    pushed = repo.commit("Not this quarter", "bob", day("2026-02-14"))
    repo.write("content/objectives/emea.md", objective("2026-Q3"))
    again = repo.commit("Nor the next, decided early", "bob", day("2026-02-20"))
    changes = build(repo.root, tmp_path / "out")["objectives"]["emea"]["changes"]
    moves = [
        (c["commit"], c["old"], c["new"], c["mid_cycle"]) for c in changes if c["field"] == "cycle"
    ]
    # Q1 was running on 2026-02-14; neither Q2 nor Q3 had started on 2026-02-20
    assert moves == [(pushed, "2026-Q1", "2026-Q2", True), (again, "2026-Q2", "2026-Q3", False)]


def test_a_clone_of_depth_one_credits_nobody_with_what_came_before_it(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-03-01\n")
    repo.write("content/objectives/emea.md", objective())
    repo.commit("Start", "alice", day("2025-12-20"))
    checkin = "---\nobjective: emea\ndate: 2026-01-05\nvalues: {revenue: 120}\n---\n"
    repo.write("content/checkins/emea/2026-01-05.md", checkin)
    repo.commit("Check in on time", "alice", day("2026-01-05"))
    repo.write("content/kpis/nps.md", "---\ntitle: NPS\nvalues:\n  2026-01-01: 30\n---\n")
    repo.commit("Unrelated KPI", "bob", day("2026-02-20"))

    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True
    )
    cache = tmp_path / "cache"
    data = build(clone, tmp_path / "out", "--cache-dir", str(cache))
    assert (data["shallow"], data["commits_seen"]) == (True, 1)
    # Bob's commit is the clone's only one: it did not create the objective,
    # nor commit the check-in seven weeks after its date
    assert data["objectives"]["emea"]["changes"] == []
    assert data["kpis"]["nps"]["changes"] == []
    [entry] = data["checkins"]
    assert (entry["author"], entry["committed"], entry["backdated"]) == (None, None, False)
    source = data["objectives"]["emea"]["key_results"]["revenue"]["source"]
    assert (source["commit"], source["before_history"], source["backdated"]) == (None, True, False)
    page = (tmp_path / "out/objectives/emea/index.html").read_text()
    assert "committed before the oldest commit this shallow clone holds" in page
    assert "not committed yet" not in page and "backdated" not in page
    feed = (tmp_path / "out/checkins.xml").read_text()
    assert "Backdated" not in feed

    # the whole history fetched, with the same cache: the real story
    subprocess.run(["git", "-C", str(clone), "fetch", "-q", "--unshallow"], check=True)
    data = build(clone, tmp_path / "out2", "--cache-dir", str(cache))
    assert (data["shallow"], data["commits_seen"]) == (False, 3)
    created = data["objectives"]["emea"]["changes"][0]
    assert (created["field"], created["author"], created["date"]) == (
        "created",
        "Alice Ng",
        "2025-12-20",
    )
    [entry] = data["checkins"]
    assert (entry["author"], entry["committed"], entry["backdated"]) == (
        "Alice Ng",
        "2026-01-05",
        False,
    )


def test_a_check_in_whose_figure_was_put_right_later_names_that_commit(tmp_path: Path) -> None:
    """A check-in corrected from 12 to 15 in a later commit: its figure's
    source named the commit that first wrote the file, with the old author
    and no pull request, and was never backdated. A commit that changes only
    its note leaves the source alone."""
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-03-01\n")
    repo.write("content/objectives/emea.md", objective())
    repo.write(
        "content/checkins/2026-01-05-emea.md",
        "---\nobjective: emea\ndate: 2026-01-05\nvalues: {revenue: 120}\n---\nFirst.\n",
    )
    first = repo.commit("Start", "alice", day("2026-01-05"))
    data = build(repo.root, tmp_path / "out1")
    source = data["objectives"]["emea"]["key_results"]["revenue"]["source"]
    assert (source["commit"], source["backdated"]) == (first, False)
    repo.write(
        "content/checkins/2026-01-05-emea.md",
        "---\nobjective: emea\ndate: 2026-01-05\nvalues: {revenue: 150}\n---\nFirst.\n",
    )
    fixed = repo.commit("Put the revenue right (#21)", "bob", day("2026-01-20"))
    repo.write(
        "content/checkins/2026-01-05-emea.md",
        "---\nobjective: emea\ndate: 2026-01-05\nvalues: {revenue: 150}\n---\nFirst, fixed.\n",
    )
    repo.commit("Typo in the note", "carol", day("2026-01-25"))
    data = build(repo.root, tmp_path / "out2")
    source = data["objectives"]["emea"]["key_results"]["revenue"]["source"]
    assert (source["commit"], source["author"], source["pr"], source["backdated"]) == (
        fixed,
        "Bob Stone",
        "#21",
        True,  # 15 days after the date it claims, more than backdate_days (7)
    )
    (checkin,) = data["checkins"]
    assert (checkin["committed"], checkin["backdated"]) == ("2026-01-20", True)
