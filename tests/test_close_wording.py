"""Wording that must stay true at the edges: a confidence given after its
cycle ended, and the moves of a dropped or yes/no key result on the
dashboard's "What changed" and in the feed (``checkins.xml``)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from okrsite.cli import cli

Make = Callable[[dict[str, str | bytes]], Path]
ATOM = "{http://www.w3.org/2005/Atom}"

REVENUE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Acme"\n',
    "content/objectives/rev.md": """
        ---
        title: Hit the revenue number
        cycle: 2026-Q3
        owner: Kim Park
        key_results:
          - {id: revenue, title: Reach $1.5M revenue, target: 1500000, unit: USD}
          - {id: churn, title: Reduce churn from 5% to 3%}
        ---
    """,
    "content/checkins/rev/2026-09-30.md": """
        ---
        date: 2026-09-30
        confidence: 7
        values: {revenue: 1400000, churn: 3.5%}
        ---
    """,
    "content/checkins/rev/2026-10-02.md": """
        ---
        date: 2026-10-02
        confidence: 3
        values: {revenue: 1420000}
        ---
        Finance closed the books.
    """,
}


def build(site: Path, out: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out), *args])
    assert result.exit_code == 0, result.output


def confidence_step(out: Path) -> str:
    page = BeautifulSoup(
        (out / "objectives/rev/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    step = page.select_one(".explain-confidence")
    assert step is not None
    return " ".join(step.get_text().split())


def test_a_confidence_given_after_the_cycle_ended_is_not_said_to_come_before(
    make_site: Make, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(make_site(REVENUE), out, "--as-of", "2026-10-05")
    text = confidence_step(out)
    assert "before the cycle ended" not in text
    # the figure is the core's (3, as the exports give), only worded truly
    assert "Last confidence: 3/10, from the check-in of 2026-10-02, after the cycle ended." in text


def test_a_confidence_given_before_the_cycle_ended_reads_the_same_way(
    make_site: Make, tmp_path: Path
) -> None:
    files = dict(REVENUE)
    del files["content/checkins/rev/2026-10-02.md"]
    out = tmp_path / "out"
    build(make_site(files), out, "--as-of", "2026-10-05")
    text = confidence_step(out)
    assert "Last confidence before the cycle ended: 7/10, from the check-in of 2026-09-30." in text


def test_a_running_cycle_s_confidence_is_the_latest(make_site: Make, tmp_path: Path) -> None:
    files = dict(REVENUE)
    del files["content/checkins/rev/2026-10-02.md"]
    out = tmp_path / "out"
    build(make_site(files), out, "--as-of", "2026-09-30")
    text = confidence_step(out)
    assert "Latest confidence: 7/10, from the check-in of 2026-09-30." in text
    assert "cycle ended" not in text


DEALS: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Acme"\nas_of = 2026-11-20\n',
    "content/objectives/sales.md": """
        ---
        title: Win enterprise deals
        cycle: 2026-Q4
        owner: Uma Diaz
        key_results:
          - {id: deals, title: Deals, target: 40}
          - {id: launched, title: Enterprise program launched, done: false}
          - {id: pilot, title: Pilot in Norway, target: 1, status: dropped}
        ---
    """,
    "content/checkins/sales/2026-11-18.md": """
        ---
        date: 2026-11-18
        author: Uma Diaz
        confidence: 6
        values: {deals: 30, launched: yes, pilot: 1}
        ---
        Signed the big one.
    """,
}


def dashboard_moves(out: Path) -> list[str]:
    page = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [" ".join(li.get_text().split()) for li in page.select("ul.changes li.change ul li")]


def feed_moves(out: Path) -> list[str]:
    root = ET.parse(out / "checkins.xml").getroot()
    (entry,) = list(root.iter(f"{ATOM}entry"))
    content = entry.find(f"{ATOM}content")
    assert content is not None and content.get("type") == "html"
    html = BeautifulSoup(content.text or "", "html.parser")
    return [" ".join(li.get_text().split()) for li in html.select("li")]


def test_what_changed_words_dropped_and_yes_no_key_results_as_the_other_pages(
    make_site: Make, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(make_site(DEALS), out)
    assert dashboard_moves(out) == [
        "Deals: 30 (+75 points of progress)",
        "Enterprise program launched: not done → done (+100 points of progress)",
        # counts nowhere (docs/scoring.md): its value, no points of progress
        "Pilot in Norway: 1 (dropped, counts nowhere)",
    ]


def test_the_feed_lists_the_moves_as_the_dashboard_does(make_site: Make, tmp_path: Path) -> None:
    """The same values, without the points of progress; a first value (none
    before it) is written alone on both, a yes/no one as not done → done."""
    out = tmp_path / "out"
    build(make_site(DEALS), out)
    assert [move.split(" (+")[0] for move in dashboard_moves(out)] == feed_moves(out)
    assert feed_moves(out) == [
        "Deals: 30",
        "Enterprise program launched: not done → done",
        "Pilot in Norway: 1 (dropped, counts nowhere)",
    ]


def test_a_key_result_of_a_dropped_objective_moves_no_points(
    make_site: Make, tmp_path: Path
) -> None:
    files = dict(DEALS)
    files["content/objectives/sales.md"] = str(files["content/objectives/sales.md"]).replace(
        "owner: Uma Diaz", "owner: Uma Diaz\n        status: dropped"
    )
    out = tmp_path / "out"
    build(make_site(files), out)
    assert dashboard_moves(out) == [
        "Deals: 30 (dropped, counts nowhere)",
        "Enterprise program launched: not done → done (dropped, counts nowhere)",
        "Pilot in Norway: 1 (dropped, counts nowhere)",
    ]
