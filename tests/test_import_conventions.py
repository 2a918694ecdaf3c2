"""okrsite import reads a sheet by its own conventions: its decimal mark, every
tab of a workbook, formulas without a stored result, a header on two rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from openpyxl import Workbook

from okrsite.cli import cli
from okrsite.pipeline import load_site

AS_OF = date(2026, 11, 15)
HEADER = ["Objective", "Key result", "Owner", "Team", "Cycle", "Start", "Target", "Current"]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def new_site(tmp_path: Path, language: str | None = None) -> Path:
    site = tmp_path / "site"
    code, out = run("init", str(site))
    assert code == 0, out
    if language:
        toml = site / "okrsite.toml"
        toml.write_text(
            toml.read_text(encoding="utf-8") + f'language = "{language}"\n', encoding="utf-8"
        )
    return site


def imported(site: Path, sheet: Path) -> tuple[int, str]:
    return run("import", str(sheet), "--site", str(site))


def figures(site: Path, oid: str) -> list[tuple[Any, ...]]:
    objective = load_site(site, AS_OF).scored.portfolio.objectives[oid]
    return [(kr.title, kr.start, kr.target, kr.current) for kr in objective.key_results]  # type: ignore[attr-defined]


def save(book: Workbook, path: Path) -> Path:
    book.save(path)
    return path


# ------------------------------------------------------------------ decimal mark
def test_a_german_csv_on_an_english_site_is_read_by_its_decimal_commas(tmp_path: Path) -> None:
    """The audit's file: ``2,5`` and ``1,8`` say decimal comma, so ``1,250`` is
    1.25 and ``1.000`` is 1000 (they were 1250 and 1, with no word)."""
    site = new_site(tmp_path)
    sheet = tmp_path / "de2.csv"
    sheet.write_bytes(
        b"\xef\xbb\xbfZiel;Schl\xc3\xbcsselergebnis;Verantwortlich;Quartal;Ausgangswert;"
        b"Zielwert;Istwert;Einheit\r\n"
        b"Schneller;Ladezeit;Uma Diaz;Q4 2026;2,5;1,250;1,8;s\r\n"
        b";Umsatz;;;1.000;1.500;1.200;\xe2\x82\xac\r\n"
    )
    code, out = imported(site, sheet)
    assert code == 0, out
    assert "warning" not in out, out
    assert figures(site, "schneller") == [
        ("Ladezeit", 2.5, 1.25, 1.8),
        ("Umsatz", 1000, 1500, 1200),
    ]


def test_an_english_csv_on_a_german_site_is_read_by_its_decimal_points(tmp_path: Path) -> None:
    """``0.25`` says decimal point: ``1,000`` and ``1,500`` are thousands on a
    German site too (they were 1 and 1.5)."""
    site = new_site(tmp_path, "de")
    sheet = tmp_path / "en.csv"
    sheet.write_text(
        "Objective,Key result,Cycle,Start,Target,Current\r\n"
        'Grow revenue,Orders,2026-Q4,"1,000","1,500","1,200"\r\n'
        ",Churn,,0.25,0.1,0.2\r\n",
        encoding="utf-8",
    )
    code, out = imported(site, sheet)
    assert code == 0, out
    assert "warning" not in out, out
    assert figures(site, "grow-revenue") == [
        ("Orders", 1000, 1500, 1200),
        ("Churn", 0.25, 0.1, 0.2),
    ]


def test_a_semicolon_between_cells_says_decimal_comma_when_no_figure_does(
    tmp_path: Path,
) -> None:
    site = new_site(tmp_path)
    sheet = tmp_path / "semi.csv"
    sheet.write_text(
        "Objective;Key result;Cycle;Start;Target\nGrow;Orders;2026-Q4;0;1.500\n", encoding="utf-8"
    )
    code, out = imported(site, sheet)
    assert code == 0, out
    assert figures(site, "grow") == [("Orders", 0, 1500, None)]
    assert (
        "semi.csv:2:5: warning IMP204: row 2, column E 'Target': '1.500' reads two ways: "
        "1500 with the point grouping thousands, 1.5 with a decimal point; read as 1500: "
        "nothing in the file shows its decimal mark, and its cells are separated by "
        "semicolons, as spreadsheets save CSV where a comma marks decimals (hint: write 1500 "
        "or 1.5 without a separator before exactly three digits; one figure with decimals "
        "(2,5 or 2.5) settles the decimal mark for the whole file)"
    ) in out, out


def test_a_figure_that_reads_two_ways_in_a_file_that_does_not_tell_is_warned_about(
    tmp_path: Path,
) -> None:
    """No figure with decimals, commas between the cells: the site's language
    decides, and the cell says both readings and which was taken."""
    site = new_site(tmp_path)
    sheet = tmp_path / "plain.csv"
    sheet.write_text(
        'Objective,Key result,Cycle,Start,Target\nGrow,Orders,2026-Q4,0,"1,250"\n',
        encoding="utf-8",
    )
    code, out = imported(site, sheet)
    assert code == 0, out
    assert figures(site, "grow") == [("Orders", 0, 1250, None)]
    assert (
        "plain.csv:2:5: warning IMP204: row 2, column E 'Target': '1,250' reads two ways: "
        "1250 with the comma grouping thousands, 1.25 with a decimal comma; read as 1250: "
        "nothing in the file shows its decimal mark, and the site's language (en) writes a "
        "decimal point (hint: write 1250 or 1,25 without a separator before exactly three "
        "digits; one figure with decimals (2,5 or 2.5) settles the decimal mark for the "
        "whole file)"
    ) in out, out


def test_an_xlsx_text_cell_follows_the_file_and_a_number_cell_is_a_number(
    tmp_path: Path,
) -> None:
    site = new_site(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["Faster", "Load time", "", "", "2026-Q4", "2,5", "1,250", 1.8])
    sheet.append(["", "Revenue", "", "", "", 1000, "1.500", 1250])
    code, out = imported(site, save(book, tmp_path / "de.xlsx"))
    assert code == 0, out
    assert "warning" not in out, out
    assert figures(site, "faster") == [
        ("Load time", 2.5, 1.25, 1.8),
        ("Revenue", 1000, 1500, 1250),
    ]


# ------------------------------------------------------------------ every tab
def test_every_tab_with_an_import_table_is_imported_and_named_in_messages(
    tmp_path: Path,
) -> None:
    site = new_site(tmp_path)
    book = Workbook()
    sales = book.active
    assert sales is not None
    sales.title = "Sales"
    sales.append(HEADER)
    sales.append(["Grow revenue", "ARR", "Uma Diaz", "Sales", "2026-Q4", 1, 2, 1.5])
    engineering = book.create_sheet("Engineering")
    engineering.append(["OKRs of Engineering"])
    engineering.append(HEADER)
    engineering.append(["Ship faster", "Deploys", "Bo Li", "Engineering", "2026-Q4", 1, 10, 5])
    lists = book.create_sheet("Lists")
    lists.append(["Teams"])
    lists.append(["Sales"])
    code, out = imported(site, save(book, tmp_path / "teams.xlsx"))
    assert code == 0, out
    assert figures(site, "sales/grow-revenue") == [("ARR", 1, 2, 1.5)]
    assert figures(site, "engineering/ship-faster") == [("Deploys", 1, 10, 5)]
    assert (
        "teams.xlsx[Lists]: warning IMP206: sheet 'Lists' is not imported: none of its first "
        "rows names the objective (hint: give its OKRs a header row (Objective, Key result, "
        "…) to import them, or leave them out knowingly)"
    ) in out, out

    engineering["G3"] = "fifty"
    again = new_site(tmp_path / "again")
    code, out = imported(again, save(book, tmp_path / "teams2.xlsx"))
    assert code == 1, out
    assert (
        "teams2.xlsx[Engineering]:3:7: error IMP102: row 3, column G 'Target': 'fifty' is not "
        "a number"
    ) in out, out


# ------------------------------------------------------------------ formulas
def test_a_formula_without_a_stored_result_is_said_not_dropped(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["Improve quality", "Defects", "Bo Li", "", "2026-Q4", 8, 3, 5])
    sheet.append(["", "Test coverage", "", "", "", 50, 80, "=H2+0.1"])
    code, out = imported(site, save(book, tmp_path / "calc.xlsx"))
    assert code == 0, out
    assert (
        "calc.xlsx:3:8: warning IMP205: row 3, column H 'Current': the cell holds a formula "
        "(=H2+0.1) with no stored value: it is not imported (hint: open the file in a "
        "spreadsheet program and save it (that stores each formula's result), or type the "
        "value)"
    ) in out, out
    assert figures(site, "improve-quality") == [
        ("Defects", 8, 3, 5),
        ("Test coverage", 50, 80, None),
    ]


# ------------------------------------------------------------------ two header rows
def test_a_header_on_two_rows_under_a_merged_group_label_is_one_header(tmp_path: Path) -> None:
    """/tmp/auditB/mkxlsx.py's layout: "Values" merged over F3:H3, their names below."""
    site = new_site(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "ACME OKR Planning Q4 2026"
    sheet.merge_cells("A1:J1")
    for column, name in zip(
        "ABCDE", ["Objective", "Key result", "Owner", "Team", "Cycle"], strict=True
    ):
        sheet[f"{column}3"] = name
    sheet["F3"] = "Values"
    sheet.merge_cells("F3:H3")
    sheet["I3"], sheet["J3"] = "Unit", "Confidence"
    sheet["F4"], sheet["G4"], sheet["H4"] = "Start", "Target", "Current"
    rows = [
        [
            "Grow revenue",
            "Increase ARR",
            "Uma Diaz",
            "Sales",
            "Q4 2026",
            1000,
            1500,
            1200,
            "EUR",
            7,
        ],
        [None, "Win logos", None, None, None, 10, 25, 14, "logos", None],
    ]
    for number, row in enumerate(rows, start=5):
        for column, value in enumerate(row, start=1):
            sheet.cell(row=number, column=column, value=value)
    code, out = imported(site, save(book, tmp_path / "plan.xlsx"))
    assert code == 0, out
    assert "not imported" not in out and "IMP101" not in out, out
    assert figures(site, "sales/grow-revenue") == [
        ("Increase ARR", 1000, 1500, 1200),
        ("Win logos", 10, 25, 14),
    ]


def test_a_second_header_row_that_cannot_be_joined_is_named_as_one(tmp_path: Path) -> None:
    """Names below named columns too: not a group label's, so it is said to be
    a second header row rather than an objective's first row without a title."""
    site = new_site(tmp_path)
    sheet = tmp_path / "two.csv"
    sheet.write_text(
        "Objective,Key result,Cycle,Values,,\n"
        ",KR title,,Start,Target,Current\n"
        "Grow,Orders,2026-Q4,0,10,5\n",
        encoding="utf-8",
    )
    code, out = imported(site, sheet)
    assert code == 1, out
    assert (
        "two.csv:2:1: error IMP101: row 2, column A 'Objective': the first row of an objective "
        "needs its title; row 2 looks like a second header row (it names 'KR title', "
        "'Start', 'Target', 'Current') (hint: keep one header row: write each "
        "column's name in it (Start, Target, Current rather than a label over them))"
    ) in out, out
