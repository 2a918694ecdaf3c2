"""okrsite import, migration audit 43: how a sheet's header, rows, columns
and tabs are understood. The header is the row that names the most columns
(a title line "Objectives", or a Type cell saying "Objective", is none);
a hidden first row of an objective keeps its objective for the rows under
it; an explicit ``--map`` wins over a column the built-in names match, and
two columns mapped to one field are refused; one tab per team gives the
team; key results indented under their objective are read as key results,
and a sheet with no Key result column says so. Each imports real files
through the CLI and builds the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import files_of, run_cli
from import_sheets import imported, sheet, site_at
from openpyxl import Workbook


def built(site: Path, tmp_path: Path) -> Path:
    """Build the imported site; the folder of its pages."""
    out = tmp_path / "out"
    code, text = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, text
    return out


def objectives(site: Path) -> dict[str, str]:
    folder = site / "content/objectives"
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in folder.rglob("*.md")}


# ------------------------------------------------------------------ 1. the header row
@pytest.mark.parametrize("title", ["Objectives", "Goals", "Ziele", "Objective"])
def test_a_title_line_naming_the_objective_is_not_the_header(tmp_path: Path, title: str) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "title.csv",
        f"{title}\n\nObjective,Key result,Owner,Target,Current\nGrow,Orders,Uma Diaz,10,5\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "IMP" not in out, out
    found = objectives(site)
    assert list(found) == ["grow.md"], found
    assert "owner: Uma Diaz\n" in found["grow.md"]
    assert "title: Orders\n" in found["grow.md"]
    assert "Grow" in (built(site, tmp_path) / "index.html").read_text(encoding="utf-8")


def test_a_title_merged_over_an_xlsx_header_is_not_the_header(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws["A1"] = "Objectives"
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["Objective", "Key result", "Owner", "Target", "Current"])
    ws.append(["Grow", "Orders", "Uma Diaz", 10, 5])
    path = tmp_path / "title.xlsx"
    book.save(path)
    site = site_at(tmp_path)
    code, out = imported(site, path)
    assert code == 0, out
    found = objectives(site)
    assert list(found) == ["grow.md"], (found, out)
    assert "title: Orders\n" in found["grow.md"]


def test_a_type_column_saying_objective_does_not_make_a_data_row_the_header(
    tmp_path: Path,
) -> None:
    site = site_at(tmp_path)
    before = files_of(site)
    path = sheet(
        tmp_path,
        "viva.csv",
        "Type,Title,Owner,Target Value,Current Value\n"
        "Objective,Grow revenue in EMEA,Uma Diaz,,\n"
        "Key Result,Close new ARR,Uma Diaz,2000000,800000\n",
    )
    code, out = imported(site, path)
    assert code == 1, out
    # the header is row 1, and the one error names the Type column (audit 45)
    assert "viva.csv:1: error IMP002: column A 'Type' says whether a row is an objective" in out, (
        out
    )
    assert files_of(site) == before


# ------------------------------------------------------------------ 2. a hidden first row
def test_a_hidden_first_row_keeps_its_objective_for_the_rows_under_it(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "OKRs"
    ws.append(["Objective", "Key Result", "Owner", "Team", "Quarter", "Start", "Target", "Current"])
    ws.append(["Grow revenue", "New ARR", "Uma Diaz", "Sales", "Q4 2026", 0, 100, 50])
    ws.append([None, "Logos", None, None, None, 0, 10, 5])
    ws.append(["Delight customers", "Old KR", "Ana Ruiz", "Support", "Q4 2026", 0, 10, 1])
    ws.append([None, "NPS", None, None, None, 30, 45, 36])
    ws.append([None, "CSAT", None, None, None, 80, 95, 90])
    ws.row_dimensions[4].hidden = True
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    site = site_at(tmp_path)
    code, out = imported(site, path)
    assert code == 0, out
    assert "hidden.xlsx:4: warning IMP211: row 4 of sheet 'OKRs' is hidden" in out, out
    found = objectives(site)
    assert sorted(found) == ["sales/grow-revenue.md", "support/delight-customers.md"], found
    sales, support = found["sales/grow-revenue.md"], found["support/delight-customers.md"]
    assert "title: NPS" not in sales and "title: CSAT" not in sales, sales
    assert "owner: Ana Ruiz\n" in support and "team: Support\n" in support, support
    assert "title: NPS\n" in support and "title: CSAT\n" in support, support
    assert "Old KR" not in support  # the hidden row's own key result stays out
    assert (built(site, tmp_path) / "index.html").is_file()


# ------------------------------------------------------------------ 3. --map wins
def test_an_explicit_map_wins_over_a_column_matched_by_name(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "m2.csv",
        "Objective,Key Result,Quarter,Start,Target,Stretch target,Current\n"
        "Grow,ARR,Q4 2026,0,100,150,50\n",
    )
    code, out = imported(site, path, "--map", "Stretch target=target")
    assert code == 0, out
    assert "okrsite: columns not imported: 'Target'" in out, out
    assert (
        "okrsite: note: column 'Target' is not imported: --map reads target from 'Stretch target'"
    ) in out, out
    text = objectives(site)["grow.md"]
    assert "    target: 150\n    current: 50\n" in text, text
    assert (built(site, tmp_path) / "index.html").is_file()


def test_two_columns_mapped_to_one_field_are_refused_naming_both(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    before = files_of(site)
    path = sheet(
        tmp_path, "m2.csv", "Objective,Key Result,Target,Stretch target\nGrow,ARR,100,150\n"
    )
    code, out = imported(
        site, path, "--map", "Stretch target=target", "--map", "Target=target", "--cycle", "2026-Q4"
    )
    assert code == 2, out
    assert "'Stretch target' and 'Target' are both mapped to target" in out, out
    assert files_of(site) == before


# ------------------------------------------------------------------ 7. one tab per team
def test_one_tab_per_team_gives_each_tab_s_objectives_its_team(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Platform"
    ws["A1"] = "Platform team OKRs"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["Objective", "Key Result", "Owner", "Start", "Target", "Current"])
    ws.append(["Improve quality", "Bugs open", "Tom Lee", 50, 10, 30])
    mobile = book.create_sheet("Mobile")
    mobile.append(["Objective", "Key Result", "Owner", "Start", "Target", "Current"])
    mobile.append(["Improve quality", "App rating", "Ana Ruiz", 4.1, 4.6, 4.4])
    path = tmp_path / "tabs.xlsx"
    book.save(path)
    site = site_at(tmp_path)
    code, out = imported(site, path)
    assert code == 0, out
    assert (
        "okrsite: note: sheet 'Platform' has no Team column: its name is the team of its "
        "1 objective (team: Platform)"
    ) in out, out
    found = objectives(site)
    assert sorted(found) == ["mobile/improve-quality.md", "platform/improve-quality.md"], found
    assert "team: Platform\n" in found["platform/improve-quality.md"]
    assert "team: Mobile\n" in found["mobile/improve-quality.md"]
    assert (built(site, tmp_path) / "index.html").is_file()


# ------------------------------------------------------------------ 8. indented key results
def test_key_results_indented_under_their_objective_are_its_key_results(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "indent.csv",
        "Objective,Owner,Team,Quarter,Progress\n"
        "O1: Grow revenue in EMEA,Uma Diaz,Sales,Q4 2026,\n"
        "    KR1.1: Close $2M new ARR,Uma Diaz,Sales,Q4 2026,40%\n"
        "    KR1.2: Sign 10 new logos,Bo Li,Sales,Q4 2026,60%\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert (
        "okrsite: note: column 'Objective' holds key results indented under their objective "
        "(2 rows): each is read as its row's key result"
    ) in out, out
    found = objectives(site)
    assert list(found) == ["sales/o1-grow-revenue-in-emea.md"], found
    text = found["sales/o1-grow-revenue-in-emea.md"]
    assert 'title: "KR1.1: Close $2M new ARR"\n' in text, text
    assert "    current: 60\n" in text and "owner: Bo Li\n" in text, text
    assert (built(site, tmp_path) / "index.html").is_file()


def test_figures_with_no_key_result_column_say_the_column_is_missing(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "flat.csv",
        "Objective,Owner,Target,Current\nGrow revenue,Uma Diaz,,\nClose deals,Uma Diaz,10,4\n",
    )
    code, out = imported(site, path, "--cycle", "2026-Q4")
    assert code == 1, out
    assert (
        "flat.csv:3:1: error IMP101: row 3, column A 'Objective': this row has key result "
        "values, but the sheet has no Key result column to give them a title (hint: put the "
        "key results' titles in a column of their own (Key result)"
    ) in out, out
