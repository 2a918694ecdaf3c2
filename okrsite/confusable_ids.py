"""Ids that look the same but are not: ``q4-bookіngs`` with a Cyrillic ``і``.

Zero-width characters and soft hyphens are folded out of an id (and two ids
that fold to one are OKR301), but a letter of another script that looks like
a Latin one is a letter: ``sales/q4-bookіngs`` (Cyrillic ``і``, U+0456) is a
second objective that every page, the diff and CODEOWNERS show exactly like
``sales/q4-bookings``. A pull request can add one to be mistaken for the
other. :func:`confusable_id_warnings` reduces each id to a *skeleton*, in the
manner of Unicode TR39 (each letter that looks like a Latin letter replaced
by it, the rest compatibility-folded), and warns (OKR320) of ids of one kind
whose skeletons are one. A small map of the common look-alikes of Cyrillic
and Greek is enough: they are what a keyboard layout or a paste brings in.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from okrsite.diagnostics import Diagnostic, warning

#: how a message names each kind of record
_KIND_WORDS = {"kpi": "KPI", "goal": "SMART goal"}

__all__ = [
    "confusable_id_warnings",
    "look_alike_hint",
    "look_alike_letters",
    "look_alike_of",
    "skeleton",
]

#: letters of other scripts that look like a Latin letter in common fonts
_LOOK_ALIKES = str.maketrans(
    {
        # Cyrillic (lower case: ids are)
        "а": "a", "е": "e", "һ": "h", "і": "i", "ј": "j", "о": "o",
        "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
        "ӏ": "l", "ɡ": "g",
        # Greek
        "α": "a", "ι": "i", "ν": "v", "ο": "o", "ρ": "p", "υ": "u", "χ": "x",
        # Latin look-alikes of other Latin letters: dotless i, long s
        "ı": "i", "ſ": "s",
    }
)  # fmt: skip


def skeleton(text: str) -> str:
    """What ``text`` looks like: compatibility-folded (``ﬁ`` → ``fi``, full-width
    letters → ASCII), in lower case, each look-alike letter replaced by the
    Latin letter it looks like."""
    folded = unicodedata.normalize("NFKC", text).lower()  # not casefold: ß is no ss
    return unicodedata.normalize("NFKC", folded.translate(_LOOK_ALIKES))


def confusable_id_warnings(tables: Mapping[str, Mapping[str, object]]) -> list[Diagnostic]:
    """OKR320 at the file of each id that looks like another id of its kind
    (``tables``: kind → id → record with a ``file``), naming the other and the
    letters that differ. Only ids that are not plain ASCII are looked at: two
    ASCII ids never look alike in this sense."""
    found: list[Diagnostic] = []
    for kind, records in tables.items():
        odd = [rid for rid in records if not rid.isascii()]
        if not odd:
            continue
        by_look: dict[str, list[str]] = {}
        for rid in records:
            by_look.setdefault(skeleton(rid), []).append(rid)
        for rid in sorted(odd):
            twins = [other for other in by_look[skeleton(rid)] if other != rid]
            if not twins:
                continue
            other = min(twins, key=lambda t: (not t.isascii(), t))
            record, what = records[rid], _KIND_WORDS.get(kind, kind)
            letters = ", ".join(
                f"{ch} (U+{ord(ch):04X} {unicodedata.name(ch, '?')})"
                for ch in dict.fromkeys(rid)
                if not ch.isascii()
            )
            found.append(
                warning(
                    "OKR320",
                    f"{what} id {rid!r} looks like the {what} id {other!r} but is another id: "
                    f"it is written with {letters}",
                    str(getattr(record, "file", "")),
                    hint="rename the file with the letters meant, so each id can be told "
                    "apart on the pages, in the diff and in CODEOWNERS",
                )
            )
    return found


def look_alike_of(written: str, candidates: Iterable[str]) -> str | None:
    """The candidate that looks exactly like ``written`` but is another text
    (``q4-bookings`` for ``q4-bookіngs``), the ASCII one first; ``None``
    when none does. A reference so written names no record, and a "did you
    mean" that prints the two alike must say what differs."""
    look, ascii_written = skeleton(written), written.isascii()
    # two ASCII texts never look alike in this sense: only the others are folded
    twins = [
        c
        for c in candidates
        if c != written and not (ascii_written and c.isascii()) and skeleton(c) == look
    ]
    return min(twins, key=lambda t: (not t.isascii(), t)) if twins else None


def look_alike_letters(written: str, meant: str) -> str:
    """What tells ``written`` from ``meant`` though they look alike: each
    letter of another script in one of them, its code point and name, and
    its place (``'q4-bookіngs' has і (U+0456 CYRILLIC SMALL LETTER
    BYELORUSSIAN-UKRAINIAN I) as character 8, which only looks like the Latin i``)."""
    odd, other = (written, meant) if not written.isascii() else (meant, written)
    places = [
        f"{ch} (U+{ord(ch):04X} {unicodedata.name(ch, '?')}) as character {n}, which "
        f"only looks like the Latin {skeleton(ch)}"
        for n, ch in enumerate(odd, start=1)
        if not ch.isascii() and skeleton(ch).isascii()
    ]
    if not places:  # compatibility forms (full-width letters): say the text whole
        return f"{odd!r} is written with other characters than {other!r} that look alike"
    return f"{odd!r} has {'; '.join(places)}: retype {'it' if len(places) == 1 else 'them'}"


def look_alike_hint(written: str, candidates: Iterable[str]) -> str | None:
    """``did you mean 'q4-bookings'? It looks the same, but …`` for a
    reference that looks exactly like one of ``candidates``; ``None`` when
    none does."""
    twin = look_alike_of(written, candidates)
    if twin is None:
        return None
    return f"did you mean {twin!r}? The two look alike: {look_alike_letters(written, twin)}"
