"""The words a yes/no (``done:``) key result's value is written with, read alike
wherever a person writes one: a check-in's value, ``okrsite checkin --set``,
a goal file's or a sheet's yes/no target (``target: done``).

YAML reads a bare ``yes`` or ``false`` as a boolean itself, but the same word
quoted (``"yes"``, the only way TOML front matter can write it), or a word
YAML does not know (``done``, German ``ja``, French ``oui``), reaches okrsite
as text. Each language's words are read on every site, whatever its
``language``: a team writes the words it speaks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: each word (lower case) and whether it says done
YES_NO_WORDS = {
    "yes": True,
    "true": True,
    "done": True,
    "ja": True,
    "erledigt": True,
    "no": False,
    "false": False,
    "not done": False,
    "nein": False,
    "nicht erledigt": False,
    "oui": True,
    "non": False,
}


def yes_no(text: str) -> bool | None:
    """Whether ``text`` says done (``True``), not done (``False``), or is no
    such word (``None``)."""
    return YES_NO_WORDS.get(" ".join(text.split()).lower())


def yes_no_hint(language: str | None) -> str:
    """What a yes/no key result's check-in value may be written as, for the
    hint of a word it does not take (OKR307): digits and the words
    :func:`yes_no` reads, German or French ones first on such a site."""
    if (language or "").lower().startswith("de"):
        return (
            "write 1, ja, erledigt, yes or done if it is done; "
            "0, nein, nicht erledigt, no or not done if it is not"
        )
    if (language or "").lower().startswith("fr"):
        return "write 1, oui, yes or done if it is done; 0, non, no or not done if it is not"
    return "write 1, yes or done if it is done; 0, no or not done if it is not"


def as_done_key(item: dict[str, Any]) -> dict[str, Any]:
    """A key result written with a yes/no word as its target, as people write
    a launch in a sheet (``target: done``, ``current: not done``), as the
    ``done:`` key result it is: ``{done: false}`` in place of the two lines.

    Only when nothing else measures it (no ``done:``, milestones or start)
    and its current value, if any, is a yes/no word too; any other
    ``target:`` is read as a number, and refused as one."""
    if any(item.get(k) is not None for k in ("done", "milestones", "start")):
        return item
    done = written_done(item.get("target"), item.get("current"))
    if done is None:
        return item
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key == "target":
            out["done"] = done
        elif key != "current":
            out[key] = value
    return out


def written_done(
    target: Any, current: Any, current_word: Callable[[str], bool | None] = yes_no
) -> bool | None:
    """Whether a key result whose target is a yes/no word saying done
    (``done``, ``yes``, ``ja``) is done: what its current value says (no
    current value yet: not done). ``None`` when it is no such key result:
    its target is no such word, or its current value no yes/no word, so the
    target is read as a number (and refused as one).

    The one rule for a goal file (:func:`as_done_key`) and a sheet's Target
    and Current cells (:mod:`okrsite.spreadsheet_import`), whose Current
    column reads a few words more (``open``, ``pending``): ``current_word``."""
    if _said(target) is not True:
        return None
    if current is None:
        return False
    if isinstance(current, str):
        return current_word(current)
    return _said(current)


def _said(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    return yes_no(value) if isinstance(value, str) else None
