"""One figure, one way of writing it: percentages on pages, numbers in exports,
times in the feed.

The site below has a key result and a KPI measured in ``%``, check-ins with
confidence 8 (a whole number scored as a float) and a forecast of 1, and two
check-ins on one day at different times. It is built through the CLI in
English and in German, and only the built files are read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

AS_OF = "2026-11-20"

SITE: dict[str, str | bytes] = {
    "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
    "content/objectives/margin.md": """
        ---
        title: Healthy margin
        cycle: 2026-Q4
        owner: uma-diaz
        key_results:
          - id: margin
            title: Marge
            start: 10
            target: 20
            unit: "%"
          - id: share
            title: Market share
            start: 0
            target: 40
            unit: "%"
            current: 40
          - id: deals
            title: Deals
            start: 0
            target: 10
            current: 5
        ---
        Margin.
        """,
    "content/checkins/margin-1.md": """
        ---
        objective: margin
        date: 01.10.2026 08:00
        author: uma-diaz
        confidence: 8
        values: {margin: 11}
        ---
        First.
        """,
    "content/checkins/margin-2.md": """
        ---
        objective: margin
        date: 19.11.2026 09:15
        author: uma-diaz
        confidence: 8
        values: {margin: 13.5}
        ---
        Morning.
        """,
    "content/checkins/margin-3.md": """
        ---
        objective: margin
        date: 19.11.2026 14:30:05
        author: uma-diaz
        confidence: 8
        values: {margin: 34%}
        ---
        Afternoon.
        """,
    "content/kpis/churn.md": """
        ---
        title: Churn
        unit: "%"
        direction: down
        target: 1.2
        thresholds: {green: 1.5, red: 2}
        values: {2026-09-01: 1.8, 2026-10-01: 1.7, 2026-11-01: 1.45}
        ---
        Monthly churn.
        """,
    "content/checkins/churn.md": """
        ---
        kpi: churn
        date: 2026-11-18
        author: uma-diaz
        value: 1.4
        ---
        Lower.
        """,
}


def build(language: str, root: Path) -> Path:
    write_site(root, {**SITE, "okrsite.toml": f'title = "Formats"\nlanguage = "{language}"\n'})
    out = root / "_site"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(out), "--no-history"]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build("en", tmp_path_factory.mktemp("en"))


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build("de", tmp_path_factory.mktemp("de"))


# ------------------------------------------------------------------ exports


def test_csv_and_json_write_one_number_one_way(english: Path) -> None:
    """A confidence of 8 and a forecast of 1 (floats in the model) are ``8``
    and ``1`` in api/portfolio.json, api/objectives.csv and
    api/key-results.csv alike; a fraction is the same text in all three."""
    data = json.loads((english / "api/portfolio.json").read_text(encoding="utf-8"))
    (record,) = data["objectives"]
    assert record["confidence"] == 8 and isinstance(record["confidence"], int)
    objectives = list(csv.DictReader(io.StringIO((english / "api/objectives.csv").read_text())))
    key_results = list(csv.DictReader(io.StringIO((english / "api/key-results.csv").read_text())))
    (row,) = objectives
    assert row["confidence"] == "8"
    for name in ("progress", "expected", "confidence", "forecast"):
        written = json.dumps(record[name])
        assert row[name] == written, name
        column = "objective_progress" if name == "progress" else name
        assert {r[column] for r in key_results} == {written}, name
    raw = (english / "api/objectives.csv").read_text() + (
        english / "api/key-results.csv"
    ).read_text()
    assert not re.search(r"(?<![\d.])\d+\.0(?![\d])", raw), raw  # no 8.0, 1.0 anywhere


def test_a_forecast_of_one_is_written_1(tmp_path: Path) -> None:
    """The user test's case: forecast 1.0 in the model is ``1`` in both CSVs."""
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "One"\n',
            "content/objectives/full.md": (
                "---\ntitle: Full\ncycle: 2026-Q4\nkey_results:\n"
                "  - {id: a, title: A, start: 0, target: 10}\n---\n"
            ),
            **{
                f"content/checkins/full-{day}.md": (
                    f"---\nobjective: full\ndate: 2026-{day}\nconfidence: 10\n"
                    f"values: {{a: {value}}}\n---\n"
                )
                for day, value in (("10-05", 3), ("10-25", 6), ("11-15", 10))
            },
        },
    )
    out = root / "_site"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    (record,) = json.loads((out / "api/portfolio.json").read_text())["objectives"]
    assert record["forecast"] == 1 and record["confidence"] == 10
    (row,) = csv.DictReader(io.StringIO((out / "api/objectives.csv").read_text()))
    (kr_row,) = csv.DictReader(io.StringIO((out / "api/key-results.csv").read_text()))
    assert (row["forecast"], row["confidence"]) == ("1", "10")
    assert (kr_row["forecast"], kr_row["confidence"]) == ("1", "10")


# ------------------------------------------------------------------ the feed

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def test_the_feed_gives_each_check_in_its_time_of_day(english: Path) -> None:
    feed = ElementTree.parse(english / "checkins.xml").getroot()
    stamps = {
        entry.find(f"{ATOM}id").text.rsplit(":", 1)[-1]: entry.find(f"{ATOM}updated").text
        for entry in feed.findall(f"{ATOM}entry")
    }
    assert stamps == {
        "margin-3": "2026-11-19T14:30:05Z",
        "margin-2": "2026-11-19T09:15:00Z",
        "churn": "2026-11-18T00:00:00Z",  # a check-in without a time: the day's start
        "margin-1": "2026-10-01T08:00:00Z",
    }
    # the feed was last updated at its newest entry, time and all
    assert feed.find(f"{ATOM}updated").text == "2026-11-19T14:30:05Z"
    for stamp in [*stamps.values(), feed.find(f"{ATOM}updated").text]:
        assert RFC3339.match(stamp), stamp


def test_a_feed_without_check_ins_is_updated_at_the_as_of_date(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Empty"\n',
            "content/people/uma-diaz.md": "---\ntitle: Uma\n---\n",
        },
    )
    out = root / "_site"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    feed = ElementTree.parse(out / "checkins.xml").getroot()
    assert feed.find(f"{ATOM}updated").text == f"{AS_OF}T00:00:00Z"
