"""A committed check-in with a top-level key that names no key result
(``sprint: 12`` beside ``arr: 600``) names the commit that wrote it: the site
drops the key with a warning (OKR111), and the history drops it from every
version too before comparing (okrsite.history_names), so the figure shown and
the one committed are the same. A value changed since says "not committed
yet"; a key that does name a key result at the top is kept as ever.

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
  - {id: arr, title: ARR, unit: k€, start: 500, target: 750}
  - {id: new-logos, title: New logos, start: 0, target: 10}
---
"""

CHECKIN = "---\nobjective: o\ndate: 2026-11-02\n{lines}---\n"
STRAY = "arr: {value}\nsprint: 12\n"

EDITED = "changed since its last commit, not committed yet"


def build(site: Path, out: Path) -> tuple[dict[str, Any], str]:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads((out / "api/history.json").read_text()), result.output


def _repo(tmp_path: Path, lines: str) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-11-30\n")
    repo.write("content/objectives/o.md", OBJECTIVE)
    repo.write("content/checkins/2026-11-02.md", CHECKIN.format(lines=lines))
    sha = repo.commit("ARR", "bob", "2026-11-03T10:00:00+00:00")
    assert repo.git("status", "--porcelain") == ""
    return repo, sha


def _page(out: Path) -> str:
    return (out / "objectives/o/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "lines",
    [
        STRAY.format(value=600),
        "arr: 600\n",  # a key that names a key result at the top
        "arr: 600\nnew-logos: 3\nsprint: 12\n",
        "sprint: 12\narr: 600\nnotes: fine\n",  # words: no figure at all
        'arr: "600 k€"\nsprint: 12\n',  # counted in k€ without the stray
    ],
)
def test_a_committed_check_in_names_its_commit(tmp_path: Path, lines: str) -> None:
    repo, sha = _repo(tmp_path, lines)
    out = tmp_path / "out"
    data, output = build(repo.root, out)
    assert ("OKR111" in output) == ("sprint" in lines)
    checkin = data["checkins"][0]
    assert (checkin["id"], checkin["edited"], checkin["commit"], checkin["author"]) == (
        "2026-11-02",
        False,
        sha,
        "Bob Stone",
    )
    source = data["objectives"]["o"]["key_results"]["arr"]["source"]
    assert (source["kind"], source["edited"], source["commit"]) == ("check-in", False, sha)
    page = _page(out)
    assert "committed by <bdi>Bob Stone</bdi>" in page
    assert "not committed yet" not in page


@pytest.mark.parametrize("lines", [STRAY.format(value=600), "arr: 600\n"])
def test_a_value_edited_since_its_commit_says_so(tmp_path: Path, lines: str) -> None:
    repo, _sha = _repo(tmp_path, lines)
    repo.write("content/checkins/2026-11-02.md", CHECKIN.format(lines=lines.replace("600", "650")))
    out = tmp_path / "out"
    data, _output = build(repo.root, out)
    checkin = data["checkins"][0]
    assert (checkin["edited"], checkin["commit"], checkin["committed"]) == (True, None, None)
    source = data["objectives"]["o"]["key_results"]["arr"]["source"]
    assert (source["edited"], source["commit"]) == (True, None)
    assert EDITED in _page(out)


def test_only_the_stray_key_changed_is_no_edit(tmp_path: Path) -> None:
    # sprint 12 → 13 changes nothing the site reads: no figure was edited
    repo, sha = _repo(tmp_path, STRAY.format(value=600))
    repo.write("content/checkins/2026-11-02.md", CHECKIN.format(lines="arr: 600\nsprint: 13\n"))
    data, _output = build(repo.root, tmp_path / "out")
    assert (data["checkins"][0]["edited"], data["checkins"][0]["commit"]) == (False, sha)


def test_a_history_read_from_the_site_s_own_records_drops_it_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # many changes read at once: versions equal to the current files are the
    # site's resolved records (no sprint), the others parsed as written
    monkeypatch.setattr("okrsite.history.REUSE_AFTER", 0)
    repo, first = _repo(tmp_path, STRAY.format(value=500))
    repo.write("content/checkins/2026-11-02.md", CHECKIN.format(lines=STRAY.format(value=600)))
    sha = repo.commit("ARR grew", "carol", "2026-11-21T10:00:00+00:00")
    data, _output = build(repo.root, tmp_path / "out")
    checkin = data["checkins"][0]
    assert (checkin["edited"], checkin["commit"], checkin["author"]) == (False, sha, "Carol Diaz")
    assert first != sha


def test_a_history_read_without_the_loaded_site_drops_it_alike(tmp_path: Path) -> None:
    # read_history given no loaded site knows the key results from the
    # objective's file, as a build's history knows them from the site
    repo, sha = _repo(tmp_path, STRAY.format(value=600))
    load = load_site(repo.root)
    history = read_history(repo.root, load.config, load.scored.portfolio.cycles, use_cache=False)
    assert history.checkins_said["2026-11-02"] == [[["arr", 600.0]], None, None]
    assert history.checkins["2026-11-02"].commit == sha


def test_a_key_result_added_by_the_stray_key_s_name_keeps_it(tmp_path: Path) -> None:
    # the history cache, read while sprint named no key result, is not reused
    # for the commit whose check-in wrote it: that one commit is read again
    repo, sha = _repo(tmp_path, STRAY.format(value=600))
    data, _output = build(repo.root, tmp_path / "out")
    assert (data["checkins"][0]["edited"], data["checkins"][0]["commit"]) == (False, sha)
    sprint = "  - {id: sprint, title: Sprint, start: 0, target: 20}\n---\n"
    repo.write("content/objectives/o.md", OBJECTIVE[: -len("---\n")] + sprint)
    load = load_site(repo.root)
    assert [kr.id for kr in load.scored.portfolio.objectives["o"].key_results][-1] == "sprint"
    # in the working tree: the committed check-in said sprint 12 all along
    data, _output = build(repo.root, tmp_path / "out2")
    assert (data["checkins"][0]["edited"], data["checkins"][0]["commit"]) == (False, sha)
    source = data["objectives"]["o"]["key_results"]["sprint"]["source"]
    assert (source["edited"], source["commit"]) == (False, sha)
    repo.commit("Sprints count", "carol", "2026-11-04T10:00:00+00:00")
    history = read_history(repo.root, load.config, load.scored.portfolio.cycles)
    assert history.commits_read == 1  # the new one: the build read the other again
    assert history.checkins_said["2026-11-02"] == [[["arr", 600.0], ["sprint", 12.0]], None, None]
    assert history.checkins["2026-11-02"].commit == sha
