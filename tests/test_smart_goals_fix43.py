"""SMART goals as a team that uses goals and KPIs sees them (audit 43, "smart").

- The dashboard of a site without objectives used to say "No objectives yet",
  hide "What changed" (a KPI reading of yesterday included) and show no goal,
  an overdue one included: it now lists the overdue goals and those due soon,
  the week's check-ins and the KPIs, and no "Stale objectives".
- Search found no goal by its cycle, and a person in a team only through the
  team file's ``members:`` not by the team's name.
- Goal lists were in id order (``goal-10`` before ``goal-2``); they go by title
  in natural order, as every other list of the site.
- A goal going down (cost €100 → €80, at €70) read "150% of target"; €70 is
  not 150% of €80: the page calls the ratio a share of the planned reduction.

Sites as users write them, built through the CLI.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from conftest import run_cli, write_site

KPI = """
    ---
    title: Customer satisfaction
    unit: "%"
    target: 90
    thresholds: {green: 88, red: 80}
    values: {2026-10-01: 86.5, 2026-11-01: 87}
    ---
    """


def goal(title: str, extra: str = "", measure: str = "{target: 40, current: 31}") -> str:
    return f"""
        ---
        title: {title}
        owner: Tom Lee
        measure: {measure}
        supports: csat
        {extra}
        ---
        What and why.
        """


def build(root: Path) -> Path:
    code, out = run_cli("build", "--site", str(root))
    assert code == 0, out
    return root / "_site"


def main_text(page: Path) -> str:
    """The words of a page's ``<main>``, tags dropped, spaces folded."""
    main = re.search(r"<main.*?</main>", page.read_text(encoding="utf-8"), re.S)
    assert main is not None
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main.group(0))).split())


def goal_only_site(tmp_path: Path, language: str = "en") -> Path:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'as_of = "2026-11-20"\nlanguage = "{language}"\n',
            "content/kpis/csat.md": KPI,
            "content/goals/kb.md": goal(
                "Write 40 help center articles", "cycle: 2026-Q4\n        due: 2026-10-31"
            ),
            "content/goals/sla.md": goal("Publish the SLA page", "due: 2026-11-25"),
            "content/goals/later.md": goal("Hire two agents", "due: 2027-03-31"),
        },
    )
    code, out = run_cli(
        "checkin", "csat", "--site", str(root), "--value", "89", "--date", "2026-11-19 17:30"
    )
    assert code == 0, out
    return root


def test_dashboard_of_a_goal_only_site_shows_its_goals_and_the_weeks_changes(
    tmp_path: Path,
) -> None:
    text = main_text(build(goal_only_site(tmp_path)) / "index.html")
    assert "No objectives yet" not in text
    assert "No objectives; 3 SMART goals, 1 overdue. All SMART goals" in text
    overdue = text.split("Overdue", 1)[1].split("Due within 14 days", 1)[0]
    assert "Write 40 help center articles" in overdue and "overdue" in overdue
    soon = text.split("Due within 14 days", 1)[1].split("What changed this week", 1)[0]
    assert "Publish the SLA page" in soon and "Hire two agents" not in soon
    changes = text.split("What changed this week", 1)[1].split("KPI health", 1)[0]
    assert "Customer satisfaction : 87 → 89% (improving)" in changes
    assert "Stale objectives" not in text


def test_dashboard_of_a_goal_only_site_in_german(tmp_path: Path) -> None:
    text = main_text(build(goal_only_site(tmp_path, "de")) / "index.html")
    assert "Noch keine Ziele" not in text
    assert "Keine OKR-Ziele; 3 SMART-Ziele, 1 überfällig. Alle SMART-Ziele" in text
    assert "Überfällig" in text and "Fällig innerhalb von 14 Tagen" in text
    assert "Was sich diese Woche geändert hat" in text
    assert "Veraltete Ziele" not in text


def test_dashboard_of_an_empty_site_still_says_to_add_objectives(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"okrsite.toml": 'as_of = "2026-11-20"\n'})
    (root / "content").mkdir()
    text = main_text(build(root) / "index.html")
    assert "No objectives yet. Add Markdown files under content/objectives/ ." in text


def search_items(site: Path) -> list[dict[str, object]]:
    return list(json.loads((site / "search-index.json").read_text(encoding="utf-8"))["items"])


def search_site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'as_of = "2026-11-20"\n',
            "content/kpis/csat.md": KPI,
            "content/goals/kb.md": goal("Write 40 help center articles", "cycle: 2026-Q4"),
            "content/goals/sla.md": goal("Publish the SLA page", "due: 2026-11-25"),
            "content/teams/customer-success.md": """
                ---
                title: Customer Success
                members: [Uma Diaz, Tom Lee]
                ---
                """,
        },
    )


def test_search_finds_goals_by_their_cycle(tmp_path: Path) -> None:
    items = search_items(build(search_site(tmp_path)))
    goals = {x["i"]: x for x in items if x["k"] == "goal"}
    assert goals["kb"]["c"] == "2026-Q4"
    # due within 2026-Q4, the cycle whose page lists it: found by its name too
    assert "2026-Q4" in str(goals["sla"]["x"])


def test_search_finds_a_teams_members_by_the_teams_name(tmp_path: Path) -> None:
    items = search_items(build(search_site(tmp_path)))
    people = {x["t"]: x for x in items if x["k"] == "person"}
    assert people["Tom Lee"]["m"] == "Customer Success"
    assert people["Uma Diaz"]["m"] == "Customer Success"


def titles_in(page: Path, titles: list[str]) -> list[str]:
    """The given titles in the order ``page``'s main text names them."""
    text = main_text(page)
    return sorted((t for t in titles if t in text), key=text.index)


def test_goal_lists_go_by_title_in_natural_order(tmp_path: Path) -> None:
    extra = "cycle: 2026-Q4\n        team: Customer Success\n        tags: [support]"
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'as_of = "2026-11-20"\n',
            "content/kpis/csat.md": KPI,
            "content/goals/cut-cost.md": goal("Reduce support cost", extra),
            "content/goals/due-today.md": goal("Publish the support SLA page", extra),
            "content/goals/first-response.md": goal("Cut first response time", extra),
            "content/goals/goal-10.md": goal("Goal 10", extra),
            "content/goals/goal-2.md": goal("Goal 2", extra),
        },
    )
    site = build(root)
    expected = [
        "Cut first response time",
        "Goal 2",
        "Goal 10",
        "Publish the support SLA page",
        "Reduce support cost",
    ]
    for page in (
        "goals/index.html",
        "teams/customer-success/index.html",
        "people/tom-lee/index.html",
        "cycles/2026-Q4/index.html",
        "tags/support/index.html",
        "kpis/csat/index.html",
    ):
        assert titles_in(site / page, expected) == expected, page
    # the data files keep their order by id
    code, out = run_cli("export", "--site", str(root))
    assert code == 0, out
    assert [g["id"] for g in json.loads(out)["goals"]] == sorted(
        ["cut-cost", "due-today", "first-response", "goal-10", "goal-2"]
    )


def test_a_decreasing_goal_past_its_target_reads_as_a_share_of_the_reduction(
    tmp_path: Path,
) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'as_of = "2026-11-20"\n',
            "content/kpis/csat.md": KPI,
            "content/goals/cost.md": goal(
                "Lower hosting cost to 80 €/month",
                "due: 2026-12-31",
                "{start: 100 €, target: 80 €, current: 70 €}",
            ),
            "content/goals/up.md": goal(
                "Write 10 articles", "due: 2026-12-31", "{target: 10, current: 15}"
            ),
            "content/objectives/ops.md": """
                ---
                title: Run lean
                owner: Uma Diaz
                cycle: 2026-Q4
                key_results:
                  - {id: cost, title: Hosting cost, start: 100, target: 80, current: 70}
                ---
                """,
        },
    )
    site = build(root)
    down = main_text(site / "goals/cost/index.html")
    assert "150% of the planned reduction" in down
    assert "of target" not in down
    assert "150% of target" in main_text(site / "goals/up/index.html")
    objective = main_text(site / "objectives/ops/index.html")
    assert "150% of the planned reduction" in objective and "of target" not in objective
