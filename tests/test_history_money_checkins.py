"""A committed check-in whose value is written with a money magnitude
(``600 k€``, ``€600,000`` or ``$600k`` for a key result in ``k€`` or ``$k``)
names the commit that wrote it, as a bare ``600`` does: the history counts
every version's money in the key result's (or KPI's) unit, as the site does,
before comparing it with the figure shown (okrsite.history_names). A value
changed in the working tree since says "not committed yet"; one rewritten in
another form of the same figure does not.

A real git repository (``tests/gitrepo.py``) built with the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli
from okrsite.history import read_history
from okrsite.pipeline import load_site

OBJECTIVE = """\
---
title: Grow ARR
cycle: 2026-Q4
owner: alice
key_results:
  - {{id: arr, title: ARR, unit: {unit}, start: 500, target: 750}}
---
"""

CHECKIN = """\
---
objective: o
date: 2026-11-02
values: {{arr: {value}}}
---
"""

KPI = "---\ntitle: Revenue\nunit: k€\ntarget: 2000\n---\n"
READING = "---\nkpi: rev\ndate: 2026-11-02\nvalue: {value}\n---\n"

EDITED = "changed since its last commit, not committed yet"


def build(site: Path, out: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads((out / "api/history.json").read_text())


def _repo(tmp_path: Path, unit: str, value: str) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-11-30\n")
    repo.write("content/objectives/o.md", OBJECTIVE.format(unit=unit))
    repo.write("content/checkins/2026-11-02.md", CHECKIN.format(value=value))
    # committed 18 days after its date: backdated
    sha = repo.commit("ARR", "bob", "2026-11-20T10:00:00+00:00")
    assert repo.git("status", "--porcelain") == ""
    return repo, sha


def _page(out: Path) -> str:
    return (out / "objectives/o/index.html").read_text(encoding="utf-8")


def _feed(out: Path) -> str:
    return (out / "checkins.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("unit", "value"),
    [("k€", '"600 k€"'), ("k€", '"€600,000"'), ("$k", '"$600k"'), ("k€", "600")],
)
def test_a_committed_money_value_names_its_commit(tmp_path: Path, unit: str, value: str) -> None:
    repo, sha = _repo(tmp_path, unit, value)
    out = tmp_path / "out"
    data = build(repo.root, out)
    checkin = data["checkins"][0]
    assert (checkin["id"], checkin["edited"], checkin["commit"], checkin["committed"]) == (
        "2026-11-02",
        False,
        sha,
        "2026-11-20",
    )
    assert (checkin["author"], checkin["backdated"]) == ("Bob Stone", True)
    source = data["objectives"]["o"]["key_results"]["arr"]["source"]
    assert (source["kind"], source["edited"], source["commit"]) == ("check-in", False, sha)
    page = _page(out)
    assert "committed by <bdi>Bob Stone</bdi>" in page
    assert "not committed yet" not in page
    assert "Backdated: committed" in _feed(out)


@pytest.mark.parametrize(
    ("unit", "value", "edit"),
    [("k€", '"600 k€"', '"650 k€"'), ("k€", '"€600,000"', '"€650,000"'), ("$k", '"$600k"', "650")],
)
def test_a_money_value_edited_since_its_commit_says_so(
    tmp_path: Path, unit: str, value: str, edit: str
) -> None:
    repo, _sha = _repo(tmp_path, unit, value)
    repo.write("content/checkins/2026-11-02.md", CHECKIN.format(value=edit))
    out = tmp_path / "out"
    data = build(repo.root, out)
    checkin = data["checkins"][0]
    assert (checkin["edited"], checkin["commit"], checkin["committed"]) == (True, None, None)
    source = data["objectives"]["o"]["key_results"]["arr"]["source"]
    assert (source["edited"], source["commit"]) == (True, None)
    assert EDITED in _page(out)
    assert "Backdated: committed" not in _feed(out)


def test_the_same_figure_written_another_way_is_no_edit(tmp_path: Path) -> None:
    # 600 k€, then €600,000 and 600: the figure shown is 600 each time
    repo, sha = _repo(tmp_path, "k€", '"600 k€"')
    repo.write("content/checkins/2026-11-02.md", CHECKIN.format(value='"€600,000"'))
    data = build(repo.root, tmp_path / "out")
    assert (data["checkins"][0]["edited"], data["checkins"][0]["commit"]) == (False, sha)
    # committed so: the commit that only rewrote it did not write the figure
    repo.commit("Same ARR, written out", "carol", "2026-11-21T10:00:00+00:00")
    repo.write("content/checkins/2026-11-02.md", CHECKIN.format(value="600"))
    data = build(repo.root, tmp_path / "out2")
    assert (data["checkins"][0]["edited"], data["checkins"][0]["commit"]) == (False, sha)


def test_a_history_read_from_the_site_s_own_records_counts_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # many changes read at once: versions equal to the current files are the
    # site's resolved records (600), the others parsed as written (500,000)
    monkeypatch.setattr("okrsite.history.REUSE_AFTER", 0)
    repo, _first = _repo(tmp_path, "k€", '"500 k€"')
    repo.write("content/checkins/2026-11-02.md", CHECKIN.format(value='"600 k€"'))
    sha = repo.commit("ARR grew", "carol", "2026-11-21T10:00:00+00:00")
    out = tmp_path / "out"
    data = build(repo.root, out)
    checkin = data["checkins"][0]
    assert (checkin["edited"], checkin["commit"], checkin["author"]) == (False, sha, "Carol Diaz")
    assert "committed by <bdi>Carol Diaz</bdi>" in _page(out)


def test_a_kpi_reading_of_money_in_its_magnitude_names_its_commit(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-11-30\n")
    repo.write("content/kpis/rev.md", KPI)
    repo.write("content/checkins/rev.md", READING.format(value='"€1.2M"'))
    sha = repo.commit("Revenue", "bob", "2026-11-03T10:00:00+00:00")
    data = build(repo.root, tmp_path / "out")
    assert (data["checkins"][0]["edited"], data["checkins"][0]["commit"]) == (False, sha)
    repo.write("content/checkins/rev.md", READING.format(value='"€1.3M"'))
    data = build(repo.root, tmp_path / "out2")
    assert (data["checkins"][0]["edited"], data["checkins"][0]["commit"]) == (True, None)


def test_a_history_read_without_the_loaded_site_counts_alike(tmp_path: Path) -> None:
    # read_history given no loaded site names versions by the site's files:
    # the key result's k€ from the objective's file, as a build's history does
    repo, sha = _repo(tmp_path, "k€", '"600 k€"')
    build(repo.root, tmp_path / "out")
    load = load_site(repo.root)
    history = read_history(repo.root, load.config, load.scored.portfolio.cycles, use_cache=False)
    assert history.checkins_said["2026-11-02"] == [[["arr", 600.0]], None, None]
    assert history.checkins["2026-11-02"].commit == sha
