"""okrsite import leaves nothing out unseen and points where it should: a
cell under no header, a Due date outside the row's cycle, the hint of a
figure that reads two ways, and the line a CSV cell starts on."""

from __future__ import annotations

from pathlib import Path

from conftest import files_of
from import_sheets import imported, sheet, site_at
from openpyxl import Workbook


# ------------------------------------------------------------------ cells under no header
def test_text_under_a_blank_header_is_warned_about(tmp_path: Path) -> None:
    """The audit's sheet: its header ends in a comma, and the row's last cell
    (``see Q3 deck``) was dropped with not a word."""
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "extra.csv",
        "Objective,Key result,Owner,Team,Quarter,Start,Target,Current,Stretch goal,\n"
        "Grow usage,Weekly actives,Kim Park,Mobile,2026-Q4,100,200,150,250,see Q3 deck\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "columns not imported: 'Stretch goal'" in out, out
    assert (
        "extra.csv:2:10: warning IMP208: row 2, column J (no header): 'see Q3 deck' is not "
        "imported: its column has no header, so no field takes it (hint: write a header over "
        "column J to import it"
    ) in out, out
    assert (site / "content/objectives/mobile/grow-usage.md").exists()


def test_cells_beyond_the_header_are_each_warned_about(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "wide.csv",
        "Objective,Key result,Owner,Start,Target,Current,Unit\n"
        "Grow,Users,Kim Park,0,100,40,users,extra,cells\n"
        "Grow,Churn,Kim Park,5,2,4,%\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "wide.csv:2:8: warning IMP208: row 2, column H (no header): 'extra'" in out, out
    assert "wide.csv:2:9: warning IMP208: row 2, column I (no header): 'cells'" in out, out
    assert out.count("IMP208") == 2, out


def test_an_xlsx_cell_right_of_the_header_is_warned_about(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Objective", "Key result", "Owner", "Team", "Quarter", "Start", "Target", "Current"])
    ws.append(["Grow usage", "Weekly actives", "Kim Park", "Mobile", "2026-Q4", 100, 200, 150])
    ws["J2"] = "ask Bo: numbers unverified"
    ws["K3"] = 42  # a row of nothing but a stray figure: said too
    path = tmp_path / "extra.xlsx"
    book.save(path)
    code, out = imported(site, path)
    assert (
        "extra.xlsx:2:10: warning IMP208: row 2, column J (no header): "
        "'ask Bo: numbers unverified' is not imported: it lies right of the header's last "
        "column, so no field takes it"
    ) in out, out
    assert "extra.xlsx:3:11: warning IMP208: row 3, column K (no header): 42 is not" in out, out
    assert code == 0, out


def test_an_xlsx_column_with_a_blank_header_between_named_ones(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Objective", "Key result", None, "Start", "Target", "Current"])
    ws.append(["Grow usage", "Weekly actives", "check with finance", 100, 200, 150])
    path = tmp_path / "gap.xlsx"
    book.save(path)
    code, out = imported(site, path)
    assert code == 0, out
    assert (
        "gap.xlsx:2:3: warning IMP208: row 2, column C (no header): 'check with finance' is "
        "not imported: its column has no header"
    ) in out, out


# ------------------------------------------------------------------ due date and cycle
def test_a_due_date_outside_the_rows_cycle_is_warned_about(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "due.csv",
        "Objective,Key result,Quarter,Start,Target,Current,Due\n"
        "Grow,Deals,2026-Q4,100,200,150,2027-06-30\n"
        "Grow,Leads,2026-Q4,0,10,5,2026-11-30\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert (
        "due.csv:2:7: warning IMP209: row 2, column G 'Due': due date 2027-06-30 lies outside "
        "cycle 2026-Q4 (2026-10-01 to 2026-12-31), which column C 'Quarter' names: the cycle "
        "2026-Q4 is imported, as the cycle cell names it, and the due date is not imported"
    ) in out, out
    assert "write 2027-Q2 in column C 'Quarter'" in out, out
    assert out.count("IMP209") == 1, out  # row 3's due date lies in its quarter
    text = (site / "content/objectives/grow.md").read_text(encoding="utf-8")
    assert "cycle: 2026-Q4" in text, text


# ------------------------------------------------------------------ the IMP204 hint
def test_the_hint_of_a_figure_read_two_ways_offers_two_that_read_one_way(
    tmp_path: Path,
) -> None:
    """``1,834`` read two ways; the hint offered ``1834 or 1,834``, the very
    figure. Its decimal reading gets a fourth decimal, which reads one way."""
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "amb.csv",
        'Objective,Key result,Start,Target,Current\nGrow,Deals,100,2000,"1,834"\n',
    )
    code, out = imported(site, path, "--dry-run")
    assert code == 0, out
    assert "hint: write 1834 or 1,8340 (1.834 with a 0 added) without a separator" in out, out
    assert "or 1,834 " not in out, out
    # the spelling offered reads as it says, with no warning
    fixed = sheet(
        tmp_path,
        "fixed.csv",
        'Objective,Key result,Start,Target,Current\nGrow,Deals,0,2,"1,8340"\n',
    )
    code, out = imported(site, fixed, "--dry-run")
    assert code == 0 and "IMP204" not in out, out
    assert "current: 1.834" in out, out


# ------------------------------------------------------------------ CSV lines
def test_a_csv_location_gives_the_line_the_cell_starts_on(tmp_path: Path) -> None:
    """Row 2's note spans three lines, so row 3 starts on line 5."""
    site = site_at(tmp_path)
    before = files_of(site)
    path = sheet(
        tmp_path,
        "ml.csv",
        "Objective,Key result,Owner,Start,Target,Current,Notes\n"
        'Ship app,Installs,Kim Park,0,100,40,"line one\nline two\nline three"\n'
        ",Rating,Kim Park,3.9,4.5,fifty,\n",
    )
    code, out = imported(site, path)
    assert code == 1, out
    assert "ml.csv:5:6: error IMP102: row 3, column F 'Current': 'fifty' is not a number" in out
    assert files_of(site) == before


def test_a_cell_after_a_line_break_in_its_own_row(tmp_path: Path) -> None:
    """A cell right of a two-line note starts on the note's second line."""
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "same.csv",
        "Objective,Key result,Notes,Start,Target,Current\r\n"
        'Ship,Installs,"first\r\nsecond",0,100,lots\r\n',
    )
    code, out = imported(site, path)
    assert code == 1, out
    assert "same.csv:3:6: error IMP102: row 2, column F 'Current': 'lots'" in out, out
    assert "same.csv:2:" not in out, out
