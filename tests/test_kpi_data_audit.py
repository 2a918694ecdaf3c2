"""A KPI's readings as spreadsheets export them, through the real CLI.

Readings of one date given twice are warned about (one counts, the other
is named); dates with a time of day are read as their date; ``okrsite
pull`` reads a CSV source as a KPI's data file is read, with the column's
decisions (thousands grouped, the order of slash dates, month keys).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from conftest import run_cli

from okrsite.pipeline import load_site

MakeSite = Callable[[dict[str, str | bytes]], Path]
AS_OF = date(2026, 12, 31)
TOML = f'title = "T"\nas_of = {AS_OF}\n'

NPS_KPI = """
    ---
    title: NPS
    unit: points
    thresholds: {green: 40, red: 20}
    data: data/nps.csv
    ---
"""


def _series(site: Path, kpi: str) -> list[tuple[date, float]]:
    return list(load_site(site, AS_OF).scored.portfolio.kpi_series[kpi])


def test_a_date_given_twice_in_a_data_file_is_warned_with_both_readings(
    make_site: MakeSite,
) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/nps.md": NPS_KPI,
            "content/data/nps.csv": "date,value\n2026-01-01,35\n2026-02-01,38\n"
            "2026-03-01,41\n2026-02-01,39\n",
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "content/data/nps.csv:3: warning OKR206: 2026-02-01 has two readings: 38 on line 3 "
        "and 39 on line 5; 39 counts (the last row of a date counts), 38 is ignored"
    ) in out, out
    assert (date(2026, 2, 1), 39.0) in _series(site, "nps")


def test_a_later_time_of_day_counts_whatever_the_row_order(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/nps.md": NPS_KPI,
            "content/data/nps.csv": "date,value\n2026-02-01 17:00,40\n2026-02-01 09:00,38\n",
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert "nps.csv:3: warning OKR206" in out and "40 counts (the later time of day" in out, out
    assert _series(site, "nps") == [(date(2026, 2, 1), 40.0)]


def test_two_values_keys_naming_one_day_are_warned(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/nps.md": """
                ---
                title: NPS
                thresholds: {green: 40, red: 20}
                values: {2026-03: 70, 2026-03-01: 60}
                ---
            """,
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert "warning OKR206: 2026-03-01 has two readings: 70 (2026-03) and 60 (2026-03-01)" in out
    assert "60 counts" in out, out
    assert _series(site, "nps") == [(date(2026, 3, 1), 60.0)]


def test_csv_dates_with_a_time_of_day_are_read_as_their_date(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/nps.md": NPS_KPI,
            "content/data/nps.csv": "date,value\n2026-01-01 00:00:00,35\n"
            "21.01.2026 09:15,36\n2026-02-01T10:00,37\n",
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out and "OKR203" not in out, out
    assert _series(site, "nps") == [
        (date(2026, 1, 1), 35.0),
        (date(2026, 1, 21), 36.0),
        (date(2026, 2, 1), 37.0),
    ]


def test_a_values_key_with_a_time_of_day_is_read(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/nps.md": """
                ---
                title: NPS
                thresholds: {green: 40, red: 20}
                values: {"2026-01-01T09:00": 31, "2026-02-01 09:00:00": 32}
                ---
            """,
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    assert _series(site, "nps") == [(date(2026, 1, 1), 31.0), (date(2026, 2, 1), 32.0)]


def test_a_two_digit_year_is_told_to_be_written_in_full(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/nps.md": NPS_KPI,
            "content/data/nps.csv": "date,value\n1/15/26,35\n",
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert "'1/15/26' is not a date like 2026-02-01: its year has two digits" in out, out
    assert "write the year in full, as in 1/15/2026" in out, out
    assert "between 1900" not in out, out


def _pull_site(make_site: MakeSite, export: str) -> Path:
    return make_site(
        {
            "okrsite.toml": TOML + '[[sources]]\nname = "umsatz"\nfile = "exports/umsatz.csv"\n',
            "content/kpis/umsatz.md": """
                ---
                title: Umsatz
                thresholds: {green: 4, red: 2}
                ---
            """,
            "exports/umsatz.csv": export,
        }
    )


def test_pull_reads_a_column_that_groups_thousands(make_site: MakeSite) -> None:
    site = _pull_site(make_site, "Datum;Wert\n01.02.2026;201.234,50\n01.03.2026;215.000\n")
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    assert "umsatz: 2026-03-01 215000 (new)" in out, out
    assert _series(site, "umsatz") == [(date(2026, 2, 1), 201234.5), (date(2026, 3, 1), 215000.0)]


def test_pull_reads_slash_dates_months_and_times_as_a_data_file(make_site: MakeSite) -> None:
    site = _pull_site(
        make_site, "date,value\n12/5/2025,1\n1/25/2026,2\n2026-03,3\n2026-04-01 00:00:00,4\n"
    )
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    assert _series(site, "umsatz") == [
        (date(2025, 12, 5), 1.0),
        (date(2026, 1, 25), 2.0),
        (date(2026, 3, 1), 3.0),
        (date(2026, 4, 1), 4.0),
    ]


def test_pull_refuses_an_ambiguous_number_with_a_hint(make_site: MakeSite) -> None:
    site = _pull_site(make_site, "Datum;Wert\n01.02.2026;1.234\n")
    code, out = run_cli("pull", "--site", str(site))
    assert code == 1, out
    assert "'1.234' is not a number (hint: write 1234 if the points group thousands" in out, out


def test_a_day_typed_in_values_and_given_by_the_data_file_is_warned(
    make_site: MakeSite,
) -> None:
    """values: {2026-03-01: 60} beside the data file's 41 that day: the data
    file's counts (docs/content-format.md), and the typed 60 is not lost
    without a word; a day both give alike is no warning."""
    kpi = NPS_KPI.replace(
        "data: data/nps.csv", "data: data/nps.csv\n    values: {2026-03-01: 60, 2026-01-01: 35}"
    )
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/nps.md": kpi,
            "content/data/nps.csv": "date,value\n2026-01-01,35\n2026-03-01,41\n",
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "warning OKR206: 2026-03-01 has two readings: 60 in values: and 41 in data/nps.csv; "
        "the data file's counts, 60 is ignored"
    ) in out, out
    assert out.count("OKR206") == 1
    assert (date(2026, 3, 1), 41.0) in _series(site, "nps")


def test_money_cells_as_excel_exports_them_are_read(make_site: MakeSite) -> None:
    """German Excel's CSV of a column formatted as euros (`1.200 €`,
    `€ 1.350,50`) and an English one's (`"$1,200"`, `$950.50`): the sign is
    read past, as a percent sign is, and the figures are the sheet's."""
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/nps.md": NPS_KPI.replace("unit: points", "unit: €"),
            "content/data/nps.csv": "Datum;Wert\n01.01.2026;1.200 €\n01.02.2026;€ 1.350,50\n",
            "content/kpis/arr.md": NPS_KPI.replace("unit: points", "unit: $").replace(
                "nps.csv", "arr.csv"
            ),
            "content/data/arr.csv": 'date,value\n2026-01-01,"$1,200"\n2026-02-01,$950.50\n',
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert _series(site, "nps") == [(date(2026, 1, 1), 1200.0), (date(2026, 2, 1), 1350.5)]
    assert _series(site, "arr") == [(date(2026, 1, 1), 1200.0), (date(2026, 2, 1), 950.5)]


def test_a_values_key_with_a_two_digit_year_is_told_to_write_it_in_full(
    make_site: MakeSite,
) -> None:
    kpi = NPS_KPI.replace("data: data/nps.csv", 'values: {"1/15/26": 40, "15.02.26": 41}')
    site = make_site({"okrsite.toml": TOML, "content/kpis/nps.md": kpi})
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert "got '1/15/26' (hint: write the year in full, as in 1/15/2026)" in out
    assert "got '15.02.26' (hint: write the year in full, as in 15.02.2026)" in out
