"""What a summary, a roll-up row, the scorecard's team entry and a check-in
show agrees with what counts: drafts and dropped objectives count nowhere,
a team is named as its pages name it, and a yes/no value reads done / not done."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from okrsite.cli import cli

Make = Callable[[dict[str, str | bytes]], Path]


def build(site: Path, out: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text(node: object) -> str:
    return " ".join(node.get_text(" ", strip=True).split())  # type: ignore[attr-defined]


DROPPED: dict[str, str | bytes] = {
    "okrsite.toml": "as_of = 2026-02-15\n",
    "content/objectives/brand.md": """
        ---
        title: Brand
        cycle: 2026-Q1
        owner: Ana Ruiz
        team: Marketing
        status: dropped
        key_results:
          - {id: a, title: A, done: true}
        ---
    """,
}


def test_nothing_counted_shows_a_dash_not_zero(make_site: Make, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_site(DROPPED), out)

    card = json.loads((out / "api/cycles/2026-Q1.json").read_text(encoding="utf-8"))
    assert card["teams"][0]["progress"] is None

    teams = soup(out / "teams/index.html")
    (row,) = [li for li in teams.select("li.obj") if "Marketing" in text(li)]
    assert "0%" not in text(row)
    assert "–" in text(row.select_one(".obj-score"))

    people = soup(out / "people/index.html")
    (row,) = [li for li in people.select("li.obj") if "Ana Ruiz" in text(li)]
    assert "0%" not in text(row)
    assert "–" in text(row.select_one(".obj-score"))

    for page in (out / "teams/marketing/index.html", out / "people/ana-ruiz/index.html"):
        headline = soup(page).select_one(".summary .big")
        assert headline is not None, page
        assert text(headline) == "–", page
        bar = headline.select_one("[role=progressbar]")
        assert bar is not None and not bar.has_attr("aria-valuenow"), page

    cycle = soup(out / "cycles/2026-Q1/index.html").select_one(".summary .big")
    assert cycle is not None and text(cycle) == "–"


ROLLUP: dict[str, str | bytes] = {
    "okrsite.toml": "as_of = 2026-02-15\n",
    "content/objectives/grow.md": """
        ---
        title: Grow
        cycle: 2026-Q1
        key_results:
          - {id: partners, title: Partner programme}
          - {id: deals, title: Deals, target: 10, current: 5}
        ---
    """,
    "content/objectives/eu.md": """
        ---
        title: EU
        cycle: 2026-Q1
        parent: grow#partners
        key_results:
          - {id: k, title: K, target: 10, current: 5}
        ---
    """,
    "content/objectives/nordics.md": """
        ---
        title: Nordics
        cycle: 2026-Q1
        parent: grow#partners
        status: draft
        key_results:
          - {id: k, title: K, target: 10, current: 10}
        ---
    """,
}


def test_a_rollup_row_counts_only_what_the_rollup_counts(make_site: Make, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_site(ROLLUP), out)
    page = soup(out / "objectives/grow/index.html")
    row = page.select_one("tr#kr-partners")
    assert row is not None
    shown = text(row)
    assert "roll-up of 1 aligned objective" in shown, shown
    assert "roll-up of 2" not in shown
    counted = row.select("ul.aligned li:not(.not-counted)")
    assert [text(li) for li in counted] == ["EU 50%"]
    # the draft is listed after, marked as not counted and without a figure
    (draft,) = row.select("ul.aligned li.not-counted")
    assert text(draft) == "Nordics draft"
    assert "counts nowhere" in str(draft["title"])


TEAM: dict[str, str | bytes] = {
    "okrsite.toml": "as_of = 2026-02-15\n",
    "content/objectives/brand.md": """
        ---
        title: Brand
        cycle: 2026-Q1
        owner: Ana Ruiz
        team: Marketing
        key_results:
          - {id: a, title: A, target: 10, current: 5}
        ---
    """,
}


def test_scorecard_team_title_is_the_name_pages_show(make_site: Make, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_site(TEAM), out)
    card = json.loads((out / "api/cycles/2026-Q1.json").read_text(encoding="utf-8"))
    (team,) = card["teams"]
    assert team["team"] == "marketing"
    assert team["title"] == "Marketing"
    cycle = soup(out / "cycles/2026-Q1/index.html")
    link = cycle.select_one('tr[data-team="marketing"] a')
    assert link is not None and text(link) == team["title"]


YES_NO: dict[str, str | bytes] = {
    "okrsite.toml": "as_of = 2026-02-15\n",
    "content/objectives/launch.md": """
        ---
        title: Launch
        cycle: 2026-Q1
        key_results:
          - {id: public, title: Public launch, done: no}
          - {id: beta, title: Beta, done: no}
          - {id: users, title: Users, target: 100, current: 10}
        ---
    """,
    "content/checkins/2026-02-10.md": """
        ---
        objective: launch
        date: 2026-02-10
        values: {public: yes, beta: no, users: 40}
        ---
    """,
}


def test_a_yes_no_checkin_value_reads_done(make_site: Make, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_site(YES_NO), out)
    page = soup(out / "objectives/launch/index.html")
    values = [text(li) for li in page.select("article.checkin ul.values li")]
    assert values == ["Public launch : done", "Beta : not done", "Users : 40"], values
    row = page.select_one("tr#kr-public td[data-label=Values]")
    assert row is not None and text(row) == "done"
