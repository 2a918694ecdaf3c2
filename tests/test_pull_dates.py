"""okrsite pull writes a KPI data file's new rows with the dates its rows use.

A data file exported from a US spreadsheet holds ``10/15/2026``, one from
much of Europe ``28/10/2026``; a row pulled into it written ``2026-11-17``
is a row no person of that team wrote, and one written in the other order
would be read as another day. These tests run the real command on a site
on disk and read the file back with the real loader.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli
from okrsite.pipeline import load_site

AS_OF = date(2026, 12, 31)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def site_with(tmp_path: Path, data: bytes, source: str) -> Path:
    """A site whose KPI ``arr`` reads ``data/arr.csv`` (``data`` as bytes, so
    a file's CRLF line endings stay), and a file source ``exports/arr.csv``."""
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "Pull"\nas_of = {AS_OF}\n'
            '[[sources]]\nname = "arr"\nfile = "exports/arr.csv"\n',
            "content/kpis/arr.md": """
                ---
                title: ARR
                unit: M$
                thresholds: {green: 2, red: 1}
                data: data/arr.csv
                ---
            """,
            "content/data/arr.csv": data,
            "exports/arr.csv": source,
        },
    )


def pulled(site: Path) -> bytes:
    code, out = run("pull", "--site", str(site), "--source", "arr")
    assert code == 0, out
    code, out = run("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    return (site / "content/data/arr.csv").read_bytes()


def series(site: Path) -> list[tuple[date, float]]:
    return list(load_site(site, AS_OF).scored.portfolio.kpi_series["arr"])


def test_month_first_slash_dates_get_a_month_first_row(tmp_path: Path) -> None:
    site = site_with(
        tmp_path, b"Date,Value\n10/15/2026,1.3\n10/20/2026,1.35\n", "date,value\n2026-11-17,1.6\n"
    )
    assert pulled(site) == b"Date,Value\n10/15/2026,1.3\n10/20/2026,1.35\n11/17/2026,1.6\n"
    assert series(site)[-1] == (date(2026, 11, 17), 1.6)


def test_day_first_semicolon_crlf_file_gets_a_day_first_row(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        b"Datum;Wert\r\n28/10/2026;1,4\r\n03/11/2026;1,5\r\n",
        "date,value\n2026-11-17,1.6\n",
    )
    assert pulled(site) == b"Datum;Wert\r\n28/10/2026;1,4\r\n03/11/2026;1,5\r\n17/11/2026;1,6\r\n"
    assert series(site) == [
        (date(2026, 10, 28), 1.4),
        (date(2026, 11, 3), 1.5),
        (date(2026, 11, 17), 1.6),
    ]


def test_a_day_that_reads_two_ways_is_written_in_the_column_s_order(tmp_path: Path) -> None:
    """``12/05/2026`` names two days; beside ``10/15/2026`` it reads as
    December 5th, the day pulled, and ``05/12/2026`` would not."""
    site = site_with(tmp_path, b"Date,Value\n10/15/2026,1.3\n", "date,value\n2026-12-05,1.7\n")
    assert pulled(site) == b"Date,Value\n10/15/2026,1.3\n12/05/2026,1.7\n"
    assert series(site)[-1] == (date(2026, 12, 5), 1.7)


def test_unpadded_dates_get_an_unpadded_row(tmp_path: Path) -> None:
    site = site_with(
        tmp_path, b"date,value\n9/5/2026,1\n9/30/2026,1.2\n", "date,value\n2026-11-07,1.4\n"
    )
    assert pulled(site) == b"date,value\n9/5/2026,1\n9/30/2026,1.2\n11/7/2026,1.4\n"
    assert series(site)[-1] == (date(2026, 11, 7), 1.4)


def test_dotted_and_year_first_dates_keep_their_form(tmp_path: Path) -> None:
    site = site_with(tmp_path, b"Datum;Wert\n01.10.2026;1,5\n", "date,value\n2026-11-17,1.6\n")
    assert pulled(site) == b"Datum;Wert\n01.10.2026;1,5\n17.11.2026;1,6\n"
    site = site_with(tmp_path / "2", b"date,value\n2026/10/01,1.5\n", "2026-11-07,1.6\n")
    assert pulled(site) == b"date,value\n2026/10/01,1.5\n2026/11/07,1.6\n"


def test_a_file_whose_dates_do_not_show_their_order_gets_iso_dates(tmp_path: Path) -> None:
    """``01/01/2026`` reads the same either way, so the file does not say
    which order its dates follow; ``17/11/2026`` or ``11/17/2026`` would pick
    one for every later row, so the pulled row is written ``2026-11-17``,
    which the loader reads one way only."""
    site = site_with(tmp_path, b"date,value\n01/01/2026,1.5\n", "date,value\n2026-11-17,1.6\n")
    assert pulled(site) == b"date,value\n01/01/2026,1.5\n2026-11-17,1.6\n"
    assert series(site) == [(date(2026, 1, 1), 1.5), (date(2026, 11, 17), 1.6)]


def test_an_updated_slash_row_keeps_its_date_as_written(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        b"Date,Value\n10/15/2026,1.3\n10/20/2026,1.35\n",
        "date,value\n2026-10-20,1.4\n2026-11-03,1.5\n",
    )
    code, out = run("pull", "--site", str(site), "--update")
    assert code == 0, out
    assert (site / "content/data/arr.csv").read_bytes() == (
        b"Date,Value\n10/15/2026,1.3\n10/20/2026,1.4\n11/03/2026,1.5\n"
    )
    assert series(site)[-1] == (date(2026, 11, 3), 1.5)


@pytest.mark.parametrize(
    ("rows", "added"),
    [
        (b"Month,ARR\n10/2026,1.3\n11/2026,1.4\n", b"12/2026,1.6\n"),  # Excel's mm/yyyy
        (b"Monat;ARR\n10.2026;1,3\n11.2026;1,4\n", b"12.2026;1,6\n"),  # mm.yyyy
        (b"month,arr\n2026-10,1.3\n2026-11,1.4\n", b"2026-12,1.6\n"),
        (b"month,arr\n2026/10,1.3\n2026/11,1.4\n", b"2026/12,1.6\n"),
        (b"month,arr\n9/2026,1.3\n11/2026,1.4\n", b"12/2026,1.6\n"),
    ],
)
def test_a_monthly_file_gets_its_month_form(tmp_path: Path, rows: bytes, added: bytes) -> None:
    """A file keyed by months in numbers gets the next month so, not an
    ISO date among its months."""
    site = site_with(tmp_path, rows, "date,value\n2026-12-01,1.6\n")
    assert pulled(site) == rows + added
    assert series(site)[-1] == (date(2026, 12, 1), 1.6)


@pytest.mark.parametrize(
    ("rows", "added"),
    [
        (b"month,arr\n11/2026,1.4\n", b"01/2027,1.6\n"),  # padding not shown: padded
        (b"month,arr\n3/2026,1.2\n11/2026,1.4\n", b"1/2027,1.6\n"),
        (b"month,arr\n03/2026,1.2\n11/2026,1.4\n", b"01/2027,1.6\n"),
        (b"quarter,arr\n2026-Q3,1.2\n2026-Q4,1.4\n", b"2027-Q1,1.6\n"),
        (b"quarter,arr\nQ3 2026,1.2\nQ4 2026,1.4\n", b"Q1 2027,1.6\n"),
    ],
)
def test_padding_and_quarters_follow_the_column(tmp_path: Path, rows: bytes, added: bytes) -> None:
    site = site_with(tmp_path, rows, "date,value\n2027-01-01,1.6\n")
    assert pulled(site) == rows + added
    assert series(site)[-1] == (date(2027, 1, 1), 1.6)


def test_a_day_inside_a_month_in_a_monthly_file_is_an_iso_date(tmp_path: Path) -> None:
    """``12/2026`` is December 1st: a reading of the 15th cannot be written so."""
    site = site_with(tmp_path, b"Month,ARR\n11/2026,1.4\n", "date,value\n2026-12-15,1.6\n")
    assert pulled(site) == b"Month,ARR\n11/2026,1.4\n2026-12-15,1.6\n"
    assert series(site)[-1] == (date(2026, 12, 15), 1.6)
