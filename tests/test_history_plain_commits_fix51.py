"""A plain (one-parent) commit that quotes a merge is not that merge, in real
git repositories built here and read by the real ``okrsite build``:

1. GitLab's "See merge request acme/goals!34" line in a plain commit's body
   names no merge request (``"pr": null``, no "(!34)" on the page); only a
   merge commit names one by it, and a squash commit's "Title (#13)" keeps
   naming its pull request;
2. a plain commit whose subject is "Merge pull request #30 from tom/csat" is
   shown by its own subject, not by its body's first line: only a merge
   commit whose subject only says it merged is named by the pull request's
   title there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from gitrepo import Repo
from test_history_audit36 import entries

from okrsite.cli import cli


def objective(target: int) -> str:
    return (
        "---\ntitle: O\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - {{id: a, title: A, start: 0, target: {target}}}\n"
        "  - {id: b, title: B, start: 0, target: 10}\n---\n"
    )


def build(repo: Repo, out: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """``okrsite build``: key result a's changes in api/history.json, oldest
    first, and the objective page's timeline entries as text, newest first."""
    result = CliRunner().invoke(
        cli, ["build", "--site", str(repo.root), "--out", str(out), "--as-of", "2026-12-06"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    html = (out / "objectives/o/index.html").read_text(encoding="utf-8")
    section = html[html.index('<section aria-labelledby="goal-history"') :]
    changes = data["objectives"]["o"]["key_results"]["a"]["changes"]
    return changes, entries(section[: section.index("</section>")])


def started(tmp_path: Path, repo_url: str) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", f'as_of = "2026-12-06"\nrepo_url = "{repo_url}"\n')
    repo.write("content/objectives/o.md", objective(100))
    repo.commit("init", "alice", "2026-10-02T10:00:00+00:00")
    return repo


def test_a_plain_commits_gitlab_line_names_no_merge_request(tmp_path: Path) -> None:
    repo = started(tmp_path, "https://gitlab.com/acme/goals")
    repo.write("content/objectives/o.md", objective(90))
    repo.commit("Ease A\n\nSee merge request acme/goals!34", "bob", "2026-11-10T10:00:00+00:00")
    repo.write("content/objectives/o.md", objective(95))
    repo.commit("Stretch A again (#13)", "carol", "2026-11-12T10:00:00+00:00")
    # a real merge commit still names its merge request by GitLab's line
    repo.git("checkout", "-q", "-b", "stretch")
    repo.write("content/objectives/o.md", objective(99))
    repo.commit("Stretch A to 99", "dave", "2026-11-14T10:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.git(
        "merge",
        "-q",
        "--no-ff",
        "stretch",
        "-m",
        "Merge branch 'stretch' into 'main'\n\nStretch A\n\nSee merge request acme/goals!35",
        who="eve",
        when="2026-11-15T10:00:00+00:00",
    )
    changes, shown = build(repo, tmp_path / "out")
    assert [(c["old"], c["new"], c["pr"], c["message"]) for c in changes] == [
        (100, 90, None, "Ease A"),
        (90, 95, "#13", "Stretch A again"),
        (95, 99, "!35", "Stretch A to 99"),
    ]
    assert all("(!34)" not in e for e in shown), shown
    # the line stays in the rest of the plain commit's message, which names none
    page = (tmp_path / "out/objectives/o/index.html").read_text(encoding="utf-8")
    assert "See merge request acme/goals!34" in page
    assert "See merge request acme/goals!35" not in page  # the merge names it
    (eased,) = [e for e in shown if "target 100 → 90" in e]
    assert eased.startswith("2026-11-10 · Bob Stone"), eased
    assert "(#13)" in next(e for e in shown if "target 90 → 95" in e), shown
    assert "(!35)" in next(e for e in shown if "target 95 → 99" in e), shown


def test_a_plain_commit_with_a_merge_subject_says_its_own_subject(tmp_path: Path) -> None:
    repo = started(tmp_path, "https://github.com/acme/goals")
    repo.write("content/objectives/o.md", objective(80))
    # a merge squashed or rebased into a plain commit keeps the merge's words
    repo.commit(
        "Merge pull request #30 from tom/csat\n\nShorter title",
        "bob",
        "2026-11-10T10:00:00+00:00",
    )
    changes, shown = build(repo, tmp_path / "out")
    (change,) = changes
    assert change["message"] == "Merge pull request #30 from tom/csat", change
    assert change["pr"] is None, change  # no merge: it names no pull request either
    (eased,) = [e for e in shown if "target 100 → 80" in e]
    assert "Merge pull request #30 from tom/csat" in eased, eased
    assert "(#30)" not in eased, eased
    # the body is the rest of the message, not the title
    page = (tmp_path / "out/objectives/o/index.html").read_text(encoding="utf-8")
    assert "Shorter title" in page
    assert "“Shorter title”" not in page and "commit message “Shorter title" not in page
