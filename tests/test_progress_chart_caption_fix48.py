"""An objective's progress chart says what its points are in its caption and
in its table's caption too, from the same fact its title uses
(okrsite.view.progress_chart_source): a chart whose last point is a key
result's KPI reading no longer says "at the end of each day with a check-in"
alone, in English and in German."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run_cli
from test_progress_chart_kpi_fix47 import MakeSite, files


def captions(out: Path, oid: str) -> tuple[str, str]:
    html = (out / f"objectives/{oid}/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    figcaption = soup.select_one("section[aria-labelledby=history] figure.chart-figure figcaption")
    table = soup.select_one("section[aria-labelledby=history] table.chart-table caption")
    assert figcaption is not None and table is not None
    return figcaption.get_text(), table.get_text()


EXPECTED = {
    "en": {
        "only": (
            "Solid line and point: progress on the day of the latest reading of KPI Churn & loss;"
            " dashed line: expected progress.",
            "Progress of Objective only on the day of the latest reading of KPI Churn & loss",
        ),
        "mixed": (
            "Solid line and points: progress at the end of each day with a check-in and on the day"
            " of the latest reading of KPI Churn & loss; dashed line: expected progress.",
            "Progress of Objective mixed at the end of each day with a check-in and on the day"
            " of the latest reading of KPI Churn & loss",
        ),
        "plain": (
            "Solid line and points: progress at the end of each day with a check-in;"
            " dashed line: expected progress.",
            "Progress of Objective plain at the end of each day with a check-in",
        ),
    },
    "de": {
        "only": (
            "Durchgezogene Linie und Punkt: Fortschritt am Tag des letzten Messwerts des KPI"
            " Churn & loss; gestrichelte Linie: erwarteter Fortschritt.",
            "Fortschritt von Objective only am Tag des letzten Messwerts des KPI Churn & loss",
        ),
        "mixed": (
            "Durchgezogene Linie und Punkte: Fortschritt am Ende jedes Tages mit Check-in und am"
            " Tag des letzten Messwerts des KPI Churn & loss; gestrichelte Linie: erwarteter"
            " Fortschritt.",
            "Fortschritt von Objective mixed am Ende jedes Tages mit Check-in und am Tag des"
            " letzten Messwerts des KPI Churn & loss",
        ),
        "plain": (
            "Durchgezogene Linie und Punkte: Fortschritt am Ende jedes Tages mit Check-in;"
            " gestrichelte Linie: erwarteter Fortschritt.",
            "Fortschritt von Objective plain am Ende jedes Tages mit Check-in",
        ),
    },
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_progress_chart_captions_name_the_kpi_readings_they_draw(
    make_site: MakeSite, tmp_path: Path, language: str
) -> None:
    out = tmp_path / "out"
    site = make_site(files(language))
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", "2026-12-04")
    assert code == 0, output
    for oid, (figcaption, table) in EXPECTED[language].items():
        got_figcaption, got_table = captions(out, oid)
        assert figcaption in got_figcaption, got_figcaption
        assert got_table == table
