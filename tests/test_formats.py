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
from bs4 import BeautifulSoup
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


# ------------------------------------------------------------------ percentages

#: the percent sign after a figure, with whatever stands between them
PERCENT = re.compile(r"\d([\s\u00a0\u202f]*)%")
#: how each language writes it (Babel's CLDR pattern): no space in English,
#: a no-break space in German
SPACING = {"en": "", "de": "\u00a0"}
PAGES = ("index.html", "objectives/margin/index.html", "kpis/churn/index.html")


def what_a_reader_gets(html: str) -> str:
    """The page's text and the texts of its labels and tooltips (aria-label,
    title, data-* words), which screen readers and hovering read too."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    for tag in soup("bdi"):  # isolates a name's direction, adds no space
        tag.unwrap()
    soup.smooth()
    texts = [soup.get_text(" ")]
    for tag in soup.find_all(True):
        texts += [
            value
            for name, value in tag.attrs.items()
            if isinstance(value, str)
            and (name in ("aria-label", "title") or name.startswith("data-"))
        ]
    return "\n".join(texts)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("page", PAGES)
def test_every_percentage_of_a_page_is_written_one_way(
    english: Path, german: Path, language: str, page: str
) -> None:
    out = english if language == "en" else german
    text = what_a_reader_gets((out / page).read_text(encoding="utf-8"))
    spacings = PERCENT.findall(text)
    assert len(spacings) >= 3, text  # the page does show percentages
    assert set(spacings) == {SPACING[language]}, [
        m.group(0) for m in PERCENT.finditer(text) if m.group(1) != SPACING[language]
    ]


def test_the_german_objective_page_writes_the_user_tests_sentences(german: Path) -> None:
    text = what_a_reader_gets((german / "objectives/margin/index.html").read_text())
    assert re.search(r"Prognose \d+\u00a0% am Zyklusende", text)
    assert re.search(r"Wie \d+\u00a0% und „", text)
    assert "13,5\u00a0%" in text  # the check-in's value, unit %
    assert "10 → 34 → 20\u00a0%" in text  # start → current → target of the key result in %


def test_the_dashboard_writes_a_value_in_percent_as_the_objective_page_does(
    english: Path, german: Path
) -> None:
    """The user test's "Marge: – → 13,5%" on the dashboard against "13,5 %"
    on the objective page: both now write the language's percentage."""
    for out, previous, new in ((german, "13,5", "34\u00a0%"), (english, "13.5", "34%")):
        dashboard = what_a_reader_gets((out / "index.html").read_text())
        assert f"Marge: {previous} → {new}" in dashboard
        objective = what_a_reader_gets((out / "objectives/margin/index.html").read_text())
        assert re.search(rf"Marge:\s+{new}", objective)  # in its check-in list


def test_a_badge_writes_its_percentage_as_the_pages(english: Path, german: Path) -> None:
    assert re.search(r">\d+% ", (english / "badges/margin.svg").read_text())
    assert re.search(r">\d+\u00a0% ", (german / "badges/margin.svg").read_text())


def test_the_search_page_hands_its_script_the_languages_percentage(
    english: Path, german: Path
) -> None:
    for out, language in ((english, "en"), (german, "de")):
        box = BeautifulSoup((out / "search/index.html").read_text(), "html.parser")
        results = box.find(id="search-results")
        assert results["data-percent"] == "{n}" + SPACING[language] + "%"
