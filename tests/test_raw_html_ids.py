"""With ``allow_html = true``, ids written in raw HTML never take an id the
page has already (audit 44, a11y finding 7): a body's ``<p id="main">`` and
``<div id="timeline">`` are ``main-1`` and ``timeline-1``, as Markdown
headings are, so no page has an id twice, the check-ins section keeps its
name, and the body's own links to them still arrive; a check-in note's ids
carry the check-in's anchor, so two notes' ids differ.

The site is written as a person would and built through the CLI.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import run_cli, write_site
from sitecheck import conformance_problems

NOTE = """
    ---
    objective: churn
    date: {day}
    author: Uma Diaz
    values: {{kr1: {value}}}
    ---
    <div id="details">Details of {day}</div>

    <a href="#details">to the details</a>
"""

SITE: dict[str, str | bytes] = {
    "okrsite.toml": """
        title = "Raw ids"
        default_cycle = "2026-Q4"
        as_of = 2026-11-20
        allow_html = true
    """,
    "content/objectives/churn.md": """
        ---
        title: Cut churn
        owner: Uma Diaz
        key_results:
          - id: kr1
            title: Churn from 5 to 3
            start: 5
            target: 3
            current: 4
        ---
        <p id="main" lang="en">Raw paragraph</p>

        <div id="timeline">x</div>

        See [the box](#timeline) and <a href="#main">the paragraph</a>.
    """,
    "content/checkins/churn/2026-11-12.md": NOTE.format(day="2026-11-12", value=4.5),
    "content/checkins/churn/2026-11-19.md": NOTE.format(day="2026-11-19", value=4),
}


def test_raw_ids_never_repeat_the_pages_own(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", SITE)
    code, out = run_cli("build", "--site", str(site), "--no-history")
    assert code == 0, out
    pages = sorted((site / "_site").rglob("*.html"))
    for page in pages:
        twice = [p for p in conformance_problems(page.read_bytes()) if "used twice" in p]
        assert not twice, (page, twice)

    html = (site / "_site/objectives/churn/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    # the check-ins section is still named by its own heading
    section = soup.find("section", attrs={"aria-labelledby": "timeline"})
    assert section is not None
    assert soup.find(id="timeline").get_text(strip=True) == "Check-ins"
    # the body's links lead to the author's elements
    to_box = soup.find("a", string="the box")
    to_paragraph = soup.find("a", string="the paragraph")
    assert to_box["href"] == "#timeline-1" and soup.find(id="timeline-1").get_text() == "x"
    assert to_paragraph["href"] == "#main-1"
    assert soup.find(id="main-1").get_text() == "Raw paragraph"
    # each note's link leads to its own note's element
    for day in ("2026-11-12", "2026-11-19"):
        target = f"note-checkin-churn-{day}-details"
        assert soup.find(id=target).get_text() == f"Details of {day}"
        assert soup.find("a", href=f"#{target}") is not None
