"""Hostile front matter (audit hostile2): aliases that expand a 200 KB file
into hundreds of megabytes, block lists nested 500 deep, ``4 5`` read as
45, a 400-digit number. Real sites in tmp_path, through the real CLI:
``check`` and ``build`` exit 1 with a located message, and ``build``
writes no output folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site

from okrsite import yamlsource
from okrsite.plain_yaml import NOT_PLAIN, read_plain

CONFIG = 'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = 2026-11-20\n'


def goal(extra: str = "", target_a: str = "10") -> str:
    return (
        "---\ntitle: Grow\nowner: Uma Diaz\n"
        + extra
        + f"key_results:\n  - id: a\n    title: A\n    start: 0\n    target: {target_a}\n"
        "  - id: b\n    title: B\n    start: 0\n    target: 10\n---\n"
    )


def refused(tmp_path: Path, files: dict[str, str]) -> str:
    """The output of ``check`` and ``build`` (both exit 1; build leaves no output)."""
    root = write_site(tmp_path / "site", {"okrsite.toml": CONFIG, **files})
    code, checked = run_cli("check", "--site", str(root))
    assert code == 1, checked
    code, built = run_cli("build", "--site", str(root))
    assert code == 1, built
    assert not (root / "_site").exists()
    assert not [p for p in root.iterdir() if p.name.startswith("._site")]
    return checked + built


def alias_bomb() -> str:
    milestones = "[" + ", ".join(["{title: *s}"] * 100) + "]"
    krs = "".join(
        f"  - id: k{i}\n    title: K\n    start: 0\n    target: 10\n    milestones: {milestones}\n"
        for i in range(50)
    )
    return (
        "---\ntitle: Grow\nowner: Uma Diaz\nx: &s "
        + "x" * 150_000
        + "\nkey_results:\n"
        + krs
        + "---\n"
    )


def test_aliases_expanding_to_megabytes_are_refused(tmp_path: Path) -> None:
    out = refused(tmp_path, {"content/objectives/o.md": alias_bomb()})
    assert out.count("OKR008") == 2
    assert "content/objectives/o.md:10:" in out  # the first alias
    assert "more than 1,000,000 characters" in out


def test_alias_expansion_limit_is_the_same_whichever_reader() -> None:
    """The fast reader steps aside for aliases, so PyYAML's path (with the
    limit) reads them: one rule for both."""
    text = alias_bomb().split("---\n")[1]
    assert read_plain(text) is NOT_PLAIN
    with pytest.raises(Exception, match="1,000,000 characters"):
        yamlsource.load(text)
    small = "a: &s " + "x" * 1000 + "\nb: [*s, *s, *s]\n"
    assert yamlsource.load(small)["b"] == ["x" * 1000] * 3


def test_spaces_inside_a_number_only_group_thousands(tmp_path: Path) -> None:
    checkin = '---\nobjective: o\ndate: 2026-11-10\nvalues: {a: "4 5", b: 1 2}\n---\n'
    out = refused(
        tmp_path,
        {"content/objectives/o.md": goal(target_a="4 5"), "content/checkins/c.md": checkin},
    )
    assert "content/objectives/o.md:8:" in out and "target must be a number, got '4 5'" in out
    assert "content/checkins/c.md:4:" in out and "got '1 2'" in out
    root = write_site(
        tmp_path / "ok",
        {"okrsite.toml": CONFIG, "content/objectives/o.md": goal(target_a="1 234 567")},
    )
    assert run_cli("check", "--site", str(root))[0] == 0


def test_block_nesting_too_deep_is_located(tmp_path: Path) -> None:
    deep = "x:\n" + "".join("  " * i + "-\n" for i in range(500))
    out = refused(tmp_path, {"content/objectives/o.md": goal(deep)})
    assert "recursion" not in out
    assert "content/objectives/o.md:205:" in out  # the 201st level
    assert "more than 200 levels deep" in out and "less deeply nested" in out


def test_a_number_too_large_says_so(tmp_path: Path) -> None:
    out = refused(tmp_path, {"content/objectives/o.md": goal(target_a="9" * 400)})
    assert "content/objectives/o.md:8:" in out
    assert "the number is too large" in out and "1.8e308" in out
    assert "write digits" not in out
