"""okrsite import, newcomer audit 48 (finding 2), through the real CLI: a
yes/no key result written as a sheet has it, ``Target: done`` with
``Current: not done`` (or ``yes``/``no``), is the ``done:`` key result a goal
file's ``target: done`` is (one rule, :func:`okrsite.written_yes_no.written_done`),
from .csv and .xlsx alike; beside a start or a figure it is refused as a
number, with a hint that says how a yes/no key result is written.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from import_sheets import imported, sheet, site_at
from openpyxl import Workbook

HEADER = "Objective,Key result,Owner,Team,Quarter,Target,Current\n"


# ------------------------------------------------------------------ Target: done
YES_NO_ROWS = [
    ("Launch partners", "Sign 5 partners", "Uma Diaz", "Sales", "Q4 2026", 5, 2),
    (None, "Publish partner page", None, None, None, "done", "not done"),
    (None, "Train partner team", None, None, None, "yes", "no"),
    (None, "Open the Berlin office", None, None, None, "Done", "done"),
    (None, "Hire a partner manager", None, None, None, "done", None),
]


def _expect_yes_no_file(site: Path, out: str) -> None:
    text = (site / "content/objectives/sales/launch-partners.md").read_text()
    for kr_id, done in (
        ("publish-partner-page", "false"),
        ("train-partner-team", "false"),
        ("open-the-berlin-office", "true"),
        ("hire-a-partner-manager", "false"),
    ):
        block = text[text.index(f"id: {kr_id}") :]
        block = block[: block.find("- id:")] if "- id:" in block else block
        assert f"done: {done}" in block and "target" not in block, (kr_id, text)
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out and "OKR307" not in out, out
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    page = (site / "_site/objectives/sales/launch-partners/index.html").read_text()
    assert "Open the Berlin office" in page and "Publish partner page" in page


def test_target_done_imports_as_a_yes_no_key_result_from_csv(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    text = HEADER + "".join(
        ",".join("" if cell is None else str(cell) for cell in row) + "\n" for row in YES_NO_ROWS
    )
    code, out = imported(site, sheet(tmp_path, "s.csv", text))
    assert code == 0, out
    assert "IMP102" not in out, out
    _expect_yes_no_file(site, out)


def test_target_done_imports_as_a_yes_no_key_result_from_xlsx(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    book = Workbook()
    ws = book.active
    ws.append(HEADER.strip().split(","))
    for row in YES_NO_ROWS:
        ws.append(list(row))
    book.save(tmp_path / "s.xlsx")
    code, out = imported(site, tmp_path / "s.xlsx")
    assert code == 0, out
    assert "IMP102" not in out, out
    _expect_yes_no_file(site, out)


def test_target_done_beside_a_start_or_a_figure_is_refused_saying_how_to_write_it(
    tmp_path: Path,
) -> None:
    """As a goal file's ``target: done`` with ``start:`` or ``current: 40%``
    is read as a number, and refused (OKR102): the hint says how a yes/no key
    result is written, not only to write digits."""
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "s.csv",
        "Objective,Key result,Owner,Team,Quarter,Start,Target,Current\n"
        "Launch partners,Publish partner page,Uma Diaz,Sales,Q4 2026,,done,40%\n"
        ",Train partner team,,,,0,yes,no\n",
    )
    code, out = imported(site, path)
    assert code == 1, out
    hint = (
        "(hint: a yes/no key result is written with done (or yes) as its target, done or not "
        "done (yes or no) as its current value, and no start; a numeric one with digits, "
        "e.g. 40, 12.5 or 45%)"
    )
    assert (
        f"s.csv:2:7: error IMP102: row 2, column G 'Target': 'done' is not a number {hint}" in out
    )
    assert f"s.csv:3:7: error IMP102: row 3, column G 'Target': 'yes' is not a number {hint}" in out
    assert not (site / "content/objectives/sales").exists()
