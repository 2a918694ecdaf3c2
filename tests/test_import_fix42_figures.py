"""okrsite import, fix 42: pasted figures read as a goal file reads them.

Money written whole beside a unit that holds a magnitude (``€1.2M`` in
``k€``), shares of one beside percentages, a percentage beside another
unit, figures goal files accept (``1e3``, full-width and Arabic-Indic
digits), ``—`` and ``n/a`` as no figure, a figure in another unit than the
Unit column's, and Excel date serials in a Quarter or Due cell.

Each test writes a real site and a real sheet and runs the command line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_sheets import imported, sheet, site_at
from openpyxl import Workbook

HEADER = "Objective,Key result,Owner,Quarter,Start,Target,Current,Unit\n"


def written(site: Path, name: str) -> str:
    return (site / "content/objectives" / name).read_text(encoding="utf-8")


def kr_block(start: str, target: str, current: str, unit: str) -> str:
    return f"    start: {start}\n    target: {target}\n    current: {current}\n    unit: {unit}\n"


# ------------------------------------------------------------------ 1. money in k€ and $M
def test_money_written_whole_beside_a_unit_in_thousands_counts_in_it(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "keur.csv",
        HEADER + "Grow ARR,ARR,Uma Diaz,Q4 2026,0,€2M,€1.2M,k€\n"
        'Grow ARR,Pipeline,Uma Diaz,Q4 2026,0,"2.000.000 €","1.200.000 €",k€\n'
        "Grow ARR,Own spelling,Uma Diaz,Q4 2026,0,2000 k€,1200,k€\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "IMP" not in out, out
    text = written(site, "grow-arr.md")
    assert text.count(kr_block("0", "2000", "1200", "k€")) == 3, text


def test_workbook_money_cells_count_in_the_units_magnitude(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Objective", "Key result", "Owner", "Quarter", "Start", "Target", "Current", "Unit"])
    ws.append(["Grow ARR", "ARR", "Uma Diaz", "Q4 2026", 0, 2000000, 1200000, "k€"])
    ws.append(["Grow ARR", "Deals", "Uma Diaz", "Q4 2026", 0, 2000000, 1200000, "$M"])
    for column in "EFG":
        ws[f"{column}2"].number_format = '#,##0 "€"'
        ws[f"{column}3"].number_format = '"$"#,##0'
    book.save(tmp_path / "okrs.xlsx")
    code, out = imported(site, tmp_path / "okrs.xlsx")
    assert code == 0, out
    assert "IMP" not in out, out
    text = written(site, "grow-arr.md")
    assert kr_block("0", "2000", "1200", "k€") in text, text
    assert kr_block("0", "2", "1.2", "$M") in text, text


# ------------------------------------------------------------------ 2. shares beside percentages
def test_shares_of_one_beside_percentages_are_read_as_percentages(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "okrs.csv",
        HEADER + "X,A,Uma Diaz,Q4 2026,0.10,0.40,12%,\nX,B,Uma Diaz,Q4 2026,10%,40%,0.12,\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert (
        "okrs.csv:2:5: warning IMP212: row 2, column E 'Start': start 0.1 and target 0.4 look "
        "like shares of one beside current 12%: a key result's figures are on one scale, so "
        "start is imported as 10% and target is imported as 40% (hint: write them alike, as "
        "percentages (10%, 40%); if start and target are meant as written, write the percent "
        "sign with them (0.1%, 0.4%))"
    ) in out, out
    assert (
        "okrs.csv:3:7: warning IMP212: row 3, column G 'Current': current 0.12 looks like a "
        "share of one beside start 10% and target 40%: a key result's figures are on one "
        "scale, so current is imported as 12%"
    ) in out, out
    text = written(site, "x.md")
    assert text.count(kr_block("10", "40", "12", '"%"')) == 2, text


def test_figures_all_below_one_in_percent_are_imported_as_written_and_said(
    tmp_path: Path,
) -> None:
    site = site_at(tmp_path)
    path = sheet(tmp_path, "okrs.csv", HEADER + "X,C,Uma Diaz,Q4 2026,0.1,0.4,0.12,%\n")
    code, out = imported(site, path)
    assert code == 0, out
    assert (
        "okrs.csv:2:5: warning IMP212: row 2, column E 'Start': start 0.1, target 0.4 and "
        "current 0.12 all lie between 0 and 1 in a row whose unit is %: they are imported as "
        "0.1%, 0.4%, 0.12%, not as shares of one (hint: if they are shares of one, write them "
        "as percentages (10%, 40%, 12%); to import them as written without this warning, "
        "write the percent sign with them (0.1%, 0.4%, 0.12%))"
    ) in out, out
    assert kr_block("0.1", "0.4", "0.12", '"%"') in written(site, "x.md")


# ------------------------------------------------------------------ 3. a percentage beside points
def test_a_percentage_beside_another_unit_is_an_error(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(tmp_path, "okrs.csv", HEADER + "X,P,Uma Diaz,Q4 2026,10%,40%,12%,points\n")
    code, out = imported(site, path)
    assert code == 1, out
    assert (
        "okrs.csv:2:5: error IMP102: row 2, column E 'Start': '10%' is written as a "
        "percentage, but the row's unit, in column H 'Unit', is 'points': nothing is "
        "converted (hint: write the bare number (10) if it counts points, or % in column H "
        "'Unit' if the row's figures are percentages)"
    ) in out, out
    assert "okrs.csv:2:6: error IMP102" in out and "okrs.csv:2:7: error IMP102" in out, out
    assert not (site / "content/objectives/x.md").exists()


# ------------------------------------------------------------------ 4. what goal files accept
def test_figures_goal_files_read_are_read(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "okrs.csv",
        HEADER + "X,A,Uma Diaz,Q4 2026,0,1e3,１２３,\n"
        "X,B,Uma Diaz,Q4 2026,0,200,١٢٣,\n"
        "X,C,Uma Diaz,Q4 2026,0,200,—,\n"
        "X,D,Uma Diaz,Q4 2026,0,200,n/a,\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "IMP102" not in out, out
    text = written(site, "x.md")
    assert "    title: A\n    start: 0\n    target: 1000\n    current: 123\n" in text, text
    assert "    title: B\n    start: 0\n    target: 200\n    current: 123\n" in text, text
    assert "    title: C\n    start: 0\n    target: 200\n  - id: d\n" in text, text
    assert text.endswith("    title: D\n    start: 0\n    target: 200\n---\n"), text


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "X,E,Uma Diaz,Q4 2026,0,10,5 days,h\n",
            "okrs.csv:2:7: error IMP102: row 2, column G 'Current': '5 days' is in 'days', not "
            "in 'h', the unit column H 'Unit' gives the row: nothing is converted (hint: write "
            "the figure in h (5 days converted), or correct the unit in column H 'Unit' if the "
            "row's figures are in days)",
        ),
        (
            "X,F,Uma Diaz,Q4 2026,8 h,2 days,5 h,\n",
            "okrs.csv:2:6: error IMP102: row 2, column F 'Target': '2 days' is in 'days', while "
            "the row's other figures are in 'h': nothing is converted (hint: write every figure "
            "of the row in one unit, or the unit in a Unit column and the figures without it)",
        ),
    ],
)
def test_a_figure_in_another_unit_says_so(tmp_path: Path, row: str, message: str) -> None:
    site = site_at(tmp_path)
    code, out = imported(site, sheet(tmp_path, "okrs.csv", HEADER + row))
    assert code == 1, out
    assert message in out, out
    assert "put the unit in a Unit column" not in out, out


# ------------------------------------------------------------------ 5. Excel date serials
def test_date_serials_in_quarter_and_due_cells_are_days(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Objective", "Key result", "Quarter", "Due", "Start", "Target", "Current"])
    ws.append(["Grow", "Orders", 46296, None, 0, 10, 5])
    ws.append(["Ship", "Docs", None, 46387.5, 0, 10, 5])
    book.save(tmp_path / "okrs.xlsx")
    code, out = imported(site, tmp_path / "okrs.xlsx")
    assert code == 0, out
    assert "IMP" not in out, out
    assert "cycle: 2026-Q4\n" in written(site, "grow.md")
    assert "cycle: 2026-Q4\n" in written(site, "ship.md")


def test_a_date_serial_in_a_cycle_column_names_its_quarter(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(tmp_path, "okrs.csv", "Objective,Key result,Cycle,Target\nGrow,Orders,46296,10\n")
    code, out = imported(site, path)
    assert code == 1, out
    assert (
        "okrs.csv:2:3: error IMP108: row 2, column C 'Cycle': the cell holds the Excel date "
        "serial 46296, the date 2026-10-01, not a cycle (hint: write the cycle it lies in, "
        "e.g. 2026-Q4"
    ) in out, out
    assert "[cycles.46296]" not in out and 'cycles."46296"' not in out, out
