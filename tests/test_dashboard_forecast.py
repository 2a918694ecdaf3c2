"""The dashboard's card of a top-level objective says when its forecast is
tentative, as the objective page does: with two check-ins the forecast "can
swing wildly with the next one", and the card showed ``forecast 79%`` as if
it were as firm as any other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from okrsite.cli import cli

OBJECTIVE = """---
title: Grow the pipeline
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: deals, title: Qualified deals, start: 0, target: 200}
---
"""
CHECKIN = "---\nobjective: pipeline\ndate: {day}\nvalues: {{deals: {value}}}\n---\n"


# the word, then why (a11y 44: the reason in words, not in a tooltip)
@pytest.mark.parametrize(("language", "word"), [("en", "(tentative: "), ("de", "(vorläufig: ")])
@pytest.mark.parametrize("checkins", [2, 4])
def test_a_tentative_forecast_says_so_on_the_dashboard(
    tmp_path: Path, language: str, word: str, checkins: int
) -> None:
    root = tmp_path / "site"
    (root / "content/objectives").mkdir(parents=True)
    (root / "content/checkins").mkdir(parents=True)
    (root / "okrsite.toml").write_text(f'as_of = 2026-11-20\nlanguage = "{language}"\n')
    (root / "content/objectives/pipeline.md").write_text(OBJECTIVE)
    days = ["2026-10-05", "2026-10-20", "2026-11-03", "2026-11-17"][-checkins:]
    for n, day in enumerate(days, 1):
        (root / f"content/checkins/{day}.md").write_text(CHECKIN.format(day=day, value=n * 30))
    result = CliRunner().invoke(cli, ["build", "--site", str(root)])
    assert result.exit_code == 0, result.output
    tentative = json.loads((root / "_site/api/portfolio.json").read_text())["objectives"][0][
        "forecast_tentative"
    ]
    assert tentative is (checkins < 3)
    dashboard = BeautifulSoup((root / "_site/index.html").read_text(), "html.parser")
    card = dashboard.select_one("ul.cards li")
    assert card is not None
    text = card.get_text(" ", strip=True)
    assert ("forecast" if language == "en" else "Prognose") in text
    assert (word in text) is tentative
