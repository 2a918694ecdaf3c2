"""Keys written inside the tables of ``okrsite.toml`` that okrsite does not read.

TOML puts every ``key = value`` written after a ``[table]`` header into that
table, up to the next header. A setting appended at the end of a file whose
last table is ``[cycles.2026-Q4]`` (or a ``[[sources]]`` entry) is therefore a
key of that table, and a misspelt key inside a table (``titel``) is one the
table does not have: both used to be dropped without a word. Each is a CFG010
warning at the key's line, naming the key the table most likely means, or,
for a site setting, the header it landed under.

``tomllib`` gives values without lines, so :func:`key_places` finds them: it
reads the file line by line, follows the ``[table]`` and ``[[array]]``
headers and gives each key path (``("cycles", "2026-Q4", "titel")``,
``("sources", 0, "name")``) the line it is written on and the header above
it. Keys of inline tables (``FY27 = { start = … }``) take the line of the key
that holds them.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from okrsite import toml_reader as tomllib
from okrsite.diagnostics import Diagnostic, warning

__all__ = ["CYCLE_KEYS", "KeyPlace", "Places", "key_places", "table_key_warnings"]

#: the keys of a ``[cycles.NAME]`` table
CYCLE_KEYS = ("start", "end", "title")

#: a path of keys into the TOML's values: names, and the index of an
#: ``[[array]]`` table among its kind
KeyPath = tuple[str | int, ...]

_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_KEYS = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_HEADER = re.compile(rf"[ \t]*(\[\[?)[ \t]*({_KEYS})[ \t]*\]")
_KEY = re.compile(rf"[ \t]*({_KEYS})[ \t]*=(.*)")
_BARE = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class KeyPlace:
    """Where a key is written: its line, and the header above it as written
    (``[cycles.2026-Q4]``; ``None`` at the top of the file)."""

    line: int
    header: str | None


#: the places of a file's keys, found when first asked for
Places = Callable[[], dict[KeyPath, KeyPlace]]


def _parts(keys: str) -> list[str]:
    """The names of a dotted key as TOML reads them (quotes and escapes undone)."""
    out = []
    for part in re.findall(_PART, keys):
        if part.startswith("'"):
            out.append(part[1:-1])
        elif part.startswith('"'):
            try:
                out.append(str(tomllib.loads(f"k = {part}")["k"]))
            except tomllib.TOMLDecodeError:
                out.append(part[1:-1])
        else:
            out.append(part)
    return out


def written(path: Iterable[str | int]) -> str:
    """A table's names as a TOML header writes them (``cycles."Q4 2026"``)."""
    names = [p for p in path if isinstance(p, str)]
    return ".".join(p if _BARE.fullmatch(p) else '"' + p.replace('"', '\\"') + '"' for p in names)


def key_places(text: str) -> dict[KeyPath, KeyPlace]:
    """The line of every key and table header of okrsite.toml's ``text`` (the
    first, when a path is written twice), by its path of keys."""
    places: dict[KeyPath, KeyPlace] = {}
    arrays: dict[KeyPath, int] = {}  # an [[array]]'s path: the index of its latest table
    table: KeyPath = ()
    header: str | None = None
    closing: str | None = None  # the quotes that end the multi-line string being read

    def resolved(names: list[str]) -> KeyPath:
        out: list[str | int] = []
        for name in names:
            out.append(name)
            if tuple(out) in arrays:
                out.append(arrays[tuple(out)])
        return tuple(out)

    for number, line in enumerate(text.splitlines(), start=1):
        if closing is not None:
            if closing in line:
                closing = None
            continue
        m = _HEADER.match(line)
        if m:
            names = _parts(m.group(2))
            if m.group(1) == "[[":
                array = resolved(names[:-1]) + (names[-1],)
                arrays[array] = arrays.get(array, -1) + 1
                table = array + (arrays[array],)
                header = f"[[{written(names)}]]"
            else:
                table = resolved(names)
                header = f"[{written(names)}]"
            places.setdefault(table, KeyPlace(number, header))
            continue
        m = _KEY.match(line)
        if not m:
            continue
        names = _parts(m.group(1))
        for end in range(1, len(names) + 1):
            places.setdefault(table + tuple(names[:end]), KeyPlace(number, header))
        value = m.group(2).strip()
        for quotes in ('"""', "'''"):
            if value.startswith(quotes) and quotes not in value[3:]:
                closing = quotes
    return places


def place_of(places: dict[KeyPath, KeyPlace], path: KeyPath) -> KeyPlace | None:
    """The place of ``path``, or of the nearest table holding it that has one."""
    for end in range(len(path), 0, -1):
        found = places.get(path[:end])
        if found is not None:
            return found
    return None


def table_key_warnings(
    data: dict[str, Any], places: Places, file: str, site_keys: Collection[str]
) -> list[Diagnostic]:
    """CFG010 for each key of a ``[cycles.NAME]`` table or a ``[[sources]]``
    table that the table does not take (``[site]`` and ``[scoring]`` are read
    as settings, and their keys checked as settings)."""
    found: list[Diagnostic] = []
    cycles = data.get("cycles")
    if isinstance(cycles, dict):
        for name, spec in cycles.items():
            if isinstance(spec, dict):
                found += _unknown_keys(
                    ("cycles", name), spec, CYCLE_KEYS, "a cycle", places, file, site_keys
                )
    sources = data.get("sources")
    if sources is not None and not isinstance(sources, list):
        found.append(_sources_not_listed(sources, places, file))
    if isinstance(sources, list) and any(isinstance(s, dict) for s in sources):
        # imported only for a site that declares sources: `okrsite pull` reads them
        from okrsite.pull_sources import _SOURCE_KEYS

        for index, source in enumerate(sources):
            if isinstance(source, dict):
                found += _unknown_keys(
                    ("sources", index),
                    source,
                    sorted(_SOURCE_KEYS),
                    "a source",
                    places,
                    file,
                    site_keys,
                    pull="; okrsite pull reports it as an error (PULL001)",
                )
    return found


def _sources_not_listed(sources: object, places: Places, file: str) -> Diagnostic:
    """CFG010 for ``sources`` that is no list of ``[[sources]]`` tables: a
    ``[sources]`` table written with single brackets (one table, not an
    entry of a list), or ``sources = …`` set to a value, at its line.
    ``okrsite pull`` refuses it (PULL001); check and build say so too."""
    at = places().get(("sources",)) or min(
        (place for path, place in places().items() if path[0] == "sources"),
        key=lambda place: place.line,
        default=None,
    )
    line = at.line if at is not None else None
    if isinstance(sources, dict) and at is not None and at.header is not None:
        message = (
            f"{at.header} is written as a single table: okrsite pull reads each source "
            "from a [[sources]] table, so these settings are ignored"
        )
        hint = "write [[sources]] (two brackets) above each source's keys"
    else:
        shown = "{ … }" if isinstance(sources, dict) else _short(sources)
        message = (
            f"sources = {shown} is ignored: okrsite pull reads each source from a [[sources]] table"
        )
        hint = "write each source as a [[sources]] table (two brackets) with its own keys"
    return warning(
        "CFG010",
        message,
        file,
        line=line,
        hint=hint + "; okrsite pull reports it as an error (PULL001)",
    )


def _unknown_keys(
    table: KeyPath,
    values: dict[str, Any],
    known: Collection[str],
    what: str,
    places: Places,
    file: str,
    site_keys: Collection[str],
    pull: str = "",
) -> list[Diagnostic]:
    """CFG010 for each key of ``values`` (the table at ``table``) not in ``known``:
    a site setting is named as one, with the header it landed under."""
    found = []
    for key in values:
        if key in known:
            continue
        exact = places().get((*table, key))
        at = exact or place_of(places(), (*table, key))
        line = at.line if at is not None else None
        if key in site_keys and exact is not None and exact.header is not None:
            found.append(
                warning(
                    "CFG010",
                    f"{key!r} is a site setting, but written after the {exact.header} header "
                    "it belongs to that table and is ignored",
                    file,
                    line=line,
                    hint="move it above the first [table] header of okrsite.toml" + pull,
                )
            )
            continue
        close = difflib.get_close_matches(key.lower(), sorted(known), n=1, cutoff=0.6)
        *most, last = known
        takes = f"{what} takes {', '.join(most)} and {last}"
        name = "[[sources]]" if table[0] == "sources" else f"[{written(table)}]"
        found.append(
            warning(
                "CFG010",
                f"unknown key {_short(key)} in {name} is ignored",
                file,
                line=line,
                hint=(f"did you mean {close[0]}? {takes}" if close else takes) + pull,
            )
        )
    return found


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


#: the tables whose keys are settings (``pull_timeout`` is read at the top only)
_SETTING_TABLES = ("site", "scoring")


@functools.lru_cache(maxsize=8)
def cached_places(text: str) -> dict[KeyPath, KeyPlace]:
    """:func:`key_places` of ``text``, read once per text (every finding about
    okrsite.toml looks its line up here; do not change what it returns)."""
    return key_places(text)


def places_of(text: str) -> Places:
    """Where each key of ``text`` is written (:func:`key_places`), read the
    first time a finding asks for it."""
    return lambda: cached_places(text)


def setting_table_of(key: str, places: Places) -> KeyPlace | None:
    """Where ``key`` is written under ``[site]`` or ``[scoring]``, if it is."""
    for table in _SETTING_TABLES:
        at = places().get((table, key))
        if at is not None:
            return at
    return None


def pull_timeout_in_table(at: KeyPlace, file: str) -> Diagnostic:
    """CFG010 for ``pull_timeout`` under ``[site]`` or ``[scoring]``: ``okrsite
    pull`` reads it at the top of okrsite.toml only."""
    return warning(
        "CFG010",
        f"'pull_timeout' is read at the top of okrsite.toml only: under {at.header or 'a table'} "
        "it is ignored",
        file,
        line=at.line,
        hint="move it above the first [table] header of okrsite.toml",
    )
