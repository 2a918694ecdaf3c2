"""okrsite import of files as Excel on Windows saves them: "Unicode Text"
(UTF-16 with a byte-order mark), "CSV" in Windows-1252, a file that is
UTF-8 but for a pasted byte, merged cells, hidden rows and sheets, an Owner
cell with a line break (Alt+Enter), and a date with a two-digit year."""

from __future__ import annotations

from pathlib import Path

from import_sheets import imported, sheet, site_at
from openpyxl import Workbook

# ------------------------------------------------------------------ 1. Unicode Text


def test_a_unicode_text_file_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    text = "Objective\tKey Result\tOwner\tTarget\r\nGrow\tARR\tJürgen Weiß\t10\r\n"
    for codec, bom, name in (
        ("utf-16-le", b"\xff\xfe", "okrs16.txt"),
        ("utf-16-be", b"\xfe\xff", "okrs16be.csv"),
    ):
        path = tmp_path / name
        path.write_bytes(bom + text.encode(codec))
        code, out = imported(site, path, "--dry-run")
        assert code == 0, out
        assert out == (
            "# would write content/objectives/grow.md\n"
            "---\n"
            "title: Grow\n"
            "cycle: 2026-Q4\n"
            "owner: Jürgen Weiß\n"
            "key_results:\n"
            "  - id: arr\n"
            "    title: ARR\n"
            "    start: 0\n"
            "    target: 10\n"
            "---\n"
            "\n"
            "okrsite: dry run: 1 file would be written, 0 skipped\n"
        ), out


# ------------------------------------------------------------------ 2. merged cells


def test_a_team_and_quarter_merged_down_two_objectives_name_both(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Team", "Objective", "Key result", "Target", "Quarter"])
    ws.append(["Sales", "Grow", "ARR", 10, "Q3 2026"])
    ws.append([None, "Grow", "Deals", 5, None])
    ws.append([None, "Retain", "Churn", 2, None])
    ws.append([None, "Retain", "NPS", 40, None])
    ws.merge_cells("A2:A5")
    ws.merge_cells("E2:E5")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    code, out = imported(site, path)
    assert code == 0, out
    assert "IMP" not in out, out
    for slug in ("grow", "retain"):
        text = (site / f"content/objectives/sales/{slug}.md").read_text(encoding="utf-8")
        assert "cycle: 2026-Q3\nteam: Sales\n" in text, text
    assert not (site / "content/objectives/retain.md").exists()


# ------------------------------------------------------------------ 3. encodings


ROWS = "Objective,Key result,Owner,Team,Target\nGrow,ARR,Jürgen Weiß,Vertrieb,10\n"


def test_a_utf8_file_with_one_windows_byte_is_refused_at_that_byte(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    for bom in (b"", b"\xef\xbb\xbf"):
        path = tmp_path / "mixed.csv"
        path.write_bytes(bom + ROWS.encode("utf-8") + b"Sell,Deals \x80,Bo Li,Vertrieb,5\n")
        code, out = imported(site, path)
        assert code == 1, out
        assert out == (
            "mixed.csv:3: error IMP001: mixed.csv, line 3, column 12: byte 0x80 is not UTF-8, "
            "while the rest of the file is: the file is not read, so that no letter of it is "
            "garbled; open it in a text editor, retype that character and save the file as "
            "UTF-8, then import again\n"
            "okrsite: import failed, 1 error, 0 warnings; nothing was written\n"
        ), out
        assert not (site / "content/objectives/vertrieb").exists()


def test_a_windows_1252_file_is_read_so_with_a_warning(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = tmp_path / "ansi.csv"
    path.write_bytes(ROWS.encode("cp1252") + "Sell,Deals in €,Bo Li,Vertrieb,5\n".encode("cp1252"))
    code, out = imported(site, path)
    assert code == 0, out
    assert out.startswith(
        "ansi.csv:2:11: warning IMP210: the file is not UTF-8 (byte 0xfc here is no UTF-8): "
        "it is read as Windows-1252, as Excel saves 'CSV' on Windows (hint: save it as "
        "'CSV UTF-8' (Excel: Save As, then 'CSV UTF-8'), so that its letters are read as "
        "written whatever the encoding)\n"
    ), out
    text = (site / "content/objectives/vertrieb/grow.md").read_text(encoding="utf-8")
    assert "owner: Jürgen Weiß\n" in text, text
    sell = (site / "content/objectives/vertrieb/sell.md").read_text(encoding="utf-8")
    assert "title: Deals in €\n" in sell, sell


def test_the_windows_warning_names_the_files_line_below_a_cell_of_two_lines(
    tmp_path: Path,
) -> None:
    site = site_at(tmp_path)
    path = tmp_path / "ansi.csv"
    path.write_bytes(
        'Objective,Key result,Notes,Target\nGrow,ARR,"one\ntwo",10\nSell,Deals,Größe,5\n'.encode(
            "cp1252"
        )
    )
    code, out = imported(site, path, "--dry-run")
    assert code == 0, out
    assert out.startswith("ansi.csv:4:14: warning IMP210: the file is not UTF-8 (byte 0xf6"), out


# ------------------------------------------------------------------ 4. hidden rows and sheets


def test_hidden_rows_and_sheets_are_left_out_and_named(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "OKRs"
    ws.append(["Objective", "Key result", "Target"])
    ws.append(["Grow", "ARR", 10])
    ws.append(["Grow", "Old KR", 3])
    ws.append(["Retired goal", "Gone", 1])
    ws.append(["Retired goal", "Gone too", 2])
    ws.append(["Grow", "Deals", 5])
    for row in (3, 4, 5):
        ws.row_dimensions[row].hidden = True
    archive = book.create_sheet("Archive")
    archive.append(["Objective", "Key result", "Target"])
    archive.append(["Ancient", "Thing", 1])
    archive.sheet_state = "hidden"
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    code, out = imported(site, path)
    assert code == 0, out
    assert out.splitlines()[:2] == [
        "hidden.xlsx:3: warning IMP211: rows 3-5 of sheet 'OKRs' are hidden, so they are not "
        "imported (what a sheet hides is most often no longer used) (hint: to import them, "
        "unhide them (select the rows around, right-click, then Unhide) and import again; "
        "delete them to leave them out without this warning)",
        "hidden.xlsx[Archive]: warning IMP211: sheet 'Archive' is hidden, so it is not "
        "imported (what a workbook hides is most often no longer used) (hint: to import it, "
        "unhide it (right-click a sheet's tab, then Unhide) and import again; delete it to "
        "leave it out without this warning)",
    ], out
    text = (site / "content/objectives/grow.md").read_text(encoding="utf-8")
    assert "title: ARR\n" in text and "title: Deals\n" in text, text
    assert "Old KR" not in text, text
    assert sorted(p.name for p in (site / "content/objectives").iterdir()) == [".keep", "grow.md"]


# ------------------------------------------------------------------ 5. line breaks in Owner


def test_an_owner_cell_with_a_line_break_names_co_owners(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "owners.csv",
        'Objective,Key result,Owner,Target\nGrow,ARR,"Uma Diaz\nTom Lee",10\n',
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert out.startswith(
        "owners.csv:2:3: warning IMP201: row 2, column C 'Owner': an objective has one owner: "
        "the first, 'Uma Diaz', is imported; not 'Tom Lee' (hint: name one person; another "
        "can own a key result: write them in the Owner cell of its row)\n"
    ), out
    text = (site / "content/objectives/grow.md").read_text(encoding="utf-8")
    assert "owner: Uma Diaz\n" in text, text

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Objective", "Key result", "Owner", "Target"])
    ws.append(["Sell", "Deals", "Diaz, Uma\r\nLee, Tom", 5])
    path = tmp_path / "owners.xlsx"
    book.save(path)
    code, out = imported(site, path)
    assert code == 0, out
    assert "an objective has one owner: the first, 'Uma Diaz', is imported; not 'Tom Lee'" in out
    text = (site / "content/objectives/sell.md").read_text(encoding="utf-8")
    assert "owner: Uma Diaz\n" in text, text


# ------------------------------------------------------------------ 6. two-digit years


def test_a_due_date_with_a_two_digit_year_says_to_write_it_in_full(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(tmp_path, "due.csv", "Objective,Key result,Target,Due\nGrow,ARR,10,23.11.26\n")
    code, out = imported(site, path)
    assert code == 1, out
    assert out == (
        "due.csv:2:4: error IMP103: row 2, column D 'Due': '23.11.26' is not a date: its "
        "year has two digits (hint: write the year in full, as in 23.11.2026)\n"
        "okrsite: import failed, 1 error, 0 warnings; nothing was written\n"
    ), out
