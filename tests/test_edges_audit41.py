"""Edges an audit found: a time zone no clock shows (``+25:00``, ``+99:99``),
which moved a reading by days and so decided which reading of a day
counted; an .xlsx sheet whose filter hides every row under its header, or
hides the header row itself; and the old path of a file that moved along
with its site in ``okrsite diff --format markdown``."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site
from import_sheets import imported, site_at
from openpyxl import Workbook

# ------------------------------------------------------------------ 1. impossible zones


def _kpi_site(root: Path, rows: str, checkins: dict[str, str]) -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-30\n',
            "content/kpis/t.md": "---\ntitle: Tickets\ndata: data/t.csv\n"
            "target: 5\ndirection: up\n---\n",
            "content/data/t.csv": "date,value\n" + rows,
            **{
                f"content/checkins/{name}.md": f"---\nkpi: t\ndate: {when}\nvalue: 3\n---\n"
                for name, when in checkins.items()
            },
        },
    )


def test_a_zone_no_clock_shows_makes_the_date_unreadable(tmp_path: Path) -> None:
    rows = (
        "2026-11-25T09:00:00+25:00,4.3\n"
        "2026-11-25T08:00:00Z,4.4\n"
        "2026-11-26T12:00:00+99:99,4.5\n"
        "2026-11-27T12:00:00+14:00,4.6\n"
        "2026-11-28T12:00:00-1400,4.7\n"
    )
    checkins = {
        "a": "2026-11-30T10:00:00+99:99",
        "b": "2026-11-29T10:00:00+14:00",
        "c": "2026-11-28T10:00:00-14:01",
        "d": "2026-11-27 10:00 +05:60",
    }
    root = _kpi_site(tmp_path / "site", rows, checkins)
    code, out = run_cli("check", "--site", str(root))
    assert code == 1, out
    hint = "(hint: write a zone from -14:00 to +14:00, as +01:00 or Z, or leave it out)"
    # a check-in's message names the zone, as a data file's row does
    assert [ln for ln in out.splitlines() if "OKR" in ln] == [
        "content/checkins/a.md:3:7: error OKR104: date names the time zone +99:99, which no "
        f"clock shows: '2026-11-30T10:00:00+99:99' {hint}",
        "content/checkins/c.md:3:7: error OKR104: date names the time zone -14:01, which no "
        f"clock shows: '2026-11-28T10:00:00-14:01' {hint}",
        "content/checkins/d.md:3:7: error OKR104: date names the time zone +05:60, which no "
        f"clock shows: '2026-11-27 10:00 +05:60' {hint}",
        "content/data/t.csv:2:1: error OKR203: '2026-11-25T09:00:00+25:00' names the time "
        f"zone +25:00, which no clock shows {hint}",
        "content/data/t.csv:4:1: error OKR203: '2026-11-26T12:00:00+99:99' names the time "
        f"zone +99:99, which no clock shows {hint}",
    ], out
    # no OKR206: the +25:00 row no longer overrules the day's reading at 08:00 UTC
    assert "OKR206" not in out


def test_the_checkin_command_refuses_a_zone_no_clock_shows(tmp_path: Path) -> None:
    root = _kpi_site(tmp_path / "site", "2026-11-24,4\n", {})
    code, out = run_cli(
        "checkin", "t", "--date", "2026-11-29T10:00+25:00", "--value", "4", "--site", str(root)
    )
    assert code == 2, out
    assert out.splitlines()[-1] == (
        "Error: Invalid value for '--date': '2026-11-29T10:00+25:00' names the time zone "
        "+25:00, which no clock shows; write a zone from -14:00 to +14:00 "
        "(2026-11-29T14:05+01:00, 2026-11-29T14:05Z), or leave it out"
    ), out
    # a zone as far as clocks go is kept as typed (audit 43: it was dropped)
    code, out = run_cli(
        "checkin", "t", "--date", "2026-11-29T10:00+14:00", "--value", "4", "--site", str(root)
    )
    assert code == 0, out
    written = (root / "content/checkins/t/2026-11-29.md").read_text(encoding="utf-8")
    assert "date: 2026-11-29T10:00+14:00\n" in written, written


# ------------------------------------------------------------------ 2. hidden rows


def _workbook(path: Path, hidden: list[int]) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "OKRs"
    ws.append(["Objective", "Key result", "Target"])
    for i in range(5):
        ws.append(["Grow", f"KR {i}", 10 + i])
    for row in hidden:
        ws.row_dimensions[row].hidden = True
    book.save(path)
    return path


def test_a_filter_that_hides_every_row_says_so(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = _workbook(tmp_path / "filtered.xlsx", [2, 3, 4, 5, 6])
    code, out = imported(site, path)
    assert code == 1, out
    assert (
        "filtered.xlsx:2: error IMP001: filtered.xlsx: every row under its header (row 1 of "
        "sheet 'OKRs') is hidden (rows 2-6): nothing to import; unhide them (select the rows "
        "around, right-click, then Unhide) or clear the sheet's filter, and import again"
    ) in out.splitlines(), out
    assert "has no rows under its header" not in out
    # and the warning that names every sheet's hidden rows, as import.md promises
    assert out.splitlines()[0].startswith(
        "filtered.xlsx:2: warning IMP211: rows 2-6 of sheet 'OKRs' are hidden, so they are not imported"
    ), out
    assert out.splitlines()[-1] == "okrsite: import failed, 1 error, 1 warning; nothing was written"
    assert not (site / "content/objectives/grow.md").exists()


def test_a_hidden_header_row_is_still_the_header(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = _workbook(tmp_path / "header.xlsx", [1])
    code, out = imported(site, path)
    assert code == 0, out
    assert "IMP002" not in out and "IMP211" not in out, out
    text = (site / "content/objectives/grow.md").read_text(encoding="utf-8")
    assert [ln for ln in text.splitlines() if "title: KR" in ln] == [
        f"    title: KR {i}" for i in range(5)
    ], text
