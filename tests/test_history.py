"""The site's history, read from real git repositories built here commit by commit.

The story (cycle 2026-Q1 starts on 2026-01-01; as_of 2026-03-01):

1. 2025-12-20 Alice creates objective sales/emea (revenue 100→200 k€, churn
   5→2 %), KPI nps (target 50, Dec value 30), people and a team.
2. 2026-01-10 Bob, on a branch: revenue target 200→150 (less ambitious),
   churn target 2→1 (lower is better: more ambitious). Carol merges it on
   2026-01-12 as "Merge pull request #12".
3. 2026-01-14 Alice: check-in B dated 2026-01-13 (churn 4).
4. 2026-01-15 Dave renames the file to sales/europe.md (the id follows the
   path) and makes Bob the owner; check-in B follows the new id.
5. Check-in A dated 2026-01-06 (revenue 110), authored 2026-01-06 by Bob but
   committed on 2026-02-01: 26 days later, backdated.
6. 2026-02-02 Carol: KPI nps gets a February value 35 ("… (#15)": a squash merge).
7. 2026-02-05 Eve, on a branch: KPI target 50→45, merged with GitLab's
   "See merge request acme/goals!7".
8. 2026-02-10 Eve adds key result deals mid-cycle.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
import subprocess
import textwrap
import time
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import Repo, whys_checked

from okrsite.cache_checksum import sealed
from okrsite.cli import cli
from okrsite.gitsource import CommitInfo
from okrsite.history import HistoryReader, pr_numbers, read_history
from okrsite.pipeline import load_site

OBJECTIVE = """\
---
title: Grow EMEA
cycle: 2026-Q1
owner: {owner}
team: sales
key_results:
  - id: revenue
    title: Reach 200k EUR revenue
    start: 100
    target: {revenue}
    unit: k EUR
  - id: churn
    title: Cut churn
    start: 5
    target: {churn}
    unit: "%"
{extra}---
Why EMEA.
"""

KPI = """\
---
title: Net Promoter Score
direction: up
owner: alice
team: sales
target: {target}
values:
{values}---
"""


def objective(owner: str = "alice", revenue: int = 200, churn: int = 2, extra: str = "") -> str:
    return OBJECTIVE.format(owner=owner, revenue=revenue, churn=churn, extra=extra)


def kpi(target: int = 50, values: str = "  2025-12-01: 30\n") -> str:
    return KPI.format(target=target, values=values)


def checkin(obj: str, day: str, values: str, author: str) -> str:
    return f"---\nobjective: {obj}\ndate: {day}\nauthor: {author}\nvalues: {values}\n---\n"


def day(d: str) -> str:
    return f"{d}T10:00:00+00:00"


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    repo = Repo(tmp_path_factory.mktemp("history") / "goals")
    repo.write(
        "okrsite.toml",
        'title = "Acme"\nrepo_url = "https://github.com/acme/goals"\nas_of = 2026-03-01\n',
    )
    repo.write("content/objectives/sales/emea.md", objective())
    repo.write("content/kpis/nps.md", kpi())
    repo.write("content/people/alice.md", "---\ntitle: Alice Ng\ngithub: alice-ng\n---\n")
    repo.write("content/people/bob.md", "---\ntitle: Bob Stone\ngitlab: bstone\n---\n")
    repo.write("content/teams/sales.md", "---\ntitle: Sales\ngithub: '@acme/sales'\n---\n")
    repo.commit("Start the goals", "alice", day("2025-12-20"))

    repo.git("checkout", "-q", "-b", "ease")
    repo.write("content/objectives/sales/emea.md", objective(revenue=150, churn=1))
    repo.commit("Revenue target down, churn target tighter", "bob", day("2026-01-10"))
    repo.git("checkout", "-q", "main")
    repo.git(
        "merge",
        "-q",
        "--no-ff",
        "ease",
        "-m",
        "Merge pull request #12 from acme/ease",
        who="carol",
        when=day("2026-01-12"),
    )

    repo.write(
        "content/checkins/2026-01-13-emea.md",
        checkin("sales/emea", "2026-01-13", "{churn: 4}", "alice"),
    )
    repo.commit("Check in", "alice", day("2026-01-14"))

    repo.git("mv", "content/objectives/sales/emea.md", "content/objectives/sales/europe.md")
    repo.write("content/objectives/sales/europe.md", objective("bob", 150, 1))
    repo.write(
        "content/checkins/2026-01-13-emea.md",
        checkin("sales/europe", "2026-01-13", "{churn: 4}", "alice"),
    )
    repo.commit("EMEA is Europe now; Bob owns it", "dave", day("2026-01-15"))

    repo.write(
        "content/checkins/2026-01-06-europe.md",
        checkin("sales/europe", "2026-01-06", "{revenue: 110}", "bob"),
    )
    repo.commit("Forgot this one", "bob", day("2026-01-06"), committed=day("2026-02-01"))

    repo.write("content/kpis/nps.md", kpi(values="  2025-12-01: 30\n  2026-02-01: 35\n"))
    repo.commit("NPS for February (#15)", "carol", day("2026-02-02"))

    repo.git("checkout", "-q", "-b", "nps")
    repo.write("content/kpis/nps.md", kpi(45, "  2025-12-01: 30\n  2026-02-01: 35\n"))
    repo.commit("Realistic NPS target", "eve", day("2026-02-05"))
    repo.git("checkout", "-q", "main")
    repo.git(
        "merge",
        "-q",
        "--no-ff",
        "nps",
        "-m",
        "Merge branch 'nps' into 'main'\n\nRealistic NPS target\n\nSee merge request acme/goals!7",
        who="eve",
        when=day("2026-02-06"),
    )

    deals = "  - id: deals\n    title: Sign 10 deals\n    start: 0\n    target: 10\n"
    repo.write("content/objectives/sales/europe.md", objective("bob", 150, 1, deals))
    repo.commit("Count deals too", "eve", day("2026-02-10"))
    return repo


def sha(repo: Repo, message: str) -> str:
    """The commit whose subject is ``message``."""
    out = repo.git("log", "--all", "--format=%H %s")
    for line in out.splitlines():
        h, _, subject = line.partition(" ")
        if subject == message:
            return h
    raise AssertionError(message)


@pytest.fixture(scope="module")
def built(story: Repo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "site"
    result = CliRunner().invoke(cli, ["build", "--site", str(story.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def change(h: str, date: str, author: str, field: str, old, new, mid: bool, less: bool, pr=None):
    return {
        "commit": h,
        "pr": pr,
        "date": date,
        "author": author,
        "field": field,
        "old": old,
        "new": new,
        "mid_cycle": mid,
        "less_ambitious": less,
    }


def test_objective_history_follows_the_rename_and_names_the_pull_request(
    story: Repo, built: Path
) -> None:
    data = json.loads((built / "api/history.json").read_text())
    assert data["available"] is True and data["shallow"] is False
    assert data["commits_seen"] == 10
    assert "sales/emea" not in data["objectives"]
    europe = data["objectives"]["sales/europe"]
    start = sha(story, "Start the goals")
    move = sha(story, "EMEA is Europe now; Bob owns it")
    assert whys_checked(story, europe["changes"]) == [
        change(start, "2025-12-20", "Alice Ng", "created", None, "Grow EMEA", False, False),
        change(move, "2026-01-15", "Dave Kim", "id", "sales/emea", "sales/europe", True, False),
        change(move, "2026-01-15", "Dave Kim", "owner", "alice", "bob", True, False),
    ]
    ease = sha(story, "Revenue target down, churn target tighter")
    krs = europe["key_results"]
    # written on the branch on 2026-01-10, it entered main with the merge of #12
    # on 2026-01-12: the date of a change is the day it entered the branch
    entered = {"authored": "2026-01-10"}
    assert whys_checked(story, krs["revenue"]["changes"]) == [
        change(ease, "2026-01-12", "Bob Stone", "target", 200, 150, True, True, "#12") | entered
    ]
    # churn: lower is better, so a lower target is more ambitious
    assert whys_checked(story, krs["churn"]["changes"]) == [
        change(ease, "2026-01-12", "Bob Stone", "target", 2, 1, True, False, "#12") | entered
    ]
    deals = sha(story, "Count deals too")
    assert whys_checked(story, krs["deals"]["changes"]) == [
        change(deals, "2026-02-10", "Eve Moss", "key_result", None, "Sign 10 deals", True, False)
    ]


def test_kpi_history_names_gitlab_and_squash_requests(story: Repo, built: Path) -> None:
    nps = json.loads((built / "api/history.json").read_text())["kpis"]["nps"]
    start = sha(story, "Start the goals")
    target = sha(story, "Realistic NPS target")
    assert whys_checked(story, nps["changes"]) == [
        change(
            start, "2025-12-20", "Alice Ng", "created", None, "Net Promoter Score", False, False
        ),
        # a KPI has no cycle: never mid-cycle; up is better, so 50 -> 45 is easier
        change(target, "2026-02-06", "Eve Moss", "target", 50, 45, False, True, "!7")
        | {"authored": "2026-02-05"},  # merged (GitLab's !7) the day after it was written
    ]
    source = nps["source"]
    assert (source["kind"], source["file"], source["date"]) == (
        "values",
        "content/kpis/nps.md",
        "2026-02-01",
    )
    assert source["commit"] == sha(story, "NPS for February (#15)")
    assert (source["author"], source["pr"], source["committed"]) == (
        "Carol Diaz",
        "#15",
        "2026-02-02",
    )


def test_check_ins_say_who_committed_them_and_which_were_backdated(
    story: Repo, built: Path
) -> None:
    data = json.loads((built / "api/history.json").read_text())
    by_file = {c["file"]: c for c in data["checkins"]}
    late = by_file["content/checkins/2026-01-06-europe.md"]
    assert late == {
        "file": "content/checkins/2026-01-06-europe.md",
        "id": "2026-01-06-europe",
        "date": "2026-01-06",
        "committed": "2026-02-01",  # the committer date, not the author date
        "author": "Bob Stone",
        "commit": sha(story, "Forgot this one"),
        "pr": None,
        "backdated": True,
        "edited": False,
        "submodule": None,
    }
    on_time = by_file["content/checkins/2026-01-13-emea.md"]
    assert (on_time["committed"], on_time["author"], on_time["backdated"]) == (
        "2026-01-14",
        "Alice Ng",
        False,
    )
    revenue = data["objectives"]["sales/europe"]["key_results"]["revenue"]["source"]
    assert (revenue["kind"], revenue["file"], revenue["backdated"]) == (
        "check-in",
        "content/checkins/2026-01-06-europe.md",
        True,
    )
    churn = data["objectives"]["sales/europe"]["key_results"]["churn"]["source"]
    assert churn["file"] == "content/checkins/2026-01-13-emea.md"
    assert data["objectives"]["sales/europe"]["key_results"]["deals"]["source"] is None


def test_objective_page_shows_the_timeline(story: Repo, built: Path) -> None:
    html = (built / "objectives/sales/europe/index.html").read_text()
    section = html[html.index('id="goal-history"') :]
    section = section[: section.index("</section>")]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))
    # figures with their unit, as the key result rows show them
    assert "“Reach 200k EUR revenue” target 200 k EUR → 150 k EUR less ambitious mid-cycle" in text
    assert "“Cut churn” target 2% → 1% more ambitious mid-cycle" in text
    assert "“Cut churn” target 2% → 1% less ambitious" not in text
    assert "moved from sales/emea to sales/europe" in text
    assert "owner Alice Ng → Bob Stone mid-cycle" in text  # names, as the page gives them
    assert "created as “Grow EMEA”" in text
    ease = sha(story, "Revenue target down, churn target tighter")
    assert f'href="https://github.com/acme/goals/commit/{ease}"' in section
    assert 'href="https://github.com/acme/goals/pull/12">#12</a>' in section
    # newest first
    assert text.index("key result added: “Sign 10 deals”") < text.index("created as")
    assert (
        "check-in content/checkins/2026-01-06-europe.md dated 2026-01-06, committed by Bob Stone on 2026-02-01"
        in text
    )
    assert "backdated" in text


def test_kpi_page_shows_where_the_value_comes_from(story: Repo, built: Path) -> None:
    html = (built / "kpis/nps/index.html").read_text()
    section = html[html.index('id="goal-history"') :]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section[: section.index("</section>")]))
    assert (
        "values: entry 2026-02-01 in content/kpis/nps.md, committed by Carol Diaz on 2026-02-02"
        in text
    )
    assert "target 50 → 45 less ambitious" in text
    # a GitLab merge request's number on a site now on GitHub: shown, never
    # linked (pull request 7 is not merge request 7)
    assert "!7" in text and "merge_requests" not in section and "/pull/7" not in section
    assert "mid-cycle" not in text


def test_feed_marks_backdated_check_ins(built: Path) -> None:
    feed = (built / "checkins.xml").read_text()
    entries = feed.split("<entry>")[1:]
    late = next(e for e in entries if "2026-01-06-europe" in e)
    on_time = next(e for e in entries if "2026-01-13-emea" in e)
    assert "Backdated: committed 2026-02-01" in late
    assert "Backdated" not in on_time


def test_backdate_days_is_a_setting(story: Repo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.root), str(clone)], check=True)
    toml = clone / "okrsite.toml"
    toml.write_text(toml.read_text() + "backdate_days = 30\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(clone), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text())
    assert data["backdate_days"] == 30
    assert not any(c["backdated"] for c in data["checkins"])


def test_shallow_clone_says_how_many_commits_it_saw(story: Repo, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{story.root}", str(clone)], check=True
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(clone), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text())
    assert data["shallow"] is True
    assert data["commits_seen"] == 2
    assert "shallow clone, 2 commits seen" in data["note"]
    html = (out / "objectives/sales/europe/index.html").read_text()
    assert "shallow clone, 2 commits seen" in html


def test_a_clone_of_depth_one_says_it_has_only_the_latest_commit(
    story: Repo, tmp_path: Path
) -> None:
    # what CI checks out by default: one commit, said in words, not "1 commits seen"
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{story.root}", str(clone)], check=True
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(clone), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text())
    assert (data["shallow"], data["commits_seen"]) == (True, 1)
    note = "Partial history: this is a shallow clone with only its latest commit;"
    assert data["note"].startswith(note)
    html = (out / "objectives/sales/europe/index.html").read_text()
    assert note in html and "1 commits" not in html


def test_a_backdate_window_of_one_day_reads_in_the_singular(story: Repo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.root), str(clone)], check=True)
    toml = clone / "okrsite.toml"
    toml.write_text(toml.read_text() + "backdate_days = 1\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(clone), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = (out / "objectives/sales/europe/index.html").read_text()
    assert (
        '>backdated</strong> <span class="muted">(committed more than 1 day after its date)' in html
    )
    assert "1 days" not in html


def test_okrsite_build_saves_the_history_it_read_while_pages_render(
    story: Repo, tmp_path: Path
) -> None:
    """``okrsite build`` saves what it read of the history while its pages
    render (in a forked child, with the parse cache), not before: the next
    read finds every commit saved, and so does one after a failed build."""
    clone = Repo.__new__(Repo)
    clone.root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.root), str(clone.root)], check=True)
    result = CliRunner().invoke(cli, ["build", "--site", str(clone.root)])
    assert result.exit_code == 0, result.output
    segments = clone.root / ".okrsite-cache/history"
    assert len(list(segments.glob("*.pickle"))) == 1
    load = load_site(clone.root)
    again = read_history(clone.root, load.config, load.scored.portfolio.cycles)
    assert again.commits_read == 0
    # a build that stops at a template mistake keeps what it read too
    clone.write("content/objectives/sales/europe.md", objective("carol", 150, 1))
    clone.commit("Carol takes over", "carol", day("2026-02-20"))
    (clone.root / "templates").mkdir(exist_ok=True)
    (clone.root / "templates/objective.html").write_text("{{ nothing.at.all() }}")
    failed = CliRunner().invoke(cli, ["build", "--site", str(clone.root)])
    assert failed.exit_code == 1, failed.output
    assert len(list(segments.glob("*.pickle"))) == 2
    (clone.root / "templates/objective.html").unlink()
    load = load_site(clone.root)
    assert read_history(clone.root, load.config, load.scored.portfolio.cycles).commits_read == 0


def test_rebuild_reads_only_new_commits(story: Repo, tmp_path: Path) -> None:
    clone = Repo.__new__(Repo)
    clone.root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.root), str(clone.root)], check=True)
    load = load_site(clone.root)
    cycles = load.scored.portfolio.cycles
    first = read_history(clone.root, load.config, cycles)
    assert first.commits_read == 10  # 10 commits, 2 of them merges on main's line
    segments = clone.root / ".okrsite-cache/history"
    assert len(list(segments.glob("*.pickle"))) == 1
    assert clone.git("status", "--porcelain") == ""  # the cache keeps itself out of git
    again = read_history(clone.root, load.config, cycles)
    assert again.commits_read == 0
    assert again.objectives == first.objectives
    clone.write("content/objectives/sales/europe.md", objective("carol", 150, 1))
    new = clone.commit("Carol takes over", "carol", day("2026-02-20"))
    third = read_history(clone.root, load.config, cycles)
    assert third.commits_read == 1
    # only the new commit was written, beside the first segment
    assert sorted(len(_events_of(p)) for p in segments.glob("*.pickle")) == [1, 10]
    owner, removed = third.objectives["sales/europe"][-2:]
    assert (owner.commit, owner.field, owner.old, owner.new) == (new, "owner", "bob", "carol")
    assert (removed.field, removed.key_result, removed.old) == (
        "key_result",
        "deals",
        "Sign 10 deals",
    )
    # a damaged cache is read again from git, not trusted
    newest = max(segments.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    newest.write_bytes(newest.read_bytes()[:-20])
    fourth = read_history(clone.root, load.config, cycles)
    assert fourth.commits_read == 11 and fourth.objectives == third.objectives
    # a whole segment of the wrong shape is not trusted either
    (segment,) = segments.glob("*.pickle")
    head = segment.read_bytes().split(b"\n", 1)[0] + b"\n"
    bad = {new: {"records": [{"kind": "objective"}], "checkins": [], "rows": []}}
    segment.write_bytes(sealed(head + pickle.dumps(bad)))
    fifth = read_history(clone.root, load.config, cycles)
    assert fifth.commits_read == 11 and fifth.objectives == third.objectives
    # nor one that would build anything but plain values
    (segment,) = segments.glob("*.pickle")
    segment.write_bytes(sealed(head + pickle.dumps({new: {"records": [date(2026, 1, 1)]}})))
    sixth = read_history(clone.root, load.config, cycles)
    assert sixth.commits_read == 11 and sixth.objectives == third.objectives


def _events_of(segment: Path) -> dict[str, object]:
    raw = segment.read_bytes()
    return pickle.loads(raw[raw.index(b"\n") + 1 :])  # test data written by okrsite itself


def test_history_and_parse_caches_share_the_folder(story: Repo, tmp_path: Path) -> None:
    """Both caches live in cache_dir; rebuilding with either changed keeps the other's file."""
    clone = Repo.__new__(Repo)
    clone.root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.root), str(clone.root)], check=True)
    folder = clone.root / ".okrsite-cache"

    def build_and_list(*extra: str) -> list[str]:
        out = tmp_path / "out"
        args = ["build", "--site", str(clone.root), "--out", str(out), *extra]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        return sorted(p.name for p in folder.iterdir())

    first = build_and_list()
    assert "history" in first and ".gitignore" in first
    assert [n for n in first if n.startswith("parse-")], first
    # a new commit rewrites the history cache: the parse cache stays. Folder
    # listings and shards of the parse cache are written only for files that
    # settled two seconds before a build (folder_listings.SETTLED_NS), so a
    # build that follows the clone by more than that adds them: not a change
    settling = ("folders-", "shard-")

    def kept(names: list[str]) -> list[str]:
        return [n for n in names if not n.startswith(settling)]

    clone.write("content/objectives/sales/europe.md", objective("carol", 150, 1))
    clone.commit("Carol takes over", "carol", day("2026-02-20"))
    second = build_and_list()
    assert set(first) <= set(second) and kept(second) == kept(first), (first, second)
    # a changed setting makes a new parse cache (the old one is removed): the history stays
    toml = clone.root / "okrsite.toml"
    toml.write_text(toml.read_text() + 'default_cycle = "2026-Q1"\n')
    again = build_and_list()
    assert "history" in again and len(kept(again)) == len(kept(first))
    assert kept(again) != kept(first)
    assert clone.git("status", "--porcelain") == "M okrsite.toml"  # the folder ignores itself
    # --cache-dir moves both caches
    elsewhere = tmp_path / "cache"
    build_and_list("--cache-dir", str(elsewhere))
    assert list(elsewhere.glob("history/*.pickle")) and list(elsewhere.glob("parse-*.pickle"))
    # --no-cache leaves the cache folder alone, the history's part too
    shutil.rmtree(folder)
    out = tmp_path / "again"
    args = ["build", "--site", str(clone.root), "--out", str(out), "--no-cache"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert not folder.exists()
    assert json.loads((out / "api/history.json").read_text())["available"] is True


def site_without_git(root: Path, extra: str = "") -> Path:
    (root / "content/objectives").mkdir(parents=True)
    (root / "okrsite.toml").write_text(f"as_of = 2026-03-01\n{extra}")
    (root / "content/objectives/o.md").write_text(textwrap.dedent(objective()))
    (root / "content/kpis").mkdir()
    (root / "content/kpis/nps.md").write_text(kpi())
    return root


def test_without_git_the_site_builds_with_a_note(tmp_path: Path) -> None:
    root = site_without_git(tmp_path / "plain")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text())
    assert data["available"] is False
    assert "not in a git repository" in data["note"]
    assert "not in a git repository" in (out / "objectives/o/index.html").read_text()
    assert "not in a git repository" in (out / "kpis/nps/index.html").read_text()


def test_history_false_turns_it_off(story: Repo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.root), str(clone)], check=True)
    (clone / "okrsite.toml").write_text((clone / "okrsite.toml").read_text() + "history = false\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(clone), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text())
    assert data["available"] is False and "turned off" in data["note"]
    assert data["objectives"]["sales/europe"]["changes"] == []
    assert not (clone / ".okrsite-cache/history").exists()  # the parse cache may be there


def test_history_setting_must_be_a_boolean(tmp_path: Path) -> None:
    root = site_without_git(tmp_path / "s", 'history = "no"\nbackdate_days = -1\n')
    result = CliRunner().invoke(cli, ["check", "--site", str(root)])
    assert result.exit_code == 1
    assert "history must be true or false" in result.output
    assert "backdate_days must be a whole number" in result.output


def commit_info(sha: str, parents: str = "", subject: str = "", body: str = "") -> CommitInfo:
    return CommitInfo(
        sha, tuple(parents.split()), "A", "a@x", "2026-01-01", "2026-01-01", subject, body
    )


def test_pull_request_numbers_reach_the_commits_a_merge_brought_in() -> None:
    commits = [
        commit_info("a"),
        commit_info("b", "a"),  # on the branch
        commit_info("c", "b"),  # on the branch
        commit_info("d", "a"),  # straight on main
        commit_info("m", "d c", "Merge pull request #3 from x/y"),
        commit_info("s", "m", "Tidy titles (#4)"),
        commit_info("g", "s c", "Merge branch 'z' into 'main'", "See merge request grp/sub/proj!9"),
    ]
    assert pr_numbers(commits) == {"b": "#3", "c": "#3", "m": "#3", "s": "#4", "g": "!9"}


def test_serve_reads_history_once_and_extends_it_when_head_moves(
    story: Repo, tmp_path: Path
) -> None:
    from okrsite.preview import Preview

    clone = Repo.__new__(Repo)
    clone.root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.root), str(clone.root)], check=True)
    p = Preview(clone.root, port=0, echo=lambda m: None)
    try:
        p.start()
        reader = p.history_reader
        assert reader is not None and p.history is not None
        first = p.history
        assert first.commits_read == 10
        page = p.out / "objectives/sales/europe/index.html"
        assert "target 200 k EUR → 150 k EUR" in page.read_text()
        p.rebuild()  # nothing committed: the same history, nothing read from git again
        assert p.history is first
        clone.write("content/objectives/sales/europe.md", objective("carol", 150, 1))
        new = clone.commit("Carol takes over", "carol", day("2026-02-20"))
        p.rebuild()
        # the new commit is read once, by this rebuild or by the one the
        # watcher started on seeing it (under load it may come first: then
        # this one reads nothing); never the whole history again
        assert p.history is not first and p.history.commits_seen == first.commits_seen + 1
        assert p.history.commits_read in (0, 1), p.history.commits_read
        assert new[:7] in page.read_text()
        data = json.loads((p.out / "api/history.json").read_text())
        assert data["objectives"]["sales/europe"]["changes"][-1]["commit"] == new
    finally:
        p.stop()


def _served(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (127.0.0.1)
        return response.read().decode("utf-8")


def _wait_until(check: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_notices_a_commit_and_a_reset_without_a_save(story: Repo, tmp_path: Path) -> None:
    """A commit only rewrites files under .git, which no source watch sees: the
    preview's git watch rebuilds, and the page served over HTTP names the commit.
    ``git reset --soft`` moves the branch back without touching a file: the
    commit leaves the timeline again."""
    from okrsite.preview import Preview

    clone = Repo.__new__(Repo)
    clone.root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.root), str(clone.root)], check=True)
    p = Preview(clone.root, port=0, echo=lambda m: None)
    try:
        p.start()
        url = p.server.url + "objectives/sales/europe/"
        assert p.server.url.startswith("http://127.0.0.1:")
        clone.write("content/objectives/sales/europe.md", objective("carol", 150, 1))
        _wait_until(lambda: "carol" in _served(url), "the save to be served")
        saved = p.rebuilds
        new = clone.commit("Carol takes over", "carol", day("2026-02-20"))
        _wait_until(lambda: new[:7] in _served(url), "the commit to show on the page")
        assert p.rebuilds > saved and p.history is not None and p.history.commits_read == 1
        json_url = p.server.url + "api/history.json"
        changes = json.loads(_served(json_url))["objectives"]["sales/europe"]["changes"]
        assert changes[-1]["commit"] == new
        clone.git("reset", "-q", "--soft", "HEAD~1")
        _wait_until(lambda: new[:7] not in _served(url), "the reset to show on the page")
        assert "carol" in _served(url)  # the file is as saved: only the history moved back
    finally:
        p.stop()


def commits_of(root: Path) -> tuple[Any, list[str], list[tuple[str, list[Any]]]]:
    """The site's configuration, its commits (merges left out, as the history
    reads them) and each one's changes to the content folder."""
    from okrsite.gitsource import log_commits, raw_changes

    shas = [c.sha for c in log_commits(root) if len(c.parents) < 2]
    changes = raw_changes(root, shas, "content/")
    return load_site(root).config, shas, [(s, changes.get(s, [])) for s in shas]


def test_commits_shared_among_git_processes_read_as_one_process(
    story: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okrsite import gitsource

    _config, shas, ordered = commits_of(story.root)
    monkeypatch.setattr(gitsource, "SPLIT_RAW_AFTER", 1)
    split = gitsource.raw_changes(story.root, shas, "content/", processes=3)
    assert {sha: split.get(sha, []) for sha in shas} == dict(ordered)
    assert len(shas) >= 3 and sum(len(c) for c in split.values()) >= 8


def test_workers_read_the_same_events_as_one_process(
    story: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okrsite import history_commits

    config, shas, ordered = commits_of(story.root)
    alone = history_commits.commit_events_of(story.root, "", config, ordered, jobs=1)
    monkeypatch.setattr(history_commits, "PARALLEL_CHANGES", 0)
    split = history_commits.commit_events_of(story.root, "", config, ordered, jobs=3)
    assert split == alone
    assert len(alone) == 8 and sum(len(e["records"]) for e in alone.values()) >= 6
    # the current site's parses stand in for the versions equal to them
    from okrsite.history import current_records

    load = load_site(story.root)
    known = history_commits.known_versions(story.root, "", current_records(load.scored.portfolio))
    assert len(known) == 4  # objective, KPI and both check-ins as they are now
    reused = history_commits.commit_events_of(story.root, "", config, ordered, 3, known)
    assert reused == alone
    plan = history_commits.blob_plan(ordered, known)
    assert len(plan) < len(history_commits.blob_plan(ordered, {}))
    # git's index names the same blobs as hashing every file does
    assert (
        history_commits.known_versions(
            story.root, "", current_records(load.scored.portfolio), story.root
        )
        == known
    )
    assert len(history_commits.index_blobs(story.root, "")) >= 4


def test_a_file_changed_since_it_was_staged_is_hashed_not_taken_from_the_index(
    tmp_path: Path,
) -> None:
    """The index names the blob git last staged; a file edited since (even with
    its size and time kept, so only its content tells) is not that blob."""
    import os

    from okrsite import history_commits
    from okrsite.history import current_records

    repo = Repo(tmp_path / "site")
    repo.write("okrsite.toml", 'title = "T"\n')
    repo.write(
        "content/objectives/a.md",
        "---\ntitle: Grow\nowner: Uma Diaz\ncycle: 2026-Q4\nkey_results:\n  - title: Deals\n"
        "    start: 0\n    target: 10\n---\n",
    )
    repo.commit("Goal", "alice", "2026-11-02T10:00:00+00:00")
    goal = repo.root / "content/objectives/a.md"
    stat = goal.stat()
    goal.write_text(goal.read_text().replace("target: 10", "target: 20"))
    os.utime(goal, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    index = history_commits.index_blobs(repo.root, "")
    assert "okrsite.toml" in index and "content/objectives/a.md" not in index
    (record,) = current_records(load_site(repo.root).scored.portfolio)
    known = history_commits.known_versions(repo.root, "", [record], repo.root)
    committed = repo.git("rev-parse", "HEAD:content/objectives/a.md")
    assert ("content/objectives/a.md", committed) not in known
    assert len(known) == 1


def test_workers_get_files_of_about_the_same_work() -> None:
    """A first commit of 400 files, 300 of them versions the site has parsed
    (check-ins never changed), then 60 commits of 10 edits each to the other
    100: each worker gets about half of the parsing, whatever the count of
    changes, and every file goes to exactly one worker."""
    from okrsite.gitsource import ZERO_OID, RawChange
    from okrsite.history_split import assign_files

    def oid(n: int) -> str:
        return f"{n + 1:040x}"  # never the zero id

    first = [RawChange("A", ZERO_OID, oid(i), f"content/f{i}.md") for i in range(400)]
    commits = [("c0", first)]
    version = {i: i for i in range(100)}
    for c in range(1, 61):
        changes = []
        for k in range(10):
            i = (c * 10 + k) % 100
            changes.append(RawChange("M", oid(version[i]), oid(1000 * c + i), f"content/f{i}.md"))
            version[i] = 1000 * c + i
        commits.append((f"c{c}", changes))
    known = {(f"content/f{i}.md", oid(i)): object() for i in range(100, 400)}

    shares = assign_files(commits, 2, known)
    assert shares[0] | shares[1] == {f"content/f{i}.md" for i in range(400)}
    assert not shares[0] & shares[1]
    edited = [len([f for f in share if int(f[9:-3]) < 100]) for share in shares]
    assert edited == [50, 50]  # the files with parsing to do, half each
    assert len(assign_files(commits[:1], 3, known)[2]) > 0


def test_moved_files_and_shared_ids_read_alike_in_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers each read some files; a goal whose file moved (paired across
    two files by id and title) and two files claiming one id must come out as
    one process reads them: such commits are read again whole."""
    from okrsite import history_commits

    repo = Repo(tmp_path / "site")
    repo.write("okrsite.toml", 'title = "T"\ndefault_cycle = "2026-Q4"\n')

    def goal(title: str, target: int, explicit: str = "") -> str:
        head = f"id: {explicit}\n" if explicit else ""
        return (
            f"---\n{head}title: {title}\nowner: Uma Diaz\nkey_results:\n"
            f"  - title: Deals\n    start: 0\n    target: {target}\n---\n"
        )

    for n in range(12):
        repo.write(f"content/objectives/g{n:02d}.md", goal(f"Goal {n}", 10 + n))
    repo.commit("Goals", "alice", "2026-10-01T10:00:00+00:00")
    for n in range(12):
        repo.write(f"content/objectives/g{n:02d}.md", goal(f"Goal {n}", 20 + n))
    repo.commit("Raise every target", "bob", "2026-10-02T10:00:00+00:00")
    for n in (1, 6, 11):  # moved, and changed on the way
        (repo.root / f"content/objectives/g{n:02d}.md").unlink()
        repo.write(f"content/objectives/moved/g{n:02d}.md", goal(f"Goal {n}", 30 + n))
    repo.commit("Move three goals", "carol", "2026-10-03T10:00:00+00:00")
    repo.write("content/objectives/twin.md", goal("Twin", 5, explicit="g04"))
    repo.write("content/objectives/g09.md", goal("Goal 9", 99))
    repo.commit("A second file claims g04", "dave", "2026-10-04T10:00:00+00:00")

    config, shas, ordered = commits_of(repo.root)
    alone = history_commits.commit_events_of(repo.root, "", config, ordered, jobs=1)
    monkeypatch.setattr(history_commits, "PARALLEL_CHANGES", 0)
    for jobs in (2, 3, 5):
        assert history_commits.commit_events_of(repo.root, "", config, ordered, jobs=jobs) == alone
    moved = alone[shas[2]]["records"]
    assert {r.get("from") for r in moved} >= {"g01", "g06", "g11"}


def test_a_kpi_value_from_a_csv_row_names_the_commit_that_added_the_row(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "csv")
    repo.write("okrsite.toml", "as_of = 2026-03-01\n")
    repo.write(
        "content/kpis/uptime.md",
        "---\ntitle: Uptime\nunit: '%'\ndirection: up\ntarget: 99.9\ndata: data/uptime.csv\n---\n",
    )
    repo.write("content/data/uptime.csv", "date,value\n2026-01-01,99.5\n2026-02-01,99.7\n")
    repo.commit("Uptime from the monitoring export", "alice", day("2026-02-02"))
    # Bob corrects January and adds March: the latest value as of 2026-03-01 is March's
    repo.write(
        "content/data/uptime.csv",
        "date,value\n2026-01-01,99.6\n2026-02-01,99.7\n2026-03-01,99.95\n",
    )
    added = repo.commit("March uptime", "bob", day("2026-03-01"))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    source = json.loads((out / "api/history.json").read_text())["kpis"]["uptime"]["source"]
    assert (source["kind"], source["file"], source["date"]) == (
        "csv",
        "content/data/uptime.csv",
        "2026-03-01",
    )
    assert (source["commit"], source["author"], source["committed"]) == (
        added,
        "Bob Stone",
        "2026-03-01",
    )
    page = (out / "kpis/uptime/index.html").read_text()
    assert (
        "row dated 2026-03-01 of <code>content/data/uptime.csv</code>, committed by <bdi>Bob Stone</bdi>"
        in page
    )


def test_a_reader_keeps_what_it_used_up_only_when_asked(story: Repo, tmp_path: Path) -> None:
    """``okrsite build`` (a process that ends after it) keeps the reader's spent
    inputs rather than freeing them mid-build; the same history either way,
    and a reader that lives on (``serve``) holds nothing more by default."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.root), str(clone)], check=True)
    load = load_site(clone)
    cycles = load.scored.portfolio.cycles
    plain = HistoryReader(clone, load.config, cycles, use_cache=False)
    keeping = HistoryReader(clone, load.config, cycles, use_cache=False)
    keeping.keep_spent = True
    assert plain.read().objectives == keeping.read().objectives
    assert plain.spent == []
    ((changes, known),) = keeping.spent
    # 8 commits read, and each of the 2 merges against each of its 2 parents
    assert len(changes) == 12 and known == {}


def test_a_quarter_spelled_another_way_is_no_change_of_cycle(tmp_path: Path) -> None:
    """``cycle: 2026-Q1`` rewritten as ``Q1 2026`` names the same cycle: the
    timeline shows only the target that moved with it, and marks it mid-cycle
    (the cycle is found among the site's cycles however it is spelled)."""
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", 'title = "Acme"\nas_of = 2026-03-01\n')
    repo.write("content/objectives/sales/emea.md", objective())
    start = repo.commit("Start the goals", "alice", day("2025-12-20"))
    text = (
        objective()
        .replace("cycle: 2026-Q1", "cycle: Q1 2026")
        .replace("target: 200", "target: 150")
    )
    assert "Q1 2026" in text and "target: 150" in text
    repo.write("content/objectives/sales/emea.md", text)
    respelled = repo.commit(
        "Spell the quarter as we say it; revenue down", "bob", day("2026-01-10")
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    emea = json.loads((out / "api/history.json").read_text())["objectives"]["sales/emea"]
    assert [c["field"] for c in emea["changes"]] == ["created"]
    assert emea["changes"][0]["commit"] == start
    assert whys_checked(repo, emea["key_results"]["revenue"]["changes"]) == [
        change(respelled, "2026-01-10", "Bob Stone", "target", 200, 150, True, True)
    ]


def test_timeline_names_people_and_teams_and_writes_figures_as_pages_do(tmp_path: Path) -> None:
    """Pages name people and teams by their files' titles and write figures with
    their unit; the timeline does too (a team without a file by its id), each
    number in the unit it had then. ``api/history.json`` keeps the raw values."""
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", 'title = "Acme"\nas_of = 2026-03-01\n')
    repo.write("content/people/tom-lee.md", "---\ntitle: Tom Lee\n---\n")
    repo.write("content/people/uma-diaz.md", "---\ntitle: Uma Diaz\n---\n")
    repo.write("content/teams/growth.md", "---\ntitle: Growth Team\n---\n")

    def goal(owner: str, team: str, target: int, unit: str) -> str:
        return (
            f"---\ntitle: Win share\ncycle: 2026-Q1\nowner: {owner}\nteam: {team}\n"
            f"key_results:\n  - id: share\n    title: Market share\n    start: 10\n"
            f"    target: {target}\n    unit: '{unit}'\n---\n"
        )

    def arr(owner: str, target: int) -> str:
        return (
            f"---\ntitle: ARR\ndirection: up\nowner: {owner}\nunit: EUR\ntarget: {target}\n"
            "values:\n  2025-12-01: 500000\n---\n"
        )

    repo.write("content/objectives/share.md", goal("tom-lee", "growth", 50, "%"))
    repo.write("content/kpis/arr.md", arr("tom-lee", 1000000))
    repo.commit("Start", "alice", day("2025-12-20"))
    repo.write("content/objectives/share.md", goal("tom-lee", "growth", 40, "%"))
    repo.commit("Less share", "bob", day("2026-01-10"))
    # one commit: new owner, a team without a file, the unit and the target
    repo.write("content/objectives/share.md", goal("uma-diaz", "ops", 1000000, "k EUR"))
    repo.write("content/kpis/arr.md", arr("uma-diaz", 800000))
    handover = repo.commit("Uma takes over; share in money", "carol", day("2026-02-01"))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output

    def text(page: str) -> str:
        html = (out / page).read_text()
        section = html[html.index('id="goal-history"') :]
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section[: section.index("</section>")]))

    goal_text = text("objectives/share/index.html")
    assert "owner Tom Lee → Uma Diaz mid-cycle" in goal_text
    assert "team Growth Team → ops mid-cycle" in goal_text
    assert "“Market share” target 50% → 40% less ambitious mid-cycle" in goal_text
    # the number replaced was in %, the one written in k EUR
    assert "“Market share” target 40% → 1,000,000 k EUR mid-cycle" in goal_text
    assert "“Market share” unit % → k EUR mid-cycle" in goal_text
    kpi_text = text("kpis/arr/index.html")
    assert "owner Tom Lee → Uma Diaz" in kpi_text
    assert "target 1,000,000 EUR → 800,000 EUR less ambitious" in kpi_text
    assert "tom-lee" not in goal_text + kpi_text and "1000000" not in goal_text + kpi_text

    data = json.loads((out / "api/history.json").read_text())
    assert whys_checked(repo, data["kpis"]["arr"]["changes"][1:]) == [
        change(handover, "2026-02-01", "Carol Diaz", "owner", "tom-lee", "uma-diaz", False, False),
        change(handover, "2026-02-01", "Carol Diaz", "target", 1000000, 800000, False, True),
    ]
    assert whys_checked(repo, data["objectives"]["share"]["changes"][1:]) == [
        change(handover, "2026-02-01", "Carol Diaz", "owner", "tom-lee", "uma-diaz", True, False),
        change(handover, "2026-02-01", "Carol Diaz", "team", "growth", "ops", True, False),
    ]


def test_serve_follows_history_turned_on_and_off_in_okrsite_toml(
    story: Repo, tmp_path: Path
) -> None:
    """Serve started with ``history = false``; turning it on in okrsite.toml
    shows the timeline and, from then on, a commit without a save, as when
    serve started with it on; turning it off again stops the watch of HEAD."""
    from okrsite.preview import Preview

    clone = Repo.__new__(Repo)
    clone.root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.root), str(clone.root)], check=True)
    settings = clone.root / "okrsite.toml"
    plain = settings.read_text(encoding="utf-8")
    settings.write_text(plain + "history = false\n", encoding="utf-8")
    p = Preview(clone.root, port=0, echo=lambda m: None)
    try:
        p.start()
        url = p.server.url + "objectives/sales/europe/"
        assert p.git_watcher is None
        assert "target 200 k EUR → 150 k EUR" not in _served(url)
        settings.write_text(plain, encoding="utf-8")
        _wait_until(lambda: "target 200 k EUR → 150 k EUR" in _served(url), "the timeline")
        assert p.git_watcher is not None
        clone.write("content/objectives/sales/europe.md", objective("carol", 150, 1))
        _wait_until(lambda: "carol" in _served(url), "the save to be served")
        new = clone.commit("Carol takes over", "carol", day("2026-02-20"))
        _wait_until(lambda: new[:7] in _served(url), "the commit to show without a save")
        settings.write_text(plain + "history = false\n", encoding="utf-8")
        _wait_until(lambda: new[:7] not in _served(url), "the timeline to go")
        assert p.git_watcher is None
    finally:
        p.stop()
