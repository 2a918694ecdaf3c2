"""A team or person renamed: its file lists the names and ids it was known by.

A program lead renames ``teams/growth-marketing.md`` to
``teams/product-marketing.md`` ("Product Marketing"); last quarter's
objectives still write ``team: Growth Marketing``, and nobody should rewrite
a closed quarter to follow a rename. A person who marries takes a new name
and a new id; their old check-ins write the old one. The file says what it
was called (``aliases:``, Hugo's word, or ``formerly:``) and every reference
to one of those names is that file: on the team's page, in its parent's
rollups and scorecards, on the timeline. Each test writes a real site (a
real git repository for the history) and runs the real CLI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from conftest import run_cli, write_site
from gitrepo import Repo, whys_checked

from okrsite.cli import cli

AS_OF = "2026-05-25"

MARKETING = """
    ---
    title: Marketing
    lead: Jane Smith
    ---
"""
PRODUCT_MARKETING = """
    ---
    title: Product Marketing
    parent: marketing
    aliases: [growth-marketing, Growth Marketing]
    members: [Jane Smith]
    ---
"""
JANE = """
    ---
    title: Jane Doe
    team: Growth Marketing
    formerly: [Jane Smith, jane-smith]
    ---
"""
# last quarter's goal, written before either rename
LAUNCH = """
    ---
    title: Launch the spring campaign
    cycle: 2026-Q2
    owner: Jane Smith
    team: Growth Marketing
    key_results:
      - {id: leads, title: Qualified leads, start: 0, target: 400}
      - {id: events, title: Events held, start: 0, target: 4}
    ---
"""
MQLS = """
    ---
    title: Marketing qualified leads
    owner: Growth Marketing
    target: 500
    values: {2026-05-20: 320}
    ---
"""
CHECKIN = """
    ---
    objective: q2/launch
    date: 2026-05-20
    author: jane-smith
    values: {leads: 310, events: 3}
    ---
"""


def renamed_site(tmp_path: Path, changed: dict[str, str] | None = None) -> Path:
    files = {
        "okrsite.toml": 'title = "Acme"\n',
        "content/teams/marketing.md": MARKETING,
        "content/teams/product-marketing.md": PRODUCT_MARKETING,
        "content/people/jane-doe.md": JANE,
        "content/objectives/q2/launch.md": LAUNCH,
        "content/kpis/mqls.md": MQLS,
        "content/checkins/2026-05-20.md": CHECKIN,
    }
    files.update(changed or {})
    return write_site(tmp_path / "site", files)


def check(site: Path) -> tuple[int, list[str]]:
    code, out = run_cli("check", "--site", str(site), "--as-of", AS_OF)
    return code, out.splitlines()


def test_old_names_of_a_team_and_a_person_name_their_files_without_a_word(
    tmp_path: Path,
) -> None:
    site = renamed_site(tmp_path)
    code, lines = check(site)
    assert (code, lines) == (
        0,
        [
            "okrsite: checked 7 files (1 objective, 1 KPI, 0 goals, 1 check-in) "
            "as of 2026-05-25: 0 errors, 0 warnings"
        ],
    )
    code, out = run_cli("export", "--site", str(site), "--as-of", AS_OF)
    assert code == 0, out
    data = json.loads(out)
    [launch] = data["objectives"]
    assert (launch["owner"], launch["team"]) == ("jane-doe", "product-marketing")

    out_dir = tmp_path / "out"
    code, out = run_cli("build", "--site", str(site), "--out", str(out_dir), "--as-of", AS_OF)
    assert code == 0, out
    assert sorted(p.name for p in (out_dir / "teams").iterdir()) == [
        "index.html",
        "marketing",
        "product-marketing",
    ]
    assert sorted(p.name for p in (out_dir / "people").iterdir()) == ["index.html", "jane-doe"]

    def page(rel: str) -> str:
        return (out_dir / rel / "index.html").read_text(encoding="utf-8")

    for rel in ("teams/marketing", "teams/product-marketing", "people/jane-doe"):
        assert "Launch the spring campaign" in page(rel), rel
        assert "Growth Marketing" not in page(rel) and "Jane Smith" not in page(rel), rel
    # the KPI its owner: names by the team's old name is the team's
    assert "Marketing qualified leads" in page("teams/product-marketing")
    # the quarter's scorecard has one row, the team of today
    scorecard = json.loads((out_dir / "api" / "cycles" / "2026-Q2.json").read_text())
    assert [(row["team"], row["title"]) for row in scorecard["teams"]] == [
        ("product-marketing", "Product Marketing")
    ]


def test_a_hugo_alias_the_old_page_s_address_names_the_team(tmp_path: Path) -> None:
    site = renamed_site(
        tmp_path,
        {
            "content/teams/product-marketing.md": PRODUCT_MARKETING.replace(
                "[growth-marketing, Growth Marketing]", "[/teams/growth-marketing/]"
            )
        },
    )
    code, lines = check(site)
    assert (code, lines[:-1]) == (0, [])
    assert lines[-1].endswith(": 0 errors, 0 warnings"), lines


def test_an_alias_that_is_another_file_s_id_or_that_two_files_claim_is_an_error(
    tmp_path: Path,
) -> None:
    site = renamed_site(
        tmp_path,
        {
            "content/teams/growth.md": """
            ---
            title: Growth
            ---
        """,
            "content/teams/brand.md": """
            ---
            title: Brand
            parent: marketing
            aliases: [Growth Marketing, Events]
            ---
        """,
            "content/teams/field.md": """
            ---
            title: Field Marketing
            parent: marketing
            was: events
            ---
        """,
            "content/teams/product-marketing.md": PRODUCT_MARKETING.replace(
                "[growth-marketing, Growth Marketing]", "[growth-marketing, growth]"
            ),
        },
    )
    code, lines = check(site)
    assert code == 1
    assert lines == [
        "content/teams/field.md:4:6: error OKR301: team alias 'events' is also an alias of "
        "content/teams/brand.md: it names neither (hint: keep it in the file of the team it "
        "was, and remove it from the other)",
        "content/teams/product-marketing.md:4:10: error OKR301: team alias 'growth-marketing' "
        "is also an alias of content/teams/brand.md: it names neither (hint: keep it in the "
        "file of the team it was, and remove it from the other)",
        "content/teams/product-marketing.md:4:10: error OKR301: team alias 'growth' is the id "
        "of content/teams/growth.md: it names that team (hint: remove it from aliases: here, "
        "or, if content/teams/growth.md is the old file of this team, delete it: a renamed "
        "team keeps one file)",
        "okrsite: checked 10 files (1 objective, 1 KPI, 0 goals, 1 check-in) as of 2026-05-25: "
        "3 errors, 0 warnings",
    ]


def test_a_slip_of_a_former_name_is_hinted_as_that_name(tmp_path: Path) -> None:
    site = renamed_site(
        tmp_path,
        {
            "content/teams/growth.md": """
            ---
            title: Growth Marketplace
            ---
        """,
            "content/objectives/q2/launch.md": LAUNCH.replace(
                "team: Growth Marketing", "team: Growth Marketng"
            ),
        },
    )
    code, lines = check(site)
    assert code == 0
    assert lines == [
        "content/objectives/q2/launch.md:5:7: warning OKR306: team 'Growth Marketng' "
        "(growth-marketng) is not a team in content/teams/ (hint: did you mean "
        "'growth-marketing', a former name of 'Product Marketing' "
        "(content/teams/product-marketing.md)?)",
        "okrsite: checked 8 files (1 objective, 1 KPI, 0 goals, 1 check-in) as of 2026-05-25: "
        "0 errors, 1 warning",
    ]


def test_an_owner_one_slip_from_a_teams_former_name_is_hinted_as_that_name(
    tmp_path: Path,
) -> None:
    """An owner may name a team, and an exact former name of one makes that
    team the owner: a slip of it gets the hint a team: gets."""
    site = renamed_site(
        tmp_path,
        {
            "content/objectives/q2/launch.md": LAUNCH.replace(
                "owner: Jane Smith", "owner: Growth Marketting"
            ),
        },
    )
    code, lines = check(site)
    assert code == 0
    owner = [line for line in lines if "owner 'Growth Marketting'" in line]
    assert len(owner) == 1, lines
    assert owner[0].endswith(
        "(hint: did you mean 'growth-marketing', a former name of 'Product Marketing' "
        "(content/teams/product-marketing.md)?)"
    ), owner[0]


def day(text: str) -> str:
    return f"{text}T10:00:00+00:00"


def test_renaming_a_team_s_and_a_person_s_file_is_no_change_on_the_timeline(
    tmp_path: Path,
) -> None:
    """The rename commit moves the team's and the person's files and writes
    the goal with their new names; the goal's versions before it name them
    the old way, which the files list as aliases. The timeline shows the
    target the next commit changed, and no change of team or owner."""
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", 'title = "Acme"\nas_of = 2026-05-25\n')
    repo.write("content/teams/marketing.md", "---\ntitle: Marketing\n---\n")
    repo.write(
        "content/teams/growth-marketing.md",
        "---\ntitle: Growth Marketing\nparent: marketing\n---\n",
    )
    repo.write("content/people/jane-smith.md", "---\ntitle: Jane Smith\n---\n")

    def goal(target: int, owner: str = "jane-smith", team: str = "growth-marketing") -> str:
        return (
            "---\ntitle: Launch the spring campaign\ncycle: 2026-Q2\n"
            f"owner: {owner}\nteam: {team}\nkey_results:\n"
            f"  - {{id: leads, title: Qualified leads, start: 0, target: {target}}}\n"
            "  - {id: events, title: Events held, start: 0, target: 4}\n---\n"
        )

    repo.write("content/objectives/launch.md", goal(400))
    repo.commit("Spring campaign", "alice", day("2026-04-01"))
    repo.git("mv", "content/teams/growth-marketing.md", "content/teams/product-marketing.md")
    repo.write(
        "content/teams/product-marketing.md",
        "---\ntitle: Product Marketing\nparent: marketing\n"
        "aliases: [growth-marketing, Growth Marketing]\n---\n",
    )
    repo.git("mv", "content/people/jane-smith.md", "content/people/jane-doe.md")
    repo.write("content/people/jane-doe.md", "---\ntitle: Jane Doe\nformerly: jane-smith\n---\n")
    # and the goal, found by a search for the old names, written with the new
    repo.write("content/objectives/launch.md", goal(400, "Jane Doe", "Product Marketing"))
    repo.commit("Growth Marketing is Product Marketing; Jane married", "bob", day("2026-04-20"))
    repo.write("content/objectives/launch.md", goal(350, "Jane Doe", "Product Marketing"))
    lowered = repo.commit("Fewer leads", "carol", day("2026-05-02"))

    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text())
    launch = data["objectives"]["launch"]
    assert [c["field"] for c in whys_checked(repo, launch["changes"])] == ["created"]
    leads = whys_checked(repo, launch["key_results"]["leads"]["changes"])
    assert [(c["commit"], c["field"], c["old"], c["new"]) for c in leads] == [
        (lowered, "target", 400, 350)
    ]
    html = (out / "objectives/launch/index.html").read_text()
    timeline = html[html.index('id="goal-history"') :]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", timeline[: timeline.index("</section>")]))
    assert "growth-marketing" not in text and "jane-smith" not in text
    assert "team " not in text and "owner " not in text
