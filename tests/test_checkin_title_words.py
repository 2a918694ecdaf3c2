"""``okrsite checkin --set WORDS=VALUE`` with words from inside a key result's
title, as people remember it ("newsletter" for "Grow newsletter subscribers
from 1,200 to 5,000"), and the hints that list key results the loader
numbered (``kr1``) with their titles, so the user can tell which is which."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import files_of, run_cli, write_site

OBJECTIVE = """\
---
title: Make our brand known in the DACH region
cycle: 2026-Q4
key_results:
  - title: Grow newsletter subscribers from 1,200 to 5,000
    start: 1200
    target: 5000
  - title: "Press mentions: 12"
    target: 12
  - title: Grow press subscribers to 300
    target: 300
---
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write_site(tmp_path, {"content/objectives/marketing/brand.md": OBJECTIVE})
    return tmp_path


def checkin(site: Path, *args: str) -> tuple[int, str]:
    return run_cli("checkin", "--site", str(site), "marketing/brand", *args, "--date", "2026-12-04")


def test_words_inside_one_title_name_its_key_result(site: Path) -> None:
    code, out = checkin(site, "--set", "newsletter=2600", "--set", "Press=5")
    assert code == 0, out
    assert "okrsite: 'newsletter' is key result kr1" in out
    assert "okrsite: 'Press' is key result kr2" in out  # the start of a title comes first
    text = (site / "content/checkins/marketing/brand/2026-12-04.md").read_text()
    assert "values: {kr1: 2600, kr2: 5}" in text


def test_words_inside_several_titles_are_refused_naming_each(site: Path) -> None:
    before = files_of(site)
    code, out = checkin(site, "--set", "subscribers=2600")
    assert code == 2, out
    assert (
        "--set subscribers=…: 'subscribers' is in the titles of kr1 ('Grow newsletter "
        "subscribers from 1,200 to 5,000') and kr3 ('Grow press subscribers to 300'): give "
        "the key result's id or more of its title"
    ) in " ".join(out.split())
    assert files_of(site) == before


def test_part_of_a_word_inside_a_title_names_nothing(site: Path) -> None:
    before = files_of(site)
    code, out = checkin(site, "--set", "letter=2600")
    assert code == 1, out
    # the loader's refusal lists the numbered key results with their titles
    assert (
        "error OKR304: objective 'marketing/brand' has no key result 'letter' (hint: its key "
        "results are: kr1 ('Grow newsletter subscribers from 1,200 to 5,000'), kr2 ('Press "
        "mentions: 12'), kr3 ('Grow press subscribers to 300');"
    ) in " ".join(out.split())
    assert files_of(site) == before


def test_check_lists_numbered_key_results_with_their_titles(site: Path) -> None:
    folder = site / "content/checkins/marketing/brand"
    folder.mkdir(parents=True)
    (folder / "2026-12-03.md").write_text("---\ndate: 2026-12-03\nvalues: {visits: 4}\n---\n")
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    assert (
        "its key results are: kr1 ('Grow newsletter subscribers from 1,200 to 5,000'), "
        "kr2 ('Press mentions: 12'), kr3 ('Grow press subscribers to 300')"
    ) in " ".join(out.split())
