"""A catalogue's plural rule: the one its pages use, and catalogues that fall short of it.

A message with a plural has one ``msgstr[N]`` per form of the language's
rule: the rule its catalogue's ``Plural-Forms`` header names, else Babel's
for the language. Split from :mod:`okrsite.translations`, which merges the
catalogues by the rule found here.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from okrsite.plural import plural
from okrsite.po_text import po_text
from okrsite.sitefiles import UnsafeFileError, read_owned
from okrsite.translations import catalogue_files, language_tag

__all__ = ["plural_warnings", "rule_of"]


#: a catalogue's header: the quoted lines of the ``msgstr`` of ``msgid ""``
_HEADER = re.compile(
    r'^msgid ""[ \t]*\r?\nmsgstr((?:[ \t]*"(?:[^"\\\n]|\\.)*"[ \t]*\r?\n?)+)', re.M
)
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
#: the header's line naming the plural rule: ``Plural-Forms: nplurals=2; plural=(n > 1);``
_PLURAL_FORMS = re.compile(r"^Plural-Forms:[ \t]*(.*)$", re.MULTILINE | re.IGNORECASE)
_RULE = re.compile(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*")
#: counts a rule is tried on: a rule that names a slot it does not have is no rule
_TRIED = (*range(1001), 1_000_000, 2_000_000, 10**9)


def _declared_rule(raw: bytes) -> tuple[tuple[int, str] | None, int, str | None]:
    """``((nplurals, plural), line, None)`` for a catalogue whose header
    declares a usable plural rule; ``(None, line, why)`` for one it declares
    that cannot be used; ``(None, 0, None)`` for none declared (a
    ``messages.pot`` copied to ``fr.po``)."""
    text = raw.decode("utf-8", "replace")
    header = _HEADER.search(text)
    if header is None:
        return None, 0, None
    # pybabel init writes a long rule over two quoted lines: read them as one
    joined = "".join(_QUOTED.findall(header.group(1)))
    found = _PLURAL_FORMS.search(joined.replace("\\n", "\n").replace('\\"', '"'))
    if found is None:
        return None, 0, None
    line = text.count("\n", 0, text.find("Plural-Forms", header.start())) + 1
    rule = _RULE.fullmatch(found.group(1))
    if rule is None:
        return None, line, f"its Plural-Forms header ({found.group(1)!r}) is no plural rule"
    count, expr = int(rule.group(1)), rule.group(2)
    from gettext import c2py

    try:
        choose = c2py(expr)
        wrong = next((n for n in _TRIED if not 0 <= choose(n) < count), None)
    except (ValueError, SyntaxError, ArithmeticError, RecursionError, TypeError):
        return None, line, f"its Plural-Forms rule {expr!r} cannot be read"
    if wrong is not None or not 1 <= count <= 10:
        return None, line, f"its Plural-Forms rule {expr!r} does not fit nplurals={count}"
    return (count, expr), line, None


def rule_of(locale: Any, raws: Iterable[bytes]) -> tuple[int, str]:
    """The plural rule pages in a language use: that of the last catalogue
    (the site's over its theme's) whose header declares a usable one, as its
    translator filled the slots by it; else Babel's rule for the language
    (English's for a code Babel does not know)."""
    rule = None
    for raw in raws:
        rule = _declared_rule(raw)[0] or rule
    if rule is not None:
        return rule
    if locale is None:
        return 2, "(n != 1)"
    from babel.messages.plurals import get_plural

    found = get_plural(locale)
    return found.num_plurals, found.plural_expr


def plural_warnings(language: str, folders: Iterable[Path]) -> list[tuple[Path, int, str]]:
    """``(file, line, what is wrong)`` for each catalogue of ``language``
    whose plural entries have fewer ``msgstr[N]`` slots than the rule its
    pages use (:func:`rule_of`: ``fr.po`` copied from ``messages.pot``
    offers two, Babel's French rule has three), at its first such entry,
    and for a Plural-Forms header that cannot be used, at its line. The
    pages still show such entries, the last slot for the missing ones."""
    files = [(folder, file) for folder in folders for file in catalogue_files(language, [folder])]
    if not files:
        return []  # English as the templates write it: Babel is not even imported
    from babel import Locale, UnknownLocaleError
    from babel.messages.pofile import PoFileError, read_po

    read: list[tuple[Path, bytes]] = []
    for folder, file in files:
        try:
            read.append((file, read_owned(file, [os.path.realpath(folder)])))
        except (OSError, UnsafeFileError):
            continue  # refused by name where it is read
    try:
        locale: Any = Locale.parse(language_tag(language).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = None
    count, expr = rule_of(locale, [raw for _, raw in read])
    out: list[tuple[Path, int, str]] = []
    for file, raw in read:
        line, why = _declared_rule(raw)[1:]
        if why is not None:
            out.append((file, line, f"{why}; the pages use nplurals={count}; plural={expr}"))
        try:
            catalogue = read_po(io.StringIO(po_text(raw)), abort_invalid=True)
        except (PoFileError, ValueError):  # UnreadableCatalogue is one
            continue  # THM003 says why
        # an empty msgstr[N] is a form left out: Babel pads an entry to the
        # count of the language its header names with empty ones
        slotted = [
            (message.lineno or 0, tuple(slot for slot in message.string or () if slot))
            for message in catalogue
            if message.pluralizable and not message.fuzzy
        ]
        short = [(at, len(slots)) for at, slots in slotted if slots and len(slots) < count]
        if short:
            slots = min(slots for _, slots in short)
            out.append(
                (
                    file,
                    short[0][0],
                    f"{plural(len(short), 'plural entry', 'plural entries')} "
                    f"{'has' if len(short) == 1 else 'have'} {slots} filled msgstr slots, but the "
                    f"plural rule of {language_tag(language)!r} has {count} "
                    f"(nplurals={count}; plural={expr}): the last slot is used for the others",
                )
            )
    return out
