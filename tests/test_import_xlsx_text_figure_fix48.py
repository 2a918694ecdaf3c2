"""A workbook's text cell ``1,200`` on a German site is refused as a CSV file's is.

Session 48: ``okrsite import`` of an .xlsx workbook whose Target is the TEXT
``1,200`` (an English sheet's 1200 customers, typed as text) on a site with
``language = "de"`` imported 1.2 with warning IMP204, while the same figure
quoted in a CSV file separated by commas is refused (IMP111) with both
readings. A workbook is no more the site's language than that CSV file is:
the text cell is refused by the same rule, and nothing is written; a number
cell (1200) is a number and imports as it is, and a text figure with
decimals settles the file's decimal mark as before. Real .xlsx files
(openpyxl) through the real CLI.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site
from openpyxl import Workbook

HEADER = ["Objective", "Key result", "Owner", "Cycle", "Start", "Target", "Current"]


def _site(tmp_path: Path, language: str) -> Path:
    return write_site(
        tmp_path / f"site-{language}",
        {"okrsite.toml": f'title = "Sheet"\nas_of = 2026-11-20\nlanguage = "{language}"\n'},
    )


def _book(path: Path, *rows: list[object]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _imported(site: Path, sheet: Path) -> tuple[int, str]:
    return run_cli("import", str(sheet), "--site", str(site))


def test_a_text_cell_that_reads_two_ways_is_refused_on_a_german_site(tmp_path: Path) -> None:
    site = _site(tmp_path, "de")
    sheet = _book(
        tmp_path / "okrs.xlsx",
        ["Grow", "Customers", "Uma Diaz", "2026-Q4", 0, "1,200", 300],
    )
    code, out = _imported(site, sheet)
    assert code == 1, out
    assert (
        "okrs.xlsx:2:6: error IMP111: row 2, column F 'Target': '1,200' reads two ways: "
        "1200 with the comma grouping thousands, as an English sheet writes it, and 1.2 "
        "with a decimal comma, as this site's language writes it; the workbook's cell holds "
        "text, not a number, so the sheet does not say which: not imported (hint: write 1200 "
        "if the comma groups thousands, or 1,2 if it marks the decimals, or enter the figure "
        "as a number (a number cell is read as it is); one text figure with decimals (2.5, "
        "or 2,5) settles the decimal mark for the whole file)"
    ) in out, out
    assert "IMP204" not in out, out
    assert not (site / "content/objectives").exists() or not list(
        (site / "content/objectives").iterdir()
    ), out


def test_a_number_cell_is_a_number_and_a_text_decimal_settles_the_file(tmp_path: Path) -> None:
    site = _site(tmp_path, "de")
    sheet = _book(
        tmp_path / "okrs.xlsx",
        ["Grow", "Customers", "Uma Diaz", "2026-Q4", 0, 1200, 300],
    )
    code, out = _imported(site, sheet)
    assert code == 0, out
    written = (site / "content/objectives/grow.md").read_text(encoding="utf-8")
    assert "target: 1200" in written, written
    # a text figure with decimals says the file's mark: 1,200 is then 1.2
    other = _site(tmp_path / "b", "de")
    sheet = _book(
        tmp_path / "settled.xlsx",
        ["Grow", "Load time", "Uma Diaz", "2026-Q4", "2,5", "1,200", 2],
    )
    code, out = _imported(other, sheet)
    assert code == 0 and "IMP111" not in out and "IMP204" not in out, out
    written = (other / "content/objectives/grow.md").read_text(encoding="utf-8")
    assert "target: 1.2" in written, written


def test_an_english_site_still_warns_and_reads_1200(tmp_path: Path) -> None:
    site = _site(tmp_path, "en")
    sheet = _book(
        tmp_path / "okrs.xlsx",
        ["Grow", "Customers", "Uma Diaz", "2026-Q4", 0, "1,200", 300],
    )
    code, out = _imported(site, sheet)
    assert code == 0, out
    assert "warning IMP204" in out and "read as 1200" in out, out
