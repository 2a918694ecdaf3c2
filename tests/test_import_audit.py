"""okrsite import keeps what a sheet says: objectives of two teams that share a
title stay two, and figures without a target are kept and warned about, never
dropped nor read as a 0-100 % measure they are not."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from openpyxl import Workbook

from okrsite.cli import cli
from okrsite.pipeline import load_site

AS_OF = date(2026, 2, 15)
HEADER = "Objective,Key result,Owner,Team,Quarter,Start,Target,Current,Unit"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def empty_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "okrsite.toml").write_text(f'title = "Imported"\nas_of = {AS_OF}\n', encoding="utf-8")
    return site


def objective_files(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site / "content" / "objectives").as_posix()
        for p in (site / "content" / "objectives").rglob("*.md")
    )


def import_csv(tmp_path: Path, *lines: str, name: str = "s.csv") -> tuple[Path, int, str]:
    site = empty_site(tmp_path)
    sheet = tmp_path / name
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = run("import", str(sheet), "--site", str(site))
    return site, code, out


def import_xlsx(tmp_path: Path, *rows: list[Any]) -> tuple[Path, int, str]:
    site = empty_site(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / "s.xlsx"
    book.save(path)
    code, out = run("import", str(path), "--site", str(site))
    return site, code, out


def key_results(site: Path, oid: str) -> list[tuple[Any, ...]]:
    objective = load_site(site, AS_OF).scored.portfolio.objectives[oid]
    return [
        (kr.title, kr.kind, kr.start, kr.target, kr.current, kr.unit)
        for kr in objective.key_results
    ]


def team_of(site: Path, oid: str) -> str | None:
    return load_site(site, AS_OF).scored.portfolio.objectives[oid].team


def check_clean(site: Path) -> str:
    code, out = run("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    return out


# ------------------------------------------------------------------ one title, two teams
TWO_TEAMS = (
    HEADER,
    "Improve quality,Cut bugs,Uma Diaz,Platform,Q1 2026,100,50,80,bugs",
    "Improve quality,Raise test coverage,Bo Li,Mobile,Q1 2026,40,80,55,%",
)


def test_one_title_under_two_teams_is_two_objectives(tmp_path: Path) -> None:
    """The second team's objective was merged into the first's file: "Mobile"
    appeared nowhere, with no word."""
    site, code, out = import_csv(tmp_path, *TWO_TEAMS)
    assert code == 0, out
    assert objective_files(site) == ["mobile/improve-quality.md", "platform/improve-quality.md"]
    assert team_of(site, "platform/improve-quality") == "platform"
    assert team_of(site, "mobile/improve-quality") == "mobile"
    mobile_file = site / "content" / "objectives" / "mobile" / "improve-quality.md"
    assert "team: Mobile\nkey_results:" in mobile_file.read_text(encoding="utf-8")
    assert key_results(site, "platform/improve-quality") == [
        ("Cut bugs", "numeric", 100, 50, 80, "bugs")
    ]
    assert key_results(site, "mobile/improve-quality") == [
        ("Raise test coverage", "numeric", 40, 80, 55, "%")
    ]
    mobile = load_site(site, AS_OF).scored.portfolio.objectives["mobile/improve-quality"]
    assert mobile.owner == "bo-li"  # type: ignore[attr-defined]
    check_clean(site)


def test_one_title_under_two_teams_is_two_objectives_in_a_workbook(tmp_path: Path) -> None:
    site, code, out = import_xlsx(
        tmp_path,
        HEADER.split(","),
        ["Improve quality", "Cut bugs", "Uma Diaz", "Platform", "Q1 2026", 100, 50, 80, "bugs"],
        ["Improve quality", "Raise test coverage", "Bo Li", "Mobile", "Q1 2026", 40, 80, 55, "%"],
    )
    assert code == 0, out
    assert objective_files(site) == ["mobile/improve-quality.md", "platform/improve-quality.md"]
    assert [kr[0] for kr in key_results(site, "mobile/improve-quality")] == ["Raise test coverage"]
    check_clean(site)


def test_a_title_repeated_without_a_team_or_with_the_same_team_stays_one_objective(
    tmp_path: Path,
) -> None:
    """The usual layouts: the title repeated on every row with the team blank
    below its first, or repeated (in any case); an owner of its own on a later
    row is the key result's owner, as the docs say, not another objective."""
    site, code, out = import_csv(
        tmp_path,
        HEADER,
        "Improve quality,Cut bugs,Uma Diaz,Platform,Q1 2026,100,50,80,bugs",
        "Improve quality,Cut flaky tests,,,,20,5,12,tests",
        "Improve quality,Speed up builds,Bo Li,platform,Q1 2026,30,10,20,min",
        ",Fix crashes,,,,9,0,4,crashes",
        "Improve quality,Raise test coverage,Bo Li,Mobile,Q1 2026,40,80,55,%",
        "Improve quality,Cut app size,,,,80,50,70,MB",
    )
    assert code == 0, out
    assert objective_files(site) == ["mobile/improve-quality.md", "platform/improve-quality.md"]
    assert [kr[0] for kr in key_results(site, "platform/improve-quality")] == [
        "Cut bugs",
        "Cut flaky tests",
        "Speed up builds",
        "Fix crashes",
    ]
    assert [kr[0] for kr in key_results(site, "mobile/improve-quality")] == [
        "Raise test coverage",
        "Cut app size",
    ]
    platform = load_site(site, AS_OF).scored.portfolio.objectives["platform/improve-quality"]
    assert platform.owner == "uma-diaz"  # type: ignore[attr-defined]
    check_clean(site)


def test_a_parent_title_two_teams_share_is_refused_naming_both(tmp_path: Path) -> None:
    """ "Aligned to: Improve quality" with two teams' objectives of that title
    silently took the first one; the sheet must say which."""
    header = HEADER + ",Aligned to"
    rows = [
        "Improve quality,Cut bugs,Uma Diaz,Platform,Q1 2026,100,50,80,bugs,",
        "Improve quality,Raise test coverage,Bo Li,Mobile,Q1 2026,40,80,55,%,",
    ]
    site, code, out = import_csv(
        tmp_path,
        header,
        *rows,
        "Ship faster,Cut lead time,Ann Ho,Web,Q1 2026,10,5,8,days,Improve quality",
    )
    assert code == 1, out
    assert "s.csv:4:10: error IMP109: row 4: parent 'Improve quality' names 2 objectives" in out
    assert "'mobile/improve-quality' (team Mobile)" in out
    assert "'platform/improve-quality' (team Platform)" in out
    assert "write the id of the one meant, e.g. mobile/improve-quality" in out
    assert not (site / "content" / "objectives").exists()
    site, code, out = import_csv(
        tmp_path / "by-id",
        header,
        *rows,
        "Ship faster,Cut lead time,Ann Ho,Web,Q1 2026,10,5,8,days,platform/improve-quality",
    )
    assert code == 0, out
    web = load_site(site, AS_OF).scored.portfolio.objectives["web/ship-faster"]
    assert web.parent == "platform/improve-quality"  # type: ignore[attr-defined]


def test_a_parent_title_two_site_objectives_share_is_refused(tmp_path: Path) -> None:
    site = empty_site(tmp_path)
    for team in ("platform", "mobile"):
        folder = site / "content" / "objectives" / team
        folder.mkdir(parents=True)
        (folder / "quality.md").write_text(
            f"---\ntitle: Improve quality\ncycle: 2026-Q1\nteam: {team}\nowner: Uma Diaz\n"
            "key_results:\n  - title: Cut bugs\n    start: 100\n    target: 50\n---\n",
            encoding="utf-8",
        )
    sheet = tmp_path / "s.csv"
    sheet.write_text(
        HEADER + ",Aligned to\n"
        "Ship faster,Cut lead time,Ann Ho,Web,Q1 2026,10,5,8,days,improve quality\n",
        encoding="utf-8",
    )
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 1, out
    assert "error IMP109: row 2: parent 'improve quality' names 2 objectives" in out
    assert "'mobile/quality' (team mobile), 'platform/quality' (team platform)" in out


# ------------------------------------------------------------------ figures without a target
def test_a_start_and_current_without_a_target_are_kept_and_warned_about(tmp_path: Path) -> None:
    """They were dropped: the key result was written as its id and title alone."""
    site, code, out = import_csv(
        tmp_path,
        HEADER,
        "Grow sales,Close deals,Uma Diaz,Sales,Q1 2026,0,20,8,deals",
        ",Demos booked,,,,0,,120,demos",
    )
    assert code == 0, out
    assert (
        "s.csv:3:7: warning IMP202: row 3, column G 'Target': key result 'Demos booked' has "
        "no target: its start 0 and current 120 (demos) are imported"
    ) in out, out
    assert "write its target in column G" in out, out
    assert key_results(site, "sales/grow-sales")[1] == (
        "Demos booked",
        "rollup",
        0,
        None,
        120,
        "demos",
    )
    check_clean(site)


def test_a_target_formula_without_a_stored_value_keeps_the_rows_other_figures(
    tmp_path: Path,
) -> None:
    site, code, out = import_xlsx(
        tmp_path,
        HEADER.split(","),
        ["Grow sales", "Close deals", "Uma Diaz", "Sales", "Q1 2026", 0, 20, 8, "deals"],
        ["", "Demos booked", "", "", "", 0, "=F3*2", 120, "demos"],
    )
    assert code == 0, out
    assert "s.xlsx:3:7: warning IMP205: row 3, column G 'Target'" in out, out
    assert (
        "s.xlsx:3:7: warning IMP202: row 3, column G 'Target': key result 'Demos booked' has "
        "no target: its start 0 and current 120 (demos) are imported"
    ) in out, out
    assert key_results(site, "sales/grow-sales")[1] == (
        "Demos booked",
        "rollup",
        0,
        None,
        120,
        "demos",
    )
    check_clean(site)


def test_a_count_without_a_target_is_not_read_as_a_percentage(tmp_path: Path) -> None:
    """55 calls became start 0, target 100, current 55: a target nobody set."""
    site, code, out = import_csv(
        tmp_path,
        HEADER,
        "Grow sales,Close deals,Uma Diaz,Sales,Q1 2026,0,20,8,deals",
        ",Calls made,,,,,,55,calls",
    )
    assert code == 0, out
    assert (
        "s.csv:3:7: warning IMP202: row 3, column G 'Target': key result 'Calls made' has "
        "no target: its current 55 (calls) is imported"
    ) in out, out
    assert key_results(site, "sales/grow-sales")[1] == (
        "Calls made",
        "rollup",
        None,
        None,
        55,
        "calls",
    )
    check_clean(site)


def test_a_progress_figure_alone_is_still_read_on_0_to_100(tmp_path: Path) -> None:
    """A percentage, a figure in %, or a Progress column's figure is a key
    result from 0 to 100 %, with no warning."""
    site, code, out = import_csv(
        tmp_path,
        HEADER,
        "Grow sales,Close deals,Uma Diaz,Sales,Q1 2026,0,20,8,deals",
        ",Onboarding done,,,,,,45%,",
        ",Docs written,,,,,,60,%",
    )
    assert code == 0, out
    assert "IMP202" not in out, out
    assert key_results(site, "sales/grow-sales")[1:] == [
        ("Onboarding done", "numeric", 0, 100, 45, "%"),
        ("Docs written", "numeric", 0, 100, 60, "%"),
    ]

    site, code, out = import_csv(
        tmp_path / "progress",
        "Objective,Key result,Owner,Quarter,Progress",
        "Ship the app,Beta shipped,Uma Diaz,Q1 2026,0.45",
        ",Store listing,,,0.8",
    )
    assert code == 0, out
    assert "IMP202" not in out, out
    assert key_results(site, "ship-the-app") == [
        ("Beta shipped", "numeric", 0, 100, 45, "%"),
        ("Store listing", "numeric", 0, 100, 80, "%"),
    ]

    mapped = tmp_path / "mapped"
    site = empty_site(mapped)
    sheet = mapped / "s.csv"
    sheet.write_text(
        "Objective,Key result,Owner,Quarter,Done so far\nShip the app,Beta shipped,Uma Diaz,Q1 2026,45\n",
        encoding="utf-8",
    )
    code, out = run("import", str(sheet), "--site", str(site), "--map", "Done so far=progress")
    assert code == 0, out
    assert "IMP202" not in out, out
    assert key_results(site, "ship-the-app") == [("Beta shipped", "numeric", 0, 100, 45, "%")]


def test_a_figure_the_spreadsheet_turned_into_a_date_is_named_as_one(tmp_path: Path) -> None:
    """German Excel makes 1.2 typed in a cell the date 1 February: the error
    says the cell holds a date and how to get the figure back, not
    "datetime.date(2026, 2, 1) is not a number"."""
    from datetime import datetime

    site, code, out = import_xlsx(
        tmp_path,
        HEADER.split(","),
        ["Grow", "Revenue", "Uma Diaz", "Sales", "Q1 2026", 0, datetime(2026, 2, 1), 0.5, ""],
    )
    assert code == 1, out
    assert "the cell holds the date 2026-02-01, not a number" in out
    assert "format the cell as a number" in out
    assert "datetime" not in out


def test_an_unlabelled_totals_row_is_told_how_to_be_left_out(tmp_path: Path) -> None:
    site, code, out = import_csv(
        tmp_path,
        HEADER,
        "Improve quality,Cut bugs,Uma Diaz,Platform,Q1 2026,100,50,80,bugs",
        ",,,,,0,400,160,",
    )
    assert code == 1, out
    assert "row 3" in out and "no key result title" in out
    assert (
        "a totals row is left out (IMP207) when its objective or key result cell says Total" in out
    )


# ------------------------------------------------------------------ cells formatted as % or money
def _formatted_book(tmp_path: Path, language: str) -> tuple[Path, int, str]:
    site = empty_site(tmp_path)
    (site / "okrsite.toml").write_text(
        f'title = "Imported"\nas_of = {AS_OF}\nlanguage = "{language}"\n', encoding="utf-8"
    )
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Objective", "Key result", "Owner", "Quarter", "Start", "Target", "Current"])
    sheet.append(["Grow revenue", "Raise MRR", "Uma Diaz", "Q1 2026", 200000, 250000, 205000.5])
    sheet.append(["Grow revenue", "Raise share", "Uma Diaz", "Q1 2026", 0.12345, 0.2, 0.15])
    sheet.append(["Grow revenue", "Raise US sales", "Uma Diaz", "Q1 2026", 1000, 2500, 1500])
    for cells, form in (
        (("E2", "F2", "G2"), '#,##0.00 "€"'),
        (("E3", "F3", "G3"), "0.000%"),
        (("E4", "F4", "G4"), '"$"#,##0.00_);[Red]("$"#,##0.00)'),
    ):
        for cell in cells:
            sheet[cell].number_format = form
    path = tmp_path / "s.xlsx"
    book.save(path)
    code, out = run("import", str(path), "--site", str(site))
    return site, code, out


def test_cells_formatted_as_money_or_percent_keep_their_unit_and_exact_figure(
    tmp_path: Path,
) -> None:
    """A currency format's € was dropped, and a % cell of 0.12345 became the
    text "12.345%", read as twelve thousand on a German site (with IMP204)."""
    for language in ("en", "de"):
        site, code, out = _formatted_book(tmp_path / language, language)
        assert code == 0, out
        assert "IMP204" not in out, out
        assert key_results(site, "grow-revenue") == [
            ("Raise MRR", "numeric", 200000, 250000, 205000.5, "€"),
            ("Raise share", "numeric", 12.345, 20, 15, "%"),
            ("Raise US sales", "numeric", 1000, 2500, 1500, "$"),
        ], language


def test_a_hostile_number_format_is_read_in_linear_time() -> None:
    """A format of 50,000 "[$" took minutes (the sign pattern backtracked);
    Excel keeps formats to 255 characters, and a longer one is not read for
    its signs. Without the fix this test does not finish."""
    from types import SimpleNamespace

    from okrsite.spreadsheet_xlsx import _xlsx_value, currency_of

    assert currency_of("[$" * 50_000) is None
    assert currency_of("[$" * 100 + "[$€-407]#,##0") == "€"
    cell = SimpleNamespace(value=12.5, number_format="[$" * 50_000 + '"€"')
    assert _xlsx_value(cell) == 12.5


def test_an_objective_formula_without_a_stored_value_does_not_join_the_row_above(
    tmp_path: Path,
) -> None:
    """Found feeding hostile files: the Objective cell of row 3 held a formula
    without a stored result, so it read as blank, and its key result joined
    the objective of row 2 without a word."""
    site, code, out = import_xlsx(
        tmp_path,
        HEADER.split(","),
        ["Grow sales", "Close deals", "Uma Diaz", "Sales", "Q1 2026", 0, 20, 8, "deals"],
        [
            '=CONCAT("Cut ","costs")',
            "Lower cloud spend",
            "Uma Diaz",
            "Sales",
            "Q1 2026",
            0,
            5,
            1,
            "k€",
        ],
    )
    assert code == 0, out
    said = " ".join(out.split())
    assert (
        "s.xlsx:3:1: warning IMP205: row 3, column A 'Objective': the cell holds a formula "
        '(=CONCAT("Cut ","costs")) with no stored value: it is not read, and a row whose '
        "objective is not read from it is not imported (it would join the objective above)"
    ) in said, said
    assert [kr[0] for kr in key_results(site, "sales/grow-sales")] == ["Close deals"]
