"""Money and magnitudes in a KPI's data file, through the real CLI.

A cell with a currency sign reads a point before exactly three digits as
grouping thousands (``1.200 €``, ``€5.000``: no amount of money has three
decimals), in a file separated by commas or semicolons, as the goal files
read the same text; a magnitude after the digits (``$1.5M``, ``2.5k``,
``1,5 Mio €``) multiplies them as in the goal files, the digits read by the
file's decimal mark; thousands grouped by spaces (``1 234``) are read. What
is ambiguous stays refused. ``okrsite pull`` from a CSV source reads the same
cells alike, and writes rows that read back as the figure it pulled.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli

from okrsite.pipeline import load_site

MakeSite = Callable[[dict[str, str | bytes]], Path]
AS_OF = date(2026, 11, 30)


def _toml(language: str = "en", source: bool = False) -> str:
    toml = f'title = "T"\nas_of = {AS_OF}\nlanguage = "{language}"\n'
    if source:
        toml += '[[sources]]\nname = "rev"\nfile = "exports/rev.csv"\n'
    return toml


KPI = """
    ---
    title: Revenue
    unit: €
    target: 1000
    data: data/rev.csv
    ---
"""


def _site(make_site: MakeSite, data: str, export: str | None = None, language: str = "en") -> Path:
    files: dict[str, str | bytes] = {
        "okrsite.toml": _toml(language, export is not None),
        "content/kpis/rev.md": KPI,
        "content/data/rev.csv": data,
    }
    if export is not None:
        files["exports/rev.csv"] = export
    return make_site(files)


def _checked(site: Path) -> None:
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out


def _exported(site: Path) -> float:
    """The KPI's latest value as ``okrsite export`` gives it."""
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    (kpi,) = [k for k in json.loads(out)["kpis"] if k["id"] == "rev"]
    return float(kpi["value"])


def _series(site: Path) -> list[float]:
    return [v for _, v in load_site(site, AS_OF).scored.portfolio.kpi_series["rev"]]


# ------------------------------------------------------- money, thousands
@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize(
    ("data", "values"),
    [
        ("date,value\n2026-10-01,1.200 €\n2026-11-01,1.350 €\n", [1200, 1350]),
        ("date,value\n2026-10-01,€5.000\n2026-11-01,€ 1.200\n", [5000, 1200]),
        ('date,value\n2026-10-01,"€ 1.200"\n2026-11-01,500.000 €\n', [1200, 500000]),
        ("Datum;Wert\n01.10.2026;1.200 €\n01.11.2026;1.350 €\n", [1200, 1350]),
        ("Datum;Wert\n01.10.2026;500.000 €\n01.11.2026;€5.000\n", [500000, 5000]),
        ("Datum;Wert\n01.10.2026;(1.200 €)\n01.11.2026;1.200,50 €\n", [-1200, 1200.5]),
        ("date,value\n2026-10-01,-€5.000\n2026-11-01,€1.250\n", [-5000, 1250]),
    ],
)
def test_money_groups_thousands_with_a_point_as_in_the_goal_files(
    make_site: MakeSite, data: str, values: list[float], language: str
) -> None:
    site = _site(make_site, data, language=language)
    _checked(site)
    assert _series(site) == values
    assert _exported(site) == values[-1]


def test_the_same_text_reads_alike_in_a_file_and_in_values(make_site: MakeSite) -> None:
    inline = make_site(
        {
            "okrsite.toml": _toml(),
            "content/kpis/rev.md": (
                "---\ntitle: Revenue\nunit: €\ntarget: 1000\n"
                "values: {2026-10-01: 1.200 €, 2026-11-01: 1.350 €}\n---\n"
            ),
        }
    )
    in_values = _exported(inline)
    (inline / "content/kpis/rev.md").write_text(
        "---\ntitle: Revenue\nunit: €\ntarget: 1000\ndata: data/rev.csv\n---\n", encoding="utf-8"
    )
    (inline / "content/data").mkdir()
    (inline / "content/data/rev.csv").write_text(
        "date,value\n2026-10-01,1.200 €\n2026-11-01,1.350 €\n", encoding="utf-8"
    )
    assert _exported(inline) == in_values == 1350


# --------------------------------------------------------------- magnitudes
@pytest.mark.parametrize(
    ("data", "values", "language"),
    [
        ("date,value\n2026-10-01,€1.5M\n2026-11-01,2.5k\n", [1_500_000, 2500], "en"),
        ("date,value\n2026-10-01,1.2M €\n2026-11-01,€3B\n", [1_200_000, 3e9], "en"),
        ("Datum;Wert\n01.10.2026;1,5 Mio €\n01.11.2026;€ 1,2 Mio.\n", [1_500_000, 1_200_000], "de"),
        ("Datum;Wert\n01.10.2026;500 Tsd. €\n01.11.2026;2,5k\n", [500_000, 2500], "en"),
        ('date,value\n2026-10-01,"1,5 Mio €"\n2026-11-01,2 Mrd.\n', [1_500_000, 2e9], "de"),
        ("Datum;Wert\n01.10.2026;2.000.000\n01.11.2026;1.500 Mio €\n", [2e6, 1.5e9], "de"),
    ],
)
def test_magnitudes_multiply_the_figure_as_in_the_goal_files(
    make_site: MakeSite, data: str, values: list[float], language: str
) -> None:
    site = _site(make_site, data, language=language)
    _checked(site)
    assert _series(site) == values
    assert _exported(site) == values[-1]


@pytest.mark.parametrize(
    ("data", "values"),
    [
        ("date,value\n2026-10-01,1 234\n2026-11-01,1 234 567.5\n", [1234, 1234567.5]),
        ("Datum;Wert\n01.10.2026;1 234,5\n01.11.2026;1\u00a0234\u00a0€\n", [1234.5, 1234]),
    ],
)
def test_thousands_grouped_by_spaces_are_read(
    make_site: MakeSite, data: str, values: list[float]
) -> None:
    site = _site(make_site, data)
    _checked(site)
    assert _series(site) == values
    assert _exported(site) == values[-1]


@pytest.mark.parametrize(
    ("data", "cell"),
    [
        ("date,value\n2026-10-01,1.5m\n", "'1.5m'"),  # million or metres?
        ("Datum;Wert\n01.10.2026;1.500 Tsd €\n", "'1.500 Tsd €'"),  # 1.5 or 1500 thousand?
        ("Datum;Wert\n01.10.2026;1.234\n", "'1.234'"),
        ("date,value\n2026-10-01,12 34\n", "'12 34'"),
    ],
)
def test_what_is_ambiguous_stays_refused(make_site: MakeSite, data: str, cell: str) -> None:
    site = _site(make_site, data)
    code, out = run_cli("check", "--site", str(site))
    assert code != 0 and f"error OKR203: {cell} is not a number" in out, out


def test_a_lowercase_m_is_told_how_to_write_millions(make_site: MakeSite) -> None:
    site = _site(make_site, "Datum;Wert\n01.10.2026;1,5m €\n")
    code, out = run_cli("check", "--site", str(site))
    assert code != 0, out
    assert "hint: write 1,5M € or 1,5 Mio € for millions: a lowercase m is million" in out, out


def test_a_german_billion_in_a_file_is_refused(make_site: MakeSite) -> None:
    site = _site(make_site, "Datum;Wert\n01.10.2026;2 Billion €\n", language="de")
    code, out = run_cli("check", "--site", str(site))
    assert code != 0 and "OKR203" in out, out


# --------------------------------------------------------------------- pull
@pytest.mark.parametrize(
    ("export", "pulled"),
    [
        ("date,value\n2026-11-01,1.350 €\n", 1350),
        ("Datum;Wert\n01.11.2026;1.350 €\n", 1350),
        ("Datum;Wert\n01.11.2026;500.000 €\n", 500_000),
        ("date,value\n2026-11-01,€1.5M\n", 1_500_000),
        ("Datum;Wert\n01.11.2026;1,5 Mio €\n", 1_500_000),
        ("date,value\n2026-11-01,1 234\n", 1234),
    ],
)
def test_pull_reads_money_and_magnitudes_as_the_data_file_does(
    make_site: MakeSite, export: str, pulled: float
) -> None:
    site = _site(make_site, "date,value\n2026-10-01,1.200 €\n", export)
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    _checked(site)
    assert _series(site) == [1200, pulled]
    assert _exported(site) == pulled


@pytest.mark.parametrize(
    ("data", "pulled", "row"),
    [
        ("date,value\n2026-10-01,1.200 €\n", "1.125", "2026-11-01,1.1250 €"),
        ("Datum;Wert\n01.10.2026;1.200 €\n", "1.125", "01.11.2026;1,125 €"),
        ("Datum;Wert\n01.10.2026;1,5 Mio €\n", "1600000", "01.11.2026;1600000 €"),
        ("date,value\n2026-10-01,€1.5M\n", "1600000.5", "2026-11-01,€1600000.5"),
    ],
)
def test_a_row_pull_writes_into_a_column_of_money_reads_back(
    make_site: MakeSite, data: str, pulled: str, row: str
) -> None:
    site = _site(make_site, data, f"date,value\n2026-11-01,{pulled}\n")
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    written = (site / "content/data/rev.csv").read_text(encoding="utf-8")
    assert written.splitlines()[-1] == row
    _checked(site)
    assert _series(site)[-1] == float(pulled)
    assert _exported(site) == float(pulled)
