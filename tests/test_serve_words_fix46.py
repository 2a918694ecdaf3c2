"""``okrsite serve`` writes its own words (the error overlay's heading and
Dismiss button, the plain 404 page of a site that has not built yet) from
the catalogues the site's pages read (audit 46, translator finding 2).

Their msgids are in messages.pot, which docs/themes.md calls the msgids
every catalogue translates; the preview read only okrsite's shipped
catalogues, so a French site's ``translations/fr.po`` made from the pot
left "Dismiss" and "Page not found" English, and a site's ``de.po`` that
reworded "Dismiss" was ignored. Each test runs ``okrsite serve`` on a real
site that starts broken (so the plain 404 page and the overlay are all it
shows) and reads what it serves; one opens the page in Chromium.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium
from conftest import REPO, write_site
from test_serve import Served, fetch

_POT = (REPO / "themes/default/translations/messages.pot").read_text(encoding="utf-8")

#: an objective whose front matter does not parse: the first build fails
_BROKEN = (
    "---\ntitle: Logos\ncycle: 2026-Q4\nowner: Tom Berg\nkey_results:\n"
    "  - {id: a, title: Sign 40, start: 0, target: 40, current: 12\n---\n"
)

_FRENCH = {
    "Dismiss": "Fermer",
    "okrsite: the site could not be rebuilt": "okrsite : le site n’a pas pu être reconstruit",
    "Page not found": "Page introuvable",
    "There is no page at %(path)s in this build.": "Aucune page à %(path)s dans ce site.",
}


def _catalogue(words: dict[str, str], language: str | None = None) -> str:
    """messages.pot with ``words`` translated, as a translator fills it."""
    po = _POT
    if language:
        po = po.replace(
            '"Language-Team: LANGUAGE <LL@li.org>\\n"\n',
            f'"Language-Team: LANGUAGE <LL@li.org>\\n"\n"Language: {language}\\n"\n',
        )
    for msgid, msgstr in words.items():
        blank = re.compile(rf'msgid "{re.escape(msgid)}"\nmsgstr ""\n')
        assert blank.search(po), msgid
        po = blank.sub(lambda _m, i=msgid, s=msgstr: f'msgid "{i}"\nmsgstr "{s}"\n', po)
    return po


def _broken_site(root: Path, language: str, files: dict[str, str]) -> Path:
    return write_site(
        root / "site",
        {
            "okrsite.toml": f'title = "Mini"\nlanguage = "{language}"\n',
            "content/objectives/logos.md": _BROKEN,
            **files,
        },
    )


def _served(site: Path) -> tuple[int, str, str]:
    """``okrsite serve`` on ``site``: the status and page of an address it has
    no page for, and the live-reload script's word table (JSON)."""
    served = Served("--site", str(site), "--port", "0", "--as-of", "2026-11-20")
    try:
        url = served.wait_line(r"serving \S+ at (\S+)").group(1)
        status, page = fetch(url + "nowhere/")
        _, script = fetch(url + "__okrsite/livereload.js")
    finally:
        served.interrupt()
    table = re.search(r"var WORDS = (\{.*\});", script)
    assert table, script
    return status, page, table[1]


def test_a_french_sites_own_catalogue_gives_the_404_page_and_the_overlay_their_words(
    tmp_path: Path,
) -> None:
    site = _broken_site(tmp_path, "fr", {"translations/fr.po": _catalogue(_FRENCH, "fr")})
    status, page, table = _served(site)
    assert status == 404
    assert '<html lang="fr">' in page
    assert "<title>404 Page introuvable</title>" in page and "<h1>Page introuvable</h1>" in page
    assert "Aucune page à <code>/nowhere/</code> dans ce site." in page
    words = json.loads(table)
    assert words["fr"] == {
        "Dismiss": "Fermer",
        "okrsite: the site could not be rebuilt": _FRENCH["okrsite: the site could not be rebuilt"],
    }
    # the shipped German stays for pages of another language
    assert words["de"]["Dismiss"] == "Schließen"


@pytest.mark.parametrize("language", ["de", "de-CH"])
def test_a_sites_de_po_rewords_single_strings_over_the_shipped_german(
    tmp_path: Path, language: str
) -> None:
    own = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    own += 'msgid "Dismiss"\nmsgstr "Zumachen"\n\nmsgid "Page not found"\nmsgstr "Gibt es nicht"\n'
    site = _broken_site(tmp_path, language, {"translations/de.po": own})
    status, page, table = _served(site)
    assert status == 404 and f'<html lang="{language}">' in page
    assert "<h1>Gibt es nicht</h1>" in page
    # the strings the site leaves alone keep the shipped German
    assert "Unter <code>/nowhere/</code> gibt es in diesem Stand der Website keine Seite." in page
    words = json.loads(table)[language.lower()]
    assert words["Dismiss"] == "Zumachen"
    assert words["okrsite: the site could not be rebuilt"].startswith("okrsite: ")
    assert "rebuilt" not in words["okrsite: the site could not be rebuilt"]


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_the_overlay_speaks_the_sites_french_in_chromium(tmp_path: Path) -> None:
    pytest.importorskip("playwright.sync_api")
    site = _broken_site(tmp_path, "fr", {"translations/fr.po": _catalogue(_FRENCH, "fr")})
    served = Served("--site", str(site), "--port", "0", "--as-of", "2026-11-20")
    try:
        url = served.wait_line(r"serving \S+ at (\S+)").group(1)
        with chromium() as browser:
            page = browser.new_page()
            page.goto(url + "index.html")
            overlay = page.wait_for_selector("#okrsite-overlay", timeout=15000)
            text = overlay.inner_text()
    finally:
        served.interrupt()
    assert "Fermer" in text and "le site n’a pas pu être reconstruit" in text, text
    assert "Dismiss" not in text and "could not be rebuilt" not in text, text
