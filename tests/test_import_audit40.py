"""okrsite import, audit 40: a quarter written as the group label over the
figures, an unreadable target said once, accounting negatives, a date in a
Quarter column, a ``—`` owner left out, and a folder's place taken by a file
found before anything is written."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from conftest import files_of
from import_sheets import imported, sheet, site_at
from openpyxl import Workbook


def grouped_book(tmp_path: Path, label: str) -> Path:
    """The audit's mk5.py: ``label`` merged over Baseline, Target, Actual."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Objective", "Key result", "Owner", label, None, None, "Notes"])
    ws.append([None, None, None, "Baseline", "Target", "Actual", None])
    for cells in ("D1:F1", "A1:A2", "B1:B2", "C1:C2", "G1:G2"):
        ws.merge_cells(cells)
    ws.append(["Win deals", "Deals closed", "Uma Diaz", 10, 30, 18, "ok"])
    ws.append([None, "Pipeline", "Uma Diaz", 100000, 300000, 210000, None])
    path = tmp_path / "grouped.xlsx"
    book.save(path)
    return path


# ------------------------------------------------------------------ 1. a cycle as a group label
def test_a_quarter_merged_over_the_figures_is_the_rows_cycle(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    code, out = imported(site, grouped_book(tmp_path, "Q3 2026"))
    assert code == 0, out
    assert "IMP" not in out, out
    text = (site / "content/objectives/win-deals.md").read_text(encoding="utf-8")
    assert "cycle: 2026-Q3\n" in text, text
    assert "    start: 10\n    target: 30\n    current: 18\n" in text, text


def test_a_group_label_that_names_no_cycle_is_warned_about(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    code, out = imported(site, grouped_book(tmp_path, "FY26 plan"))
    assert code == 0, out
    assert (
        "grouped.xlsx:1:4: warning IMP208: row 1, column D 'FY26 plan': the group label over "
        "columns D to F names no cycle okrsite knows: it is not imported, and the rows take "
        "the cycle --cycle or default_cycle gives (hint: write the cycle like 2026-Q3 (or Q3 "
        "2026) in the label or in a Cycle column, or define it in okrsite.toml as "
        '[cycles."FY26 plan"] with start and end dates)'
    ) in out, out
    text = (site / "content/objectives/win-deals.md").read_text(encoding="utf-8")
    assert "cycle: 2026-Q4\n" in text, text


def test_a_cycle_column_wins_over_a_group_label(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "both.csv",
        "Objective,Key result,Cycle,Q3 2026,,\n,,,Start,Target,Current\nGrow,Orders,2026-Q4,0,10,5\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "cycle: 2026-Q4\n" in (site / "content/objectives/grow.md").read_text(encoding="utf-8")


# ------------------------------------------------------------------ 2. IMP202 after IMP102
def test_an_unreadable_target_is_not_also_said_to_be_missing(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "bad.csv",
        "Objective,Key result,Start,Target,Current\nGrow,Users,1,ten,5\nGrow,Churn,x,,4\n",
    )
    code, out = imported(site, path)
    assert code == 1, out
    assert ("bad.csv:2:4: error IMP102: row 2, column D 'Target': 'ten' is not a number") in out, (
        out
    )
    assert "bad.csv:3:3: error IMP102: row 3, column C 'Start': 'x' is not a number" in out, out
    assert "IMP202" not in out, out
    assert "import failed, 2 errors, 0 warnings; nothing was written" in out, out


def test_a_blank_target_is_still_said_to_be_missing(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(tmp_path, "calls.csv", "Objective,Key result,Target,Current\nGrow,Calls,,55\n")
    code, out = imported(site, path)
    assert code == 0, out
    assert "calls.csv:2:3: warning IMP202: row 2, column C 'Target'" in out, out


# ------------------------------------------------------------------ 3. accounting negatives
def test_figures_in_brackets_are_negative(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "money.csv",
        "Objective,Key result,Start,Target,Current\n"
        'Cut losses,Operating result,"($50,000.00)",$0.00,"$ (20,000.00)"\n'
        "Cut losses,Margin,(5),10,(1)\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "IMP" not in out, out
    text = (site / "content/objectives/cut-losses.md").read_text(encoding="utf-8")
    assert "    start: -50000\n    target: 0\n    current: -20000\n    unit: $\n" in text, text
    assert "    start: -5\n    target: 10\n    current: -1\n" in text, text


def test_a_signed_figure_in_brackets_is_not_a_number(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(tmp_path, "odd.csv", "Objective,Key result,Start,Target\nGrow,Users,(-5),10\n")
    code, out = imported(site, path)
    assert code == 1, out
    assert "odd.csv:2:3: error IMP102: row 2, column C 'Start': '(-5)' is not a number" in out


# ------------------------------------------------------------------ 4. a date in the cycle cell
def dated_book(tmp_path: Path, header: str) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Objective", "Key result", header, "Start", "Target", "Current"])
    ws.append(["Win deals", "Deals", datetime(2026, 7, 1), 0, 10, 5])
    ws["C2"].number_format = "mmm-yy"
    path = tmp_path / "dated.xlsx"
    book.save(path)
    return path


def test_a_date_in_a_quarter_column_is_its_quarter(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    code, out = imported(site, dated_book(tmp_path, "Quarter"))
    assert code == 0, out
    assert "IMP" not in out, out
    text = (site / "content/objectives/win-deals.md").read_text(encoding="utf-8")
    assert "cycle: 2026-Q3\n" in text, text


def test_a_date_in_another_cycle_column_is_said_to_be_a_date(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    code, out = imported(site, dated_book(tmp_path, "Cycle"))
    assert code == 1, out
    assert (
        "dated.xlsx:2:3: error IMP108: row 2, column C 'Cycle': the cell holds the date "
        "2026-07-01, not a cycle (hint: write the cycle it lies in, e.g. 2026-Q3 (a column "
        "named Quarter reads a date as its quarter))"
    ) in out, out
    assert "[cycles.2026-07-01]" not in out, out


def test_a_date_saved_to_csv_in_a_quarter_column_is_its_quarter(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "q.csv",
        "Objective,Key result,Quarter,Target,Current\nGrow,Users,2026-08-15,10,5\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "cycle: 2026-Q3\n" in (site / "content/objectives/grow.md").read_text(encoding="utf-8")


# ------------------------------------------------------------------ 5. a "—" owner
def test_a_dash_owner_of_a_key_result_is_left_out(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "dash.csv",
        "Objective,Key result,Owner,Target,Current\nGrow,Users,Kim Park,10,5\nGrow,Revenue,—,10,5\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    text = (site / "content/objectives/grow.md").read_text(encoding="utf-8")
    assert "owner: Kim Park\n" in text, text
    assert "null" not in text and text.count("owner") == 1, text


# ------------------------------------------------------------------ 6. a file where a folder must be
def test_a_file_in_the_place_of_a_folder_stops_the_import_before_it_writes(
    tmp_path: Path,
) -> None:
    site = site_at(tmp_path)
    (site / "content/objectives/sales").write_text("notes\n", encoding="utf-8")
    before = files_of(site)
    path = sheet(
        tmp_path,
        "teams.csv",
        "Objective,Key result,Team,Target,Current\nRun ops,Tickets,Operations,10,5\n"
        "Sell,Revenue,Sales,10,5\n",
    )
    for more in ((), ("--dry-run",)):
        code, out = imported(site, path, *more)
        assert code == 1, out
        assert (
            "okrsite: cannot write content/objectives/sales/sell.md: content/objectives/sales "
            "is a file, where its folder must be; move or rename content/objectives/sales (or "
            "give the rows another team), then import again\n"
            "okrsite: import failed; nothing was written\n"
        ) in out, out
        assert "Errno" not in out, out
        assert files_of(site) == before
        assert not (site / "content/objectives/operations").exists()


def test_a_failed_write_leaves_no_folder_behind(tmp_path: Path) -> None:
    """A file made between the check and the write (another program's):
    the files written before it and the folders made for them go again."""
    from okrsite.goal_yaml import PlannedFile
    from okrsite.import_files import write_planned

    site = site_at(tmp_path)
    (site / "content/objectives/sales").mkdir()
    (site / "content/objectives/sales/sell.md").write_text("mine\n", encoding="utf-8")
    before = files_of(site)
    files = [
        PlannedFile("content/objectives/operations/run-ops.md", "a\n", 2),
        PlannedFile("content/objectives/sales/sell.md", "b\n", 3),
    ]
    with pytest.raises(FileExistsError):
        write_planned(site, files)
    assert files_of(site) == before
    assert not (site / "content/objectives/operations").exists()
    assert (site / "content/objectives/sales").is_dir()


def test_a_failed_write_is_said_with_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import okrsite.import_files

    site = site_at(tmp_path)
    path = sheet(tmp_path, "one.csv", "Objective,Key result,Target,Current\nGrow,Users,10,5\n")

    def full(root: Path, files: list[object]) -> None:
        raise OSError(28, "No space left on device", str(root / "content/objectives/grow.md"))

    monkeypatch.setattr(okrsite.import_files, "write_planned", full)
    code, out = imported(site, path)
    assert code == 1, out
    assert (
        "okrsite: import failed: cannot write content/objectives/grow.md: No space left on "
        "device; nothing was written"
    ) in out, out
