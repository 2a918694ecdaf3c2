"""The scorecard's "By team" rows beside the Teams index (audit 44, cascade, F3).

A row counts the team's own objectives (achieved, missed, grades); the Teams
index and the team page roll up its sub-teams. The scorecard now shows the
rolled-up progress too, labelled, in the page and in
``api/cycles/<cycle>.json``, and it is the Teams index's number, so one
label no longer shows two figures at the quarterly review."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]


def _objective(title: str, team: str, done: tuple[int, int], parent: str = "") -> str:
    return (
        f"---\ntitle: {title}\ncycle: 2026-Q4\nowner: Ann\nteam: {team}\n"
        + (f"parent: {parent}\n" if parent else "")
        + "key_results:\n"
        + f"  - {{id: a, title: Book 5, target: 5, current: {done[0]}}}\n"
        + f"  - {{id: b, title: Sell 10, target: 10, current: {done[1]}}}\n---\nx\n"
    )


def _site(make_site: MakeSite, language: str = "en") -> Path:
    return make_site(
        {
            "okrsite.toml": f'title = "T"\nas_of = 2026-11-20\nlanguage = "{language}"\n',
            "content/teams/revenue.md": "---\ntitle: Revenue\n---\n",
            "content/teams/sales.md": "---\ntitle: Sales\nparent: Revenue\n---\n",
            "content/objectives/revenue/win.md": _objective("Win the market", "Revenue", (4, 8)),
            "content/objectives/sales/deals.md": _objective(
                "Close deals", "Sales", (1, 2), parent="revenue/win"
            ),
        }
    )


def _build(site: Path) -> Path:
    out = site.parent / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    return out


def test_scorecard_team_rows_show_the_teams_index_figure_beside_their_own(
    make_site: MakeSite,
) -> None:
    out = _build(_site(make_site))
    teams = BeautifulSoup((out / "teams/index.html").read_text(), "html.parser")
    index = {
        li.select_one(".obj-title").get_text(strip=True): li.select_one(".obj-score").get_text()  # type: ignore[union-attr]
        for li in teams.select("li.obj")
    }
    assert re.search(r"\b50\s*%", index["Revenue"]), index

    data = json.loads((out / "api/cycles/2026-Q4.json").read_text())
    rows = {t["team"]: t for t in data["teams"]}
    # its own objective only: 80%, one counted; with Sales' 20%: 50%
    assert (rows["revenue"]["counted"], rows["revenue"]["progress"]) == (1, 0.8)
    assert rows["revenue"]["progress_with_sub_teams"] == 0.5
    assert rows["sales"]["progress_with_sub_teams"] == rows["sales"]["progress"] == 0.2

    page = BeautifulSoup((out / "cycles/2026-Q4/index.html").read_text(), "html.parser")
    table = page.select_one(".scorecard-teams")
    assert table is not None
    assert "with sub-teams" in table.select_one("thead").get_text()  # type: ignore[union-attr]
    row = table.select_one('tr[data-team="revenue"]')
    assert row is not None
    own = row.select_one('[data-figure="progress"]').get_text(strip=True)  # type: ignore[union-attr]
    rolled = row.select_one('[data-figure="with-sub-teams"]').get_text(strip=True)  # type: ignore[union-attr]
    assert (own.rstrip("%").strip(), rolled.rstrip("%").strip()) == ("80", "50")
    note = page.select_one(".scorecard-teams-note")
    assert note is not None and "own objectives, not its sub-teams'" in note.get_text()


def test_the_german_scorecard_labels_the_rolled_up_column(make_site: MakeSite) -> None:
    out = _build(_site(make_site, "de"))
    page = BeautifulSoup((out / "cycles/2026-Q4/index.html").read_text(), "html.parser")
    table = page.select_one(".scorecard-teams")
    assert table is not None
    assert "mit Unterteams" in table.select_one("thead").get_text()  # type: ignore[union-attr]
    note = page.select_one(".scorecard-teams-note")
    assert note is not None and "eigenen Ziele des Teams" in note.get_text()
