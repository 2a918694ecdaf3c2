"""Fix 53 ("hostile authoring"): what a typed id or a sheet's cell could do.

* F1: ``okrsite import`` of a Team cell longer than 255 bytes (a file name
  too long for the file system) asked whether that file exists, and the
  system's error was a traceback (``File name too long``); a 130-letter
  team was already IMP110 "too long to be a file name". Every length is.
* F2: ``okrsite new`` of an id part longer than 255 bytes, likewise; every
  kind gets OKR009 "too long to be a file name", nothing written, and
  ``okrsite init`` or ``--site`` given such a name a usage error.
* F3: a CSV cell whose opening quote is never closed took the rest of the
  file into that cell, unsaid: an import would have written a key result
  titled with it. It is IMP001 at the quote (a KPI's data file OKR203,
  with a hint to close the quote); a quoted cell over several lines that
  is closed is imported as before.
* F4: a control character in a sheet's cell was IMP110 for the row alone,
  naming the first such character of the file written (perhaps of another
  cell), with a hint about escapes. It is said at each cell, naming each
  character, with a hint that fits a sheet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import files_of, run_cli, write_site

SITE: dict[str, str | bytes] = {
    "okrsite.toml": """
        title = "Acme"
        default_cycle = "2026-Q4"
        as_of = 2026-11-25
    """,
    "content/objectives/sales/grow.md": """
        ---
        title: Grow
        owner: bob
        team: sales
        key_results:
          - {id: k1, title: Deals, start: 0, target: 10}
        ---
    """,
    # a folder of each kind: under one that is not there the system says
    # "no such file" before it looks at the name's length
    "content/objectives/company/win.md": """
        ---
        title: Win
        key_results:
          - {id: k1, title: Wins, start: 0, target: 10}
        ---
    """,
    "content/kpis/churn.md": """
        ---
        title: Churn
        unit: "%"
        target: 2
        values: {2026-11-01: 3}
        ---
    """,
    "content/goals/handbook.md": """
        ---
        title: Handbook
        due: 2026-12-31
        measure: {start: 0, target: 12, current: 3, unit: chapters}
        ---
    """,
    "content/people/bob.md": "---\ntitle: Bob\n---\n",
    "content/teams/sales.md": "---\ntitle: Sales\n---\n",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", SITE)


def _import(site: Path, name: str, text: str | bytes, *args: str) -> tuple[int, str]:
    sheet = site.parent / name
    if isinstance(text, bytes):
        sheet.write_bytes(text)
    else:
        sheet.write_text(text, encoding="utf-8", newline="")
    return run_cli("import", str(sheet), "--site", str(site), *args)


# ---------------------------------------------------------------- F1 import
@pytest.mark.parametrize(
    "team",
    ["t" * 130, "t" * 260, "t" * 5000, "日" * 100, " ".join(["Customer Success"] * 30)],
    ids=["130", "260", "5000", "cjk", "words"],
)
@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "import"])
def test_import_long_team_is_imp110(site: Path, team: str, dry_run: bool) -> None:
    before = files_of(site)
    text = f"Objective,Key result,Team,Target,Confidence\nGrow,KR,{team},10,7\n"
    code, out = _import(site, "t.csv", text, *(["--dry-run"] if dry_run else []))
    assert code == 1, out
    assert "t.csv:2: error IMP110: row 2: id '" in out
    assert "is too long to be a file name" in out
    assert "OSError" not in out and "File name too long" not in out
    assert files_of(site) == before


@pytest.mark.parametrize(
    "header, cells",
    [
        ("Objective,Key result,Owner,Target", "{o},KR,Bob,10"),
        ("Objective id,Objective,Key result,Target", "{i},Grow,KR,10"),
        ("Objective id,Objective,Key result,Target", "{p},Grow,KR,10"),
        ("Objective,Key result,Owner,Team,Target", "Grow,KR,{w},{w},10"),
    ],
    ids=["objective", "id", "id-parts", "owner-and-team"],
)
def test_import_long_objective_id_or_owner(site: Path, header: str, cells: str) -> None:
    row = cells.format(
        o="o" * 300, i="a" * 300, p="/".join(["a" * 100] * 60), w=" ".join(["Uma"] * 80)
    )
    code, out = _import(site, "long.csv", f"{header}\n{row}\n", "--dry-run")
    assert "Traceback" not in out and "OSError" not in out
    # a long title is cut into a slug; an id (or a team, its folder) too long
    # for a file is refused
    if header.startswith("Objective id") or "Team" in header:
        assert code == 1 and "error IMP110: row 2: id '" in out, out
        assert "too long to be a file name" in out
    else:
        assert code == 0, out


def test_import_a_path_that_cannot_be_looked_up_is_located(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any other error of the system asked whether a file is there (a folder
    that may not be read) is an error at the row, not a traceback."""
    import okrsite.import_validate as import_validate

    def refused(root: Path, rel: str) -> bool:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(import_validate, "file_exists", refused)
    text = "Objective,Key result,Team,Target\nShip,KR,Ops,10\n"
    code, out = _import(site, "p.csv", text, "--dry-run")
    assert code == 1, out
    assert (
        "p.csv:2: error IMP110: row 2: cannot tell whether content/objectives/ops/ship.md, "
        "the file it would write, exists: Permission denied"
    ) in out


# ---------------------------------------------------------------- F2 new
@pytest.mark.parametrize(
    "kind, rid",
    [
        ("objective", "a" * 130),
        ("objective", "a" * 300),
        ("objective", "b" * 5000),
        ("objective", "company/" + "日" * 90),
        ("objective", "/".join(["Ab Cd"] * 90)),
        ("kpi", "k" * 300),
        ("kpi", "Kpi Name " * 60),
        ("goal", "g" * 300),
        ("person", " ".join(["Uma"] * 80)),
        ("team", " ".join(["Sales"] * 80)),
        ("objective", "content/objectives/" + "a" * 300 + ".md"),
    ],
    ids=[
        "130",
        "300",
        "5000",
        "cjk-part",
        "many-parts",
        "kpi",
        "kpi-words",
        "goal",
        "person",
        "team",
        "as-path",
    ],
)
def test_new_long_id_is_okr009(site: Path, kind: str, rid: str) -> None:
    before = files_of(site)
    code, out = run_cli("new", kind, rid, "--title", "T", "--site", str(site))
    assert code == 1, out
    assert "error OKR009: id '" in out and "is too long to be a file name" in out, out
    assert "nothing was changed" in out
    assert files_of(site) == before


def test_new_checkin_of_a_long_target_is_refused(site: Path) -> None:
    before = files_of(site)
    for args in (("new", "checkin"), ("checkin",)):
        code, out = run_cli(*args, "c" * 300, "--value", "3", "--site", str(site))
        assert code == 2, out
        assert "no single objective, KPI or SMART goal is named" in out
    assert files_of(site) == before


def test_new_when_the_file_cannot_be_looked_up(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import okrsite.authoring_refusals as refusals

    def refused(root: Path, rel: str) -> bool:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(refusals, "file_exists", refused)
    code, out = run_cli("new", "objective", "sales/ship", "--site", str(site))
    assert code == 1, out
    assert "cannot tell whether content/objectives/sales/ship.md exists: Permission denied" in out


def test_init_and_site_of_a_name_too_long(tmp_path: Path, site: Path) -> None:
    long = str(tmp_path / ("a" * 300))
    code, out = run_cli("init", long)
    assert code == 2, out
    assert "is too long for a file system" in out and "nothing was written" in out
    for args in (("new", "objective", "x"), ("check",)):
        code, out = run_cli(*args, "--site", long)
        assert code == 2, out
        assert "no such folder" in out


# ---------------------------------------------------------------- F3 unclosed quote
QUOTE_SHEET = (
    "Objective,Key result,Owner,Team,Quarter,Start,Target\n"
    'O,"KR unterminated,U,CS,Q4 2026,0,10\n' + "x\n" * 1000
)


def test_import_unclosed_quote_is_imp001_at_the_quote(site: Path) -> None:
    before = files_of(site)
    code, out = _import(site, "quote.csv", QUOTE_SHEET, "--dry-run")
    assert code == 1, out
    assert (
        "quote.csv:2:3: error IMP001: quote.csv, line 2: the quote (\") that opens row 2's "
        "cell in column B is never closed, so the rest of the file (1,000 more lines) would "
        "be read as that one cell; close the quote"
    ) in out
    assert "would write" not in out
    assert files_of(site) == before


@pytest.mark.parametrize(
    "text, line, column",
    [
        ('Objective,Key result,Target\nGrow,"KR,10', 2, 6),  # no line break at the end
        ('Objective;Key result;Target\r\nGrow;KR;10\r\nShip;Deals;"5\r\n', 3, 12),
        ('Objective,Key result,Target\nGrow,KR,10\n"Ship,Deals,5\nmore\n', 3, 1),
    ],
    ids=["last-line", "semicolons-crlf", "first-cell"],
)
def test_import_unclosed_quote_forms(site: Path, text: str, line: int, column: int) -> None:
    code, out = _import(site, "q.csv", text, "--dry-run")
    assert code == 1, out
    assert f"q.csv:{line}:{column}: error IMP001:" in out and "is never closed" in out


def test_import_closed_quotes_over_lines_still_import(site: Path) -> None:
    """A note typed with Alt+Enter is a quoted cell over lines: imported."""
    text = (
        "Objective,Key result,Team,Target,Notes\r\n"
        'Ship,KR,Ops,10,"line one\nline ""two"", quoted"\r\n'
        'Ship,Other,Ops,5,"a, b"\r\n'
    )
    code, out = _import(site, "ok.csv", text)
    assert code == 0, out
    written = (site / "content/objectives/ops/ship.md").read_text(encoding="utf-8")
    assert 'line one\n  line "two", quoted' in written


KPI_SITE: dict[str, str | bytes] = {
    **SITE,
    "content/kpis/nps.md": """
        ---
        title: NPS
        unit: points
        target: 45
        data: data/nps.csv
        ---
    """,
}


def test_kpi_data_unclosed_quote_has_a_sensible_hint(tmp_path: Path) -> None:
    kpi_site = write_site(tmp_path / "kpi", KPI_SITE)
    (kpi_site / "content/data").mkdir()
    (kpi_site / "content/data/nps.csv").write_text(
        'date,value\n2026-10-01,"1\n2026-11-01,2\n', encoding="utf-8"
    )
    code, out = run_cli("check", "--site", str(kpi_site))
    assert code == 1, out
    assert (
        'content/data/nps.csv:2:12: error OKR203: CSV file cannot be read: the quote (") '
        "that opens row 2's cell in column B is never closed"
    ) in out
    assert "hint: close the quote where the cell's text ends" in out
    assert "write 1\\n" not in out and "write 1\n" not in out


def test_kpi_data_closed_quote_over_lines_still_read(tmp_path: Path) -> None:
    kpi_site = write_site(tmp_path / "kpi", KPI_SITE)
    (kpi_site / "content/data").mkdir()
    (kpi_site / "content/data/nps.csv").write_text(
        'date,value,note\n2026-10-01,31,"a\nnote"\n2026-11-01,"1,200",x\n', encoding="utf-8"
    )
    code, out = run_cli("check", "--site", str(kpi_site))
    assert "OKR203" not in out and "never closed" not in out, out


# ---------------------------------------------------------------- F4 control characters
def test_control_characters_are_said_at_each_cell(site: Path) -> None:
    sheet = b"Objective,Key result,Team,Target,Notes\nGr\x00ow,K\x07R,Sa\x1bles,10,n\x01o\x07\n"
    code, out = _import(site, "ctl.csv", sheet, "--dry-run")
    assert code == 1, out
    lines = [line for line in out.splitlines() if "IMP110" in line]
    assert len(lines) == 4, out
    assert lines[0].startswith(
        "ctl.csv:2:1: error IMP110: row 2, column A 'Objective': the cell holds the "
        "control character U+0000 (NUL), which a goal file cannot hold"
    )
    assert "ctl.csv:2:2: error IMP110: row 2, column B 'Key result'" in lines[1]
    assert "U+0007 (BEL)" in lines[1]
    assert "ctl.csv:2:3: error IMP110: row 2, column C 'Team'" in lines[2]
    assert "U+001B (ESC)" in lines[2]
    assert "control characters U+0001 (SOH), U+0007 (BEL)" in lines[3]
    assert "=CLEAN(A2)" in lines[0] and "retype the cell's text" in lines[0]
    assert "escape" not in out and "quoted text" not in out


def test_control_character_in_a_cell_over_lines_is_at_its_line(site: Path) -> None:
    sheet = (
        b'Objective,Key result,Team,Target,Notes\nShip,KR,Ops,10,"one\ntwo"\n'
        b"Grow,KR2,Ops,10,x\x07\n"
    )
    code, out = _import(site, "ctl.csv", sheet, "--dry-run")
    assert code == 1, out
    assert "ctl.csv:4:5: error IMP110: row 3, column E 'Notes'" in out


def test_control_character_in_an_unread_column_is_not_said(site: Path) -> None:
    sheet = b"Objective,Key result,Target,Comment\nShip,KR,10,x\x07\n"
    code, out = _import(site, "ctl.csv", sheet, "--dry-run", "--map", "Comment=ignore")
    assert code == 0, out
