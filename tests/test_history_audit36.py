"""Defects a user audit found in the history, each in a real repository built
here commit by commit (several authors, author and committer dates set
apart), read by the real ``okrsite build``:

1. a ``source`` of ``api/history.json`` has every documented key, null where
   no commit wrote the figure;
2. in a shallow clone, a check-in edited after the clone's oldest commit
   credits the edit with the figures it changed only: the others were
   committed before the clone's history (not backdated);
3. a commit brought in by a merge commit is dated (date, order, mid-cycle)
   by the day that merge entered the branch, and a rebuild from the cache
   after a new merge says what a build with nothing cached says.
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

SOURCE_KEYS = {
    "kind",
    "file",
    "commit",
    "short",
    "commit_url",
    "pr",
    "pr_url",
    "author",
    "committed",
    "backdated",
    "before_history",
    "edited",
    "submodule",
}


class Repo:
    """A git repository whose commits name their author and both dates."""

    def __init__(self, root: Path, init: bool = True) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        if init:
            self.git("init", "-q", "-b", "main")

    def git(self, *args: str, who: str = "Uma Diaz", when: str = "2026-10-01") -> str:
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
            GIT_COMMITTER_DATE=f"{when}T10:00:00+00:00",
        )
        proc = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True
        )
        assert proc.returncode == 0 or args[0] == "merge", proc.stderr
        return proc.stdout.strip()

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def cm(self, who: str, when: str, message: str) -> str:
        self.git("add", "-A", who=who, when=when)
        self.git("commit", "-q", "-m", message, who=who, when=when)
        return self.git("rev-parse", "HEAD")


def build(site: Path, out: Path, *extra: str) -> tuple[dict[str, Any], str]:
    """``okrsite build``; api/history.json and the history section of the growth page."""
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    html = (out / "objectives/growth/index.html").read_text(encoding="utf-8")
    section = html[html.index('<section aria-labelledby="goal-history"') :]
    return data, section[: section.index("</section>")]


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def entries(section: str) -> list[str]:
    """The timeline's entries as text, newest first."""
    timeline = section[section.index('<ol class="history-timeline"') :]
    items = re.findall(r"<li[^>]*>(.*?)</li>", timeline, re.S)
    return [text(i).strip() for i in items]


def growth(arr: str = "target: 100", logos: bool = True) -> str:
    krs = f"  - {{id: arr, title: ARR, {arr}}}\n"
    if logos:
        krs += "  - {id: logos, title: Logos, target: 10}\n"
    return f"---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n{krs}---\n"


CHECKIN = "content/checkins/2026-11-20-growth.md"


def checkin(arr: int, logos: int = 4) -> str:
    return (
        "---\nobjective: growth\ndate: 2026-11-20\nauthor: Uma Diaz\n"
        f"values: {{arr: {arr}, logos: {logos}}}\n---\n"
    )


def checkin_site(tmp_path: Path) -> Repo:
    """The audit's repository: the site in ``okrs/``, a check-in committed by
    Uma, a README by Tom, then Tom changing one figure of the check-in."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrs/okrsite.toml", 'default_cycle = "2026-Q4"\nas_of = "2026-12-04"\n')
    repo.write("okrs/content/objectives/growth.md", growth())
    repo.write("okrs/" + CHECKIN, checkin(40))
    repo.cm("Uma Diaz", "2026-11-20", "Growth and its check-in")
    repo.write("README.md", "# OKRs\n")
    repo.cm("Tom Lee", "2026-11-21", "Readme")
    repo.write("okrs/" + CHECKIN, checkin(45))
    repo.cm("Tom Lee", "2026-12-02", "ARR was 45")
    return repo


def sources(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    krs = data["objectives"]["growth"]["key_results"]
    return {kid: kr["source"] for kid, kr in krs.items()}


# ------------------------------------------------------------------ 1. every key
def test_every_source_has_every_documented_key(tmp_path: Path) -> None:
    repo = checkin_site(tmp_path)
    committed = sources(build(repo.root / "okrs", tmp_path / "out0")[0])
    assert set(committed["arr"]) == SOURCE_KEYS | {"id", "date"}
    # edited and not committed: null where no commit wrote it, the same keys
    repo.write("okrs/" + CHECKIN, checkin(47))
    edited = sources(build(repo.root / "okrs", tmp_path / "out1")[0])
    assert edited["arr"]["edited"] is True
    assert set(edited["arr"]) == set(committed["arr"])
    for key in ("commit", "short", "commit_url", "pr", "pr_url", "author", "committed"):
        assert edited["arr"][key] is None, key
    # a new check-in not committed yet, and no history at all
    repo.write(
        "okrs/content/checkins/2026-11-27-growth.md",
        checkin(50, 5).replace("date: 2026-11-20", "date: 2026-11-27"),
    )
    data = build(repo.root / "okrs", tmp_path / "out2")[0]
    assert sources(data)["arr"]["date"] == "2026-11-27"
    assert set(sources(data)["arr"]) == set(committed["arr"])
    off = sources(build(repo.root / "okrs", tmp_path / "out3", "--no-history")[0])
    assert set(off["arr"]) == set(committed["arr"])


# ------------------------------------------------------------------ 2. shallow clone
def test_a_shallow_clone_credits_an_edit_only_with_the_figures_it_changed(
    tmp_path: Path,
) -> None:
    repo = checkin_site(tmp_path)
    full, _ = build(repo.root / "okrs", tmp_path / "full")
    assert sources(full)["logos"]["author"] == "Uma Diaz"
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone)], check=True
    )
    data, section = build(clone / "okrs", tmp_path / "out")
    assert data["shallow"] is True
    logos, arr = sources(data)["logos"], sources(data)["arr"]
    assert logos["before_history"] is True and logos["backdated"] is False, logos
    assert logos["commit"] is None and logos["author"] is None, logos
    assert arr["commit"] == full["objectives"]["growth"]["key_results"]["arr"]["source"]["commit"]
    assert (arr["author"], arr["committed"], arr["before_history"]) == (
        "Tom Lee",
        "2026-12-02",
        False,
    )
    shown = text(section)
    arr_said = shown[shown.index("ARR: check-in") : shown.index("Logos: check-in")]
    logos_said = shown[shown.index("Logos: check-in") :]
    assert "committed before the oldest commit this shallow clone holds" in logos_said, shown
    assert "Tom Lee" not in logos_said and "backdated" not in logos_said, shown
    assert "committed by Tom Lee on" in arr_said, shown
    # the check-in as a whole was last changed by Tom's commit, as in the full clone
    (entry,) = data["checkins"]
    assert (entry["author"], entry["committed"]) == ("Tom Lee", "2026-12-02")


def test_a_shallow_clone_keeps_uncommitted_edits_of_a_figure_from_before_it(
    tmp_path: Path,
) -> None:
    repo = checkin_site(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone)], check=True
    )
    (clone / "okrs" / CHECKIN).write_text(checkin(45, 6), encoding="utf-8")
    data, _ = build(clone / "okrs", tmp_path / "out")
    logos, arr = sources(data)["logos"], sources(data)["arr"]
    assert (logos["edited"], logos["before_history"], logos["commit"]) == (True, False, None)
    assert arr["author"] == "Tom Lee" and arr["edited"] is False


# ------------------------------------------------------------------ 3. merges
def merged_site(tmp_path: Path) -> Repo:
    """Growth committed before the cycle; a branch lowers the target before the
    cycle begins, and is merged mid-cycle."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'default_cycle = "2026-Q4"\nas_of = "2026-12-04"\n')
    repo.write("content/objectives/growth.md", growth(logos=False))
    repo.cm("Uma Diaz", "2026-09-20", "Growth")
    repo.git("checkout", "-q", "-b", "uma/lower")
    return repo


def merge(repo: Repo, when: str, number: int, branch: str = "uma/lower") -> None:
    message = f"Merge pull request #{number} from acme/{branch}"
    repo.git("merge", "-q", "--no-ff", "-m", message, branch, who="Tom Lee", when=when)


def arr_changes(data: dict[str, Any]) -> list[dict[str, Any]]:
    return data["objectives"]["growth"]["key_results"]["arr"]["changes"]


def test_a_merged_commit_is_dated_by_the_day_it_entered_the_branch(tmp_path: Path) -> None:
    repo = merged_site(tmp_path)
    repo.write("content/objectives/growth.md", growth("target: 60", logos=False))
    branch = repo.cm("Uma Diaz", "2026-09-28", "Lower ARR")
    repo.git("checkout", "-q", "main")
    repo.write("notes.txt", "unrelated\n")
    repo.cm("Tom Lee", "2026-10-05", "Notes")
    merge(repo, "2026-10-15", 30)
    data, section = build(repo.root, tmp_path / "out")
    (change,) = arr_changes(data)
    assert change["commit"] == branch and change["pr"] == "#30"
    assert (change["date"], change.get("authored")) == ("2026-10-15", "2026-09-28")
    assert change["mid_cycle"] is True and change["less_ambitious"] is True
    newest = entries(section)[0]
    assert newest.startswith("2026-10-15 (authored 2026-09-28) · Uma Diaz"), newest
    assert "target 100 → 60" in newest and "mid-cycle" in newest, newest


def test_the_newest_entry_is_the_change_that_entered_last(tmp_path: Path) -> None:
    repo = merged_site(tmp_path)
    repo.write("content/objectives/growth.md", growth("target: 60", logos=False))
    repo.cm("Uma Diaz", "2026-10-03", "Lower ARR")
    repo.git("checkout", "-q", "main")
    repo.write("content/objectives/growth.md", growth("target: 90", logos=False))
    repo.cm("Tom Lee", "2026-10-05", "ARR target 90 (#31)")
    merge(repo, "2026-10-15", 30)  # conflicts: resolved to the branch's 60
    repo.write("content/objectives/growth.md", growth("target: 60", logos=False))
    repo.git("add", "-A")
    message = "Merge pull request #30 from acme/uma/lower"
    repo.git("commit", "-q", "-m", message, who="Tom Lee", when="2026-10-15")
    data, section = build(repo.root, tmp_path / "out")
    changes = [(c["date"], c["pr"], c["old"], c["new"]) for c in arr_changes(data)]
    assert changes == [("2026-10-05", "#31", 100, 90), ("2026-10-15", "#30", 100, 60)]
    newest = entries(section)[0]
    assert newest.startswith("2026-10-15") and "(#30)" in newest, newest
    assert "target 100 → 60" in newest, newest


def test_a_rebuild_after_a_new_merge_says_what_a_build_from_nothing_says(
    tmp_path: Path,
) -> None:
    repo = merged_site(tmp_path)
    repo.write("content/objectives/growth.md", growth("target: 60", logos=False))
    repo.cm("Uma Diaz", "2026-09-28", "Lower ARR")
    repo.git("checkout", "-q", "main")
    repo.write("notes.txt", "unrelated\n")
    repo.cm("Tom Lee", "2026-10-05", "Notes")
    # the branch's commit is read (and cached) while it is HEAD, before the merge
    repo.git("checkout", "-q", "uma/lower")
    before, _ = build(repo.root, tmp_path / "out0")
    assert [c["date"] for c in arr_changes(before)] == ["2026-09-28"]
    repo.git("checkout", "-q", "main")
    merge(repo, "2026-10-15", 30)
    cached, cached_section = build(repo.root, tmp_path / "out1")
    fresh, fresh_section = build(repo.root, tmp_path / "out2", "--no-cache")
    assert cached["objectives"] == fresh["objectives"]
    assert cached_section == fresh_section
    (change,) = arr_changes(cached)
    assert (change["date"], change["mid_cycle"], change["pr"]) == ("2026-10-15", True, "#30")
