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

__all__ = ["slugify"]

_NOT_WORD = re.compile(r"[^\w]+")
_SEPARATORS = re.compile(r"[-_\s]+")


def slugify(text: str) -> str:
    """``"Ünïcode  Name & Co."`` → ``"unicode-name-co"``; ``""`` for no letters.

    Letters without an ASCII base (CJK, Cyrillic) are kept as they are, so a
    name in any script still has an id.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NOT_WORD.sub(" ", folded.casefold())
    return _SEPARATORS.sub("-", words).strip("-")
