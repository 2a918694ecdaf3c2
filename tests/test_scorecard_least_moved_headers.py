"""The scorecard's "Key results that moved least" table names its columns as
every table of the site does, capitalised (audit 44 verifyc E, after
kpidata 10 fixed the KPI table beside it): "Key result | Objective |
Progress | Current / target | Check-ins", not "progress" and "current /
target" between capitalised headers; German "Fortschritt" and "Aktuell /
Zielwert", and each cell's data-label (the header a narrow screen shows
beside the figure) says the same.

A small site written as a user writes it, built with ``okrsite build`` in
English and in German, its cycle page read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli, write_site

OBJECTIVE = """---
title: Grow
owner: Uma Diaz
cycle: 2026-Q4
key_results:
  - {id: a, title: Leads, start: 0, target: 10, current: 2}
  - {id: b, title: Deals, start: 0, target: 10, current: 5}
---
"""


def _build(tmp_path: Path, language: str) -> str:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "Acme"\nlanguage = "{language}"\nas_of = 2026-12-05\n',
            "content/objectives/grow.md": OBJECTIVE,
        },
    )
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(root), "--out", str(out), "--no-cache")
    assert code == 0, output
    return (out / "cycles/2026-Q4/index.html").read_text(encoding="utf-8")


def _least_moved(html: str) -> tuple[list[str], set[str]]:
    """The table's column headers and its cells' data-labels."""
    table = re.search(r'<table class="scorecard-least.*?</table>', html, re.S)
    assert table, "no least-moved table"
    headers = re.findall(r'<th scope="col">(.*?)</th>', table.group(0))
    return headers, set(re.findall(r'data-label="([^"]*)"', table.group(0)))


@pytest.mark.parametrize(
    ("language", "headers"),
    [
        ("en", ["Key result", "Objective", "Progress", "Current / target", "Check-ins"]),
        ("de", ["Schlüsselergebnis", "Ziel", "Fortschritt", "Aktuell / Zielwert", "Check-ins"]),
    ],
)
def test_the_least_moved_headers_are_capitalised(
    tmp_path: Path, language: str, headers: list[str]
) -> None:
    seen, labels = _least_moved(_build(tmp_path, language))
    assert seen == headers
    assert labels == set(headers[1:])
