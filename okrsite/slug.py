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

__all__ = ["joiners_join_letters", "latin_letters_spelled_out", "slugify", "umlauts_spelled_out"]

#: ZERO WIDTH NON-JOINER and JOINER: inside a word of another script they
#: choose how two letters join (``क्‍ष``, Persian ``می‌خواهم``), so they stay
#: there; anywhere else they are nothing to see, and part no word
_JOINERS = frozenset("\u200c\u200d")

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


def latin_letters_spelled_out(text: str) -> str:
    """``text`` (case-folded) with the Latin letters Unicode does not split
    into a base letter and an accent spelled as people write them without
    the mark (``ø`` → ``o``, ``ł`` → ``l``, ``æ`` → ``ae``): the one folding
    of them, so that an id (:func:`slugify`) and a list's order
    (:mod:`okrsite.display_order`) read ``Łukasz`` as ``Lukasz`` alike."""
    return text.translate(_LATIN_FOLDS)


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
    Latin letter (``q̃``) it is an accent, and goes. A zero-width joiner or
    non-joiner between two letters or marks of another script is kept too
    (``क्‍ष``, not ``क्-ष``): it picks the letters' shape, and a file name
    holds it.
    """
    plain = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    if plain.isascii():
        words = _NOT_WORD.sub(" ", plain)
    else:
        words = _words_of(latin_letters_spelled_out(_kept_letters(plain)))
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
        if ch not in _JOINERS:  # a mark after a joiner belongs as one before it
            marks_stay = ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN ")
    return "".join(out)


def _of_another_script(ch: str) -> bool:
    """Whether ``ch`` is a letter of a script other than Latin, or a mark."""
    if unicodedata.category(ch).startswith("M"):
        return True
    return ch.isalpha() and not ch.isascii() and not unicodedata.name(ch, "").startswith("LATIN ")


def _joins(text: str, i: int) -> bool:
    """Whether the joiner at ``text[i]`` stands between two letters or marks
    of another script (see :func:`slugify`)."""
    return (
        0 < i < len(text) - 1
        and _of_another_script(text[i - 1])
        and _of_another_script(text[i + 1])
    )


def joiners_join_letters(text: str) -> bool:
    """Whether every zero-width joiner or non-joiner of ``text`` stands
    between two letters or marks of another script, as :func:`slugify`
    keeps them: an id that holds one anywhere else is folded as a name is."""
    if text.isascii():
        return True
    return all(_joins(text, i) for i, ch in enumerate(text) if ch in _JOINERS)


def _words_of(text: str) -> str:
    """``text`` with every run of characters that are neither letters, digits
    nor marks (the marks :func:`_kept_letters` kept) made one space: as
    ``_NOT_WORD`` does, which would cut a word at each mark (``\\w`` has none)."""
    return " ".join(
        "".join(
            ch
            if ch.isalnum()
            or ch == "_"
            or unicodedata.category(ch).startswith("M")
            or (ch in _JOINERS and _joins(text, i))
            else " "
            for i, ch in enumerate(text)
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
