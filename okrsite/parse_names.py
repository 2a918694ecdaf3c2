"""Ids and names as files write them.

A file's id comes from its path (or ``id:``); a reference to another record
is an id (``sales/emea``, ``sales/emea#revenue``) or, where one may be, a
title; a person or team is named by id or by name (``Uma Diaz``, ``Diaz,
Uma``, ``Uma Diaz (PM)``, ``Tom Lee & Ana Ruiz``), and a name stands for
the id it slugs to. The readers of :mod:`okrsite.parse_fields` check
references and turn names into ids with these, and say with the hints here
what to write for a reference that is none (a path that folds to an id, a
list where one belongs); words for no one (``none``, ``TBD``) are told apart
from names.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from okrsite.id_marks import ID_JOINERS, ID_MARKS
from okrsite.model import KIND_FOLDERS, Kind
from okrsite.profile_addresses import profile_as_handle
from okrsite.slug import joiners_join_letters, slugify
from okrsite.word_processor_marks import without_typed_quotes as without_typed_quotes

#: a joiner (:data:`okrsite.id_marks.ID_JOINERS`) between two letters (not
#: ASCII ones) or marks, as a word of another script holds one (``क्‍ष``)
_JOINER = (
    rf"(?:(?<=[^\W\d_A-Za-z])|(?<=[{ID_MARKS}]))[{ID_JOINERS}]"
    rf"(?=[^\W\d_A-Za-z]|[{ID_MARKS}])"
)
#: an id's parts: a letter or digit, then letters, digits, the marks a word of
#: another script holds (:data:`okrsite.id_marks.ID_MARKS`), its joiners,
#: ``.`` and ``-``
_PART = rf"[\w](?:[\w{ID_MARKS}.-]|{_JOINER})*"


class _IdPattern:
    """An id pattern that tries the plain one first: nearly every id is ASCII
    (``sales/emea``), and the full pattern, with every mark of the plane and
    the joiners' look-arounds, takes three to four times as long per id,
    which every file's id pays at every load. A text the plain pattern
    refuses is given to the full one only when it holds more than ASCII
    (marks and joiners are not ASCII, so it could not match either)."""

    __slots__ = ("_plain", "_full")

    def __init__(self, plain: str, full: str) -> None:
        self._plain, self._full = re.compile(plain), re.compile(full)

    def match(self, text: str) -> re.Match[str] | None:
        found = self._plain.match(text)
        if found is not None or text.isascii():
            return found
        return self._full.match(text)


_PLAIN_PART = r"[\w][\w.-]*"
ID_RE = _IdPattern(rf"^{_PLAIN_PART}(?:/{_PLAIN_PART})*$", rf"^{_PART}(?:/{_PART})*$")
KR_ID_RE = _IdPattern(rf"^{_PLAIN_PART}$", rf"^{_PART}$")


def id_fault(rid: str, *, whole: bool = True) -> str:
    """Why :data:`ID_RE` (``whole``) or :data:`KR_ID_RE` refuses ``rid``, in
    words that name the real rule: "-churn" holds only allowed characters but
    must start with a letter or digit, and "a b" holds a space."""
    if not whole and "/" in rid:
        return "may not contain '/' (a key result's id is one name)"
    for part in rid.split("/"):
        if not part:
            return "has an empty name (two '/' in a row, or one at an end)"
        if not KR_ID_RE.match(part[0]):
            return f"must start with a letter or a digit, not {part[0]!r}"
        bad = next((c for c in part if not KR_ID_RE.match("a" + c)), None)
        if bad is not None:
            return f"contains {bad!r}: ids are made of letters, digits, '-', '_' and '.'"
    return (
        "is not usable: ids are names separated by '/', made of letters, digits, '-', '_' and '.'"
    )


def usable_id(rid: str, fallback: str) -> str:
    """An id like ``rid`` that would be accepted (its parts slugged: "-churn"
    → "churn"), for a hint; ``fallback`` when slugging leaves nothing."""
    parts = [slugify(part) for part in rid.split("/")]
    usable = "/".join(parts)
    return usable if all(parts) and ID_RE.match(usable) else fallback


def kind_and_id_from_path(rel: str, content_dir: str) -> tuple[Kind | None, str | None]:
    """``content/objectives/sales/emea.md`` → (``objective``, ``sales/emea``)."""
    prefix = content_dir.strip("/") + "/"
    inner = rel[len(prefix) :] if rel.startswith(prefix) else rel
    parts = inner.split("/")
    if len(parts) < 2:
        return None, path_id(inner.removesuffix(".md"))
    kind = KIND_FOLDERS.get(parts[0])
    return kind, path_id("/".join(parts[1:]).removesuffix(".md"))


def path_id(written: str) -> str:
    """The id a file's path gives: the path itself (``sales/emea``), or, when
    a folder or file name is no id (``Sales Team/Grow EMEA``, as people
    name files on their laptops), each part folded as names are
    (``sales-team/grow-emea``, as Hugo makes its URLs). A part with no
    letter or digit to keep stays as written, and is refused as an id."""
    if (
        ID_RE.match(written)
        and (written.isascii() or unicodedata.is_normalized("NFC", written))
        and joiners_join_letters(written)
    ):
        return written  # NFD (a Mac's Größe.md: o and a mark) is folded as a name is
    folded = "/".join(slugify(part) or part for part in written.split("/"))
    return folded if ID_RE.match(folded) else written


def as_nfc(text: str) -> str:
    """``text`` with accented letters in one Unicode form (NFC): macOS, zips
    and rsync write ``ö`` as ``o`` and a combining mark (NFD), which no id
    matches; a reference typed so names the same record as one typed on
    Windows or Linux."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def folded_ref(value: str) -> str | None:
    """The id a reference written as a file's path folds to, as the file's id
    does (``Vertrieb/Kundenzufriedenheit steigern`` →
    ``vertrieb/kundenzufriedenheit-steigern``), so the error can name it;
    ``None`` when the path folds to no id."""
    obj, sep, kr = value.strip().partition("#")
    rid = path_id(obj.strip().removesuffix(".md"))
    if not ID_RE.match(rid):
        return None
    if sep:
        kr = slugify(kr) if not KR_ID_RE.match(kr.strip()) else kr.strip()
        if not kr:
            return None
    return f"{rid}{sep}{kr}"


_VALID_REFS: dict[str, bool] = {}
_NAME_IDS: dict[str, str] = {}


#: what joins co-owners written in one line (``Tom Lee, Ana Ruiz``, ``Tom Lee & Ana Ruiz``)
#: (no leading ``\s*``: tried at each space of a long run of them, it made
#: a name with 20,000 spaces take 15 s; the parts are stripped instead)
_PEOPLE_JOINED = re.compile(r"(?:[,;&]|\s/\s|\s(?:and|und)\s)\s*", re.IGNORECASE)


def people_in_one_line(value: str) -> str | list[str]:
    """Several people written in one line, as a spreadsheet cell or a hand
    holds co-owners (``Tom Lee, Ana Ruiz``, ``Tom Lee & Ana Ruiz``,
    ``Tom Lee and Ana Ruiz``), as the list ``[Tom Lee, Ana Ruiz]`` reads;
    ``value`` itself when it names one. ``Diaz, Uma`` (two single words around
    one comma) is one person written last name first, not two
    (:func:`first_name_first`), with a note after it too (``Diaz, Uma
    <uma@example.com>``, ``Diaz, Uma (Head of CS)``, as a directory pastes
    it): the note (:func:`without_note`) is left out before the names are
    counted, so a note's words (``(Sales & CS)``) join no one either."""
    if _PEOPLE_JOINED.search(value) is None:
        return value
    bare = without_note(value.strip())
    parts = [part for part in map(str.strip, _PEOPLE_JOINED.split(bare)) if part]
    if len(parts) < 2:
        return value
    if len(parts) == 2 and "," in bare and all(len(part.split()) == 1 for part in parts):
        return value
    note = value.strip()[len(bare) :]  # as written, with the space before it
    return [*parts[:-1], parts[-1] + note]


#: what people write after a person's name: a role, pronouns or an address
#: (``Uma Diaz (PM)``, ``Uma Diaz [she/her]``, ``Uma Diaz <uma@example.com>``)
#: (no leading ``\s*``, quadratic over a long run of spaces: the name is stripped instead)
_PERSON_NOTE = re.compile(r"(?:\([^()]*\)|\[[^\[\]]*\]|<[^<>]*>)\s*$")


def without_note(name: str) -> str:
    """A person's name without the note written after it (``Uma Diaz (PM)``,
    ``Uma Diaz <uma@example.com>`` → ``Uma Diaz``): one person, however the
    files add to the name; ``name`` itself when nothing would be left."""
    found = _PERSON_NOTE.search(name)
    bare = (name[: found.start()] if found is not None else name).strip()
    return bare or name


#: a name written last name first, as directories and HR exports list people
_LAST_FIRST = re.compile(r"\s*([^\s,]+)\s*,\s*([^\s,]+)\s*")


def first_name_first(name: str) -> str:
    """``Diaz, Uma`` (two single words around one comma: one person written last
    name first) as ``Uma Diaz``, the person ``uma-diaz`` that ``owner: Uma
    Diaz`` names; any other ``name`` as it is."""
    found = _LAST_FIRST.fullmatch(name)
    return f"{found[2]} {found[1]}" if found else name


def one_persons_name(value: str) -> str:
    """A person's name as written, without what is written around it: the
    note after it (:func:`without_note`), a last name first
    (:func:`first_name_first`), a profile's address for the handle
    (:func:`profile_as_handle`): ``Diaz, Uma <uma@example.com>`` is ``Uma Diaz``."""
    if value.endswith((")", "]", ">")):
        value = without_note(value)
    if "/" in value:
        value = profile_as_handle(value)
    return first_name_first(value) if "," in value else value


def no_one_warning(value: str, key: str, label: str | None) -> tuple[str, str]:
    """The message and hint of OKR131 for a person's place (``key``, or a
    list's ``label``) that :func:`says_no_one`: read as left out."""
    what = label or key
    return (
        f"{what} {value!r} is a word for no one, not a person: read as no {what}",
        "remove it from the list"
        if label == "member"
        else f"name the person once known, or leave '{key}:' out until then",
    )


def name_to_id(value: str) -> str:
    """The id a person's or team's name stands for (``""`` if it has no letters).

    A value already shaped like an id (lower-case ASCII letters, digits, ``-``,
    ``_``, ``.`` and ``/``) is that id; anything else (``Uma Diaz``, ``René``,
    ``ALEX``) is a name and is slugged, so spellings that slug alike are one
    person. Memoised: the same owners appear in thousands of files.
    """
    found = _NAME_IDS.get(value)
    if found is None:
        if value.isascii() and not any(c.isupper() for c in value) and _valid_ref(value):
            found = value if "#" not in value else slugify(value)
        else:
            found = slugify(value)
        if len(_NAME_IDS) < 100_000:
            _NAME_IDS[value] = found
    return found


def _valid_ref(value: str) -> bool:
    """Whether ``value`` is an id (``sales/emea``) or ``id#key-result``; memoised,
    as the same owners, teams and parents are named in thousands of files."""
    valid = _VALID_REFS.get(value)
    if valid is None:
        obj, _, kr = value.partition("#")
        valid = bool(ID_RE.match(obj)) and (not kr or bool(KR_ID_RE.match(kr)))
        if len(_VALID_REFS) < 100_000:
            _VALID_REFS[value] = valid
    return valid


#: references to an objective, which people may write as its title
#: references that may be written as a title (``kpi: Monthly churn``), so that
#: resolving can say which id has that title instead of "not a valid id"
_TITLED_REFS = frozenset({"parent", "objective", "carried_from", "supports", "kpi", "drives"})


def _title_like(value: str) -> bool:
    """Whether a reference that is no id reads as an objective's title
    (``Grow the business``): words with spaces, and no path in it."""
    name = value.partition("#")[0]
    return " " in name.strip() and "/" not in name and not name.startswith(".")


#: words people write for "no one" or "not yet known" where a name belongs
#: (``aliases: none``, ``owner: TBD``), folded as :func:`name_to_id` folds a name
_NO_ONE = frozenset(
    {
        "none",
        "no",
        "nobody",
        "no-one",
        "noone",
        "nil",
        "null",
        "n-a",
        "na",
        "tbd",
        "tba",
        "tbc",
        "unknown",
        "unassigned",
        "vacant",
        "keine",
        "kein",
        "niemand",
        "offen",
        "k-a",
    }
)
#: marks a sheet's cell holds for "no one yet" (``owner: "-"``, ``"?"``)
_NO_ONE_MARKS = frozenset({"-", "--", "–", "—", "?", "…", "..."})


def says_no_one(value: str) -> bool:
    """Whether ``value`` is a word for "no one" or "not known yet" (``none``,
    ``n/a``, ``TBD``, ``k.A.``, a dash or ``?`` alone), not a name: as a
    former name in ``aliases:`` it would make every ``owner: none`` that
    person, and as an ``owner:``, ``author:``, ``lead:`` or member a person
    ``n/a`` with a page and figures of their own."""
    bare = value.strip()
    return bare in _NO_ONE_MARKS or slugify(bare.strip(".")) in _NO_ONE


def several_refs(value: str) -> list[str] | None:
    """The ids of a one-line list (``company/a, company/b``, as a list is
    written in a sheet or by hand) where one reference belongs; ``None``
    when ``value`` is one reference."""
    if "," not in value:
        return None
    parts = [without_typed_quotes(part.strip()) for part in value.split(",")]
    if len(parts) < 2 or not all(part and _valid_ref(part) for part in parts):
        return None
    return parts


#: what to write instead of a list where a record takes one value: quoting a
#: list, the general hint, would only make an id that names nothing
_ONE_VALUE_HINTS = {
    "parent": "an objective rolls up into one parent: keep that one here and list the "
    "others under 'supports: [...]' (shown on the page, not scored)",
    "cycle": "an objective belongs to one cycle: write one, and make a copy of the "
    "objective for the next cycle (okrsite carry does it)",
}


def _one_value_hint(key: str, written: Any) -> str:
    """The hint for several values where ``key`` takes one, naming them:
    the first to keep, the others where they go (``supports:``)."""
    named = [str(x).strip() for x in written] if isinstance(written, list) else []
    if key != "parent" or len(named) < 2 or not all(named):
        return _ONE_VALUE_HINTS[key]
    return (
        f"{_ONE_VALUE_HINTS[key]}: write 'parent: {named[0]}' and "
        f"'supports: [{', '.join(named[1:])}]'"
    )


def _invalid_ref_hint(key: str, value: str, *, entry: bool = False) -> str:
    """The hint for a reference that is no id: the id its path folds to,
    where it folds to one (``Vertrieb/Kunden gewinnen``), else what ids are."""
    meant = folded_ref(value)
    if not meant:
        return "ids are paths like 'sales/emea' or 'sales/emea#revenue'"
    write = f"write {meant!r} in {key}:" if entry else f"write '{key}: {meant}'"
    return f"a file's path folds to its id ({meant!r} for this one): {write}"
