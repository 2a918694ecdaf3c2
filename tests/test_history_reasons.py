"""Why a goal changed (issue 13): each timeline entry says what the message of
the commit that made the change says, its ``Reason:`` line first, on the
page and in ``api/history.json``.

Real repositories, hand-written goal files and real messages, built with
``okrsite build``: a target eased in a branch merged as GitHub's "Merge pull
request #12 from x/y" (the change is the branch commit's, so its message is
the reason, not the merge's); a squash merge's "Title (#12)"; hostile
messages (HTML, template syntax, control characters, bidi overrides, a very
long body). And :func:`okrsite.history_why.commit_why` on merge commits whose
subject says nothing, where the pull request's title in the body stands for
it.
"""

from __future__ import annotations

import html as html_mod
import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli
from okrsite.gitsource import CommitInfo
from okrsite.history import assemble
from okrsite.history_why import DETAIL_LIMIT, MESSAGE_LIMIT, Why, commit_why
from okrsite.view.history_json import change_json

FILE = "content/objectives/emea.md"
REASON = "two AEs left in October, hiring froze."
WHEN = "2026-10-20T10:00:00+00:00"


def emea(target: int = 20, start: int = 0) -> str:
    return (
        "---\ntitle: Grow EMEA\ncycle: 2026-Q4\nowner: Ana Ruiz\nkey_results:\n"
        f"  - id: deals\n    title: EMEA deals\n    start: {start}\n    target: {target}\n---\n"
    )


def site(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "OKRs"\ndefault_cycle = "2026-Q4"\n')
    repo.write(FILE, emea())
    repo.commit("Add the EMEA objective", "alice", "2026-09-20T10:00:00+00:00")
    return repo


def build(repo: Repo, out: Path) -> tuple[dict[str, Any], str]:
    """``okrsite build``: api/history.json and the EMEA page's history section."""
    result = CliRunner().invoke(
        cli, ["build", "--site", str(repo.root), "--out", str(out), "--as-of", "2026-12-02"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    page = (out / "objectives/emea/index.html").read_text(encoding="utf-8")
    section = page[page.index('<section aria-labelledby="goal-history"') :]
    return data, section[: section.index("</section>")]


def items(section: str) -> list[str]:
    """The timeline's entries as HTML, newest first."""
    timeline = section[section.index('<ol class="history-timeline"') :]
    return re.findall(r"<li[^>]*>(.*?)</li>", timeline, re.S)


def text(fragment: str) -> str:
    return html_mod.unescape(re.sub(r"<[^>]+>", "", fragment))


def target_change(data: dict[str, Any]) -> dict[str, Any]:
    (change,) = data["objectives"]["emea"]["key_results"]["deals"]["changes"]
    return change


def merged_pr(repo: Repo, message: str) -> str:
    """The target eased 20 → 15 on branch x/y with ``message``, merged as
    GitHub merges pull request #12 (its title in the merge's body)."""
    repo.git("checkout", "-q", "-b", "x/y")
    repo.write(FILE, emea(target=15))
    sha = repo.commit(message, "bob", WHEN)
    repo.git("checkout", "-q", "main")
    when = "2026-10-22T10:00:00+00:00"
    repo.git(
        "merge", "-q", "--no-ff", "x/y", "-m", "Merge pull request #12 from x/y",
        "-m", "Ease EMEA targets for Q4", who="carol", when=when,
    )  # fmt: skip
    return sha


# ------------------------------------------------------------------ the audit's case
def test_the_reason_of_an_eased_target_merged_in_a_pull_request(tmp_path: Path) -> None:
    repo = site(tmp_path)
    sha = merged_pr(repo, f"Ease EMEA targets\n\nReason: {REASON}")
    data, section = build(repo, tmp_path / "out")
    change = target_change(data)
    assert (change["commit"], change["pr"], change["old"], change["new"]) == (sha, "#12", 20, 15)
    assert change["less_ambitious"] is True and change["mid_cycle"] is True
    # the branch commit made the change: its own message, not the merge's
    assert change["message"] == "Ease EMEA targets"
    assert change["reason"] == REASON
    (created,) = data["objectives"]["emea"]["changes"]
    assert created["message"] == "Add the EMEA objective" and "reason" not in created
    newest, oldest = items(section)
    shown = text(newest)
    assert "(#12):\n“EMEA deals” target 20 → 15 less ambitious mid-cycle" in shown, shown
    assert f"Reason: {REASON} · commit message “Ease EMEA targets”" in shown, shown
    assert '<span class="why">' in newest and f"<bdi>{REASON}</bdi>" in newest
    assert "<details" not in newest  # the reason was the whole body
    assert "Merge pull request" not in section
    assert text(oldest).endswith("commit message “Add the EMEA objective”"), text(oldest)
    assert "Reason:" not in oldest


def test_the_rest_of_a_message_is_folded_once_per_commit(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.write(FILE, emea(target=15, start=2))  # two entries from one commit
    body = "Pipeline review on 10-18.\nSee the forecast sheet.\n\nWhy: hiring froze.\n\nSigned-off-by: Bob"
    repo.commit(f"Rebase EMEA deals\n\n{body}", "bob", WHEN)
    data, section = build(repo, tmp_path / "out")
    changes = data["objectives"]["emea"]["key_results"]["deals"]["changes"]
    assert [(c["field"], c["message"], c["reason"]) for c in changes] == [
        ("start", "Rebase EMEA deals", "hiring froze."),
        ("target", "Rebase EMEA deals", "hiring froze."),
    ]
    assert all("detail" not in c for c in changes)  # the page's, not the file's
    first, second, _created = items(section)
    assert "Reason: hiring froze." in text(first) and "Reason: hiring froze." in text(second)
    assert section.count("<details") == 1 and "<details" in first
    assert "<summary>Rest of the commit message</summary>" in first
    assert (
        "Pipeline review on 10-18.<br>See the forecast sheet.<br><br>Signed-off-by: Bob</p>"
        in first
    ), first


def test_a_squash_merge_names_its_pull_request_once(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.write(FILE, emea(target=15))
    repo.commit("Ease EMEA targets (#12)\n\n* wip\n* Reason in review", "bob", WHEN)
    data, section = build(repo, tmp_path / "out")
    change = target_change(data)
    assert (change["pr"], change["message"]) == ("#12", "Ease EMEA targets")
    assert "reason" not in change
    assert "commit message “Ease EMEA targets”" in text(items(section)[0])


# ------------------------------------------------------------------ hostile messages
def test_hostile_messages_are_escaped_and_cleaned(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.write(FILE, emea(target=15))
    subject = "<script>alert(1)</script> {{ 7*7 }} {% raw %}\x1b[31m red \u202eevil"
    reason = "Why: <img src=x onerror=alert(2)> {{ config }}\u2066"
    long_line = "A" * 5000
    repo.commit(f"{subject}\n\n{reason}\n\n{long_line}\n", "bob", WHEN)
    data, section = build(repo, tmp_path / "out")
    change = target_change(data)
    assert change["message"] == "<script>alert(1)</script> {{ 7*7 }} {% raw %}[31m red evil"
    assert change["reason"] == "<img src=x onerror=alert(2)> {{ config }}"
    newest = items(section)[0]
    assert "<script>" not in section and "<img" not in section
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% raw %}[31m red evil" in newest
    assert "&lt;img src=x onerror=alert(2)&gt; {{ config }}" in newest
    assert "49" not in text(newest)
    assert "\x1b" not in section and "\u202e" not in section and "\u2066" not in section
    (detail,) = re.findall(r'<p dir="auto">(.*?)</p>', newest, re.S)
    assert detail == "A" * DETAIL_LIMIT + "…"
    raw = (tmp_path / "out/api/history.json").read_text(encoding="utf-8")
    assert "\x1b" not in raw and "\u202e" not in raw and "A" * 100 not in raw


def test_a_very_long_subject_is_cut() -> None:
    why = commit_why(info("x" * 5000, ""))
    assert why is not None and why.message == "x" * MESSAGE_LIMIT + "…"


# ------------------------------------------------------------------ merge commits
def info(subject: str, body: str, sha: str = "m", parents: tuple[str, ...] = ()) -> CommitInfo:
    return CommitInfo(sha, parents, "Carol", "c@x", "2026-10-22", "2026-10-22", subject, body)


def test_a_merge_commit_says_its_pull_requests_title() -> None:
    two = ("a", "b")  # a merge commit: two parents
    github = info(
        "Merge pull request #12 from x/y", "Ease EMEA targets\n\nReason: " + REASON, parents=two
    )
    assert commit_why(github) == Why("Ease EMEA targets", REASON)
    gitlab = info(
        "Merge branch 'ease-emea' into 'main'",
        "Ease EMEA targets\n\nTwo AEs left.\n\nSee merge request sales/okrs!34",
        parents=two,
    )
    assert commit_why(gitlab) == Why("Ease EMEA targets", None, "Two AEs left.")
    bare = info("Merge branch 'main' into x/y", "")
    assert commit_why(bare) == Why("Merge branch 'main' into x/y")
    assert commit_why(info("", "")) is None
    assert commit_why(info("Why: a reason alone", "")) == Why("", "a reason alone")


def test_a_change_attributed_to_a_merge_commit_shows_the_title() -> None:
    """Merge commits record no changes of their own in a real repository;
    should one be given one, the entry names the pull request's title."""
    commits = [
        info("Add", "", "a"),
        info("Ease", "", "b", ("a",)),
        info("Merge pull request #12 from x/y", "Ease EMEA targets", "m", ("a", "b")),
    ]
    record = {"kind": "objective", "id": "emea", "file": FILE, "title": "Grow EMEA"}
    events = {
        "m": {
            "records": [{**record, "change": "changed", "fields": [["title", "A", "B", False]]}],
            "checkins": [],
            "rows": [],
        }
    }
    history = assemble(commits, events, {}, 7)
    (change,) = history.objectives["emea"]
    assert change.pr == "#12"
    assert change_json(change, history.whys)["message"] == "Ease EMEA targets"
