"""French and Spanish catalogues as translation tools write them, and words
that follow the figure they count (audit 44, i18nfr findings 1, 5 and 7).

- A ``.po`` whose header names its language (``Language: fr``: Poedit,
  Weblate, ``pybabel init``) and fills only ``msgstr[0]``/``[1]``: Babel
  pads each plural entry with empty strings, which are forms left out, so
  "2 objectifs" shows (the last filled form) and THM004 warns.
- "+0,7 point de progrès" in French, "+0.7 points of progress" in English:
  the figure as shown is what ``ngettext`` counts, by the language's CLDR
  rule (``okrsite.plural_count``).
- The check-ins feed says its language (``xml:lang``) and its entry titles
  are a msgid (``%(date)s: %(title)s``), so French writes " : ".

Each builds a real site in ``tmp_path`` through the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_site

_POT = (REPO / "themes/default/translations/messages.pot").read_text(encoding="utf-8")


def _po(
    language: str, header_language: bool, entries: dict[tuple[str, str], tuple[str, ...]]
) -> str:
    """``messages.pot`` copied to a catalogue, a ``Language:`` line in its
    header if ``header_language``, and these plural entries filled."""
    po = _POT
    if header_language:
        po = po.replace(
            '"Language-Team: LANGUAGE <LL@li.org>\\n"\n',
            f'"Language-Team: LANGUAGE <LL@li.org>\\n"\n"Language: {language}\\n"\n',
        )
    for (one, many), filled in entries.items():
        blank = f'msgid "{one}"\nmsgid_plural "{many}"\nmsgstr[0] ""\nmsgstr[1] ""\n'
        assert blank in po, one
        slots = "".join(f'msgstr[{n}] "{text}"\n' for n, text in enumerate(filled))
        po = po.replace(blank, f'msgid "{one}"\nmsgid_plural "{many}"\n{slots}')
    return po


def _site(root: Path, language: str, files: dict[str, str]) -> Path:
    objective = (
        "---\ntitle: {title}\ncycle: 2026-Q1\nowner: Uma Diaz\nkey_results:\n"
        "  - {{id: p, title: Partenaires, start: 0, target: 1000}}\n"
        "  - {{id: q, title: Qualité, done: false}}\n---\n"
    )
    return write_site(
        root / "site",
        {
            "okrsite.toml": f'title = "Acme"\nlanguage = "{language}"\nas_of = 2026-02-15\n',
            "content/objectives/portail.md": objective.format(title="Portail"),
            "content/objectives/ventes.md": objective.format(title="Ventes"),
            **files,
        },
    )


_OBJECTIVES = ("%(num)d objective", "%(num)d objectives")


@pytest.mark.parametrize(
    ("language", "catalogue", "words"),
    [
        ("fr", "translations/fr.po", ("%(num)d objectif", "%(num)d objectifs")),
        (
            "es",
            "translations/es/LC_MESSAGES/messages.po",
            ("%(num)d objetivo", "%(num)d objetivos"),
        ),
    ],
)
def test_a_language_header_with_two_plural_slots_uses_the_last_and_warns(
    tmp_path: Path, language: str, catalogue: str, words: tuple[str, str]
) -> None:
    po = _po(language, True, {_OBJECTIVES: words})
    site = _site(tmp_path, language, {catalogue: po})
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    page = (site / "_site/cycles/index.html").read_text(encoding="utf-8")
    many = words[1].replace("%(num)d", "2")
    assert many in page and "2 objectives" not in page, page
    line = po.splitlines().index('msgid "%(num)d objective"') + 1
    assert (
        f"{catalogue}:{line}: warning THM004: translation catalogue: 1 plural entry has 2 filled msgstr slots"
        in out
    ), out


def test_a_pybabel_init_file_with_two_of_three_slots_filled(tmp_path: Path) -> None:
    # pybabel init writes Babel's French rule and three empty msgstr[N] lines;
    # the translator filled two of them
    rule = "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
    po = _po("fr", True, {_OBJECTIVES: ("%(num)d objectif", "%(num)d objectifs", "")})
    po = po.replace('"Language: fr\\n"\n', f'"Language: fr\\n"\n"Plural-Forms: {rule}\\n"\n')
    assert "Plural-Forms" in po
    site = _site(tmp_path, "fr", {"translations/fr/LC_MESSAGES/messages.po": po})
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    page = (site / "_site/cycles/index.html").read_text(encoding="utf-8")
    assert "2 objectifs" in page and "2 objectives" not in page
    assert "warning THM004: translation catalogue: 1 plural entry has 2 filled msgstr" in out, out


_POINTS = ("%(points)s point of progress", "%(points)s points of progress")
#: check-ins that move the key result by 0.7, 1.5, 0 and 1 point of progress
_MOVES = {
    f"content/checkins/2026-02-{day}.md": (
        f"---\nobjective: portail\ndate: 2026-02-{day}\nauthor: Uma Diaz\nvalues: {{p: {value}}}\n---\n"
    )
    for day, value in (("01", 10), ("10", 17), ("12", 32), ("13", 32), ("14", 42))
}


@pytest.mark.parametrize(
    ("language", "said"),
    [
        # CLDR French: one is i = 0,1 (0,7 and 1,5 too); the rest other
        (
            "fr",
            [
                "+0,7 point de progrès",
                "+1,5 point de progrès",
                "0 point de progrès",
                "+1 point de progrès",
            ],
        ),
        # CLDR English and German: one is i = 1 and v = 0 (1, not 1.5)
        (
            "en",
            [
                "+0.7 points of progress",
                "+1.5 points of progress",
                "0 points of progress",
                "+1 point of progress",
            ],
        ),
        (
            "de",
            [
                "+0,7 Punkte Fortschritt",
                "+1,5 Punkte Fortschritt",
                "0 Punkte Fortschritt",
                "+1 Punkt Fortschritt",
            ],
        ),
    ],
)
def test_points_of_progress_follow_the_figure_shown(
    tmp_path: Path, language: str, said: list[str]
) -> None:
    files = dict(_MOVES)
    if language == "fr":
        files["translations/fr.po"] = _po(
            "fr", True, {_POINTS: ("%(points)s point de progrès", "%(points)s points de progrès")}
        )
    site = _site(tmp_path, language, files)
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    # the dashboard's "What changed this week" and the person's page
    pages = (site / "_site/index.html", site / "_site/people/uma-diaz/index.html")
    page = re.sub(r"<[^>]+>", "", " ".join(p.read_text("utf-8") for p in pages))
    for words in said:
        assert f"({words})" in page, (
            words,
            re.findall(r"\([^()]*(?:progr|Fortschritt)[^()]*\)", page),
        )


def test_the_feed_says_its_language_and_translates_its_entry_titles(tmp_path: Path) -> None:
    po = _po("fr", True, {}).replace(
        'msgid "%(date)s: %(title)s"\nmsgstr ""\n',
        'msgid "%(date)s: %(title)s"\nmsgstr "%(date)s : %(title)s"\n',
    )
    site = _site(tmp_path, "fr", {**_MOVES, "translations/fr.po": po})
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    feed = (site / "_site/checkins.xml").read_text(encoding="utf-8")
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">' in feed
    assert "<title>14 févr. 2026 : Portail</title>" in feed, feed
    german = _site(tmp_path / "de", "de", dict(_MOVES))
    code, out = run_cli("build", "--no-cache", "--site", str(german))
    assert code == 0, out
    feed = (german / "_site/checkins.xml").read_text(encoding="utf-8")
    assert 'xml:lang="de"' in feed and "<title>14.02.2026: Portail</title>" in feed, feed
