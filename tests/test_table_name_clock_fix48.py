"""A note's Markdown table names its check-in's time as the check-in's
heading writes it (fix 48): ``09:15 (UTC+02:00)``, not ``09:15+02:00``,
from one helper (``Language.clock``) for the heading, the check-in lists,
the tables' names and the diff's reports. Built through the CLI, in English
and German."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run_cli, write_site

_WEEKLY = "| Week | Value |\n|---|---|\n| 46 | 4 |\n"
_OBJECTIVE = (
    "---\ntitle: Grow the pipeline\ncycle: 2026-Q4\nowner: Uma Diaz\n"
    "key_results:\n  - {id: deals, title: Qualified deals, start: 0, target: 200}\n---\n"
)
_CHECKIN = (
    "---\nobjective: pipeline\ndate: 2026-11-17T09:15+02:00\nvalues: {deals: 110}\n---\n" + _WEEKLY
)


@pytest.mark.parametrize(("language", "day"), [("en", "2026-11-17"), ("de", "17.11.2026")])
def test_a_notes_table_names_the_time_as_the_heading_writes_it(
    tmp_path: Path, language: str, day: str
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'language = "{language}"\nas_of = 2026-11-20\n',
            "content/objectives/pipeline.md": _OBJECTIVE,
            "content/checkins/2026-11-17.md": _CHECKIN,
        },
    )
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    page = (site / "_site/objectives/pipeline/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    heading = soup.select_one('time[datetime="2026-11-17T09:15+02:00"]')
    assert heading is not None
    assert heading.get_text() == f"{day} 09:15 (UTC+02:00)"
    names = [
        html.unescape(n)
        for n in re.findall(r'<div class="md-table" role="region"[^>]* aria-label="([^"]*)"', page)
    ]
    assert names == [f"Week, Value – {heading.get_text()}"], names
    assert not any("09:15+02:00" in n for n in names)
