"""Hostile input, audit 42: a name padded with a long run of spaces (two
name patterns backtracking over it: 20,000 spaces took 15 s), TOML nested a
thousand tables deep in front matter (a traceback in every command), and a
60,000-part dotted key in ``okrsite.toml`` (the TOML parser's own time grows
with the square of a key's parts: 19 s).

Each runs the real CLI in a child process under a time bound, so a hang
fails the test instead of holding the suite (docs/limits.md: a check of any
single file of up to 1 MB well under 2 seconds).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from test_hostile_audit40 import base_site, okrsite

from okrsite import parse_names

#: the two patterns as they were, for the differential test below
_OLD_JOINED = re.compile(r"\s*(?:[,;&]|\s/\s|\s(?:and|und)\s)\s*", re.IGNORECASE)
_OLD_NOTE = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\]|<[^<>]*>)\s*$")


def _old_people(value: str) -> str | list[str]:
    if _OLD_JOINED.search(value) is None:
        return value
    # the names are counted without the note after them (Diaz, Uma <uma@…>)
    bare = _OLD_NOTE.sub("", value.strip()).strip() or value.strip()
    parts = [part for part in _OLD_JOINED.split(bare) if part]
    if len(parts) < 2:
        return value
    if len(parts) == 2 and "," in bare and all(len(part.split()) == 1 for part in parts):
        return value
    return [*parts[:-1], parts[-1] + value.strip()[len(bare) :]]


def test_name_patterns_read_as_before_on_generated_names() -> None:
    """The patterns lost their leading ``\\s*`` (what backtracked); on 100,000
    generated names of separators, brackets, Unicode spaces and words they
    split and strip exactly as the old ones did."""
    pieces = [*"ab ,;&/()[]<>\t", "\u00a0", "\u2003", "\u3000", "and", "UND", " and ", " / "]
    rng = random.Random(42)
    for _ in range(100_000):
        name = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert parse_names.people_in_one_line(name) == _old_people(name), repr(name)
        bare = _OLD_NOTE.sub("", name).strip() or name
        assert parse_names.without_note(name) == bare, repr(name)


@pytest.mark.parametrize("field", ["owner", "author"])
def test_a_name_padded_with_spaces_is_read_at_once(tmp_path: Path, field: str) -> None:
    site = base_site(tmp_path)
    padded = "Uma" + " " * 200_000 + "Diaz"
    if field == "owner":
        (site / "content/objectives/padded.md").write_text(
            f"---\ntitle: Q\ncycle: 2026-Q4\nowner: {padded}\nkey_results:\n"
            "  - {id: a, title: A, start: 0, target: 10}\n---\n"
        )
    else:
        (site / "content/checkins/padded.md").write_text(
            f"---\nkpi: nps\ndate: 2026-11-20\nauthor: {padded}\nvalue: 40\n---\n"
        )
    code, output = okrsite(site, "check")
    assert "checked" in output


def test_toml_front_matter_a_thousand_tables_deep_is_an_error(tmp_path: Path) -> None:
    site = base_site(tmp_path)
    deep = ".".join(["a"] * 1000)
    (site / "content/objectives/deep.md").write_text(
        f'+++\ntitle = "T"\ncycle = "2026-Q4"\nowner = "alex"\n[{deep}]\nb = 1\n+++\n'
    )
    for command in (["check"], ["build"], ["export"]):
        code, output = okrsite(site, *command)
        assert code == 1
        assert (
            "content/objectives/deep.md:5:1: error OKR003: front matter is not valid TOML: "
            "tables or arrays are nested more than 200 levels deep"
        ) in output


def test_a_dotted_key_of_60000_parts_in_okrsite_toml_is_refused_at_once(tmp_path: Path) -> None:
    site = base_site(tmp_path)
    with (site / "okrsite.toml").open("a") as toml:
        toml.write("[" + ".".join(["a"] * 60_000) + "]\nb = 1\n")
    code, output = okrsite(site, "check")
    assert code == 1
    assert "tables or arrays are nested more than 200 levels deep" in output
    assert re.search(r"okrsite\.toml:\d+:1: error CFG001", output), output


@pytest.mark.parametrize(
    "setting",
    ['output_dir = ".git/hooks-site"', 'cache_dir = "./.git/okc"', 'output_dir = "x/.GIT"'],
)
def test_okrsite_toml_may_not_send_output_into_git(tmp_path: Path, setting: str) -> None:
    """``output_dir = ".git/hooks-site"`` built the site into git's own folder
    (a pull request's okrsite.toml making CI write where git keeps hooks);
    now CFG011 and nothing is written there."""
    site = base_site(tmp_path)
    (site / ".git").mkdir()
    with (site / "okrsite.toml").open("a") as toml:
        toml.write(setting + "\n")
    code, output = okrsite(site, "build")
    assert code == 1
    key = setting.split(" ")[0]
    assert f"error CFG011: {key} must be a folder outside git's own folder" in output
    assert list((site / ".git").iterdir()) == []
