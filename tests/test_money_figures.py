"""Amounts of money with cents show two decimals, as a spreadsheet's currency
cell does: a KPI CSV row ``95.000,50`` showed as ``95.000,5 €`` on the KPI
page, in its table and in its chart's label."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrsite.cli import cli

KPI = "---\ntitle: Revenue\nunit: {unit}\ndirection: up\nvalues:\n  2026-10-01: 90000\n  2026-11-01: {value}\n---\n"


def kpi_page(root: Path, language: str, unit: str, value: str) -> str:
    (root / "content/kpis").mkdir(parents=True)
    (root / "okrsite.toml").write_text(f'as_of = 2026-11-20\nlanguage = "{language}"\n')
    (root / "content/kpis/revenue.md").write_text(KPI.format(unit=unit, value=value))
    result = CliRunner().invoke(cli, ["build", "--site", str(root)])
    assert result.exit_code == 0, result.output
    return (root / "_site/kpis/revenue/index.html").read_text()


@pytest.mark.parametrize(
    ("language", "unit", "value", "shown", "not_shown"),
    [
        # English writes the sign first, as its CLDR pattern does; German after
        ("en", "€", "95000.5", "€95,000.50", "95,000.50 €"),
        ("de", "€", "95000.5", "95.000,50 €", "95.000,5 €"),
        ("en", "EUR", "95000.5", "95,000.50 EUR", "95,000.5 EUR"),
        ("en", "usd", "12.3", "12.30 usd", "12.3 usd"),
        ("en", "€", "95000", "€95,000", "€95,000.00"),
        ("en", "$", "-5", "-$5", "$-5"),
        ("de", "$", "1200", "1.200 $", "$1.200"),
        ("en", "k EUR", "1.5", "1.5 k EUR", "1.50 k EUR"),
        ("en", "h", "2.5", "2.5 h", "2.50 h"),
    ],
)
def test_money_with_cents_has_two_decimals(
    tmp_path: Path, language: str, unit: str, value: str, shown: str, not_shown: str
) -> None:
    html = kpi_page(tmp_path, language, unit, value).replace("\u00a0", " ")
    assert shown in html
    assert not_shown not in html


def test_a_run_of_figures_in_dollars_carries_the_sign_on_each(tmp_path: Path) -> None:
    """``start → current → target`` of a key result in ``$``, and a check-in's
    move, read ``$0 → $600,000 → $1,200,000`` in English: a sign before the
    last figure only would read as "0 → 600,000 → $1,200,000"."""
    root = tmp_path / "site"
    (root / "content/objectives").mkdir(parents=True)
    (root / "content/checkins").mkdir(parents=True)
    (root / "okrsite.toml").write_text("as_of = 2026-11-20\n")
    (root / "content/objectives/grow.md").write_text(
        "---\ntitle: Grow\nowner: Uma Diaz\ncycle: 2026-Q4\nkey_results:\n"
        "  - {id: arr, title: New ARR, start: $0, target: $1.2M, current: $450k}\n"
        "  - {id: days, title: Cycle time, start: 30, target: 20, unit: days}\n---\n"
    )
    (root / "content/checkins/2026-11-18.md").write_text(
        "---\nobjective: grow\ndate: 2026-11-18\nvalues: {arr: 600k, days: 25}\n---\n"
    )
    result = CliRunner().invoke(cli, ["build", "--site", str(root)])
    assert result.exit_code == 0, result.output
    page = (root / "_site/objectives/grow/index.html").read_text()
    assert "$0 → $600,000 → $1,200,000" in page
    assert "30 → 25 → 20 days" in page
    dashboard = (root / "_site/index.html").read_text()
    assert "$450,000 → $600,000" in dashboard
    assert "Cycle time</bdi>: 25 days" in dashboard


@pytest.mark.parametrize(
    ("language", "unit", "shown", "not_shown"),
    [
        # a magnitude or a rate after the sign follows the figure; the sign leads in English
        ("en", "$M", "$0M → $0.6M → $1.2M", "0.6 $M"),
        ("en", "€k/month", "€0k/month → €0.6k/month → €1.2k/month", "1.2 €k/month"),
        ("en", "$/seat", "$0/seat → $0.6/seat → $1.2/seat", "1.2 $/seat"),
        ("de", "$M", "0 → 0,6 → 1,2 $M", "$1,2M"),
        # words after the sign are a unit of their own: after the figure
        ("en", "$ per seat", "0 → 0.6 → 1.2 $ per seat", "$1.2 per seat"),
    ],
)
def test_a_currency_sign_with_a_magnitude_or_rate_leads_in_english(
    tmp_path: Path, language: str, unit: str, shown: str, not_shown: str
) -> None:
    """``unit: $M`` reads ``$1.2M`` on an English page (as people write it),
    not ``1.2 $M``; German writes the sign after the figure in any case."""
    root = tmp_path / "site"
    (root / "content/objectives").mkdir(parents=True)
    (root / "content/checkins").mkdir(parents=True)
    (root / "okrsite.toml").write_text(f'as_of = 2026-11-20\nlanguage = "{language}"\n')
    (root / "content/objectives/grow.md").write_text(
        "---\ntitle: Grow\nowner: Uma Diaz\ncycle: 2026-Q4\nkey_results:\n"
        f'  - {{id: arr, title: New ARR, start: 0, target: 1.2, unit: "{unit}"}}\n---\n'
    )
    (root / "content/checkins/2026-11-18.md").write_text(
        "---\nobjective: grow\ndate: 2026-11-18\nvalues: {arr: 0.6}\n---\n"
    )
    result = CliRunner().invoke(cli, ["build", "--site", str(root)])
    assert result.exit_code == 0, result.output
    page = (root / "_site/objectives/grow/index.html").read_text().replace("\u00a0", " ")
    assert shown in page
    assert not_shown not in page


def test_the_same_money_in_another_magnitude_is_converted(tmp_path: Path) -> None:
    """``$450k`` in a check-in for a key result in ``$M`` is 0.45 of it, as
    people paste it from a sheet (it was OKR312, "written in '$k'"); a KPI
    in ``k€`` reads ``€1.2M`` as 1200. Another currency stays an error."""
    root = tmp_path / "site"
    (root / "content/objectives").mkdir(parents=True)
    (root / "content/kpis").mkdir(parents=True)
    (root / "content/checkins").mkdir(parents=True)
    (root / "okrsite.toml").write_text("as_of = 2026-11-20\n")
    (root / "content/objectives/grow.md").write_text(
        "---\ntitle: Grow\nowner: Uma Diaz\ncycle: 2026-Q4\nkey_results:\n"
        '  - {id: arr, title: New ARR, start: 0, target: 1.2, unit: "$M"}\n'
        "  - {id: deals, title: Deals, target: 40}\n---\n"
    )
    (root / "content/kpis/pipeline.md").write_text(
        '---\ntitle: Pipeline\nunit: "k€"\ndirection: up\nvalues:\n  2026-11-01: 900\n---\n'
    )
    (root / "content/checkins/2026-11-18.md").write_text(
        '---\nobjective: grow\ndate: 2026-11-18\nvalues: {arr: "$450k", deals: 18}\n---\n'
    )
    (root / "content/checkins/2026-11-19.md").write_text(
        '---\nkpi: pipeline\ndate: 2026-11-19\nvalue: "€1.2M"\n---\n'
    )
    result = CliRunner().invoke(cli, ["build", "--site", str(root)])
    assert result.exit_code == 0, result.output
    data = json.loads((root / "_site/api/portfolio.json").read_text())
    krs = {k["id"]: k for k in data["objectives"][0]["key_results"]}
    assert krs["arr"]["current"] == 0.45
    assert data["kpis"][0]["value"] == 1200
    (root / "content/checkins/2026-11-18.md").write_text(
        '---\nobjective: grow\ndate: 2026-11-18\nvalues: {arr: "€450k", deals: 18}\n---\n'
    )
    result = CliRunner().invoke(cli, ["check", "--site", str(root)])
    assert result.exit_code == 1 and "OKR312" in result.output, result.output
