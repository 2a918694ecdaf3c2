"""A KPI's data file counts money in the KPI's unit, as its values: do.

A cell written with a currency sign or a magnitude (``€1.2M``, ``250.000 €``,
``150 k€``) beside a ``unit:`` that holds a magnitude (``k€``, ``$M``) is
counted in that unit by the one rule ``values:`` and check-ins follow
(:func:`okrsite.parse_figures.money_in_unit`); a bare figure is in the unit
as written. A file shared by KPIs in other units gives each its own figures,
and money of another currency is an error at its row. Through the real CLI.
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
TOML = f'title = "T"\nas_of = {AS_OF}\nlanguage = "en"\n'
DAYS = ("2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01")


def _kpi(unit: str, data: str | None = None, values: dict[str, str] | None = None) -> str:
    text = f"---\ntitle: Revenue\nunit: {unit}\ntarget: 5000\n"
    if data is not None:
        text += f"data: {data}\n"
    if values is not None:
        text += "values:\n" + "".join(f"  {day}: {cell}\n" for day, cell in values.items())
    return text + "---\n"


def _csv(cells: list[str]) -> str:
    return "date,value\n" + "".join(
        f'{day},"{cell}"\n' for day, cell in zip(DAYS, cells, strict=False)
    )


def _series(site: Path, kid: str = "rev") -> list[float]:
    return [v for _, v in load_site(site, AS_OF).scored.portfolio.kpi_series[kid]]


def _exported(site: Path) -> dict[str, float]:
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    return {k["id"]: float(k["value"]) for k in json.loads(out)["kpis"]}


def _checked(site: Path) -> str:
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    return out


CELLS = ["€1.2M", "250.000 €", "150 k€", "300"]


def test_a_k_euro_kpi_counts_its_file_s_money_in_thousands(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/rev.md": _kpi("k€", "data/rev.csv"),
            "content/data/rev.csv": _csv(CELLS),
        }
    )
    _checked(site)
    assert _series(site) == [1200, 250, 150, 300]
    assert _exported(site)["rev"] == 300


@pytest.mark.parametrize("last", range(4))
def test_the_same_text_gives_the_same_figure_in_the_file_and_in_values(
    make_site: MakeSite, last: int
) -> None:
    cells = CELLS[: last + 1]
    in_file = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/rev.md": _kpi("k€", "data/rev.csv"),
            "content/data/rev.csv": _csv(cells),
        }
    )
    from_file = _series(in_file), _exported(in_file)["rev"]
    (in_file / "content/data/rev.csv").unlink()
    (in_file / "content/kpis/rev.md").write_text(
        _kpi("k€", values={day: f'"{cell}"' for day, cell in zip(DAYS, cells, strict=False)}),
        encoding="utf-8",
    )
    _checked(in_file)
    assert (_series(in_file), _exported(in_file)["rev"]) == from_file
    assert from_file[1] == [1200, 250, 150, 300][last]


@pytest.mark.parametrize(
    ("cell", "value"),
    [("$450,000", 0.45), ("$450k", 0.45), ("$1.5M", 1.5), ("2.5", 2.5)],
)
def test_a_dollar_million_kpi_counts_its_file_in_millions(
    make_site: MakeSite, cell: str, value: float
) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/rev.md": _kpi("$M", "data/rev.csv"),
            "content/data/rev.csv": _csv([cell]),
        }
    )
    _checked(site)
    assert _series(site) == [pytest.approx(value)]
    assert _exported(site)["rev"] == pytest.approx(value)


def test_a_file_two_kpis_share_gives_each_its_own_figures(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/rev.md": _kpi("k€", "data/rev.csv"),
            "content/kpis/rev-eur.md": _kpi("€", "data/rev.csv"),
            "content/data/rev.csv": _csv(["€1.2M", "250.000 €", "150 k€"]),
        }
    )
    _checked(site)
    assert _series(site, "rev") == [1200, 250, 150]
    assert _series(site, "rev-eur") == [1_200_000, 250_000, 150_000]
    exported = _exported(site)
    assert (exported["rev"], exported["rev-eur"]) == (150, 150_000)


def test_a_magnitude_without_money_counts_in_a_money_unit_holding_one(make_site: MakeSite) -> None:
    """``2.5k`` beside ``unit: k€`` is 2.5 k€, as a goal file's ``current:
    2.5k``, a check-in's value and ``okrsite checkin --set`` read it (it
    was an error in a data file alone)."""
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/rev.md": _kpi("k€", "data/rev.csv"),
            "content/data/rev.csv": _csv(["250.000 €", "2.5k"]),
        }
    )
    _checked(site)
    assert _series(site, "rev") == [250, 2.5]


@pytest.mark.parametrize(("cell", "written"), [("£250,000", "£")])
def test_a_reading_in_another_unit_is_an_error_at_its_row(
    make_site: MakeSite, cell: str, written: str
) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/rev.md": _kpi("k€", "data/rev.csv"),
            "content/data/rev.csv": _csv(["250.000 €", cell]),
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code != 0, out
    assert "content/data/rev.csv:3: error OKR203" in out, out
    assert f"{cell!r} is written in {written!r}" in out and "'k€'" in out, out


def test_a_kpi_in_whole_money_refuses_another_currency(make_site: MakeSite) -> None:
    """``$1,250`` in a column of a KPI in € was read past as 1,250 €: money of
    another currency is an error at its row, as a check-in's is (OKR312)."""
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/rev.md": _kpi("€", "data/rev.csv"),
            "content/data/rev.csv": _csv(["€1.2M", "$1,250", "300"]),
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    assert "content/data/rev.csv:3: error OKR203: '$1,250' is written in '$'" in out


def test_data_naming_a_folder_is_said_at_the_kpi_with_the_file_to_name(
    make_site: MakeSite,
) -> None:
    """``data: data`` (the folder, not its CSV) was refused as "a folder, not a
    regular file … remove it from the site folder", naming neither the KPI nor
    its line: following the hint would delete every CSV. It is an error at the
    KPI's ``data:`` line naming the file to write."""
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/rev.md": _kpi("k€", "data"),
            "content/data/rev.csv": _csv(["250"]),
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert (
        "content/kpis/rev.md:5:7: error OKR310: data 'data' is a folder, not a CSV file "
        "(hint: name the CSV file in it: data: data/rev.csv)"
    ) in " ".join(out.split()), out
    assert "remove it from the site folder" not in out, out
