"""Words translated when a template is compiled, not on every render.

Most of a theme's words are constant: ``{{ _("Status") }}``. Called at render
time each one is a template→Python call, a catalogue look-up and a
``Markup % {}`` (newstyle gettext always formats), a few hundred per
objective page. :class:`ConstantTranslations` is a Jinja extension that, once
a site's language is known (:func:`use_language`), rewrites such a call with
one string literal and nothing else into that literal's translation marked
safe, which Jinja then writes into the compiled template as text. The
translation is made by the very function the template would have called, so
the output is byte for byte the same; calls with variables
(``_("Progress of %(name)s", name=title)``) stay calls.

A compiled template now depends on the language and its catalogues, so the
environment carries a :func:`translation_key` for compiled-code caches to
key on (okrsite.compiled_templates does).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Environment
from jinja2.ext import Extension
from jinja2.lexer import (
    TOKEN_DOT,
    TOKEN_LPAREN,
    TOKEN_NAME,
    TOKEN_PIPE,
    TOKEN_RPAREN,
    TOKEN_STRING,
    Token,
    TokenStream,
)

from okrsite.translations import Language

__all__ = ["XML_SUFFIXES", "ConstantTranslations", "use_language", "translation_key"]

#: the template names of gettext that a constant call may use
_GETTEXT_NAMES = frozenset({"_", "gettext"})

#: the endings of the templates whose output is an XML file (the Atom feed,
#: ``checkins.xml``): their translations are text (okrsite.translations)
XML_SUFFIXES = (".xml",)


def _fingerprint(language: Language) -> str:
    """The language code and a digest of every translated string.

    The catalogue's header (the entry for ``""``) is left out: it holds the
    time the catalogue was merged (``POT-Creation-Date``), and no template
    translates the empty string.
    """
    catalogue: dict[Any, Any] = getattr(language.translations, "_catalog", {})
    digest = hashlib.sha256()
    for key, value in sorted(catalogue.items(), key=repr):
        if key == "":
            continue
        digest.update(repr((key, value)).encode("utf-8"))
    return f"{language.code}:{digest.hexdigest()}"


def use_language(
    env: Environment,
    language: Language,
    gettext: Callable[..., Any],
    text_gettext: Callable[..., Any] | None = None,
) -> None:
    """Translate constant words of templates compiled from now on with ``gettext``
    (the ``_`` the templates get) in ``language``; those of an XML template
    (:data:`XML_SUFFIXES`, the feed) with ``text_gettext``, which writes a
    translation as text (``Language.template_callables(as_text=True)``)."""
    key = _fingerprint(language)
    if env.okrsite_translation_key not in ("", key) and env.cache is not None:  # type: ignore[attr-defined]
        env.cache.clear()  # compiled for another language
    env.okrsite_translation_key = key  # type: ignore[attr-defined]
    env.okrsite_constant_gettext = gettext  # type: ignore[attr-defined]
    env.okrsite_constant_text_gettext = text_gettext  # type: ignore[attr-defined]


def translation_key(env: Environment) -> str:
    """What templates compiled by ``env`` depend on besides their source."""
    return str(getattr(env, "okrsite_translation_key", ""))


class ConstantTranslations(Extension):
    """``_("literal")`` → the literal's translation, at compile time."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.extend(
            okrsite_translation_key="",
            okrsite_constant_gettext=None,
            okrsite_constant_text_gettext=None,
        )

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        gettext = self.environment.okrsite_constant_gettext  # type: ignore[attr-defined]
        if stream.name is not None and stream.name.endswith(XML_SUFFIXES):
            gettext = self.environment.okrsite_constant_text_gettext  # type: ignore[attr-defined]
        tokens = list(stream)
        if gettext is None or not self._gettext_is_global(tokens):
            yield from tokens
            return
        i = 0
        while i < len(tokens):
            folded = self._fold(tokens, i, gettext)
            if folded is None:
                yield tokens[i]
                i += 1
                continue
            yield from folded
            i += 4

    @staticmethod
    def _gettext_is_global(tokens: list[Token]) -> bool:
        """No ``_`` of the template's own (``{% set _ = … %}``, a loop or
        macro argument): every use of the name is a call."""
        for i, token in enumerate(tokens):
            if token.type == TOKEN_NAME and token.value in _GETTEXT_NAMES:
                after = tokens[i + 1] if i + 1 < len(tokens) else None
                if after is None or after.type != TOKEN_LPAREN:
                    return False
        return True

    @staticmethod
    def _fold(tokens: list[Token], i: int, gettext: Callable[..., Any]) -> list[Token] | None:
        """The tokens replacing a constant call starting at ``i``, or ``None``."""
        if i + 3 >= len(tokens):
            return None
        name, lparen, string, rparen = tokens[i : i + 4]
        if not (
            name.type == TOKEN_NAME
            and name.value in _GETTEXT_NAMES
            and lparen.type == TOKEN_LPAREN
            and string.type == TOKEN_STRING
            and rparen.type == TOKEN_RPAREN
            and (i == 0 or tokens[i - 1].type != TOKEN_DOT)
        ):
            return None
        try:
            text = gettext(string.value)
        except (KeyError, TypeError, ValueError):
            return None  # a placeholder without a value: fails at render time, as before
        line = name.lineno
        # parenthesised, so what follows the call (``.attr``, ``[0]``, ``|f``)
        # applies to the translation as it did to the call's result
        return [
            Token(line, TOKEN_LPAREN, "("),
            Token(line, TOKEN_STRING, str(text)),
            Token(line, TOKEN_PIPE, "|"),
            Token(line, TOKEN_NAME, "safe"),
            Token(line, TOKEN_RPAREN, ")"),
        ]
