"""Hostile input the first limits let through (audit hostile2, second look):
an alias bomb in a file that also writes a key twice, a check-in's
``note:`` of a hundred thousand ``![``, TOML front matter that cannot be
read above a body over the limits, and the hints of the new refusals.
Real sites in tmp_path, through the real CLI: ``check`` and ``build`` exit
1 with a located message, and ``build`` writes no output folder."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import run_cli, write_site

CONFIG = 'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = 2026-11-20\n'
GOAL = (
    "---\ntitle: Grow\nowner: Uma Diaz\nkey_results:\n"
    "  - id: a\n    title: A\n    start: 0\n    target: 10\n---\n"
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


def alias_bomb(twice: str = "") -> str:
    milestones = "[" + ", ".join(["{title: *s}"] * 100) + "]"
    krs = "".join(
        f"  - id: k{i}\n    title: K\n    start: 0\n    target: 10\n    milestones: {milestones}\n"
        for i in range(50)
    )
    return (
        "---\ntitle: Grow\nowner: Uma Diaz\n"
        + twice
        + "x: &s "
        + "x" * 150_000
        + "\nkey_results:\n"
        + krs
        + "---\n"
    )


def test_alias_bomb_with_a_key_written_twice_is_refused(tmp_path: Path) -> None:
    """A key written twice sent the file down a second reading, which held
    aliases to the number of values but not to the text they expand to."""
    started = time.perf_counter()
    out = refused(tmp_path, {"content/objectives/o.md": alias_bomb("owner: Uma Diaz\n")})
    assert time.perf_counter() - started < 5
    assert out.count("OKR008") == 2, out
    assert "content/objectives/o.md:11:" in out  # the first alias
    assert "more than 1,000,000 characters" in out
    assert "may repeat at most 1,000,000 characters in all" in out  # its own hint
    assert "write the text out once or shorten it" in out


def test_duplicates_reader_holds_aliases_to_the_text_limit() -> None:
    import pytest

    from okrsite import pyyaml_front_matter

    text = alias_bomb("owner: Uma Diaz\n").split("---\n")[1]
    with pytest.raises(pyyaml_front_matter.AliasLimitError, match="1,000,000 characters"):
        pyyaml_front_matter.load_despite_duplicates(text)
    data, twice = pyyaml_front_matter.load_despite_duplicates("a: &s xy\nb: [*s, *s]\na: 1\n")
    assert data == {"a": 1, "b": ["xy", "xy"]} and twice == [("a", [0, 2])]


def checkin(note: str, body: str = "") -> str:
    return f"---\nobjective: o\ndate: 2026-11-10\nvalues: {{a: 5}}\nnote: {note}\n---\n{body}"


def test_a_checkin_note_over_the_body_limits_is_refused_at_its_line(tmp_path: Path) -> None:
    note = '"' + "![" * 100_000 + '"'  # 200 KB: seconds to render on each page it shows on
    started = time.perf_counter()
    out = refused(
        tmp_path, {"content/objectives/o.md": GOAL, "content/checkins/c.md": checkin(note)}
    )
    assert time.perf_counter() - started < 5
    assert out.count("OKR021") == 2, out
    assert "content/checkins/c.md:5:" in out
    assert "the note has 100,000 '['" in out and "4,000" in out
    assert "shorten the note" in out


def test_a_note_and_body_over_the_limits_together(tmp_path: Path) -> None:
    """The note is rendered above the body: the two together are held to the limits."""
    note = '"' + "[a] " * 2_500 + '"'
    out = refused(
        tmp_path,
        {"content/objectives/o.md": GOAL, "content/checkins/c.md": checkin(note, "[b] " * 2_500)},
    )
    assert "content/checkins/c.md:5:" in out
    assert "the note and the text below the front matter together have 5,000 '['" in out


def test_a_short_note_is_read(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": CONFIG,
            "content/objectives/o.md": GOAL,
            "content/checkins/c.md": checkin('"On *track*: [see](https://example.com)"'),
        },
    )
    code, out = run_cli("check", "--site", str(root))
    assert code == 0, out


def test_unreadable_toml_front_matter_still_reports_the_body(tmp_path: Path) -> None:
    toml = '+++\ntitle = "Grow\nowner = "Uma Diaz"\n+++\nIntro.\n\n' + "![" * 5_000
    out = refused(tmp_path, {"content/objectives/o.md": toml})
    assert out.count("OKR003") == 2 and "not valid TOML" in out
    assert out.count("OKR021") == 2
    assert "content/objectives/o.md:7:" in out  # the 4,001st '['


def test_too_large_toml_front_matter_still_reports_the_body(tmp_path: Path) -> None:
    toml = '+++\ntitle = "' + "x" * 300_000 + '"\n+++\n' + "![" * 5_000
    out = refused(tmp_path, {"content/objectives/o.md": toml})
    assert out.count("OKR009") == 2 and out.count("OKR021") == 2


def test_nesting_too_deep_has_its_own_hint(tmp_path: Path) -> None:
    deep = "x:\n" + "".join("  " * i + "-\n" for i in range(500))
    out = refused(tmp_path, {"content/objectives/o.md": GOAL.replace("owner:", deep + "owner:")})
    assert out.count("OKR003") == 2
    assert "content/objectives/o.md:204:" in out  # the 201st level
    assert "lists and mappings nest at most 200 levels deep; flatten the structure" in out
    assert "check indentation" not in out


def test_values_bomb_keeps_the_values_hint(tmp_path: Path) -> None:
    lines = ["l0: &l0 [" + ", ".join(["lol"] * 9) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 10)]
    front = GOAL.replace("owner:", "\n".join(lines) + "\nowner:")
    out = refused(tmp_path, {"content/objectives/o.md": front})
    assert out.count("OKR008") == 2
    assert "may expand to at most 20000 values" in out
    assert "characters in all" not in out


def test_space_not_grouping_thousands_says_how_spaces_group(tmp_path: Path) -> None:
    front = GOAL.replace("target: 10", "target: 4 5")
    out = refused(tmp_path, {"content/objectives/o.md": front})
    assert "content/objectives/o.md:8:" in out
    assert "a space only groups thousands, in groups of three (write 45 or 4.5)" in out
    assert "write digits" not in out
