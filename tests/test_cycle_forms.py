"""Cycles written with a two-digit year, as people write them in planning
sheets and slide titles: ``Q4 26``, ``Q4 '26``, ``4Q26`` are 2026-Q4 and
``H2 26`` is 2026-H2. They were error OKR302 with a generic hint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrsite.cli import cli
from okrsite.cycles import canonical


@pytest.mark.parametrize(
    ("written", "cycle"),
    [
        ("Q4 26", "2026-Q4"),
        ('"Q4 \'26"', "2026-Q4"),
        ("4Q26", "2026-Q4"),
        ("4Q 2026", "2026-Q4"),
        ("Q4/26", "2026-Q4"),
        ("H2 26", "2026-H2"),
        ("Q4 2026", "2026-Q4"),
    ],
)
def test_a_two_digit_year_names_the_cycle(tmp_path: Path, written: str, cycle: str) -> None:
    (tmp_path / "content/objectives").mkdir(parents=True)
    (tmp_path / "okrsite.toml").write_text("as_of = 2026-11-20\n")
    (tmp_path / "content/objectives/grow.md").write_text(
        f"---\ntitle: Grow\ncycle: {written}\nowner: Uma Diaz\n"
        "key_results:\n  - {id: deals, title: Deals, start: 0, target: 10, current: 5}\n---\n"
    )
    result = CliRunner().invoke(cli, ["check", "--site", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "OKR302" not in result.output
    out = CliRunner().invoke(cli, ["export", "--site", str(tmp_path)])
    assert out.exit_code == 0, out.output
    [objective] = json.loads(out.output)["objectives"]
    assert objective["cycle"] == cycle


@pytest.mark.parametrize("written", ["Q5 26", "Q4 126", "Sprint 26", "26"])
def test_other_names_stay_as_written(written: str) -> None:
    assert canonical(written) == written
