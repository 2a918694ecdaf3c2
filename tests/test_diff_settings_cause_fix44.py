"""``okrsite diff`` names the cause of a parent's move rightly (audit 44, fiscal #6).

It said "(roll-up)" for a parent whose children do not count in it (it has
key results of its own) when a new fiscal_year_start moved its cycle: the
cause is "settings"; a parent that does roll up gets both. Real git
repositories, through the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from test_checkin_stamp_zone_fix44 import FEB, fiscal_site
from test_diff_fixtures import commit, init_repo

H2 = """
    ---
    title: H2 retention
    cycle: FY2027-H2
    owner: Tom Lee
    parent: company/grow-arr
    key_results:
      - {id: retention, title: Retention from 80 to 90, start: 80, target: 90}
    ---
    """


def test_diff_says_settings_for_a_parent_its_children_do_not_count_in(tmp_path: Path) -> None:
    """grow-arr has a key result of its own, so its children count nowhere in
    it; its expected moved because fiscal_year_start moved its cycle."""
    repo = init_repo(tmp_path / "r")
    fiscal_site(repo, {"content/objectives/cs/h2.md": H2})
    commit(repo, "init")
    toml = repo / "okrsite.toml"
    toml.write_text(toml.read_text().replace('"February"', '"March"'))
    commit(repo, "fiscal year from March")
    code, out = run_cli("diff", "HEAD~1", "HEAD", "--format", "text", "--site", str(repo))
    assert code == 0, out
    assert "company/grow-arr: 0% → 0%, expected 84% → 76%, off-track (settings)" in out, out
    assert "(roll-up)" not in out
    code, out = run_cli("diff", "HEAD~1", "HEAD", "--format", "json", "--site", str(repo))
    scores = {s["id"]: s for s in json.loads(out)["scores"]}
    assert scores["company/grow-arr"]["causes"] == ["settings"]


def test_diff_says_roll_up_and_settings_for_a_parent_that_rolls_up(tmp_path: Path) -> None:
    """A parent without key results averages its children: both causes."""
    repo = init_repo(tmp_path / "r")
    fiscal_site(
        repo,
        {
            "content/objectives/company/grow-arr.md": (
                "---\ntitle: Grow ARR\ncycle: FY2027\nowner: Tom Lee\n---\n"
            ),
            "content/checkins/sales/q4-bookings/2026-11-20.md": (
                "---\ndate: 2026-11-20\nvalues: {bookings: 1.5}\n---\n"
            ),
        },
    )
    commit(repo, "init")
    commit(
        repo,
        "fiscal year from March, a check-in",
        {
            "okrsite.toml": FEB.replace('"February"', '"March"'),
            "content/checkins/sales/q4-bookings/2026-12-01.md": (
                "---\ndate: 2026-12-01\nvalues: {bookings: 2.4}\n---\n"
            ),
        },
    )
    code, out = run_cli("diff", "HEAD~1", "HEAD", "--format", "json", "--site", str(repo))
    assert code == 0, out
    scores = {s["id"]: s for s in json.loads(out)["scores"]}
    assert scores["company/grow-arr"]["causes"] == ["roll-up", "settings"]
    assert scores["sales/q4-bookings"]["causes"] == ["check-in", "settings"]
