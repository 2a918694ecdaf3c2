"""The one translation table of a site: every word the theme shows.

Templates mark their words with gettext (``{{ _("Key results") }}``, Jinja's
i18n extension); okrsite is written in English, so English needs no
catalogue. Other languages come from Babel's gettext catalogues (``.po``
files): ``translations/<language>.po`` of each theme in the chain, base
theme first, then the site's own ``translations/<language>.po``, so a site
adds or overrides single strings without copying a catalogue. Beneath them
all lie okrsite's own words (page titles, statuses, "more than") from the
catalogue it ships, for a theme that stands alone (:mod:`okrsite.own_words`);
a catalogue's bytes become text in :mod:`okrsite.po_text`. ``language``
in ``okrsite.toml`` picks the catalogue, sets ``<html lang>`` and the way
numbers and dates are written (Babel's locale data).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from gettext import NullTranslations
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from okrsite.jinja_context import escaped_text
from okrsite.po_controls import control_in, escaped_control_problems, raw_control_problems
from okrsite.po_text import UnreadableCatalogue, po_text
from okrsite.sitefiles import UnsafeFileError, read_owned
from okrsite.units import GERMAN_PLURALS, PLURALS, in_case_of
from okrsite.written_numbers import CURRENCY_SIGNS

__all__ = [
    "Language",
    "load_language",
    "catalogue_files",
    "language_tag",
    "percent_affixes",
]

#: what may follow a currency sign in a unit that stands before the figure
#: in English: a magnitude (``$M``, ``$k``, ``€bn``, ``$MM``) or a rate
#: (``$/month``, ``€/h``), written after the figure (``$1.2M``, ``$500/month``)
_AFTER_CURRENCY = re.compile(r"(?:[kKmMbB]|[mM]{2}|bn|Bn|BN)?(?:/\S+)?")


def _currency_split(unit: str) -> tuple[str, str] | None:
    """``("$", "M")`` for ``$M``, ``("$", "")`` for ``$``, None for a unit that
    is not a currency sign with at most a magnitude or rate after it."""
    if not unit or unit[0] not in CURRENCY_SIGNS:
        return None
    rest = unit[1:]
    return (unit[0], rest) if _AFTER_CURRENCY.fullmatch(rest) else None


@dataclass(frozen=True)
class Language:
    """A language's translations and its way of writing numbers and dates."""

    code: str
    translations: NullTranslations
    decimal_symbol: str
    group_symbol: str
    #: what the pages declare in ``<html lang>``: the ``language`` setting in
    #: BCP 47's case and with hyphens (``DE`` is ``de``, ``de_at`` is
    #: ``de-AT``: :func:`language_tag`), or ``en`` for a code nothing
    #: translates and Babel does not know
    #: (the pages' words are then English)
    tag: str = "en"
    #: what stands before and after a percentage's figure, from the language's
    #: CLDR percent pattern (English ``34%``, German ``34\u00a0%``, Turkish ``%34``)
    percent_prefix: str = ""
    percent_suffix: str = "%"
    #: where the language's CLDR currency pattern puts the sign before the
    #: amount (English ``$1,200``, Dutch ``€ 1.200``), what stands between
    #: them; ``None`` where it follows (German ``1.200 €``)
    currency_lead: str | None = ""

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def template_callables(self, as_text: bool = False) -> dict[str, Callable[..., Markup]]:
        """``_``, ``gettext`` and ``ngettext`` for templates.

        They behave like Jinja's "newstyle" gettext (the translation is
        markup, placeholders are filled with escaped values: ``_("Progress
        of %(name)s", name=title)``), but remember each translation: a page
        asks for the same few words thousands of times.

        ``as_text``: for a template whose output is XML (the Atom feed), where
        a translation's bare ``&`` or ``<`` (``check-ins & updates``), which
        a browser reads in HTML, makes the whole file invalid: the
        translation is read as markup (``&amp;`` is ``&``) and written as
        text, escaped like every other text of the file.
        """
        singular: dict[str, tuple[Markup, tuple[str, ...] | None, Markup | None]] = {}
        plural: dict[tuple[str, str, int], tuple[Markup, tuple[str, ...] | None]] = {}
        translations: Any = _AsText(self.translations) if as_text else self.translations

        def gettext(message: str, /, **variables: Any) -> Markup:
            entry = singular.get(message)
            if entry is None:
                text = Markup(translations.gettext(message))
                names = _plain_placeholders(text)
                # no placeholder (a word, a heading): the same text whatever is
                # passed, formatted once (``%%`` becomes ``%``) instead of per call
                entry = singular[message] = (text, names, text % {} if names == () else None)
            text, names, bare = entry
            if bare is not None:
                return bare
            if names is None or not variables:
                return text % variables  # type: ignore[no-any-return]
            return _filled(text, names, variables)

        def ngettext(one: str, many: str, count: int, /, **variables: Any) -> Markup:
            key = (one, many, count)
            entry = plural.get(key)
            if entry is None:
                text = Markup(translations.ngettext(one, many, count))
                entry = plural[key] = (text, _plain_placeholders(text))
            text, names = entry
            variables.setdefault("num", count)
            if names is None:
                return text % variables  # type: ignore[no-any-return]
            return _filled(text, names, variables)

        return {"_": gettext, "gettext": gettext, "ngettext": ngettext}

    def number(self, text: str) -> str:
        """A number written the English way (``1,234.5``) in this language's symbols."""
        if self.decimal_symbol == "." and self.group_symbol == ",":
            return text
        return (
            text.replace(",", "\0")
            .replace(".", self.decimal_symbol)
            .replace("\0", self.group_symbol)
        )

    def percent(self, figure: str) -> str:
        """A figure already written in this language (``34``, ``13,5``) as a percentage.

        The one place a page, chart, badge or feed puts the percent sign:
        each language writes it its own way (CLDR: ``34%`` in English, ``34 %``
        with a no-break space in German), and one page must not mix two.
        """
        return self.percent_prefix + figure + self.percent_suffix

    def leads(self, unit: str | None) -> bool:
        """Whether ``unit`` stands before the figure: a currency sign (``$``,
        ``€``, ``£``, ``¥``), alone or with a magnitude or a rate after it
        (``$M``, ``€k``, ``$/month``), in a language that writes it first
        (English)."""
        return (
            unit is not None
            and self.currency_lead is not None
            and _currency_split(unit) is not None
        )

    def with_unit(self, figure: str, unit: str) -> str:
        """A figure already written in this language with its unit: ``12 EUR``,
        and for ``%`` the language's percentage (:meth:`percent`), so a key
        result in ``%`` reads like every other percentage of the page; a
        currency sign where the language writes it (``$1,200`` and ``-$5``
        in English, ``1.200 €`` in German), what follows the sign in the
        unit after the figure (``$1.2M``, ``$500/month``; German ``1,2 $M``)."""
        if not unit:
            return figure
        if unit == "%":
            return self.percent(figure)
        if self.leads(unit):
            sign = figure[:1] if figure[:1] in "-−" else ""
            currency, rest = _currency_split(unit) or (unit, "")
            return f"{sign}{currency}{self.currency_lead}{figure[len(sign) :]}{rest}"
        if figure == "1" and unit in SINGULARS:  # 1 day, 3 days (okrsite.units.unit_name)
            return f"1 {SINGULARS[unit]}"
        return f"{figure} {unit}"

    def clock(self, time: str, zone: str = "") -> str:
        """A check-in's time of day as its heading writes it: with the zone
        its time names, ``09:15 (UTC+02:00)`` (a bare ``09:15+02:00`` reads
        as a range or a sum), or ``09:15`` alone; empty without a time. The
        one writing of the heading, a note's table's name, the check-in
        lists and the diff's reports (``okrsite.table_words``)."""
        if not time:
            return ""
        if not zone:
            return time
        return self.gettext("%(time)s (UTC%(offset)s)") % {"time": time, "offset": zone}

    def day(self, value: date | None) -> str:
        """A date: ISO 8601 for English (unambiguous, as okrsite always wrote
        them), the language's medium format otherwise (20.11.2026 in German)."""
        if value is None:
            return "–"
        return _written_day(self.code, value)


@lru_cache(maxsize=4096)
def _written_day(code: str, value: date) -> str:
    """:meth:`Language.day` of a date, remembered per language and date: every
    check-in's block writes its date (80,000 blocks at 10,000 objectives, of
    a few hundred days), and Babel's ``format_date`` took some 12 us a
    call (a German site's build spent a second in it); English tells its
    code apart once per date, not per call. A date and a datetime are never
    equal keys, so neither is written as the other."""
    if code.split("_")[0].split("-")[0] == "en":
        return value.isoformat()
    from babel.dates import format_date

    return format_date(value, "medium", locale=code.replace("-", "_"))


#: English and German units of time and points shown after a 1 in the
#: singular, as a key result's unit is named (:func:`okrsite.units.unit_name`)
SINGULARS = {
    in_case_of(plural, like): in_case_of(single, like)
    for single, plural in (*PLURALS.items(), *GERMAN_PLURALS.items())
    for like in ("x", "X")
}

#: a ``%`` that starts a placeholder other than ``%(name)s`` (or ``%%``)
_OTHER_PLACEHOLDER = re.compile(r"%(?!%|\(\w+\)s)")
_NAMED = re.compile(r"%(?:%|\((\w+)\)s)")


def _plain_placeholders(text: str) -> tuple[str, ...] | None:
    """The names of a message's placeholders if all are ``%(name)s`` (or ``%%``),
    else ``None`` (a ``%(num)d``, say: formatted by Markup's own ``%``)."""
    if _OTHER_PLACEHOLDER.search(text.replace("%%", "")):
        return None
    return tuple(dict.fromkeys(name for name in _NAMED.findall(text) if name))


def _filled(text: Markup, names: tuple[str, ...], variables: dict[str, Any]) -> Markup:
    """``text % variables`` for a message whose placeholders are all
    ``%(name)s`` (``names``): what Markup's ``%`` does (each value escaped),
    without its per-value helper objects, each value's escaped text a plain
    ``str`` (the same characters, no Markup made per value). A page fills a
    few dozen of these."""
    if len(names) == 1:
        name = names[0]
        return _markup(str.__mod__(text, {name: escaped_text(variables[name])}))
    return _markup(str.__mod__(text, {name: escaped_text(variables[name]) for name in names}))


def _markup(text: str) -> Markup:
    """``Markup(text)`` for a ``str``, without ``Markup.__new__``'s Python-level checks."""
    return str.__new__(Markup, text)  # type: ignore[no-any-return]


class _AsText:
    """A catalogue whose translations are XML text: each is read as the
    markup a catalogue's strings are (``&amp;`` is ``&``) and escaped, so
    a bare ``&`` or ``<`` a translator wrote stays text in an XML file."""

    def __init__(self, translations: NullTranslations) -> None:
        self._translations = translations

    def gettext(self, message: str) -> str:
        return str(escape(Markup(self._translations.gettext(message)).unescape()))

    def ngettext(self, one: str, many: str, count: int) -> str:
        text = self._translations.ngettext(one, many, count)
        return str(escape(Markup(text).unescape()))


#: a language tag as people write one (``de``, ``DE``, ``de_AT``, ``zh-Hant-TW``):
#: a language of 2 or 3 letters, then subtags of letters or digits
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def language_tag(language: str) -> str:
    """``language`` with each part in the case BCP 47 writes it (tags are
    case-insensitive, RFC 5646 2.1.1): the language lower-case (``DE`` is
    ``de``), a region upper-case (``de-at`` is ``de-AT``), a script
    capitalised (``zh-hant`` is ``zh-Hant``); separators as written. What is
    no tag (``Deutsch``) is returned as written: the build says so (CFG014)."""
    if not _TAG.fullmatch(language):
        return language
    parts = re.split(r"([-_])", language)
    out = [parts[0].lower()]
    for index in range(2, len(parts), 2):
        part = parts[index]
        if len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit():
            written = part.upper()
        elif len(part) == 4 and part.isalpha():
            written = part.capitalize()
        else:
            written = part.lower()
        out += [parts[index - 1], written]
    return "".join(out)


def catalogue_files(language: str, folders: Iterable[Path]) -> list[Path]:
    """The catalogues of ``language`` that exist in these folders, one per
    folder, in order: ``translations/de_AT.po``, else ``de_AT``'s in the
    layout ``pybabel init -d`` writes (``translations/de_AT/LC_MESSAGES/
    messages.po``), else the same two for ``de``, for ``de-AT``; the case of
    the setting does not matter (``DE`` finds ``de.po``)."""
    code = language_tag(language).replace("-", "_")
    found = []
    for folder in folders:
        for name in dict.fromkeys((code, code.split("_")[0])):
            file = _catalogue_of(folder / "translations", name)
            if file is not None:
                found.append(file)
                break
    return found


def _catalogue_of(translations: Path, name: str) -> Path | None:
    """``<name>.po`` in ``translations``, else ``<name>/LC_MESSAGES/messages.po``."""
    for file in (translations / f"{name}.po", translations / name / "LC_MESSAGES" / "messages.po"):
        if os.path.lexists(file):  # a link or FIFO too: reading it refuses it, by name
            return file
    return None


_PLACEHOLDER = re.compile(r"%\((\w+)\)")
#: a placeholder with a width or precision (``%(name)999999999s``): a catalogue
#: line that would make every page take the memory it asks for
_PADDED = re.compile(r"%\((\w+)\)[-#0 +]*(?:\d|\.\d|\*)[\d.*]*[a-zA-Z]")


def _string_problem(message: Any) -> str | None:
    """Why a translated string would fail where a page uses it: a ``%(name)s``
    the message does not give, or a ``%`` that is no placeholder (write
    ``%%``), or a control character. ``None``: it is fine."""
    if control_in(message) is not None:
        return "the translation contains a control character"
    ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
    strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    given = {name for text in ids for name in _PLACEHOLDER.findall(text or "")}
    values = {name: 1 for name in given} | {"num": 1}
    for text in strings:
        if not text:
            continue
        padded = _PADDED.search(text)
        if padded is not None:  # %(name)999999999s: a string of a billion spaces per page
            return (
                f"the translation pads a placeholder ({padded.group(0)}); write it plain, "
                f"as %({padded.group(1)}){padded.group(0)[-1]}"
            )
        unknown = sorted(set(_PLACEHOLDER.findall(text)) - given - {"num"})
        if unknown:
            named = ", ".join(f"%({name})s" for name in unknown)
            return f"the translation uses {named}, which the message does not give"
        if "%" in text:
            try:
                text % values
            except (KeyError, ValueError, TypeError) as exc:
                return (
                    f"the translation's % signs cannot be filled in ({exc}); write %% for a % sign"
                )
    return None


_PO_STRING_LINE = re.compile(r'(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*(".*)$')


def _unclosed_string(text: str) -> int:
    """The first line of a ``.po`` file whose quoted string does not end with
    an unescaped ``"`` (0: none)."""
    for number, line in enumerate(text.splitlines(), 1):
        found = _PO_STRING_LINE.fullmatch(line.strip())
        if found is None:
            continue
        body = found.group(1)[1:]  # after the opening quote
        if not body.endswith('"'):
            return number
        backslashes = len(body[:-1]) - len(body[:-1].rstrip("\\"))
        if backslashes % 2 == 1:  # an escaped quote (\") closes nothing
            return number
    return 0


def catalogue_problems(
    language: str, folders: Iterable[Path]
) -> list[tuple[Path, int, str, str | None]]:
    """``(file, line, what is wrong, what to do or None)`` for each string of ``language``'s
    catalogues in ``folders`` that cannot be read or used: the build reports
    them before anything is rendered, instead of a page failing to render or
    a translation being cut short without a word."""
    files = [(folder, file) for folder in folders for file in catalogue_files(language, [folder])]
    if not files:
        return []  # English as the templates write it: Babel is not even imported
    from babel.messages.pofile import PoFileError, read_po

    out: list[tuple[Path, int, str, str | None]] = []
    for folder, file in files:
        try:
            raw = read_owned(file, [os.path.realpath(folder)])
        except (OSError, UnsafeFileError):
            continue  # refused by name where it is read
        known = _CHECKED.get((file, raw))
        if known is None:
            # the preview asks on every rebuild: each file's bytes are read
            # through once (the theme's German catalogue takes 20 ms)
            if len(_CHECKED) > 16:
                _CHECKED.clear()
            known = _CHECKED[(file, raw)] = _problems_of(file, raw, read_po, PoFileError)
        out += known
    return out


#: what :func:`catalogue_problems` found in a file's bytes, by path and bytes
_CHECKED: dict[tuple[Path, bytes], list[tuple[Path, int, str, str | None]]] = {}


def _problems_of(
    file: Path, raw: bytes, read_po: Any, po_error: type[Exception]
) -> list[tuple[Path, int, str, str | None]]:
    """:func:`catalogue_problems` of one file's bytes (Babel's reader passed in,
    imported only when a site has catalogues)."""
    try:
        text = po_text(raw)  # a BOM dropped; not UTF-8 or no charset: said, located
    except UnreadableCatalogue as exc:
        return [(file, exc.line, exc.why, exc.hint)]
    unclosed = _unclosed_string(text)
    if unclosed:
        # Babel reads such a string without its last letter, silently
        return [(file, unclosed, 'a string is not closed with a quote (")', None)]
    out = raw_control_problems(file, text)  # a NUL pasted in: refused as in goal files
    try:
        catalogue = read_po(io.StringIO(text), abort_invalid=True)
    except po_error as exc:
        line = getattr(exc, "lineno", None)  # Babel counts from 0
        return [
            *out,
            (file, line + 1 if isinstance(line, int) else 0, str(exc).split(" on ")[0], None),
        ]
    out += escaped_control_problems(file, text, catalogue)
    for message in catalogue:
        if control_in(message) is not None:
            continue  # said above, at its line
        if message.id and message.string and not message.fuzzy:  # fuzzy: never used
            why = _string_problem(message)
            if why is not None:
                out.append((file, message.lineno or 0, why, None))
    return out


def untranslated(language: str, folders: Iterable[Path]) -> str | None:
    """Why pages in ``language`` would not be in that language (``None``: they
    are, or it is English): no catalogue of it in ``folders`` (the theme
    chain's and the site's), or a code Babel does not know, whose numbers
    and dates :func:`load_language` writes the English way too; ``"own
    words"`` when only okrsite's own words are translated (a theme that
    stands alone, without a catalogue of it: :mod:`okrsite.own_words`)."""
    folders = list(folders)
    language = language_tag(language)
    if language.replace("_", "-").split("-")[0] == "en":
        return None
    if catalogue_files(language, folders):
        return None
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return "unknown"
    from okrsite.own_words import shipped_words_folder

    shipped = shipped_words_folder(folders)
    return "own words" if shipped and catalogue_files(language, [shipped]) else "no catalogue"


def load_language(language: str, folders: Iterable[Path]) -> Language:
    """``language``'s catalogues from ``folders`` (base first, the site last) merged.

    An unknown language code falls back to English number and date formats.

    English with no catalogue anywhere (the default) is English as written
    in the templates: Babel is not even imported (about 30 ms of a small
    build's start-up).
    """
    folders = list(folders)
    language = language_tag(language)  # DE is de (BCP 47 tags ignore case)
    if language == "en" and not catalogue_files(language, folders):
        return Language("en", NullTranslations(), ".", ",")
    from babel import Locale, UnknownLocaleError
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.numbers import get_decimal_symbol, get_group_symbol
    from babel.support import Translations

    try:
        locale: Locale | None = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = None
    from okrsite.own_words import OWN_WORDS, shipped_words_folder
    from okrsite.plural_rules import rule_of

    merged = Catalog(locale=locale)
    strings: dict[Any, Any] = {}  # later files win (Catalog.add would keep the first)
    raws = []
    # okrsite's own words (page titles, statuses, "more than") from its shipped
    # catalogue beneath a chain without it: a theme that stands alone has them too
    shipped = shipped_words_folder(folders)
    listed = [
        (f, file)
        for f in [*([shipped] if shipped else []), *folders]
        for file in catalogue_files(language, [f])
    ]
    for folder, file in listed:
        # read like every source file: a regular file inside its own folder
        # (a link out, a FIFO or a language such as "../../x" is refused)
        raws.append(read_owned(file, [os.path.realpath(folder)]))
        try:
            catalogue = read_po(io.StringIO(po_text(raws[-1])))
        except UnreadableCatalogue:
            continue  # not text: its words stay the theme's, THM003 says why
        for message in catalogue:
            # a translation that would fail where a page uses it is left out
            # (the theme's words stand); the build reports it, located. A
            # fuzzy one (``#, fuzzy``: a guess, or "needs work" in Poedit) is
            # left out too, as GNU gettext and Babel leave it out: the theme's
            # translation stands until someone has checked it
            if message.fuzzy or folder == shipped and _first(message.id) not in OWN_WORDS:
                continue
            string = filled_slots(message.string)
            if message.id and string and _string_problem(message) is None:
                strings[message.id] = string
    count, expr = rule_of(locale, raws)
    merged.mime_headers = [("Plural-Forms", f"nplurals={count}; plural={expr};")]
    for message_id, string in strings.items():
        if isinstance(string, (list, tuple)) and 0 < len(string) < count:
            # msgstr[0] and [1] as messages.pot offers them, for a rule of three
            # forms: the last slot stands for the missing ones, not the English
            string = (*string, *[string[-1]] * (count - len(string)))
        merged.add(message_id, string)
    translations: NullTranslations = NullTranslations()
    if len(merged):
        buffer = io.BytesIO()
        write_mo(buffer, merged)
        buffer.seek(0)
        translations = Translations(fp=buffer)
    if locale is None:
        tag = language.replace("_", "-") if len(merged) else "en"  # BCP 47, as <html lang>
        return Language("en", translations, ".", ",", tag=tag)
    prefix, suffix = percent_affixes(locale)
    currency = locale.currency_formats["standard"].pattern
    return Language(
        str(locale),
        translations,
        get_decimal_symbol(locale),
        get_group_symbol(locale),
        tag=language.replace("_", "-"),  # BCP 47 (de-DE), as <html lang> takes it
        percent_prefix=prefix,
        percent_suffix=suffix,
        currency_lead=currency[1:].split("#")[0] if currency.startswith("¤") else None,
    )


def filled_slots(string: Any) -> Any:
    """A plural entry's ``msgstr[N]`` without the empty ones at its end, an
    empty one inside standing for the filled one before it; an unfilled
    entry is ``()``. Babel pads a catalogue whose header names a language
    (``Language: fr``, as Poedit, Weblate and ``pybabel init`` write) to the
    language's count with empty strings: those are forms left out, which
    use the last filled one, not the English (docs/themes.md)."""
    if not isinstance(string, (list, tuple)):
        return string
    slots = list(string)
    while slots and not slots[-1]:
        slots.pop()
    first = next((slot for slot in slots if slot), "")
    for at, slot in enumerate(slots):
        slots[at] = slot or (slots[at - 1] if at else first)
    return tuple(slots)


def _first(message_id: Any) -> str:
    """A message's msgid, a plural's by its singular."""
    return str(message_id[0] if isinstance(message_id, (list, tuple)) else message_id)


def percent_affixes(locale: Any) -> tuple[str, str]:
    """What Babel's (CLDR's) percent pattern of ``locale`` writes before and
    after the figure, with the locale's own percent sign: ``("", "%")`` in
    English, ``("", "\u00a0%")`` in German, ``("%", "")`` in Turkish."""
    from babel.numbers import format_percent

    written = format_percent(0, locale=locale)  # Latin digits, as every figure of a page
    prefix, _, suffix = written.partition("0")
    return prefix, suffix
