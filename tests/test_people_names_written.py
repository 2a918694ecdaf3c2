"""People's names as sheets, directories and chat write them, built through the CLI.

``Diaz, Uma <uma@example.com>`` is one person, ``TBD`` and ``n/a`` are no
one, a check-in's author written as a profile address, a handle or
``first.last`` is the person it names, names starting with ``Ł`` or ``Ø``
sort among their base letters, and an unquoted ``@handle`` is told to be
quoted.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

MakeSite = Callable[[dict[str, str | bytes]], Path]

CONFIG = 'title = "R"\nas_of = "2026-11-20"\n'
KEY_RESULTS = (
    "key_results:\n"
    "  - {id: a, title: A, start: 0, target: 10}\n"
    "  - {id: b, title: B, start: 0, target: 10}\n"
)


def _objective(title: str, owner: str | None) -> str:
    owner_line = f"owner: {owner}\n" if owner is not None else ""
    return f"---\ntitle: {title}\ncycle: 2026-Q4\n{owner_line}team: Support\n{KEY_RESULTS}---\n"


def _build(site: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    return result.exit_code, result.output


def _people_pages(out: Path) -> set[str]:
    return {
        p.parent.relative_to(out / "people").as_posix() for p in out.glob("people/**/index.html")
    }


def test_last_first_with_a_note_is_one_person(make_site: MakeSite, tmp_path: Path) -> None:
    site = make_site(
        {
            "okrsite.toml": CONFIG,
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\nemail: uma@example.com\n---\n",
            "content/objectives/g1.md": _objective("Goal 1", "Diaz, Uma <uma@example.com>"),
            "content/objectives/g2.md": _objective("Goal 2", "Diaz, Uma (Head of CS)"),
            "content/checkins/c1.md": (
                "---\nobjective: g1\ndate: 2026-11-18\nauthor: Diaz, Uma (PM)\nvalues: {a: 3}\n---\n"
            ),
        }
    )
    out = tmp_path / "out"
    code, output = _build(site, out)
    assert code == 0, output
    assert "OKR123" not in output and "OKR306" not in output
    assert _people_pages(out) == {".", "uma-diaz"}  # no phantom "Diaz"
    page = html.unescape((out / "people/uma-diaz/index.html").read_text(encoding="utf-8"))
    assert "Goal 1" in page and "Goal 2" in page and "2026-11-18" in page


def test_words_for_no_one_are_no_owner(make_site: MakeSite, tmp_path: Path) -> None:
    site = make_site(
        {
            "okrsite.toml": CONFIG,
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/objectives/g2.md": _objective("Goal 2", "TBD"),
            "content/objectives/g3.md": _objective("Goal 3", "n/a"),
            "content/objectives/g4.md": _objective("Goal 4", "'-'"),
            "content/objectives/g5.md": _objective("Goal 5", "k.A."),
            "content/checkins/c1.md": (
                "---\nobjective: g2\ndate: 2026-11-18\nauthor: unassigned\nvalues: {a: 3}\n---\n"
            ),
            "content/teams/support.md": "---\ntitle: Support\nlead: None\n"
            "members: [Uma Diaz, offen]\n---\n",
        }
    )
    out = tmp_path / "out"
    code, output = _build(site, out)
    assert code == 0, output
    assert _people_pages(out) == {".", "uma-diaz"}
    assert "okrsite new person" not in output and "OKR306" not in output
    for file, line, shown in [
        ("content/objectives/g2.md", 4, "owner 'TBD'"),
        ("content/objectives/g3.md", 4, "owner 'n/a'"),
        ("content/objectives/g4.md", 4, "owner '-'"),
        ("content/objectives/g5.md", 4, "owner 'k.A.'"),
        ("content/checkins/c1.md", 4, "author 'unassigned'"),
        ("content/teams/support.md", 3, "lead 'None'"),
        ("content/teams/support.md", 4, "member 'offen'"),
    ]:
        assert re.search(
            rf"{re.escape(file)}:{line}:\d+: warning OKR131: {re.escape(shown)} is a word for no one",
            output,
        ), (file, output)
    index = html.unescape((out / "people/index.html").read_text(encoding="utf-8"))
    assert ">TBD<" not in index and ">n/a<" not in index and ">None<" not in index
    goal = html.unescape((out / "objectives/g3/index.html").read_text(encoding="utf-8"))
    assert "nobody" in goal


def test_accented_initials_sort_among_their_letters(make_site: MakeSite, tmp_path: Path) -> None:
    names = {
        "oskar": "Oskar Berg",
        "sven": "Sven Ek",
        "lukasz": "Łukasz Nowak",
        "odahl": "Øystein Dahl",
        "aberg": "Ægir Berg",
        "ozge": "Özge Yılmaz",
        "dj": "Đorđe Jovanović",
    }
    files: dict[str, str | bytes] = {"okrsite.toml": 'title = "S"\n'}
    files.update(
        {f"content/people/{pid}.md": f"---\ntitle: {t}\n---\n" for pid, t in names.items()}
    )
    site = make_site(files)
    out = tmp_path / "out"
    code, output = _build(site, out)
    assert code == 0, output
    index = html.unescape((out / "people/index.html").read_text(encoding="utf-8"))
    shown = sorted(names.values(), key=index.index)
    assert shown == [
        "Ægir Berg",
        "Đorđe Jovanović",
        "Łukasz Nowak",
        "Oskar Berg",
        "Øystein Dahl",
        "Özge Yılmaz",
        "Sven Ek",
    ]


def test_author_as_profile_handle_or_login_names_the_person(
    make_site: MakeSite, tmp_path: Path
) -> None:
    checkin = (
        "---\nobjective: g1\ndate: 2026-11-1{day}\nauthor: {author}\nvalues: {{a: {day}}}\n---\n"
    )
    site = make_site(
        {
            "okrsite.toml": CONFIG,
            "content/people/zoe-angstrom.md": "---\ntitle: Zoë Ångström\ngithub: zoea\n---\n",
            "content/people/jweiss.md": "---\ntitle: Jürgen Weiß\ngitlab: jw\n---\n",
            "content/objectives/g1.md": _objective("Goal 1", "https://github.com/zoea"),
            "content/checkins/c1.md": checkin.format(day=1, author="https://github.com/zoea"),
            "content/checkins/c2.md": checkin.format(day=2, author="zoe.angstrom"),
            "content/checkins/c3.md": checkin.format(day=3, author="gitlab.com/jw"),
            "content/checkins/c4.md": checkin.format(day=4, author='"@jw"'),
            "content/checkins/c5.md": checkin.format(day=5, author="https://github.com/kimp"),
        }
    )
    out = tmp_path / "out"
    code, output = _build(site, out)
    assert code == 0, output
    # an address naming no person is read as its handle: a page as any author's
    assert _people_pages(out) == {".", "zoe-angstrom", "jweiss", "kimp"}
    zoe = (out / "people/zoe-angstrom/index.html").read_text(encoding="utf-8")
    assert "Goal 1" in zoe and "2026-11-11" in zoe and "2026-11-12" in zoe
    jw = (out / "people/jweiss/index.html").read_text(encoding="utf-8")
    assert "2026-11-13" in jw and "2026-11-14" in jw
    assert "@kimp" in (out / "people/kimp/index.html").read_text(encoding="utf-8")


def test_unquoted_handle_is_told_to_be_quoted(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": CONFIG,
            "content/objectives/g1.md": _objective("Goal 1", None),
            "content/checkins/c1.md": (
                "---\nobjective: g1\ndate: 2026-11-18\nauthor: @jweiss\nvalues: {a: 3}\n---\n"
            ),
            "content/objectives/g2.md": "---\ntitle: `okrsite` docs\ncycle: 2026-Q4\n---\n",
        }
    )
    result = CliRunner().invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 1
    assert (
        "content/checkins/c1.md:4:9: error OKR003: front matter is not valid YAML"
    ) in result.output
    assert (
        "hint: YAML reserves '@' at the start of a value: quote it, write author: \"@jweiss\")"
    ) in result.output
    assert 'quote it, write title: "`okrsite` docs")' in result.output
    assert "Traceback" not in result.output


def test_new_person_refuses_a_word_for_no_one(make_site: MakeSite) -> None:
    site = make_site({"okrsite.toml": CONFIG, "content/people/uma-diaz.md": "---\ntitle: U\n---\n"})
    for word in ("n/a", "TBD"):
        result = CliRunner().invoke(cli, ["new", "person", word, "--site", str(site)])
        assert result.exit_code != 0, result.output
        assert f"{word!r} is a word for no one, not a person's name" in result.output
        assert "Traceback" not in result.output
    assert sorted(p.name for p in (site / "content/people").rglob("*")) == ["uma-diaz.md"]
