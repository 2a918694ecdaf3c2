"""A site whose whole folder moved inside its repository keeps its history.

The story (cycle 2026-Q1 starts on 2026-01-01; as_of 2026-03-20), the site at
the repository's top:

1. 2025-12-20 Alice creates objective ``emea`` (countries target 4) and a person.
2. 2026-01-10 Bob: countries target 4 → 3 (less ambitious, mid-cycle).
3. 2026-01-14 Carol commits a check-in dated 2026-01-13 (countries 1).
4. Dave's check-in dated 2026-01-06, committed 2026-02-01: backdated.
5. 2026-02-20 Eve moves the site into ``goals/`` (``git mv okrsite.toml
   content goals/``), nothing else.

git, asked about ``goals/content`` only, sees step 5 add every file: without
following the move, every goal would be created by Eve on 2026-02-20 and
every check-in committed by her then, backdated.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from gitrepo import Repo, whys_checked

from okrsite.cli import cli
from okrsite.history import HistoryReader
from okrsite.pipeline import load_site

EMEA = """\
---
title: Expand into EMEA
cycle: 2026-Q1
owner: uma
key_results:
  - id: countries
    title: Launch in new countries
    start: 0
    target: {countries}
---
"""


def checkin(day: str, countries: int, author: str) -> str:
    return f"---\nobjective: emea\ndate: {day}\nauthor: {author}\nvalues:\n  countries: {countries}\n---\n"


def day(d: str) -> str:
    return f"{d}T10:00:00+00:00"


def story(root: Path) -> Repo:
    """Steps 1 to 4, the site at the repository's top."""
    repo = Repo(root)
    repo.write("okrsite.toml", 'title = "Acme"\nas_of = 2026-03-20\n')
    repo.write("content/objectives/emea.md", EMEA.format(countries=4))
    repo.write("content/people/uma.md", "---\ntitle: Uma Diaz\n---\n")
    repo.commit("Start", "alice", day("2025-12-20"))
    repo.write("content/objectives/emea.md", EMEA.format(countries=3))
    repo.commit("Fewer countries", "bob", day("2026-01-10"))
    repo.write("content/checkins/2026-01-13-emea.md", checkin("2026-01-13", 1, "carol"))
    repo.commit("Check-in", "carol", day("2026-01-14"))
    repo.write("content/checkins/2026-01-06-emea.md", checkin("2026-01-06", 0, "dave"))
    repo.commit("Forgot this one", "dave", day("2026-01-06"), committed=day("2026-02-01"))
    return repo


def move_site(repo: Repo, *paths: str, to: str, when: str = "2026-02-20") -> str:
    (repo.root / to).mkdir(exist_ok=True)
    repo.git("mv", *paths, to, who="eve", when=day(when))
    return repo.commit(f"Move the site into {to}", "eve", day(when))


def build(site: Path, out: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / "api/history.json").read_text())
    return data


def sha(repo: Repo, message: str) -> str:
    for line in repo.git("log", "--format=%H %s").splitlines():
        h, _, subject = line.partition(" ")
        if subject == message:
            return h
    raise AssertionError(message)


def history_text(page: Path) -> str:
    html = page.read_text()
    section = html[html.index('id="goal-history"') :]
    section = section[: section.index("</section>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))


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


def assert_history_before_the_move(repo: Repo, data: dict[str, Any], latest: bool = True) -> None:
    """What the history said while the site was at the repository's top
    (``latest``: no check-in since, so the figure is still Carol's)."""
    emea = data["objectives"]["emea"]
    assert whys_checked(repo, emea["changes"]) == [
        change(sha(repo, "Start"), "2025-12-20", "Alice Ng", "created", None,
               "Expand into EMEA", False, False),
    ]  # fmt: skip
    countries = emea["key_results"]["countries"]
    assert whys_checked(repo, countries["changes"]) == [
        change(sha(repo, "Fewer countries"), "2026-01-10", "Bob Stone", "target", 4, 3,
               True, True),
    ]  # fmt: skip
    source = countries["source"]
    assert not latest or (
        source["file"],
        source["author"],
        source["committed"],
        source["backdated"],
    ) == (
        "content/checkins/2026-01-13-emea.md",
        "Carol Diaz",
        "2026-01-14",
        False,
    )
    by_file = {c["file"]: c for c in data["checkins"]}
    on_time = by_file["content/checkins/2026-01-13-emea.md"]
    assert (on_time["commit"], on_time["author"], on_time["committed"], on_time["backdated"]) == (
        sha(repo, "Check-in"),
        "Carol Diaz",
        "2026-01-14",
        False,
    )
    late = by_file["content/checkins/2026-01-06-emea.md"]
    assert (late["commit"], late["author"], late["committed"], late["backdated"]) == (
        sha(repo, "Forgot this one"),
        "Dave Kim",
        "2026-02-01",
        True,  # it was backdated before the move, and still is
    )


def test_a_moved_site_keeps_its_history(tmp_path: Path) -> None:
    repo = story(tmp_path / "repo")
    before = build(repo.root, tmp_path / "before")
    assert_history_before_the_move(repo, before)
    moved = move_site(repo, "okrsite.toml", "content", to="goals")
    site = repo.root / "goals"
    data = build(site, tmp_path / "out")
    assert_history_before_the_move(repo, data)
    assert "Eve Moss" not in json.dumps(data)  # the move is no one's change
    assert moved not in json.dumps(data)
    assert {k: v for k, v in data.items() if k != "commits_seen"} == {
        k: v for k, v in before.items() if k != "commits_seen"
    }
    text = history_text(tmp_path / "out/objectives/emea/index.html")
    assert "Alice Ng" in text and "Bob Stone" in text
    assert "Eve Moss" not in text and "2026-02-20" not in text


def test_the_history_cache_follows_the_move_too(tmp_path: Path) -> None:
    """A second build after one more commit reads that commit only, from the
    cache the first build wrote, and says the same of the earlier ones."""
    repo = story(tmp_path / "repo")
    move_site(repo, "okrsite.toml", "content", to="goals")
    site = repo.root / "goals"
    build(site, tmp_path / "out")
    repo.write("goals/content/checkins/2026-03-01-emea.md", checkin("2026-03-01", 2, "alice"))
    repo.commit("March check-in", "alice", day("2026-03-01"), committed=day("2026-03-02"))
    data = build(site, tmp_path / "out")
    assert_history_before_the_move(repo, data, latest=False)
    by_file = {c["file"]: c for c in data["checkins"]}
    march = by_file["content/checkins/2026-03-01-emea.md"]
    assert (march["author"], march["committed"], march["backdated"]) == (
        "Alice Ng",
        "2026-03-02",
        False,
    )
    source = data["objectives"]["emea"]["key_results"]["countries"]["source"]
    assert (source["file"], source["author"]) == ("content/checkins/2026-03-01-emea.md", "Alice Ng")
    assert "Eve Moss" not in json.dumps(data)
    text = history_text(tmp_path / "out/objectives/emea/index.html")
    assert "Alice Ng" in text and "Eve Moss" not in text
    # everything is cached now, under each folder the site was read from
    load = load_site(site)
    reader = HistoryReader(site, load.config, load.scored.portfolio.cycles)
    again = reader.read()
    assert again.commits_read == 0
    assert {prefix for prefix, _content in reader.events_of} == {"goals/", ""}
    assert again.checkins == reader.read().checkins


def test_a_site_moved_twice_keeps_its_history(tmp_path: Path) -> None:
    """``git mv goals goals-site`` after the first move: followed back to the top."""
    repo = story(tmp_path / "repo")
    move_site(repo, "okrsite.toml", "content", to="goals")
    site = repo.root / "goals"
    build(site, tmp_path / "out")  # a warm cache under goals/, left behind by the move
    repo.git("mv", "goals", "goals-site", who="dave", when=day("2026-03-05"))
    repo.commit("Rename the folder", "dave", day("2026-03-05"))
    data = build(repo.root / "goals-site", tmp_path / "out2")
    assert_history_before_the_move(repo, data)
    assert "Eve Moss" not in json.dumps(data)
    assert sha(repo, "Rename the folder") not in json.dumps(data)


def test_a_copied_site_starts_afresh(tmp_path: Path) -> None:
    """A copy leaves the old site where it was: git reports an addition, and the
    copy's history starts with the commit that made it."""
    repo = story(tmp_path / "repo")
    for rel in ("okrsite.toml", "content/objectives/emea.md", "content/people/uma.md"):
        repo.write(f"copy/{rel}", (repo.root / rel).read_text())
    copied = repo.commit("Copy the site", "eve", day("2026-02-20"))
    data = build(repo.root / "copy", tmp_path / "out")
    (created,) = data["objectives"]["emea"]["changes"]
    assert (created["commit"], created["author"], created["field"]) == (
        copied,
        "Eve Moss",
        "created",
    )


def test_a_branch_forked_before_the_move_keeps_its_check_in(tmp_path: Path) -> None:
    """A check-in written on a branch forked before the move (to the old folder)
    and merged after it (git's merge puts it in the new one) keeps its commit."""
    repo = story(tmp_path / "repo")
    repo.git("checkout", "-q", "-b", "late")
    repo.write("content/checkins/2026-02-15-emea.md", checkin("2026-02-15", 2, "bob"))
    written = repo.commit("Bob's check-in", "bob", day("2026-02-15"))
    repo.git("checkout", "-q", "main")
    move_site(repo, "okrsite.toml", "content", to="goals")
    # git follows the folder's move only when told to (else it asks, as a conflict)
    merge = ["-c", "merge.directoryRenames=true", "merge", "-q", "--no-ff"]
    repo.git(*merge, "-m", "Merge pull request #7", "late", when=day("2026-02-21"))
    assert (repo.root / "goals/content/checkins/2026-02-15-emea.md").exists()
    data = build(repo.root / "goals", tmp_path / "out")
    assert_history_before_the_move(repo, data, latest=False)
    by_file = {c["file"]: c for c in data["checkins"]}
    late = by_file["content/checkins/2026-02-15-emea.md"]
    assert (late["commit"], late["author"], late["committed"], late["pr"]) == (
        written,
        "Bob Stone",
        "2026-02-15",
        "#7",
    )
    assert "Eve Moss" not in json.dumps(data)
