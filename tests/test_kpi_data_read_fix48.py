"""A metrics owner's KPI data through the real CLI (audit 48, kpidata).

German Microsoft Excel abbreviates March ``Mrz``; a monthly export in its
``MMM yyyy`` form is read, and ``okrsite pull`` adds rows to such a column
in its own month names (French Excel's ``janv.`` column as well, which made
the command fail with a traceback).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]
AS_OF = date(2026, 12, 31)
KPI = """
    ---
    title: Tickets
    target: 100
    data: data/tickets.csv
    ---
"""


def _site(make_site: MakeSite, data: str | bytes, *, toml: str = "", export: str = "") -> Path:
    """A site whose KPI ``tickets`` reads ``data``; with ``export``, a file
    source ``okrsite pull`` reads it from."""
    config = f'title = "T"\nas_of = {AS_OF}\n{toml}'
    if export:
        config += '[[sources]]\nname = "tickets"\nfile = "exports/tickets.csv"\n'
    files: dict[str, str | bytes] = {
        "okrsite.toml": config,
        "content/kpis/tickets.md": KPI,
        "content/data/tickets.csv": data,
    }
    if export:
        files["exports/tickets.csv"] = export
    return make_site(files)


def _built_kpi(site: Path, tmp_path: Path) -> dict[str, object]:
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    portfolio = json.loads((out / "api" / "portfolio.json").read_text(encoding="utf-8"))
    (kpi,) = [k for k in portfolio["kpis"] if k["id"] == "tickets"]
    return dict(kpi)


# ------------------------------------------------ German Excel's Mrz (March)
@pytest.mark.parametrize(
    ("rows", "day"),
    [
        ("Monat;Wert\nFeb 2026;10\nMrz 2026;12\n", "2026-03-01"),
        ("Monat;Wert\nFeb. 2026;10\nMrz. 2026;12\n", "2026-03-01"),
        ("Tag;Wert\n01-Feb-2026;10\n04-Mrz-2026;12\n", "2026-03-04"),
        ("Tag;Wert\n1. Feb. 2026;10\n4. Mrz. 2026;12\n", "2026-03-04"),
    ],
)
def test_german_excel_s_mrz_is_march(
    make_site: MakeSite, tmp_path: Path, rows: str, day: str
) -> None:
    site = _site(make_site, rows, toml='language = "de"\n')
    kpi = _built_kpi(site, tmp_path)
    assert (kpi["value"], kpi["date"]) == (12, day), kpi


@pytest.mark.parametrize(
    ("rows", "added"),
    [
        # German Excel: March is Mrz, May Mai, October Okt
        ("Monat;Wert\nFeb 2026;5\nMrz 2026;6\n", "Mai 2026;8\nOkt 2026;9\n"),
        ("Tag;Wert\n01-Feb-2026;5\n01-Mrz-2026;6\n", "01-Mai-2026;8\n01-Okt-2026;9\n"),
        # a whole word takes no abbreviating point
        ("Tag;Wert\n1. Feb. 2026;5\n1. Mrz. 2026;6\n", "1. Mai 2026;8\n1. Okt. 2026;9\n"),
    ],
)
def test_pull_writes_a_mrz_column_s_months_in_its_names(
    make_site: MakeSite, rows: str, added: str
) -> None:
    export = "date,value\n2026-03-01,6\n2026-05-01,8\n2026-10-01,9\n"
    site = _site(make_site, rows, toml='language = "de"\n', export=export)
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    written = (site / "content/data/tickets.csv").read_text(encoding="utf-8")
    assert written == rows + added, written
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out


def test_pull_writes_a_french_excel_column_s_months_in_its_names(make_site: MakeSite) -> None:
    rows = "date,value\njanv. 2026,5\nfévr. 2026,6\n"
    site = _site(make_site, rows, export="date,value\n2026-03-01,7\n2026-07-01,8\n")
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    written = (site / "content/data/tickets.csv").read_text(encoding="utf-8")
    assert written == rows + "mars 2026,7\njuil. 2026,8\n", written


# ------------------------------------------- a column of one thousands group
def test_pull_keeps_a_one_group_column_grouped_on_an_english_site(make_site: MakeSite) -> None:
    rows = 'date,value\n2026-11-02,"1,402"\n2026-11-09,"1,455"\n'
    site = _site(make_site, rows, export="date,value\n2026-11-09,1460\n2026-11-16,1501\n")
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    data = site / "content/data/tickets.csv"
    assert data.read_text(encoding="utf-8") == rows + '2026-11-16,"1,501"\n'
    code, out = run_cli("pull", "--site", str(site), "--update")
    assert code == 0, out
    assert data.read_text(encoding="utf-8") == (
        'date,value\n2026-11-02,"1,402"\n2026-11-09,"1,460"\n2026-11-16,"1,501"\n'
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out


# ------------------------------------- pull's summary of a values: it never writes
def test_pull_counts_another_value_in_values_as_another_value(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": f'title = "T"\nas_of = {AS_OF}\n'
            '[[sources]]\nname = "tickets"\nfile = "exports/tickets.csv"\n',
            "content/kpis/tickets.md": """
                ---
                title: Tickets
                target: 1500
                values: {2026-11-16: 1490, 2026-11-09: 1400}
                ---
            """,
            "exports/tickets.csv": "date,value\n2026-11-16,1501\n2026-11-09,1400\n",
        }
    )
    code, out = run_cli("pull", "--site", str(site), "--dry-run")
    assert code == 0, out
    assert "values: in content/kpis/tickets.md holds 1490, which counts; not written" in out, out
    assert (
        "okrsite: source 'tickets': nothing new (1 value already there, 1 with another value)"
    ) in out, out


# ------------------------------------ a KPI with a target and no reading yet
def test_a_kpi_with_a_target_and_no_reading_by_as_of_is_warned_of(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "T"\nas_of = 2026-11-20\n',
            "content/kpis/empty.md": "---\ntitle: E\ntarget: 100\ndata: data/empty.csv\n---\n",
            "content/data/empty.csv": "date,value\n",
            "content/kpis/later.md": "---\ntitle: L\ntarget: 100\nvalues: {2026-12-01: 5}\n---\n",
            "content/kpis/unmeasured.md": "---\ntitle: U\ntarget: 100\n---\n",
            "content/kpis/measured.md": "---\ntitle: M\ntarget: 9\nvalues: {2026-11-01: 5}\n---\n",
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "content/kpis/empty.md:4:7: warning OKR406: KPI has no reading on or before as_of "
        "2026-11-20 (data/empty.csv holds none), so its health is unknown (hint: add a "
        "reading: okrsite checkin empty --value V, or a row to data/empty.csv)"
    ) in out, out
    assert (
        "content/kpis/later.md:4:9: warning OKR406: KPI has no reading on or before as_of "
        "2026-11-20 (its first is from 2026-12-01), so its health is unknown"
    ) in out, out
    assert "0 errors, 2 warnings" in out, out


# --------------------------------------------- a units row under the header
def test_a_units_row_under_the_header_is_told_to_be_deleted(
    make_site: MakeSite, tmp_path: Path
) -> None:
    site = _site(make_site, "Monat;Umsatz\n;in EUR\n01.10.2026;5\n;7\n", toml='language = "de"\n')
    code, out = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert code == 1, out
    assert (
        "content/data/tickets.csv:2:1: error OKR203: row 2 has no date — a second header "
        "row (units?) (hint: delete it: the header is one row, and a KPI's unit goes in "
        "its unit: line)"
    ) in out, out
    assert (
        "content/data/tickets.csv:4:1: error OKR203: row 4 has no date "
        "(hint: write the row's date, or delete the row)"
    ) in out, out
    assert "Traceback" not in out and "'' is not a date" not in out, out


def test_a_data_file_with_an_error_is_not_said_to_hold_no_reading(make_site: MakeSite) -> None:
    site = _site(make_site, "date,value\nsoon,5\n")
    code, out = run_cli("check", "--site", str(site))
    assert code == 1 and "OKR203" in out, out
    assert "OKR406" not in out, out


# ------------------------------------------------ a chart of daily readings
def _weekdays(first: date, count: int) -> list[date]:
    days, day = [], first
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day = date.fromordinal(day.toordinal() + 1)
    return days


def test_a_chart_of_hundreds_of_daily_readings_stays_legible(
    make_site: MakeSite, tmp_path: Path
) -> None:
    rows = "".join(
        f"{d:%d.%m.%Y};{100 + (i % 40)}\n" for i, d in enumerate(_weekdays(date(2025, 10, 1), 297))
    )
    site = make_site(
        {
            "okrsite.toml": 'title = "T"\nlanguage = "de"\nas_of = 2026-11-20\n',
            "content/kpis/daily.md": "---\ntitle: Täglich\ntarget: 130\n"
            "thresholds: {grün: 120, rot: 105}\ndata: data/daily.csv\n---\n",
            "content/data/daily.csv": "Tag;Wert\n" + rows,
            "content/kpis/weekly.md": "---\ntitle: Woche\ntarget: 9\n"
            "values: {2026-11-02: 5, 2026-11-09: 6, 2026-11-16: 7}\n---\n",
        }
    )
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    page = (out / "kpis/daily/index.html").read_text(encoding="utf-8")
    circles = page.count('<circle class="point"')
    assert circles == 297 and page.count('r="1.5"') == 297 and 'r="4"' not in page, circles
    # the target's label is painted after (over) the line and its points
    assert page.index('class="axis target-label"') > page.rindex('<circle class="point"')
    assert ">Zielwert 130</text>" in page
    # the long table is folded away, saying how many values it holds
    folded = page.index('<details class="chart-table-more"><summary>Alle 297 Werte</summary>')
    assert folded < page.index('<table class="chart-table">') < page.index("</details>", folded)
    small = (out / "kpis/weekly/index.html").read_text(encoding="utf-8")
    assert small.count('r="4"') == 3 and "chart-table-more" not in small
    assert small.index("target-label") > small.rindex('<circle class="point"')
