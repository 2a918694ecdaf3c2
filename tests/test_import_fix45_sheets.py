"""okrsite import, spreadsheet audit 45 (findings 1, 2, 3, 6, 7): a start
column under the names spreadsheets give it and a Progress column that
disagrees with the figures, the Quarter column's dates and months read one
way in CSV and xlsx, ``--date`` after as_of, a Progress column mixing
fractions with percentages, and a key result's row repeated."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from conftest import run_cli
from import_sheets import imported, sheet, site_at
from openpyxl import Workbook


def exported_rows(site: Path) -> list[dict[str, str]]:
    code, text = run_cli("export", "--format", "csv", "--site", str(site))
    assert code == 0, text
    return list(csv.DictReader(io.StringIO(text[text.index("objective_id") :])))


def written(site: Path, name: str) -> str:
    return (site / "content/objectives" / name).read_text(encoding="utf-8")


# ------------------------------------------------------------------ 1. start column, Progress check
@pytest.mark.parametrize(
    "header", ["Baseline value", "Starting value", "Starting Value", "Begin", "Start value"]
)
def test_start_column_as_spreadsheets_name_it_is_read(tmp_path: Path, header: str) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "okrs.csv",
        f"Objective,Key result,Owner,Quarter,{header},Target value,Current value,Progress\n"
        'Reduce cloud spend,Monthly AWS bill,Kim Park,Q4 2026,"$84,500","$60,000","$71,250",54%\n'
        "Reduce cloud spend,Crash-free sessions,Kim Park,Q4 2026,97.5%,99.9%,98.8%,54%\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "not imported" not in out and "IMP220" not in out, out
    rows = exported_rows(site)
    assert [r["start"] for r in rows] == ["84500", "97.5"], rows
    assert [r["kr_status"] for r in rows] == ["on-track", "on-track"], rows
    assert rows[0]["objective_progress"].startswith("0.54"), rows


def test_a_progress_cell_that_disagrees_with_the_figures_is_said(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "okrs.csv",
        "Objective,Key result,Quarter,Base line of Q3,Target,Current,Progress\n"
        "Reduce cloud spend,Monthly AWS bill,Q4 2026,84500,60000,71250,54%\n"
        "Reduce cloud spend,Uptime,Q4 2026,,100,50,0.5\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert (
        "okrs.csv:2:7: warning IMP220: row 2, column G 'Progress': the sheet's progress '54%' "
        "differs from the 100% okrsite works out from start 0 (the sheet has no Start column "
        "okrsite reads), target 60,000 and current 71,250"
    ) in out, out
    assert "--map 'COLUMN=start' (columns not imported: 'Base line of Q3')" in out, out
    # a fraction that agrees (0.5 of 0..100 at 50) is no disagreement
    assert "okrs.csv:3" not in out, out
    assert exported_rows(site)[0]["kr_status"] == "done"  # imported as the figures say


# ------------------------------------------------------------------ 2. Quarter column dates
@pytest.mark.parametrize("cell", ["Oct 2026", "October 2026", "Oct-26", "01.10.2026", "1 Oct 2026"])
def test_quarter_column_dates_and_months_are_their_quarter_in_csv(
    tmp_path: Path, cell: str
) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "month.csv",
        f"Objective,Key result,Quarter,Start,Target,Current\nGrow EMEA,ARR,{cell},0,100,50\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "cycle: 2026-Q4\n" in written(site, "grow-emea.md")
    assert exported_rows(site)[0]["objective_status"] != "missed"


def test_quarter_column_reads_text_and_date_cells_alike_in_xlsx(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    book = Workbook()
    ws = book.active
    ws.append(["Objective", "Key result", "Quarter", "Start", "Target", "Current"])
    ws.append(["Grow EMEA", "ARR", "Oct 2026", 0, 100, 50])
    ws.append(["Keep customers", "NPS", datetime(2026, 10, 1), 0, 100, 50])
    ws["C3"].number_format = "mmm-yy"
    path = tmp_path / "month.xlsx"
    book.save(path)
    code, out = imported(site, path)
    assert code == 0, out
    assert "cycle: 2026-Q4\n" in written(site, "grow-emea.md")
    assert "cycle: 2026-Q4\n" in written(site, "keep-customers.md")


def test_a_date_in_a_cycle_column_is_refused_naming_its_quarter(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "period.csv",
        "Objective,Key result,Period,Start,Target,Current\n"
        "Grow,ARR,01.10.2026,0,100,50\n"
        "Keep,NPS,10/1/2026,0,100,50\n",
    )
    code, out = imported(site, path)
    assert code == 1, out
    assert (
        "period.csv:2:3: error IMP108: row 2, column C 'Period': the cell holds the date "
        "2026-10-01, not a cycle (hint: write the cycle it lies in, e.g. 2026-Q4"
    ) in out, out
    # the Due column's reader: a date that names two days is said so
    assert (
        "period.csv:3:3: error IMP108: row 3, column C 'Period': '10/1/2026' names two days, "
        "2026-01-10 or 2026-10-01"
    ) in out, out
    assert "[cycles." not in out, out


# ------------------------------------------------------------------ 3. --date after as_of
def test_import_date_after_as_of_says_its_checkins_do_not_count_yet(tmp_path: Path) -> None:
    site = site_at(tmp_path)  # as_of = 2026-11-20
    path = sheet(
        tmp_path,
        "conf.csv",
        "Objective,Key result,Quarter,Target,Current,Confidence\nGrow,ARR,Q4 2026,100,50,7\n",
    )
    code, out = imported(site, path, "--date", "2026-12-01")
    assert code == 0, out
    assert (
        "okrsite: note: okrsite.toml sets as_of = 2026-11-20, so the imported confidence "
        "check-ins of 2026-12-01 count only in builds as of 2026-12-01 or later "
        "(okrsite build --as-of 2026-12-01, or remove as_of from okrsite.toml"
    ) in out, out
    assert (site / "content/checkins/grow/2026-12-01.md").is_file()
    # a day the site counts gets no note
    site2 = site_at(tmp_path / "two")
    code, out = imported(site2, path, "--date", "2026-11-19")
    assert code == 0 and "note:" not in out, out


# ------------------------------------------------------------------ 6. fractions beside percents
def test_progress_column_mixing_fractions_and_percents_is_said(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "p.csv",
        "Objective,Key result,Quarter,Progress\n"
        "Grow,A,Q4 2026,0.45\nGrow,B,Q4 2026,1\nGrow,C,Q4 2026,100\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert (
        "p.csv:2:4: warning IMP212: row 2, column D 'Progress': the column mixes shares of "
        "one, row 2 (0.45), row 3 (1), with percentages, row 4 (100)"
    ) in out, out
    assert "write the column one way: as percentages (45%, 100%)" in out, out
    # a column of percentages only (0 and 1 among them) is no mix
    path = sheet(
        tmp_path,
        "q.csv",
        "Objective,Key result,Quarter,Progress\nKeep,A,Q4 2026,0\nKeep,B,Q4 2026,1\nKeep,C,Q4 2026,100\n",
    )
    code, out = imported(site, path)
    assert code == 0 and "IMP212" not in out, out


# ------------------------------------------------------------------ 7. a repeated key result
def test_a_repeated_key_result_row_is_said_naming_both_rows(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "dup.csv",
        "Objective,Key result,Owner,Team,Quarter,Start,Target,Current\n"
        "Grow EMEA,Pipeline,Uma Diaz,Sales,2026-Q4,0,10,2\n"
        "Grow EMEA,Leads,Uma Diaz,Sales,2026-Q4,0,10,2\n"
        "Grow EMEA,pipeline,Uma Diaz,Sales,Q4 2026,0,10,3\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert (
        "dup.csv:4:2: warning IMP221: row 4, column B 'Key result': key result 'pipeline' of "
        "objective 'Grow EMEA' is on row 2 too (current 2 there, 3 here)"
    ) in out, out
    assert "delete row 2 if this row updates it" in out
    assert out.count("IMP221") == 1, out
