"""Session 50: "What changed" tells two check-ins of one day apart by their times.

A team that checks in morning and evening got two lines on the dashboard's
"What changed this week" dated ``2026-11-14`` each, while "Latest
check-ins" and the feed wrote ``2026-11-14 08:15`` and ``17:45``: which one
moved the figure from 40 to 55 could not be read. Each line now shows the
check-in's time (and zone), in the site's language, as its own line does;
a check-in written without a time keeps its date alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli, write_site

OBJECTIVE = """\
---
title: Grow pipeline
owner: Uma Diaz
cycle: 2026-Q4
key_results:
  - title: Qualified leads
    start: 0
    target: 100
  - title: Demos booked
    start: 0
    target: 20
---
"""


def built(root: Path, language: str) -> str:
    write_site(
        root,
        {
            "okrsite.toml": f'title = "T"\nlanguage = "{language}"\n',
            "content/objectives/pipeline.md": OBJECTIVE,
            "content/checkins/pipeline/morning.md": (
                "---\ndate: 2026-11-14 8:15 am\nauthor: Uma Diaz\nvalues:\n  kr1: 40\n---\n"
            ),
            "content/checkins/pipeline/evening.md": (
                "---\ndate: 2026-11-14T17:45+01:00\nauthor: Uma Diaz\nvalues:\n  kr1: 55\n---\n"
            ),
            "content/checkins/pipeline/day-before.md": (
                "---\ndate: 2026-11-13\nauthor: Uma Diaz\nvalues:\n  kr2: 3\n---\n"
            ),
        },
    )
    code, out = run_cli(
        "build",
        "--site",
        str(root),
        "--no-history",
        "--as-of",
        "2026-11-16",
        "--out",
        str(root / "out"),
    )
    assert code == 0, out
    return (root / "out/index.html").read_text(encoding="utf-8")


def changes_section(page: str) -> str:
    return page.split('aria-labelledby="changes"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize(
    ("language", "morning", "evening"), [("en", "8:15", "17:45"), ("de", "08:15", "17:45")]
)
def test_two_check_ins_of_one_day_show_their_times(
    tmp_path: Path, language: str, morning: str, evening: str
) -> None:
    page = built(tmp_path, language)
    section = changes_section(page)
    times = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', section)
    assert [t[0] for t in times] == [
        "2026-11-14T17:45+01:00",
        "2026-11-14T08:15",
        "2026-11-13",
    ], times
    shown = [t[1] for t in times]
    assert evening in shown[0] and morning in shown[1], shown
    # the check-in without a time keeps its date alone
    assert ":" not in shown[2], shown
    # the same words as the check-in's own line under "Latest check-ins"
    latest = page.split('aria-labelledby="latest"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'<time datetime="2026-11-14T08:15">([^<]+)</time>', latest) == [shown[1]]
