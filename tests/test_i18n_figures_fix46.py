"""Figures in the theme's sentences are written in the site's language (audit
46, translator findings 1 and 5).

- The figures of the core's rules that the score explanation and the grade
  badge name (done at 1.0, the grade bands 0.4 and 0.7) were typed into the
  msgids, so German typed "1,0" into its msgstr: a de-CH page (decimal
  point) read "≤ 0.15 … erledigt bei 1,0" in one sentence, and a French site
  showed "1.0" and "0.4" beside "0,707" until its translator retyped every
  figure. They are placeholders now, filled through the site's number
  formatting from the core's constants (``okrsite.scoring_progress``).
- A negative "behind" is written with the typographic minus (U+2212), as the
  formula's operators are, not a hyphen-minus: "0.707 − 0.725 = −0.018".

Each builds a real site through the CLI: English, German, de-CH, and French
with a catalogue of its own made from messages.pot (docs/themes.md).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_site

_POT = (REPO / "themes/default/translations/messages.pot").read_text(encoding="utf-8")

_OBJECTIVE = (
    "---\ntitle: {title}\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
    "  - {{id: a, title: Customers, start: 0, target: 25, current: {a}}}\n"
    "  - {{id: b, title: Share, start: 18, target: 25, current: {b}}}\n---\nText.\n"
)


def _build(tmp_path: Path, language: str, files: dict[str, str] | None = None) -> Path:
    """A site of a running objective, a done one and one ahead of its pace,
    in ``language``, built through the CLI; its output folder."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": (
                f'title = "Goals"\nlanguage = "{language}"\n'
                'default_cycle = "2026-Q4"\nas_of = 2026-11-15\n'
            ),
            "content/objectives/running.md": _OBJECTIVE.format(title="Running", a=13, b=21.5),
            "content/objectives/finished.md": _OBJECTIVE.format(title="Finished", a=25, b=25),
            "content/objectives/ahead.md": _OBJECTIVE.format(title="Ahead", a=20, b=24),
            **(files or {}),
        },
    )
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    return site / "_site"


def _text(out: Path, slug: str) -> str:
    """An objective page, its text as read (``&lt;`` is ``<``) but for its
    tags, which stay apart: ``[^<]*`` ends at the next tag."""
    page = (out / f"objectives/{slug}/index.html").read_text(encoding="utf-8")
    return html.unescape(page.replace("&lt;", "\0")).replace("\0", "‹")


@pytest.mark.parametrize(
    ("language", "done", "yellow", "green", "on_track"),
    [
        ("en", "1.0", "0.4", "0.7", "0.15"),
        ("de", "1,0", "0,4", "0,7", "0,15"),
        # Swiss German: German words, a decimal point (CLDR)
        ("de-CH", "1.0", "0.4", "0.7", "0.15"),
    ],
)
def test_the_rules_figures_are_written_as_the_site_writes_numbers(
    tmp_path: Path, language: str, done: str, yellow: str, green: str, on_track: str
) -> None:
    out = _build(tmp_path, language)
    running, finished = _text(out, "running"), _text(out, "finished")
    thresholds = re.search(r"(Thresholds|Schwellen): [^<]*", running)
    assert thresholds, running
    assert f"≤ {on_track}," in thresholds[0] and f" {done};" in thresholds[0], thresholds[0]
    bands = f"‹ {yellow} ≤ "
    colour = re.search(r"(Grade colour|Notenfarbe): [^<]*", running)
    assert colour and bands in colour[0] and f"‹ {green} ≤ " in colour[0], colour
    badge = re.search(r'title="((Grade|Note) \([^"]*)"', running)
    assert badge and bands in badge[1] and f"‹ {green} ≤ " in badge[1], badge
    assert re.search(rf"(Progress reached|Der Fortschritt hat) {re.escape(done)}[ ,]", finished)
    # no figure of the other decimal mark in these sentences
    other = "," if "." in done else "."
    for sentence in (thresholds[0], colour[0], badge[1]):
        assert not re.search(rf"\d{re.escape(other)}\d", sentence), sentence


def test_a_french_catalogue_gets_french_figures_without_retyping_them(tmp_path: Path) -> None:
    # a catalogue made from messages.pot (pybabel init), these entries translated
    # by a translator who writes no figure: the placeholders bring them
    po = _POT.replace(
        '"Language-Team: LANGUAGE <LL@li.org>\\n"\n',
        '"Language-Team: LANGUAGE <LL@li.org>\\n"\n"Language: fr\\n"\n',
    )
    filled = {
        "Progress reached %(done)s, so done.": "La progression a atteint %(done)s : terminé.",
        "Grade colour: red &lt; %(yellow)s ≤ yellow &lt; %(green)s ≤ green": (
            "Couleur de la note : rouge &lt; %(yellow)s ≤ jaune &lt; %(green)s ≤ vert"
        ),
    }
    for msgid, msgstr in filled.items():
        blank = f'msgid "{msgid}"\nmsgstr ""\n'
        assert blank in po, msgid
        po = po.replace(blank, f'msgid "{msgid}"\nmsgstr "{msgstr}"\n')
    out = _build(tmp_path, "fr", {"translations/fr.po": po})
    running, finished = _text(out, "running"), _text(out, "finished")
    assert "La progression a atteint 1,0 : terminé." in finished
    assert "Couleur de la note : rouge ‹ 0,4 ≤ jaune ‹ 0,7 ≤ vert" in running
    # the entries left in English get French figures too
    assert "done at 1,0;" in running and "Grade (red ‹ 0,4 ≤ yellow ‹ 0,7 ≤ green)" in running
    explanation = running[running.index("Thresholds") : running.index('id="timeline"')]
    assert not re.search(r"\d\.\d", explanation), explanation


@pytest.mark.parametrize(("language", "behind"), [("en", "0.339"), ("de", "0,339")])
def test_a_negative_behind_has_the_formulas_minus(
    tmp_path: Path, language: str, behind: str
) -> None:
    ahead = _text(_build(tmp_path, language), "ahead")
    # the objective is ahead of its pace: behind is negative, in both places
    formula = re.search(r"<code>(behind|Rückstand) = [^<]*</code>", ahead)
    assert formula and formula[0].endswith(f" = \u2212{behind}</code>"), formula
    status = re.search(rf"(behind|Rückstand) \u2212{re.escape(behind)} ≤ ", ahead)
    assert status, ahead
    assert f"-{behind}" not in ahead
