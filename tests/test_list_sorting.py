"""The order of the lists a program lead sorts (task F).

Drafts and dropped objectives count nowhere and show no figure, so the list
sorts ("progress, lowest first", "behind, most first") put them after every
counted objective instead of reading their progress as 0 and their whole
expected progress as "behind". Lists of teams and people go by the name a page
shows, in natural order, never by the id their file is named by: ``company.md``
titled "Acme" comes before ``brand.md`` titled "Brand".
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli


def _objective(title: str, team: str, status: str, current: int, tag: str = "plan") -> str:
    return f"""
        ---
        title: {title}
        cycle: 2026-Q4
        owner: adams
        team: {team}
        status: {status}
        tags: [{tag}]
        key_results:
          - {{id: a, title: A, start: 0, target: 100, current: {current}}}
        ---
    """


def _checkin(objective: str, day: str, confidence: int, value: int) -> str:
    return f"""
        ---
        objective: {objective}
        date: {day}
        author: adams
        confidence: {confidence}
        values: {{a: {value}}}
        ---
    """


SITE: dict[str, str | bytes] = {
    "okrsite.toml": "as_of = 2026-11-20\n",
    # file ids in another order than the names: company.md is "Acme"
    "content/teams/company.md": "---\ntitle: Acme\n---\n",
    "content/teams/brand.md": "---\ntitle: Brand\n---\n",
    "content/teams/zeta.md": "---\ntitle: Zeta\nmembers: [adams]\n---\n",
    "content/teams/a-squad.md": "---\ntitle: Zeta Squad\nparent: company\nmembers: [adams]\n---\n",
    "content/teams/b-squad.md": "---\ntitle: Beta Squad 10\nparent: company\n---\n",
    "content/teams/c-squad.md": "---\ntitle: beta squad 2\nparent: company\n---\n",
    "content/people/adams.md": "---\nname: Zoe Adams\nteam: brand\n---\n",
    "content/people/young.md": "---\nname: Bob Young\nteam: company\n---\n",
    "content/people/oz.md": "---\nname: Özge Kaya\nteam: company\n---\n",
    "content/objectives/ahead.md": _objective("Ahead", "company", "active", 90),
    "content/objectives/middle.md": _objective("Middle", "company", "active", 50),
    "content/objectives/lagging.md": _objective("Lagging", "company", "active", 10),
    # 0% at 54% expected: read as figures, they would lead both sorts
    "content/objectives/draft.md": _objective("A draft", "company", "draft", 0),
    "content/objectives/gone.md": _objective("A dropped one", "company", "dropped", 0),
    # the draft's check-in is the oldest and its confidence the lowest
    "content/checkins/2026-10-01-draft.md": _checkin("draft", "2026-10-01", 1, 0),
    "content/checkins/2026-11-01-middle.md": _checkin("middle", "2026-11-01", 5, 50),
    "content/checkins/2026-11-10-ahead.md": _checkin("ahead", "2026-11-10", 8, 90),
}


def build(site: Path, out: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once for the module: every test only reads its pages."""
    root = tmp_path_factory.mktemp("sorting")
    out = root / "out"
    build(write_site(root / "site", SITE), out)
    return out


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def names(path: Path, selector: str) -> list[str]:
    return [" ".join(e.get_text(" ", strip=True).split()) for e in soup(path).select(selector)]


def test_teams_index_lists_teams_by_name(built: Path) -> None:
    assert names(built / "teams/index.html", "ul.objs > li.obj > .obj-title") == [
        "Acme",
        "beta squad 2",
        "Beta Squad 10",
        "Brand",
        "Zeta",
        "Zeta Squad",
    ]


def test_people_index_lists_people_by_name(built: Path) -> None:
    assert names(built / "people/index.html", "ul.objs > li.obj > .obj-title") == [
        "Bob Young",
        "Özge Kaya",
        "Zoe Adams",
    ]


def test_team_page_lists_sub_teams_and_members_by_name(built: Path) -> None:
    page = soup(built / "teams/company/index.html")
    lists = {h.get_text(strip=True): h.find_next_sibling("ul") for h in page.select("main h2")}
    assert [a.get_text(strip=True) for a in lists["Sub-teams"].select("a")] == [
        "beta squad 2",
        "Beta Squad 10",
        "Zeta Squad",
    ]
    assert [a.get_text(strip=True) for a in lists["Members"].select("a")] == [
        "Bob Young",
        "Özge Kaya",
    ]


def test_person_page_lists_their_team_then_the_others_by_name(built: Path) -> None:
    """Their file's team first, then the teams whose files list them, by name
    (ids a-squad, zeta: "Zeta Squad" would come before "Zeta")."""
    line = soup(built / "people/adams/index.html").select_one("main p.meta")
    assert line is not None
    assert [a.get_text(strip=True) for a in line.select("a")] == ["Brand", "Zeta", "Zeta Squad"]


@pytest.mark.parametrize(
    "page", ["cycles/2026-Q4/index.html", "teams/company/index.html", "people/adams/index.html"]
)
def test_drafts_and_dropped_ones_carry_no_figure_to_sort_by(built: Path, page: str) -> None:
    items = {
        " ".join(li.select_one(".obj-title").get_text(" ", strip=True).split()): li
        for li in soup(built / page).select("li.obj[data-status]")
    }
    for title in ("A draft", "A dropped one"):
        li = items[title]
        assert (li["data-progress"], li["data-behind"], li["data-confidence"]) == ("", "", ""), page
    assert items["Lagging"]["data-progress"] == "0.1", page
    assert items["Ahead"]["data-progress"] == "0.9", page


# --- in a browser: the sorts themselves (static/filters.js) ---------------

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright
    from browser_support import chromium

    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    """One browser context for the module: the sorts keep no state (no
    storage, no cookies), so each page needs no context of its own."""
    context = browser.new_context()
    yield context
    context.close()


LISTS = [
    "cycles/2026-Q4/index.html",
    "teams/company/index.html",
    "people/adams/index.html",
    "tags/plan/index.html",
]
SORTS = ["progress", "behind", "confidence", "last"]
TREE = "alignment/index.html?sort=behind"


@pytest.fixture(scope="module")
def loaded(context: Any, built: Path) -> Iterator[dict[str, Any]]:
    """Every page the tests sort, by its path and query, loaded at once (each
    in a page of its own, then waited for until its ``load`` event, as
    ``page.goto`` waits): one load after another was most of the module's time."""
    wanted = [f"{page}?sort={sort}" for page in LISTS for sort in SORTS] + [TREE]
    pages = {}
    for rel in wanted:
        page = context.new_page()
        path, _, query = rel.partition("?")
        page.goto((built / path).as_uri() + "?" + query, wait_until="commit")
        pages[rel] = page
    for page in pages.values():
        page.wait_for_load_state("load")
    yield pages
    for page in pages.values():
        page.close()


def shown(page: Any, selector: str) -> list[str]:
    titles: list[str] = page.eval_on_selector_all(
        selector, "els => els.map(e => e.textContent.trim())"
    )
    return titles


UNCOUNTED = ["A draft", "A dropped one"]  # in the page's own order: by title


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("progress", ["Lagging", "Middle", "Ahead", *UNCOUNTED]),
        ("behind", ["Lagging", "Middle", "Ahead", *UNCOUNTED]),
        ("confidence", ["Middle", "Ahead", "Lagging", *UNCOUNTED]),  # 5, 8, none
        # never, 2026-11-01, 2026-11-10; then the uncounted ones by the same
        # rule: the dropped one (never) before the draft (2026-10-01)
        ("last", ["Lagging", "Middle", "Ahead", "A dropped one", "A draft"]),
    ],
)
@pytest.mark.parametrize("page", LISTS)
@pytest.mark.browser
@needs_chromium
def test_every_sort_puts_drafts_and_dropped_ones_last(
    loaded: dict[str, Any], page: str, sort: str, order: list[str]
) -> None:
    titles = shown(
        loaded[f"{page}?sort={sort}"], "ul.objs > li.obj[data-status]:not([hidden]) .obj-title"
    )
    assert titles == order


@pytest.mark.browser
@needs_chromium
def test_the_alignment_tree_sorts_drafts_last_too(loaded: dict[str, Any]) -> None:
    titles = shown(loaded[TREE], "ul.tree > li:not([hidden]) > .node > a")
    assert titles == ["Lagging", "Middle", "Ahead", *UNCOUNTED]
