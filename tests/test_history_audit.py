"""Defects an audit found living a quarter as a team in git, each in a real
repository built here commit by commit (several authors, author and
committer dates set apart), read by the real ``okrsite build``.

1. a key result dropped (``status: dropped``) or reweighted, and an
   objective reweighted, leave an entry in the timeline;
2. a milestone ticked by a check-in names that check-in as its source, and
   the tick shows in the timeline;
3. "Changes, newest first" is in the order of the dates it shows (the date a
   commit entered the branch; the author date beside it where it differs),
   and mid-cycle is judged by that date;
4. a removed key result's earlier entries keep the title it last had;
5. each figure of a check-in names the commit that last changed that figure,
   not a later correction of another figure of the same check-in.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from okrsite.cli import cli


class Repo:
    """A git repository whose commits name their author and both dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(
        self, *args: str, who: str = "Uma Diaz", when: str = "2026-10-01", committed: str = ""
    ) -> str:
        env = dict(os.environ)
        email = who.lower().replace(" ", ".") + "@example.com"
        env.update(
            GIT_CONFIG_GLOBAL=os.devnull,
            GIT_CONFIG_NOSYSTEM="1",
            GIT_AUTHOR_NAME=who,
            GIT_AUTHOR_EMAIL=email,
            GIT_COMMITTER_NAME=who,
            GIT_COMMITTER_EMAIL=email,
            GIT_AUTHOR_DATE=f"{when}T10:00:00+00:00",
            GIT_COMMITTER_DATE=f"{committed or when}T10:00:00+00:00",
        )
        proc = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return proc.stdout.strip()

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def cm(self, who: str, when: str, message: str, committed: str = "") -> str:
        """``cm NAME DATE MSG``: commit everything as ``who`` on ``when``."""
        self.git("add", "-A", who=who, when=when)
        self.git("commit", "-q", "-m", message, who=who, when=when, committed=committed)
        return self.git("rev-parse", "HEAD")


def site(tmp_path: Path, settings: str = "") -> Repo:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", f'title = "Team"\nas_of = 2026-12-01\n{settings}')
    return repo


def build(repo: Repo, tmp_path: Path) -> tuple[dict[str, Any], str]:
    """``okrsite build``; api/history.json and the history section of the
    first objective's page."""
    out = tmp_path / f"out{len(list(tmp_path.glob('out*')))}"
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    (oid,) = data["objectives"]
    html = (out / "objectives" / oid / "index.html").read_text(encoding="utf-8")
    section = html[html.index('<section aria-labelledby="goal-history"') :]
    return data, section[: section.index("</section>")]


def entries(section: str) -> list[str]:
    """The timeline's entries as text, newest first."""
    timeline = section[section.index('<ol class="history-timeline"') :]
    items = re.findall(r"<li[^>]*>(.*?)</li>", timeline, re.S)
    # what the commit message says of why (tests/test_history_reasons.py) left out
    items = [
        re.sub(r'<br><span class="why">.*?</span>|<details.*?</details>', "", i, flags=re.S)
        for i in items
    ]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", i)).strip() for i in items]


def objective(key_results: str, extra: str = "") -> str:
    return (
        f"---\ntitle: Ship it\ncycle: 2026-Q4\nowner: Uma Diaz\n{extra}key_results:\n"
        f"{key_results}---\n"
    )


# ------------------------------------------------------------------ 1. dropped, weight
def test_a_dropped_or_reweighted_key_result_is_in_the_timeline(tmp_path: Path) -> None:
    repo = site(tmp_path)
    a = "  - {id: a, title: Articles, target: 30%s}\n"
    b = "  - {id: b, title: Bugs, start: 50, target: 10%s}\n"
    path = "content/objectives/o.md"
    repo.write(path, objective(a % "" + b % ""))
    repo.cm("Uma Diaz", "2026-10-01", "Ship it")
    repo.write(path, objective(a % "" + b % ", status: dropped"))
    repo.cm("Uma Diaz", "2026-11-26", "Drop bugs")
    repo.write(path, objective(a % ", weight: 3" + b % ", status: dropped"))
    repo.cm("Tom Lee", "2026-11-27", "Articles count more")
    repo.write(path, objective(a % ", weight: 3" + b % ", status: dropped", "weight: 2\n"))
    repo.cm("Tom Lee", "2026-11-28", "Ship it counts double")
    data, section = build(repo, tmp_path)
    o = data["objectives"]["o"]
    fields = [(c["field"], c["old"], c["new"]) for c in o["key_results"]["b"]["changes"]]
    assert fields == [("status", "active", "dropped")]
    fields = [(c["field"], c["old"], c["new"]) for c in o["key_results"]["a"]["changes"]]
    assert fields == [("weight", 1, 3)]
    assert ("weight", 1, 2) in [(c["field"], c["old"], c["new"]) for c in o["changes"]]
    shown = entries(section)
    assert any("“Bugs” status active → dropped" in e and "mid-cycle" in e for e in shown), shown
    assert any("“Articles” weight 1 → 3" in e for e in shown), shown
    assert any(e.endswith("weight 1 → 2 mid-cycle") for e in shown), shown


# ------------------------------------------------------------------ 2. milestones
def test_a_ticked_milestone_names_the_check_in_that_ticked_it(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.write(
        "content/objectives/h.md",
        objective(
            "  - {id: articles, title: Publish articles, target: 30}\n"
            "  - id: search\n    title: Search\n    milestones:\n"
            "      - Pick a tool\n      - Launch search\n"
        ),
    )
    repo.cm("Uma Diaz", "2026-10-01", "Help")
    result = CliRunner().invoke(
        cli,
        [
            "checkin",
            "h",
            "--set",
            "search=Pick a tool",
            "--set",
            "articles=5",
            "--date",
            "2026-10-10",
            "--author",
            "Uma Diaz",
            "--site",
            str(repo.root),
        ],
    )
    assert result.exit_code == 0, result.output
    ticked = repo.cm("Uma Diaz", "2026-10-10", "Check in")
    data, section = build(repo, tmp_path)
    search = data["objectives"]["h"]["key_results"]["search"]
    source = search["source"]
    assert source is not None
    assert (source["kind"], source["file"], source["date"]) == (
        "check-in",
        "content/checkins/h/2026-10-10.md",
        "2026-10-10",
    )
    assert (source["commit"], source["author"], source["committed"]) == (
        ticked,
        "Uma Diaz",
        "2026-10-10",
    )
    changes = [(c["field"], c["old"], c["new"], c["commit"]) for c in search["changes"]]
    assert changes == [("milestones", "0/2 done", "1/2 done", ticked)]
    assert (
        "<li><bdi>Search</bdi>: check-in <code>content/checkins/h/2026-10-10.md</code>" in section
    )
    assert "“Search” milestones 0 of 2 milestones → 1 of 2 milestones" in entries(section)[0]


def test_a_milestone_ticked_without_a_check_in_names_the_objective_file(tmp_path: Path) -> None:
    repo = site(tmp_path)
    path = "content/objectives/h.md"
    krs = "  - id: search\n    title: Search\n    milestones:\n      - %s\n      - Launch search\n"
    repo.write(path, objective(krs % "Pick a tool"))
    repo.cm("Uma Diaz", "2026-10-01", "Help")
    repo.write(path, objective(krs % "{title: Pick a tool, done: true}"))
    ticked = repo.cm("Tom Lee", "2026-10-12", "Tool picked")
    data, section = build(repo, tmp_path)
    source = data["objectives"]["h"]["key_results"]["search"]["source"]
    assert (source["kind"], source["file"], source["commit"], source["author"]) == (
        "milestones",
        path,
        ticked,
        "Tom Lee",
    )
    assert (
        "<li><bdi>Search</bdi>: <code>milestones:</code> in <code>content/objectives/h.md</code>"
        in section
    )
    # ticked and not committed yet: no commit wrote it
    repo.write(
        path,
        objective(krs % "{title: Pick a tool, done: true}").replace(
            "- Launch search", "- {title: Launch search, done: true}"
        ),
    )
    data, section = build(repo, tmp_path)
    source = data["objectives"]["h"]["key_results"]["search"]["source"]
    assert (source["commit"], source["edited"]) == (None, True)


# ------------------------------------------------------------------ 3. order and dates
def test_changes_are_in_the_order_of_the_dates_they_show(tmp_path: Path) -> None:
    repo = site(tmp_path)
    path = "content/objectives/o.md"
    kr = "  - {id: a, title: Articles, target: %s}\n"
    repo.write(path, objective(kr % 30))
    repo.cm("Uma Diaz", "2026-09-01", "Ship it")
    repo.write(path, objective(kr % 29))
    # written before the cycle began, landed after: mid-cycle
    early = repo.cm("Uma Diaz", "2026-09-30", "Target 29", committed="2026-10-02")
    repo.write(path, objective(kr % 28))
    repo.cm("Uma Diaz", "2026-11-22", "Target 28")
    repo.write(path, objective(kr % 28).replace("Ship it", "Ship it well"))
    # GitHub's "Rebase and merge": authored on the branch, committed when merged
    rebased = repo.cm("Tom Lee", "2026-11-20", "Retitle (#22)", committed="2026-11-25")
    data, section = build(repo, tmp_path)
    o = data["objectives"]["o"]
    (title,) = [c for c in o["changes"] if c["field"] == "title"]
    assert (title["commit"], title["date"], title["authored"], title["pr"]) == (
        rebased,
        "2026-11-25",
        "2026-11-20",
        "#22",
    )
    (moved,) = [c for c in o["key_results"]["a"]["changes"] if c["commit"] == early]
    assert (moved["date"], moved["authored"], moved["mid_cycle"]) == (
        "2026-10-02",
        "2026-09-30",
        True,
    )
    shown = re.findall(r'<time datetime="([\d-]+)">', section[section.index("history-timeline") :])
    assert shown == sorted(shown, reverse=True), shown
    first = entries(section)[0]
    assert first.startswith("2026-11-25 (authored 2026-11-20) · Tom Lee"), first
    assert "(#22)" in first


# ------------------------------------------------------------------ 4. removed key result
def test_a_removed_key_results_entries_keep_its_title(tmp_path: Path) -> None:
    repo = site(tmp_path)
    path = "content/objectives/o.md"
    enable = "  - {id: enable, title: Enable partners, target: 10, current: %s}\n"
    other = "  - {id: docs, title: Write docs, target: 5}\n"
    repo.write(path, objective(enable % 2 + other))
    repo.cm("Uma Diaz", "2026-10-01", "Ship it")
    repo.write(path, objective(enable % 3 + other))
    repo.cm("Tom Lee", "2026-10-20", "Three partners")
    repo.write(path, objective(other))
    repo.cm("Uma Diaz", "2026-11-02", "No partners this quarter")
    data, section = build(repo, tmp_path)
    shown = entries(section)
    assert shown[0].endswith("key result removed: “Enable partners” mid-cycle"), shown
    assert any("“Enable partners” current value 2 → 3" in e for e in shown), shown
    assert "“enable”" not in section
    changes = data["objectives"]["o"]["key_results"]["enable"]["changes"]
    assert [(c["field"], c["old"], c["new"]) for c in changes] == [
        ("current", 2, 3),
        ("key_result", "Enable partners", None),
    ]


# ------------------------------------------------------------------ 5. provenance per figure
SUPPORT = objective(
    "  - {id: first-response, title: First response, start: 5, target: 2, unit: h}\n"
    "  - {id: self-serve, title: Self-serve, start: 10, target: 50, unit: '%'}\n"
)


def checkin(values: str) -> str:
    return f"---\nobjective: o\ndate: 2026-11-25\nauthor: Uma Diaz\nvalues: {values}\n---\n"


def test_each_figure_names_the_commit_that_changed_it(tmp_path: Path) -> None:
    repo = site(tmp_path, "backdate_days = 1\n")
    repo.write("content/objectives/o.md", SUPPORT)
    repo.cm("Uma Diaz", "2026-10-01", "Support")
    path = "content/checkins/o/2026-11-25.md"
    repo.write(path, checkin("{first-response: 3.5, self-serve: 30}"))
    written = repo.cm("Uma Diaz", "2026-11-25", "Check in")
    repo.write(path, checkin("{first-response: 3.8, self-serve: 30}"))
    fixed = repo.cm("Tom Lee", "2026-11-27", "First response was 3.8 (#18)")
    data, section = build(repo, tmp_path)
    krs = data["objectives"]["o"]["key_results"]
    serve, first = krs["self-serve"]["source"], krs["first-response"]["source"]
    assert (serve["commit"], serve["author"], serve["committed"], serve["pr"]) == (
        written,
        "Uma Diaz",
        "2026-11-25",
        None,
    )
    assert serve["backdated"] is False
    assert (first["commit"], first["author"], first["committed"], first["pr"]) == (
        fixed,
        "Tom Lee",
        "2026-11-27",
        "#18",
    )
    assert first["backdated"] is True  # that figure was written two days after its date
    (row,) = [li for li in section.split("<li>") if li.startswith("<bdi>Self-serve</bdi>:")]
    assert f"committed by <bdi>Uma Diaz</bdi> on 2026-11-25 in <code>{written[:7]}</code>" in row
    assert "backdated" not in row
    # the check-in as a whole was last changed by #18
    (entry,) = data["checkins"]
    assert entry["commit"] == fixed
    # a figure edited and not committed is "edited"; the other keeps its commit
    repo.write(path, checkin("{first-response: 3.8, self-serve: 31}"))
    data, _ = build(repo, tmp_path)
    krs = data["objectives"]["o"]["key_results"]
    assert (krs["self-serve"]["source"]["commit"], krs["self-serve"]["source"]["edited"]) == (
        None,
        True,
    )
    assert krs["first-response"]["source"]["commit"] == fixed


def test_a_yes_no_key_results_source_names_its_done_line(tmp_path: Path) -> None:
    """A yes/no key result read from its file's ``done:`` was said to come
    from "current: in …", a line the file does not have."""
    repo = site(tmp_path)
    repo.write(
        "content/objectives/o.md",
        objective("  - {id: trained, title: Everyone trained, done: false}\n"),
    )
    repo.cm("Uma Diaz", "2026-10-01", "Ship it")
    data, section = build(repo, tmp_path)
    source = data["objectives"]["o"]["key_results"]["trained"]["source"]
    assert (source["kind"], source["key"]) == ("current", "done")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))
    assert "Everyone trained: done: in content/objectives/o.md" in text, text
    assert "current:" not in text
