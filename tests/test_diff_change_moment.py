"""``okrsite diff`` judges a commit's change on the day it was made.

Mid-cycle and "after the cycle ended" ask *when* a target was eased. For a
past commit that is the day the commit entered the branch (the day the
site's history dates it), not as_of: otherwise ``okrsite diff C~1 C`` and
``api/history.json`` disagree about commit ``C``, and an easing made in
August in a Q3 objective reads as a change to an ended quarter in
December. Only an uncommitted change (the working tree) is made "now", at
as_of. Real git repositories, the real CLI.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

CONFIG = 'title = "Acme"\nas_of = 2026-11-30\n'


def objective(cycle: str, target: int) -> str:
    return (
        f"---\ntitle: Win the quarter\ncycle: {cycle}\nowner: Uma Diaz\nkey_results:\n"
        f"  - {{id: deals, title: Close deals, start: 0, target: {target}}}\n---\n"
    )


FILE = "content/objectives/sales/deals.md"


def run(site: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--site", str(site)], catch_exceptions=False)


def diff_text(site: Path, *revs: str, extra: tuple[str, ...] = ()) -> Result:
    return run(site, "diff", *revs, "--format", "text", "--fail-on", "ended-cycle", *extra)


def diff_kr(site: Path, *revs: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The JSON report's one objective and its one key result."""
    result = run(site, "diff", *revs, "--format", "json", "--fail-on", "none")
    [rec] = json.loads(result.stdout)["objectives"]
    [kr] = rec["key_results"]
    return rec, kr


def history_mid_cycle(site: Path, out: Path) -> list[tuple[str, bool]]:
    """``(date, mid_cycle)`` of each target change of ``sales/deals#deals`` in ``api/history.json``."""
    built = run(site, "build", "--out", str(out))
    assert built.exit_code == 0, built.output
    history = json.loads((out / "api" / "history.json").read_text("utf-8"))
    changes = history["objectives"]["sales/deals"]["key_results"]["deals"]["changes"]
    return [(c["date"], c["mid_cycle"]) for c in changes if c["field"] == "target"]


def q3_eased_in_august(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write(FILE, objective("2026-Q3", 100))
    repo.commit("q3", "alice", "2026-07-20T10:00:00+00:00")
    repo.write(FILE, objective("2026-Q3", 50))
    repo.commit("ease q3 (Aug)", "bob", "2026-08-10T10:00:00+00:00")
    return repo


def test_a_commit_made_while_its_cycle_ran_is_mid_cycle_after_the_cycle_ended(
    tmp_path: Path,
) -> None:
    repo = q3_eased_in_august(tmp_path)
    assert history_mid_cycle(repo.root, tmp_path / "out") == [("2026-08-10", True)]

    result = diff_text(repo.root, "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.output  # no ended-cycle finding
    assert "~ key result deals Close deals (mid-cycle)" in result.stdout
    assert "ended" not in result.stdout
    rec, kr = diff_kr(repo.root, "HEAD~1", "HEAD")
    assert rec["cycle_ended"] is None and kr["mid_cycle"] is True
    # the figures are still judged at as_of (2026-11-30)
    assert "(as of 2026-11-30)" in result.stdout

    report = json.loads(run(repo.root, "diff", "HEAD~1", "HEAD", "--format", "json").stdout)
    assert (report["as_of"], report["changed_on"]) == ("2026-11-30", "2026-08-10")

    # A..B names the same commit as the new side: the same day
    assert diff_kr(repo.root, "HEAD~1..HEAD")[1]["mid_cycle"] is True
    # A...B is a request's changes against the branch they land on: they
    # enter it when merged, now (as_of), after Q3 ended
    rec, kr = diff_kr(repo.root, "HEAD~1...HEAD")
    assert rec["cycle_ended"] == "2026-Q3" and kr["mid_cycle"] is False
    merged_now = diff_text(repo.root, "HEAD~1...HEAD")
    assert merged_now.exit_code == 1
    assert "after 2026-Q3 ended: its final figures change" in merged_now.stdout
    report = json.loads(run(repo.root, "diff", "HEAD~1...HEAD", "--format", "json").stdout)
    assert report["changed_on"] == report["as_of"] == "2026-11-30"

    # --as-of moves the figures, not the day the commit was made
    later = diff_text(repo.root, "HEAD~1", "HEAD", extra=("--as-of", "2027-01-15"))
    assert later.exit_code == 0, later.output
    assert "~ key result deals Close deals (mid-cycle)" in later.stdout
    assert "(as of 2027-01-15)" in later.stdout


def test_an_uncommitted_change_is_made_at_as_of(tmp_path: Path) -> None:
    repo = q3_eased_in_august(tmp_path)
    repo.write(FILE, objective("2026-Q3", 40))  # not committed: made now (as_of 2026-11-30)
    result = diff_text(repo.root, "HEAD")
    assert result.exit_code == 1
    assert "after 2026-Q3 ended: its final figures change" in result.stdout
    assert "mid-cycle" not in result.stdout
    report = json.loads(run(repo.root, "diff", "HEAD", "--format", "json").stdout)
    assert report["changed_on"] == report["as_of"] == "2026-11-30"
    assert "okrsite diff: ended-cycle: objective sales/deals: changed after 2026-Q3 ended" in (
        result.stderr
    )
    # --as-of on the working tree is the day of the change too
    running = diff_text(repo.root, "HEAD", extra=("--as-of", "2026-09-01"))
    assert running.exit_code == 0, running.output
    assert "~ key result deals Close deals (mid-cycle)" in running.stdout


def test_a_commit_made_before_its_cycle_started_is_not_mid_cycle(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write(FILE, objective("2026-Q4", 100))
    repo.commit("init", "alice", "2026-09-01T10:00:00+00:00")
    repo.write(FILE, objective("2026-Q4", 90))
    eased = repo.commit("pre-cycle ease", "bob", "2026-09-25T10:00:00+00:00")
    # the day in the committer's time zone, as the history reads it: Oct 1 in
    # Tokyo (Sep 30 in UTC) is the cycle's first day, not yet mid-cycle
    repo.write(FILE, objective("2026-Q4", 80))
    repo.commit("Tokyo ease", "carol", "2026-10-01T00:30:00+09:00")
    repo.write(FILE, objective("2026-Q4", 70))
    repo.commit("mid-cycle ease", "dave", "2026-10-02T10:00:00+00:00")
    assert history_mid_cycle(repo.root, tmp_path / "out") == [
        ("2026-09-25", False),
        ("2026-10-01", False),
        ("2026-10-02", True),
    ]
    for rev, mid in ((eased, False), ("HEAD~1", False), ("HEAD", True)):
        result = diff_text(repo.root, f"{rev}~1", rev)
        assert result.exit_code == 0, result.output
        assert ("(mid-cycle)" in result.stdout) is mid, (rev, result.stdout)
        assert diff_kr(repo.root, f"{rev}~1", rev)[1]["mid_cycle"] is mid


def test_a_merged_commit_is_dated_by_the_merge_as_the_history_dates_it(
    tmp_path: Path,
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write(FILE, objective("2026-Q4", 100))
    repo.commit("init", "alice", "2026-09-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "feat")
    repo.write(FILE, objective("2026-Q4", 80))
    branch_commit = repo.commit("ease on a branch", "bob", "2026-09-20T10:00:00+00:00")

    # not merged yet (HEAD is main): the branch's own commit, its own day
    repo.git("checkout", "-q", "main")
    result = diff_text(repo.root, "main..feat")
    assert result.exit_code == 0, result.output
    assert "~ key result deals Close deals\n" in result.stdout
    assert "mid-cycle" not in result.stdout
    # as a merge request reviews it: merged now (as_of 2026-11-30, mid-Q4)
    result = diff_text(repo.root, "main...feat")
    assert result.exit_code == 0, result.output
    assert "~ key result deals Close deals (mid-cycle)" in result.stdout

    # merged on Oct 10: the change entered main mid-cycle
    when = "2026-10-10T10:00:00+00:00"
    repo.git("merge", "-q", "--no-ff", "feat", "-m", "Merge feat", when=when)
    assert history_mid_cycle(repo.root, tmp_path / "out") == [("2026-10-10", True)]
    for revs in ((f"{branch_commit}~1", branch_commit), ("HEAD~1", "HEAD")):
        result = diff_text(repo.root, *revs)
        assert result.exit_code == 0, result.output
        assert "~ key result deals Close deals (mid-cycle)" in result.stdout, revs


def test_an_ancestor_the_repository_lacks_says_how_to_get_it(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write(FILE, objective("2026-Q4", 100))
    repo.commit("init", "alice", "2026-09-01T10:00:00+00:00")
    result = run(repo.root, "diff", "HEAD~2", "HEAD")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: revision 'HEAD~2' not found: the repository has fewer commits than HEAD~2 "
        "needs; HEAD has 0 commits before it on its first-parent line "
        "(git log --oneline --first-parent HEAD)\n"
    )
    assert "git fetch origin" not in result.stderr

    # a shallow clone: fetch more history
    for n in (2, 3):
        repo.write(FILE, objective("2026-Q4", 100 - n))
        repo.commit(f"ease {n}", "alice", f"2026-10-0{n}T10:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth=1", repo.root.as_uri(), str(clone)],
        check=True,
        env=repo.env(),
    )
    shallow = run(clone, "diff", "HEAD~2", "HEAD")
    assert shallow.exit_code == 2
    assert shallow.stderr == (
        "Error: revision 'HEAD~2' not found: this clone is shallow: fetch more history with "
        "git fetch --deepen=N (N more commits) or git fetch --unshallow (in GitLab CI set "
        "GIT_DEPTH: 0, in GitHub Actions fetch-depth: 0); HEAD has 0 commits before it on "
        "its first-parent line (git log --oneline --first-parent HEAD)\n"
    )
    # a branch that is not there at all still says to fetch it
    missing = run(clone, "diff", "origin/release~1", "HEAD")
    assert missing.exit_code == 2
    assert "git fetch origin release:refs/remotes/origin/release --depth=1" in missing.stderr
