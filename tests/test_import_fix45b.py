"""okrsite import, spreadsheet audit 45 (findings 4, 5, 8, 9, 10): another
tool's Type layout, wrong file types, key-result owners through a round
trip, the Swiss thousands mark ``’`` and the smaller messages."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import copy_example, run_cli, write_site
from import_sheets import imported, sheet, site_at
from openpyxl import Workbook


def written(site: Path, name: str) -> str:
    return (site / "content/objectives" / name).read_text(encoding="utf-8")


def exported(site: Path, *more: str) -> str:
    code, out = run_cli("export", "--site", str(site), *more)
    assert code == 0, out
    return out


# ------------------------------------------------------------------ 9. Swiss ’ groups thousands
def test_swiss_typographic_apostrophe_groups_thousands_in_a_sheet(tmp_path: Path) -> None:
    """Windows' de-CH locale writes ``1’500’000`` (U+2019); before, IMP102."""
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "ch.csv",
        'Objective,Key result,Start,Target,Current\nGrow,ARR,0,"1’500’000",1’250\n',
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "IMP102" not in out, out
    text = written(site, "grow.md")
    assert "target: 1500000\n" in text, text
    assert "current: 1250\n" in text, text


def test_swiss_typographic_apostrophe_groups_thousands_in_a_goal_file(tmp_path: Path) -> None:
    """The core reader reads it, so a goal file does too (before, OKR102)."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\ndefault_cycle = "2026-Q4"\n',
            "content/objectives/grow.md": (
                "---\ntitle: Grow\nowner: Ann\nkey_results:\n"
                "  - {id: arr, title: ARR, start: 0, target: 1’500’000, current: 750’000}\n---\n"
            ),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR102" not in out, out
    portfolio = json.loads(exported(site))
    kr = portfolio["objectives"][0]["key_results"][0]
    assert (kr["target"], kr["current"], kr["progress"]) == (1500000, 750000, 0.5)


# ------------------------------------------------------------------ 5. wrong file types
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00\x01junk" * 40


def test_an_old_xls_workbook_is_refused_with_how_to_save_it(tmp_path: Path) -> None:
    """Before: a usage error (exit 2) sending the user to --format, which failed."""
    site = site_at(tmp_path)
    path = tmp_path / "okrs.xls"
    path.write_bytes(OLE)
    code, out = imported(site, path, "--dry-run")
    assert code == 1, out
    assert "okrs.xls: error IMP001: okrs.xls is an Excel 97-2003 workbook (.xls)" in out, out
    assert "File > Save As > Excel Workbook" in out, out
    assert "cannot tell the format" not in out and "zip" not in out, out
    code, out = imported(site, path, "--format", "xlsx")
    assert code == 1 and "Excel 97-2003 workbook (.xls)" in out, out


def test_a_password_protected_or_mislabelled_xlsx_says_what_it_is(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    protected = tmp_path / "protected.xlsx"
    protected.write_bytes(OLE)  # Excel keeps an encrypted workbook in an OLE file
    code, out = imported(site, protected)
    assert code == 1, out
    assert "File is not a zip file" not in out, out
    assert "protected by a password" in out and "save it without a password" in out, out
    text = tmp_path / "okrs.xlsx"
    text.write_text("Objective,Key result,Target,Current\nGrow,ARR,10,5\n", encoding="utf-8")
    code, out = imported(site, text)
    assert code == 1, out
    assert "okrs.xlsx is text, not an Excel workbook (.xlsx)" in out, out
    assert "rename it .csv or pass --format csv" in out, out
    code, out = imported(site, text, "--format", "csv")
    assert code == 0, out
    assert (site / "content/objectives/grow.md").exists()


def test_a_workbook_given_to_format_csv_is_named_a_workbook(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    book = Workbook()
    book.active.append(["Objective", "Key result", "Target", "Current"])
    book.active.append(["Grow", "ARR", 10, 5])
    path = tmp_path / "okrs.xlsx"
    book.save(path)
    code, out = imported(site, path, "--format", "csv")
    assert code == 1, out
    assert "okrs.xlsx is a workbook (a zip archive, as .xlsx is), not CSV text" in out, out
    assert "pass --format xlsx" in out and "UTF-8" not in out, out


# ------------------------------------------------------------------ 8. key-result owners
OWNED = (
    "Objective,Key result,Owner,Team,Target,Current\n"
    "Grow EMEA,ARR,Uma Diaz,Sales,10,5\n"
    ',New logos,"Lee, Tom",,12,5\n'
)


def test_a_kr_owner_column_is_read(tmp_path: Path) -> None:
    """Before: "columns not imported: 'KR Owner'"."""
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "kr.csv",
        "Objective,Key result,Owner,KR Owner,Target,Current\n"
        "Grow EMEA,ARR,Uma Diaz,Ana Ruiz,10,5\n"
        "Grow EMEA,New logos,Uma Diaz,,12,5\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "not imported" not in out, out
    text = written(site, "grow-emea.md")
    assert "owner: uma-diaz\n" in text or "owner: Uma Diaz\n" in text, text
    assert "    owner: Ana Ruiz\n" in text, text
    assert text.count("owner:") == 2, text


def test_key_result_owners_survive_a_round_trip_through_export(tmp_path: Path) -> None:
    """docs/import.md: owners are kept. Before, the export had no key-result
    owner, so the re-imported KR had none."""
    site = site_at(tmp_path)
    code, out = imported(site, sheet(tmp_path, "okrs.csv", OWNED))
    assert code == 0, out
    assert "    owner: Tom Lee\n" in written(site, "sales/grow-emea.md")
    portfolio = json.loads(exported(site))
    krs = {kr["id"]: kr for kr in portfolio["objectives"][0]["key_results"]}
    assert krs["new-logos"]["owner"] == "Tom Lee" and krs["arr"]["owner"] is None, krs
    rows = exported(site, "--format", "csv").splitlines()
    assert rows[0].endswith(",kr_status,kr_owner"), rows[0]
    assert rows[2].endswith(",Tom Lee") and rows[1].endswith(","), rows
    for fmt, text in (("csv", "\n".join(rows) + "\n"), ("json", json.dumps(portfolio))):
        again = site_at(tmp_path / fmt)
        code, out = imported(again, sheet(tmp_path, f"export.{fmt}", text))
        assert code == 0, out
        kept = written(again, "sales/grow-emea.md")
        assert "    owner: Tom Lee\n" in kept, (fmt, kept)
        assert kept.count("owner:") == 2, (fmt, kept)


# ------------------------------------------------------------------ 4. a Type column's layout
VIVA = (
    "Title,Type,Owner,Team,Time Period,Start Value,Target Value,Current Value,Metric Unit,"
    "Progress,Status,Parent\n"
    "Grow EMEA revenue,Objective,Uma Diaz,Sales,Q4 2026,,,,,42%,On Track,\n"
    "Close new ARR,Key Result,Uma Diaz,Sales,Q4 2026,0,2000000,850000,$,42%,On Track,"
    "Grow EMEA revenue\n"
)


def test_a_type_column_layout_gets_one_error_naming_it(tmp_path: Path) -> None:
    """Before: IMP002 sent the user to --map, and after it every row was an
    IMP101 ("key result values" on the objective's own row)."""
    site = site_at(tmp_path)
    path = sheet(tmp_path, "viva.csv", VIVA)
    for more in ((), ("--map", "Title=objective")):
        code, out = imported(site, path, "--dry-run", *more)
        assert code == 1, out
        assert "viva.csv:1: error IMP002: column B 'Type' says whether a row is an objective" in out
        assert "Viva Goals, Perdoo and Lattice" in out, out
        assert "in a column named Objective" in out and "a column named Key result" in out, out
        assert "IMP101" not in out and "--map 'YOUR HEADER" not in out, out
        assert out.count(": error IMP") == 1, out


# ------------------------------------------------------------------ 10. SMART goals round trip
def test_smart_goals_stay_specific_through_a_json_round_trip(tmp_path: Path) -> None:
    """import.md: "the imported site checks clean". Before, the export left the
    goals' bodies behind, so the re-imported soc2-evidence, sdr-ramp and
    kb-deflection were "not Specific" (OKR405)."""
    example = copy_example(tmp_path / "example")
    portfolio = json.loads(exported(example))
    assert all(g["smart"]["S"] for g in portfolio["goals"]), portfolio["goals"]
    site = write_site(
        tmp_path / "again",
        {"okrsite.toml": (example / "okrsite.toml").read_text(encoding="utf-8")},
    )
    code, out = imported(site, sheet(tmp_path, "portfolio.json", json.dumps(portfolio)))
    assert code == 0, out
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR405" not in out, out
    again = json.loads(exported(site))
    assert [g["smart"] for g in again["goals"]] == [g["smart"] for g in portfolio["goals"]]


def test_a_confidence_out_of_range_says_how_to_write_one(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "c.csv",
        "Objective,Key result,Target,Current,Confidence,Score\nGrow,ARR,10,5,12,1.5\n",
    )
    code, out = imported(site, path)
    assert code == 1, out
    assert (
        "c.csv:2:5: error IMP105: row 2, column E 'Confidence': confidence 12 is outside 0-10 (hint: write a whole number from 0"
        in out
    ), out
    assert "score 1.5 is outside 0-1 (hint: write the end-of-cycle grade from 0 to 1" in out, out
