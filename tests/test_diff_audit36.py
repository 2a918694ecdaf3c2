"""``okrsite diff`` defects found by a user audit, on real git repositories and the real CLI.

The site lives in a subfolder (``site/``) of the repository; each test
builds the head side with ``okrsite build`` and checks that the diff says
what the built pages and ``api/portfolio.json`` say:

* a KPI's second check-in of a day moves from the day's first, as the
  dashboard's "changed this week" says, not from the day before;
* a score moved by a child's weight or parent is a ``roll-up``, not
  ``settings``;
* a yes/no key result's check-in reads "not done → done" (German
  "nicht erledigt → erledigt"), as the dashboard words it; JSON's before is 0;
* ``okrsite codeowners --check --site DIR`` prints a fix that keeps
  ``--site``, runnable from where it was run.
"""

from __future__ import annotations

import html
import json
import os
import re
import shlex
from pathlib import Path

from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

WHEN = "2026-11-10T09:00:00+00:00"


def config(language: str = "en") -> str:
    return (
        f'title = "Audit"\nlanguage = "{language}"\n'
        'as_of = "2026-11-20"\ndefault_cycle = "2026-Q4"\n'
    )


def invoke(where: Path, *args: str) -> Result:
    """``okrsite ARGS`` run in ``where`` (never catching exceptions: a traceback fails)."""
    old = Path.cwd()
    os.chdir(where)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def site_repo(tmp_path: Path, files: dict[str, str], language: str = "en") -> Repo:
    """A repository whose site is in ``site/``, ``files`` committed on main
    and a branch ``feature`` checked out."""
    repo = Repo(tmp_path / "repo")
    repo.write("site/okrsite.toml", config(language))
    for rel, text in files.items():
        repo.write(f"site/{rel}", text)
    repo.commit("base", "alice", WHEN)
    repo.git("checkout", "-q", "-b", "feature")
    return repo


def branch(repo: Repo, files: dict[str, str]) -> None:
    for rel, text in files.items():
        repo.write(f"site/{rel}", text)
    repo.commit("change", "bob", WHEN)


def diff(repo: Repo, *args: str) -> Result:
    result = invoke(repo.root / "site", "diff", "main", "HEAD", "--fail-on", "none", *args)
    assert result.exit_code == 0, result.output
    return result


def diff_json(repo: Repo) -> dict[str, object]:
    data = json.loads(diff(repo, "--format", "json").stdout)
    assert isinstance(data, dict)
    return data


def build(repo: Repo) -> Path:
    out = repo.root.parent / "out"
    result = invoke(repo.root / "site", "build", "--out", str(out), "--no-cache", "--no-history")
    assert result.exit_code == 0, result.output
    return out


def this_week(out: Path) -> str:
    """The dashboard's "changed this week" as text."""
    page = (out / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    return re.sub(r" ([:,])", r"\1", text)


def portfolio(out: Path) -> dict[str, dict[str, object]]:
    data = json.loads((out / "api" / "portfolio.json").read_text(encoding="utf-8"))
    return {o["id"]: o for o in data["objectives"]}


# ------------------------------------------------------------------ 1. second check-in of a day
NPS = "---\ntitle: NPS\nunit: points\ntarget: 50\nvalues: {2026-11-01: 40}\n---\n"


def kpi_checkin(day: str, value: int) -> str:
    return f"---\nkpi: nps\ndate: {day}\nvalue: {value}\n---\n"


def test_second_kpi_checkin_of_a_day_moves_from_the_day_before(tmp_path: Path) -> None:
    """Both readings of one day move from the KPI's value of the day before:
    the KPI has one value a day (the 17:00 one overrules the 09:00 one, which
    it never held), and the KPI's page and the dashboard say "previous 40"
    too (docs/scoring.md "KPIs"; this once read 42 → 45)."""
    # an objective, as the dashboard lists "changed this week" beside them
    repo = site_repo(tmp_path, {"content/kpis/nps.md": NPS, "content/objectives/o.md": LAUNCH})
    branch(
        repo,
        {
            "content/checkins/2026-11-18-nps.md": kpi_checkin("2026-11-18T09:00", 42),
            "content/checkins/2026-11-18-nps-2.md": kpi_checkin("2026-11-18T17:00", 45),
        },
    )
    text = diff(repo, "--format", "text").output
    added = text.split("Check-ins")[-1]
    assert "value 40 points → 42 points" in added
    assert "value 40 points → 45 points" in added
    assert "42 points → 45 points" not in text
    md = diff(repo).output
    assert "value 40 points → 45 points" in md

    checkins = diff_json(repo)["checkins"]
    assert isinstance(checkins, list)
    moves = [(c["file"].rsplit("/", 1)[-1], c["values"][0]) for c in checkins]
    assert moves == [
        ("2026-11-18-nps.md", {"key": "value", "before": 40, "after": 42}),
        ("2026-11-18-nps-2.md", {"key": "value", "before": 40, "after": 45}),
    ]

    week = this_week(build(repo))
    assert "NPS: 40 → 45 points" in week  # the day's one value, listed once
    assert "→ 42 points" not in week


# ------------------------------------------------------------------ 2. roll-up
COMPANY = (
    "---\ntitle: Company\ncycle: 2026-Q4\nkey_results:\n"
    "  - {id: arr, title: ARR, target: 10, current: 5}\n"
    "  - {id: partners, title: Partner programme}\n---\n"
)


def team(name: str, current: int, extra: str = "", parent: str = "company#partners") -> str:
    return (
        f"---\ntitle: Team {name}\ncycle: 2026-Q4\nparent: {parent}\n{extra}"
        f"key_results:\n  - {{id: x, title: X, target: 10, current: {current}}}\n---\n"
    )


def _company_score(repo: Repo) -> dict[str, object]:
    data = diff_json(repo)
    scores = data["scores"]
    assert isinstance(scores, list)
    (company,) = [s for s in scores if s["id"] == "company"]
    assert data["settings"] == []
    return company


def test_a_childs_weight_moves_the_parent_by_roll_up(tmp_path: Path) -> None:
    repo = site_repo(
        tmp_path,
        {
            "content/objectives/company.md": COMPANY,
            "content/objectives/a.md": team("A", 8),
            "content/objectives/b.md": team("B", 2),
        },
    )
    branch(repo, {"content/objectives/a.md": team("A", 8, "weight: 3\n")})
    company = _company_score(repo)
    assert company["causes"] == ["roll-up"]
    built = portfolio(build(repo))["company"]
    assert company["progress"]["after"] == built["progress"]
    assert company["progress"] == {"before": 0.5, "after": built["progress"]}
    text = diff(repo, "--format", "text").output
    assert "(roll-up)" in text
    assert "(settings)" not in text


def test_a_child_moved_away_moves_the_parent_by_roll_up(tmp_path: Path) -> None:
    repo = site_repo(
        tmp_path,
        {
            "content/objectives/company.md": COMPANY,
            "content/objectives/other.md": COMPANY.replace("Company", "Other"),
            "content/objectives/a.md": team("A", 8),
            "content/objectives/b.md": team("B", 2),
        },
    )
    branch(repo, {"content/objectives/b.md": team("B", 2, parent="other#partners")})
    company = _company_score(repo)
    assert company["causes"] == ["roll-up"]
    assert company["progress"]["after"] == portfolio(build(repo))["company"]["progress"]


# ------------------------------------------------------------------ 3. yes/no key results
LAUNCH = (
    "---\ntitle: Launch\ncycle: 2026-Q4\nkey_results:\n"
    "  - {id: live, title: Go live, done: false}\n"
    "  - {id: faq, title: FAQ, done: true}\n---\n"
)


def test_a_yes_no_checkin_reads_done_as_the_dashboard_does(tmp_path: Path) -> None:
    repo = site_repo(tmp_path, {"content/objectives/launch.md": LAUNCH})
    branch(
        repo,
        {
            "content/checkins/2026-11-18-launch.md": (
                "---\nobjective: launch\ndate: 2026-11-18\nvalues: {live: yes, faq: no}\n---\n"
            )
        },
    )
    week = this_week(build(repo))
    assert "Go live: not done → done" in week
    assert "FAQ: done → not done" in week
    for fmt in ("text", "markdown"):
        out = diff(repo, "--format", fmt).output
        assert "live not done → done" in out, out
        assert "faq done → not done" in out, out
        assert "— → 1" not in out
    (checkin,) = diff_json(repo)["checkins"]  # type: ignore[misc]
    assert checkin["values"] == [
        {"key": "live", "before": 0, "after": 1},
        {"key": "faq", "before": 1, "after": 0},
    ]


def test_a_yes_no_checkin_reads_done_in_german(tmp_path: Path) -> None:
    repo = site_repo(tmp_path, {"content/objectives/launch.md": LAUNCH}, language="de")
    branch(
        repo,
        {
            "content/checkins/2026-11-18-launch.md": (
                "---\nobjective: launch\ndate: 2026-11-18\nvalues: {faq: no}\n---\n"
            )
        },
    )
    week = this_week(build(repo))
    assert "FAQ: erledigt → nicht erledigt" in week
    out = diff(repo).output
    assert "faq erledigt → nicht erledigt" in out, out


# ------------------------------------------------------------------ 4. codeowners in a monorepo
def test_codeowners_fix_keeps_the_site(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("goals/okrsite.toml", config())
    repo.write(
        "goals/content/objectives/launch.md",
        "---\ntitle: Launch\ncycle: 2026-Q4\nowner: li\nkey_results:\n"
        "  - {id: m, title: M, target: 10, current: 2}\n---\n",
    )
    repo.write("goals/content/people/li.md", "---\nname: Li\ngithub: li-gh\n---\n")
    repo.write(".github/CODEOWNERS", "# stale\n")
    repo.commit("base", "alice", WHEN)

    checked = invoke(repo.root, "codeowners", "--check", "--site", "goals")
    assert checked.exit_code != 0
    (hint,) = [line for line in checked.output.splitlines() if "with: okrsite codeowners" in line]
    command = hint.split("with: ", 1)[1].strip()
    assert "--site goals" in command, hint
    # run as printed, from where the check was run, it writes the file the check reads
    fixed = invoke(repo.root, *shlex.split(command)[1:])
    assert fixed.exit_code == 0, fixed.output
    assert invoke(repo.root, "codeowners", "--check", "--site", "goals").exit_code == 0
