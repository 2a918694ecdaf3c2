"""A euro amount with one comma before three digits (``€4,000``), imported
and in a KPI's data file, on a site whose language writes a decimal comma.

``okrsite import`` on a German site refused ``"EUR 4,000"`` in a
comma-separated sheet (IMP111) but imported ``"€4,000"`` silently as 4000,
and a semicolon sheet's ``4,000 €`` as 4000 too, while a goal file reads
that figure as 4 (OKR124) and a KPI's data file refuses it (OKR203): the
sheet reader rewrote the comma to a point (``€4.000``), which the money rule
then read as grouping thousands. Now the import reads it by the goal files'
reader, so all three agree. And OKR203's hint for ``"€4,000"`` in a
comma-separated KPI file suggested ``€4.000`` for the decimal reading, which
that file reads as 4000: each suggested writing is fed back here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import files_of, run_cli, write_site

TOML = """\
title = "Acme Ziele"
language = "{language}"
default_cycle = "2026-Q4"
as_of = "2026-11-20"
"""

GOAL = """\
---
title: Umsatz steigern
owner: uma
due: 2026-12-31
start: 0
target: "€4,000"
current: 1
---
"""

KPI = """\
---
title: Umsatz
unit: EUR
target: 5000
data: data/umsatz.csv
---
"""


def _site(tmp_path: Path, language: str = "de", files: dict[str, str] | None = None) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML.format(language=language),
            "content/objectives/.keep": "",
            **(files or {}),
        },
    )


def _sheet(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _portfolio(site: Path) -> dict[str, object]:
    code, out = run_cli("build", "--site", str(site), "--no-history")
    assert code == 0, out
    found: dict[str, object] = json.loads(
        (site / "_site/api/portfolio.json").read_text(encoding="utf-8")
    )
    return found


def _key_results(portfolio: dict[str, object]) -> dict[str, tuple[float, float | None]]:
    objectives = portfolio["objectives"]
    assert isinstance(objectives, list)
    return {
        kr["title"]: (kr["target"], kr["current"])
        for objective in objectives
        for kr in objective["key_results"]
    }


def _kpi_value(portfolio: dict[str, object]) -> object:
    kpis = portfolio["kpis"]
    assert isinstance(kpis, list)
    return kpis[0]["value"]


def test_a_quoted_euro_amount_in_a_comma_file_is_refused_as_a_plain_figure_is(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path)
    before = files_of(site)
    sheet = _sheet(
        tmp_path,
        "okrs.csv",
        "Objective,Owner,Team,Cycle,Key result,Start,Target,Current\r\n"
        'Grow,Uma Diaz,CS,2026-Q4,Revenue,0,"€4,000",€500\r\n',
    )
    code, out = run_cli("import", str(sheet), "--site", str(site))
    assert code == 1, out
    assert (
        "okrs.csv:2:7: error IMP111: row 2, column G 'Target': '€4,000' reads two ways: 4000 "
        "with the comma grouping thousands, as a file separated by commas writes it, and 4 "
        "with a decimal comma, as this site's language writes it: not imported (hint: write "
        "4000 if the comma groups thousands, or 4 if it marks the decimals"
    ) in out, out
    assert "nothing was written" in out, out
    assert files_of(site) == before
    # an English site reads the comma as grouping thousands, warned of as a
    # plain "4,000" is (a euro amount is written both ways)
    english = _site(tmp_path / "en", "en")
    code, out = run_cli("import", str(sheet), "--site", str(english))
    assert code == 0, out
    assert "IMP111" not in out, out
    assert "warning IMP204: row 2, column G 'Target': '€4,000' reads two ways" in out, out
    assert "read as 4000: nothing in the file shows its decimal mark" in out, out
    assert _key_results(_portfolio(english)) == {"Revenue": (4000, 500)}


def test_a_semicolon_files_euro_amount_reads_as_its_goal_and_kpi_files_read_it(
    tmp_path: Path,
) -> None:
    site = _site(
        tmp_path,
        files={
            "content/goals/umsatz.md": GOAL,
            "content/kpis/umsatz.md": KPI,
            "content/data/umsatz.csv": "Datum;Wert\n01.11.2026;4,000 €\n",
        },
    )
    sheet = _sheet(
        tmp_path,
        "okrs.csv",
        "Objective;Owner;Team;Cycle;Key result;Start;Target;Current\r\n"
        "Grow;Uma Diaz;CS;2026-Q4;Revenue;0;4,000 €;1,500 €\r\n",
    )
    code, out = run_cli("import", str(sheet), "--site", str(site))
    assert code == 0, out
    assert (
        "okrs.csv:2:7: warning IMP204: row 2, column G 'Target': '4,000 €' reads two ways: "
        "4000 with the comma grouping thousands, 4 with a decimal comma; read as 4"
    ) in out, out
    assert "column H 'Current': '1,500 €' reads two ways" in out, out
    portfolio = _portfolio(site)
    assert _key_results(portfolio) == {"Revenue": (4, 1.5)}
    assert _kpi_value(portfolio) == 4  # the data file's 4,000 €
    goals = portfolio["goals"]
    assert isinstance(goals, list)
    assert goals[0]["progress"] == 0.25  # current 1 of the goal file's "€4,000": 4


@pytest.mark.parametrize(
    ("cell", "thousands", "decimal"),
    [
        ("€4,000", 4000, 4),
        ("4,000 €", 4000, 4),
        ("€1,834", 1834, 1.834),
        ("4,000", 4000, 4),
    ],
)
def test_the_okr203_hint_names_writings_that_read_as_it_says(
    tmp_path: Path, cell: str, thousands: float, decimal: float
) -> None:
    site = _site(
        tmp_path,
        files={
            "content/kpis/umsatz.md": KPI,
            "content/data/umsatz.csv": f'date,value\n2026-11-01,"{cell}"\n',
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    hint = re.search(
        r"error OKR203: '[^']*' is not a number \(hint: write (.+) if the comma groups "
        r"thousands, or (.+) if it marks the decimals",
        out,
    )
    assert hint is not None, out
    for written, meant in zip(hint.groups(), (thousands, decimal), strict=True):
        (site / "content/data/umsatz.csv").write_text(
            f'date,value\n2026-11-01,"{written}"\n', encoding="utf-8"
        )
        assert _kpi_value(_portfolio(site)) == meant, (cell, written)
