"""Words and figures a reader sees come from the translation table and the
core's constants, not from typed text (session 47, words fix).

- The rule figures still typed into msgids: a confidence "out of 10"
  (``%(value)s/10`` in six sentences and ``/10`` after six figures) and the
  tentative forecast's "fewer than 3 days … under a quarter of the cycle".
  They are placeholders filled from the core's constants
  (``confidence_words.CONFIDENCE_OUT_OF``, ``scoring_pace.FORECAST_MIN_*``)
  through the site's number formatting, so German writes "25 %" and a French
  catalogue can write "7 sur 10".
- A badge's words: the colon of its title and the space between its
  percentage and status were Python's and the template's own, so a French
  site could not write "pipeline : …". The colon is the ``%(label)s:``
  msgid, the value is ``%(percent)s %(status)s``; the badge's width is still
  measured from the text it draws.
- A table of a text whose rows have no text was named "Table" on a German page.

Each builds a real site through the CLI.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import REPO, run_cli, write_site

from okrsite.view.chart_geometry import progress_badge

_POT = (REPO / "themes/default/translations/messages.pot").read_text(encoding="utf-8")

_OBJECTIVE = """---
title: Grow the pipeline
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: deals, title: Qualified deals, start: 0, target: 200}
---
Plan.

| | |
|---|---|
| | |
"""
_CHECKIN = "---\nobjective: pipeline\ndate: {day}\nconfidence: 7\nvalues: {{deals: {value}}}\n---\n"

#: French entries a translator fills in, writing no figure and no colon of English
_FRENCH = {
    "%(label)s:": "%(label)s\u202f:",
    "%(percent)s %(status)s": "%(status)s, %(percent)s",
    "on track": "en bonne voie",
    "%(value)s/%(out_of)s": "%(value)s sur %(out_of)s",
    "tentative: fewer than %(min)s days with a check-in, or check-ins spanning under "
    "%(share)s of the cycle": (
        "provisoire\u202f: moins de %(min)s jours avec un point, ou des points sur moins de "
        "%(share)s du cycle"
    ),
}


def _build(tmp_path: Path, language: str) -> Path:
    """A site of one objective with two check-ins (a tentative forecast),
    each with confidence 7, in ``language``; its output folder. French
    gets a catalogue made from messages.pot with :data:`_FRENCH` filled in."""
    files: dict[str, str | bytes] = {
        "okrsite.toml": f'language = "{language}"\nas_of = 2026-11-20\n',
        "content/objectives/pipeline.md": _OBJECTIVE,
        "content/checkins/2026-11-03.md": _CHECKIN.format(day="2026-11-03", value=60),
        "content/checkins/2026-11-17.md": _CHECKIN.format(day="2026-11-17", value=110),
    }
    if language == "fr":
        po = _POT.replace(
            '"Language-Team: LANGUAGE <LL@li.org>\\n"\n',
            '"Language-Team: LANGUAGE <LL@li.org>\\n"\n"Language: fr\\n"\n',
        )
        # (an entry messages.pot lacks stays untranslated: the pages then say
        # what a French site got before these msgids existed)
        for msgid, msgstr in _FRENCH.items():
            blank = f'msgid "{msgid}"\nmsgstr ""\n'
            po = po.replace(blank, f'msgid "{msgid}"\nmsgstr "{msgstr}"\n')
        files["translations/fr.po"] = po
    site = write_site(tmp_path / "site", files)
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    return site / "_site"


def _text(path: Path) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", path.read_text(encoding="utf-8")))


def test_no_msgid_types_a_rule_figure() -> None:
    for typed in ("/10", "fewer than 3 ", "a quarter of the cycle"):
        assert typed not in _POT, typed


def test_the_tentative_rule_is_written_from_the_core_in_the_sites_number_format(
    tmp_path: Path,
) -> None:
    out = _build(tmp_path, "de")
    for page in (out / "index.html", out / "objectives/pipeline/index.html"):
        text = _text(page)
        assert re.search(r"weniger als 3 Tagen ein Check-in .* weniger als 25\s%", text), page
        assert "Viertel" not in text
        # the confidence out of the scale's top, as before
        assert "Zuversicht 7/10" in text, page


def test_a_french_catalogue_writes_the_confidence_scale_and_the_rule_its_way(
    tmp_path: Path,
) -> None:
    out = _build(tmp_path, "fr")
    objective = _text(out / "objectives/pipeline/index.html")
    # the figures' dd and each check-in's line; the explanation's sentences,
    # left in English here, still fill their scale from the core
    assert objective.count("7 sur 10") >= 3, objective
    assert "Latest confidence: 7/10, from" in objective
    assert re.search(r"moins de 3 jours avec un point, ou des points sur moins de 25\s%", objective)
    assert "7 sur 10" in _text(out / "index.html")
    feed = (out / "checkins.xml").read_text(encoding="utf-8")
    assert "7 sur 10" in feed and "/10" not in feed
    assert all(f'msgid "{msgid}"' in _POT for msgid in _FRENCH)


def test_a_french_badge_takes_its_colon_and_its_order_from_the_catalogue(tmp_path: Path) -> None:
    svg = (_build(tmp_path, "fr") / "badges/pipeline.svg").read_text(encoding="utf-8")
    title = re.search(r"<title>([^<]*)</title>", svg)
    drawn = re.findall(r'<text x="[^"]*" y="14" text-anchor="middle">([^<]*)</text>', svg)
    assert title and len(drawn) == 2, svg
    label, value = drawn
    assert label == "pipeline"
    assert re.fullmatch(r"en bonne voie, \d+(,\d+)?\s%", value), value
    assert title[1] == f"pipeline\u202f: {value}"
    assert f'aria-label="pipeline\u202f: {value}"' in svg
    # the width is measured from the text drawn, words and order the catalogue's
    shape = progress_badge(label, value, "on-track")
    assert f'width="{shape.total_width}"' in svg
    assert f'<rect x="{shape.label_width}" width="{shape.value_width}"' in svg


def test_a_table_without_headings_is_named_in_the_sites_language(tmp_path: Path) -> None:
    page = (_build(tmp_path, "de") / "objectives/pipeline/index.html").read_text(encoding="utf-8")
    assert 'class="md-table" role="region" tabindex="0" aria-label="Tabelle"' in page
    assert 'aria-label="Table"' not in page
