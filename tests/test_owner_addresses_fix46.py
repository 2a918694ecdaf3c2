"""An owner written as an e-mail address follows the one address rule.

``owner: eve_park+q4@acme.com`` beside a person file with ``email:
eve.park@acme.com`` was OKR306 with a hint to add an alias, though the same
address as a check-in's author and in ``okrsite import`` is Eve Park: the
owner's address was compared as one folded name, ``+tag`` and all. An
address that is no file's email (``EPark@acme.com``) was told to add
``content/people/epark-acme-com.md``: a second Eve. Now the owner is the
file whose ``email:`` the address is (case, ``._-`` and ``+tag`` aside), and
an unknown address gets the did-you-mean an author gets.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_site


def _site(tmp_path: Path, owner: str) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/people/eve-park.md": "---\ntitle: Eve Park\nemail: eve.park@acme.com\n---\n",
            "content/people/bo-li.md": "---\ntitle: Bo Li\n---\n",
            "content/objectives/x.md": (
                f"---\ntitle: X\ncycle: 2026-Q4\nowner: {owner}\nkey_results:\n"
                "  - {id: a, title: A, start: 0, target: 10}\n"
                "  - {id: b, title: B, start: 0, target: 10}\n---\n"
            ),
        },
    )


def test_an_owner_written_as_a_tagged_address_is_the_person_whose_email_it_is(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path, "eve_park+q4@acme.com")
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-20", "--no-history")
    assert code == 0, out
    assert "OKR306" not in out, out
    portfolio = json.loads((site / "_site/api/portfolio.json").read_text(encoding="utf-8"))
    assert [o["owner"] for o in portfolio["objectives"]] == ["eve-park"]
    page = (site / "_site/objectives/x/index.html").read_text(encoding="utf-8")
    assert "Eve Park" in page
    assert not (site / "_site/people/eve-park-q4-acme-com").exists()


def test_an_owner_address_of_no_file_is_told_whose_it_may_be_not_to_add_a_person(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path, "EPark@acme.com")
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, out
    (line,) = [line for line in out.splitlines() if "OKR306" in line]
    assert "owner 'EPark@acme.com'" in line, line
    assert "did you mean 'Eve Park'?" in line, line
    assert "okrsite new person" not in line and "epark-acme-com.md" not in line, line
