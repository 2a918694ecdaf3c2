"""Audit 44 (history): reverts, the timeline's judgements and a unit added.

Real repositories, hand-written goal files, built with ``okrsite build`` and
compared with ``okrsite diff``:

* a revert of a merged pull request is the revert's: GitHub's "Revert" button
  (a branch with git's revert commit, ``Revert "Merge pull request #20 from
  …"``, merged as #21) is #21, linked to pull/21; a ``git revert`` committed
  straight to main names no pull request. Quoting a merge's subject is not
  being that merge.
* a KPI's threshold moved is "looser" or "stricter" and a target raised
  "more ambitious" on the page, as ``okrsite diff`` and ``api/history.json``
  say (in German too, from the catalogue).
* a unit given to a key result that had none reads "— → $", as every other
  missing value, and is ``null`` in ``api/history.json``.
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

OBJECTIVE = "content/objectives/keep.md"
KPI = "content/kpis/ttv.md"


def keep(target: str = "1.2", unit: str = '\n    unit: "%"') -> str:
    return (
        "---\ntitle: Keep customers\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - id: churn\n    title: Cut churn\n    start: 2\n    target: {target}{unit}\n---\n"
    )


def ttv(target: int = 10, green: int = 12, red: int = 20) -> str:
    return (
        "---\ntitle: Time to value\nunit: days\ndirection: down\nowner: Uma Diaz\n"
        f"target: {target}\nthresholds: {{green: {green}, red: {red}}}\n"
        "values: {2026-10-01: 18}\n---\n"
    )


def site(tmp_path: Path, language: str = "en") -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write(
        "okrsite.toml",
        f'title = "T"\nas_of = "2026-11-30"\nlanguage = "{language}"\n'
        'repo_url = "https://github.com/acme/goals"\n',
    )
    repo.write(OBJECTIVE, keep())
    repo.write(KPI, ttv())
    repo.commit("init", "alice", "2026-09-20T10:00:00+00:00")
    return repo


def build(repo: Repo, out: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    return data


def timeline(out: Path, page: str) -> list[str]:
    """The page's timeline entries as text, newest first."""
    html = (out / page).read_text(encoding="utf-8")
    ol = html[html.index('<ol class="history-timeline"') :]
    ol = ol[: ol.index("</ol>")]
    return [
        html_mod.unescape(re.sub(r"<[^>]+>", "", li))
        for li in re.findall(r"<li[^>]*>(.*?)</li>", ol, re.S)
    ]


def diff_text(repo: Repo, *args: str) -> str:
    result = CliRunner().invoke(cli, ["diff", "--site", str(repo.root), "--format", "text", *args])
    assert result.exit_code in (0, 1), result.output
    return result.output


def churn_changes(data: dict[str, Any]) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = data["objectives"]["keep"]["key_results"]["churn"]["changes"]
    return changes


# ------------------------------------------------------------------ 1. reverts
def test_a_reverted_pull_request_is_credited_to_the_revert_not_to_the_pr_it_reverts(
    tmp_path: Path,
) -> None:
    repo = site(tmp_path)
    repo.git("checkout", "-q", "-b", "ease2")
    repo.write(OBJECTIVE, keep(target="1.6"))
    eased = repo.commit("Ease churn again", "bob", "2026-10-05T10:00:00+00:00")
    repo.git("checkout", "-q", "main")
    when = "2026-10-06T10:00:00+00:00"
    repo.git(
        "merge", "-q", "--no-ff", "ease2", "-m", "Merge pull request #20 from acme/ease2",
        "-m", "Ease churn again", when=when,
    )  # fmt: skip
    # GitHub's "Revert" button: git's revert commit on a branch, merged as #21
    when = "2026-10-08T10:00:00+00:00"
    repo.git("checkout", "-q", "-b", "revert-20-ease2")
    repo.git("revert", "--no-edit", "-m", "1", "main", when=when)
    reverted = repo.head()
    repo.git("checkout", "-q", "main")
    repo.git(
        "merge", "-q", "--no-ff", "revert-20-ease2", "-m",
        "Merge pull request #21 from acme/revert-20-ease2",
        "-m", 'Revert "Merge pull request #20 from acme/ease2"', when="2026-10-09T10:00:00+00:00",
    )  # fmt: skip
    out = tmp_path / "out"
    changes = churn_changes(build(repo, out))
    got = [(c["commit"], c["pr"], c["old"], c["new"]) for c in changes]
    assert got == [(eased, "#20", 1.2, 1.6), (reverted, "#21", 1.6, 1.2)], got
    entries = timeline(out, "objectives/keep/index.html")
    assert f"{reverted[:7]} (#21):" in entries[0], entries[0]
    assert f"{eased[:7]} (#20):" in entries[1], entries[1]
    html = (out / "objectives/keep/index.html").read_text(encoding="utf-8")
    assert html.count('href="https://github.com/acme/goals/pull/21"') == 1
    assert html.count('href="https://github.com/acme/goals/pull/20"') == 1

    # a plain ``git revert`` of merge #21 pushed to main: no pull request at all
    repo.git("revert", "--no-edit", "-m", "1", "HEAD", when="2026-10-12T10:00:00+00:00")
    direct = repo.head()
    out = tmp_path / "out2"
    newest = churn_changes(build(repo, out))[-1]
    assert (newest["commit"], newest["pr"], newest["new"]) == (direct, None, 1.6), newest
    assert newest["message"].startswith('Revert "Merge pull request #21')
    entries = timeline(out, "objectives/keep/index.html")
    assert f"{direct[:7]}:" in entries[0] and "(#" not in entries[0], entries[0]


# ------------------------------------------------------------------ 2. judgements
def test_the_timeline_shows_looser_stricter_and_more_ambitious_as_diff_does(
    tmp_path: Path,
) -> None:
    for language, looser, stricter, more in (
        ("en", "looser", "stricter", "more ambitious"),
        ("de", "lockerer", "strenger", "ehrgeiziger"),
    ):
        repo = site(tmp_path / language, language)
        repo.write(KPI, ttv(green=22, red=30))
        repo.commit("Relax thresholds", "bob", "2026-10-10T10:00:00+00:00")
        said = diff_text(repo, "HEAD~1", "HEAD")
        assert f"({looser})" in said, said
        repo.write(KPI, ttv(green=11, red=30))
        repo.commit("Tighten green", "bob", "2026-10-11T10:00:00+00:00")
        repo.write(OBJECTIVE, keep(target="0.8"))
        repo.commit("Aim higher", "bob", "2026-10-12T10:00:00+00:00")
        said = diff_text(repo, "HEAD~1", "HEAD")
        assert f"({more})" in said, said
        out = tmp_path / language / "out"
        data = build(repo, out)
        notes = [(c["field"], c.get("note")) for c in data["kpis"]["ttv"]["changes"]]
        assert ("green", "stricter") in notes and ("red", "looser") in notes, notes
        kpi = timeline(out, "kpis/ttv/index.html")
        assert f"22 days → 11 days {stricter}" in kpi[0], kpi
        assert f"20 days → 30 days {looser}" in kpi[1], kpi
        assert f"12 days → 22 days {looser}" in kpi[2], kpi
        html = (out / "kpis/ttv/index.html").read_text(encoding="utf-8")
        assert f'<strong class="flag looser">{looser}</strong>' in html
        assert f'<strong class="flag stricter">{stricter}</strong>' in html
        objective = timeline(out, "objectives/keep/index.html")
        assert re.search(rf"1[.,]2\s*% → 0[.,]8\s*% {more} ", objective[0]), objective[0]


# ------------------------------------------------------------------ 3. a unit added
def test_a_unit_added_reads_as_a_missing_value_on_the_page_in_diff_and_json(
    tmp_path: Path,
) -> None:
    repo = site(tmp_path)
    repo.write(OBJECTIVE, keep(target="100", unit=""))
    repo.commit("No unit", "bob", "2026-10-10T10:00:00+00:00")
    repo.write(OBJECTIVE, keep(target="100", unit='\n    unit: "$"'))
    repo.commit("Dollars", "bob", "2026-10-11T10:00:00+00:00")
    said = diff_text(repo, "HEAD~1", "HEAD")
    assert "unit: — → $" in said, said
    out = tmp_path / "out"
    changes = churn_changes(build(repo, out))
    units = [(c["old"], c["new"]) for c in changes if c["field"] == "unit"]
    assert units == [("%", None), (None, "$")], units
    entries = timeline(out, "objectives/keep/index.html")
    assert "unit — → $" in entries[0], entries[0]
    assert "unit % → —" in entries[1], entries[1]
