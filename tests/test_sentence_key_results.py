"""Key results written as sentences, as people list them in a planning doc.

``- Reduce churned accounts from 1,200 to 900`` is read as start 1,200 and
target 900, with thousands written the way prose writes them and the unit
the sentence names; a sentence whose "from … to …" is not one measure
(``from 2 data centres to 1 region``) stays a title with nothing to measure
(OKR402). Each test builds a real site through the CLI and reads the
exported figures and the pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

SENTENCES = """\
---
title: Keep more customers
cycle: 2026-Q1
owner: Uma Diaz
key_results:
  - Reduce churned accounts from 1,200 to 900
  - Cut open tickets from 1.200 to 900
  - Cut monthly cloud spend from $1,200 to $900
  - Cut churn from 12% to 9% this quarter
  - Raise weekly signups from 12,500 to 15,000 per week
  - Cut the support backlog from 1 200 to 900 tickets
  - Lower refund ratio from 1,200 to 1,5
---
Churn rose after the price change.
"""

NOT_MEASURES = """\
---
title: Simplify the platform
cycle: 2026-Q1
owner: Uma Diaz
key_results:
  - Hire 3 engineers from 2 universities
  - Move 40 services from 2 data centres to 1 region
  - Cut deploy time from 1 day to 4 hours
  - Raise uptime from 99.5 to 99.9 by March
---
"""

CHECKIN = """\
---
objective: churn
date: 2026-02-02
author: Uma Diaz
values: {kr1: 1050, kr2: 1050, kr3: 1050, kr4: 10.5, kr5: 13750, kr6: 1050, kr7: 1.35}
---
Halfway on every count.
"""


def build(tmp_path: Path) -> tuple[Path, str]:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\nas_of = 2026-02-10\n',
            "content/objectives/churn.md": SENTENCES,
            "content/objectives/platform.md": NOT_MEASURES,
            "content/checkins/2026-02-02-churn.md": CHECKIN,
        },
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def key_results(out: Path, oid: str) -> list[dict]:
    data = json.loads((out / "api/portfolio.json").read_text("utf-8"))
    (objective,) = [o for o in data["objectives"] if o["id"] == oid]
    return objective["key_results"]


def test_sentences_with_grouped_thousands_and_units_are_measured(tmp_path: Path) -> None:
    out, _ = build(tmp_path)
    measured = [
        (kr["start"], kr["target"], kr["unit"], kr["current"], kr["progress"])
        for kr in key_results(out, "churn")
    ]
    assert measured == [
        (1200, 900, None, 1050, 0.5),
        (1200, 900, None, 1050, 0.5),  # the German way: a point groups thousands
        (1200, 900, "$", 1050, 0.5),
        (12, 9, "%", 10.5, 0.5),  # "this quarter" is no unit
        (12500, 15000, None, 13750, 0.5),  # nor is "per week"
        (1200, 900, "tickets", 1050, 0.5),
        (1.2, 1.5, None, 1.35, 0.5),  # "1,5" shows the comma is a decimal one here
    ]
    page = (out / "objectives/churn/index.html").read_text("utf-8")
    assert "Reduce churned accounts from 1,200 to 900" in page
    assert "1,050" in page and "900" in page


def test_sentences_that_are_no_measure_stay_titles(tmp_path: Path) -> None:
    out, output = build(tmp_path)
    krs = key_results(out, "platform")
    assert [kr["title"] for kr in krs] == [
        "Hire 3 engineers from 2 universities",
        "Move 40 services from 2 data centres to 1 region",
        "Cut deploy time from 1 day to 4 hours",
        "Raise uptime from 99.5 to 99.9 by March",
    ]
    # no "to": nothing read; two different things counted (data centres,
    # region; a day, hours): nothing read rather than a wrong figure
    assert [(kr["start"], kr["target"]) for kr in krs[:3]] == [(None, None)] * 3
    # "by March" is when, not a unit
    assert (krs[3]["start"], krs[3]["target"], krs[3]["unit"]) == (99.5, 99.9, None)
    lines = [line for line in output.splitlines() if "platform.md" in line and "OKR402" in line]
    assert len(lines) == 3, output


def test_how_often_is_no_unit_and_amounts_keep_their_currency(tmp_path: Path) -> None:
    """ "from €1M to €2M annually" was in the unit "annually" (and German
    word order, "from 1,2 M€ to 2 M€ steigern", in "steigern"): both amounts
    name their currency, and a word saying how often is no unit."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\nas_of = 2026-11-10\n',
            "content/objectives/grow.md": """
                ---
                title: Grow
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - Grow revenue from €1M to €2M annually
                  - Umsatz from 1,2 M€ to 2 M€ steigern
                  - Cut churn from 5% to 3% monthly
                  - Ship releases from 2 to 8 weekly
                  - Cut response time from 8 to 2 hours
                ---
            """,
        },
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert [(kr["start"], kr["target"], kr["unit"]) for kr in key_results(out, "grow")] == [
        (1_000_000, 2_000_000, "€"),
        (1_200_000, 2_000_000, "€"),
        (5, 3, "%"),
        (2, 8, None),
        (8, 2, "hours"),
    ]


def test_a_target_of_one_day_names_the_unit_days(tmp_path: Path) -> None:
    """``start: 5 days``, ``target: 1 day``: the unit was the target's word,
    and every page wrote "3 day", "4 day". It is ``days`` now, and a figure
    of exactly 1 reads "1 day"."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\nas_of = 2026-11-10\n',
            "content/objectives/ship.md": """
                ---
                title: Ship faster
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: lead, title: Lead time, start: 5 days, target: 1 day, current: 3 days}
                  - {id: review, title: Review, start: 4 hours, target: 1 hour}
                ---
            """,
        },
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert [kr["unit"] for kr in key_results(out, "ship")] == ["days", "hours"]
    page = (out / "objectives/ship/index.html").read_text("utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "5 → 3 → 1 day" in text and "4 → – → 1 hour" in text
    assert not re.search(r"\b(?:[02-9]|\d\d+) (?:day|hour)\b", text)  # no "3 day"
    assert "1 days" not in text
