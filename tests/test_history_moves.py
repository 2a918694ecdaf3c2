"""A goal whose file is renamed or moved keeps its history, read from real git repositories.

The story (cycle 2026-Q1 starts on 2026-01-01; as_of 2026-03-20):

1. 2025-12-20 Alice adds objectives ``emea`` (countries target 4, churn 5→2)
   and ``apac`` (deals 0→10), KPI ``nps`` (target 50) and two people.
2. 2026-02-10 Bob: countries target 4 → 3 (less ambitious, mid-cycle).
3. 2026-02-25 Carol: ``git mv emea.md emea-expansion.md``, nothing else: the
   bytes are the same, only the path (and so the id) changes.
4. 2026-03-01 Dave: churn target 2 → 1 (lower is better: more ambitious).
5. 2026-03-02 Eve moves ``apac.md`` into ``regions/asia-pacific.md`` and, in the
   same commit, retitles it and lowers deals 10 → 8: the id *and* the title
   change, so only git's rename detection can tell it is the same goal.
6. 2026-03-03 Alice moves the KPI into ``customer/`` and eases its target 50 → 45.
7. 2026-03-04 Bob copies ``emea-expansion.md`` to ``emea-copy.md`` byte for
   byte: a new goal under its own id (git reports a copy as an addition).
8. 2026-03-05 Carol moves the copy into ``regions/`` and lowers its countries
   target 3 → 2 in the same commit: one number of one key result, the
   version the history reads by patching the version before it.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import Repo, whys_checked

from okrsite.cli import cli
from okrsite.gitsource import log_commits, raw_changes
from okrsite.history import HistoryReader, read_history
from okrsite.pipeline import load_site

EMEA = """\
---
title: Expand into EMEA
cycle: 2026-Q1
owner: uma
key_results:
  - id: countries
    title: Launch in new countries
    target: {countries}
  - id: churn
    title: Reduce churn
    start: 5
    target: {churn}
---
"""

APAC = """\
---
title: {title}
cycle: 2026-Q1
owner: uma
key_results:
  - id: deals
    title: Close deals
    start: 0
    target: {deals}
  - id: partners
    title: Sign partners
    start: 0
    target: 5
---
Why we grow there.
"""

NPS = """\
---
title: Net Promoter Score
direction: up
owner: uma
target: {target}
values:
  2025-12-01: 30
---
"""


def day(d: str) -> str:
    return f"{d}T10:00:00+00:00"


def start(repo: Repo) -> None:
    repo.write("okrsite.toml", 'as_of = 2026-03-20\ntitle = "X"\n')
    repo.write("content/objectives/emea.md", EMEA.format(countries=4, churn=2))
    repo.write("content/objectives/apac.md", APAC.format(title="Grow APAC", deals=10))
    repo.write("content/kpis/nps.md", NPS.format(target=50))
    repo.write("content/people/uma.md", "---\ntitle: Uma Diaz\n---\n")
    repo.write("content/people/tom.md", "---\ntitle: Tom Lee\n---\n")
    repo.commit("Start", "alice", day("2025-12-20"))


def fewer_countries(repo: Repo) -> None:
    repo.write("content/objectives/emea.md", EMEA.format(countries=3, churn=2))
    repo.commit("Fewer countries", "bob", day("2026-02-10"))


def rename_emea(repo: Repo) -> None:
    repo.git("mv", "content/objectives/emea.md", "content/objectives/emea-expansion.md")
    repo.commit("Rename EMEA", "carol", day("2026-02-25"))


def tighter_churn(repo: Repo) -> None:
    repo.write("content/objectives/emea-expansion.md", EMEA.format(countries=3, churn=1))
    repo.commit("Tighter churn", "dave", day("2026-03-01"))


def move_apac(repo: Repo) -> None:
    (repo.root / "content/objectives/regions").mkdir()
    repo.git("mv", "content/objectives/apac.md", "content/objectives/regions/asia-pacific.md")
    repo.write(
        "content/objectives/regions/asia-pacific.md",
        APAC.format(title="Grow Asia-Pacific", deals=8),
    )
    repo.commit("APAC is Asia-Pacific", "eve", day("2026-03-02"))


def move_nps(repo: Repo) -> None:
    (repo.root / "content/kpis/customer").mkdir()
    repo.git("mv", "content/kpis/nps.md", "content/kpis/customer/nps.md")
    repo.write("content/kpis/customer/nps.md", NPS.format(target=45))
    repo.commit("NPS is a customer KPI", "alice", day("2026-03-03"))


def copy_emea(repo: Repo) -> None:
    text = (repo.root / "content/objectives/emea-expansion.md").read_text()
    repo.write("content/objectives/emea-copy.md", text)
    repo.commit("Copy EMEA", "bob", day("2026-03-04"))


def move_copy(repo: Repo) -> None:
    repo.git("mv", "content/objectives/emea-copy.md", "content/objectives/regions/emea-copy.md")
    repo.write("content/objectives/regions/emea-copy.md", EMEA.format(countries=2, churn=1))
    repo.commit("Move the copy", "carol", day("2026-03-05"))


STEPS: list[Callable[[Repo], None]] = [
    start,
    fewer_countries,
    rename_emea,
    tighter_churn,
    move_apac,
    move_nps,
    copy_emea,
    move_copy,
]


def sha(repo: Repo, message: str) -> str:
    for line in repo.git("log", "--format=%H %s").splitlines():
        h, _, subject = line.partition(" ")
        if subject == message:
            return h
    raise AssertionError(message)


def change(h: str, date: str, author: str, field: str, old: Any, new: Any, mid: bool, less: bool):
    return {
        "commit": h,
        "pr": None,
        "date": date,
        "author": author,
        "field": field,
        "old": old,
        "new": new,
        "mid_cycle": mid,
        "less_ambitious": less,
    }


@pytest.fixture(scope="module")
def moves(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    repo = Repo(tmp_path_factory.mktemp("moves") / "goals")
    for step in STEPS:
        step(repo)
    return repo


def build(root: Path, out: Path, *extra: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["build", "--site", str(root), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / "api/history.json").read_text())
    return data


@pytest.fixture(scope="module")
def built(moves: Repo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "site"
    build(moves.root, out)
    return out


def history_text(page: Path) -> str:
    html = page.read_text()
    section = html[html.index('id="goal-history"') :]
    section = section[: section.index("</section>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))


def test_git_sees_the_moves_it_is_asked_about(moves: Repo) -> None:
    """The story exercises what it means to: git reports the retitled goal's move
    as one renamed file, and the copy as an added one."""
    shas = [c.sha for c in log_commits(moves.root)]
    changes = raw_changes(moves.root, shas, "content/")
    (apac,) = changes[sha(moves, "APAC is Asia-Pacific")]
    assert (apac.status, apac.old_path, apac.path) == (
        "R",
        "content/objectives/apac.md",
        "content/objectives/regions/asia-pacific.md",
    )
    (copy,) = changes[sha(moves, "Copy EMEA")]
    assert (copy.status, copy.old_path, copy.path) == (
        "A",
        None,
        "content/objectives/emea-copy.md",
    )


def test_a_renamed_file_keeps_its_timeline(moves: Repo, built: Path) -> None:
    data = json.loads((built / "api/history.json").read_text())
    assert "emea" not in data["objectives"]
    emea = data["objectives"]["emea-expansion"]
    assert whys_checked(moves, emea["changes"]) == [
        change(sha(moves, "Start"), "2025-12-20", "Alice Ng", "created", None,
               "Expand into EMEA", False, False),
        change(sha(moves, "Rename EMEA"), "2026-02-25", "Carol Diaz", "id", "emea",
               "emea-expansion", True, False),
    ]  # fmt: skip
    krs = emea["key_results"]
    assert whys_checked(moves, krs["countries"]["changes"]) == [
        change(sha(moves, "Fewer countries"), "2026-02-10", "Bob Stone", "target", 4, 3,
               True, True),
    ]  # fmt: skip
    # recorded after the rename too; lower churn is better: more ambitious
    assert whys_checked(moves, krs["churn"]["changes"]) == [
        change(sha(moves, "Tighter churn"), "2026-03-01", "Dave Kim", "target", 2, 1,
               True, False),
    ]  # fmt: skip


def test_a_copy_is_a_new_goal_under_its_own_id(moves: Repo, built: Path) -> None:
    """The copy's bytes are a blob already read for another path: it is read
    again under its own path, so it is created as itself, and the original's
    timeline gains nothing. Moved with one number changed, it keeps its own."""
    objectives = json.loads((built / "api/history.json").read_text())["objectives"]
    assert "emea-copy" not in objectives
    copy = objectives["regions/emea-copy"]
    h = sha(moves, "Move the copy")
    assert whys_checked(moves, copy["changes"]) == [
        change(sha(moves, "Copy EMEA"), "2026-03-04", "Bob Stone", "created", None,
               "Expand into EMEA", True, False),
        change(h, "2026-03-05", "Carol Diaz", "id", "emea-copy", "regions/emea-copy", True,
               False),
    ]  # fmt: skip
    assert whys_checked(moves, copy["key_results"]["countries"]["changes"]) == [
        change(h, "2026-03-05", "Carol Diaz", "target", 3, 2, True, True)
    ]
    assert len(objectives["emea-expansion"]["changes"]) == 2


def test_a_move_into_a_folder_with_a_new_title_and_target_keeps_its_timeline(
    moves: Repo, built: Path
) -> None:
    objectives = json.loads((built / "api/history.json").read_text())["objectives"]
    assert "apac" not in objectives
    moved = objectives["regions/asia-pacific"]
    h = sha(moves, "APAC is Asia-Pacific")
    assert whys_checked(moves, moved["changes"]) == [
        change(sha(moves, "Start"), "2025-12-20", "Alice Ng", "created", None, "Grow APAC",
               False, False),
        change(h, "2026-03-02", "Eve Moss", "id", "apac", "regions/asia-pacific", True, False),
        change(h, "2026-03-02", "Eve Moss", "title", "Grow APAC", "Grow Asia-Pacific", True,
               False),
    ]  # fmt: skip
    assert whys_checked(moves, moved["key_results"]["deals"]["changes"]) == [
        change(h, "2026-03-02", "Eve Moss", "target", 10, 8, True, True)
    ]
    assert moved["key_results"]["partners"]["changes"] == []


def test_a_moved_kpi_keeps_its_timeline(moves: Repo, built: Path) -> None:
    kpis = json.loads((built / "api/history.json").read_text())["kpis"]
    assert "nps" not in kpis
    h = sha(moves, "NPS is a customer KPI")
    # a KPI has no cycle: never mid-cycle; up is better, so 50 -> 45 is easier
    assert whys_checked(moves, kpis["customer/nps"]["changes"]) == [
        change(sha(moves, "Start"), "2025-12-20", "Alice Ng", "created", None,
               "Net Promoter Score", False, False),
        change(h, "2026-03-03", "Alice Ng", "id", "nps", "customer/nps", False, False),
        change(h, "2026-03-03", "Alice Ng", "target", 50, 45, False, True),
    ]  # fmt: skip
    # the value written before the move still names the commit that wrote it
    source = kpis["customer/nps"]["source"]
    assert (source["kind"], source["date"], source["commit"]) == (
        "values",
        "2025-12-01",
        sha(moves, "Start"),
    )


def test_pages_show_the_timeline_across_the_moves(built: Path) -> None:
    text = history_text(built / "objectives/emea-expansion/index.html")
    assert "No changes recorded" not in text
    assert "“Launch in new countries” target 4 → 3 less ambitious mid-cycle" in text
    assert "moved from emea to emea-expansion mid-cycle" in text
    assert "“Reduce churn” target 2 → 1 more ambitious mid-cycle" in text
    assert "created as “Expand into EMEA”" in text
    # newest first
    assert text.index("Reduce churn") < text.index("moved from") < text.index("created as")
    text = history_text(built / "objectives/regions/asia-pacific/index.html")
    assert "moved from apac to regions/asia-pacific" in text
    assert "title Grow APAC → Grow Asia-Pacific" in text
    assert "created as “Grow APAC”" in text
    text = history_text(built / "kpis/customer/nps/index.html")
    assert "moved from nps to customer/nps" in text
    assert "target 50 → 45 less ambitious" in text
    assert "created as “Net Promoter Score”" in text


def test_a_fresh_cache_a_kept_cache_and_no_cache_read_alike(
    moves: Repo, built: Path, tmp_path: Path
) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(moves.root), str(clone)], check=True)
    want = json.loads((built / "api/history.json").read_text())
    first = build(clone, tmp_path / "first")
    assert list((clone / ".okrsite-cache/history").glob("*.pickle"))
    again = build(clone, tmp_path / "again")  # every commit's events from the cache
    none = build(clone, tmp_path / "none", "--no-cache")
    for data in (first, again, none):
        assert data["objectives"] == want["objectives"] and data["kpis"] == want["kpis"]


def test_a_history_read_commit_by_commit_follows_the_moves(tmp_path: Path) -> None:
    """``okrsite serve`` keeps one reader and, when HEAD moves, reads only the new
    commits: read after every step, it ends where one read of the whole story does."""
    repo = Repo(tmp_path / "goals")
    STEPS[0](repo)
    load = load_site(repo.root)
    reader = HistoryReader(repo.root, load.config, load.scored.portfolio.cycles, use_cache=False)
    reader.read()
    for step in STEPS[1:]:
        step(repo)
        history = reader.read()
        assert history.commits_read == 1
    whole = read_history(repo.root, load.config, load.scored.portfolio.cycles, use_cache=False)
    assert history.objectives == whole.objectives and history.kpis == whole.kpis
    fields = [c.field for c in history.objectives["emea-expansion"]]
    assert fields == ["created", "target", "id", "target"]
    assert [c.field for c in history.kpis["customer/nps"]] == ["created", "id", "target"]


def test_workers_read_the_moves_as_one_process(
    moves: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each worker reads some files; a file's paths before and after a move go to
    one worker, and the events come out as one process reads them."""
    from okrsite import history_commits

    shas = [c.sha for c in log_commits(moves.root)]
    changes = raw_changes(moves.root, shas, "content/")
    ordered = [(s, changes.get(s, [])) for s in shas]
    config = load_site(moves.root).config
    alone = history_commits.commit_events_of(moves.root, "", config, ordered, jobs=1)
    monkeypatch.setattr(history_commits, "PARALLEL_CHANGES", 0)
    for jobs in (2, 3, 4):
        assert history_commits.commit_events_of(moves.root, "", config, ordered, jobs) == alone
    (rec,) = alone[sha(moves, "APAC is Asia-Pacific")]["records"]
    assert (rec["from"], rec["id"]) == ("apac", "regions/asia-pacific")


def test_a_moved_check_in_keeps_the_commit_that_wrote_it(tmp_path: Path) -> None:
    """A check-in moved to another name (a new id) months later was still
    written, and committed, on time: not backdated, and by its writer."""
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", 'as_of = 2026-03-20\ntitle = "X"\n')
    repo.write("content/objectives/emea.md", EMEA.format(countries=4, churn=2))
    repo.write("content/people/uma.md", "---\ntitle: Uma Diaz\n---\n")
    repo.write(
        "content/checkins/2026-01-05-emea.md",
        "---\nobjective: emea\ndate: 2026-01-05\nauthor: uma\nvalues: {churn: 4}\n---\n",
    )
    written = repo.commit("Start", "alice", day("2026-01-05"))
    (repo.root / "content/checkins/2026").mkdir()
    repo.git("mv", "content/checkins/2026-01-05-emea.md", "content/checkins/2026/01-05-emea.md")
    repo.commit("File check-ins by year", "dave", day("2026-02-20"))
    data = build(repo.root, tmp_path / "out")
    (entry,) = data["checkins"]
    assert entry == {
        "file": "content/checkins/2026/01-05-emea.md",
        "id": entry["id"],
        "date": "2026-01-05",
        "committed": "2026-01-05",
        "author": "Alice Ng",
        "commit": written,
        "pr": None,
        "backdated": False,
        "edited": False,
        "submodule": None,
    }
    assert entry["id"] != "2026-01-05-emea"  # the id followed the path


def test_a_moved_file_is_read_by_one_worker_and_other_moves_are_split() -> None:
    """Both paths of a moved goal, or a moved CSV file, go to one worker (its new
    path's first version is read from its old path's last); a move from one
    kind of file to another is read as a deletion and an addition, as before
    git's moves were asked for."""
    from okrsite.gitsource import ZERO_OID, RawChange
    from okrsite.history_split import assign_files, split_moves

    def oid(n: int) -> str:
        return f"{n:040x}"

    first = [RawChange("A", ZERO_OID, oid(i + 1), f"content/f{i}.md") for i in range(6)]
    moved = RawChange("R", oid(1), oid(9), "content/z/moved.md", "content/f0.md")
    csv = RawChange("R", oid(7), oid(7), "content/new.csv", "content/old.csv")
    kinds = RawChange("R", oid(8), oid(8), "content/notes.md", "content/notes.csv")
    commits = [("c0", first), ("c1", [moved, csv, kinds])]
    for jobs in (2, 3, 6):
        shares = assign_files(split_moves(commits), jobs, {})
        (share,) = [s for s in shares if "content/f0.md" in s]
        assert "content/z/moved.md" in share
        (share,) = [s for s in shares if "content/old.csv" in s]
        assert "content/new.csv" in share
        assert sum(len(s) for s in shares) == 11  # every path in exactly one share
    assert split_moves(commits)[1][1] == [
        moved,
        csv,
        RawChange("D", oid(8), ZERO_OID, "content/notes.csv"),
        RawChange("A", ZERO_OID, oid(8), "content/notes.md"),
    ]
