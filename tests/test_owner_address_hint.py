"""An owner written as an e-mail address whose person file gives no address:
the hint said ``okrsite new person "tom.lee@acme.test"``, which makes a second,
bogus person. It says to add the address to the person's file now."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

OBJECTIVE = (
    "---\ntitle: Grow\ncycle: 2026-Q4\nowner: {owner}\n"
    "key_results:\n  - {{id: a, title: A, start: 0, target: 10}}\n---\n"
)


def check(root: Path, owner: str, person: str) -> str:
    (root / "content/objectives").mkdir(parents=True, exist_ok=True)
    (root / "content/people").mkdir(parents=True, exist_ok=True)
    (root / "okrsite.toml").write_text("as_of = 2026-11-20\n")
    (root / "content/people/tom-lee.md").write_text(person)
    (root / "content/objectives/grow.md").write_text(OBJECTIVE.format(owner=owner))
    result = CliRunner().invoke(cli, ["check", "--site", str(root)])
    return result.output


def test_the_hint_says_to_add_the_address_to_the_person(tmp_path: Path) -> None:
    output = check(tmp_path, "tom.lee@acme.test", "---\ntitle: Tom Lee\n---\n")
    assert (
        "content/objectives/grow.md:4:8: warning OKR306: owner 'tom.lee@acme.test' "
        "(tom-lee-acme-test) is not a person in content/people/ (hint: add email: "
        "tom.lee@acme.test to content/people/tom-lee.md, so that the address names Tom Lee)"
    ) in output
    assert "okrsite new person" not in output


def test_with_the_address_in_the_file_the_owner_is_that_person(tmp_path: Path) -> None:
    output = check(
        tmp_path, "tom.lee@acme.test", "---\ntitle: Tom Lee\nemail: tom.lee@acme.test\n---\n"
    )
    assert "OKR306" not in output


def test_an_address_of_nobody_known_still_says_how_to_add_the_person(tmp_path: Path) -> None:
    output = check(tmp_path, "ana.ruiz@acme.test", "---\ntitle: Tom Lee\n---\n")
    assert "okrsite new person" in output or "did you mean" in output
