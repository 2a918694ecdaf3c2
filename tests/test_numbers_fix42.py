"""Figures as spreadsheets paste them, read alike wherever they are written.

- accounting negatives (``(123)``, ``(1.200,00 €)``) are negative in a key
  result's ``current:``, a check-in's ``values:``, ``okrsite checkin --set``,
  ``--value`` and its prompt, a KPI's ``values:`` and ``thresholds:`` and a
  JSON source of ``okrsite pull``, as a KPI's CSV already read them;
- the hint for a German figure in a comma-separated data file is a figure
  the file reads (``2000.5``, not ``2.000.5``), in ``okrsite check`` and
  ``okrsite pull`` alike.

``okrsite pull``'s own reading of sources is tested in
``test_numbers_fix42_pull.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import run_cli, write_site

from okrsite import authoring_cli
from okrsite.cli import cli

TOML = 'language = "{language}"\ntitle = "x"\nas_of = 2026-11-20\ndefault_cycle = "2026-Q4"\n'
CASH = """\
---
title: Cash
owner: Ann
key_results:
  - id: burn
    title: Burn
    start: 0
    target: -500
    current: (123)
  - {id: loss, title: Loss, start: 0, target: -2000, unit: €}
---
"""
PNL = """\
---
title: PnL
unit: €
thresholds:
  green: 0
  red: (1.200,00 €)
values:
  2026-10-01: (1.200,00 €)
---
"""


def _site(root: Path, language: str = "de", **files: str) -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": TOML.format(language=language),
            "content/objectives/cash.md": CASH,
            "content/kpis/pnl.md": PNL,
            **files,
        },
    )


def _exported(site: Path) -> dict[str, Any]:
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    return dict(json.loads(out))


def _current(portfolio: dict[str, Any], kr: str) -> Any:
    return next(k for o in portfolio["objectives"] for k in o["key_results"] if k["id"] == kr)[
        "current"
    ]


def _kpi(portfolio: dict[str, Any]) -> dict[str, Any]:
    return dict(next(k for k in portfolio["kpis"] if k["id"] == "pnl"))


# ------------------------------------------------------------ accounting negatives
def test_a_figure_in_brackets_is_negative_in_goal_files(tmp_path: Path) -> None:
    """``current: (123)``, a KPI's ``values:`` and ``thresholds:`` written
    ``(1.200,00 €)``: before, OKR102 "got '(123)'"."""
    site = _site(tmp_path / "site")
    portfolio = _exported(site)
    assert _current(portfolio, "burn") == -123
    kpi = _kpi(portfolio)
    assert kpi["value"] == -1200
    assert kpi["thresholds"] == {"green": 0, "red": -1200}


def test_a_figure_in_brackets_is_negative_in_a_checkin_file(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        **{
            "content/checkins/cash/2026-11-18.md": (
                "---\nobjective: cash\ndate: 2026-11-18\nvalues:\n  loss: (300)\n---\n"
            )
        },
    )
    assert _current(_exported(site), "loss") == -300


def test_a_figure_in_brackets_is_negative_typed_at_checkin(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", language="en")
    code, out = run_cli(
        "checkin", "cash", "--set", "loss=(400)", "--date", "2026-11-18", "--site", str(site)
    )
    assert code == 0, out
    assert (site / "content/checkins/cash/2026-11-18.md").read_text(encoding="utf-8") == (
        "---\nobjective: cash\ndate: 2026-11-18\nvalues: {loss: -400}\n---\n"
    )
    code, out = run_cli(
        "checkin", "pnl", "--value", "(1,200.00 €)", "--date", "2026-11-19", "--site", str(site)
    )
    assert code == 0, out
    # written as the number the loader reads it as (audit 48), and read back as -1200
    assert "value: -1200\n" in (site / "content/checkins/pnl/2026-11-19.md").read_text(
        encoding="utf-8"
    )
    portfolio = _exported(site)
    assert _current(portfolio, "loss") == -400
    assert _kpi(portfolio)["value"] == -1200


def test_a_figure_in_brackets_is_negative_at_the_prompt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)
    site = _site(tmp_path / "site")
    result = CliRunner().invoke(
        cli,
        ["checkin", "pnl", "--note", "", "--date", "2026-11-19", "--site", str(site)],
        input="(1.350,00 €)\n",
    )
    assert result.exit_code == 0, result.output
    assert "value: -1350\n" in (site / "content/checkins/pnl/2026-11-19.md").read_text(
        encoding="utf-8"
    )
    assert _kpi(_exported(site))["value"] == -1350


def test_a_figure_in_brackets_is_negative_in_a_json_source(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        **{
            "okrsite.toml": TOML.format(language="de")
            + '[[sources]]\nname = "pnl"\nfile = "exports/pnl.json"\n',
            "exports/pnl.json": '[{"date": "2026-11-01", "value": "(123)"},'
            ' {"date": "2026-11-02", "value": "(1.350 €)"}]',
            # a KPI of plain figures: the source alone writes brackets
            "content/kpis/pnl.md": "---\ntitle: PnL\nunit: €\nvalues:\n  2026-10-01: 5\n---\n",
        },
    )
    code, out = run_cli("pull", "--site", str(site), "--dry-run")
    assert code == 0, out
    assert "pnl: 2026-11-01 -123 (new)\npnl: 2026-11-02 -1350 (new)\n" in out


# ------------------------------------------------------------ a German figure's hint
def test_a_german_figure_in_a_comma_separated_file_is_hinted_as_a_number(
    tmp_path: Path,
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n',
            "content/kpis/rev.md": "---\ntitle: Rev\nunit: €\ndata: data/rev.csv\n---\n",
            "content/data/rev.csv": 'date,value\n2026-11-01,"2.000,5"\n'
            '2026-11-02,"1.234.567,89"\n2026-11-03,"1.234,56 €"\n',
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    tail = (
        ": in a file separated by commas a point marks the decimals, and a comma in a "
        'quoted number groups thousands ("1,200"))\n'
    )
    assert (
        "content/data/rev.csv:2:12: error OKR203: '2.000,5' is not a number (hint: write 2000.5"
        + tail
    ) in out
    assert (
        "content/data/rev.csv:3:12: error OKR203: '1.234.567,89' is not a number "
        "(hint: write 1234567.89" + tail
    ) in out
    assert (
        "content/data/rev.csv:4:12: error OKR203: '1.234,56 €' is not a number "
        "(hint: write 1234.56 €" + tail
    ) in out


def test_a_german_figure_in_a_comma_separated_source_is_hinted_so_in_pull(
    tmp_path: Path,
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n'
            '[[sources]]\nname = "rev"\nfile = "exports/rev.csv"\n',
            "exports/rev.csv": 'date,value\n2026-11-01,"2.000,5"\n',
            "content/kpis/rev.md": "---\ntitle: Rev\nunit: €\ndata: data/rev.csv\n---\n",
            "content/data/rev.csv": "date,value\n2026-10-01,1\n",
        },
    )
    code, out = run_cli("pull", "--site", str(site))
    assert code == 1, out
    assert (
        "okrsite: source 'rev' failed: exports/rev.csv, line 2 '2026-11-01,\"2.000,5\"': "
        "'2.000,5' is not a number (hint: write 2000.5: in a file separated by commas "
    ) in out


# ------------------------------------------------------------ 1.275 on an English site
def test_a_point_a_thousandfold_off_is_warned_on_an_english_site(tmp_path: Path) -> None:
    """``kunden: 1.275`` for a key result running 1200 → 1500: 0% without a
    word on an English site, while a German one warned (OKR124)."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\ndefault_cycle = "2026-Q4"\n',
            "content/objectives/sales.md": "---\ntitle: Sales\nowner: Ann\nkey_results:\n"
            "  - {id: kunden, title: Kunden, start: 1200, target: 1500}\n---\n",
            "content/checkins/sales/2026-11-18.md": (
                "---\nobjective: sales\ndate: 2026-11-18\nkunden: 1.275\n---\n"
            ),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "content/checkins/sales/2026-11-18.md:4:9: warning OKR124: 1.275 is read as 1.275; "
        "with a point that groups thousands it is 1275, as key result 'kunden' runs from "
        "1200 to 1500 (hint: write 1275 or 1,275, or 1.275 if meant)\n"
    ) in out
