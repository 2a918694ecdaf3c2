"""Check-in streaks on person and team pages, built from a real git repository.

Cycle 2026-Q1 starts on Thursday 2026-01-01; as_of is Wednesday 2026-02-18,
so the running week is the one of Monday 02-16. Weeks below by their Monday.

- alice (sales): 01-07 (wk 01-05), 01-21 (01-19), 01-28 (01-26),
  02-04 (02-02), 02-12 (02-09). No check-in yet in the running week, which
  does not break the streak: 02-09, 02-02, 01-26, 01-19 = 4; 01-12 is empty.
- bob (sales): 12-30 (before the cycle, not counted), 01-26 (01-26),
  02-09 (02-09), 02-17 (02-16): 02-16, 02-09 = 2; 02-02 is empty.
- carol (support): 01-14 (01-12), 02-10 (02-09): 02-09 = 1 (singular).
- dave (support): none = 0.
- team sales (alice's and bob's, on sales objectives): weeks 01-05, 01-19,
  01-26, 02-02, 02-09, 02-16: 02-16 back to 01-19 = 5.
- team support (carol's): 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

OBJECTIVE = """\
---
title: {title}
cycle: 2026-Q1
owner: {owner}
team: {team}
key_results:
  - id: done
    title: Ship it
    start: 0
    target: 10
---
"""

CHECKINS = {
    "alice": ("sales/emea", ["2026-01-07", "2026-01-21", "2026-01-28", "2026-02-04", "2026-02-12"]),
    "bob": ("sales/emea", ["2025-12-30", "2026-01-26", "2026-02-09", "2026-02-17"]),
    "carol": ("support/desk", ["2026-01-14", "2026-02-10"]),
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    repo = Repo(tmp_path_factory.mktemp("streaks") / "goals")
    repo.write("okrsite.toml", 'title = "Acme"\nas_of = 2026-02-18\n')
    repo.write(
        "content/objectives/sales/emea.md",
        OBJECTIVE.format(title="Grow EMEA", owner="alice", team="sales"),
    )
    repo.write(
        "content/objectives/support/desk.md",
        OBJECTIVE.format(title="Faster answers", owner="carol", team="support"),
    )
    for who, team in (("alice", "sales"), ("bob", "sales"), ("carol", "support")):
        repo.write(f"content/people/{who}.md", f"---\ntitle: {who.title()}\nteam: {team}\n---\n")
    repo.write("content/people/dave.md", "---\ntitle: Dave\nteam: support\n---\n")
    repo.write("content/teams/sales.md", "---\ntitle: Sales\n---\n")
    repo.write("content/teams/support.md", "---\ntitle: Support\n---\n")
    repo.commit("Start", "alice", "2025-12-20T10:00:00+00:00")
    for who, (objective, days) in CHECKINS.items():
        for d in days:
            repo.write(
                f"content/checkins/{objective.split('/')[0]}/{d}-{who}.md",
                f"---\nobjective: {objective}\ndate: {d}\nauthor: {who}\nvalues: {{done: 1}}\n---\n",
            )
            repo.commit(f"Check-in of {who}", who, f"{d}T17:00:00+00:00")
    return repo


def build(repo: Repo, out: Path) -> Path:
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def streak_line(out: Path, page: str) -> str:
    html = (out / page / "index.html").read_text()
    start = html.index('<p class="meta streak">') + len('<p class="meta streak">')
    return html[start : html.index("</p>", start)]


def test_person_and_team_pages_show_the_streak(repo: Repo, tmp_path: Path) -> None:
    out = build(repo, tmp_path / "site")
    assert streak_line(out, "people/alice") == "Check-in streak: 4 weeks in a row in 2026-Q1"
    assert streak_line(out, "people/bob") == "Check-in streak: 2 weeks in a row in 2026-Q1"
    assert streak_line(out, "people/carol") == "Check-in streak: 1 week in a row in 2026-Q1"
    assert streak_line(out, "people/dave") == (
        "No check-in streak in 2026-Q1: no check-in last week or this week."
    )
    assert streak_line(out, "teams/sales") == "Check-in streak: 5 weeks in a row in 2026-Q1"
    assert streak_line(out, "teams/support") == "Check-in streak: 1 week in a row in 2026-Q1"
    # the same figures in api/history.json, computed by the same function
    streaks = json.loads((out / "api/history.json").read_text())["streaks"]
    assert streaks == {
        "cycle": "2026-Q1",
        "people": {"alice": 4, "bob": 2, "carol": 1},
        "teams": {"sales": 5, "support": 1},
    }


def test_streak_is_translated(repo: Repo, tmp_path: Path) -> None:
    toml = repo.root / "okrsite.toml"
    before = toml.read_text()
    toml.write_text(before + 'language = "de"\n')
    try:
        out = build(repo, tmp_path / "site")
    finally:
        toml.write_text(before)
    assert streak_line(out, "people/alice") == "Check-in-Serie: 4 Wochen in Folge in 2026-Q1"
    assert streak_line(out, "people/carol") == "Check-in-Serie: 1 Woche in Folge in 2026-Q1"
    assert streak_line(out, "people/dave") == (
        "Keine Check-in-Serie in 2026-Q1: kein Check-in letzte oder diese Woche."
    )


def test_a_whole_week_without_check_in_ends_the_streak(repo: Repo, tmp_path: Path) -> None:
    """As of Tuesday 02-24: alice's last check-in was in the week of 02-09, so the
    whole week of 02-16 passed without one (0); bob checked in on 02-17, and the
    running week of 02-23 does not break his streak yet (2). Team sales: 02-16
    (bob), 02-09, 02-02 (alice), 01-26, 01-19 (alice) = 5."""
    out = tmp_path / "site"
    args = ["build", "--site", str(repo.root), "--out", str(out), "--as-of", "2026-02-24"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert streak_line(out, "people/alice").startswith("No check-in streak in 2026-Q1")
    assert streak_line(out, "people/bob") == "Check-in streak: 2 weeks in a row in 2026-Q1"
    assert streak_line(out, "teams/sales") == "Check-in streak: 5 weeks in a row in 2026-Q1"


def test_a_check_in_after_as_of_names_nobody(repo: Repo, tmp_path: Path) -> None:
    """As of 2026-01-10 only alice had checked in in the cycle (01-07): bob's
    check-in of 2025-12-30 (before the cycle) lists him with 0, as one who
    checked in before; carol's first is on 01-14, not written yet, so
    api/history.json does not list her, as it lists no check-in of hers."""
    out = tmp_path / "site"
    args = ["build", "--site", str(repo.root), "--out", str(out), "--as-of", "2026-01-10"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    streaks = json.loads((out / "api/history.json").read_text())["streaks"]
    assert streaks == {
        "cycle": "2026-Q1",
        "people": {"alice": 1, "bob": 0},
        "teams": {"sales": 1},
    }


@pytest.mark.parametrize("as_of", ["2025-12-15", "2026-04-20"])
def test_no_streak_between_cycles(repo: Repo, tmp_path: Path, as_of: str) -> None:
    """Before the only cycle starts and after it ended, the as-of date is in
    no cycle: no streak line on person and team pages (not "no check-in
    streak in 2026-Q1", a cycle not begun or long over), and none in
    api/history.json."""
    out = tmp_path / "site"
    args = ["build", "--site", str(repo.root), "--out", str(out), "--as-of", as_of]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    for page in ("people/alice", "people/dave", "teams/sales"):
        assert 'class="meta streak"' not in (out / page / "index.html").read_text()
    streaks = json.loads((out / "api/history.json").read_text())["streaks"]
    assert streaks == {"cycle": None, "people": {}, "teams": {}}
