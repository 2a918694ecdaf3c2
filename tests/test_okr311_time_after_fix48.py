"""OKR311's hint named a time still before the day's last check-in (fix 48,
pulldup).

A check-in without a time of day, filed after one at 23:59:30, got "add the
time to its date, e.g. date: DAY T23:59": a time still read before 23:59:30,
so following the hint left the check-in where it was. The hint now gives the
time ``okrsite checkin --date`` stamps (one rule, :mod:`okrsite.time_after`):
the minute after, or after 23:59 the second after (``23:59:31``); after
23:59:59 it says no time of that day is left. Real files, through the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_site

DAY = "2026-11-03"


def site_with(root: Path, last: str) -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": 'title = "OKRs"\nas_of = "2026-11-05"\n',
            "content/objectives/grow.md": "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma\n"
            "key_results:\n  - id: users\n    title: Users\n    start: 0\n    target: 100\n"
            "  - id: churn\n    title: Churn\n    start: 10\n    target: 5\n---\n",
            "content/people/uma.md": "---\nname: Uma\n---\n",
            f"content/checkins/grow/{DAY}.md": f"---\nobjective: grow\ndate: {DAY}T{last}\n"
            "values: {users: 10}\n---\n",
            f"content/checkins/grow/{DAY}-2.md": f"---\nobjective: grow\ndate: {DAY}\n"
            "values: {users: 12}\n---\n",
        },
    )


def users_now(site: Path) -> float:
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    (obj,) = json.loads(out[out.index("{") :])["objectives"]
    return float(next(k for k in obj["key_results"] if k["id"] == "users")["current"])


@pytest.mark.parametrize(
    "last, after",
    [
        ("23:59:30", "23:59:31"),
        ("23:59", "23:59:01"),
        ("23:59:30+01:00", "23:59:31+01:00"),
        ("14:05:30", "14:06"),
    ],
)
def test_okr311_hint_gives_a_time_read_after_the_days_last(
    tmp_path: Path, last: str, after: str
) -> None:
    site = site_with(tmp_path / "site", last)
    code, out = run_cli("check", "--site", str(site))
    assert f"e.g. date: {DAY}T{after}, if it is the latest of the day" in out, out
    assert users_now(site) == 10
    # following the hint makes it the day's latest, and the warning goes
    untimed = site / f"content/checkins/grow/{DAY}-2.md"
    untimed.write_text(untimed.read_text().replace(f"date: {DAY}\n", f"date: {DAY}T{after}\n"))
    code, out = run_cli("check", "--site", str(site))
    assert "OKR311" not in out, out
    assert users_now(site) == 12


def test_okr311_says_no_time_of_the_day_is_left_after_its_last_second(tmp_path: Path) -> None:
    site = site_with(tmp_path / "site", "23:59:59")
    code, out = run_cli("check", "--site", str(site))
    assert (
        "hint: the day's last check-in is at 23:59:59, its last second, so no time of "
        f"{DAY} is read after it: if this one is the latest, date it 2026-11-04; else give "
        "it its time of day"
    ) in out, out
    assert "T23:59," not in out and "T24:" not in out, out
