"""A Markdown table's name is written in the site's words (session 47, table words).

A table in a body or a check-in's note stands in a region named by its
column headings, numbered when a text repeats them, and (in a note) by its
check-in's day, time and what it is about. The headings are the author's;
the punctuation between them (", ", " (2)", " – ", the check-in's ", ")
was typed in Python, so a French catalogue or a theme could not change it.
It is msgids now (:mod:`okrsite.table_words`): English and German write
what they wrote, a French catalogue made from messages.pot writes its own.
Each site is built through the CLI.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_site

_POT = (REPO / "themes/default/translations/messages.pot").read_text(encoding="utf-8")

_WEEKLY = "| Week | Value |\n|---|---|\n| 46 | {v} |\n"
_OBJECTIVE = (
    "---\ntitle: Grow the pipeline\ncycle: 2026-Q4\nowner: Uma Diaz\n"
    "key_results:\n  - {id: deals, title: Qualified deals, start: 0, target: 200}\n---\n"
    "Plan.\n\n" + _WEEKLY.format(v=1) + "\nAgain.\n\n" + _WEEKLY.format(v=2)
)
_CHECKIN = "---\nobjective: pipeline\ndate: {when}\nvalues: {{deals: {value}}}\n---\n" + _WEEKLY

#: French entries a translator fills in: every word and sign of a table's name
_FRENCH = {
    "%(headings)s, %(heading)s": "%(headings)s ; %(heading)s",
    "%(name)s (%(number)s)": "%(name)s (n° %(number)s)",
    "%(day)s %(time)s": "%(day)s à %(time)s",
    "%(checkin)s, %(target)s": "%(checkin)s, sur %(target)s",
    "%(table)s – %(checkin)s": "%(table)s — point du %(checkin)s",
}


def _build(tmp_path: Path, language: str) -> Path:
    """A site of one objective whose body has two tables of the same
    headings and two check-ins (one with a time) each with a table in its
    note, in ``language``; its output folder. French gets a catalogue made
    from messages.pot with :data:`_FRENCH` filled in."""
    files: dict[str, str | bytes] = {
        "okrsite.toml": f'language = "{language}"\nas_of = 2026-11-20\n',
        "content/objectives/pipeline.md": _OBJECTIVE,
        "content/checkins/2026-11-03.md": _CHECKIN.format(when="2026-11-03", value=60, v=3),
        "content/checkins/2026-11-17.md": _CHECKIN.format(when="2026-11-17T09:15", value=110, v=4),
    }
    if language == "fr":
        po = _POT.replace(
            '"Language-Team: LANGUAGE <LL@li.org>\\n"\n',
            '"Language-Team: LANGUAGE <LL@li.org>\\n"\n"Language: fr\\n"\n',
        )
        for msgid, msgstr in _FRENCH.items():
            blank = f'msgid "{msgid}"\nmsgstr ""\n'
            assert blank in po, msgid  # messages.pot holds every msgid
            po = po.replace(blank, f'msgid "{msgid}"\nmsgstr "{msgstr}"\n')
        files["translations/fr.po"] = po
    site = write_site(tmp_path / "site", files)
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    return site / "_site"


def _names(page: Path) -> list[str]:
    found = re.findall(
        r'<div class="md-table" role="region" tabindex="0" aria-label="([^"]*)"',
        page.read_text(encoding="utf-8"),
    )
    return [html.unescape(name) for name in found]


@pytest.mark.parametrize(
    ("language", "day_3", "day_17"),
    [("en", "2026-11-03", "2026-11-17"), ("de", "03.11.2026", "17.11.2026")],
)
def test_english_and_german_tables_keep_their_names(
    tmp_path: Path, language: str, day_3: str, day_17: str
) -> None:
    out = _build(tmp_path, language)
    assert _names(out / "objectives/pipeline/index.html") == [
        "Week, Value",
        "Week, Value (2)",
        f"Week, Value – {day_17} 09:15",
        f"Week, Value – {day_3}",
    ]
    assert _names(out / "checkins/index.html") == [
        f"Week, Value – {day_17} 09:15, Grow the pipeline",
        f"Week, Value – {day_3}, Grow the pipeline",
    ]


def test_a_french_catalogue_writes_a_tables_name_its_way(tmp_path: Path) -> None:
    out = _build(tmp_path, "fr")
    assert _names(out / "objectives/pipeline/index.html") == [
        "Week ; Value",
        "Week ; Value (n° 2)",
        "Week ; Value — point du 17 nov. 2026 à 09:15",
        "Week ; Value — point du 3 nov. 2026",
    ]
    assert _names(out / "checkins/index.html") == [
        "Week ; Value — point du 17 nov. 2026 à 09:15, sur Grow the pipeline",
        "Week ; Value — point du 3 nov. 2026, sur Grow the pipeline",
    ]
