"""okrsite import, migration audit 43 (findings 4, 5, 6, 9, 10): the status
words other OKR tools export, ``--cycle`` read as a cycle cell is, owners
written "Last, First", a did-you-mean for an unknown parent, a confidence
of ``7/10``, another tool's JSON, and Viva Goals' and Lattice's headers."""

from __future__ import annotations

from pathlib import Path

from conftest import files_of, run_cli
from import_sheets import imported, sheet, site_at
from openpyxl import Workbook


def written(site: Path, name: str) -> str:
    return (site / "content/objectives" / name).read_text(encoding="utf-8")


# ------------------------------------------------------------------ 4. other tools' status words
def test_other_tools_status_words_import_with_a_located_warning(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "status.csv",
        "Objective,Key result,Target,Current,Status\n"
        "Grow,Orders,10,5,Behind\n"
        "Grow,Leads,10,5,Not started\n"
        "Grow,Calls,10,10,Completed\n"
        "Keep,Churn,3,4,Needs attention\n"
        "Keep,NPS,40,30,On hold\n"
        "Keep,CSAT,90,91,Closed\n"
        "Keep,Upsell,10,2,Cancelled\n"
        "Keep,Docs,10,2,On track\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "error" not in out, out
    assert (
        "status.csv:2:5: warning IMP215: row 2, column E 'Status': status 'Behind' is not "
        "imported: okrsite works out how a key result is going from its progress and pace"
    ) in out, out
    for row, word in ((3, "Not started"), (5, "Needs attention"), (6, "On hold")):
        assert (
            f"status.csv:{row}:5: warning IMP215: row {row}, column E 'Status': status {word!r}"
            in out
        )
    # a finished goal is said to count as achieved by its figures
    assert "status 'Completed' is not imported" in out
    assert "give it a current figure at its target" in out
    assert "status.csv:7:5: warning IMP215" in out  # Closed
    assert "--map 'Status=ignore' reads past the column" in out
    # "Cancelled" is okrsite's dropped; okrsite's own computed words are read past silently
    assert "'Cancelled'" not in out and "'On track'" not in out, out
    keep = written(site, "keep.md")
    assert (
        "  - id: upsell\n    title: Upsell\n    start: 0\n    target: 10\n    current: 2\n    status: dropped\n"
        in keep
    ), keep
    assert keep.count("status:") == 1, keep
    assert "status" not in written(site, "grow.md")
    code, out = run_cli("check", "--site", str(site))
    assert "OKR1" not in out, out


def test_an_objective_status_column_maps_cancelled_to_dropped(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "o.csv",
        "Objective,Objective status,Key result,Target,Current\n"
        "Grow,Cancelled,Orders,10,5\n"
        "Keep,At risk,Churn,3,4\n"
        "Sell,Paused,Deals,3,4\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "status: dropped\n" in written(site, "grow.md")
    assert "status" not in written(site, "keep.md")
    assert "o.csv:4:2: warning IMP215: row 4, column B 'Objective status': status 'Paused'" in out
    assert "how an objective is going" in out
    assert "IMP215" not in out.split("o.csv:4:2")[0], out


# ------------------------------------------------------------------ 5. --cycle as a cycle cell
def test_cycle_option_is_read_as_a_cycle_cell_is(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(tmp_path, "c.csv", "Objective,Key result,Target,Current\nGrow,Orders,10,5\n")
    code, out = imported(site, path, "--cycle", "Q1 2027")
    assert code == 0, out
    assert "IMP108" not in out, out
    assert "cycle: 2027-Q1\n" in written(site, "grow.md")
    other = site_at(tmp_path / "other")
    code, out = imported(other, path, "--cycle", "q1-2027")
    assert code == 0, out
    assert "cycle: 2027-Q1\n" in written(other, "grow.md")


# ------------------------------------------------------------------ 6. owners "Last, First"
def test_owners_written_last_name_first_are_one_person_each(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "own.csv",
        "Objective,Key result,Owner,Target,Current\n"
        'Grow,Orders,"Diaz, Uma; Lee, Tom",10,5\n'
        'Keep,Churn,"Diaz, Uma Maria",3,4\n'
        'Sell,Deals,"van der Berg, Anna",3,4\n'
        'Ship,Docs,"Tom Lee, Ana Ruiz",3,4\n'
        'Hire,Hires,"Ruiz, Ana & Li, Bo",3,4\n',
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "owner: Uma Diaz\n" in written(site, "grow.md")
    assert (
        "own.csv:2:3: warning IMP201: row 2, column C 'Owner': an objective has one owner: "
        "the first, 'Uma Diaz', is imported; not 'Tom Lee'"
    ) in out, out
    assert "owner: Uma Maria Diaz\n" in written(site, "keep.md")
    assert "owner: Anna van der Berg\n" in written(site, "sell.md")
    assert "owner: Ana Ruiz\n" in written(site, "hire.md")
    assert "not 'Bo Li'" in out
    # "First Last, First Last" stays two co-owners
    assert "owner: Tom Lee\n" in written(site, "ship.md")
    assert "the first, 'Tom Lee', is imported; not 'Ana Ruiz'" in out
    assert out.count("IMP201") == 3, out
    for line in out.splitlines():
        assert "'Uma'" not in line and "'Anna'" not in line and "'Uma Maria'" not in line, out


def test_xlsx_owners_last_name_first_with_a_semicolon(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Objective", "Key result", "Owner", "Target", "Current"])
    ws.append(["Grow", "Orders", "Lee, Tom; Ruiz, Ana", 10, 5])
    path = tmp_path / "dates.xlsx"
    book.save(path)
    code, out = imported(site, path)
    assert code == 0, out
    assert "owner: Tom Lee\n" in written(site, "grow.md")
    assert "the first, 'Tom Lee', is imported; not 'Ana Ruiz'" in out, out


# ------------------------------------------------------------------ 9. unknown parent: closest title
def test_an_unknown_parent_names_the_closest_title(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "par.csv",
        "Objective,Key result,Target,Current,Parent\n"
        "Grow revenue in EMEA,ARR,10,5,\n"
        "Sell more,Deals,10,5,Grow revenu in EMEA\n",
    )
    before = files_of(site)
    code, out = imported(site, path)
    assert code == 1, out
    assert (
        "par.csv:3:5: error IMP107: row 3: parent 'Grow revenu in EMEA' names no objective of "
        "this file or the site (hint: did you mean 'Grow revenue in EMEA'? write the parent "
        "objective's title or id"
    ) in out, out
    assert files_of(site) == before


# ------------------------------------------------------------------ 10. messages and headers
def test_a_confidence_out_of_ten_is_read_and_text_gets_the_confidence_forms(
    tmp_path: Path,
) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "conf.csv",
        "Objective,Key result,Target,Current,Confidence\nGrow,Orders,10,5,7/10\nKeep,Churn,3,4,4/5\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    checkins = sorted((site / "content/checkins").rglob("*.md"))
    texts = "".join(p.read_text(encoding="utf-8") for p in checkins)
    assert "confidence: 7\n" in texts and "confidence: 8\n" in texts, texts
    bad = sheet(
        tmp_path,
        "bad.csv",
        "Objective,Key result,Target,Current,Confidence\nGrow,Orders,10,5,sure\n",
    )
    code, out = imported(site_at(tmp_path / "b"), bad)
    assert code == 1, out
    assert (
        "bad.csv:2:5: error IMP102: row 2, column E 'Confidence': 'sure' is not a number "
        "(hint: write how sure the owner is from 0 (not at all) to 10 (certain): 7, 7/10"
    ) in out, out
    assert "Unit column" not in out


def test_viva_goals_and_lattice_headers_are_recognised(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "viva.csv",
        "Objective,Key result,Time Period,Start Value,Target Value,Current Value,Metric Unit,"
        "Parent goal\n"
        "Grow revenue,New logos,Q1 2027,0,10,4,logos,\n"
        "Sell more,Deals,Q1 2027,0,10,4,deals,Grow revenue\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "not imported" not in out, out
    grow = written(site, "grow-revenue.md")
    assert "cycle: 2027-Q1\n" in grow and "unit: logos\n" in grow, grow
    assert "parent: grow-revenue\n" in written(site, "sell-more.md")


def test_another_tools_json_is_refused_saying_what_is_expected(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(tmp_path, "api.json", '{"data": [{"Objective": "Grow", "Target": 10}]}')
    before = files_of(site)
    code, out = imported(site, path)
    assert code == 1, out
    assert (
        "api.json:1: error IMP001: not an okrsite portfolio.json: it holds an object of keys "
        "'data', where an object with an 'objectives' list (and 'kpis', 'goals') is expected"
    ) in out, out
    assert "save it as .csv or .xlsx" in out
    assert files_of(site) == before
