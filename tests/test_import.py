"""okrsite import: spreadsheets people write, in both layouts, into sites that check."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, write_site
from openpyxl import Workbook

from okrsite.cli import cli
from okrsite.pipeline import load_site
from okrsite.slug import slugify

AS_OF = date(2026, 2, 15)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def empty_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "okrsite.toml").write_text(f'title = "Imported"\nas_of = {AS_OF}\n', encoding="utf-8")
    return site


def content_files(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix() for p in (site / "content").rglob("*") if p.is_file()
    )


def check_clean(site: Path) -> None:
    """``okrsite check`` (the real loader) takes the imported site without an error.

    Warnings are expected: an imported objective has no check-in yet (stale).
    """
    code, out = run("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out


def expected_progress(start: float, target: float, current: float) -> float:
    return max(0.0, min(1.0, (current - start) / (target - start)))


# A sheet as a team writes it: unusual headers, names as owners and teams,
# the objective's columns filled only on its first row.
BLANK_LAYOUT = [
    [
        "Goal",
        "Key Result (KR)",
        "Assignee",
        "Department",
        "Quarter",
        "Baseline",
        "Goal value",
        "Actual",
        "Unit",
        "Confidence",
        "Aligned to",
    ],
    [
        "Delight our customers",
        "Raise NPS from 30 to 45",
        "Uma Diaz",
        "Customer Success",
        "Q1 2026",
        "30",
        "45",
        "36",
        "points",
        "7",
        "",
    ],
    ["", "Cut first response time to 2 hours", "", "", "", "8", "2", "5", "h", "", ""],
    [
        "Answer tickets faster",
        "Resolve 40% in the help centre",
        "Bo Li",
        "Customer Success",
        "2026-Q1",
        "10%",
        "40%",
        "22%",
        "",
        "high",
        "Delight our customers",
    ],
]
REPEATED_LAYOUT = [
    ["O", "KR", "Responsible", "Team", "Period", "Initial", "Target", "Progress", "Deadline"],
    [
        "Grow revenue",
        "Reach 1,200 paying accounts",
        "ana",
        "sales",
        "2026 Q1",
        "800",
        "1,200",
        "950",
        "",
    ],
    ["Grow revenue", "Sign 5 distributors", "ana", "sales", "2026 Q1", "0", "5", "2", ""],
    ["Launch in Spain", "Hiring plan done", "Ana", "Sales", "", "", "", "45%", "2026-03-31"],
    ["Launch in Spain", "Office open", "Ana", "Sales", "", "", "", "0.3", "2026-03-31"],
]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(
    path: Path, rows: list[list[object]], formats: dict[tuple[int, int], str] | None = None
) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for (r, c), fmt in (formats or {}).items():
        sheet.cell(row=r, column=c).number_format = fmt
    book.save(path)
    return path


def objectives(site: Path) -> dict[str, object]:
    return load_site(site, AS_OF).scored.portfolio.objectives  # type: ignore[return-value]


def test_csv_blank_layout_with_unusual_headers(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    sheet = write_csv(tmp_path / "okrs.csv", BLANK_LAYOUT)
    code, out = run("import", str(sheet), "--site", str(site), "--date", str(AS_OF))
    assert code == 0, out
    check_clean(site)
    result = load_site(site, AS_OF)
    objs = result.scored.portfolio.objectives
    team = slugify("Customer Success")
    delight = objs[f"{team}/{slugify('Delight our customers')}"]
    faster = objs[f"{team}/{slugify('Answer tickets faster')}"]
    assert delight.owner == slugify("Uma Diaz") and delight.team == team
    assert delight.cycle == "2026-Q1" and faster.parent == delight.id
    assert [kr.title for kr in delight.key_results] == [BLANK_LAYOUT[1][1], BLANK_LAYOUT[2][1]]
    nps, response = delight.key_results
    assert (nps.start, nps.target, nps.current, nps.unit) == (30, 45, 36, "points")
    assert response.lower_is_better and response.unit == "h"
    resolve = faster.key_results[0]
    assert (resolve.start, resolve.target, resolve.current, resolve.unit) == (10, 40, 22, "%")
    scored = result.scored.objectives
    assert scored[delight.id].key_results[nps.id].progress == pytest.approx(
        expected_progress(30, 45, 36)
    )
    # confidence lives in a check-in: 7, and "high" on the 0-10 scale
    assert scored[delight.id].confidence == 7
    assert scored[faster.id].confidence == 8


def test_csv_repeated_layout_progress_only_and_deadline(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    sheet = write_csv(tmp_path / "okrs.csv", REPEATED_LAYOUT, delimiter=";")
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 0, out
    check_clean(site)
    objs = objectives(site)
    grow = objs["sales/grow-revenue"]
    assert len(grow.key_results) == 2  # type: ignore[attr-defined]
    accounts = grow.key_results[0]  # type: ignore[attr-defined]
    assert (accounts.start, accounts.target, accounts.current) == (800, 1200, 950)
    spain = objs["sales/launch-in-spain"]
    # the name is kept as written in the file; the loader makes it the id "sales"
    assert spain.team == "sales"  # type: ignore[attr-defined]
    spain_file = site / "content" / "objectives" / "sales" / "launch-in-spain.md"
    assert "team: Sales\n" in spain_file.read_text(encoding="utf-8")
    # no cycle column on these rows: the deadline's quarter
    assert spain.cycle == "2026-Q1"  # type: ignore[attr-defined]
    hiring, office = spain.key_results  # type: ignore[attr-defined]
    # a bare progress becomes a key result from 0 to 100; 0.3 in a column of fractions is 30
    assert (hiring.start, hiring.target, hiring.current, hiring.unit) == (0, 100, 45, "%")
    assert office.current == pytest.approx(30)


def test_xlsx_in_both_layouts(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    blank = [[None if c == "" else c for c in row] for row in BLANK_LAYOUT]
    blank[1][5:8] = [30, 45, 36]  # numbers as Excel stores them
    # a title line and an empty row above the header, as sheets often have
    book = write_xlsx(tmp_path / "blank.xlsx", [["Customer OKRs, Q1 2026"], [], *blank])
    code, out = run("import", str(book), "--site", str(site), "--date", str(AS_OF))
    assert code == 0, out
    repeated: list[list[object]] = [list(REPEATED_LAYOUT[0])]
    for row in REPEATED_LAYOUT[1:]:
        cells: list[object] = [c or None for c in row]
        cells[0] = f"{row[0]} (sheet 2)"
        repeated.append(cells)
    repeated[3][7] = 0.45  # shown as 45% by its cell format
    repeated[3][8] = repeated[4][8] = date(2026, 5, 15)  # an Excel date
    book2 = write_xlsx(tmp_path / "repeated.xlsx", repeated, {(4, 8): "0%"})
    code, out = run("import", str(book2), "--site", str(site))
    assert code == 0, out
    check_clean(site)
    objs = objectives(site)
    delight = objs[f"{slugify('Customer Success')}/{slugify('Delight our customers')}"]
    assert delight.key_results[0].current == 36  # type: ignore[attr-defined]
    spain = objs[f"sales/{slugify('Launch in Spain (sheet 2)')}"]
    assert spain.cycle == "2026-Q2"  # type: ignore[attr-defined]
    hiring = spain.key_results[0]  # type: ignore[attr-defined]
    assert (hiring.target, hiring.current, hiring.unit) == (100, 45, "%")


def test_malformed_rows_are_all_reported_and_nothing_is_written(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    rows = [row[:] for row in BLANK_LAYOUT]
    rows[2][6] = "fifty"  # Goal value, spreadsheet row 3, column G
    rows[3][9] = "12"  # confidence above 10, row 4, column J
    sheet = write_csv(tmp_path / "okrs.csv", rows)
    before = content_files(site)
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 1
    assert "okrs.csv:3:7" in out and "row 3, column G 'Goal value'" in out and "'fifty'" in out
    assert "okrs.csv:4:10" in out and "row 4, column J 'Confidence'" in out
    assert "nothing was written" in out
    assert content_files(site) == before


def test_loader_findings_point_at_the_row(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    rows = [["Objective", "Key result", "Cycle", "Target"], ["Ship it", "Done", "2026-Q9", "1"]]
    code, out = run("import", str(write_csv(tmp_path / "x.csv", rows)), "--site", str(site))
    assert code == 1 and "x.csv:2:" in out and "row 2" in out and "2026-Q9" in out
    assert content_files(site) == []


def test_existing_files_skipped_dry_run_and_map(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    rows = [
        ["Objective", "KR", "Cycle", "Stretch goal", "Now", "Sprint"],
        ["Faster builds", "Build under 5 minutes", "2026-Q1", "5", "9", "S12"],
    ]
    sheet = write_csv(tmp_path / "okrs.csv", rows)
    code, out = run(
        "import",
        str(sheet),
        "--site",
        str(site),
        "--dry-run",
        "--map",
        "Stretch goal=target",
        "--map",
        "now=current",
    )
    assert code == 0, out
    assert "would write content/objectives/faster-builds.md" in out and "target: 5" in out
    assert "columns not imported: 'Sprint'" in out
    assert content_files(site) == []
    code, out = run(
        "import",
        str(sheet),
        "--site",
        str(site),
        "--map",
        "Stretch goal=target",
        "--map",
        "now=current",
    )
    assert code == 0 and content_files(site) == ["content/objectives/faster-builds.md"]
    kr = objectives(site)["faster-builds"].key_results[0]  # type: ignore[attr-defined]
    assert (kr.target, kr.current) == (5, 9)
    text = (site / "content/objectives/faster-builds.md").read_text()
    code, out = run("import", str(sheet), "--site", str(site), "--map", "Stretch goal=target")
    assert code == 0 and "skipped content/objectives/faster-builds.md" in out
    assert (site / "content/objectives/faster-builds.md").read_text() == text
    code, out = run("import", str(sheet), "--site", str(site), "--map", "Stretch goal=bogus")
    assert code == 2 and "unknown field" in out


def _figures(text: str) -> list[dict[str, str]]:
    """The export's rows without the columns that come from check-in history
    (a spreadsheet carries values, not the dates of past check-ins)."""
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        del row["stale"], row["forecast"]
    return rows


def test_round_trip_of_the_example_site(tmp_path: Path) -> None:
    as_of = "2026-11-20"
    code, exported = run("export", "--format", "csv", "--site", str(REPO), "--as-of", as_of)
    assert code == 0
    sheet = tmp_path / "portfolio.csv"
    sheet.write_text(exported, encoding="utf-8")
    site = empty_site(tmp_path)
    code, out = run("import", str(sheet), "--site", str(site), "--date", as_of)
    assert code == 0, out
    code, out = run("check", "--site", str(site), "--strict", "--as-of", as_of)
    assert code == 0, out
    code, again = run("export", "--format", "csv", "--site", str(site), "--as-of", as_of)
    assert code == 0
    assert _figures(again) == _figures(exported)
    assert len(_figures(exported)) > 20


def test_portfolio_json_moves_between_sites(tmp_path: Path) -> None:
    as_of = "2026-11-20"
    code, exported = run("export", "--site", str(REPO), "--as-of", as_of)
    source = tmp_path / "portfolio.json"
    source.write_text(exported, encoding="utf-8")
    site = empty_site(tmp_path)
    code, out = run("import", str(source), "--site", str(site), "--date", as_of)
    assert code == 0, out
    check_clean(site)
    code, again = run("export", "--site", str(site), "--as-of", as_of)
    before, after = json.loads(exported), json.loads(again)
    keys = ("id", "progress", "expected", "status", "grade", "confidence")
    assert [{k: o[k] for k in keys} for o in after["objectives"]] == [
        {k: o[k] for k in keys} for o in before["objectives"]
    ]
    # a KPI moves with its latest reading, unit, bands and so its health
    # (its trend needs the readings before, which the export does not hold)
    kpi_keys = ("id", "value", "unit", "date", "health", "direction", "target", "thresholds")
    assert [{k: m[k] for k in kpi_keys} for m in after["kpis"]] == [
        {k: m[k] for k in kpi_keys} for m in before["kpis"]
    ]
    assert any(m["unit"] for m in before["kpis"]) and any(m["target"] for m in before["kpis"])
    assert [(g["id"], g["progress"]) for g in after["goals"]] == [
        (g["id"], g["progress"]) for g in before["goals"]
    ]


def test_portfolio_json_with_goals_not_started_and_done(tmp_path: Path) -> None:
    """The export writes whole numbers as JSON integers (``"progress": 0``, ``1``):
    a goal not started and one done come back with the same progress."""
    source_site = tmp_path / "source"
    for name, current in (("not-started", 0), ("done", 40)):
        path = source_site / "content" / "goals" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: Publish FAQ articles\nowner: Zoë Ångström\n"
            f"measure: {{target: 40, current: {current}}}\n---\n",
            encoding="utf-8",
        )
    code, exported = run("export", "--site", str(source_site), "--as-of", "2026-11-20")
    assert code == 0, exported
    assert '"progress": 0,' in exported and '"progress": 1,' in exported
    source = tmp_path / "portfolio.json"
    source.write_text(exported, encoding="utf-8")
    site = empty_site(tmp_path)
    code, out = run("import", str(source), "--site", str(site))
    assert code == 0, out
    code, again = run("export", "--site", str(site), "--as-of", "2026-11-20")
    assert [(g["id"], g["progress"]) for g in json.loads(again)["goals"]] == [
        ("done", 1),
        ("not-started", 0),
    ]


def test_yes_no_key_results_and_alignment_to_a_key_result(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    rows = [
        ["Objective", "Key result", "Cycle", "Target", "Current", "Aligned to"],
        ["Company grows", "Revenue grows", "2026-Q1", "", "", ""],
        [
            "Sales delivers",
            "Pricing page live",
            "2026-Q1",
            "",
            "Done",
            "Company grows#Revenue grows",
        ],
        ["", "Partner deal signed", "", "", "no", ""],
    ]
    code, out = run("import", str(write_csv(tmp_path / "x.csv", rows)), "--site", str(site))
    assert code == 0, out
    check_clean(site)
    objs = objectives(site)
    sales = objs["sales-delivers"]
    assert sales.parent == "company-grows#revenue-grows"  # type: ignore[attr-defined]
    live, partner = sales.key_results  # type: ignore[attr-defined]
    assert (live.kind, live.done, partner.kind, partner.done) == ("boolean", True, "boolean", False)
    # the key result without a measure rolls up from the objective aligned to it
    assert objs["company-grows"].key_results[0].kind == "rollup"  # type: ignore[attr-defined]


def test_xlsx_errors_name_the_rows_excel_shows(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    rows: list[list[object]] = [
        ["Team OKRs"],
        [],
        ["Objective", "Key result", "Quarter", "Target", "Actual"],
        ["Ship v2", "Beta users", "2026-Q1", 100, 20],
        [None, "Crash-free sessions", None, "ninety-nine", 97],
    ]
    book = write_xlsx(tmp_path / "book.xlsx", rows)
    code, out = run("import", str(book), "--site", str(site))
    assert code == 1
    assert "book.xlsx:5:4: error IMP102: row 5, column D 'Target': 'ninety-nine'" in out
    assert content_files(site) == []


# The sheet of the user test: a title row, a blank row, then a header with
# both Current and Progress, and a key result measured by its progress alone.
ENG_HEADER = [
    "Objective",
    "Key Result (KR)",
    "Owner",
    "Team",
    "Quarter",
    "Baseline",
    "Target",
    "Current",
    "Confidence",
    "Progress",
    "Notes",
]


def eng_sheet(tmp_path: Path) -> Path:
    rows: list[list[object]] = [
        ["Engineering OKRs"],
        [],
        ENG_HEADER,
        ["Ship with confidence", "Docs coverage", "Tom Lee", "Eng", "Q1 2026"]
        + [None, None, None, 7, 0.4, "Counted by the docs audit\nRe-run monthly"],
        [None, "Cut p95 latency", None, None, None, 800, 300, 600, None, 0.4, None],
        [None, "Crash-free sessions", None, None, None, 97, 99.5, None, None, 0.5, None],
        [None, None, None, None, None, None, None, None, None, None, "Agreed with support"],
    ]
    return write_xlsx(tmp_path / "eng.xlsx", rows, {(4, 10): "0%", (5, 10): "0%", (6, 10): "0%"})


def test_progress_beside_current_is_read_and_notes_become_the_body(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    code, out = run("import", str(eng_sheet(tmp_path)), "--site", str(site))
    assert code == 0, out
    assert "columns not imported" not in out
    # a target without a current figure: its progress cannot be used, and that is said
    assert "eng.xlsx:6:10: warning IMP202: row 6, column J 'Progress': '50%' is not imported" in out
    check_clean(site)
    _, checked = run("check", "--site", str(site))
    assert "OKR402" not in checked
    obj = objectives(site)["eng/ship-with-confidence"]
    docs, latency, crashes = obj.key_results  # type: ignore[attr-defined]
    # a key result with only a progress figure is one from 0 to 100 %
    assert (docs.start, docs.target, docs.current, docs.unit) == (0, 100, 40, "%")
    # where Current is given, progress is worked out from it
    assert (latency.start, latency.target, latency.current) == (800, 300, 600)
    assert crashes.current is None
    code, exported = run("export", "--format", "csv", "--site", str(site), "--as-of", str(AS_OF))
    assert code == 0
    by_kr = {row["kr_id"]: row for row in csv.DictReader(io.StringIO(exported))}
    assert float(by_kr["docs-coverage"]["kr_progress"]) == pytest.approx(0.4)
    text = (site / "content/objectives/eng/ship-with-confidence.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    assert body == (
        "Agreed with support\n\n- Docs coverage: Counted by the docs audit\n  Re-run monthly\n"
    )


def test_checkins_are_dated_by_the_pinned_as_of(tmp_path: Path) -> None:
    site = empty_site(tmp_path)  # okrsite.toml pins as_of = 2026-02-15
    code, out = run("import", str(eng_sheet(tmp_path)), "--site", str(site))
    assert code == 0, out
    checkins = [f for f in content_files(site) if "/checkins/" in f]
    assert checkins == [f"content/checkins/eng/ship-with-confidence/{AS_OF}.md"]
    _, checked = run("check", "--site", str(site))
    assert "no check-in yet" not in checked
    result = load_site(site, AS_OF)
    assert result.scored.objectives["eng/ship-with-confidence"].confidence == 7
    # without a pinned date, today, moved into the cycle (as before)
    (site / "okrsite.toml").write_text('title = "Imported"\n', encoding="utf-8")
    rows = [["Objective", "KR", "Quarter", "Target", "Confidence"], ["Later", "k", "2020-Q1", 1, 5]]
    code, out = run("import", str(write_csv(tmp_path / "old.csv", rows)), "--site", str(site))
    assert code == 0, out
    assert "content/checkins/later/2020-03-31.md" in content_files(site)


@pytest.mark.parametrize(("language", "note"), [("en", "Imported."), ("de", "Importiert.")])
def test_the_imported_confidence_note_is_in_the_site_language(
    tmp_path: Path, language: str, note: str
) -> None:
    """The check-in that carries a sheet's confidence has a note, shown on
    the objective's page: a German site gets it in German."""
    site = empty_site(tmp_path)
    toml = site / "okrsite.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + f'language = "{language}"\n', "utf-8")
    code, out = run("import", str(eng_sheet(tmp_path)), "--site", str(site))
    assert code == 0, out
    written = site / f"content/checkins/eng/ship-with-confidence/{AS_OF}.md"
    assert written.read_text(encoding="utf-8").endswith(f"---\n{note}\n")


def test_co_owners_are_the_first_with_a_warning(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    rows = [
        ["Objective", "Key result", "Owner", "Quarter", "Target"],
        ["Comma", "k1", "Tom Lee, Ana Ruiz", "2026-Q1", "1"],
        ["Ampersand", "k1", "Tom Lee & Ana Ruiz", "2026-Q1", "1"],
        ["And", "k1", "Tom Lee and Ana Ruiz and Bo Li", "2026-Q1", "1"],
        ["Slash", "k1", "Tom Lee / Ana Ruiz", "2026-Q1", "1"],
        ["", "k2", "Bo Li / Uma Diaz", "", "1"],  # a key result's own co-owners
        ["Unknown", "k1", "N/A", "2026-Q1", "1"],  # not a list of names
        ["Sandy's", "k1", "Sandy Anderson", "2026-Q1", "1"],
    ]
    code, out = run("import", str(write_csv(tmp_path / "x.csv", rows)), "--site", str(site))
    assert code == 0, out
    check_clean(site)
    objs = objectives(site)
    for oid in ("comma", "ampersand", "and", "slash"):
        assert objs[oid].owner == "tom-lee", oid  # type: ignore[attr-defined]
        text = (site / f"content/objectives/{oid}.md").read_text(encoding="utf-8")
        assert "owner: Tom Lee\n" in text
    assert "x.csv:2:3: warning IMP201: row 2, column C 'Owner': an objective has one owner" in out
    assert "the first, 'Tom Lee', is imported; not 'Ana Ruiz'" in out
    assert "not 'Ana Ruiz', 'Bo Li'" in out
    assert "x.csv:6:3: warning IMP201: row 6, column C 'Owner': a key result has one owner" in out
    slash = (site / "content/objectives/slash.md").read_text(encoding="utf-8")
    assert "    owner: Bo Li\n" in slash and "Uma" not in slash
    assert objs["unknown"].owner is None  # type: ignore[attr-defined]  # N/A names no one (OKR131)
    assert objs["sandy-s"].owner == "sandy-anderson"  # type: ignore[attr-defined]
    assert "tom-lee-ana-ruiz" not in str(content_files(site))
    assert out.count("IMP201") == 5


def test_unknown_cycle_in_the_same_run_as_cell_errors_with_a_hint_toml_reads(
    tmp_path: Path,
) -> None:
    site = empty_site(tmp_path)
    rows = [
        ["Objective", "Key result", "Quarter", "Target", "Current"],
        ["Moonshot", "Land", "Q5 2026", "1", "zero"],
        ["Later", "Plan", "Q3", "1", ""],
    ]
    sheet = write_csv(tmp_path / "x.csv", rows)
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 1 and content_files(site) == []
    assert "x.csv:2:5: error IMP102" in out  # the cell error ...
    # ... and the cycle, in the same run, with its column
    assert "x.csv:2:3: error IMP108: row 2, column C 'Quarter': unknown cycle 'Q5 2026'" in out
    assert '[cycles."Q5 2026"]' in out
    assert "x.csv:3:3: error IMP108" in out and "write it like 2026-Q3" in out
    # the hint pasted into okrsite.toml as it says makes the cycle known
    config = site / "okrsite.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + '\n[cycles."Q5 2026"]\nstart = 2026-10-01\nend = 2026-12-31\n',
        encoding="utf-8",
    )
    rows[1][4], rows[2][2] = "0", "2026-Q3"
    code, out = run("import", str(write_csv(tmp_path / "x.csv", rows)), "--site", str(site))
    assert code == 0, out
    check_clean(site)
    assert objectives(site)["moonshot"].cycle == "Q5 2026"  # type: ignore[attr-defined]
    code, out = run("import", str(sheet), "--site", str(site), "--cycle", "FY 26")
    assert code == 0  # every row names its cycle: --cycle is not used
    rows = [["Objective", "Key result", "Target"], ["Fiscal", "k", "1"]]
    code, out = run(
        "import", str(write_csv(tmp_path / "y.csv", rows)), "--site", str(site), "--cycle", "FY 26"
    )
    assert code == 1
    assert "y.csv:2: error IMP108: row 2 (given by --cycle): unknown cycle 'FY 26'" in out
    # a fiscal name: as OKR302 says, fiscal_year_start makes it known (a [cycles."FY 26"]
    # would shadow the fiscal year the setting names)
    assert "set fiscal_year_start in okrsite.toml" in out


def test_german_headers_on_an_english_site(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    rows = [
        [
            "Ziel",
            "Schlüsselergebnis",
            "Verantwortliche(r)",
            "Team",
            "Quartal",
            "Ausgangswert",
            "Zielwert",
            "Istwert",
            "Fortschritt",
            "Zuversicht",
            "Notizen",
        ],
        ["Kunden begeistern", "NPS steigern", "Uma Diaz", "Support", "Q1 2026"]
        + ["30", "45", "36", "", "7", "aus der Umfrage"],
        ["", "Handbuch fertig", "", "", "", "", "", "", "45%", "", ""],
    ]
    sheet = write_csv(tmp_path / "okrs.csv", rows, delimiter=";")
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 0, out
    assert "not imported" not in out
    check_clean(site)
    obj = objectives(site)["support/kunden-begeistern"]
    assert (obj.owner, obj.cycle) == ("uma-diaz", "2026-Q1")  # type: ignore[attr-defined]
    nps, manual = obj.key_results  # type: ignore[attr-defined]
    assert (nps.start, nps.target, nps.current) == (30, 45, 36)
    assert (manual.target, manual.current, manual.unit) == (100, 45, "%")
    assert load_site(site, AS_OF).scored.objectives[obj.id].confidence == 7  # type: ignore[attr-defined]
    # the other spellings name the same fields
    from okrsite.column_match import match_columns

    other = ["Ziel", "Schluesselergebnis", "Verantwortlich", "Zyklus", "Startwert", "Ist"]
    other += ["Aktuell", "Konfidenz", "Kommentar"]
    assert set(match_columns(other).fields) == {
        "objective",
        "key_result",
        "owner",
        "cycle",
        "start",
        "current",
        "confidence",
        "notes",
    }
    assert match_columns(other).ignored == ("Aktuell",)  # Ist came first


def test_confidence_on_a_key_results_row_is_read_or_said_not_imported(tmp_path: Path) -> None:
    """Many sheets give a confidence per key result, on every row of an
    objective. The objective's one check-in takes the first given; a later row's
    other confidence is a warning, and one outside 0-10 an error, never dropped."""
    site = empty_site(tmp_path)
    rows = [
        ["Objective", "Key result", "Owner", "Quarter", "Target", "Confidence"],
        ["Faster support", "Cut response time", "Uma Diaz", "Q1 2026", "2", ""],
        ["", "Self-serve answers", "", "", "40", "7"],
        ["", "Fewer escalations", "", "", "5", "5"],
        ["Happier customers", "NPS", "Tom Lee", "2026-Q1", "45", "high"],
        ["Happier customers", "CSAT", "Tom Lee", "2026-Q1", "90", "8"],
    ]
    sheet = write_csv(tmp_path / "okrs.csv", rows)
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 0, out
    check_clean(site)
    assert (
        "okrs.csv:4:6: warning IMP203: row 4, column F 'Confidence': confidence 5 is not "
        "imported: an objective has one confidence, and row 3 gave it 7"
    ) in out
    assert out.count("IMP203") == 1  # high is 8: the repeated objective agrees
    scored = load_site(site, AS_OF).scored.objectives
    assert scored["faster-support"].confidence == 7
    assert scored["happier-customers"].confidence == 8

    bad = write_csv(tmp_path / "bad.csv", [rows[0], rows[1], ["", "Docs", "", "", "3", "12"]])
    fresh = empty_site(tmp_path / "other")
    code, out = run("import", str(bad), "--site", str(fresh))
    assert code == 1
    assert (
        "bad.csv:3:6: error IMP105: row 3, column F 'Confidence': confidence 12 is outside 0-10"
        in out
    )
    assert content_files(fresh) == []


def test_a_sheet_with_only_its_header_is_refused_not_imported_as_nothing(tmp_path: Path) -> None:
    """An empty template or the wrong sheet: "imported 0 files" with exit 0 would
    read as success; it is an error saying what was found."""
    site = empty_site(tmp_path)
    sheet = tmp_path / "okrs.csv"
    sheet.write_text("Title row of the team\nObjective,Key result,Target\n,,\n", encoding="utf-8")
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 1
    assert (
        "okrs.csv: error IMP001: okrs.csv has no rows under its header (row 2): nothing to import"
    ) in out
    assert content_files(site) == []


def test_figures_with_their_unit_percent_weights_and_an_owner_last_name_first(
    tmp_path: Path,
) -> None:
    """A sheet as people keep one: figures with their unit in the cell (``8 h``,
    beside a Unit column or without one), weights as percentages summing to
    100%, and the owner written last name first (``Diaz, Uma``): all imported,
    as the goal files read them; a unit other than the row's is refused."""
    site = empty_site(tmp_path)
    rows = [
        [
            "Objective",
            "Owner",
            "Quarter",
            "Key result",
            "Start",
            "Target",
            "Current",
            "Unit",
            "Weight",
        ],
        [
            "Delight customers",
            "Diaz, Uma",
            "Q1 2026",
            "Raise CSAT",
            "82%",
            "90%",
            "85%",
            "%",
            "50%",
        ],
        ["", "", "", "Cut response time", "8 h", "2 h", "5 h", "h", "25%"],
        ["", "", "", "Fewer tickets", "1,200 tickets", "800 tickets", "", "", "25%"],
    ]
    code, out = run("import", str(write_csv(tmp_path / "x.csv", rows)), "--site", str(site))
    assert code == 0 and "IMP201" not in out, out
    check_clean(site)
    text = (site / "content/objectives/delight-customers.md").read_text(encoding="utf-8")
    assert "owner: Uma Diaz\n" in text
    obj = objectives(site)["delight-customers"]
    krs = [(k.start, k.target, k.current, k.unit, k.weight) for k in obj.key_results]  # type: ignore[attr-defined]
    assert krs == [
        (82, 90, 85, "%", 0.5),
        (8, 2, 5, "h", 0.25),
        (1200, 800, None, "tickets", 0.25),
    ]
    assert obj.owner == "uma-diaz"  # type: ignore[attr-defined]
    rows[2][5] = "2 days"
    site = empty_site(tmp_path / "again")
    code, out = run("import", str(write_csv(tmp_path / "y.csv", rows)), "--site", str(site))
    assert code == 1, out
    assert (
        "y.csv:3:6: error IMP102: row 3, column F 'Target': '2 days' is in 'days', not in 'h'"
        in out
    )


def test_a_german_sheet_on_a_german_site_groups_thousands_with_points(tmp_path: Path) -> None:
    """``1.200``, ``2.500`` and ``1.850 Abonnenten`` beside ``2,5%``: the sheet
    writes German, and these were written to the goal file as 1.2, 2.5 and
    1.85 without a word (where a goal file's ``1.200`` is YAML's 1.2 with
    warning OKR124, a sheet's text cell has no YAML to have read it first)."""
    site = empty_site(tmp_path)
    toml = site / "okrsite.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + 'language = "de"\n', encoding="utf-8")
    rows = [
        ["Ziel", "Schlüsselergebnis", "Verantwortlich", "Quartal", "Ausgangswert"]
        + ["Zielwert", "Ist", "Einheit"],
        ["Reichweite erhöhen", "Newsletter-Abonnenten", "Li Wei", "Q4 2026", "1.200"]
        + ["2.500", "1.850 Abonnenten", "Abonnenten"],
        ["", "Conversion Rate", "", "", "2,5%", "4%", "3,1%", ""],
    ]
    sheet = write_csv(tmp_path / "okrs.tsv", rows, delimiter="\t")
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 0, out
    subscribers, conversion = objectives(site)["reichweite-erhohen"].key_results  # type: ignore[attr-defined]
    assert (subscribers.start, subscribers.target, subscribers.current) == (1200, 2500, 1850)
    assert (conversion.start, conversion.target, conversion.current) == (2.5, 4, 3.1)


def test_titles_already_starting_with_an_apostrophe_survive_a_csv_round_trip(
    tmp_path: Path,
) -> None:
    """The formula guard puts a ``'`` before ``=x``; a title that is
    ``'=x`` itself was written unchanged, and import took its ``'`` for the
    guard's. Now it is written ``''=x`` and comes back as ``'=x``; a plain
    ``'Tis`` is left alone both ways."""
    titles = ["'=quoted formula", "''+two quotes", "=1+2", "'Tis the season", "-5% churn"]
    source = write_site(
        tmp_path / "source",
        {
            "okrsite.toml": 'title = "Quotes"\n',
            "content/objectives/quotes.md": (
                '---\ntitle: "\'@home"\ncycle: 2026-Q1\nowner: uma-diaz\nkey_results:\n'
                + "".join(
                    f"  - {{id: k{i}, title: {json.dumps(t)}, start: 0, target: 10, current: 5}}\n"
                    for i, t in enumerate(titles)
                )
                + "---\n"
            ),
        },
    )
    runner = CliRunner()
    exported = runner.invoke(
        cli, ["export", "--format", "csv", "--site", str(source), "--as-of", str(AS_OF)]
    )
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert rows[0]["objective_title"] == "''@home"
    assert [r["kr_title"] for r in rows] == [
        "''=quoted formula",
        "'''+two quotes",
        "'=1+2",
        "'Tis the season",
        "'-5% churn",
    ]
    sheet = tmp_path / "portfolio.csv"
    sheet.write_text(exported.stdout, encoding="utf-8")
    site = empty_site(tmp_path)
    code, out = run("import", str(sheet), "--site", str(site), "--date", str(AS_OF))
    assert code == 0, out
    again = runner.invoke(cli, ["export", "--site", str(site), "--as-of", str(AS_OF)])
    assert again.exit_code == 0, again.output
    (objective,) = json.loads(again.stdout)["objectives"]
    assert objective["title"] == "'@home"
    assert [k["title"] for k in objective["key_results"]] == titles


def test_an_unusable_objective_id_says_why_and_what_to_write(tmp_path: Path) -> None:
    """IMP106 named the id rule in general ("ids are names separated by
    '/'...") for '-churn/x', which holds only allowed characters: it now
    says what is wrong with it and an id that would be taken, as a goal
    file's OKR006 does."""
    site = empty_site(tmp_path)
    sheet = write_csv(
        tmp_path / "g.csv",
        [
            ["ID", "Objective", "Key result", "Target", "Owner", "Quarter"],
            ["-churn/x", "Reduce churn", "Churn rate", "3", "Uma Diaz", "2026-Q4"],
        ],
    )
    code, out = run("import", str(sheet), "--site", str(site), "--map", "ID=objective_id")
    assert code == 1, out
    assert (
        "error IMP106: row 2: objective id '-churn/x' must start with a letter or a digit, "
        "not '-' (hint: write it as 'churn/x')"
    ) in out, out
