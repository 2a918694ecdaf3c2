"""Numbers as people write and paste them (okrsite.written_numbers), through the
real ``okrsite check`` and ``build`` on files written that way."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from okrsite.cli import cli
from okrsite.written_numbers import ambiguous_comma, read_number


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_number_python_writes_reads_back_the_same(number: float) -> None:
    assert read_number(repr(number)) in ((number, False), None)
    if "e" not in repr(number) and "inf" not in repr(number):
        assert read_number(repr(number)) == (number, False)
        assert read_number(f"{number!r}%") == (number, True)


@given(st.integers(min_value=1000, max_value=10**15))
def test_thousands_grouped_every_way_read_as_the_whole_number(n: int) -> None:
    english = f"{n:,}"
    german = english.replace(",", ".")
    spaced = english.replace(",", "\u202f")
    swiss = english.replace(",", "'")
    for text in (spaced, swiss, f"$ {english}.00", f"{german},00 €"):
        assert read_number(text) == (n, False), text
    if english.count(",") > 1:  # several groups: only thousands
        assert read_number(english) == (n, False) and read_number(german) == (n, False)
    else:  # one group: thousands in English, decimals in German
        assert read_number(english) is None and ambiguous_comma(english) == str(n)


@pytest.mark.parametrize(
    ("text", "number"),
    [("3x", 3.0), ("1.5×", 1.5), ("2.1 X", 2.1), ("10x", 10.0), ("$1.2Mx", None), ("3xx", None)],
)
def test_a_multiple_written_with_times_is_its_number(text: str, number: float | None) -> None:
    """Pipeline coverage is written "3x" in every sales deck."""
    assert read_number(text) == (None if number is None else (number, False))


@pytest.mark.parametrize(
    ("text", "number"),
    [("$250,000", 250000.0), ("£1,500", 1500.0), ("¥2,000", 2000.0), ("-$5,000.50", -5000.5)],
)
def test_one_comma_group_beside_a_dollar_pound_or_yen_is_thousands(
    text: str, number: float
) -> None:
    assert read_number(text) == (number, False)
    assert ambiguous_comma(text) is None
    if "." not in text:  # a euro amount is written both ways: refused
        assert read_number(text.replace("$", "€").replace("£", "€").replace("¥", "€")) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "%",
        "$",
        "x",
        "×3",
        "fifty",
        "5 m",
        "1,2,3",
        "1..2",
        "12,5,0",
        "0x10",
        "١٢",
        "1 2 3 %%",
        "k",
        "M5",
    ],
)
def test_what_is_not_one_number_is_refused(text: str) -> None:
    assert read_number(text) is None


@given(st.text(alphabet="0123456789,. '%$€+-−kMBbn\u00a0_e", max_size=12) | st.text(max_size=12))
def test_any_text_is_a_number_or_refused_never_an_exception(text: str) -> None:
    got = read_number(text)
    assert got is None or (math.isfinite(got[0]) and isinstance(got[1], bool))
    ambiguous_comma(text)


def check(site: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, [args[0], "--site", str(site), "--as-of", "2026-11-25", *args[1:]]
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "okrsite.toml").write_text('title = "Pasted"\n', encoding="utf-8")
    return root


GROWTH = """---
title: Grow the business
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - id: conversion
    title: Conversion rate
    start: 2.5%
    target: 4 %
  - id: revenue
    title: Reach $1M revenue
    start: $200 000
    target: $1,000,000
    current: "$450.000,00"
    unit: USD
  - id: arr
    title: ARR
    start: 1.2M
    target: 2M
---
"""


def test_a_portfolio_pasted_from_a_spreadsheet_builds_with_the_numbers_it_means(
    tmp_path: Path,
) -> None:
    site = write(
        tmp_path / "site",
        {
            "content/objectives/growth.md": GROWTH,
            "content/checkins/growth/2026-11-20.md": (
                "---\nobjective: growth\ndate: 2026-11-20\n"
                "values: {conversion: 3.4%, arr: '1,6M'}\n---\n"
            ),
            "content/kpis/uptime.md": (
                "---\ntitle: Uptime\nunit: '%'\nthresholds: {green: 99.9%, red: 99 %}\n"
                "values: {2026-11-01: 99.95%}\n---\n"
            ),
            "content/checkins/uptime.md": "---\nkpi: uptime\ndate: 2026-11-20\nvalue: 99.5%\n---\n",
        },
    )
    code, output = check(site, "build")
    assert code == 0, output
    data = json.loads((site / "_site" / "api" / "portfolio.json").read_text(encoding="utf-8"))
    krs = {kr["id"]: kr for kr in data["objectives"][0]["key_results"]}
    assert (krs["conversion"]["start"], krs["conversion"]["target"]) == (2.5, 4)
    assert (krs["conversion"]["current"], krs["conversion"]["unit"]) == (3.4, "%")
    assert math.isclose(krs["conversion"]["progress"], 0.6)
    revenue = krs["revenue"]
    assert (revenue["start"], revenue["target"], revenue["current"]) == (200000, 1000000, 450000)
    assert (krs["arr"]["start"], krs["arr"]["current"], krs["arr"]["target"]) == (
        1200000,
        1600000,
        2000000,
    )
    kpi = data["kpis"][0]
    assert kpi["value"] == 99.5 and kpi["health"] == "warning"


def test_a_percentage_for_a_figure_in_another_unit_is_an_error_with_what_to_write(
    tmp_path: Path,
) -> None:
    site = write(
        tmp_path / "site",
        {
            "content/objectives/growth.md": GROWTH.replace(
                "  - id: arr",
                "  - id: nps\n    title: NPS\n    target: 50\n    unit: points\n  - id: arr",
            ),
            "content/checkins/a.md": (
                "---\nobjective: growth\ndate: 2026-11-20\nvalues: {nps: 45%, arr: 5%}\n---\n"
            ),
            "content/kpis/deals.md": "---\ntitle: Deals\ntarget: 40\n---\n",
            "content/checkins/b.md": "---\nkpi: deals\ndate: 2026-11-20\nvalue: 12%\n---\n",
        },
    )
    code, output = check(site, "check")
    assert code == 1
    errors = [line.split(" (hint")[0] for line in output.splitlines() if ": error " in line]
    assert errors == [
        "content/checkins/a.md:4:15: error OKR312: nps is written as a percentage, but key result 'nps' is measured in 'points'",
        "content/checkins/a.md:4:25: error OKR312: arr is written as a percentage, but key result 'arr' is measured in plain numbers",
        "content/checkins/b.md:4:8: error OKR312: value is written as a percentage, but KPI 'deals' is measured in plain numbers",
    ], output
    assert "give key result 'nps' 'unit: \"%\"' if it counts percentages" in output
