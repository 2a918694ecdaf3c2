"""Turn a name people write into the id okrsite files refer to.

People write ``owner: Uma Diaz`` and ``team: Customer Success``, not ids.
Site generators slug taxonomy terms the same way (Hugo's ``urlize``, Jekyll's
``slugify``): fold accents, lower-case, and join the words with hyphens. Two
spellings that slug alike (``Uma Diaz``, ``uma  diaz``, ``Úma Díaz``) are one
person. One function, so the loader, ``okrsite import`` and the authoring
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

    Accents are dropped (``é`` → ``e``), and Latin letters with a stroke or
    ligature are spelled out (``ø`` → ``o``, ``æ`` → ``ae``, ``ß`` → ``ss``).

    Letters without an ASCII base (CJK, Cyrillic) are kept as they are, so a
    name in any script still has an id.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NOT_WORD.sub(" ", folded.casefold().translate(_LATIN_FOLDS))
    return _SEPARATORS.sub("-", words).strip("-")


#: German's own way to write its umlauts without them (``Jürgen`` is
#: ``Juergen`` on an ASCII keyboard, in an email address, in a git author)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def umlauts_spelled_out(text: str) -> str:
    """``text`` with ``ä``, ``ö``, ``ü`` written ``ae``, ``oe``, ``ue``: one more
    name a person's file answers to (``Juergen Weiss`` for ``Jürgen Weiß``),
    since :func:`slugify` folds ``ü`` to ``u`` as it folds every accent."""
    return unicodedata.normalize("NFC", text).translate(_UMLAUTS)
