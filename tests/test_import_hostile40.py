"""okrsite import, hostile-input audit 40: nothing written through a linked
folder (out of the site, or into one ``check`` skips), a dangling link where
a file would go said by the dry run too, a bracketed cell read in linear
time, and a cycle written as a label above a full header row."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import files_of, write_site
from import_sheets import TOML, imported, sheet, site_at
from openpyxl import Workbook

SUPPORT = "Objective,Key result,Team,Start,Target\nGrow,Revenue,Support,1,10\n"


# ------------------------------------------------------------------ 1. links
@pytest.mark.parametrize("dry_run", [False, True])
def test_a_team_folder_linked_out_of_the_site_is_refused(tmp_path: Path, dry_run: bool) -> None:
    site = site_at(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (site / "content/objectives/support").symlink_to(outside)
    before = files_of(site)
    path = sheet(tmp_path, "imp.csv", SUPPORT)
    code, out = imported(site, path, *(["--dry-run"] if dry_run else []))
    assert code == 1, out
    assert out == (
        "okrsite: cannot write content/objectives/support/grow.md: its folder "
        "content/objectives/support is a link that leads outside the site, to "
        f"{outside}, and okrsite writes only into the site's own folders (check skips a "
        "linked folder); replace the link with a real folder (or give the rows another "
        "team), then import again\n"
        "okrsite: import failed; nothing was written\n"
    )
    assert list(outside.iterdir()) == []
    assert files_of(site) == before


def test_a_team_folder_linked_inside_the_site_is_refused(tmp_path: Path) -> None:
    """``check`` skips a linked folder: a file written there would be lost."""
    site = site_at(tmp_path)
    (site / "content/objectives/help").mkdir()
    (site / "content/objectives/support").symlink_to(site / "content/objectives/help")
    code, out = imported(site, sheet(tmp_path, "imp.csv", SUPPORT))
    assert code == 1, out
    assert (
        "its folder content/objectives/support is a link that leads to "
        "content/objectives/help, and okrsite writes only"
    ) in out, out
    assert list((site / "content/objectives/help").iterdir()) == []


def test_the_writer_refuses_a_link_that_appears_after_the_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: the folder is linked between the look and the write."""
    import okrsite.cli_data_in

    site = site_at(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (site / "content/objectives/support").symlink_to(outside)
    monkeypatch.setattr(okrsite.cli_data_in, "_blocked_paths", lambda root, files: [])
    code, out = imported(site, sheet(tmp_path, "imp.csv", SUPPORT))
    assert code == 1, out
    assert out == (
        "okrsite: import failed: cannot write content/objectives/support/grow.md: "
        "content/objectives/support is a link, and okrsite writes only into the site's own "
        "folders; nothing was written\n"
    )
    assert list(outside.iterdir()) == []


def test_a_linked_content_folder_inside_the_site_is_still_written(tmp_path: Path) -> None:
    """The site reads its content folder through a link that stays inside it."""
    site = write_site(
        tmp_path / "site",
        {"okrsite.toml": TOML + 'content_dir = "goals"\n', "real/objectives/.keep": ""},
    )
    (site / "goals").symlink_to(site / "real")
    code, out = imported(site, sheet(tmp_path, "imp.csv", SUPPORT))
    assert code == 0, out
    assert "okrsite: wrote goals/objectives/support/grow.md\n" in out, out
    assert (site / "real/objectives/support/grow.md").is_file()


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_dangling_link_where_the_file_goes_is_a_clash(tmp_path: Path, dry_run: bool) -> None:
    site = site_at(tmp_path)
    (site / "content/objectives/sales").mkdir()
    (site / "content/objectives/sales/sell.md").symlink_to(tmp_path / "nowhere.md")
    path = sheet(tmp_path, "imp.csv", "Objective,Key result,Team,Target\nSell,Deals,Sales,10\n")
    code, out = imported(site, path, *(["--dry-run"] if dry_run else []))
    assert code == 1, out
    assert out == (
        "okrsite: cannot write content/objectives/sales/sell.md: a link is there already, "
        "and it points nowhere; remove the link (or give the row's objective another title), "
        "then import again\n"
        "okrsite: import failed; nothing was written\n"
    )
    assert not (tmp_path / "nowhere.md").exists()


# ------------------------------------------------------------------ 2. brackets
@pytest.mark.parametrize(
    "cell",
    ['"(1' + " " * 100_000 + 'x"', '"' + " " * 100_000 + 'x"', '"$' + " " * 100_000 + '(5x"'],
)
def test_a_long_cell_is_read_in_linear_time(tmp_path: Path, cell: str) -> None:
    site = site_at(tmp_path)
    for name, text in (
        ("point.csv", f"Objective,Key result,Start,Target\nGrow,Revenue,{cell},10\n"),
        ("comma.csv", f"Objective;Key result;Start;Target\nGrow;Revenue;{cell};10\n"),
    ):
        path = sheet(tmp_path, name, text)
        began = time.monotonic()
        code, out = imported(site, path, "--dry-run")
        assert time.monotonic() - began < 5, name
        assert code == 1, out
        assert "IMP1" in out, out


@pytest.mark.parametrize(
    ("cell", "start"),
    [
        ('"($50,000.00)"', "-50000"),
        ('"$ (50,000.00)"', "-50000"),
        ('"(1.234,50 €)"', "-1234.5"),
        ("(5)", "-5"),
    ],
)
def test_accounting_negatives_are_still_read(tmp_path: Path, cell: str, start: str) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path, "imp.csv", f"Objective,Key result,Start,Target\nGrow,Revenue,{cell},10\n"
    )
    code, out = imported(site, path, "--dry-run")
    assert code == 0, out
    assert f"    start: {start}\n" in out, out


def test_a_bracketed_negative_is_refused(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(tmp_path, "imp.csv", "Objective,Key result,Start,Target\nGrow,Revenue,(-5),10\n")
    code, out = imported(site, path, "--dry-run")
    assert code == 1, out
    assert "(-5)" in out, out


# ------------------------------------------------------------------ 3. a label row above
def label_csv(tmp_path: Path, label: str) -> Path:
    return sheet(
        tmp_path,
        "imp.csv",
        f",,{label},,\nObjective,Key result,Start,Target,Current\nGrow,Orders,0,10,5\n",
    )


def label_xlsx(tmp_path: Path, label: str) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append([None, None, label, None, None])
    ws.append(["Objective", "Key result", "Start", "Target", "Current"])
    ws.merge_cells("C1:E1")
    ws.append(["Grow", "Orders", 0, 10, 5])
    path = tmp_path / "imp.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("make", [label_csv, label_xlsx])
def test_a_cycle_above_a_full_header_is_the_rows_cycle(tmp_path: Path, make: object) -> None:
    site = site_at(tmp_path)
    code, out = imported(site, make(tmp_path, "Q3 2026"))  # type: ignore[operator]
    assert code == 0, out
    assert "IMP" not in out, out
    text = (site / "content/objectives/grow.md").read_text(encoding="utf-8")
    assert "cycle: 2026-Q3\n" in text, text
    assert "    start: 0\n    target: 10\n    current: 5\n" in text, text


@pytest.mark.parametrize(("make", "name"), [(label_csv, "imp.csv"), (label_xlsx, "imp.xlsx")])
def test_a_label_above_a_full_header_naming_no_cycle_is_warned_about(
    tmp_path: Path, make: object, name: str
) -> None:
    site = site_at(tmp_path)
    code, out = imported(site, make(tmp_path, "FY26 plan"))  # type: ignore[operator]
    assert code == 0, out
    assert (
        f"{name}:1:3: warning IMP208: row 1, column C 'FY26 plan': the group label over "
        "columns C to E names no cycle okrsite knows: it is not imported, and the rows take "
        "the cycle --cycle or default_cycle gives (hint: write the cycle like 2026-Q3 (or Q3 "
        "2026) in the label or in a Cycle column, or define it in okrsite.toml as "
        '[cycles."FY26 plan"] with start and end dates)'
    ) in out, out
    text = (site / "content/objectives/grow.md").read_text(encoding="utf-8")
    assert "cycle: 2026-Q4\n" in text, text


def test_a_title_above_the_header_is_no_group_label(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "imp.csv",
        "OKRs Q3 2026,,,,\nObjective,Key result,Start,Target,Current\nGrow,Orders,0,10,5\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "IMP" not in out, out
    text = (site / "content/objectives/grow.md").read_text(encoding="utf-8")
    assert "cycle: 2026-Q4\n" in text, text
