"""The words the preview writes itself, from the catalogues its site's pages use.

``okrsite serve`` writes two things no template renders: the error overlay
(its heading and Dismiss button, :data:`~okrsite.server_livereload.OVERLAY_WORDS`)
and the plain 404 page of a site that has not built one yet
(:data:`~okrsite.server_not_found.NOT_FOUND_WORDS`). Their msgids are in
``messages.pot``, so a translator who fills a site's ``translations/fr.po``
from it translates them too, and a site's ``translations/de.po`` that
rewords "Dismiss" must be heard: the words are looked up as a page's are
(:func:`okrsite.translations.load_language`), in the default theme's
catalogue, then the theme chain's (base first), then the site's, a later
file winning string by string. Read without Babel, as
:func:`~okrsite.server_livereload.overlay_words` reads them: an English
site's preview never imports it.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from okrsite.po_text import UnreadableCatalogue, po_text
from okrsite.server_livereload import LIVERELOAD_TEMPLATE, OVERLAY_WORDS, overlay_words, po_words
from okrsite.sitefiles import UnsafeFileError, read_owned
from okrsite.theme_find import DEFAULT_THEME, ThemeError, builtin_themes_dir, theme_chain
from okrsite.translations import catalogue_files, language_tag

__all__ = ["PREVIEW_WORDS", "SiteWords", "livereload_js", "site_words"]

#: every msgid the preview writes itself: the overlay's and the 404 page's
PREVIEW_WORDS = (*OVERLAY_WORDS, "Page not found", "There is no page at %(path)s in this build.")

#: a site's language (``okrsite.toml``'s, as written) and its words
#: (msgid → translation) for the preview's own texts
SiteWords = tuple[str, dict[str, str]]


def site_words(language: str, site_root: Path, theme: str) -> SiteWords:
    """``language``'s translations of :data:`PREVIEW_WORDS` from the
    catalogues a page of the site at ``site_root`` reads: the default
    theme's, ``theme``'s chain (base first), then the site's own
    ``translations/``; ``de-CH`` takes ``de``'s where it has none of its own.
    A theme that cannot be found (the build says so) adds nothing; an
    unreadable catalogue is skipped (the build reports it, THM003)."""
    try:
        chain = [path for _, path in reversed(theme_chain(theme, site_root))]
    except (ThemeError, OSError):
        chain = []
    folders = list(dict.fromkeys([builtin_themes_dir() / DEFAULT_THEME, *chain, site_root]))
    words: dict[str, str] = {}
    for folder in folders:
        for file in catalogue_files(language, [folder]):
            try:
                text = po_text(read_owned(file, [os.path.realpath(folder)]))
            except (OSError, UnsafeFileError, UnreadableCatalogue):
                continue
            words.update(po_words(text, PREVIEW_WORDS))
    return language, words


def livereload_js(words: SiteWords) -> str:
    """The page script with the site's words for its language beside the
    shipped catalogues' (a page of another ``<html lang>``, a site's
    ``404.html`` in English, keeps those)."""
    return _script(json.dumps(words[0]), json.dumps(words[1], sort_keys=True))


@functools.lru_cache(maxsize=4)
def _script(language: str, words: str) -> str:
    table = overlay_words()
    own = {word: text for word, text in json.loads(words).items() if word in OVERLAY_WORDS}
    if own:
        tag = language_tag(json.loads(language)).replace("_", "-").lower()
        table[tag] = {**table.get(tag, {}), **own}
    return LIVERELOAD_TEMPLATE.replace("__WORDS__", json.dumps(table, sort_keys=True))
