"""The name pages show for a person or team with no file of their own.

People type a colleague's name in small letters in a quick check-in
(``author: uma diaz``) and with capitals in the objective (``owner: Uma
Diaz``); the check-in's file is read first (``checkins/`` sorts before
``objectives/``), and the pages showed "uma diaz" everywhere.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site

OBJECTIVE = """
    ---
    title: Grow revenue
    owner: {owner}
    team: {team}
    cycle: 2026-Q4
    key_results:
      - {{id: arr, title: New ARR, start: 0, target: 10}}
    ---
"""
CHECKIN = """
    ---
    objective: grow
    date: 2026-11-18
    author: {author}
    values: {{arr: 4}}
    ---
"""


def _build(tmp_path: Path, owner: str, author: str, team: str = "Sales EMEA") -> str:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n',
            "content/objectives/grow.md": OBJECTIVE.format(owner=owner, team=team),
            "content/checkins/2026-11-18-grow.md": CHECKIN.format(author=author),
        },
    )
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    return (site / "_site/people/uma-diaz/index.html").read_text()


def test_a_name_with_capitals_wins_over_one_first_written_in_small_letters(
    tmp_path: Path,
) -> None:
    page = _build(tmp_path, owner="Uma Diaz", author="uma diaz")
    assert "<h1>Uma Diaz</h1>" in page or ">Uma Diaz<" in page
    assert "uma diaz" not in page


def test_the_first_spelling_with_capitals_stays_as_before(tmp_path: Path) -> None:
    page = _build(tmp_path, owner="Uma DIAZ", author="Uma Diaz")
    assert "Uma Diaz" in page and "Uma DIAZ" not in page  # the check-in's, read first


def test_small_letters_everywhere_stay_small(tmp_path: Path) -> None:
    page = _build(tmp_path, owner="uma diaz", author="uma diaz")
    assert "uma diaz" in page and "Uma Diaz" not in page
