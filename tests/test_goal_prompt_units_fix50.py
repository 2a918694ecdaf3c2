"""Session 50: a SMART goal's current value typed at the prompt is read as ``--value`` reads it.

``okrsite checkin GOAL`` on a terminal asks for the goal's current value.
``--value 1.6M`` beside ``unit: M EUR`` was written ``current: 1.6`` (as the
goal's file reads ``current: 1.6M``), but ``1.6M`` typed at the prompt was
written ``current: 1600000``: a goal 800,000 times past its target of 2 M EUR,
and no word said. The prompt now reads an answer with the functions
``--value`` reads it with, and an answer the file would refuse is refused
with the loader's message and asked again. Real CLI, input typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from okrsite import authoring_cli
from okrsite.cli import cli

GOAL = """\
---
title: {title}
cycle: 2026-Q4
owner: Alice Ng
measure: {{start: {start}, target: {target}, unit: {unit}}}
---
"""


def site(root: Path, language: str, title: str, start: str, target: str, unit: str) -> Path:
    (root / "content/goals").mkdir(parents=True)
    (root / "okrsite.toml").write_text(
        f'title = "T"\nas_of = "2026-11-20"\nlanguage = "{language}"\n', encoding="utf-8"
    )
    text = GOAL.format(title=title, start=start, target=target, unit=unit)
    (root / "content/goals/arr.md").write_text(text, encoding="utf-8")
    return root


def measure(root: Path) -> str:
    text = (root / "content/goals/arr.md").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("measure:"))


@pytest.mark.parametrize(
    ("language", "unit", "typed", "written"),
    [
        ("en", "M EUR", "1.6M", "current: 1.6,"),
        ("en", "M USD", "$1.6M", "current: 1.6,"),
        ("de", "Mio. EUR", "1,6 Mio.", "current: 1.6,"),
        ("de", "Mio. EUR", "€1,6M", "current: 1.6,"),
        ("en", "k EUR", "1,600k", "current: 1600,"),
        ("de", '"%"', "25 %", "current: 25,"),
    ],
)
def test_the_prompt_writes_what_value_writes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    unit: str,
    typed: str,
    written: str,
) -> None:
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)
    start, target = ("10", "40") if "%" in unit else ("1", "2")
    asked = site(tmp_path / "asked", language, "Reach ARR", start, target, unit)
    result = CliRunner().invoke(cli, ["checkin", "arr", "--site", str(asked)], input=f"{typed}\n")
    assert result.exit_code == 0, result.output
    assert "Reach ARR: current value:" in result.output
    given = site(tmp_path / "given", language, "Reach ARR", start, target, unit)
    result = CliRunner().invoke(cli, ["checkin", "arr", "--value", typed, "--site", str(given)])
    assert result.exit_code == 0, result.output
    assert written in measure(given)
    assert measure(asked) == measure(given)


def test_an_answer_the_file_refuses_is_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``lots`` is refused with what the loader says of the file's
    ``current: lots``, and the next answer, ``1.7M``, is written as 1.7."""
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)
    root = site(tmp_path, "en", "Reach ARR", "1", "2", "M EUR")
    result = CliRunner().invoke(cli, ["checkin", "arr", "--site", str(root)], input="lots\n1.7M\n")
    assert result.exit_code == 0, result.output
    assert "Error: current must be a number, got 'lots' (OKR102" in result.output
    assert result.output.count("Reach ARR: current value:") == 2
    assert "current: 1.7," in measure(root)


KPI = "---\ntitle: ARR\nowner: Alice Ng\nunit: {unit}\ntarget: 2\n---\n"


@pytest.mark.parametrize(
    ("language", "unit", "typed"),
    [("de", "Mio. EUR", "1,6 Mio."), ("en", "M EUR", "1.6M"), ("de", "Mio. EUR", "€1,6M")],
)
def test_a_kpi_reading_typed_or_given_is_read_as_its_check_in_file_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, unit: str, typed: str
) -> None:
    """A KPI's reading ``1,6 Mio.`` beside ``unit: Mio. EUR``: its check-in
    file's ``value: 1,6 Mio.`` reads as 1.6, but ``--value`` and the prompt
    wrote ``value: 1600000``. Both now write 1.6, as the file reads it."""
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)
    root = tmp_path / "site"
    (root / "content/kpis").mkdir(parents=True)
    (root / "okrsite.toml").write_text(
        f'title = "T"\nas_of = "2026-11-20"\nlanguage = "{language}"\n', encoding="utf-8"
    )
    (root / "content/kpis/arr.md").write_text(KPI.format(unit=unit), encoding="utf-8")
    common = ["--note", "", "--site", str(root)]
    result = CliRunner().invoke(
        cli, ["checkin", "arr", "--date", "2026-11-18", *common], input=f"{typed}\n"
    )
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(
        cli, ["checkin", "arr", "--date", "2026-11-19", "--value", typed, *common]
    )
    assert result.exit_code == 0, result.output
    for day in ("2026-11-18", "2026-11-19"):
        text = (root / f"content/checkins/arr/{day}.md").read_text(encoding="utf-8")
        assert "\nvalue: 1.6\n" in text, (day, text)


def test_a_point_that_may_group_thousands_is_warned_of_at_the_prompt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``131.500`` typed at the prompt of an English site is 131.5, as
    ``--value 131.500`` and a file's ``current: 131.500`` read it; both of
    those warn (OKR124), and now the prompt does too, where it said nothing."""
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)
    root = site(tmp_path, "en", "Reach users", "100000", "200000", "users")
    result = CliRunner().invoke(cli, ["checkin", "arr", "--site", str(root)], input="131.500\n")
    assert result.exit_code == 0, result.output
    assert (
        "okrsite: warning OKR124: 131.500 is read as 131.5; with a point that groups "
        "thousands it is 131500"
    ) in result.output
    assert "current: 131.5," in measure(root)
