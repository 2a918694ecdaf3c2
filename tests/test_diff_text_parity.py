"""``okrsite diff --format text`` says what the Markdown report says.

docs/diff.md promises that ``text`` "has the same content" as the Markdown
comment. The check-ins are where they drifted apart: a check-in that keeps
its confidence (7 after 7) showed "Zuversicht 7" in Markdown and nothing in
the text; a value that did not move read "2 Störungen (unverändert)" in
Markdown and "2 Störungen → 2 Störungen" in the text. Both formats now word
a check-in through one function (:func:`okrsite.diff_wording.checkin_parts`).
These tests run the real command between two commits of a real repository.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

OBJECTIVE = """\
---
title: Support entlasten
cycle: 2026-Q4
owner: Jürgen Weiß
key_results:
  - {id: rueckstand, title: Rückstand, start: 1000, target: 300, unit: Tickets}
  - {id: stoerungen, title: Störungen, start: 6, target: 0, unit: Störungen}
---
"""

FIRST = """\
---
objective: support
date: 2026-11-06
author: Jürgen Weiß
confidence: 7
values: {rueckstand: 820, stoerungen: 2}
---
"""

SECOND = """\
---
objective: support
date: 2026-11-13
author: Jürgen Weiß
confidence: 7
values: {rueckstand: 700, stoerungen: 2}
---
Ruhige Woche.
"""

LATE = """\
---
objective: support
date: 2026-12-01
author: Jürgen Weiß
values: {rueckstand: 650}
---
"""


def _repo(root: Path, language: str) -> tuple[Repo, str, str]:
    repo = Repo(root)
    repo.write("okrsite.toml", f'title = "Acme"\nlanguage = "{language}"\nas_of = 2026-11-20\n')
    repo.write("content/objectives/support.md", OBJECTIVE)
    repo.write("content/checkins/2026-11-06-support.md", FIRST)
    first = repo.commit("first check-in", "alice", "2026-11-06T10:00:00+00:00")
    repo.write("content/checkins/2026-11-13-support.md", SECOND)
    repo.write("content/checkins/2026-12-01-support.md", LATE)
    second = repo.commit("second check-in", "bob", "2026-11-13T10:00:00+00:00")
    return repo, first, second


def _diff(repo: Repo, *args: str) -> str:
    old = Path.cwd()
    os.chdir(repo.root)
    try:
        result = CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return result.stdout.replace("\u00a0", " ")


def _md_checkins(markdown: str) -> list[str]:
    """The Markdown check-in lines with the Markdown taken out, in the text's
    order of words: ``change date target by who: detail``."""
    section = markdown.split("<summary>", 1)[1]
    section = section[section.index("</summary>") :]
    section = section[: section.index("</details>")]
    out = []
    for line in section.splitlines():
        m = re.match(r"- (.+?): \*\*(.+?)\*\*(.*)$", line)
        if m:
            head, change, rest = m.groups()
            out.append(
                f"{change} {head}{rest}".replace("`", "").replace("**", "").replace("\\_", "_")
            )
    return out


def _text_checkins(text: str, heading: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(heading) + 1
    out = []
    for line in lines[start:]:
        if not line.strip():
            break
        out.append(line.strip())
    return out


CASES = {
    "de": (
        "Check-ins:",
        "hinzugefügt 13.11.2026 Ziel support von Jürgen Weiß: "
        "rueckstand 820 Tickets → 700 Tickets, stoerungen 2 Störungen (unverändert); "
        "Zuversicht 7",
        "hinzugefügt 01.12.2026 Ziel support von Jürgen Weiß: rueckstand 700 Tickets → "
        "650 Tickets (datiert nach as_of: noch nicht gezählt)",
    ),
    "en": (
        "Check-ins:",
        "added 2026-11-13 objective support by Jürgen Weiß: "
        "rueckstand 820 Tickets → 700 Tickets, stoerungen 2 Störungen (unchanged); "
        "confidence 7",
        "added 2026-12-01 objective support by Jürgen Weiß: rueckstand 700 Tickets → "
        "650 Tickets (dated after as_of: not counted yet)",
    ),
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_text_and_markdown_word_each_check_in_alike(tmp_path: Path, language: str) -> None:
    repo, first, second = _repo(tmp_path / "repo", language)
    heading, kept, late = CASES[language]
    text = _diff(repo, first, second, "--format", "text")
    markdown = _diff(repo, first, second)
    shown = _text_checkins(text, heading)
    assert shown == [kept, late], text
    assert _md_checkins(markdown) == shown, markdown


@pytest.mark.parametrize("language", ["de", "en"])
def test_an_edited_check_in_reads_the_same_in_both(tmp_path: Path, language: str) -> None:
    """An edit: a value moved, the confidence moved, the note edited."""
    repo, _, second = _repo(tmp_path / "repo", language)
    repo.write(
        "content/checkins/2026-11-13-support.md",
        SECOND.replace("confidence: 7", "confidence: 5")
        .replace("rueckstand: 700", "rueckstand: 720")
        .replace("Ruhige", "Laute"),
    )
    third = repo.commit("edited", "carol", "2026-11-14T10:00:00+00:00")
    text = _diff(repo, second, third, "--format", "text")
    markdown = _diff(repo, second, third)
    shown = _text_checkins(text, "Check-ins:")
    assert len(shown) == 1
    assert _md_checkins(markdown) == shown, (markdown, text)
    word = {"de": "Zuversicht 7 → 5", "en": "confidence 7 → 5"}[language]
    assert word in shown[0]
