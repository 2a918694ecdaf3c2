"""One of something reads in the singular: "1 objective", "1 day", "1 point".

Small hand-written sites where the counts the CLI, the diagnostics and the
pages write come to exactly one, built through the real CLI, in English and
in German (pages take their plural forms from the catalogues).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrsite.cli import cli
from okrsite.plural import plural

ONE_OF_EACH = {
    "okrsite.toml": 'title = "Acme"\nas_of = 2026-02-15\n',
    "content/objectives/signups.md": """\
---
title: Grow signups
cycle: 2026-Q1
owner: Uma Diaz
key_results:
  - id: weekly
    title: Reach 200 weekly signups
    start: 100
    target: 200
---
""",
    "content/kpis/nps.md": """\
---
title: Net Promoter Score
direction: up
target: 50
values:
  2026-01-01: 30
---
""",
    "content/goals/handbook.md": """\
---
type: goal
title: Write the support handbook
owner: Uma Diaz
due: 2026-03-31
supports: signups
measure: {start: 0, target: 10, current: 4, unit: chapters}
---
Ten chapters on the questions new customers ask most, so they sign up sooner.
""",
    "content/checkins/2026-02-14-signups.md": """\
---
objective: signups
date: 2026-02-14
author: Uma Diaz
confidence: 7
values: {weekly: 130}
---
Steady.
""",
}

# a checklist of one milestone, a move of exactly one point of progress, a
# one-day stale setting: every count the pages write is 1
ONE_ON_PAGES = {
    "okrsite.toml": 'title = "Acme"\nas_of = 2026-02-15\nstale_after_days = 1\n',
    "content/objectives/portal.md": """\
---
title: Launch the partner portal
cycle: 2026-Q1
owner: Uma Diaz
key_results:
  - id: live
    title: Portal is live
    milestones:
      - Design signed off
  - id: partners
    title: Onboard 100 partners
    start: 0
    target: 100
---
""",
    "content/checkins/2026-02-01-portal.md": (
        "---\nobjective: portal\ndate: 2026-02-01\nauthor: Uma Diaz\nvalues: {partners: 10}\n---\n"
    ),
    "content/checkins/2026-02-10-portal.md": (
        "---\nobjective: portal\ndate: 2026-02-10\nauthor: Uma Diaz\nvalues: {partners: 11}\n---\n"
    ),
}


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_helper() -> None:
    assert plural(0, "file") == "0 files"
    assert plural(1, "file") == "1 file"
    assert plural(2, "check-in") == "2 check-ins"
    assert plural(1, "KPI") == "1 KPI"
    assert plural(3, "entry", "entries") == "3 entries"


def test_check_and_build_count_one_of_each_in_the_singular(tmp_path: Path) -> None:
    site = write(tmp_path / "site", ONE_OF_EACH)
    runner = CliRunner()
    checked = runner.invoke(cli, ["check", "--site", str(site)])
    assert checked.exit_code == 0, checked.output
    assert (
        "okrsite: checked 5 files (1 objective, 1 KPI, 1 goal, 1 check-in) as of 2026-02-15: "
        "0 errors, 1 warning" in checked.output
    )
    # the one warning: an objective with 1 key result
    assert "objective has 1 key result; good OKRs have 2 to 5" in checked.output

    built = runner.invoke(cli, ["build", "--site", str(site), "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert "from 5 source files" in built.output and "0 errors, 1 warning," in built.output

    # a site of one goal file and no okrsite.toml: one source file
    signups = ONE_OF_EACH["content/objectives/signups.md"]
    alone = write(tmp_path / "alone", {"content/objectives/signups.md": signups})
    built = runner.invoke(
        cli,
        ["build", "--site", str(alone), "--as-of", "2026-02-15", "--out", str(tmp_path / "o2")],
    )
    assert built.exit_code == 0, built.output
    assert " from 1 source file (" in built.output


def test_a_stale_objective_one_day_after_its_check_in(tmp_path: Path) -> None:
    files = {**ONE_OF_EACH, "okrsite.toml": ONE_OF_EACH["okrsite.toml"] + "stale_after_days = 0\n"}
    result = CliRunner().invoke(cli, ["check", "--site", str(write(tmp_path, files))])
    assert (
        "warning OKR404: objective is stale: its last check-in was on 2026-02-14 "
        "(1 day before 2026-02-15)" in result.output
    ), result.output


def test_a_data_row_of_one_column(tmp_path: Path) -> None:
    files = {
        **ONE_OF_EACH,
        "content/kpis/nps.md": "---\ntitle: NPS\ndirection: up\ndata: data/nps.csv\n---\n",
        "content/data/nps.csv": "date,value\n2026-01-01,30\n2026-02-01\n",
    }
    result = CliRunner().invoke(cli, ["check", "--site", str(write(tmp_path, files))])
    assert result.exit_code == 1
    assert (
        "content/data/nps.csv:3: error OKR203: row has 1 column, expected date and value"
        in result.output
    ), result.output


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "0 of 1 milestone",
                "0 done ÷ 1 milestone",
                "+1 point of progress",
                "Stale: more than 1 day without a check-in",
            ],
        ),
        (
            "de",
            [
                "0 von 1 Meilenstein",
                "0 erledigt ÷ 1 Meilenstein",
                "+1 Punkt Fortschritt",
                "Veraltet: mehr als 1 Tag ohne Check-in",
            ],
        ),
    ],
)
def test_pages_write_one_in_the_singular(
    tmp_path: Path, language: str, expected: list[str]
) -> None:
    files = dict(ONE_ON_PAGES)
    files["okrsite.toml"] += f'language = "{language}"\n'
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(write(tmp_path / "site", files)), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    pages = " ".join(_text(p.read_text("utf-8")) for p in sorted(out.rglob("*.html")))
    for words in expected:
        assert words in pages, words
    for wrong in ("1 milestones", "1 points", "1 days", "1 Meilensteinen", "1 Punkte", "1 Tage"):
        assert not re.search(rf"(?<![\d.,]){re.escape(wrong)}\b", pages), wrong
