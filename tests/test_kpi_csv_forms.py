"""A KPI's data file as Excel exports it, through the real CLI.

A totals row (``Total,"3,307"``, ``Summe;1295``) is left out with a
warning, as ``okrsite import`` leaves one out; a workbook named as the data
file is told to be saved as CSV; months and dates in Excel's forms
(``10/2026``, ``Oct-2026``, ``01-Okt-2026``) are read, and a date still
refused is told the forms that are; headers in the words people use
(``Stichtag;Wert``, ``Week;Tickets``, ``Fecha;Valor``) are read. What
``okrsite pull`` writes into such a file reads back as the day it was
written for.
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
AS_OF = date(2026, 12, 31)
TOML = f'title = "T"\nas_of = {AS_OF}\n'
PULL_TOML = TOML + '[[sources]]\nname = "tickets"\nfile = "exports/tickets.csv"\n'

KPI = """
    ---
    title: Tickets
    thresholds: {green: 40, red: 20}
    data: data/tickets.csv
    ---
"""


def _site(make_site: MakeSite, data: str, export: str | None = None) -> Path:
    """A site whose KPI ``tickets`` reads ``data``; with ``export``, a source
    ``okrsite pull`` reads it from."""
    files: dict[str, str | bytes] = {
        "okrsite.toml": TOML if export is None else PULL_TOML,
        "content/kpis/tickets.md": KPI,
        "content/data/tickets.csv": data,
    }
    if export is not None:
        files["exports/tickets.csv"] = export
    return make_site(files)


def _series(site: Path) -> list[tuple[date, float]]:
    return list(load_site(site, AS_OF).scored.portfolio.kpi_series["tickets"])


def _built_kpi(site: Path, tmp_path: Path) -> dict[str, object]:
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    portfolio = json.loads((out / "api" / "portfolio.json").read_text(encoding="utf-8"))
    (kpi,) = [k for k in portfolio["kpis"] if k["id"] == "tickets"]
    return dict(kpi)


# ------------------------------------------------------------ totals rows
def test_a_totals_row_in_a_comma_file_is_left_out_with_a_warning(
    make_site: MakeSite, tmp_path: Path
) -> None:
    site = _site(make_site, 'Date,Value\n2026-09-01,"1,200"\n2026-10-01,"2,107"\nTotal,"3,307"\n')
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "content/data/tickets.csv:4:1: warning OKR207: 'Total' makes the row a totals row "
        "(it sums the others): left out"
    ) in out, out
    assert "hint: a row of a KPI's data file is one reading" in out, out
    assert "OKR203" not in out, out
    assert _series(site) == [(date(2026, 9, 1), 1200.0), (date(2026, 10, 1), 2107.0)]
    kpi = _built_kpi(site, tmp_path)
    assert (kpi["value"], kpi["date"]) == (2107, "2026-10-01")


@pytest.mark.parametrize("label", ["Summe", "Summe:", "GESAMT", "Grand total", "Zwischensumme"])
def test_a_totals_row_in_a_semicolon_file_is_left_out(make_site: MakeSite, label: str) -> None:
    site = _site(make_site, f"Datum;Wert\n01.09.2026;600\n01.10.2026;695\n{label};1295\n")
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert f"tickets.csv:4:1: warning OKR207: {label!r} makes the row a totals row" in out, out
    assert _series(site) == [(date(2026, 9, 1), 600.0), (date(2026, 10, 1), 695.0)]


def test_pull_into_a_file_with_a_totals_row_reads_back(make_site: MakeSite) -> None:
    site = _site(
        make_site,
        "Datum;Wert\n01.09.2026;600\n01.10.2026;695\nSumme;1295\n",
        "date,value\n2026-11-01,710\n",
    )
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    assert _series(site)[-1] == (date(2026, 11, 1), 710.0)
    # the new row goes among the readings, the totals row stays last
    written = (site / "content/data/tickets.csv").read_text(encoding="utf-8")
    assert written.splitlines()[-2:] == ["01.11.2026;710", "Summe;1295"]


# ---------------------------------------------------------- workbooks
@pytest.mark.parametrize(
    ("name", "magic"),
    [
        ("mrr.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\x84"),
        ("mrr.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x84"),
        ("mrr.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x84"),  # a renamed .xls
        ("mrr.ods", b"PK\x03\x04\x14\x00\x00\x08\x00\x00\x84"),
    ],
)
def test_a_workbook_named_as_the_data_file_is_told_to_be_saved_as_csv(
    make_site: MakeSite, name: str, magic: bytes
) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/mrr.md": KPI.replace("data/tickets.csv", f"data/{name}"),
            f"content/data/{name}": magic + b"\x00" * 64,
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert f"content/data/{name}:1: error OKR208: {name} is a spreadsheet workbook" in out, out
    assert "not a CSV file" in out, out
    assert "hint: open it in the spreadsheet and save the readings as CSV" in out, out
    assert "(Excel: File > Save As > 'CSV UTF-8'" in out, out
    then = "keep that name" if name.endswith(".csv") else f"(mrr.csv in place of {name})"
    assert then in out, out
    assert "not valid UTF-8" not in out and "OKR201" not in out, out


# ----------------------------------------------------- Excel's date forms
@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("10/2026", date(2026, 10, 1)),
        ("10.2026", date(2026, 10, 1)),
        ("Oct-2026", date(2026, 10, 1)),
        ("Okt-2026", date(2026, 10, 1)),
        ("Okt. 2026", date(2026, 10, 1)),
        ("01-Oct-2026", date(2026, 10, 1)),
        ("17-Okt-2026", date(2026, 10, 17)),
        ("1-Mär-2026", date(2026, 3, 1)),
    ],
)
def test_excel_month_and_date_forms_are_read(
    make_site: MakeSite, tmp_path: Path, cell: str, day: date
) -> None:
    site = _site(make_site, f"Monat;Wert\n{cell};42\n")
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    assert _series(site) == [(day, 42.0)]
    kpi = _built_kpi(site, tmp_path)
    assert (kpi["value"], kpi["date"]) == (42, day.isoformat())


def test_a_date_still_refused_is_told_the_forms_that_are_read(make_site: MakeSite) -> None:
    site = _site(make_site, "date,value\n2026-09-01,1\nOctember 2026,2\n")
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert "content/data/tickets.csv:3:1: error OKR203: 'Octember 2026' is not a date" in out, out
    assert (
        "hint: write the date as 2026-02-01, 01.02.2026 or Feb 1, 2026, "
        "a month as 2026-02, Feb 2026 or 02/2026, or a week as 2026-W44 or KW 44/2026"
    ) in out, out
    assert "between 1900" not in out, out


@pytest.mark.parametrize(
    ("rows", "pulled", "written"),
    [
        ("Monat;Wert\nOkt-2026;600\n", "2026-11-01", "Nov-2026;710"),
        ("Date,Value\n01-Oct-2026,600\n", "2026-11-17", "17-Nov-2026,710"),
        ("Monat;Wert\n10/2026;600\n", "2026-11-01", ";710"),
        ("Monat;Wert\n10.2026;600\n", "2026-11-17", ";710"),
    ],
)
def test_pull_into_a_file_of_excel_dates_reads_back(
    make_site: MakeSite, rows: str, pulled: str, written: str
) -> None:
    site = _site(
        make_site,
        rows,
        f"date,value\n{pulled},710\n",
    )
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    assert written in (site / "content/data/tickets.csv").read_text(encoding="utf-8")
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    assert _series(site) == [(date(2026, 10, 1), 600.0), (date.fromisoformat(pulled), 710.0)]


# ---------------------------------------------------------------- headers
@pytest.mark.parametrize(
    "header",
    ["Week;Tickets", "Stichtag;Wert", "Fecha;Valor", "Woche;Anzahl", "Monat;Betrag", "Tag;Count"],
)
def test_a_header_in_the_words_people_use_is_read(
    make_site: MakeSite, tmp_path: Path, header: str
) -> None:
    site = _site(make_site, f"{header}\n02.11.2026;14\n09.11.2026;17\n")
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    assert _series(site) == [(date(2026, 11, 2), 14.0), (date(2026, 11, 9), 17.0)]
    kpi = _built_kpi(site, tmp_path)
    assert (kpi["value"], kpi["date"]) == (17, "2026-11-09")


def test_pull_into_a_file_with_a_german_header_reads_back(make_site: MakeSite) -> None:
    site = _site(
        make_site,
        "Stichtag;Wert\n02.11.2026;14\n",
        "date,value\n2026-11-09,17\n",
    )
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    assert (
        (site / "content/data/tickets.csv").read_text(encoding="utf-8").endswith("09.11.2026;17\n")
    )
    assert _series(site) == [(date(2026, 11, 2), 14.0), (date(2026, 11, 9), 17.0)]


def test_a_header_whose_columns_cannot_be_told_apart_is_refused(make_site: MakeSite) -> None:
    site = _site(make_site, "Region;Team\n02.11.2026;14\n")
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert "tickets.csv:1: error OKR202: CSV header must name 'date' and 'value' columns" in out
    assert "make the first line 'date;value'" in out, out


@pytest.mark.parametrize(
    "data",
    [
        "date,value\n2026-10-01,\u221212\n2026-11-01,(3)\n2026-12-01,(1200)\n",
        "Datum;Wert\n01.10.2026;\u221212\n01.11.2026;(3)\n01.12.2026;(1.200,00 €)\n",
    ],
    ids=["comma", "semicolon"],
)
def test_negative_figures_as_spreadsheets_write_them_are_read(
    make_site: MakeSite, data: str
) -> None:
    """A minus sign (−, as Word and Excel write it) and an accounting
    format's parentheses were refused as no number."""
    site = _site(make_site, data)
    code, output = run_cli("check", "--site", str(site))
    assert code == 0, output
    assert _series(site) == [
        (date(2026, 10, 1), -12.0),
        (date(2026, 11, 1), -3.0),
        (date(2026, 12, 1), -1200.0),
    ]


def test_readings_pasted_as_rows_may_name_their_keys_as_a_header_does(
    make_site: MakeSite,
) -> None:
    """``- {Datum: 01.10.2026, Wert: "2,8 %"}`` was OKR106: the rows of a
    German sheet pasted as a list name their columns so."""
    site = make_site(
        {
            "okrsite.toml": TOML + 'language = "de"\n',
            "content/kpis/tickets.md": (
                "---\ntitle: Tickets\nunit: '%'\ndirection: down\n"
                "thresholds: {green: 2, red: 3}\nvalues:\n"
                '  - {Datum: 01.10.2026, Wert: "2,8 %"}\n'
                '  - {stichtag: 01.11.2026, ANZAHL: "2,6 %"}\n---\n'
            ),
        }
    )
    code, output = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR106" not in output, output
    assert _series(site) == [(date(2026, 10, 1), 2.8), (date(2026, 11, 1), 2.6)]


def test_pull_writes_a_negative_amount_as_a_spreadsheet_does(make_site: MakeSite) -> None:
    """A new row of a column written "€5" read "€-5"."""
    site = _site(make_site, "date,value\n2026-10-01,€5\n", "date,value\n2026-11-01,-3\n")
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    written = (site / "content/data/tickets.csv").read_text(encoding="utf-8")
    assert written.splitlines()[-1] == "2026-11-01,-€3"
    assert _series(site)[-1] == (date(2026, 11, 1), -3.0)


def test_a_message_names_the_line_after_a_note_over_several_lines(make_site: MakeSite) -> None:
    """A quoted note of three lines made the next row's error name line 3, not 5."""
    site = _site(
        make_site,
        'date,value,note\n2026-10-01,31,"called 3 customers\nsee notes\nin CRM"\n2026-11-01,zz,\n',
    )
    code, output = run_cli("check", "--site", str(site))
    assert code == 1
    assert "content/data/tickets.csv:5:12: error OKR203: 'zz' is not a number" in output, output
