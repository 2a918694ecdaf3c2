"""A check-in that only followed a rename keeps the commits that wrote its figures.

docs/site.md: a figure's commit is "the commit that last changed that
figure", and a check-in is backdated "when the commit that last changed any
of what it says (its values, value or confidence) was". A key result's id
renamed (``id: b`` → ``id: bookings``) with the check-ins rewritten to say
``bookings`` changes no figure; nor does an objective moved with its
check-ins change where a checklist's milestones come from (the check-in
``okrsite checkin`` wrote with them, under its new id). Real git
repositories, built by the real CLI.
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
title: Obj
cycle: 2026-Q4
owner: Uma Diaz
team: Sales
key_results:
  - id: {b}
    title: Bookings
    target: 10
  - id: c
    title: Calls
    target: 10
---
"""

CHECKIN = "---\ndate: 2026-11-02\nvalues: {{{b}: {bv}, c: {cv}}}\n---\n"
OBJ_FILE = "content/objectives/a/o.md"
CHECKIN_FILE = "content/checkins/a/o/2026-11-02.md"


def day(d: str) -> str:
    return f"{d}T10:00:00+00:00"


def build(site: Path, out: Path, as_of: str) -> dict[str, Any]:
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", as_of]
    )
    assert result.exit_code == 0, result.output
    return json.loads((out / "api/history.json").read_text())


def source(data: dict[str, Any], oid: str, kr: str) -> tuple[Any, ...]:
    got = data["objectives"][oid]["key_results"][kr]["source"]
    return (got["kind"], got["id"], got["commit"], got["author"], got["pr"])


def source_dates(data: dict[str, Any], oid: str, kr: str) -> tuple[Any, ...]:
    got = data["objectives"][oid]["key_results"][kr]["source"]
    return (got["committed"], got["backdated"])


def checkin_entry(data: dict[str, Any]) -> tuple[Any, ...]:
    (entry,) = data["checkins"]
    return (entry["commit"], entry["author"], entry["pr"], entry["committed"], entry["backdated"])


def started(tmp_path: Path, bv: int = 3) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "")
    repo.write(OBJ_FILE, OBJECTIVE.format(b="b"))
    repo.write(CHECKIN_FILE, CHECKIN.format(b="b", bv=bv, cv=4))
    return repo, repo.commit("Start", "alice", day("2026-11-02"))


def test_a_key_result_renamed_with_its_check_in_keeps_the_figures_commits(
    tmp_path: Path,
) -> None:
    repo, first = started(tmp_path)
    repo.write(OBJ_FILE, OBJECTIVE.format(b="bookings"))
    repo.write(CHECKIN_FILE, CHECKIN.format(b="bookings", bv=3, cv=4))
    repo.commit("Rename b", "bob", day("2026-11-20"))

    result = CliRunner().invoke(cli, ["diff", "--site", str(repo.root), "HEAD~1", "HEAD"])
    assert "key result: b → bookings (follows rename)" in result.output, result.output

    data = build(repo.root, tmp_path / "out", "2026-11-20")
    assert checkin_entry(data) == (first, "Alice Ng", None, "2026-11-02", False)
    for kr in ("bookings", "c"):
        assert source(data, "a/o", kr) == ("check-in", "a/o/2026-11-02", first, "Alice Ng", None)
        assert source_dates(data, "a/o", kr) == ("2026-11-02", False)
    page = (tmp_path / "out/objectives/a/o/index.html").read_text()
    assert "backdated" not in page.lower()
    feed = (tmp_path / "out/checkins.xml").read_text()
    assert "Backdated" not in feed


def test_a_corrected_check_in_renamed_later_keeps_the_correction(tmp_path: Path) -> None:
    repo, first = started(tmp_path)
    repo.write(CHECKIN_FILE, CHECKIN.format(b="b", bv=5, cv=4))
    fixed = repo.commit("Correct deals (#7)", "bob", day("2026-11-03"))
    repo.write(OBJ_FILE, OBJECTIVE.format(b="bookings"))
    repo.write(CHECKIN_FILE, CHECKIN.format(b="bookings", bv=5, cv=4))
    repo.commit("Rename b", "dave", day("2026-11-22"))

    data = build(repo.root, tmp_path / "out", "2026-11-22")
    assert checkin_entry(data) == (fixed, "Bob Stone", "#7", "2026-11-03", False)
    assert source(data, "a/o", "bookings") == (
        "check-in",
        "a/o/2026-11-02",
        fixed,
        "Bob Stone",
        "#7",
    )
    assert source_dates(data, "a/o", "bookings") == ("2026-11-03", False)
    assert source(data, "a/o", "c") == ("check-in", "a/o/2026-11-02", first, "Alice Ng", None)


def test_a_check_in_that_follows_an_earlier_rename_changes_nothing(tmp_path: Path) -> None:
    """The key result renamed first, its check-in put right in a later commit."""
    repo, first = started(tmp_path)
    repo.write(OBJ_FILE, OBJECTIVE.format(b="bookings"))
    repo.commit("Rename b", "bob", day("2026-11-10"))
    repo.write(CHECKIN_FILE, CHECKIN.format(b="bookings", bv=3, cv=4))
    repo.commit("Check-in follows the rename", "carol", day("2026-11-20"))

    data = build(repo.root, tmp_path / "out", "2026-11-20")
    assert checkin_entry(data) == (first, "Alice Ng", None, "2026-11-02", False)
    assert source(data, "a/o", "bookings") == (
        "check-in",
        "a/o/2026-11-02",
        first,
        "Alice Ng",
        None,
    )


def test_a_renamed_figure_keeps_its_commit_when_another_changes(tmp_path: Path) -> None:
    """The rename followed and ``c`` put right in one commit: ``c`` is that
    commit's (and the check-in backdated by it); ``bookings`` is not."""
    repo, first = started(tmp_path)
    repo.write(OBJ_FILE, OBJECTIVE.format(b="bookings"))
    repo.write(CHECKIN_FILE, CHECKIN.format(b="bookings", bv=3, cv=6))
    fixed = repo.commit("Rename b, correct calls (#9)", "bob", day("2026-11-20"))

    data = build(repo.root, tmp_path / "out", "2026-11-20")
    assert checkin_entry(data) == (fixed, "Bob Stone", "#9", "2026-11-20", True)
    assert source(data, "a/o", "bookings") == (
        "check-in",
        "a/o/2026-11-02",
        first,
        "Alice Ng",
        None,
    )
    assert source_dates(data, "a/o", "bookings") == ("2026-11-02", False)
    assert source(data, "a/o", "c") == ("check-in", "a/o/2026-11-02", fixed, "Bob Stone", "#9")
    assert source_dates(data, "a/o", "c") == ("2026-11-20", True)


PIPELINE = """\
---
title: Pipeline
cycle: 2026-Q4
owner: Uma Diaz
team: Sales
key_results:
  - id: launch
    title: Launch
    milestones:
      - Design
      - Build
---
"""


def test_a_moved_objective_keeps_the_check_in_its_milestones_came_from(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "")
    repo.write("content/objectives/pipeline.md", PIPELINE)
    repo.commit("Start", "alice", day("2026-11-02"))
    result = CliRunner().invoke(
        cli,
        ["checkin", "pipeline", "--site", str(repo.root), "--set", "launch=Design"]
        + ["--date", "2026-11-28"],
    )
    assert result.exit_code == 0, result.output
    wrote = repo.commit("Check in", "bob", day("2026-11-28"))
    data = build(repo.root, tmp_path / "out1", "2026-11-30")
    assert source(data, "pipeline", "launch") == (
        "check-in",
        "pipeline/2026-11-28",
        wrote,
        "Bob Stone",
        None,
    )

    repo.git("mv", "content/objectives/pipeline.md", "content/objectives/funnel.md")
    repo.git("mv", "content/checkins/pipeline", "content/checkins/funnel")
    moved = repo.root / "content/checkins/funnel/2026-11-28.md"
    text = moved.read_text()
    assert "objective: pipeline" in text
    moved.write_text(text.replace("objective: pipeline", "objective: funnel"))
    repo.commit("Pipeline is now funnel", "carol", day("2026-11-29"))

    data = build(repo.root, tmp_path / "out2", "2026-11-30")
    assert source(data, "funnel", "launch") == (
        "check-in",
        "funnel/2026-11-28",
        wrote,
        "Bob Stone",
        None,
    )
    got = data["objectives"]["funnel"]["key_results"]["launch"]["source"]
    assert got["file"] == "content/checkins/funnel/2026-11-28.md"


def test_a_shallow_clone_knows_a_rename_changed_no_figure(tmp_path: Path) -> None:
    """The commit that wrote the check-in is older than the clone's oldest:
    the rename, which the clone holds, still wrote none of its figures."""
    repo, _first = started(tmp_path)
    repo.write("content/kpis/nps.md", "---\ntitle: NPS\nvalues:\n  2026-11-01: 30\n---\n")
    repo.commit("Unrelated KPI", "carol", day("2026-11-05"))
    repo.write(OBJ_FILE, OBJECTIVE.format(b="bookings"))
    repo.write(CHECKIN_FILE, CHECKIN.format(b="bookings", bv=3, cv=4))
    repo.commit("Rename b", "bob", day("2026-11-20"))
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone)], check=True
    )

    data = build(clone, tmp_path / "out", "2026-11-20")
    assert data["shallow"] is True
    (entry,) = data["checkins"]
    assert (entry["commit"], entry["committed"], entry["backdated"]) == (None, None, False)
    got = data["objectives"]["a/o"]["key_results"]["bookings"]["source"]
    assert (got["commit"], got["before_history"], got["backdated"]) == (None, True, False)
