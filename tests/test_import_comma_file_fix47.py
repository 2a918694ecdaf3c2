"""A quoted ``"1,200"`` in a CSV file separated by commas, imported into a
site whose language writes a decimal comma.

``okrsite import okrs.csv`` on a German site read a target of 1,200
customers, quoted in a comma-separated sheet (an English sheet's, or a
script's), as 1.2, with a warning only (IMP204), while a KPI's data file
refuses the same cell (OKR203) by :func:`okrsite.kpi_csv.ambiguous`. Now the
import refuses it by that one rule (IMP111, both readings, what to write),
and reads it as the sheet shows when the sheet's own figures decide its
decimal mark; a semicolon file's ``1,2`` is still 1.2.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import files_of, run_cli, write_site

TOML = """\
title = "Acme Ziele"
language = "{language}"
default_cycle = "2026-Q4"
as_of = "2026-11-20"
"""


def _site(tmp_path: Path, language: str = "de") -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML.format(language=language),
            "content/objectives/.keep": "",
        },
    )


def _sheet(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _targets(site: Path) -> dict[str, tuple[float, float | None]]:
    """The key results' targets and current figures the built site shows."""
    code, out = run_cli("build", "--site", str(site), "--no-history")
    assert code == 0, out
    portfolio = json.loads((site / "_site/api/portfolio.json").read_text(encoding="utf-8"))
    return {
        kr["title"]: (kr["target"], kr["current"])
        for objective in portfolio["objectives"]
        for kr in objective["key_results"]
    }


def test_a_quoted_thousands_comma_in_a_comma_file_is_refused_on_a_german_site(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path)
    before = files_of(site)
    sheet = _sheet(
        tmp_path,
        "okrs.csv",
        "Objective,Key result,Cycle,Start,Target,Current,Unit\r\n"
        'Grow,Customers,2026-Q4,0,"1,200","1,100 Kunden",Kunden\r\n',
    )
    code, out = run_cli("import", str(sheet), "--site", str(site))
    assert code == 1, out
    assert "Traceback" not in out, out
    assert (
        "okrs.csv:2:5: error IMP111: row 2, column E 'Target': '1,200' reads two ways: 1200 "
        "with the comma grouping thousands, as a file separated by commas writes it, and 1.2 "
        "with a decimal comma, as this site's language writes it: not imported (hint: write "
        "1200 if the comma groups thousands, or 1.2 if it marks the decimals"
    ) in out, out
    # a figure written with the row's unit is the same slip, said once
    assert "okrs.csv:2:6: error IMP111: row 2, column F 'Current': '1,100' reads two ways" in out
    assert out.count(": error ") == 2, out
    assert "nothing was written" in out, out
    assert files_of(site) == before


def test_the_sheets_own_decimal_comma_decides_and_a_semicolon_file_keeps_its_comma(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path)
    decided = _sheet(
        tmp_path,
        "decided.csv",
        "Objective,Key result,Cycle,Start,Target\r\n"
        'Grow,Customers,2026-Q4,0,"1,200"\r\n'
        ',Revenue,,"1.250,5","2.000,5"\r\n',
    )
    code, out = run_cli("import", str(decided), "--site", str(site))
    assert code == 0, out
    assert "IMP111" not in out and "IMP204" not in out, out
    semicolons = _sheet(
        tmp_path,
        "semi.csv",
        "Objective;Key result;Cycle;Start;Target\r\nKeep;Margin;2026-Q4;0;1,2\r\n",
    )
    code, out = run_cli("import", str(semicolons), "--site", str(site))
    assert code == 0, out
    assert _targets(site) == {
        "Customers": (1.2, None),
        "Revenue": (2000.5, None),
        "Margin": (1.2, None),
    }


def test_an_english_site_still_reads_the_quoted_comma_as_thousands(tmp_path: Path) -> None:
    site = _site(tmp_path, "en")
    sheet = _sheet(
        tmp_path,
        "okrs.csv",
        'Objective,Key result,Cycle,Start,Target\r\nGrow,Customers,2026-Q4,0,"1,200"\r\n',
    )
    code, out = run_cli("import", str(sheet), "--site", str(site))
    assert code == 0, out
    assert "IMP111" not in out, out
    assert _targets(site) == {"Customers": (1200, None)}
