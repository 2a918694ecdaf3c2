"""A team file written with ``owner:`` and ``team:``, as goal files name a
lead and a parent team: the findings about them point at those lines, as
they do at ``lead:`` and ``parent:``. Each test writes a real site and runs
the real ``okrsite check``."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site

PERSON = """
    ---
    title: Uma Diaz
    ---
"""


def check(site: Path) -> tuple[int, list[str]]:
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-11-25")
    return code, [line for line in out.splitlines() if line.startswith("content/")]


def test_an_unknown_lead_and_parent_written_as_owner_and_team_point_at_their_lines(
    tmp_path: Path,
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Teams"\n',
            "content/people/uma-diaz.md": PERSON,
            "content/teams/support.md": """
                ---
                title: Support
                # who runs it, and where it sits
                owner: Tom Lee
                team:  Customer Sucess
                ---
            """,
            "content/teams/customer-success.md": """
                ---
                title: Customer Success
                lead: Uma Diaz
                ---
            """,
            "content/teams/data.md": """
                ---
                title: Data
                lead: Tom Lee
                parent: Customer Sucess
                ---
            """,
        },
    )
    code, lines = check(site)
    assert code == 0, lines
    lead = (
        "warning OKR306: lead 'Tom Lee' (tom-lee) is not a person in content/people/ "
        '(hint: add content/people/tom-lee.md (okrsite new person "Tom Lee"))'
    )
    team = (
        "warning OKR306: team 'Customer Sucess' (customer-sucess) is not a team in "
        "content/teams/ (hint: did you mean 'Customer Success'?)"
    )
    assert lines == [
        f"content/teams/data.md:3:7: {lead}",
        f"content/teams/data.md:4:9: {team}",
        f"content/teams/support.md:4:8: {lead}",
        f"content/teams/support.md:5:8: {team}",
    ]


def test_a_team_loop_written_with_team_points_at_that_line(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Teams"\n',
            "content/people/uma-diaz.md": PERSON,
            "content/teams/sales.md": """
                ---
                title: Sales
                owner: Uma Diaz
                team: marketing
                ---
            """,
            "content/teams/marketing.md": """
                ---
                title: Marketing
                parent: sales
                ---
            """,
        },
    )
    code, lines = check(site)
    assert code == 0, lines
    loop = "marketing → sales → marketing; its teams are shown as top-level teams"
    hint = "a team cannot be inside itself (directly or through others); change one"
    assert lines == [
        f"content/teams/marketing.md:3:9: warning OKR313: team loop: {loop} "
        f"(hint: {hint} 'parent:')",
        f"content/teams/sales.md:4:7: warning OKR313: team loop: {loop} (hint: {hint} 'team:')",
    ]
