"""okrsite import reads sheets as people paste and save them: a totals row
under the table, a title line above a semicolon header, dates with slashes
in the order their column shows.

Each test writes a real site and a real file on disk and runs the command
line, as a person does.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from okrsite.cli import cli
from okrsite.pipeline import load_site

AS_OF = date(2026, 11, 15)
HEADER = "Objective,Key result,Cycle,Start,Target,Current\n"
ROWS = "Grow,Win logos,2026-Q4,0,10,4\nGrow,Close deals,2026-Q4,0,5,1\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def new_site(tmp_path: Path) -> Path:
    """``okrsite init``'s site: its ``default_cycle`` is 2026-Q4."""
    site = tmp_path / "site"
    code, out = run("init", str(site))
    assert code == 0, out
    return site


def imported(site: Path, sheet: Path) -> tuple[int, str]:
    return run("import", str(sheet), "--site", str(site))


def sheet_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def objectives(site: Path) -> dict[str, Any]:
    """The imported objectives (not the examples ``okrsite init`` writes, under ``company/``)."""
    found = load_site(site, AS_OF).scored.portfolio.objectives
    return {oid: obj for oid, obj in found.items() if not oid.startswith("company/")}


def key_results(site: Path, oid: str) -> list[tuple[Any, ...]]:
    objective = objectives(site)[oid]
    return [(kr.title, kr.start, kr.target, kr.current) for kr in objective.key_results]


def check_clean(site: Path) -> None:
    code, out = run("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out


# ------------------------------------------------------------------ totals rows
@pytest.mark.parametrize(
    ("last_row", "column"),
    [
        ("Totals,,,,,\n", "A 'Objective'"),
        ("Total,,,,=SUM(E2:E3),=SUM(F2:F3)\n", "A 'Objective'"),
        ("Gesamt,,,0,15,5\n", "A 'Objective'"),
        ("SUM:,,,,,\n", "A 'Objective'"),
        (",Summe:,,0,15,5\n", "B 'Key result'"),
        ("Grow,total,2026-Q4,0,15,5\n", "B 'Key result'"),
    ],
)
def test_a_totals_row_is_left_out_with_a_warning(
    tmp_path: Path, last_row: str, column: str
) -> None:
    """The audit's sheets: a sum under the table became an objective or key
    result ``total``, or (with figures) refused the import with IMP101."""
    site = new_site(tmp_path)
    code, out = imported(site, sheet_file(tmp_path, "okrs.csv", HEADER + ROWS + last_row))
    assert code == 0, out
    label = last_row.split(",")[0] or last_row.split(",")[1]
    if label == "Grow":
        label = "total"
    assert (
        f"okrs.csv:4:{1 if column[0] == 'A' else 2}: warning IMP207: row 4, column {column}: "
        f"{label!r} makes row 4 look like a totals row: it is left out"
    ) in out, out
    assert "IMP101" not in out and "IMP102" not in out, out
    assert set(objectives(site)) == {"grow"}
    assert key_results(site, "grow") == [("Win logos", 0, 10, 4), ("Close deals", 0, 5, 1)]
    check_clean(site)


def test_a_totals_row_of_formulas_in_a_workbook_is_left_out(tmp_path: Path) -> None:
    """openpyxl stores a formula without its result, as a report generator does:
    the row's formulas are not warned about one by one, the row is."""
    site = new_site(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Objective", "Key result", "Cycle", "Start", "Target", "Current"])
    sheet.append(["Grow", "Win logos", "2026-Q4", 0, 10, 4])
    sheet.append(["Grow", "Close deals", "2026-Q4", 0, 5, 1])
    sheet.append(["TOTAL", None, None, "=SUM(D2:D3)", "=SUM(E2:E3)", "=SUM(F2:F3)"])
    book.save(tmp_path / "okrs.xlsx")
    code, out = imported(site, tmp_path / "okrs.xlsx")
    assert code == 0, out
    assert "okrs.xlsx:4:1: warning IMP207: row 4, column A 'Objective': 'TOTAL'" in out, out
    assert "IMP205" not in out, out
    assert set(objectives(site)) == {"grow"}


def test_an_objective_whose_title_only_starts_with_total_is_imported(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    text = HEADER + "Total customer love,Raise NPS,2026-Q4,30,45,36\n"
    code, out = imported(site, sheet_file(tmp_path, "okrs.csv", text))
    assert code == 0 and "IMP207" not in out, out
    assert set(objectives(site)) == {"total-customer-love"}


# ------------------------------------------------------------------ separators
@pytest.mark.parametrize(
    "text",
    [
        "Sales OKRs\nObjective;Key result;Target\nA;B;5\n",
        "Sales, Q4\nObjective;Key result;Target\nA;B;5\n",
        "Sales OKRs\r\n\r\nObjective;Key result;Target\r\nA;B;5\r\n",
        "Sales OKRs\nObjective,Key result,Target\nA,B,5\n",
        "Sales; Q4\nObjective,Key result,Target\nA,B,5\n",
        "Sales OKRs\nObjective\tKey result\tTarget\nA\tB, c\t5\n",
    ],
)
def test_a_title_line_above_the_header_does_not_decide_the_separator(
    tmp_path: Path, text: str
) -> None:
    site = new_site(tmp_path)
    code, out = imported(site, sheet_file(tmp_path, "x.csv", text))
    assert code == 0, out
    assert "IMP002" not in out and "not imported" not in out, out
    ((title, _, target, _),) = key_results(site, "a")
    assert title.startswith("B") and target == 5


def test_a_semicolon_file_with_a_title_keeps_its_decimal_commas(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    text = "Sales, Q4 2026\nObjective;Key result;Start;Target;Current\nA;B;0;2,5;1,5\n"
    code, out = imported(site, sheet_file(tmp_path, "x.csv", text))
    assert code == 0, out
    assert key_results(site, "a") == [("B", 0, 2.5, 1.5)]


# ------------------------------------------------------------------ due dates
def cycles_of(site: Path) -> dict[str, str]:
    return {oid: obj.cycle for oid, obj in objectives(site).items()}


@pytest.mark.parametrize(
    ("first", "other"),
    [("03/11/2026", "31/12/2026"), ("11/03/2026", "12/31/2026"), ("3/11/2026", "30/12/2026")],
)
def test_slash_dates_are_read_in_the_order_their_column_shows(
    tmp_path: Path, first: str, other: str
) -> None:
    """``03/11/2026`` beside ``31/12/2026`` is November 3rd (the 2026-Q4 of
    the cycle it gives), not "not a date", nor March 11th (2026-Q1)."""
    site = new_site(tmp_path)
    text = f"Objective,Key result,Due date,Target\nA,B,{first},5\nC,D,{other},5\n"
    code, out = imported(site, sheet_file(tmp_path, "x.csv", text))
    assert code == 0, out
    assert cycles_of(site) == {"a": "2026-Q4", "c": "2026-Q4"}


def test_a_slash_date_its_column_does_not_explain_is_said_to_be_ambiguous(
    tmp_path: Path,
) -> None:
    site = new_site(tmp_path)
    text = "Objective,Key result,Due date,Target\nA,B,03/11/2026,5\nC,D,01/12/2026,5\n"
    code, out = imported(site, sheet_file(tmp_path, "x.csv", text))
    assert code == 1, out
    assert (
        "x.csv:2:3: error IMP103: row 2, column C 'Due date': '03/11/2026' names two days, "
        "2026-11-03 or 2026-03-11, and no other date of the column shows whether the day or "
        "the month comes first (hint: write it as year-month-day: 2026-11-03 or 2026-03-11)"
    ) in out, out
    assert "is not a date" not in out, out


@pytest.mark.parametrize("cell", ["Nov 3", "3 Nov", "3. November"])
def test_a_day_without_a_year_says_to_write_the_year(tmp_path: Path, cell: str) -> None:
    """The site's other readers of dates (a goal's ``due:``, a check-in's
    ``date:``) take no day without its year; the import says what to write."""
    site = new_site(tmp_path)
    text = f"Objective,Key result,Due date,Target\nA,B,{cell},5\n"
    code, out = imported(site, sheet_file(tmp_path, "x.csv", text))
    assert code == 1, out
    assert f"row 2, column C 'Due date': {cell!r} has no year (hint: write the year too" in out, out
