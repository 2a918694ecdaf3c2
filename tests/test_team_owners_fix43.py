"""A team's own goal or KPI, and KPI lists by title (audit 43, left over
from the SMART-goal fixes of the same day).

Each test builds a real site from real files through the CLI:

1. A goal owned by a team (``owner: Customer Success``) showed the team as
   owner on its page, while ``api/portfolio.json`` wrote ``"owner": null``
   (and ``okrsite import`` of it then made a goal without owner: not
   Assigned).
2. The search index wrote ``"o": ""`` for it.
3. A KPI owned by a team said "Owner nobody" on its page.
4. KPI lists (the KPI page, the dashboard, team and person pages, the
   search index) were in id order where docs/site.md promises title order;
   ``okrsite export`` stays in id order.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from conftest import run_cli, write_site

TEAM = "---\ntitle: Customer Success\n---\n"
PERSON = "---\ntitle: Raj Iyer\n---\n"


def kpi(title: str, owner: str = "Customer Success") -> str:
    return (
        f"---\ntitle: {title}\nowner: {owner}\nunit: '%'\ntarget: 90\n"
        "values: {2026-11-01: 87}\n---\n"
    )


def goal(owner: str) -> str:
    return (
        f"---\ntitle: Answer chats in a minute\nowner: {owner}\ndue: 2026-12-15\n"
        "supports: csat\nmeasure: {target: 84, current: 61}\n---\n"
        "Staff the chat queue in two shifts.\n"
    )


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    base = {
        "okrsite.toml": 'as_of = "2026-11-20"\n',
        "content/teams/customer-success.md": TEAM,
        "content/people/raj-iyer.md": PERSON,
        "content/kpis/csat.md": kpi("Customer satisfaction"),
    }
    return write_site(tmp_path / "site", {**base, **files})


def build(root: Path) -> None:
    code, out = run_cli("build", "--site", str(root))
    assert code == 0, out


def search_items(root: Path) -> dict[tuple[str, str], dict[str, Any]]:
    data = json.loads((root / "_site/search-index.json").read_text(encoding="utf-8"))
    return {(item["k"], item["i"]): item for item in data["items"]}


TEAM_LINK = '<a href="../../teams/customer-success/index.html"><bdi>Customer Success</bdi></a>'


# ---------------------------------------------------------------- 1 and 2


def test_a_teams_own_goal_has_the_team_as_owner_in_json_and_search(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {
            "content/goals/chat.md": goal("Customer Success"),
            "content/goals/mine.md": goal("Raj Iyer"),
            "content/goals/nobodys.md": goal(""),
        },
    )
    build(root)
    data = json.loads((root / "_site/api/portfolio.json").read_text(encoding="utf-8"))
    goals = {g["id"]: g for g in data["goals"]}
    assert {k: goals["chat"][k] for k in ("owner", "owner_kind", "team")} == {
        "owner": "customer-success",
        "owner_kind": "team",
        "team": "customer-success",
    }
    assert (goals["mine"]["owner"], goals["mine"]["owner_kind"]) == ("raj-iyer", "person")
    assert (goals["nobodys"]["owner"], goals["nobodys"]["owner_kind"]) == (None, None)
    code, exported = run_cli("export", "--site", str(root))
    assert code == 0, exported
    assert {g["id"]: g for g in json.loads(exported)["goals"]} == goals

    items = search_items(root)
    assert items[("goal", "chat")]["o"] == "Customer Success"
    assert items[("goal", "mine")]["o"] == "Raj Iyer"
    assert items[("goal", "nobodys")]["o"] == ""

    # the export moves the goal with its owner: it stays Assigned
    source = tmp_path / "portfolio.json"
    source.write_text(exported, encoding="utf-8")
    target = write_site(tmp_path / "target", {"okrsite.toml": 'as_of = "2026-11-20"\n'})
    write_site(target, {"content/teams/customer-success.md": TEAM})
    code, out = run_cli("import", str(source), "--site", str(target))
    assert code == 0, out
    code, again = run_cli("export", "--site", str(target))
    moved = {g["id"]: g for g in json.loads(again)["goals"]}
    assert moved["chat"]["smart"]["A"] is True
    assert (moved["chat"]["owner"], moved["chat"]["owner_kind"]) == ("customer-success", "team")


# ---------------------------------------------------------------- 3


def test_a_teams_own_kpi_shows_the_team_as_owner(tmp_path: Path) -> None:
    root = site(tmp_path, {"content/kpis/nps.md": kpi("Net promoter score", owner="Raj Iyer")})
    build(root)
    page = (root / "_site/kpis/csat/index.html").read_text(encoding="utf-8")
    assert f"<dt>Owner</dt><dd>{TEAM_LINK}</dd>" in page
    assert "nobody" not in page
    assert "<dt>Team</dt>" not in page  # the team is its owner, named once
    other = (root / "_site/kpis/nps/index.html").read_text(encoding="utf-8")
    assert '<dt>Owner</dt><dd><a href="../../people/raj-iyer/index.html">' in other
    items = search_items(root)
    assert items[("kpi", "csat")]["o"] == "Customer Success"
    assert items[("kpi", "nps")]["o"] == "Raj Iyer"
    team_page = (root / "_site/teams/customer-success/index.html").read_text(encoding="utf-8")
    assert "kpis/csat/index.html" in team_page


# ---------------------------------------------------------------- 4


def test_kpi_lists_are_in_title_order_and_the_export_in_id_order(tmp_path: Path) -> None:
    # ids in one order, titles in the other ("KPI 2" before "KPI 10")
    kpis = {"a-kpi": "Zeta churn", "b-kpi": "KPI 10", "c-kpi": "KPI 2", "d-kpi": "Alpha uptime"}
    by_title = ["d-kpi", "c-kpi", "b-kpi", "a-kpi"]
    root = site(
        tmp_path,
        {
            "content/kpis/csat.md": kpi("Customer satisfaction", owner="Raj Iyer"),
            **{
                f"content/kpis/{kid}.md": kpi(title, owner="Raj Iyer")
                for kid, title in kpis.items()
            },
        },
    )
    # the team's own KPIs are the same ones, by team: as written in team:
    for kid in kpis:
        path = root / f"content/kpis/{kid}.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("---\n", "---\nteam: customer-success\n", 1)
        )
    build(root)
    expected = ["d-kpi", "csat", "c-kpi", "b-kpi", "a-kpi"]  # csat: Customer satisfaction

    def order(page: str, ids: list[str]) -> list[str]:
        html = (root / "_site" / page).read_text(encoding="utf-8")
        found = re.findall(
            r'class="tile[^"]*"[^>]*>\s*<a href="[./]*kpis/([\w-]+)/index.html"', html
        )
        return [kid for kid in dict.fromkeys(found) if kid in ids]

    assert order("kpis/index.html", expected) == expected
    assert order("index.html", expected) == expected
    assert order("people/raj-iyer/index.html", expected) == expected
    assert order("teams/customer-success/index.html", by_title) == by_title
    items = json.loads((root / "_site/search-index.json").read_text(encoding="utf-8"))["items"]
    assert [i["i"] for i in items if i["k"] == "kpi"] == expected

    code, exported = run_cli("export", "--site", str(root))
    assert code == 0, exported
    assert [k["id"] for k in json.loads(exported)["kpis"]] == sorted(expected)
