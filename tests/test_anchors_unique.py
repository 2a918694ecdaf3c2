"""Key results and check-ins whose ids differ only in characters an element
id cannot hold (``nps.eu`` and ``nps-eu``; ``growth/2026-11-19``, as
``okrsite checkin`` files a check-in, and ``growth-2026-11-19``, written by
hand) get anchors of their own (audit 44, publisher finding 4): no page has
an id twice, and the feed, search and dashboard links open the right entry.

The site is written as a person would, the first check-in by ``okrsite
checkin``, and built through the CLI twice: before and after the colliding
check-in is added (the page cache then renders again the pages whose anchors
moved).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import run_cli, write_site
from sitecheck import conformance_problems

SITE: dict[str, str | bytes] = {
    "okrsite.toml": """
        title = "Dup"
        default_cycle = "2026-Q4"
        as_of = 2026-11-20
    """,
    "content/objectives/growth.md": """
        ---
        title: Grow
        owner: Uma Diaz
        key_results:
          - id: nps.eu
            title: NPS EU from 10 to 20
            start: 10
            target: 20
            current: 12
          - id: nps-eu
            title: NPS EU2 from 10 to 20
            start: 10
            target: 20
            current: 15
        ---
    """,
}

ATOM = "{http://www.w3.org/2005/Atom}"

HAND_WRITTEN = """
    ---
    objective: growth
    date: 2026-11-19 18:00
    author: Uma Diaz
    values: {nps-eu: 17}
    ---
"""


def _build(site: Path) -> None:
    code, out = run_cli("build", "--site", str(site), "--no-history")
    assert code == 0, out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = write_site(tmp_path_factory.mktemp("anchors") / "site", SITE)
    code, out = run_cli(
        "checkin", "growth", "--site", str(site), "--set", "nps.eu=14", "--date", "2026-11-19"
    )
    assert code == 0, out
    assert (site / "content/checkins/growth/2026-11-19.md").is_file()
    _build(site)
    write_site(site, {"content/checkins/growth-2026-11-19.md": HAND_WRITTEN})
    _build(site)
    return site


def _element(site: Path, link: str) -> Any:
    """The element a site-relative ``page#id`` link opens."""
    page, _, ident = link.partition("#")
    soup = BeautifulSoup((site / "_site" / page).read_text(encoding="utf-8"), "html.parser")
    found = soup.find_all(id=ident)
    assert len(found) == 1, (link, found)
    return found[0]


def test_no_page_has_an_id_twice(site: Path) -> None:
    pages = sorted((site / "_site").rglob("*.html"))
    assert pages
    for page in pages:
        twice = [p for p in conformance_problems(page.read_bytes()) if "used twice" in p]
        assert not twice, (page, twice)
    growth = (site / "_site/objectives/growth/index.html").read_text(encoding="utf-8")
    ids = re.findall(r'id="((?:kr|checkin)-[^"]*)"', growth)
    # the id that is its own anchor keeps it, the other is told apart
    assert sorted(ids) == [
        "checkin-growth-2026-11-19",
        "checkin-growth-2026-11-19-2",
        "kr-nps-eu",
        "kr-nps-eu-2",
    ]


def test_feed_and_search_links_open_their_own_entry(site: Path) -> None:
    feed = ElementTree.parse(site / "_site/checkins.xml").getroot()
    opened = {}
    for entry in feed.iter(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        ident = entry.find(f"{ATOM}id")
        assert link is not None and ident is not None and ident.text
        element = _element(site, link.attrib["href"])
        opened[ident.text.rsplit(":", 1)[1]] = element.get_text(" ")
    # each entry opens its own check-in: the hand-written one's value 17
    # on nps-eu, the filed one's 14 on nps.eu
    assert set(opened) == {"growth-2026-11-19", "growth/2026-11-19"}
    assert "17" in opened["growth-2026-11-19"] and "14" not in opened["growth-2026-11-19"]
    assert "14" in opened["growth/2026-11-19"] and "17" not in opened["growth/2026-11-19"]

    index = json.loads((site / "_site/search-index.json").read_text(encoding="utf-8"))
    krs = {e["i"]: e["u"] for e in index["items"] if e.get("k") == "kr"}
    assert krs["nps.eu"] != krs["nps-eu"]
    assert "NPS EU from" in _element(site, krs["nps.eu"]).get_text(" ")
    assert "NPS EU2 from" in _element(site, krs["nps-eu"]).get_text(" ")

    dashboard = (site / "_site/index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="(objectives/growth/index\.html#checkin-[^"]*)"', dashboard))
    assert links == {
        "objectives/growth/index.html#checkin-growth-2026-11-19",
        "objectives/growth/index.html#checkin-growth-2026-11-19-2",
    }


def test_an_unrelated_file_moves_no_anchor(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", SITE)
    write_site(site, {"content/checkins/growth-2026-11-19.md": HAND_WRITTEN})
    _build(site)
    page = site / "_site/objectives/growth/index.html"
    before = re.findall(r'id="((?:kr|checkin)-[^"]*)"', page.read_text(encoding="utf-8"))
    assert sorted(before) == ["checkin-growth-2026-11-19", "kr-nps-eu", "kr-nps-eu-2"]
    write_site(site, {"content/checkins/growth/2026-11-18.md": HAND_WRITTEN.replace("19", "18")})
    _build(site)
    after = re.findall(r'id="((?:kr|checkin)-[^"]*)"', page.read_text(encoding="utf-8"))
    assert sorted(after) == sorted([*before, "checkin-growth-2026-11-18"])
