"""``okrsite diff`` says when key results without ``id:`` moved under check-ins naming them by place.

Found by writing a site by hand: an objective's key results written as
sentences without ids, check-ins written by ``okrsite checkin`` (which names
them ``kr1``, ``kr2``, … by place), then a key result added first. Every
check-in's figures then counted for the key result below: revenue of
1,200,000 for "Hire 5 account executives" (done at once), and the diff
showed only key results "renamed and retargeted". The ``moved-key-results``
finding names the moves by title and the check-ins. Real git repositories,
the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

CONFIG = 'title = "Acme"\nas_of = 2026-12-06\n'
FILE = "content/objectives/emea.md"
CHECKIN = "content/checkins/emea/2026-11-20.md"
SENTENCES = [
    "Grow revenue from €1M to €2M",
    "Raise win rate from 20% to 30%",
    "Win new logos from 0 to 10",
]


def objective(krs: list[str]) -> str:
    lines = "".join(f"  - {kr}\n" for kr in krs)
    return f"---\ntitle: Grow EMEA\nowner: Uma Diaz\ncycle: 2026-Q4\nkey_results:\n{lines}---\n"


def first_commit(tmp_path: Path, config: str = CONFIG) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", config)
    repo.write("content/people/uma-diaz.md", "---\ntitle: Uma Diaz\n---\n")
    repo.write(FILE, objective(SENTENCES))
    repo.write(CHECKIN, "---\ndate: 2026-11-20\nvalues: {kr1: 1200000, kr2: 25, kr3: 4}\n---\n")
    repo.commit("EMEA goals", "alice", "2026-10-02T10:00:00+00:00")
    return repo


def diff(repo: Repo, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["diff", "HEAD~1", "HEAD", *args, "--site", str(repo.root)], catch_exceptions=False
    )


def findings(repo: Repo) -> list[dict[str, str]]:
    result = diff(repo, "--format", "json", "--fail-on", "none")
    assert result.exit_code == 0, result.output
    found: list[dict[str, str]] = json.loads(result.stdout)["findings"]
    return [f for f in found if f["rule"] == "moved-key-results"]


def test_a_key_result_added_first_names_the_moves_and_the_checkin(tmp_path: Path) -> None:
    repo = first_commit(tmp_path)
    repo.write(FILE, objective(["Hire 5 account executives from 0 to 5", *SENTENCES]))
    repo.commit("Add hiring", "bob", "2026-11-25T10:00:00+00:00")
    [found] = findings(repo)
    assert found["subject"] == "emea"
    assert found["message"] == (
        "objective emea: key results without an id moved ('Grow revenue from €1M to €2M' "
        "kr1 → kr2, 'Raise win rate from 20% to 30%' kr2 → kr3, 'Win new logos from 0 to 10' "
        f"kr3 → kr4), so the check-in {CHECKIN}, which names them by their place, now counts "
        "for other key results: give each key result an id: and name it so in its check-ins"
    )
    text = diff(repo, "--format", "text", "--fail-on", "moved-key-results")
    assert text.exit_code == 1
    assert "Worth a look:" in text.stdout and "[moved-key-results]" in text.stdout
    assert diff(repo, "--format", "text").exit_code == 0  # not among the default rules


def test_a_key_result_removed_moves_the_ones_below(tmp_path: Path) -> None:
    repo = first_commit(tmp_path)
    repo.write(FILE, objective(SENTENCES[1:]))
    repo.commit("Drop revenue", "bob", "2026-11-25T10:00:00+00:00")
    [found] = findings(repo)
    assert "'Raise win rate from 20% to 30%' kr2 → kr1" in found["message"]
    assert "'Win new logos from 0 to 10' kr3 → kr2" in found["message"]


def test_in_german(tmp_path: Path) -> None:
    repo = first_commit(tmp_path, CONFIG + 'language = "de"\n')
    repo.write(FILE, objective(["Hire 5 account executives from 0 to 5", *SENTENCES]))
    repo.commit("Add hiring", "bob", "2026-11-25T10:00:00+00:00")
    text = diff(repo, "--format", "text").stdout
    assert "Schlüsselergebnisse ohne id sind verschoben" in text
    assert f"daher zählt der Check-in {CHECKIN}, der sie über ihre Stelle nennt" in text


def test_nothing_to_say_when_nothing_names_a_moved_place(tmp_path: Path) -> None:
    # a key result added at the end moves none
    repo = first_commit(tmp_path)
    repo.write(FILE, objective([*SENTENCES, "Hire 5 account executives from 0 to 5"]))
    repo.commit("Add hiring last", "bob", "2026-11-25T10:00:00+00:00")
    assert findings(repo) == []
    # key results with ids keep them wherever they stand
    with_ids = [f"{{id: k{i}, title: {t!r}}}" for i, t in enumerate(SENTENCES)]
    repo.write(FILE, objective(with_ids))
    repo.write(CHECKIN, "---\ndate: 2026-11-20\nvalues: {k0: 1200000, k1: 25, k2: 4}\n---\n")
    repo.commit("Ids", "bob", "2026-11-26T10:00:00+00:00")
    repo.write(FILE, objective(["{id: hire, title: Hire 5 AEs from 0 to 5}", *with_ids]))
    repo.commit("Add hiring first", "bob", "2026-11-27T10:00:00+00:00")
    assert findings(repo) == []


def test_a_checkin_the_change_adds_names_the_new_places(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write("content/people/uma-diaz.md", "---\ntitle: Uma Diaz\n---\n")
    repo.write(FILE, objective(SENTENCES))
    repo.commit("EMEA goals", "alice", "2026-10-02T10:00:00+00:00")
    repo.write(FILE, objective(["Hire 5 account executives from 0 to 5", *SENTENCES]))
    repo.write(CHECKIN, "---\ndate: 2026-11-20\nvalues: {kr2: 1200000}\n---\n")
    repo.commit("Add hiring, and a check-in", "bob", "2026-11-25T10:00:00+00:00")
    assert findings(repo) == []
