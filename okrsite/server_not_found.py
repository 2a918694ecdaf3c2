"""The preview's own 404 page, in the site's language.

``okrsite serve`` answers an address the build has no page for with the
site's ``404.html``. Until a build has made one (a site that starts broken
has none) it answers with a small page of its own instead, which must speak
the language ``okrsite.toml`` names, as the site's pages would: a German
site shows no English, and the error overlay on that page takes its words
from the page's ``<html lang>``. Its words come from the catalogues the
site's pages read (:mod:`okrsite.server_words`), else the default theme's,
read as the overlay's are (:func:`okrsite.server_livereload.overlay_words`),
without Babel: the preview of an English site never imports it.
"""

from __future__ import annotations

import functools
import html

from okrsite.server_livereload import overlay_words

__all__ = ["NOT_FOUND_WORDS", "not_found_page"]

#: the page's words (the default theme's ``msgid``s): its title and heading,
#: and its sentence, into which the missing address goes
NOT_FOUND_WORDS = ("Page not found", "There is no page at %(path)s in this build.")

#: with the viewport and the empty icon every built page has: a phone shows
#: it at its own width, and the browser asks for no /favicon.ico (another 404)
_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>404 {title}</title><link rel="icon" href="data:,"></head>
<body><h1>{title}</h1><p>{text}</p></body></html>
"""


@functools.lru_cache(maxsize=1)
def _catalogues() -> dict[str, dict[str, str]]:
    return overlay_words(wanted=NOT_FOUND_WORDS)


def _words(language: str) -> tuple[str, dict[str, str]]:
    """The ``lang`` to write and the translations for ``language`` (``de-AT``
    takes ``de``'s, as the overlay does); English, with none, where the
    default theme has no catalogue for it."""
    tag = language.replace("_", "-").lower()
    catalogues = _catalogues()
    words = catalogues.get(tag) or catalogues.get(tag.split("-")[0])
    return (language.replace("_", "-"), words) if words else ("en", {})


def not_found_page(path: str, language: str = "en", site: dict[str, str] | None = None) -> bytes:
    """The page for an address (``path``, as requested) the build has no
    page for, in ``language`` (``okrsite.toml``'s ``language``): ``site``,
    the site's words for it as its pages read them (the default theme's,
    the theme chain's and the site's own catalogues,
    :func:`okrsite.server_words.site_words`), else the shipped ones."""
    lang, words = (language.replace("_", "-"), site) if site else _words(language)
    title, sentence = (words.get(w, w) for w in NOT_FOUND_WORDS)
    code = f"<code>{html.escape(path)}</code>"
    text = html.escape(sentence, quote=False).replace("%(path)s", code)
    page = _PAGE.format(lang=html.escape(lang), title=html.escape(title), text=text)
    return page.encode("utf-8")
