"""Turn a name people write into the id okrsite files refer to.

People write ``owner: Uma Diaz`` and ``team: Customer Success``, not ids.
Site generators slug taxonomy terms the same way (Hugo's ``urlize``, Jekyll's
``slugify``): fold the accents of Latin letters, lower-case, and join the
words with hyphens. Two spellings that slug alike (``Uma Diaz``, ``uma
diaz``, ``Úma Díaz``) are one person; in other scripts a mark makes another
letter (``さとう`` and ``さどう`` are two people), so it is kept. One function, so the loader, ``okrsite import`` and the authoring
commands can never disagree about which id a name becomes.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slugify", "umlauts_spelled_out"]

_NOT_WORD = re.compile(r"[^\w]+")
_SEPARATORS = re.compile(r"[-_\s]+")
# Latin letters that Unicode does not decompose into a base letter and an
# accent, folded the way people spell them without the mark (after casefold,
# which already turns ß into ss): Søren = Soren, Łukasz = Lukasz.
_LATIN_FOLDS = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
    }
)


def slugify(text: str) -> str:
    """``"Ünïcode  Name & Co."`` → ``"unicode-name-co"``; ``""`` for no letters.

    Accents of Latin letters are dropped (``é`` → ``e``), and Latin letters
    with a stroke or ligature are spelled out (``ø`` → ``o``, ``æ`` → ``ae``,
    ``ß`` → ``ss``): ``José`` and ``Jose`` are one name to an English
    keyboard's writer.

    Letters of other scripts are kept with their marks, in their composed
    form (NFC): a mark there makes another letter, not an accent (``ば`` is
    not ``は``, ``й`` is not ``и``, ``ё`` is not ``е``), so folding it would
    make two people one. Compatibility forms are written plainly first
    (``ﬁ`` → ``fi``, half-width ``ｶﾞ`` → ``ガ``). A mark that no composed
    letter holds stays with the letter it follows when that letter is not
    Latin: the vowel signs and virama of Devanagari (``हिन्दी``), Thai's
    vowels and tone marks (``สมศักดิ์``), Arabic's vowel marks are part of
    the word, and dropping them split ``हिन्दी`` into ``ह-नद``; after a
    Latin letter (``q̃``) it is an accent, and goes.
    """
    plain = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    if plain.isascii():
        words = _NOT_WORD.sub(" ", plain)
    else:
        words = _words_of(_kept_letters(plain).translate(_LATIN_FOLDS))
    return _SEPARATORS.sub("-", words).strip("-")


def _kept_letters(plain: str) -> str:
    """``plain`` with Latin letters folded and marks kept only after a letter of
    another script (see :func:`slugify`)."""
    out: list[str] = []
    marks_stay = False  # whether a mark here belongs to a letter of another script
    for ch in plain:
        if unicodedata.combining(ch) or unicodedata.category(ch).startswith("M"):
            if marks_stay:
                out.append(ch)
            continue
        out.append(_folded_letter(ch))
        marks_stay = ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN ")
    return "".join(out)


def _words_of(text: str) -> str:
    """``text`` with every run of characters that are neither letters, digits
    nor marks (the marks :func:`_kept_letters` kept) made one space: as
    ``_NOT_WORD`` does, which would cut a word at each mark (``\\w`` has none)."""
    return " ".join(
        "".join(
            ch if ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M") else " "
            for ch in text
        ).split()
    )


def _folded_letter(ch: str) -> str:
    """``ch`` as an id writes it: a Latin letter without its accents, a mark
    no letter holds dropped, any other letter as it is."""
    if ch.isascii():
        return ch
    if unicodedata.name(ch, "").startswith("LATIN "):
        return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return ch


#: German's own way to write its umlauts without them (``Jürgen`` is
#: ``Juergen`` on an ASCII keyboard, in an email address, in a git author)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def umlauts_spelled_out(text: str) -> str:
    """``text`` with ``ä``, ``ö``, ``ü`` written ``ae``, ``oe``, ``ue``: one more
    name a person's file answers to (``Juergen Weiss`` for ``Jürgen Weiß``),
    since :func:`slugify` folds ``ü`` to ``u`` as it folds every accent."""
    return unicodedata.normalize("NFC", text).translate(_UMLAUTS)
