"""Session 46 leftovers, each through the real CLI: an e-mail address names
one person by one rule, whether a check-in's author or an imported owner
writes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site


# ------------------------------------------------ 1. one rule for an address
@pytest.mark.parametrize(
    ("address", "email"),
    [
        ("eve.park@acme.com", None),
        ("eve_park@acme.com", None),
        ("Eve.Park@ACME.com", None),
        ("eve.park+okr@acme.com", None),
        ("ep@acme.com", "ep@acme.com"),
        ("EP@Acme.com", "ep@acme.com"),
        ("ep+okr@acme.com", "ep@acme.com"),
    ],
)
def test_an_address_names_the_same_person_as_author_and_as_imported_owner(
    tmp_path: Path, address: str, email: str | None
) -> None:
    person = "---\ntitle: Eve Park\n" + (f"email: {email}\n" if email else "") + "---\n"
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\nlanguage = "en"\ndefault_cycle = "2026-Q4"\n',
            "content/people/eve-park.md": person,
            "content/objectives/logos.md": (
                "---\ntitle: Win new logos\ncycle: 2026-Q4\nowner: Eve Park\n"
                "key_results:\n  - {id: n, title: New logos, start: 0, target: 10}\n---\n"
            ),
            "content/checkins/a.md": (
                f"---\nobjective: logos\ndate: 2026-11-16\nauthor: {address}\n"
                "values: {n: 2}\n---\n"
            ),
        },
    )
    sheet = tmp_path / "okrs.csv"
    sheet.write_text(
        "Objective,Key result,Owner,Team,Quarter,Start,Target,Current\n"
        f"Cut churn,Churn,{address},,Q4 2026,0,10,2\n",
        encoding="utf-8",
    )
    code, out = run_cli("import", str(sheet), "--site", str(site))
    assert code == 0, out
    assert f"owner {address!r} (row 2) is written as 'Eve Park'" in out, out
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, out
    assert "OKR306" not in out, out
    people = sorted(p.name for p in (site / "_site/people").iterdir() if p.is_dir())
    assert people == ["eve-park"], people
    page = (site / "_site/people/eve-park/index.html").read_text(encoding="utf-8")
    assert "Cut churn" in page and "Win new logos" in page
