"""The history agrees with as_of: a check-in dated after it counts nowhere.

Every page, the feed and ``api/portfolio.json`` count only the check-ins
dated on or before as_of; ``api/history.json`` lists the same ones, and the
"where the figures come from" lines name the check-in the score used. The
repository here is written commit by commit with the dates a team would
have: Uma checks in on 1 March, the site is judged as of 10 March, and a
check-in dated 20 March is already committed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

OBJECTIVE = """\
---
title: Grow signups
cycle: 2026-Q1
owner: Alice Ng
team: Growth
key_results:
  - id: weekly
    title: Reach 200 weekly signups
    start: 100
    target: 200
  - id: activation
    title: Raise activation from 30% to 45%
    start: 30
    target: 45
    unit: "%"
---
Signups stalled in the autumn.
"""

KPI = """\
---
title: Net Promoter Score
direction: up
owner: Alice Ng
target: 50
values:
  2026-01-01: 30
---
"""


def day(d: str) -> str:
    return f"{d}T10:00:00+00:00"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    repo = Repo(tmp_path_factory.mktemp("asof") / "goals")
    repo.write("okrsite.toml", 'title = "Acme"\nas_of = 2026-03-10\n')
    repo.write("content/people/alice-ng.md", "---\ntitle: Alice Ng\nteam: growth\n---\n")
    repo.write("content/teams/growth.md", "---\ntitle: Growth\n---\n")
    repo.write("content/objectives/signups.md", OBJECTIVE)
    repo.write("content/kpis/nps.md", KPI)
    repo.commit("Q1 goals", "alice", day("2026-01-05"))

    repo.write(
        "content/checkins/2026-03-01-signups.md",
        "---\nobjective: signups\ndate: 2026-03-01\nauthor: Alice Ng\nconfidence: 6\n"
        "values: {weekly: 140, activation: 33}\n---\nA good week.\n",
    )
    repo.write(
        "content/checkins/2026-03-02-nps.md",
        "---\nkpi: nps\ndate: 2026-03-02\nauthor: Alice Ng\nvalue: 34\n---\n",
    )
    repo.commit("Check in for March", "alice", day("2026-03-02"))

    repo.write(
        "content/checkins/2026-03-20-signups.md",
        "---\nobjective: signups\ndate: 2026-03-20\nauthor: Bob Stone\nconfidence: 7\n"
        "values: {weekly: 170}\n---\nLater still.\n",
    )
    repo.write(
        "content/checkins/2026-03-21-nps.md",
        "---\nkpi: nps\ndate: 2026-03-21\nauthor: Bob Stone\nvalue: 41\n---\n",
    )
    repo.commit("Check in for late March", "bob", day("2026-03-21"))
    return repo


def build(repo: Repo, out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def test_history_json_lists_only_the_check_ins_the_pages_count(repo: Repo, tmp_path: Path) -> None:
    site = build(repo, tmp_path / "site")
    history = json.loads((site / "api/history.json").read_text())
    assert history["as_of"] == "2026-03-10"
    assert [c["file"] for c in history["checkins"]] == [
        "content/checkins/2026-03-01-signups.md",
        "content/checkins/2026-03-02-nps.md",
    ]
    # the same check-ins the feed and the check-ins page show
    feed = (site / "checkins.xml").read_text()
    listing = (site / "checkins/index.html").read_text()
    for text in (feed, listing):
        assert "2026-03-01-signups" in text
        assert "2026-03-20" not in text and "2026-03-21" not in text
    portfolio = json.loads((site / "api/portfolio.json").read_text())
    (signups,) = portfolio["objectives"]
    assert [kr["current"] for kr in signups["key_results"]] == [140, 33]
    assert [k["value"] for k in portfolio["kpis"]] == [34]

    # each current figure's source is the check-in the score used, not the later one
    krs = history["objectives"]["signups"]["key_results"]
    assert krs["weekly"]["source"]["file"] == "content/checkins/2026-03-01-signups.md"
    assert krs["activation"]["source"]["file"] == "content/checkins/2026-03-01-signups.md"
    assert history["kpis"]["nps"]["source"]["file"] == "content/checkins/2026-03-02-nps.md"

    page = (site / "objectives/signups/index.html").read_text()
    sources = page[page.index("Where the figures come from") :]
    sources = sources[: sources.index("</ul>")]
    assert "content/checkins/2026-03-01-signups.md" in sources
    assert "2026-03-20" not in page
    kpi_page = (site / "kpis/nps/index.html").read_text()
    assert "content/checkins/2026-03-02-nps.md" in kpi_page
    assert "2026-03-21-nps" not in kpi_page


def test_a_later_as_of_lists_the_later_check_ins(repo: Repo, tmp_path: Path) -> None:
    site = build(repo, tmp_path / "site", "--as-of", "2026-03-31")
    history = json.loads((site / "api/history.json").read_text())
    assert [c["file"] for c in history["checkins"]] == [
        "content/checkins/2026-03-01-signups.md",
        "content/checkins/2026-03-02-nps.md",
        "content/checkins/2026-03-20-signups.md",
        "content/checkins/2026-03-21-nps.md",
    ]
    late = history["checkins"][2]
    assert (late["author"], late["committed"], late["backdated"]) == (
        "Bob Stone",
        "2026-03-21",
        False,
    )
    krs = history["objectives"]["signups"]["key_results"]
    # weekly moved on 20 March; activation was last checked in on 1 March
    assert krs["weekly"]["source"]["file"] == "content/checkins/2026-03-20-signups.md"
    assert krs["activation"]["source"]["file"] == "content/checkins/2026-03-01-signups.md"
    assert history["kpis"]["nps"]["source"]["file"] == "content/checkins/2026-03-21-nps.md"
    assert "2026-03-20-signups" in (site / "checkins.xml").read_text()
