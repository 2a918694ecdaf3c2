"""An objective's progress chart names what it draws: a point that is a key
result's KPI reading is titled "readings of KPI …", not "check-ins"
(okrsite.view.progress_chart_source), as the key result's sparkline is;
an objective moved by check-ins alone keeps "Progress over check-ins"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]

CHURN = "---\ntitle: Churn & loss\nunit: '%'\ndirection: down\ndata: data/churn.csv\n---\n"
READINGS = "date,churn\n2026-09-01,3.5%\n2026-10-01,3.0%\n2026-11-01,2.9%\n"


def objective(oid: str, kr: str) -> str:
    return (
        f"---\ntitle: Objective {oid}\ncycle: 2026-Q4\nowner: Uma Diaz\n"
        f"key_results:\n  - {kr}\n---\n"
    )


def files(language: str) -> dict[str, str | bytes]:
    kpi_kr = "{id: churn, title: Churn, kpi: churn, start: 4%, target: 2.5%}"
    plain_kr = "{id: deals, title: Deals, start: 0, target: 10}"
    return {
        "okrsite.toml": f'language = "{language}"\n',
        "content/kpis/churn.md": CHURN,
        "content/data/churn.csv": READINGS,
        # reads the KPI, no check-in: every point is a reading
        "content/objectives/only.md": objective("only", kpi_kr),
        # a check-in on 2026-10-15, then the reading of 2026-11-01 moves it
        "content/objectives/mixed.md": objective("mixed", f"{kpi_kr}\n  - {plain_kr}"),
        "content/checkins/mixed/2026-10-15.md": (
            "---\nobjective: mixed\ndate: 2026-10-15\nvalues: {deals: 4}\n---\n"
        ),
        # check-ins alone
        "content/objectives/plain.md": objective("plain", plain_kr),
        "content/checkins/plain/2026-10-15.md": (
            "---\nobjective: plain\ndate: 2026-10-15\nvalues: {deals: 4}\n---\n"
        ),
    }


def chart_label(out: Path, oid: str) -> str:
    html = (out / f"objectives/{oid}/index.html").read_text(encoding="utf-8")
    svg = BeautifulSoup(html, "html.parser").select_one("figure.chart-figure svg.line-chart")
    assert svg is not None
    assert svg.title is not None and svg.title.string == svg["aria-label"]
    return str(svg["aria-label"])


def build(make_site: MakeSite, tmp_path: Path, language: str) -> Path:
    out = tmp_path / f"out-{language}"
    site = make_site(files(language))
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", "2026-12-04")
    assert code == 0, output
    return out


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            {
                "only": "Progress over readings of KPI Churn & loss: 73% on 2026-11-01",
                "mixed": "Progress over check-ins and readings of KPI Churn & loss: ",
                "plain": "Progress over check-ins: 40% on 2026-10-15",
            },
        ),
        (
            "de",
            {
                "only": "Fortschritt über die Messwerte des KPI Churn & loss: 73\u00a0% am 01.11.2026",
                "mixed": "Fortschritt über die Check-ins und Messwerte des KPI Churn & loss: ",
                "plain": "Fortschritt über die Check-ins: 40\u00a0% am 15.10.2026",
            },
        ),
    ],
)
def test_progress_chart_names_the_kpi_readings_it_draws(
    make_site: MakeSite, tmp_path: Path, language: str, expected: dict[str, str]
) -> None:
    out = build(make_site, tmp_path, language)
    assert chart_label(out, "only") == expected["only"]
    mixed = chart_label(out, "mixed")
    assert mixed.startswith(expected["mixed"]), mixed
    assert "2026" in mixed and ("2026-11-01" in mixed or "01.11.2026" in mixed), mixed
    assert chart_label(out, "plain") == expected["plain"]
