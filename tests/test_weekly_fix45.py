"""Audit 45 (a COO's Monday look at the dashboard), through the real CLI.

* the alignment tree flags a stale objective, as every other list does.
* "What changed this week" keeps the check-ins of a cycle that ended inside
  the window (a sprint's closing check-in of Sunday, seen on Monday).
"""

from __future__ import annotations

import html as html_mod
import re
from pathlib import Path

from conftest import run_cli, write_site


def text_of(page: Path) -> str:
    """The page's text, tags out, spaces folded."""
    raw = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", html_mod.unescape(raw))


def build(site: Path, out: Path, as_of: str) -> str:
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", as_of)
    assert code == 0, output
    return output


PEOPLE = {
    "content/people/rosa-vega.md": "---\nname: Rosa Vega\nteam: sales\n---\n",
    "content/teams/sales.md": "---\nname: Sales\n---\n",
}


# ------------------------------------------------------- 1. stale in the tree
def test_the_alignment_tree_flags_a_stale_objective_as_every_list_does(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            **PEOPLE,
            "content/objectives/renew.md": """\
                ---
                title: Renew every strategic account
                cycle: 2026-Q4
                owner: Rosa Vega
                team: Sales
                key_results:
                  - {id: renew, title: Strategic renewals, start: 0, target: 12}
                ---
                """,
            "content/objectives/fresh.md": """\
                ---
                title: Fresh goal
                cycle: 2026-Q4
                owner: Rosa Vega
                team: Sales
                key_results:
                  - {id: a, title: Things, start: 0, target: 12}
                ---
                """,
            "content/checkins/fresh.md": """\
                ---
                objective: fresh
                date: 2026-11-20
                values: {a: 6}
                ---
                """,
        },
    )
    out = tmp_path / "out"
    build(site, out, "2026-11-23")
    team = text_of(out / "teams/sales/index.html")
    assert "Renew every strategic account" in team and "· stale" in team
    tree = (out / "alignment/index.html").read_text(encoding="utf-8")
    lines = {
        title: line
        for line in tree.split('<span class="node"')[1:]
        for title in ("Renew every strategic account", "Fresh goal")
        if title in line
    }
    assert 'class="stale"' in lines["Renew every strategic account"], lines
    assert 'class="stale"' not in lines["Fresh goal"], lines
    assert "· stale" in text_of(out / "alignment/index.html")


# ------------------------------------------- 2. a sprint that ended this week
SPRINT_SITE = {
    "okrsite.toml": """\
        title = "T"
        [cycles."Sprint 23"]
        start = 2026-11-16
        end = 2026-11-29
        title = "Sprint 23 (Nov)"
        """,
    "content/objectives/quarter.md": """\
        ---
        title: Quarter goal
        cycle: 2026-Q4
        key_results:
          - {id: a, title: Things, start: 0, target: 10}
        ---
        """,
    "content/objectives/sprint23.md": """\
        ---
        title: Search revamp sprint
        cycle: Sprint 23
        key_results:
          - {id: stories, title: Stories done, start: 0, target: 20, unit: stories}
        ---
        """,
    "content/checkins/sprint23-a.md": """\
        ---
        objective: sprint23
        date: 2026-11-20
        confidence: 4
        values: {stories: 3}
        ---
        """,
    "content/checkins/sprint23-b.md": """\
        ---
        objective: sprint23
        date: 2026-11-29
        confidence: 6
        values: {stories: 12}
        ---
        end
        """,
    "content/checkins/old-sprint.md": """\
        ---
        objective: quarter
        date: 2026-11-26
        values: {a: 2}
        ---
        """,
}


def _changes_section(page: Path) -> str:
    text = text_of(page)
    start = text.index("What changed")
    return text[start : text.index("Top-level objectives", start)]


def test_the_sprints_last_check_in_stays_in_what_changed_on_the_monday_after(
    tmp_path: Path,
) -> None:
    site = write_site(tmp_path / "site", SPRINT_SITE)
    sunday, monday, later = tmp_path / "sun", tmp_path / "mon", tmp_path / "later"
    build(site, sunday, "2026-11-29")
    assert "Search revamp sprint" in _changes_section(sunday / "index.html")
    build(site, monday, "2026-11-30")
    week = _changes_section(monday / "index.html")
    assert "Search revamp sprint" in week and "3 → 12 stories" in week, week
    assert "Quarter goal" in week
    # the sprint ended on Sunday and no objective of a next sprint is active:
    # the dashboard stays on its review for a week (scoring.md, the
    # dashboard's cycle), naming the quarter around it as running
    assert "Check-ins of the objectives of Sprint 23 (Nov) and of 2026-Q4" in week, week
    assert "This cycle ended" in text_of(monday / "index.html")
    # a week after its end the sprint is over: its check-ins leave the list
    build(site, later, "2026-12-06")
    gone = _changes_section(later / "index.html")
    assert "Search revamp sprint" not in gone and "which ended" not in gone, gone


# ---------------------------------------------- 4. an author's e-mail address
def _eve_site(tmp_path: Path, middle_author: str) -> Path:
    checkin = "---\nobjective: logos\ndate: {day}\nauthor: {author}\nvalues: {{n: {n}}}\n---\n"
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/people/eve-park.md": "---\ntitle: Eve Park\n---\n",
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\nemail: tl@acme.com\n---\n",
            "content/objectives/logos.md": (
                "---\ntitle: Win new logos\ncycle: 2026-Q4\nowner: Eve Park\n"
                "key_results:\n  - {id: n, title: New logos, start: 0, target: 10}\n---\n"
            ),
            "content/checkins/a.md": checkin.format(day="2026-11-09", author="Eve Park", n=1),
            "content/checkins/b.md": checkin.format(day="2026-11-16", author=middle_author, n=2),
            "content/checkins/c.md": checkin.format(day="2026-11-23", author="Eve Park", n=3),
            "content/checkins/d.md": checkin.format(day="2026-11-23", author="tl@acme.com", n=3),
        },
    )


def test_an_author_written_as_an_address_is_the_person_it_spells(tmp_path: Path) -> None:
    site = _eve_site(tmp_path, "eve.park@acme.com")
    out = tmp_path / "out"
    output = build(site, out, "2026-11-23")
    assert "OKR306" not in output, output
    assert not (out / "people/eve-park-acme-com").exists()
    assert not (out / "people/tl-acme-com").exists()  # by the file's email:
    assert "3 weeks in a row" in text_of(out / "people/eve-park/index.html")
    assert "1 week in a row" in text_of(out / "people/tom-lee/index.html")


def test_an_address_that_names_no_one_is_warned_of_with_the_closest_name(
    tmp_path: Path,
) -> None:
    site = _eve_site(tmp_path, "eve.prk@acme.com")
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-23")
    assert code == 0, output
    assert (
        "content/checkins/b.md:4:9: warning OKR306: author 'eve.prk@acme.com' "
        "(eve-prk-acme-com) is not a person in content/people/"
    ) in output, output
    assert "did you mean 'Eve Park'?" in output, output


# ------------------------------------------- 5. two check-ins of one day in the feed
def test_feed_titles_of_two_check_ins_of_one_day_give_their_time(tmp_path: Path) -> None:
    checkin = "---\nobjective: response\ndate: {when}\nvalues: {{h: {h}}}\n---\n"
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/objectives/response.md": (
                "---\ntitle: First response under 2 hours\ncycle: 2026-Q4\n"
                "key_results:\n  - {id: h, title: Hours, start: 8, target: 2}\n---\n"
            ),
            "content/checkins/a.md": checkin.format(when="2026-11-17T09:00", h=5),
            "content/checkins/b.md": checkin.format(when="2026-11-17T17:30", h=4),
            "content/checkins/c.md": checkin.format(when="2026-11-20T10:00", h=3),
        },
    )
    out = tmp_path / "out"
    build(site, out, "2026-11-23")
    titles = re.findall(r"<entry>\s*<title>(.*?)</title>", (out / "checkins.xml").read_text())
    assert titles == [
        "2026-11-20: First response under 2 hours",
        "2026-11-17 17:30: First response under 2 hours",
        "2026-11-17 09:00: First response under 2 hours",
    ], titles
