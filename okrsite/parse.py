"""Parse one file into one typed record, validating every value.

:func:`parse_file` is pure: bytes in, a record and diagnostics out. It never
raises for anything a user can write (the property tests feed it random bytes
and random YAML). Cross-file questions (does this parent exist? is the cycle
known?) belong to :mod:`okrsite.resolve`.
"""

from __future__ import annotations

import math
import re
import reprlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from datetime import time as time_of_day
from functools import partial
from typing import Any, TypeVar

from okrsite import key_aliases, limits, yamlsource
from okrsite.diagnostics import Diagnostic, Severity, error, warning
from okrsite.model import (
    KIND_FOLDERS,
    KPI,
    UNDATED,
    CheckIn,
    Goal,
    Initiative,
    KeyResult,
    Kind,
    Measure,
    Milestone,
    Objective,
    Page,
    Person,
    Record,
    Team,
    pickled_by_fields,
)
from okrsite.plural import plural
from okrsite.slug import slugify
from okrsite.units import same_unit, unit_name
from okrsite.written_dates import read_date, read_period, timed, year_last_readings
from okrsite.written_numbers import CURRENCY_SIGNS, ambiguous_comma, read_number

ID_RE = re.compile(r"^[\w][\w.-]*(?:/[\w][\w.-]*)*$")
KR_ID_RE = re.compile(r"^[\w][\w.-]*$")
#: confidence in words, on the 0-10 scale: low, medium and high; a traffic
#: light or a status word, as OKR tools and status reports write it (green,
#: amber, red; on track, at risk, off track; the coloured circles); and the
#: same in German, the other language okrsite ships
CONFIDENCE_WORDS = {
    "low": 3.0,
    "medium": 5.0,
    "high": 8.0,
    "red": 3.0,
    "amber": 5.0,
    "yellow": 5.0,
    "orange": 5.0,
    "green": 8.0,
    "off track": 3.0,
    "at risk": 5.0,
    "on track": 8.0,
    "\U0001f534": 3.0,  # red circle
    "\U0001f7e0": 5.0,  # orange circle
    "\U0001f7e1": 5.0,  # yellow circle
    "\U0001f7e2": 8.0,  # green circle
    "niedrig": 3.0,
    "mittel": 5.0,
    "hoch": 8.0,
    "rot": 3.0,
    "gelb": 5.0,
    "grün": 8.0,
    "gruen": 8.0,
}


def confidence_word(value: str) -> float | None:
    """The 0-10 confidence a word says (``High``, ``on-track``, ``🟢``), or ``None``."""
    return CONFIDENCE_WORDS.get(" ".join(value.lower().replace("-", " ").replace("_", " ").split()))


KINDS: tuple[Kind, ...] = ("objective", "kpi", "goal", "checkin", "team", "person", "page")

COMMON_KEYS = {"type", "id", "title", "owner", "team", "tags", "description", "summary"}
KNOWN_KEYS: dict[str, set[str]] = {
    "objective": COMMON_KEYS
    | {
        "cycle",
        "parent",
        "supports",
        "commitment",
        "weight",
        "status",
        "key_results",
        "initiatives",
        "carried_from",
    },
    "kpi": COMMON_KEYS
    | {"unit", "direction", "indicator", "target", "thresholds", "drives", "values", "data"},
    # start/target/current/unit: a goal's measure written at the top, as a key result's is
    "goal": COMMON_KEYS
    | {"due", "cycle", "supports", "measure", "status", "start", "target", "current", "unit"},
    "checkin": {
        "type",
        "id",
        "objective",
        "kpi",
        "date",
        "author",
        "confidence",
        "values",
        "value",
        "note",
        "notes",
        "comment",
    },
    "team": COMMON_KEYS | {"lead", "parent", "members", "github", "gitlab", "name"},
    "person": COMMON_KEYS | {"role", "email", "name", "github", "gitlab"},
    "page": COMMON_KEYS | {"order"},
}
#: other names of the keys of a kind of file (:mod:`okrsite.key_aliases`)
_KIND_ALIASES = {"objective": key_aliases.OBJECTIVE, "goal": key_aliases.GOAL}
KR_KEYS = {
    "id",
    "title",
    "start",
    "target",
    "current",
    "unit",
    "weight",
    "kpi",
    "milestones",
    "done",
    "stay_above",
    "stay_below",
    "score",
    "status",
    "owner",
    "description",
}
_KR_KIND = (
    "a key result's kind follows from its keys: target (numeric), milestones, done, "
    "stay_above or stay_below; remove this line"
)
#: keys of other tools' key results, with what to write instead
_KR_KEY_HINTS = {"kind": _KR_KIND, "type": _KR_KIND}

T = TypeVar("T")
Path_ = tuple[str | int, ...]
#: key results already validated, by the identity of their loaded mapping:
#: ``{id(item): (item, index, id or None, key result or None)}``; the item is
#: kept so that its identity cannot be reused while the entry lives
KeyResultMemo = dict[int, tuple[Any, int, "str | None", "KeyResult | None"]]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedFile:
    """The result of parsing one file: a record (``None`` if unusable) and findings."""

    file: str
    kind: Kind | None
    record: Record | None
    diagnostics: tuple[Diagnostic, ...]
    #: people and teams this file names, as written: (``"person"``/``"team"``, id, name)
    names: tuple[tuple[str, str, str], ...] = ()
    #: whether the file has errors; its record (if any) is kept so that its own
    #: references are still checked and files naming it get no second error
    broken: bool = False


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
    if ID_RE.match(written):
        return written
    folded = "/".join(slugify(part) or part for part in written.split("/"))
    return folded if ID_RE.match(folded) else written


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate by edit similarity, for "did you mean …" hints.

    Memoised: a key that is unknown in one file is usually unknown in many
    (a site written for another tool, an upgrade), and comparing it with
    every known key costs more than the rest of the warning.
    """
    key = (name, frozenset(candidates))
    if key not in _CLOSEST:
        if len(_CLOSEST) > 4096:
            _CLOSEST.clear()
        import difflib  # here: most builds have no unknown key to suggest for

        # ties go to the smaller candidate whatever the order, so sorting changes nothing
        matches = difflib.get_close_matches(name, sorted(key[1]), n=1, cutoff=0.6)
        _CLOSEST[key] = matches[0] if matches else None
    return _CLOSEST[key]


_CLOSEST: dict[tuple[str, frozenset[str]], str | None] = {}


class _Fields:
    """Reads typed values out of a front-matter mapping, collecting diagnostics.

    Every accessor returns ``None`` (or a default) on bad input and records a
    diagnostic carrying the key path, so one pass reports every problem.
    """

    def __init__(
        self, file: str, diags: list[Diagnostic], memo: KeyResultMemo | None = None
    ) -> None:
        self.file = file
        self.diags = diags
        self.names: list[tuple[str, str, str]] = []
        self.memo = memo
        #: where a number was written as a percentage (``45%``), in reading order
        self.percents: list[Path_] = []
        #: the currency sign of each number written with one (``€2.5M``), in reading order
        self.currencies: list[str] = []
        #: a check-in's key result values written at the top (``lead: 5``), not under values:
        self.loose: tuple[str, ...] = ()
        #: a check-in's objective or KPI is the folder it is filed in (not written)
        self.implied = False
        #: the ``unit:`` of the KPI, key result or measure being read: a figure
        #: written with it after (``target: 12 min`` beside ``unit: min``) is
        #: that number, as people write a figure with its unit
        self.unit_word = ""

    def err(self, code: str, msg: str, path: Path_, hint: str | None = None) -> None:
        self.diags.append(error(code, msg, self.file, hint=hint, key_path=path))

    def warn(self, code: str, msg: str, path: Path_, hint: str | None = None) -> None:
        self.diags.append(warning(code, msg, self.file, hint=hint, key_path=path))

    def text(
        self, data: Mapping[str, Any], key: str, path: Path_, *, required: bool = False
    ) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.err(
                    "OKR101",
                    f"missing required key {key!r}",
                    path,
                    hint=f"add a line '{key}: …' to the front matter",
                )
            return None
        if type(value) is str:  # nearly always: skip the checks below
            text = value.strip()
        elif isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.err(
                "OKR103",
                f"{key} must be a text value, got {shown_value(value)}",
                (*path, key),
                hint="quote it if it is meant as text",
            )
            return None
        else:
            text = str(value).strip()
        if required and not text:
            self.err("OKR101", f"{key} must not be empty", (*path, key))
            return None
        return text or None

    def ref(self, data: Mapping[str, Any], key: str, path: Path_) -> str | None:
        value = self.text(data, key, path)
        if value is not None and key in _TITLED_REFS and _title_like(value):
            return value  # resolving says which objective has that title, if one does
        if value is not None and not _valid_ref(value):
            self.err(
                "OKR006",
                f"{key} {shown_value(value)} is not a valid id",
                (*path, key),
                hint="ids are paths like 'sales/emea' or 'sales/emea#revenue'",
            )
            return None
        return value

    def name(
        self,
        data: Mapping[str, Any],
        key: str,
        path: Path_,
        kind: str,
        *,
        several: str | None = None,
    ) -> str | None:
        """A person or team, written as an id (``uma-diaz``) or a name (``Uma Diaz``).

        A name becomes its id through :func:`okrsite.slug.slugify`; the name as
        written is remembered so pages can show it when no file gives a title.
        Several names (``owner: [Uma Diaz, Tom Lee]``, as tools with co-owners
        allow) are the first, with a warning that names the others; ``several``
        is its hint where the record has another way to say the rest.
        """
        raw = data.get(key)
        if kind == "person" and isinstance(raw, str):
            raw = people_in_one_line(raw)
        if isinstance(raw, list) and raw and all(isinstance(x, str) and x.strip() for x in raw):
            if len(raw) > 1:
                others = ", ".join(shown_value(x) for x in raw[1:5]) + (
                    ", …" if len(raw) > 5 else ""
                )
                self.warn(
                    "OKR123",
                    f"{key} names one {kind}: the first, {shown_value(raw[0])}, is taken; not {others}",
                    (*path, key),
                    hint=several
                    or (
                        "name one; a key result can have an owner of its own ('owner:' in it)"
                        if key == "owner"
                        else "name one"
                    ),
                )
            data = {key: raw[0]}
        value = self.text(data, key, path)
        if value is None:
            return None
        if kind == "person" and value.endswith((")", "]", ">")):
            value = without_note(value)
        if kind == "person" and "," in value:
            value = first_name_first(value)
        ident = name_to_id(value)
        if not ident:
            self.err(
                "OKR006",
                f"{key} {value!r} has no letters or digits to make an id from",
                (*path, key),
                hint="write a name like 'Uma Diaz' or an id like 'uma-diaz'",
            )
            return None
        self.names.append((kind, ident, value))
        return ident

    def number(
        self,
        data: Mapping[str, Any],
        key: str,
        path: Path_,
        *,
        low: float | None = None,
        high: float | None = None,
        percent: bool = False,
    ) -> float | None:
        if key not in data or data[key] is None:
            return None
        return self.number_value(data[key], key, (*path, key), low=low, high=high, percent=percent)

    def number_value(
        self,
        value: Any,
        label: str,
        path: Path_,
        *,
        low: float | None = None,
        high: float | None = None,
        percent: bool = False,
    ) -> float | None:
        """The number ``value`` writes; with ``percent``, a percentage (``45%``)
        is read too, and its path noted in :attr:`percents` for the caller
        to square with the unit."""
        result = _as_number(value)
        if result is None and isinstance(value, str) and self.unit_word:
            bare = without_unit(value, self.unit_word)
            if bare is not None:
                return self.number_value(bare, label, path, low=low, high=high, percent=percent)
        if result is None and percent and isinstance(value, str):
            written = read_number(value)
            if written is not None and written[1]:
                result = written[0]
                self.percents.append(path)
        if result is not None and percent and isinstance(value, str):
            sign = next((c for c in value if c in CURRENCY_SIGNS), None)
            if sign is not None:
                self.currencies.append(sign)
        if result is not None and type(value) is str and "." in value:
            self._quoted_thousands_point(value, path)
        if result is None:
            shown = (
                ("true" if value else "false")
                if isinstance(value, bool)
                else "nothing"
                if value is None
                else shown_value(value)
            )
            self.err(
                "OKR102",
                f"{label} must be a number, got {shown}",
                path,
                hint=number_hint(value),
            )
            return None
        if (low is not None and result < low) or (high is not None and result > high):
            bounds = (
                f"between {_fmt(low)} and {_fmt(high)}"
                if high is not None
                else f"at least {_fmt(low)}"
            )
            self.err("OKR107", f"{label} must be {bounds}, got {_fmt(result)}", path)
            return None
        return result

    def _quoted_thousands_point(self, value: str, path: Path_) -> None:
        """OKR124 for a quoted ``"250.000"``, as :func:`_thousands_points` warns
        of ``250.000`` written bare: quoting it does not say which it means."""
        text = value.strip()
        if _QUOTED_THOUSANDS_POINT.fullmatch(text):
            read, grouped = f"{float(text):g}", text.replace(".", "")
            self.warn(
                "OKR124",
                f"{text} is read as {read}; with a point that groups thousands it is {grouped}",
                path,
                hint=f"write {read} or {grouped}, whichever you mean",
            )

    def date_(
        self, data: Mapping[str, Any], key: str, path: Path_, *, required: bool = False
    ) -> date | None:
        if data.get(key) is None:
            if required:
                self.err(
                    "OKR101",
                    f"missing required key {key!r}",
                    path,
                    hint=f"add '{key}: 2026-02-10' (year-month-day)",
                )
            return None
        return self.date_value(data[key], key, (*path, key))

    def date_value(
        self, value: Any, label: str, path: Path_, *, month: bool = False
    ) -> date | None:
        """A date; with ``month``, a month, quarter or half alone too
        (``2026-10``, ``Oct 2026``, ``2026-Q3``: its first day), as a reading
        reported per period is written."""
        day: date | None = value if isinstance(value, date) else None
        if isinstance(value, str):
            day = read_date(value) or (read_period(value) if month else None)
        if day is not None:
            if limits.date_in_range(day):
                return day
            self.err(
                "OKR108",
                f"{label if str(day) in label else f'{label} {day}'} is outside the dates okrsite accepts",
                path,
                hint=f"dates run from {limits.EARLIEST_DATE} to {limits.LATEST_DATE}",
            )
            return None
        readings = year_last_readings(value) if isinstance(value, str) else []
        if len(readings) > 1:
            self.err(
                "OKR104",
                f"{label} {shown_value(value)} names two days: {_day_month_year(readings[0])} (day first) "
                f"or {readings[1]:%B} {readings[1].day}, {readings[1].year} (month first)",
                path,
                hint=f"write the one you mean as year-month-day: {readings[0]} or {readings[1]}",
            )
            return None
        self.err(
            "OKR104",
            f"{label} must be a real date like 2026-02-10, got {shown_value(value)}",
            path,
            hint=_date_hint(value, month),
        )
        return None

    def choice(
        self, data: Mapping[str, Any], key: str, options: tuple[str, ...], default: T, path: Path_
    ) -> str | T:
        value = data.get(key)
        if value is None:
            return default
        if isinstance(value, str) and value.strip().lower() in options:
            return value.strip().lower()
        guess = closest(str(value), options) if isinstance(value, str) else None
        self.err(
            "OKR105",
            f"{key} must be one of {', '.join(options)}, got {shown_value(value)}",
            (*path, key),
            hint=f"did you mean {guess!r}?" if guess else None,
        )
        return default

    def boolean(self, data: Mapping[str, Any], key: str, path: Path_) -> bool | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        self.err("OKR103", f"{key} must be true or false, got {shown_value(value)}", (*path, key))
        return None

    def text_list(
        self, data: Mapping[str, Any], key: str, path: Path_, *, refs: bool = False
    ) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        items = (
            [value]
            if isinstance(value, (str, int, float)) and not isinstance(value, bool)
            else value
        )
        if isinstance(value, str) and "," in value:
            items = value.split(",")  # tags: growth, customers  (as Jekyll and sheets write lists)
        if not isinstance(items, list):
            self.err(
                "OKR106",
                f"{key} must be a list like [a, b], got {shown_value(value)}",
                (*path, key),
            )
            return ()
        out: list[str] = []
        for i, item in enumerate(items):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.err(
                    "OKR103",
                    f"{key} entries must be text, got {shown_value(item)}",
                    (*path, key, i),
                )
                continue
            text = str(item).strip()
            if refs and key in _TITLED_REFS and _title_like(text):
                out.append(text)  # resolving says which objective has that title, if one does
                continue
            if refs and not _valid_ref(text):
                self.err(
                    "OKR006", f"{key} entry {shown_value(text)} is not a valid id", (*path, key, i)
                )
                continue
            if text:
                out.append(text)
        return tuple(out)

    def tags(self, data: Mapping[str, Any], path: Path_) -> tuple[str, ...]:
        """``tags:``, each short enough to name a page's folder, and not too many."""
        tags = self.text_list(data, "tags", path)
        if len(tags) > limits.MAX_TAGS:
            self.err(
                "OKR009",
                f"{len(tags)} tags are too many",
                (*path, "tags"),
                hint=f"a file may have at most {limits.MAX_TAGS} tags",
            )
            return ()
        for i, tag in enumerate(tags):
            if limits.utf8_length(tag) > limits.MAX_TAG_BYTES:
                self.err(
                    "OKR009",
                    f"tag {shown_value(tag)} is too long to be a page name",
                    (*path, "tags", i),
                    hint=f"tags may be at most {limits.MAX_TAG_BYTES} bytes "
                    "(a character outside ASCII takes 2-4 bytes)",
                )
                return ()
        return tags

    def too_many(self, items: list[Any], limit: int, what: str, path: Path_) -> bool:
        """Whether ``items`` exceeds ``limit`` (recording a located error if so)."""
        if len(items) <= limit:
            return False
        self.err(
            "OKR009",
            f"{len(items)} {what} are too many",
            path,
            hint=f"at most {limit} {what} are allowed here",
        )
        return True

    def mapping(self, data: Mapping[str, Any], key: str, path: Path_) -> dict[Any, Any] | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.err(
                "OKR106",
                f"{key} must be a mapping like {{a: 1, b: 2}}, got {shown_value(value)}",
                (*path, key),
            )
            return None
        return value

    def unknown_keys(
        self,
        data: Mapping[str, Any],
        known: set[str],
        path: Path_,
        what: str,
        hints: Mapping[str, str] | None = None,
    ) -> None:
        """Warn of each key not in ``known``; ``hints`` has a hint of its own
        for a key people write from habit (other tools' key results have a
        ``type``), where the nearest known key would be no help."""
        if known.issuperset(data):  # the usual case, checked in one step
            return
        for key in data:
            name = str(key)
            if name not in known:
                message, where, hint = _unknown_key_words(name, known, path, what, hints)
                self.diags.append(warning("OKR111", message, self.file, hint=hint, key_path=where))


def _unknown_key_words(
    name: str,
    known: set[str],
    path: Path_,
    what: str,
    hints: Mapping[str, str] | None,
) -> tuple[str, Path_, str]:
    """The message, key path and hint of an unknown key's warning, memoised.

    A key unknown in one file is usually unknown in thousands (a site written
    for another tool, a field added by a script). Handing back the same
    string and tuple objects each time also makes the warnings cheap to
    pickle: a pickle writes an object it has written before as a reference,
    and these warnings cross from parse workers to the parent and go into
    the parse cache twice (with the parses and with the run's outcome).
    """
    special = hints.get(yamlsource.key_form(name)) if hints else None
    memo_key = (name, what, path, special, frozenset(known))
    found = _UNKNOWN_KEYS.get(memo_key)
    if found is None:
        hint = special
        if hint is None:
            guess = closest(name, known)
            hint = (
                f"did you mean {guess!r}?" if guess else f"known keys: {', '.join(sorted(known))}"
            )
        found = (f"unknown key {shown_value(name)} in {what} is ignored", (*path, name), hint)
        if len(_UNKNOWN_KEYS) > 4096:
            _UNKNOWN_KEYS.clear()
        _UNKNOWN_KEYS[memo_key] = found
    return found


_UNKNOWN_KEYS: dict[tuple[str, str, Path_, str | None, frozenset[str]], tuple[str, Path_, str]] = {}


#: every key a file of any kind knows: the top level is read with this before its
#: kind is known (almost every file's keys are all in it: one set operation)
_ALL_KEYS: set[str] = set().union(*KNOWN_KEYS.values())


def respelled(
    data: dict[str, Any], known: set[str], aliases: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """``data`` with each key written in another case, or with spaces or hyphens
    (``Title``, ``Key Results``, ``due-date``), under the known key it stands
    for, as Hugo reads front matter keys whatever their case; and each key
    that ``aliases`` names (:mod:`okrsite.key_aliases`: a key result's
    ``baseline`` is its ``start``) under that key. A key whose known
    spelling is also written stays as it is (and is warned of as unknown)."""
    if known.issuperset(data):  # the usual case, checked in one step
        return data
    renamed: dict[str, str] = {}
    for key in data:
        if key not in known:
            form = yamlsource.key_form(key)
            if form not in known and aliases:
                form = aliases.get(form, form)
            if form in known and form not in data and form not in renamed.values():
                renamed[key] = form
    if not renamed:
        return data
    return {renamed.get(key, key): value for key, value in data.items()}


_VALID_REFS: dict[str, bool] = {}
_NAME_IDS: dict[str, str] = {}


#: what joins co-owners written in one line (``Tom Lee, Ana Ruiz``, ``Tom Lee & Ana Ruiz``)
_PEOPLE_JOINED = re.compile(r"\s*(?:[,;&]|\s/\s|\s(?:and|und)\s)\s*", re.IGNORECASE)


def people_in_one_line(value: str) -> str | list[str]:
    """Several people written in one line, as a spreadsheet cell or a hand
    holds co-owners (``Tom Lee, Ana Ruiz``, ``Tom Lee & Ana Ruiz``,
    ``Tom Lee and Ana Ruiz``), as the list ``[Tom Lee, Ana Ruiz]`` reads;
    ``value`` itself when it names one. ``Diaz, Uma`` (two single words around
    one comma) is one person written last name first, not two
    (:func:`first_name_first`)."""
    if _PEOPLE_JOINED.search(value) is None:
        return value
    parts = [part for part in _PEOPLE_JOINED.split(value.strip()) if part]
    if len(parts) < 2:
        return value
    if len(parts) == 2 and "," in value and all(len(part.split()) == 1 for part in parts):
        return value
    return parts


#: what people write after a person's name: a role, pronouns or an address
#: (``Uma Diaz (PM)``, ``Uma Diaz [she/her]``, ``Uma Diaz <uma@example.com>``)
_PERSON_NOTE = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\]|<[^<>]*>)\s*$")


def without_note(name: str) -> str:
    """A person's name without the note written after it (``Uma Diaz (PM)``,
    ``Uma Diaz <uma@example.com>`` → ``Uma Diaz``): one person, however the
    files add to the name; ``name`` itself when nothing would be left."""
    bare = _PERSON_NOTE.sub("", name).strip()
    return bare or name


#: a name written last name first, as directories and HR exports list people
_LAST_FIRST = re.compile(r"\s*([^\s,]+)\s*,\s*([^\s,]+)\s*")


def first_name_first(name: str) -> str:
    """``Diaz, Uma`` (two single words around one comma: one person written last
    name first) as ``Uma Diaz``, the person ``uma-diaz`` that ``owner: Uma
    Diaz`` names; any other ``name`` as it is."""
    found = _LAST_FIRST.fullmatch(name)
    return f"{found[2]} {found[1]}" if found else name


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


_NUMERIC_KEYS = ("start", "target", "current")


def _with_unit(f: _Fields, item: Mapping[str, Any], read: Callable[[], T]) -> T:
    """What ``read`` reads with :attr:`_Fields.unit_word` set to ``item``'s
    ``unit:``, so that ``target: 12 min`` beside ``unit: min`` is 12."""
    f.unit_word = item["unit"] if isinstance(item.get("unit"), str) else ""
    try:
        return read()
    finally:
        f.unit_word = ""


def without_unit(value: str, unit: str) -> str | None:
    """``12`` of ``12 min`` where the unit is ``min``, when what is left is a
    number; else ``None``. The unit may be written as its other spellings
    are (``12 minutes``, ``8 hrs`` beside ``unit: h``: see
    :func:`okrsite.units.same_unit`); only the item's own unit is read
    past: ``12 h`` beside ``unit: min`` stays an error, not a guess."""
    text, word = value.strip(), unit.strip()
    if not word or len(text) <= len(word) or text[-len(word) :].lower() != word.lower():
        found = split_unit(text)
        return found[0] if found is not None and same_unit(found[1], word) else None
    head = text[: -len(word)]
    if word[0].isalnum() and head[-1:].isalnum() and not head[-1:].isdigit():
        return None  # "12 hmin": the unit is part of a longer word
    head = head.rstrip()
    if _as_number(head) is None and read_number(head) is None and not _DIGITS.fullmatch(head):
        return None
    return head  # a figure whose own reading may fail (1,200): its error says why


def _as_number(value: Any) -> float | None:
    if type(value) is float:  # the usual case: what YAML gives for 12.5
        return value if math.isfinite(value) else None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            result = float(value)
        except OverflowError:  # an int too large for a float (e.g. 400 digits)
            return None
    elif isinstance(value, str):
        try:
            result = float(value.strip().replace("_", ""))
        except ValueError:
            # as people write and paste numbers: 1,000,000  $1.5M  1 234,5
            written = read_number(value)
            if written is None or written[1]:  # a percentage only where one may be
                return None
            return written[0]
    else:
        return None
    return result if math.isfinite(result) else None


def _date_hint(value: Any, month: bool = False) -> str:
    """What to write for a date okrsite could not read: the year it lacks
    (``Nov 12``; a month alone, ``January``, where ``month`` says a month is
    read as a date), the time it could not read (``2026-11-03 9am``), or the
    general form."""
    if isinstance(value, str):
        text = value.strip()
        if re.search(r"\d{4}", text) is None:
            for with_year in (f"{text} 2026", f"{text}, 2026", f"{text}2026"):
                day = read_date(with_year)
                if day is not None:
                    return f"write the year too, e.g. {day} or {_day_month_year(day)}"
            opening = read_period(f"{text} 2026") if month else None
            if opening is not None:  # "January": a month's readings keyed by its name
                return f"write the year too, e.g. {text} 2026 or {opening}"
        first, _, rest = text.partition(" ")
        day = read_date(first.partition("T")[0]) if rest or "T" in first else None
        if day is not None:
            return (
                f"{first.partition('T')[0]} is a date, but what follows is no time okrsite "
                f"reads: write it as 24-hour HH:MM or with am/pm, e.g. {day}T09:00 or "
                f"{day} 9:00 am"
            )
    return "write dates as YYYY-MM-DD (or DD.MM.YYYY) and check the day exists in that month"


def number_hint(value: Any) -> str:
    if value is None:
        return "write its number after the colon, or leave the key out"
    if isinstance(value, str):
        thousands = ambiguous_comma(value)
        if thousands is not None:
            decimal = thousands[:-3] + "." + thousands[-3:]
            return (
                f"write {thousands} for the whole number or {decimal} for the decimal: "
                "one comma before three digits means either"
            )
        written = read_number(value)
        if written is not None and written[1]:
            return (
                f"write the bare number {_fmt(written[0])}: this value is no percentage "
                "(a key result's, KPI's or goal's figures and check-in values may be)"
            )
    return "write digits, e.g. 50, 0.25 or 1,000,000"


_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60
_SHORT.maxlist = _SHORT.maxdict = _SHORT.maxtuple = 5
_SHORT.maxlevel = 3


def shown_value(value: Any) -> str:
    """A short repr for messages: bounded however large or deep ``value`` is."""
    if type(value) is str and len(value) <= 58:  # what reprlib gives, without its dispatch
        text = repr(value)
        if len(text) <= 60:
            return text
    text = _SHORT.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)


# --------------------------------------------------------------- entry point
def _broken(
    rel: str,
    kind: Kind | None,
    diags: list[Diagnostic],
    code: str,
    msg: str,
    hint: str | None = None,
    line: int | None = None,
    col: int | None = None,
) -> ParsedFile:
    """A file that gives no record: the findings so far and the one that stopped it."""
    diags.append(error(code, msg, rel, line=line, column=col, hint=hint))
    return ParsedFile(rel, kind, None, tuple(diags), broken=True)


#: a control character in a path, line breaks and tabs included
_CONTROL_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def parse_file(
    rel: str,
    raw: bytes,
    *,
    content_dir: str = "content",
    default_cycle: str | None = None,
) -> ParsedFile:
    """Parse one Markdown file (``rel`` is its path relative to the site root)."""
    path_kind, _ = kind_and_id_from_path(rel, content_dir)
    fail = partial(_broken, rel, path_kind, [])
    named = _CONTROL_IN_NAME.search(rel)
    if named is not None:  # a line break in a name would be a line of CODEOWNERS of its own
        return fail(
            "OKR016",
            f"the file's name contains the control character U+{ord(named.group()):04X}",
            hint="rename the file: names are letters, digits, spaces and punctuation",
            line=1,
        )

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return fail(
            "OKR001",
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            hint="save the file as UTF-8 in your editor",
            line=line,
            col=col,
        )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # without copying the whole text as strip() would
        return fail(
            "OKR002",
            "file is empty",
            hint="start the file with '---', the front matter, then '---'",
            line=1,
        )
    bad = limits.find_control(text)
    if bad is not None:
        at = bad.start()
        return fail(
            "OKR016",
            f"the file contains the control character U+{ord(bad.group()):04X}",
            hint="delete it (it is invisible in most editors; it often comes from pasted text)",
            line=text.count("\n", 0, at) + 1,
            col=at - (text.rfind("\n", 0, at) + 1) + 1,
        )
    parts = yamlsource.split(text)
    if parts is None and text.startswith("+++"):
        return _parsed_toml(rel, text, fail, content_dir, default_cycle)
    if parts is None and text.partition("\n")[0].rstrip() == "---":
        return fail(
            "OKR002",
            "the front matter opened on line 1 is never closed",
            hint="add a line '---' after its last key, before the text of the page",
            line=1,
        )
    if parts is None:
        return fail(
            "OKR002",
            "file has no front matter",
            hint="start the file with a line '---', then 'title: …' and the other keys, then '---'",
            line=1,
        )
    try:
        data = _front_matter_data(parts)
    except _FileProblem as problem:
        if problem.args[0] == "OKR007":
            despite = _despite_duplicates(rel, parts)
            if despite is not None:
                data, twice = despite
                parsed = parse_data(
                    rel, data, parts, content_dir=content_dir, default_cycle=default_cycle
                )
                return ParsedFile(
                    parsed.file,
                    parsed.kind,
                    parsed.record,
                    (*twice, *parsed.diagnostics),
                    parsed.names,
                    broken=True,
                )
        found = _tabs_as_spaces(parts) if problem.args[0] == "OKR003" else None
        if found is None:
            return fail(*problem.args)
        untabbed, first_tab = found
        try:
            data = _front_matter_data(untabbed)
        except _FileProblem:
            code, msg, _, line, col = problem.args
            return fail(code, msg, _TABS_HINT, line, col)
        parsed = parse_data(
            rel, data, untabbed, content_dir=content_dir, default_cycle=default_cycle
        )
        read_so = warning(
            "OKR017",
            "the front matter is indented with tabs; read as if each tab were 4 spaces",
            rel,
            line=untabbed.fm_line + first_tab,
            column=1,
            hint=_TABS_HINT,
        )
        return ParsedFile(
            parsed.file,
            parsed.kind,
            parsed.record,
            (read_so, *parsed.diagnostics),
            parsed.names,
            parsed.broken,
        )
    return parse_data(rel, data, parts, content_dir=content_dir, default_cycle=default_cycle)


_TOML_BOUNDARY = "+++"


def _parsed_toml(
    rel: str,
    text: str,
    fail: Callable[..., ParsedFile],
    content_dir: str,
    default_cycle: str | None,
) -> ParsedFile:
    """A file whose front matter is TOML between ``+++`` lines, as Hugo writes
    it (``title = "Ship it"``, ``[[key_results]]``): read with the standard
    library's TOML reader and then by the same rules as YAML front matter,
    its dates and times as text as YAML's are. Findings name the file without
    a line (TOML's reader keeps none), except TOML's own errors."""
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == _TOML_BOUNDARY), None)
    if lines[0].rstrip() != _TOML_BOUNDARY or end is None:
        return fail(
            "OKR002",
            "the TOML front matter has no closing '+++' line",
            hint="end the front matter with a line '+++'",
            line=1,
        )
    front = "\n".join(lines[1:end])
    if limits.utf8_length(front) > limits.MAX_FRONT_MATTER_BYTES:
        return fail(
            "OKR009",
            f"the front matter is {limits.utf8_length(front)} bytes long",
            hint=f"front matter may be at most {limits.MAX_FRONT_MATTER_BYTES // 1024} KB",
            line=1,
        )
    from okrsite import toml_reader as tomllib

    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        return fail(
            "OKR003",
            f"front matter is not valid TOML: {str(exc).split(' (at line')[0]}",
            hint="check the quotes and the '=' after each key, or write the front matter "
            "as YAML between '---' lines",
            line=1 + int(found.group(1)) if found else 1,
            col=int(found.group(2)) if found else None,
        )
    parts = yamlsource.Split("", "\n".join(lines[end + 1 :]), 1, end + 2)
    return parse_data(
        rel, _dates_as_text(data), parts, content_dir=content_dir, default_cycle=default_cycle
    )


def _dates_as_text(value: Any) -> Any:
    """TOML's dates, times and date-times as the text YAML front matter keeps
    them as (``2026-11-20``, ``2026-11-20T09:30:00``), so one set of rules reads both."""
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if isinstance(value, (date, time_of_day)):  # a datetime is a date
        return value.isoformat()
    return value


_TABS_HINT = "indent with spaces: YAML does not allow tabs there, and other tools refuse the file"


def located_parts(parts: yamlsource.Split) -> yamlsource.Split:
    """The parts to find a diagnostic's line in: as written, or with the tabs
    of their indentation made spaces when that is how the file was read."""
    found = _tabs_as_spaces(parts)
    if found is None:
        return parts
    import yaml  # (a file with tabs is not in the shape read without PyYAML)

    try:
        yamlsource.load(parts.front_matter)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return found[0]
    return parts


def _tabs_as_spaces(parts: yamlsource.Split) -> tuple[yamlsource.Split, int] | None:
    """The front matter with the tabs that indent its lines made spaces (tab
    stops every 4 columns, as most editors show them), and the number (from
    0) of the first line indented with a tab, when there is one; else ``None``.

    YAML refuses tabs in indentation, but a file typed in an editor that
    inserts them, or pasted from one, is indented with them all the same;
    its structure is what the tabs show.
    """
    fm = parts.front_matter
    if "\t" not in fm:
        return None
    lines = fm.split("\n")
    first: int | None = None
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            lines[number] = line[:indent].expandtabs(4) + line[indent:]
            first = number if first is None else first
    if first is None:
        return None
    return yamlsource.Split("\n".join(lines), parts.body, parts.fm_line, parts.body_line), first


def parse_data(
    rel: str,
    data: Any,
    parts: yamlsource.Split,
    *,
    content_dir: str = "content",
    default_cycle: str | None = None,
    memo: KeyResultMemo | None = None,
) -> ParsedFile:
    """The second half of :func:`parse_file`: a record from front matter already loaded.

    The history (:mod:`okrsite.history_parse`) loads only the parts of a
    file that changed since its previous version and validates the rest
    here, so both read a file by the same rules. ``memo`` keeps key results
    already validated (:data:`KeyResultMemo`); with it, their diagnostics are
    not reported again, so only the history passes one.
    """
    diags: list[Diagnostic] = []
    path_kind, path_id = kind_and_id_from_path(rel, content_dir)
    fail = partial(_broken, rel, path_kind, diags)

    if data is None:
        data = {}
    if memo is None:
        diags.extend(_thousands_points(rel, parts))
    if "\\" in parts.front_matter:  # only a "\u0007" escape can put a control character in a value
        found = _control_character(data, ())
        if found is not None:
            char, where = found
            diags.append(
                error(
                    "OKR016",
                    f"a value contains the control character U+{ord(char):04X}",
                    rel,
                    hint="remove the escape (such as \\u0007) from the quoted text",
                    key_path=where,
                )
            )
            return _finish(rel, path_kind, None, diags, parts)
    if not isinstance(data, dict):
        return fail(
            "OKR004",
            f"front matter must be a mapping of keys to values, got {type(data).__name__}",
            hint="write 'key: value' lines between the '---' markers",
            line=parts.fm_line + 1,
        )
    if has_digit_comma_digit(parts.front_matter):
        split = _split_decimal_commas(rel, data, parts.front_matter)
        if memo is None:
            diags.extend(split)
    if not all(type(k) is str for k in data):
        data = {str(k): v for k, v in data.items()}

    written, data = data, respelled(data, _ALL_KEYS)  # (Type: and ID: decide what the file is)
    f = _Fields(rel, diags, memo)
    kind: Kind | None = path_kind
    if "type" in data:
        declared = data["type"]
        if isinstance(declared, str) and declared.strip().lower() in KINDS:
            kind = declared.strip().lower()  # type: ignore[assignment]
        else:
            f.err(
                "OKR005",
                f"type must be one of {', '.join(KINDS)}, got {shown_value(declared)}",
                ("type",),
            )
            return _finish(rel, path_kind, None, diags, parts)
    if kind is None:
        return fail(
            "OKR005",
            "cannot tell what this file is: it is not in a known folder and has no 'type:'",
            hint="move it under content/objectives, kpis, goals, checkins, teams, people or pages, or add 'type: objective'",
            line=1,
        )

    rid = path_id or ""
    if "id" in data:
        explicit = f.text(data, "id", ())
        if explicit is not None:
            rid = explicit
    if ID_RE.match(rid) and limits.id_too_long(rid):
        f.err(
            "OKR009",
            f"id {shown_value(rid)} is too long to be a file name",
            ("id",) if "id" in data else (),
            hint=f"ids may be at most {limits.MAX_ID_SEGMENT_BYTES} bytes between '/' "
            f"({limits.MAX_ID_BYTES} in all); a character outside ASCII takes 2-4 bytes",
        )
        return _finish(rel, kind, None, diags, parts)
    if not ID_RE.match(rid):
        f.err(
            "OKR006",
            f"id {shown_value(rid)} is not usable: ids are names separated by '/', made of letters, digits, '-', '_' and '.'",
            ("id",) if "id" in data else (),
            hint="rename the file or set 'id:' to something like 'sales/emea'",
        )
        return _finish(rel, kind, None, diags, parts)

    builder = _BUILDERS[kind]
    # read again for this kind: a Due: in an objective is warned of as written
    data = respelled(written, KNOWN_KEYS[kind], _KIND_ALIASES.get(kind))
    if kind == "checkin":
        data = _dated_by_name(data, rel)
        data, f.implied = _filed_in(data, rid)
        data, f.loose = _loose_values(data)
    elif kind == "objective":
        data = _commitment_flag(data)
    f.unknown_keys(data, KNOWN_KEYS[kind], (), ("an " if kind[0] in "aeiou" else "a ") + kind)
    try:
        record = builder(f, rid, rel, data, parts, default_cycle)
    except RecursionError:  # pathologically nested YAML
        f.err("OKR003", "front matter is nested too deeply", ())
        record = None
    return _finish(rel, kind, record, diags, parts, tuple(f.names))


# A number with a point before three digits, the last a zero (``1.500``,
# ``5.000``), written alone as a value (after ``key:``, as a list item, or
# inside ``[...]`` / ``{...}``). YAML reads it as 1.5 and 5; in German, Dutch,
# Danish and most of Europe's writing it is fifteen hundred and five thousand.
_THOUSANDS_POINT_SOURCE = (
    r"(?:(?::|^[ ]*-)[ ]+([-+]?[1-9][0-9]{0,2}\.[0-9]{2}0)[ ]*(?:[ ]#.*)?$"
    r"|[\[{,][ ]*(?:[\w-]+:[ ]+)?([-+]?[1-9][0-9]{0,2}\.[0-9]{2}0)[ ]*(?=[,\]}]))"
)


_DECIMALS_ENDING_IN_ZERO = re.compile(r"\.[0-9]{2}0")
#: the same number written as text (``"250.000"``): YAML gives a string, read as 250
_QUOTED_THOUSANDS_POINT = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{2}0")


def _thousands_points(rel: str, parts: yamlsource.Split) -> list[Diagnostic]:
    """A warning for each number such as ``5.000``, read as 5 though it may
    mean five thousand: a trailing zero says nothing in a decimal, so the
    point is likely a thousands separator. ``1.5`` or ``1500`` says which."""
    fm = parts.front_matter
    if _DECIMALS_ENDING_IN_ZERO.search(fm) is None:  # most files: one quick scan
        return []
    found = []
    pattern = re.compile(_THOUSANDS_POINT_SOURCE, re.MULTILINE)  # (re caches it) for the few files
    for match in pattern.finditer(fm):
        text = match.group(1) or match.group(2)
        start = match.start(1) if match.group(1) else match.start(2)
        read, grouped = f"{float(text):g}", text.replace(".", "")
        found.append(
            warning(
                "OKR124",
                f"{text} is read as {read}; with a point that groups thousands it is {grouped}",
                rel,
                line=parts.fm_line + fm.count("\n", 0, start),
                column=start - (fm.rfind("\n", 0, start) + 1) + 1,
                hint=f"write {read} or {grouped}, whichever you mean",
            )
        )
    return found


#: a digit, a comma and a digit: the only way :func:`_split_decimal_commas` finds anything
_DIGIT_COMMA_DIGIT = re.compile(r"\d,\d")


def has_digit_comma_digit(text: str) -> bool:
    """``_DIGIT_COMMA_DIGIT.search(text) is not None``, looking only around commas.

    The expression tries a digit at every character (15 µs for an
    objective's front matter, in every file's parse); a front matter has a
    handful of commas, found by ``str.find``. ``\\d`` is a Unicode decimal
    digit, as ``str.isdecimal`` tests (``tests/test_text_scans.py``).
    """
    at = text.find(",", 1)
    while at != -1:
        if text[at - 1].isdecimal() and text[at + 1 : at + 2].isdecimal():
            return True
        at = text.find(",", at + 1)
    return False


def _split_decimal_commas(rel: str, data: Any, text: str) -> list[Diagnostic]:
    """An error for each decimal comma that YAML split inside ``{…}``.

    ``{marge: 13,5}`` is, to YAML, ``marge: 13`` and a second entry whose key
    is ``5`` and whose value is empty: the comma separates a flow mapping's
    entries. Read so, the figure would be 13 and the 5 an unknown key. Each
    such pair (a number, or a currency sign and a number such as ``$250``,
    followed by a key of up to three digits without a value, or one with a
    unit after its digits such as ``1 %`` from ``{Jan: 3,1 %}`` or ``5 h``
    from ``{current: 4,5 h}``; ``000`` from ``{start: $250,000}``) is an
    error on the figure with what to write, and the stray key is removed so
    nothing else reports it. Block values (``marge: 13,5``) are text and read
    as 13.5 (:mod:`okrsite.written_numbers`). The digits after the comma are
    taken from ``text`` (the front matter) where it shows them, since YAML
    reads ``05`` as 5; a key of four digits or more (a year) is left alone.
    """
    found: list[Diagnostic] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, list):
            stack.extend((item, (*path, i)) for i, item in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        previous: tuple[Any, Any] | None = None
        stray = []
        for key, value in node.items():
            tail = _split_tail(key) if value is None and previous is not None else None
            head = _split_head(previous[1]) if tail is not None and previous is not None else None
            if tail is not None and head is not None and previous is not None:
                prev_key = previous[0]
                sign, whole = head
                digits, suffix = tail
                written = [
                    m[1]
                    for m in re.finditer(
                        rf"(?<![\d.]){re.escape(sign + whole)},(\d+)(?![\d.])", text
                    )
                    if int(m[1]) == int(digits)
                ]
                part = written[0] if len(set(written)) == 1 else digits
                quoted = f'"{sign}{whole},{part}{suffix}"'
                if "." in whole:  # 199.999,99: grouped by points, the language's way
                    hint = f"put it in quotes: {quoted}"
                elif len(part) == 3 and int(part) == 0:  # $250,000: surely thousands
                    hint = f"write {sign}{whole}{part}{suffix}, or put it in quotes: {quoted}"
                elif len(part) == 3:
                    hint = (
                        f"write {sign}{whole}{part}{suffix} for the whole number or "
                        f"{sign}{float(f'{whole}.{part}'):g}{suffix} for the decimal"
                    )
                else:
                    hint = f"write {sign}{whole}.{part}{suffix}, or put it in quotes: {quoted}"
                found.append(
                    error(
                        "OKR102",
                        f"{prev_key}: {sign}{whole},{part}{suffix} is read as {sign}{whole} "
                        f"and a key {str(key).strip()}: inside {{…}} a comma separates "
                        "the entries",
                        rel,
                        hint=hint,
                        key_path=(*path, str(prev_key)),
                    )
                )
                stray.append(key)
                previous = None
                continue
            previous = (key, value)
            if isinstance(value, (dict, list)):
                stack.append((value, (*path, str(key))))
        for key in stray:
            del node[key]
    return found


#: what YAML made of a figure's digits before a comma that split it: a number,
#: or text that is a currency sign and digits (``$250``, ``€ 1``)
_SPLIT_HEAD = re.compile(r"([$€£¥]\s?)?(-?\d+)")
#: a key that is a figure's digits after such a comma, with its unit if any:
#: a sign (``1 %``, ``50 €``) or a short word (``5 h``, ``5 days``)
_SPLIT_TAIL = re.compile(r"(\d{1,3})(\s?[%€$£¥]|\s?[^\W\d_][^\s,:{}\[\]]{0,15})?")


def _split_head(value: Any) -> tuple[str, str] | None:
    """(currency sign, digits) of a value that is a figure's part before a
    comma inside ``{…}``: YAML's int ``13``, its float ``199.999`` (German
    thousands, ``199.999,99``), or text such as ``$250``; else ``None``."""
    if type(value) is int:
        return "", str(value)
    if type(value) is float and math.isfinite(value) and value == round(value, 3):
        return "", repr(value)
    if type(value) is str:
        m = _SPLIT_HEAD.fullmatch(value)
        if m is not None:
            return m[1] or "", m[2]
    return None


def _split_tail(key: Any) -> tuple[str, str] | None:
    """The digits (and a unit after them) of a key that is the part of a
    number after its decimal comma: ``5`` (YAML's int), ``"1 %"``, ``"50 €"``,
    ``"5 h"``; ``None`` for any other key (and for four digits or more: a year)."""
    if type(key) is int:
        return (str(key), "") if 0 <= key < 1000 else None
    if type(key) is str:
        m = _SPLIT_TAIL.fullmatch(key)
        if m is not None:
            return m[1], m[2] or ""
    return None


#: references to an objective, which people may write as its title
#: references that may be written as a title (``kpi: Monthly churn``), so that
#: resolving can say which id has that title instead of "not a valid id"
_TITLED_REFS = frozenset({"parent", "objective", "carried_from", "supports", "kpi", "drives"})


def _title_like(value: str) -> bool:
    """Whether a reference that is no id reads as an objective's title
    (``Grow the business``): words with spaces, and no path in it."""
    name = value.partition("#")[0]
    return " " in name.strip() and "/" not in name and not name.startswith(".")


def _day_month_year(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


class _FileProblem(Exception):
    """A problem that makes the whole file unusable: (code, message, hint, line, column)."""


def _front_matter_data(parts: yamlsource.Split) -> Any:
    """The front matter's values, or :class:`_FileProblem` (too large, not YAML,
    a key written twice, aliases that expand too far)."""
    fm_size = limits.utf8_length(parts.front_matter)
    if fm_size > limits.MAX_FRONT_MATTER_BYTES:
        raise _FileProblem(
            "OKR009",
            f"the front matter is {fm_size} bytes long",
            f"front matter may be at most {limits.MAX_FRONT_MATTER_BYTES // 1024} KB; "
            "move long text into the body below the second '---'",
            parts.fm_line,
            None,
        )
    try:
        return yamlsource.load(parts.front_matter)
    except Exception as exc:  # PyYAML's errors among them, imported only when a file needs it
        problem = _front_matter_problem(exc, parts)
        if problem is None:
            raise
        raise problem from None


def _despite_duplicates(rel: str, parts: yamlsource.Split) -> tuple[Any, list[Diagnostic]] | None:
    """The front matter of a file with keys written twice, read on (the later
    value of each), and an OKR007 error for each such key, so that one run
    reports the file's other errors too; ``None`` if it cannot be read so."""
    from okrsite import pyyaml_front_matter as pyyaml_read

    try:
        data, twice = pyyaml_read.load_despite_duplicates(parts.front_matter)
    except Exception:  # whatever else is wrong with it is reported as before
        return None
    if not twice:
        return None
    out = []
    for key, lines in twice:
        at = [parts.fm_line + line for line in lines]
        where = (
            f"line {at[0]}"
            if len(set(at)) == 1
            else "lines " + ", ".join(map(str, at[:-1])) + f" and {at[-1]}"
        )
        count = "twice" if len(at) == 2 else f"{len(at)} times"
        out.append(
            error(
                "OKR007",
                f"key {shown_value(key)} is written {count}, on {where}",
                rel,
                line=at[1],
                hint="keep one of them: YAML does not allow a key twice in one mapping",
            )
        )
    return data, out


def _front_matter_problem(exc: Exception, parts: yamlsource.Split) -> _FileProblem | None:
    """What :func:`_front_matter_data` says of ``exc`` raised reading the
    front matter (``None``: not a problem of the file, a bug to show)."""
    import yaml

    from okrsite import pyyaml_front_matter as pyyaml_read

    if isinstance(exc, pyyaml_read.DuplicateKeyError):
        first, again = parts.fm_line + exc.first_line, parts.fm_line + exc.again_line
        return _FileProblem(
            "OKR007",
            f"key {shown_value(exc.key)} is written twice, on lines {first} and {again}",
            "keep one of them: YAML does not allow a key twice in one mapping",
            again,
            None,
        )
    if isinstance(exc, pyyaml_read.AliasLimitError):
        yline, ycol = pyyaml_read.yaml_error_position(exc, parts.fm_line, parts.front_matter)
        return _FileProblem(
            "OKR008",
            f"front matter is refused: {exc.problem}",
            f"aliases (*name) may expand to at most {limits.MAX_EXPANDED_VALUES} values; "
            "write the values out instead",
            yline,
            ycol,
        )
    if isinstance(exc, yaml.YAMLError):
        yline, ycol = pyyaml_read.yaml_error_position(exc, parts.fm_line, parts.front_matter)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        msg = f"front matter is not valid YAML: {problem}" + (f" ({context})" if context else "")
        return _FileProblem(
            "OKR003",
            msg,
            "check indentation, colons after keys, and quote text containing ': ' or '#'",
            yline,
            ycol,
        )
    if isinstance(exc, (ValueError, TypeError, RecursionError, OverflowError)):
        problem = limits.strip_controls(str(exc))[:120]
        return _FileProblem(
            "OKR003", f"front matter could not be read: {problem}", None, parts.fm_line, None
        )
    return None


def _control_character(value: Any, path: Path_) -> tuple[str, Path_] | None:
    """The first control character in any text of ``value``, and the key path to it."""
    stack: list[tuple[Any, Path_]] = [(value, path)]
    seen: set[int] = set()
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            bad = limits.CONTROL_CHARS.search(item)
            if bad is not None:
                return bad.group(), where
        elif isinstance(item, (dict, list)) and id(item) not in seen:
            seen.add(id(item))  # aliases share values: visit each once
            if isinstance(item, dict):
                for k, v in item.items():
                    stack.append((k, where))
                    stack.append((v, (*where, str(k))))
            else:
                stack.extend((v, (*where, i)) for i, v in enumerate(item))
    return None


def _finish(
    rel: str,
    kind: Kind | None,
    record: Record | None,
    diags: list[Diagnostic],
    parts: yamlsource.Split,
    names: tuple[tuple[str, str, str], ...] = (),
) -> ParsedFile:
    """The parsed file; a record built despite errors is kept, marked ``broken``.

    Its bad values were left out, so the resolver can still check what the
    file names (cycle, parent, KPIs) in the same run: every error at once.
    """
    if not diags:
        return ParsedFile(rel, kind, record, (), names)
    broken = any(d.severity is Severity.ERROR for d in diags)
    return ParsedFile(rel, kind, record, tuple(locate_all(diags, parts)), names, broken)


def locate_all(diags: Iterable[Diagnostic], parts: yamlsource.Split | None) -> list[Diagnostic]:
    """Fill in line and column for diagnostics that carry a key path."""
    out = []
    for d in diags:
        if d.line is None and d.key_path is not None and parts is not None:
            # unknown keys, impossible dates used as keys (a KPI's values:) and unknown key
            # results named in a check-in's values: point at the key, not at its value
            at_key = d.code == "OKR111" or (
                d.code in ("OKR104", "OKR304") and d.key_path[:1] == ("values",)
            )
            line, col = yamlsource.locate(parts.front_matter, d.key_path, parts.fm_line, key=at_key)
            if not d.key_path:
                line, col = 1, None
            d = d.located(line, col)
        out.append(d)
    return out


# --------------------------------------------------------------- builders
def _objective(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> Objective | None:
    title = f.text(data, "title", (), required=True)
    cycle = f.text(data, "cycle", ()) or default_cycle
    if cycle is None:
        f.err(
            "OKR101",
            "missing required key 'cycle'",
            (),
            hint="add 'cycle: 2026-Q1' or set default_cycle in okrsite.toml",
        )
    krs = _key_results(f, data)
    if not krs and data.get("key_results") is None and parts.body:
        _key_results_in_body(f, parts)
    initiatives = _initiatives(f, data)
    weight = _weight(f, data, ())
    if cycle is None:
        return None
    return Objective(
        id=rid,
        file=rel,
        title=title or rid,  # missing: reported; the id stands in
        cycle=cycle,
        owner=f.name(data, "owner", (), "person"),
        team=f.name(data, "team", (), "team"),
        parent=f.ref(data, "parent", ()),
        supports=f.text_list(data, "supports", (), refs=True),
        commitment=_commitment(f, data),  # type: ignore[arg-type]
        weight=1.0 if weight is None else weight,
        status=_status(f, data, ()),  # type: ignore[arg-type]
        tags=f.tags(data, ()),
        key_results=tuple(krs),
        initiatives=tuple(initiatives),
        body=parts.body,
        body_line=parts.body_line,
        carried_from=f.ref(data, "carried_from", ()),
    )


#: a body's heading (or line of its own) that introduces key results, as
#: people write an OKR in a document: "## Key results", "**KRs:**", "Key Results:"
_BODY_KR_HEADING = re.compile(
    r"(?im)^(?:#{1,6}[ \t]*|\*\*|__)?[ \t]*"
    r"(key[ \t-]*results?|krs?|schl(?:ü|ue)sselergebnisse)"
    r"[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*#*[ \t]*$"
)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+(\S.*)")


def _key_results_in_body(f: _Fields, parts: yamlsource.Split) -> None:
    """An objective without key results whose body lists them under a heading
    of their own (``## Key results`` and a list, as an OKR is written in a
    document): warning OKR126, since okrsite reads key results from the front
    matter only and would otherwise drop them without a word."""
    found = _BODY_KR_HEADING.search(parts.body)
    if found is None:
        return
    items: list[str] = []
    for line in parts.body[found.end() :].split("\n")[1:]:
        if line.lstrip().startswith("#"):
            break
        item = _LIST_ITEM.fullmatch(line)
        if item is not None:
            items.append(item.group(1).strip())
        elif line.strip() and not line.startswith((" ", "\t")):
            break  # a paragraph after the list ends it
    if not items:
        return
    heading_line = parts.body_line + parts.body.count("\n", 0, found.start())
    f.diags.append(
        warning(
            "OKR126",
            f"the body lists {plural(len(items), 'key result')} under "
            f"{found.group(0).strip()!r}, but key results are read from the front matter only",
            f.file,
            line=heading_line,
            hint=f"move them into the front matter, one per line under 'key_results:' "
            f'(- {items[0]}): a sentence with "from … to …" gives its figures',
        )
    )


def objective_with_key_results(
    record: Objective,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    memo: KeyResultMemo,
) -> Objective:
    """``record``, an objective :func:`parse_data` built from ``rel``, with its key
    results read again from ``data``: front matter that differs from the one
    ``record`` was read from in its ``key_results:`` list only.

    :func:`_objective` reads every other field from its own key, so they stay
    as they are, and the key results are validated by the same
    :func:`_key_results`. The history (:mod:`okrsite.history_parse`) builds
    the commonest version of a goal file this way: one that moves one number
    of one key result (70% of the versions in its benchmark's history).
    """
    krs = _key_results(_Fields(rel, [], memo), data)
    new = _new_object(Objective)
    for name in _OBJECTIVE_FIELDS:
        _set_field(new, name, getattr(record, name))
    _set_field(new, "key_results", tuple(krs))
    _set_field(new, "body", parts.body)
    _set_field(new, "body_line", parts.body_line)
    return new


# ``dataclasses.replace(record, ...)`` without the keyword arguments and the
# frozen ``__init__`` it goes through (the objective has no ``__post_init__``
# and every field is an ``__init__`` argument): a fifth of the time the
# history spent on such a version
_OBJECTIVE_FIELDS = tuple(f.name for f in fields(Objective) if f.init)
# a guard for whoever changes the model: this copy would skip either
assert not hasattr(Objective, "__post_init__") and len(_OBJECTIVE_FIELDS) == len(fields(Objective))
_new_object = object.__new__
_set_field = object.__setattr__


_MEASURE_KEYS = ("milestones", "done", "stay_above", "stay_below", "target")


def _key_results(f: _Fields, data: dict[str, Any]) -> list[KeyResult]:
    raw = data.get("key_results")
    if raw is None:
        return []
    if not isinstance(raw, list):
        f.err(
            "OKR106",
            f"key_results must be a list of key results, got {shown_value(raw)}",
            ("key_results",),
            hint="write each key result as '- title: …' under key_results:",
        )
        return []
    if f.too_many(raw, limits.MAX_KEY_RESULTS, "key results", ("key_results",)):
        return []
    out: list[KeyResult] = []
    seen: set[str] = set()
    memo = f.memo
    for i, item in enumerate(raw):
        hit = memo.get(id(item)) if memo is not None else None
        if hit is not None and hit[0] is item and hit[1] == i:
            kr_id, kr = hit[2], hit[3]
            if kr_id is None or kr_id in seen:
                continue
        else:
            kr_id, kr, again = _key_result(f, i, item, seen)
            if memo is not None and not again:
                memo[id(item)] = (item, i, kr_id, kr)
            if kr_id is None or again:
                continue
        seen.add(kr_id)
        if kr is not None:
            out.append(kr)
    return out


#: what a key result may say beside its title and still have its figures read
#: from a "from … to …" in the title: anything but a way of measuring it. A
#: KPI is no figure: ``- title: MRR from $180k to $250k`` with ``kpi: mrr``
#: takes its start and target from the title and its value from the KPI
_NO_FIGURES = ("start", "current", "unit", "score", *_MEASURE_KEYS)


def _weight(f: _Fields, data: Mapping[str, Any], path: Path_) -> float | None:
    """A ``weight:``, also as a percentage, as OKR tools that have weights sum
    them to 100% (``weight: 50%``): a share, 0.5, of the default weight 1
    (100%). Weights count relative to each other, so key results weighted
    50%, 25% and 25% count as 2, 1 and 1 would."""
    raw = data.get("weight")
    if raw is None:
        return None
    if isinstance(raw, str):
        written = read_number(raw)
        if written is not None and written[1]:
            if written[0] < 0:
                f.err("OKR107", f"weight must be at least 0, got {raw.strip()}", (*path, "weight"))
                return None
            return written[0] / 100
    return f.number(data, "weight", path, low=0)


#: a target written as a bound to keep (``target: >= 99.9%``, ``target: at
#: most 5``): the comparison, and the key it stands for
_BOUND = re.compile(
    r"\s*(?P<op>>=|=>|≥|<=|=<|≤|>|<|at least|at most|min\.?|max\.?|minimum|maximum)\s*"
    r"(?P<figure>\S.*)",
    re.IGNORECASE,
)
_BOUND_KEYS = {
    ">=": "stay_above", "=>": "stay_above", "≥": "stay_above", "at least": "stay_above",
    "min": "stay_above", "min.": "stay_above", "minimum": "stay_above",
    "<=": "stay_below", "=<": "stay_below", "≤": "stay_below", "at most": "stay_below",
    "max": "stay_below", "max.": "stay_below", "maximum": "stay_below",
}  # fmt: skip


def _kr_threshold(f: _Fields, item: dict[str, Any], path: Path_) -> dict[str, Any]:
    """A target written as a bound the value must keep, as people write a
    key result that holds a level (``target: ">= 99.9%"``, ``target: at most
    5``): the key result's ``stay_above`` or ``stay_below``. A strict bound
    (``< 5``) is refused with what to write: ``stay_below`` lets the value
    equal its figure, and which whole number is meant is the writer's call."""
    target = item.get("target")
    if not isinstance(target, str) or "stay_above" in item or "stay_below" in item:
        return item
    found = _BOUND.fullmatch(target)
    if found is None:
        return item
    op, figure = found["op"].lower(), found["figure"].strip()
    key = _BOUND_KEYS.get(op)
    if key is None:  # > or <
        above = op == ">"
        f.err(
            "OKR102",
            f"target {shown_value(target)} is a strict bound: the value must stay "
            f"{'above' if above else 'below'} {figure} without reaching it",
            (*path, "target"),
            hint=f"write stay_{'above' if above else 'below'}: with the last figure that "
            f'still counts (it may equal it), or target: "{">=" if above else "<="} {figure}"',
        )
        return {k: v for k, v in item.items() if k != "target"}
    return {**{k: v for k, v in item.items() if k != "target"}, key: figure}


def _kr_measure(f: _Fields, item: dict[str, Any], path: Path_) -> dict[str, Any]:
    """A key result's figures written as a goal's are: ``measure: from 8 h to
    2 h`` or ``measure: {start: 8, target: 2, unit: h}`` (figures written
    beside it are ignored with OKR111, as for a goal); and a title that says
    "from … to …" when nothing else measures the key result (``- title:
    Raise CSAT from 82% to 90%``): read as the sentence ``- Raise CSAT from
    82% to 90%`` is. The returned mapping has the figures as its own keys."""
    # only a key no key result has can be "Measure" (known keys are respelled)
    written = (
        "measure"
        if "measure" in item
        else None
        if KR_KEYS.issuperset(item)
        else next((k for k in item if yamlsource.key_form(k) == "measure"), None)
    )
    if written is None:
        title = item.get("title")
        if (
            isinstance(title, str)
            and item.get("target") is None  # the usual key result: nothing to read
            and not any(item.get(k) is not None for k in _NO_FIGURES)
        ):
            figures = _written_out(title)
            figures.pop("title")
            if figures:
                return {**item, **figures}
        return item
    raw = item[written]
    rest = {k: v for k, v in item.items() if k != written}
    where: Path_ = (*path, written)
    if isinstance(raw, str):
        sentence = measure_sentence(raw)
        if sentence is None:
            f.err(
                "OKR106",
                f"measure must say where the key result starts and ends, got {shown_value(raw)}",
                where,
                hint="write measure: from 8 h to 2 h, or start:, target: and unit: of their own",
            )
            return rest
        figures = sentence
    elif isinstance(raw, dict):
        figures = respelled(
            {str(k): v for k, v in raw.items()}, _GOAL_MEASURE_KEYS, key_aliases.GOAL_MEASURE
        )
        f.unknown_keys(figures, _GOAL_MEASURE_KEYS, where, "a measure")
        figures = {k: v for k, v in figures.items() if k in _GOAL_MEASURE_KEYS}
    else:
        f.err(
            "OKR106",
            f"measure must be a sentence or a mapping, got {shown_value(raw)}",
            where,
            hint="write measure: from 8 h to 2 h, or measure: {start: 8, target: 2, unit: h}",
        )
        return rest
    for key in sorted(_GOAL_MEASURE_KEYS & rest.keys()):
        if rest[key] is not None:
            f.warn(
                "OKR111",
                f"{key} beside measure: is ignored: measure: gives the key result's figures",
                (*path, key),
                hint=f"move it into measure: ({key}: {shown_value(rest[key])}) or remove it",
            )
    return {**rest, **figures}


def _key_result(
    f: _Fields, i: int, item: Any, seen: set[str]
) -> tuple[str | None, KeyResult | None, bool]:
    """Key result ``i``: (its id, None when unusable; the key result, None when
    unusable; whether the id is one an earlier key result already has)."""
    path: Path_ = ("key_results", i)
    if isinstance(item, str) and item.strip():
        item = _written_out(item)
    if not isinstance(item, dict):
        f.err(
            "OKR106",
            f"key result {i + 1} must be a mapping with a title, got {shown_value(item)}",
            path,
            hint="write '- title: …' followed by indented keys like 'target: 10'",
        )
        return None, None, False
    item = respelled({str(k): v for k, v in item.items()}, KR_KEYS, key_aliases.KEY_RESULT)
    if len(item) == 1 and not KR_KEYS.issuperset(item):
        ((key, value),) = item.items()
        if (
            not isinstance(value, (dict, list))
            and key != "progress"
            and (" " in key.strip() or closest(key, KR_KEYS) is None)
        ):
            # "- Launch the website (done: no)": YAML read the ': ' in the
            # sentence as a key and its value, so no part of it is a title
            said = value if isinstance(value, str) else "…"
            f.err(
                "OKR106",
                f"key result {i + 1} was read as the key {shown_value(key)} with the value "
                f"{shown_value(value)}: in YAML a ': ' inside a sentence starts a value",
                path,
                hint=f'put the whole sentence in quotes: - "{key}: {said}", '
                "or write it as 'title: …' with its own keys",
            )
            return None, None, False
    if "score" not in item and not KR_KEYS.issuperset(item):
        # progress: 40%, a key result's progress given by hand as other OKR
        # tools write it: what okrsite's score: is (it overrides the measure)
        written = next((k for k in item if yamlsource.key_form(k) == "progress"), None)
        if written is not None:
            item = {("score" if k == written else k): v for k, v in item.items()}
    item = _units_written(f, _kr_threshold(f, _kr_measure(f, item, path), path), path, "key result")
    f.unknown_keys(item, KR_KEYS, path, "a key result", _KR_KEY_HINTS)
    kr_id = f.text(item, "id", path) or f"kr{i + 1}"
    if not KR_ID_RE.match(kr_id) or limits.utf8_length(kr_id) > limits.MAX_ID_SEGMENT_BYTES:
        f.err(
            "OKR006",
            f"key result id {shown_value(kr_id)} may contain only letters, digits, '-', '_', '.'",
            (*path, "id"),
        )
        return None, None, False
    if kr_id in seen:
        f.err(
            "OKR110",
            f"key result id {shown_value(kr_id)} is used twice in this objective",
            (*path, "id"),
            hint="give each key result its own id",
        )
        return kr_id, None, True
    title = f.text(item, "title", path, required=True)
    measures = [k for k in _MEASURE_KEYS if item.get(k) is not None]
    if len(measures) > 1:
        f.err(
            "OKR109",
            f"key result {shown_value(kr_id)} mixes {' and '.join(measures)}: choose one way to measure it",
            (*path, measures[1]),
            hint="a key result is numeric (target), a checklist (milestones), done: true/false, or stay_above/stay_below",
        )
    weight = _weight(f, item, path)
    score = _score(f, item, path)
    percents, currencies = len(f.percents), len(f.currencies)
    start, target, current = _with_unit(
        f,
        item,
        lambda: tuple(f.number(item, key, path, percent=True) for key in _NUMERIC_KEYS),
    )
    kpi = f.ref(item, "kpi", path)
    unit = f.text(item, "unit", path) or ""
    status = _status(f, item, path)
    milestones: tuple[Milestone, ...] = ()
    done: bool | None = None
    threshold: float | None = None
    kind: str
    if item.get("milestones") is not None:
        kind = "milestones"
        milestones = _milestones(f, item["milestones"], (*path, "milestones"))
    elif item.get("done") is not None:
        kind = "boolean"
        done = f.boolean(item, "done", path)
    elif item.get("stay_above") is not None:
        kind = "stay_above"
        threshold = _with_unit(f, item, lambda: f.number(item, "stay_above", path, percent=True))
    elif item.get("stay_below") is not None:
        kind = "stay_below"
        threshold = _with_unit(f, item, lambda: f.number(item, "stay_below", path, percent=True))
    elif item.get("target") is not None:
        kind = "numeric"
        if start is None:
            start = 0.0
    else:
        kind = "rollup"
        if kpi is not None:
            f.err(
                "OKR101",
                f"key result {shown_value(kr_id)} takes its value from KPI {shown_value(kpi)} but has no target",
                path,
                hint="add 'target:' (and 'start:') to say what value of the KPI counts as done",
            )
    unit = _percent_unit(f, unit, f.percents[percents:], "the key result's")
    unit = _currency_unit(unit, f.currencies[currencies:])
    if title is None:
        return kr_id, None, False
    return (
        kr_id,
        KeyResult(
            id=kr_id,
            title=title,
            kind=kind,  # type: ignore[arg-type]
            start=start,
            target=target,
            current=current,
            unit=unit,
            weight=1.0 if weight is None else weight,
            kpi=kpi,
            milestones=milestones,
            done=done,
            threshold=threshold,
            score=score,
            status=status,  # type: ignore[arg-type]
            index=i,
        ),
        False,
    )


#: the words OKR guides use for the two kinds of objective
_COMMITMENT_WORDS = {
    "commit": "committed",
    "roofshot": "committed",
    "moonshot": "aspirational",
    "stretch": "aspirational",
    "aspiration": "aspirational",
}


#: a commitment as a yes/no key: the kind a ``true`` says
_COMMITMENT_FLAGS = {
    **_COMMITMENT_WORDS,
    "committed": "committed",
    "aspirational": "aspirational",
}


def _commitment_flag(data: dict[str, Any]) -> dict[str, Any]:
    """``aspirational: true`` (or ``committed:``, ``stretch:``, ``moonshot:``,
    ``roofshot:`` with yes or no), as other OKR tools' check boxes write it,
    read as the ``commitment:`` it says. Only without a ``commitment:`` line
    and with one such flag: anything else is left to be warned of as written."""
    if "commitment" in data or KNOWN_KEYS["objective"].issuperset(data):
        return data  # the usual case (no flag is a known key), checked in one step
    forms = {k: yamlsource.key_form(str(k)) for k in data}
    flags = [k for k, form in forms.items() if form in _COMMITMENT_FLAGS]
    if len(flags) != 1 or type(data[flags[0]]) is not bool:
        return data
    flag = flags[0]
    word = _COMMITMENT_FLAGS[forms[flag]]
    if not data[flag]:
        word = "committed" if word == "aspirational" else "aspirational"
    return {("commitment" if k == flag else k): (word if k == flag else v) for k, v in data.items()}


def _commitment(f: _Fields, data: Mapping[str, Any]) -> str:
    """``committed`` or ``aspirational``, also as OKR guides say them (``moonshot``,
    ``stretch``: aspirational; ``roofshot``: committed)."""
    value = data.get("commitment")
    if isinstance(value, str):
        word = _COMMITMENT_WORDS.get(value.strip().lower().replace(" ", "").replace("-", ""))
        if word is not None:
            return word
    return str(f.choice(data, "commitment", ("committed", "aspirational"), "committed", ()))


#: what other OKR tools' status fields say: how a goal is going, which okrsite
#: works out itself (a ``status:`` line says whether it counts at all)
_HEALTH_WORDS = frozenset(
    [
        "on track",
        "on-track",
        "ontrack",
        "at risk",
        "at-risk",
        "off track",
        "off-track",
        "behind",
        "ahead",
        "green",
        "yellow",
        "amber",
        "red",
        "done",
        "complete",
        "completed",
        "achieved",
    ]
)


def _status(f: _Fields, data: Mapping[str, Any], path: Path_) -> str:
    """An objective's or key result's ``status:`` (active, draft, dropped). A
    health word from other tools (``at risk``) is read past with a warning:
    okrsite judges how a goal is going from its figures."""
    value = data.get("status")
    word = " ".join(value.lower().split()) if isinstance(value, str) else ""
    if word in _HEALTH_WORDS:
        finished = word in ("done", "complete", "completed", "achieved")
        f.warn(
            "OKR122",
            f"status {shown_value(value)} is worked out by okrsite from "
            f"{'the figures' if finished else 'progress and pace'}; this line is ignored",
            (*path, "status"),
            hint=(
                "set 'current:' to the target, tick the milestones, or write 'done: true' "
                "for a yes/no key result"
                if finished
                else "remove it (status says whether a goal counts: active, draft or "
                "dropped); a check-in's confidence says how sure the owner is"
            ),
        )
        return "active"
    return str(f.choice(data, "status", ("active", "draft", "dropped"), "active", path))


def _score(f: _Fields, item: Mapping[str, Any], path: Path_) -> float | None:
    """A key result's hand-given score, 0 to 1, or as a percentage (``70%`` is 0.7)."""
    mark = len(f.percents)
    score = f.number(item, "score", path, percent=True)
    if score is not None and len(f.percents) > mark:
        del f.percents[mark:]  # a score in percent is a share, not a figure in '%'
        score = round(score / 100, 9)
    if score is not None and not 0 <= score <= 1:
        f.err(
            "OKR107",
            f"score must be between 0 and 1, got {_fmt(score)}",
            (*path, "score"),
            hint="write the score as 0.7 or 70%",
        )
        return None
    return score


#: a figure in a sentence: a sign, a currency before or after, digits that
#: commas, points, apostrophes or spaces may group (``1,200``, ``1 200``), a
#: thousand, million or billion (``$200k``, ``1.2M €``, ``1,2 M€``)
_FIGURE = (
    r"[-+\u2212]?[$€£¥]?\d(?:[\d.,']|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))*"
    r"(?:\s?(?:[kMB]|bn)(?![^\W\d_]))?(?:\s?[$€£¥](?!\w))?"
)
#: "from 30 to 50", "from 8h to 2h", "from $200k to $1M", "from 5% to 2%"
#: (compiled when a key result is first written as a sentence)
_FROM_TO = (
    rf"\bfrom\s+(?P<a>{_FIGURE})\s*(?P<ua>%|[^\W\d_]+)?"
    rf"\s+to\s+(?P<b>{_FIGURE})\s*(?P<ub>%|[^\W\d_]+)?"
)
#: words that may follow a figure in a sentence but are no unit of it
#: ("from 30 to 50 by March", "from 12% to 9% in EMEA")
_NOT_UNITS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "before",
        "by",
        "during",
        "each",
        "every",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "per",
        "than",
        "the",
        "this",
        "through",
        "till",
        "to",
        "until",
        "while",
        "with",
        "within",
        "without",
        # how often: "from 5% to 3% monthly", "from €1M to €2M annually"
        "annually",
        "yearly",
        "quarterly",
        "monthly",
        "weekly",
        "biweekly",
        "daily",
        "nightly",
        "hourly",
        "jährlich",
        "quartalsweise",
        "monatlich",
        "wöchentlich",
        "täglich",
        "stündlich",
        "pro",
        "je",
        "im",
        "bis",
    ]
)
#: one comma or point before exactly three digits: thousands or decimals?
_ONE_MARK = r"[1-9]\d{0,2}([.,])\d{3}"


def _sentence_unit(word: str | None) -> str | None:
    """The unit a word after a figure names, or ``None`` ("by", "in": no unit)."""
    return None if word is None or word.casefold() in _NOT_UNITS else word


def _sentence_figure(text: str, other: str) -> tuple[float, bool] | None:
    """A figure of a "from … to …" sentence, read with the other figure as context.

    ``1,200`` and ``1.200`` alone say neither thousands nor decimals (a
    ``start:`` refuses the first and warns on the second). In a sentence the
    other side tells: when it uses the same mark for decimals (``from 1,200
    to 1,5``) the mark is a decimal one; otherwise it groups thousands, as
    people write counts in prose (``from 1,200 to 900``, German ``von 1.200
    auf 900``, ``from 12,500 to 15,000``).
    """
    core = re.search(r"\d[\d.,']*", text)
    shape = re.fullmatch(_ONE_MARK, core.group()) if core is not None else None
    if core is None or shape is None:
        return read_number(text)
    mark = shape.group(1)
    decimal = re.search(rf"\{mark}(?:\d{{1,2}}|\d{{4,}})(?!\d)", other) is not None
    written = core.group().replace(mark, "." if decimal else "")
    return read_number(text[: core.start()] + written + text[core.end() :])


def _written_out(sentence: str) -> dict[str, Any]:
    """A key result written as a sentence, as people list them (``- Increase NPS
    from 30 to 50``): its title, and the start, target and unit its "from …
    to …" says, when both sides are numbers (:mod:`okrsite.written_numbers`)
    of the same thing: "Move 40 services from 2 data centres to 1 region"
    counts different things on each side and is no measure (its title only).
    """
    item: dict[str, Any] = {"title": sentence.strip()}
    found = re.search(_FROM_TO, sentence, re.IGNORECASE)  # re keeps it compiled
    if found is None:
        return item
    ua, ub = _sentence_unit(found["ua"]), _sentence_unit(found["ub"])
    if ua is None and all(any(c in CURRENCY_SIGNS for c in found[s]) for s in "ab"):
        ub = None  # from €1M to €2M steigern: both amounts name their unit, the word is none
    if ua and ub and ua.casefold() != ub.casefold():
        return item
    start = _sentence_figure(found["a"], found["b"])
    target = _sentence_figure(found["b"], found["a"])
    if start is None or target is None:
        return item
    units = {u for u in (ua, ub) if u}
    if not units:  # from $1M to $3,000,000: the currency, as for target: $3,000,000
        units = {c for c in found["a"] + found["b"] if c in CURRENCY_SIGNS}
    item["start"], item["target"] = start[0], target[0]
    if len(units) == 1:
        item["unit"] = units.pop()
    return item


def measure_sentence(text: str) -> dict[str, Any] | None:
    """A goal's ``measure:`` written as a key result's sentence is
    (``measure: from 8 h to 2 h``, ``8 h to 2 h``): its start, target and
    unit, read as :func:`_written_out` reads a key result's; ``None`` when
    the text says no such thing. ``okrsite checkin`` reads it too, to write
    the measure's ``current`` beside its figures."""
    figures = _written_out(text if re.search(r"\bfrom\b", text, re.I) else f"from {text}")
    if "target" not in figures:
        return None
    return {k: v for k, v in figures.items() if k != "title"}


def _measure_written_out(f: _Fields, text: str) -> dict[str, Any]:
    """The figures of a ``measure:`` written as a sentence
    (:func:`measure_sentence`); anything else is refused, with a hint that
    shows both forms (and no measure)."""
    figures = measure_sentence(text)
    if figures is not None:
        return figures
    f.err(
        "OKR106",
        f"measure must say where the goal starts and ends, got {shown_value(text)}",
        ("measure",),
        hint="write measure: {start: 8, target: 2, unit: h} or measure: from 8 h to 2 h",
    )
    return {}


#: a milestone written as a Markdown task list item (``[x] Review``, ``[ ]
#: Draft``) or with a tick before it (``✅ Review``, ``✓ Review``)
_TICK = re.compile(r"\s*(?:\[(?P<box>[ xX✓✔]?)\]|(?P<tick>[✅✓✔☑]))\s*(?P<title>\S.*)", re.S)


def open_task(text: str) -> str | None:
    """The title of a milestone written as an unticked task list item
    (``[ ] Draft`` → ``Draft``); ``None`` for any other text."""
    found = _TICK.fullmatch(text)
    if found is None or found["tick"] is not None or (found["box"] or " ").strip():
        return None
    return found["title"].strip()


def _ticked(text: str) -> Milestone:
    """A milestone written as a line of text, done when it says so as a task
    list does (``[x] Review`` is done, ``[ ] Draft`` is not)."""
    found = _TICK.fullmatch(text)
    if found is None:
        return Milestone(text, False)
    done = found["tick"] is not None or (found["box"] or " ").strip() != ""
    return Milestone(found["title"].strip(), done)


def _milestones(f: _Fields, raw: Any, path: Path_) -> tuple[Milestone, ...]:
    if not isinstance(raw, list) or not raw:
        f.err(
            "OKR106",
            f"milestones must be a non-empty list, got {shown_value(raw)}",
            path,
            hint="write '- {title: Shortlist, done: true}' entries",
        )
        return ()
    if f.too_many(raw, limits.MAX_MILESTONES, "milestones", path):
        return ()
    out = []
    for j, m in enumerate(raw):
        if isinstance(m, str):
            out.append(_ticked(m))
            continue
        if not isinstance(m, dict):
            f.err("OKR106", f"milestone {j + 1} must be a mapping with title and done", (*path, j))
            continue
        m = {str(k): v for k, v in m.items()}
        title = f.text(m, "title", (*path, j), required=True)
        done = f.boolean(m, "done", (*path, j))
        if title is not None:
            out.append(Milestone(title, bool(done)))
    return tuple(out)


def _initiatives(f: _Fields, data: dict[str, Any]) -> list[Initiative]:
    raw = data.get("initiatives")
    if raw is None:
        return []
    if not isinstance(raw, list):
        f.err("OKR106", f"initiatives must be a list, got {shown_value(raw)}", ("initiatives",))
        return []
    if f.too_many(raw, limits.MAX_INITIATIVES, "initiatives", ("initiatives",)):
        return []
    out = []
    for i, item in enumerate(raw):
        path: Path_ = ("initiatives", i)
        if isinstance(item, str):
            out.append(Initiative(item))
            continue
        if not isinstance(item, dict):
            f.err("OKR106", f"initiative {i + 1} must be a mapping with a title", path)
            continue
        item = {str(k): v for k, v in item.items()}
        title = f.text(item, "title", path, required=True)
        link = f.text(item, "link", path)
        if link is not None and not re.match(
            r"^(https?://|mailto:|/|\.|#|[\w-]+(/|$))", link, re.I
        ):
            f.warn(
                "OKR112",
                f"initiative link {shown_value(link)} is not an http(s) address and will not be linked",
                (*path, "link"),
            )
            link = None
        if title is not None:
            out.append(
                Initiative(
                    title,
                    f.text(item, "status", path) or "active",
                    link,
                    # a name or an id, as an objective's owner: the person
                    # page it links to is the one that name becomes
                    f.name(item, "owner", path, "person"),
                )
            )
    return out


def _confidence(f: _Fields, data: dict[str, Any]) -> float | None:
    value = data.get("confidence")
    if value is None:
        return None
    if isinstance(value, str) and (word := confidence_word(value)) is not None:
        return word
    if isinstance(value, str) and value.strip().endswith("%"):
        # 70% certain: the 0-10 scale's 7, as okrsite import reads a sheet's 70%
        share = _as_number(value.strip()[:-1])
        if share is not None and 0 <= share <= 100:
            return round(share / 10, 6)
    if isinstance(value, str) and value.replace(" ", "").endswith("/10"):
        out_of_ten = _as_number(value.replace(" ", "")[:-3])  # 7/10: the scale written out
        if out_of_ten is not None and 0 <= out_of_ten <= 10:
            return out_of_ten
    number = _as_number(value)
    if number is None:
        f.err(
            "OKR102",
            f"confidence must be 0-10, low/medium/high, a traffic light or a percentage, "
            f"got {shown_value(value)}",
            ("confidence",),
            hint="write how sure the owner is from 0 (not at all) to 10 (certain): 7, 7/10, "
            "70%, high or green",
        )
        return None
    if 0 < number < 1 and not isinstance(value, bool):
        # 0.8: a share of one, as tools that score confidence 0-1 write it;
        # 0.8 on okrsite's 0-10 scale would be next to no confidence at all
        out_of_ten = round(number * 10, 6)
        f.warn(
            "OKR125",
            f"confidence {_fmt(number)} is read as {_fmt(out_of_ten)} out of 10 (a share of one)",
            ("confidence",),
            hint=f"write {_fmt(out_of_ten)} (confidence is 0-10) or {_fmt(out_of_ten * 10)}%",
        )
        return out_of_ten
    return f.number(data, "confidence", (), low=0, high=10)


def _checkin(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> CheckIn | None:
    objective = f.ref(data, "objective", ())
    kpi = f.ref(data, "kpi", ())
    day, time = _checkin_moment(f, data)
    if objective is None and kpi is None:
        f.err(
            "OKR101",
            "a check-in needs 'objective:' (with values) or 'kpi:' (with value)",
            (),
            hint="add 'objective: <objective id>' and 'values: {kr1: 3}', or file it in "
            "checkins/<objective id>/ as okrsite checkin does",
        )
    elif objective is not None and kpi is not None:
        f.err("OKR109", "a check-in names either an objective or a KPI, not both", ("kpi",))
    values: dict[str, float] = {}
    yes_no: list[str] = []
    texts: list[tuple[str, str]] = []
    units: list[tuple[str, str]] = []
    raw_values = _values_listed(f, data)
    if raw_values is not None:
        if kpi is not None and objective is None:
            f.err("OKR109", "a KPI check-in takes a single 'value:', not 'values:'", ("values",))
        for key, value, path in raw_values:
            if isinstance(value, str) and value.strip().lower() in _DONE_WORDS:
                value = _DONE_WORDS[value.strip().lower()]
            if isinstance(value, bool):  # launch: yes (or true, on): a yes/no key result's
                values[key] = 1.0 if value else 0.0
                yes_no.append(key)
                continue
            if (
                objective is not None
                and path[0] == "values"
                and isinstance(value, str)
                and value.strip()
                and not any(c.isdigit() for c in value)
                and _as_number(value) is None
                and not (f.unit_word and without_unit(value, f.unit_word) is not None)
            ):
                texts.append((key, value))  # site: Design approved; resolving says what to do
                continue
            if isinstance(value, str):
                value = _unit_noted(value, key, units)
            number = f.number_value(value, f"value of {key}", path, percent=True)
            if number is not None:
                values[key] = number
    if isinstance(data.get("value"), str):
        data = {**data, "value": _unit_noted(data["value"], "value", units)}
    value = f.number(data, "value", (), percent=True)
    # what was written as a percentage: resolving holds it to the key result's unit
    percent = tuple(
        str(path[-1]) if path[0] == "values" or str(path[0]) in f.loose else "value"
        for path in f.percents
    )
    if kpi is not None and value is None and "value" not in data:
        f.err("OKR101", "a KPI check-in needs 'value:'", (), hint="add 'value: 42'")
    confidence = _confidence(f, data)
    body = parts.body
    for key in ("note", "notes", "comment"):  # the note in the front matter, as forms write it
        note = f.text(data, key, ())
        if note:
            body = note.strip() + "\n" + ("\n" + body if body.strip() else "")
            break
    return CheckIn(
        id=rid,
        file=rel,
        date=UNDATED if day is None else day,  # the date's error makes the file broken
        objective=objective,
        kpi=kpi,
        author=f.name(data, "author", (), "person"),
        confidence=confidence,
        values=values,
        value=value,
        body=body,
        body_line=parts.body_line,
        time=time,
        percent=percent,
        loose=f.loose,
        yes_no=tuple(yes_no),
        texts=tuple(texts),
        units=tuple(units),
        implied=f.implied,
    )


#: a yes/no key result's value written as a word YAML leaves as text
_DONE_WORDS = {"done": True, "not done": False}


_NAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[-_ .T][^/]*)?\.md")


def _dated_by_name(data: dict[str, Any], rel: str) -> dict[str, Any]:
    """A check-in without ``date:`` whose file name starts with one
    (``2026-11-25.md``, as ``okrsite checkin`` names them; ``2026-11-25-2.md``,
    ``2026-11-25-weekly.md``, as Jekyll and Hugo date posts by their names):
    that day. A name that is no day (``2026-02-30.md``) gives none, and the
    missing ``date:`` is reported as before."""
    if data.get("date") is not None:
        return data
    m = _NAME_DATE.fullmatch(rel.rpartition("/")[2])
    if m is None:
        return data
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return data
    return {**data, "date": day}


def _filed_in(data: dict[str, Any], rid: str) -> tuple[dict[str, Any], bool]:
    """A check-in that names neither objective nor KPI, filed as ``okrsite
    checkin`` files them (``checkins/<id>/<date>.md``): the folder names the
    objective, or the KPI when the check-in gives a single ``value:``; and
    whether it did (resolving says so when the folder is no such id)."""
    if data.get("objective") is not None or data.get("kpi") is not None or "/" not in rid:
        return data, False
    folder = rid.rpartition("/")[0]
    if not _valid_ref(folder):
        return data, False
    return {**data, ("kpi" if "value" in data else "objective"): folder}, True


def _loose_values(data: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """A check-in that names its objective and no ``values:``, with key results'
    values written at the top (``lead: 5``), as people jot them down: those
    keys as its values, and which they were. Only keys okrsite does not know,
    with a number (``5``, ``4.5``, ``45%``); resolving warns of any that
    names no key result of the objective, as of any unknown key. A KPI's
    check-in without ``value:`` may give it under the KPI's id (``kpi: nps``,
    ``nps: 44``)."""
    kpi = data.get("kpi")
    named = kpi.strip() if isinstance(kpi, str) else None
    if (  # kpi: nps and nps: 44, the KPI's reading under its own name
        named in data
        and "value" not in data
        and "objective" not in data
        and _number_like(data[named])
    ):
        moved = {key: value for key, value in data.items() if key != named}
        moved["value"] = data[named]
        return moved, ()
    if "values" in data or data.get("objective") is None or "kpi" in data:
        return data, ()
    known = KNOWN_KEYS["checkin"]
    loose = tuple(
        str(key) for key, value in data.items() if str(key) not in known and _number_like(value)
    )
    if not loose:
        return data, ()
    kept = {key: value for key, value in data.items() if str(key) not in loose}
    kept["values"] = {str(key): value for key, value in data.items() if str(key) in loose}
    return kept, loose


def _number_like(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    if isinstance(value, str):
        text = value.strip().removesuffix("%").strip()
        if text and (_as_number(text) is not None or ambiguous_comma(text) is not None):
            return True  # 1,850 where the language tells neither: OKR102 with both readings
        found = split_unit(value)  # 5 h, 1200 tickets: a value with its unit
        return found is not None and (
            _as_number(found[0]) is not None or read_number(found[0]) is not None
        )
    return False


def _values_listed(f: _Fields, data: dict[str, Any]) -> list[tuple[str, Any, Path_]] | None:
    """A check-in's ``values:``: a mapping (``{kr1: 3, kr2: 5}``), or a list of
    one-key mappings as YAML lists are written (``- kr1: 3``); each value with
    its key and its path in the front matter."""
    raw = data.get("values")
    if isinstance(raw, list) and raw and all(isinstance(x, dict) and len(x) == 1 for x in raw):
        out: list[tuple[str, Any, Path_]] = []
        seen: set[str] = set()
        for i, item in enumerate(raw):
            ((key, value),) = item.items()
            key = str(key)
            if key in seen:
                f.err(
                    "OKR007",
                    f"key result {shown_value(key)} has two values in one check-in",
                    ("values", i, key),
                    hint="keep one value per key result",
                )
                continue
            seen.add(key)
            out.append((key, value, ("values", i, key)))
        return out
    mapping = f.mapping(data, "values", ())
    if mapping is None:
        return None
    return [
        (str(key), value, (str(key),) if str(key) in f.loose else ("values", str(key)))
        for key, value in mapping.items()
    ]


#: a check-in value with a word after its figure (``5 h``, ``1,200 tickets``)
_FIGURE_AND_WORD = re.compile(
    r"(?P<figure>.*\d%?)(?P<space>\s*)(?P<word>[^\W\d_][^\d]{0,29})", re.S
)
#: digits with the marks that group or divide them: a figure, however
#: ambiguous (``1,200``), whose own error the number's reading gives
_DIGITS = re.compile(r"[-+]?\d[\d.,' \u00a0]*%?")


def split_unit(value: str) -> tuple[str, str] | None:
    """The figure and the unit of a number written with its unit after it
    (``("5", "h")`` of ``5 h``, ``1,200 tickets``, ``10k users``); ``None``
    for a number as written (``1.5k``, ``$3M``, ``45 %``) or a text that is
    no figure and word. The figure may still be one whose reading fails
    (``1,200`` is ambiguous): its own error says why."""
    text = value.strip()
    if read_number(text) is not None:  # 1.5k, $3M, 45 %: numbers as written
        return None
    found = _FIGURE_AND_WORD.fullmatch(text)
    if found is None:
        return None
    figure, word = found["figure"], found["word"].strip()
    if not found["space"] and " " in word:  # 10k users: a magnitude stuck to the figure
        magnitude, rest = word.split(None, 1)
        if read_number(figure + magnitude) is not None:
            figure, word = figure + magnitude, rest.strip()
    if _as_number(figure) is None and read_number(figure) is None and not _DIGITS.fullmatch(figure):
        return None
    return figure, word


def _unit_noted(value: str, key: str, units: list[tuple[str, str]]) -> str:
    """The figure of a check-in value written with a unit after it (``5 h``,
    ``1,200 tickets``, ``10k users``, as the key result's own figures may
    be), the unit noted in ``units`` for resolving to hold to the key
    result's or KPI's; ``value`` as it is when it is a number already or no
    figure and word."""
    found = split_unit(value)
    if found is None:
        return value
    units.append((key, found[1]))
    return found[0]


#: words after a figure that say how many, not of what (``5 m``: million, or
#: metres?): no unit is taken from them, and the figure stays an error
_MAGNITUDES = frozenset(
    [
        "m",
        "mm",
        "mn",
        "mio",
        "mil",
        "mill",
        "million",
        "millions",
        "millionen",
        "thousand",
        "thousands",
        "tausend",
        "tsd",
        "billion",
        "billions",
        "bn",
        "mrd",
        "milliarde",
        "milliarden",
        "lakh",
        "crore",
    ]
)
#: the figures of a key result or a goal's measure that may carry its unit
_FIGURE_KEYS = ("start", "target", "current", "stay_above", "stay_below")


def _units_written(f: _Fields, item: dict[str, Any], path: Path_, what: str) -> dict[str, Any]:
    """A key result's or measure's figures written with their unit and no
    ``unit:`` line (``start: 8 hours``, ``target: 2 h``): the unit is the
    target's word (else the first written), and every figure must be in it
    (any spelling of it, :func:`okrsite.units.same_unit`); a figure in
    another unit is error OKR312, as okrsite converts nothing."""
    if item.get("unit") is not None:
        return item  # the usual case: figures beside unit: are read past it
    words = [
        (key, found[1])
        for key in _FIGURE_KEYS
        if type(value := item.get(key)) is str
        and (found := split_unit(value)) is not None
        and not found[0].endswith("%")  # 5%x: no figure with a unit
        and found[1].casefold() not in _MAGNITUDES
    ]
    if not words:
        return item
    unit_key, unit = next(((k, w) for k, w in words if k == "target"), words[0])
    figure = split_unit(item[unit_key])
    read = read_number(figure[0]) if figure is not None else None
    unit = unit_name(unit, read[0] if read is not None else None, [w for _k, w in words])
    out = {**item, "unit": unit}
    for key, word in words:
        if not same_unit(word, unit):
            f.err(
                "OKR312",
                f"{key} is written in {word!r} but {unit_key} in {unit!r}: okrsite converts nothing",
                (*path, key),
                hint=f"write {key} in {unit!r} too, or give the {what} a 'unit:' and figures in it",
            )
            out[key] = None
    return out


def _checkin_moment(f: _Fields, data: dict[str, Any]) -> tuple[date | None, str]:
    """A check-in's ``date``, which may carry a time of day (``2026-11-29T14:05``).

    The time only orders check-ins of one day, so it is kept as zero-padded
    ``HH:MM`` (or ``HH:MM:SS``) text, whose text order is time order. It may
    be written as scripts write it (``2026-11-29T14:05:00.123Z``,
    ``+01:00``) or on a 12-hour clock (``2:05 pm``); a zone is read past, so
    the time counts as written.
    """
    raw = data.get("date")
    split = timed(raw) if isinstance(raw, str) else None
    if split is None:
        return f.date_(data, "date", (), required=True), ""
    written, clock = split
    day = f.date_value(written, "date", ("date",))
    if clock is None:
        f.err(
            "OKR104",
            f"date has no such time of day: {str(raw).strip()!r}",
            ("date",),
            hint="write the time as 24-hour HH:MM, e.g. 2026-11-29T14:05",
        )
        return None, ""
    return day, clock


#: the middle light's names: a KPI's thresholds written green and yellow mean
#: what okrsite's green and red do (worse than yellow is red)
_YELLOW = ("yellow", "amber", "orange", "gelb")


def _kpi(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> KPI | None:
    title = f.text(data, "title", (), required=True)
    f.unit_word = data["unit"] if isinstance(data.get("unit"), str) else ""
    written = f.mapping(data, "thresholds", ()) or {}
    thresholds = {str(k): v for k, v in written.items()}
    spelled = {key: key.strip().lower() for key in thresholds}
    if "red" not in spelled.values():
        # traffic lights written green / yellow (amber): worse than yellow is red
        yellow = [key for key, low in spelled.items() if low in _YELLOW]
        if len(yellow) == 1:
            spelled[yellow[0]] = "red"
    for key, low in spelled.items():
        if low not in ("green", "red"):
            f.warn(
                "OKR111",
                f"unknown threshold {shown_value(key)} is ignored",
                ("thresholds", key),
                hint="okrsite needs only green and red: between them is a warning, worse than red critical"
                if low in _YELLOW
                else "thresholds take green and red",
            )
    thresholds = {low: thresholds[key] for key, low in spelled.items() if low in ("green", "red")}
    percents, currencies = len(f.percents), len(f.currencies)
    green = f.number(thresholds, "green", ("thresholds",), percent=True)
    red = f.number(thresholds, "red", ("thresholds",), percent=True)
    way = data.get("direction")
    said = _DIRECTION_WORDS.get(" ".join(way.lower().split())) if isinstance(way, str) else None
    direction = said or f.choice(data, "direction", ("up", "down"), "up", ()) or "up"
    if green is not None and red is not None:
        wrong = green < red if direction == "up" else green > red
        if wrong:
            f.err(
                "OKR113",
                f"thresholds contradict direction {direction}: green {_fmt(green)} is worse than red {_fmt(red)}",
                ("thresholds",),
                hint="for direction: down, green must be below red (lower is better)",
            )
    values: list[tuple[date, float]] = []
    for key, value, day_path, path in _readings(f, data):
        day = f.date_value(key, f"date {key}", day_path, month=True)
        number = f.number_value(value, f"value for {key}", path, percent=True)
        if day is not None and number is not None:
            values.append((day, number))
    data_path = f.text(data, "data", ())
    if data_path is not None and not _safe_relative(data_path):
        f.err(
            "OKR006",
            f"data path {shown_value(data_path)} must be a relative path inside the content folder",
            ("data",),
            hint="write it relative to content/, e.g. data/nps.csv",
        )
        data_path = None
    target = f.number(data, "target", (), percent=True)
    unit = _percent_unit(f, f.text(data, "unit", ()) or "", f.percents[percents:], "the KPI's")
    unit = _currency_unit(unit, f.currencies[currencies:])
    return KPI(
        id=rid,
        file=rel,
        title=title or rid,  # missing: reported; the id stands in
        unit=unit,
        direction=direction,  # type: ignore[arg-type]
        indicator=f.choice(data, "indicator", ("leading", "lagging"), None, ()),  # type: ignore[arg-type]
        owner=f.name(data, "owner", (), "person"),
        team=f.name(data, "team", (), "team"),
        target=target,
        green=green,
        red=red,
        drives=f.text_list(data, "drives", (), refs=True),
        values=tuple(sorted(values)),
        data=data_path,
        body=parts.body,
        body_line=parts.body_line,
    )


#: units that say a figure is a percentage
PERCENT_UNITS = frozenset({"%", "percent", "per cent", "pct", "prozent"})


def is_percent_unit(unit: str) -> bool:
    return unit.strip().lower() in PERCENT_UNITS


def _percent_unit(f: _Fields, unit: str, written: list[Path_], whose: str) -> str:
    """The unit of figures some of which were written as percentages (``45%``):
    ``%`` when none is given; an error when another one is."""
    if not written or is_percent_unit(unit):
        return unit
    if not unit:
        return "%"
    f.err(
        "OKR121",
        f"{written[0][-1]} is written as a percentage, but {whose} unit is {shown_value(unit)}",
        written[0],
        hint=f"write the bare number, or 'unit: \"%\"' if {whose} figures are percentages",
    )
    return unit


def _currency_unit(unit: str, signs: list[str]) -> str:
    """The unit of figures written with a currency sign (``target: €2.5M``):
    that sign when no unit is given and every such figure has the same one,
    so that pages show what was written (``2,500,000 €``), not a bare number."""
    if unit or not signs or len(set(signs)) != 1:
        return unit
    return signs[0]


def _readings(f: _Fields, data: dict[str, Any]) -> list[tuple[Any, Any, Path_, Path_]]:
    """A KPI's ``values:``: a mapping of dates to values (``2026-10-01: 31``), or
    a list of ``{date: …, value: …}`` entries, as tables are pasted; each
    reading as (date as written, value, path of the date, path of the value)."""
    raw = data.get("values")
    if isinstance(raw, list) and raw and all(isinstance(x, dict) for x in raw):
        out: list[tuple[Any, Any, Path_, Path_]] = []
        for i, item in enumerate(raw):
            entry = respelled({str(k): v for k, v in item.items()}, _READING_KEYS)
            if set(entry) != _READING_KEYS:
                f.err(
                    "OKR106",
                    f"reading {i + 1} must have a date and a value, got {shown_value(item)}",
                    ("values", i),
                    hint="write '- {date: 2026-10-01, value: 31}', or 'values: {2026-10-01: 31}'",
                )
                continue
            out.append(
                (entry["date"], entry["value"], ("values", i, "date"), ("values", i, "value"))
            )
        return out
    mapping = f.mapping(data, "values", ())
    if mapping is None:
        return []
    return [
        (key, value, ("values", str(key)), ("values", str(key))) for key, value in mapping.items()
    ]


_READING_KEYS = {"date", "value"}


def _safe_relative(path: str) -> bool:
    return not (
        limits.CONTROL_CHARS.search(path)
        or limits.utf8_length(path) > 1024
        or path.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", path)
        or ".." in re.split(r"[\\/]", path)
    )


_GOAL_MEASURE_KEYS = {"start", "target", "current", "unit"}

#: a KPI's ``direction:`` as people say it beside ``up`` and ``down``
#: (``lower is better`` for churn, ``decrease``, German ``niedriger ist
#: besser``): each says which way is better, and refusing it would only make
#: the writer look up the word okrsite wants
_DIRECTION_WORDS = {
    **dict.fromkeys(
        (
            "higher",
            "higher is better",
            "increase",
            "increasing",
            "maximise",
            "maximize",
            "more is better",
            "höher",
            "höher ist besser",
            "steigend",
            "mehr ist besser",
        ),
        "up",
    ),
    **dict.fromkeys(
        (
            "lower",
            "lower is better",
            "decrease",
            "decreasing",
            "minimise",
            "minimize",
            "less is better",
            "niedriger",
            "niedriger ist besser",
            "sinkend",
            "weniger ist besser",
        ),
        "down",
    ),
}


def _goal(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> Goal | None:
    title = f.text(data, "title", (), required=True)
    measure: Measure | None = None
    written = data.get("measure")
    if isinstance(written, str):
        data = {**data, "measure": _measure_written_out(f, written)}
    raw = f.mapping(data, "measure", ())
    where: Path_ = ("measure",)
    # the measure written at the top (target: 40 beside title:), as a key
    # result's figures are written: the same measure, read from there
    loose = {k: data[k] for k in sorted(_GOAL_MEASURE_KEYS) if data.get(k) is not None}
    if raw is not None:
        raw = respelled(
            {str(k): v for k, v in raw.items()}, _GOAL_MEASURE_KEYS, key_aliases.GOAL_MEASURE
        )
        f.unknown_keys(raw, _GOAL_MEASURE_KEYS, ("measure",), "a measure")
        for key in loose:
            f.warn(
                "OKR111",
                f"{key} beside measure: is ignored: measure: gives the goal's figures",
                (key,),
                hint=f"move it into measure: ({key}: {shown_value(loose[key])}) or remove it",
            )
    elif loose and data.get("measure") is None:
        raw, where = loose, ()
    if raw is not None:
        raw = figures = _units_written(f, raw, where, "measure")
        percents, currencies = len(f.percents), len(f.currencies)
        start, target, current = _with_unit(
            f,
            figures,
            lambda: tuple(f.number(figures, key, where, percent=True) for key in _NUMERIC_KEYS),
        )
        unit = f.text(raw, "unit", where) or ""
        measure = Measure(
            start=0.0 if start is None and target is not None else start,
            target=target,
            current=current,
            unit=_currency_unit(
                _percent_unit(f, unit, f.percents[percents:], "the measure's"),
                f.currencies[currencies:],
            ),
        )
    supports = f.text_list(data, "supports", (), refs=True)
    if len(supports) > 1:
        f.warn(
            "OKR114",
            "a goal supports one objective, key result or KPI; only the first counts",
            ("supports",),
        )
    return Goal(
        id=rid,
        file=rel,
        title=title or rid,  # missing: reported; the id stands in
        owner=f.name(data, "owner", (), "person"),
        team=f.name(data, "team", (), "team"),
        due=_period_end(data.get("due")) or f.date_(data, "due", ()),
        cycle=f.text(data, "cycle", ()),
        supports=supports[0] if supports else None,
        measure=measure,
        tags=f.tags(data, ()),
        body=parts.body,
        body_line=parts.body_line,
    )


def _period_end(value: Any) -> date | None:
    """The last day of a period a goal's ``due:`` names (``Q4 2026``,
    ``2026-H2``, ``Nov 2026``, ``2026``): a goal due "in Q4" is due by its
    end, as people mean it. ``None`` for a date, which is read as a date."""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    text = str(value).strip()
    if read_date(text) is not None:
        return None
    from okrsite.cycles import calendar_cycle, canonical

    cycle = calendar_cycle(canonical(text))
    return cycle.end if cycle is not None else None


def _team(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> Team | None:
    title = f.text(data, "title", ()) or f.text(data, "name", ())
    if title is None and data.get("title") is None and data.get("name") is None:
        f.err(
            "OKR101",
            "missing required key 'title'",
            (),
            hint="add a line 'title: …' (or 'name: …') to the front matter",
        )
    return Team(
        rid,
        rel,
        title or rid,  # missing: reported; the id stands in
        f.name(data, "lead", (), "person"),
        f.name(data, "parent", (), "team"),
        parts.body,
        parts.body_line,
        github=_handle(f, data, "github"),
        gitlab=_handle(f, data, "gitlab"),
        members=_members(f, data),
    )


def _members(f: _Fields, data: dict[str, Any]) -> tuple[str, ...]:
    """A team's ``members:``: people by name or id, as a list or one line
    separated by commas; each a person as ``owner:`` names one."""
    raw = data.get("members")
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [part for part in raw.split(",") if part.strip()]
    if not isinstance(raw, list):
        f.err(
            "OKR102",
            f"members must be a list of people, got {shown_value(raw)}",
            ("members",),
            hint="write members: [Uma Diaz, Tom Lee]",
        )
        return ()
    found: list[str] = []
    for i, item in enumerate(raw):
        person = f.name({str(i): item}, str(i), ("members",), "person")
        if person is not None and person not in found:
            found.append(person)
    return tuple(found)


def _person(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> Person | None:
    # ``title:`` is the person's name, as every record's title is its name;
    # beside a ``name:``, it is what people mean by a title there: the job's
    written_title = f.text(data, "title", ())
    name = f.text(data, "name", ())
    title = name or written_title
    if title is None:
        f.err("OKR101", "missing required key 'title'", (), hint="add 'title: Full Name'")
        return None
    role = f.text(data, "role", ())
    if name is not None and role is None:
        role = written_title
    return Person(
        rid,
        rel,
        title,
        f.name(
            data,
            "team",
            (),
            "team",
            # a person in two teams: the other team's file lists them, which
            # makes them a member there too (its page lists them)
            several="name the main team here, and list this person under 'members:' in "
            "the other team's file: they are then a member of both",
        ),
        role,
        f.text(data, "email", ()),
        parts.body,
        parts.body_line,
        github=_handle(f, data, "github"),
        gitlab=_handle(f, data, "gitlab"),
    )


HANDLE_RE = re.compile(r"^@?[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)*$")


#: a profile's address, as people paste it: github.com/alice,
#: https://github.com/orgs/acme/teams/sales, https://gitlab.example.com/group/alice
_PROFILE_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<host>[^/\s]+\.[a-z]{2,})/(?P<path>[^?#\s]+?)/?$"
)
_GITHUB_TEAM_RE = re.compile(r"^orgs/([^/]+)/teams/([^/]+)$")


def _handle_of_profile(value: str, key: str) -> str:
    """The handle a profile address names (``https://github.com/alice`` is
    ``alice``, ``…/orgs/acme/teams/sales`` is ``acme/sales``); anything else
    as it is. GitLab's path may be a group's, on any host (self-managed);
    GitHub's is on github.com."""
    found = _PROFILE_RE.match(value)
    if found is None:
        return value
    host, path = found["host"].lower(), found["path"]
    if key == "github":
        if host != "github.com":
            return value
        team = _GITHUB_TEAM_RE.match(path)
        return f"{team[1]}/{team[2]}" if team else path
    return path


def _handle(f: _Fields, data: dict[str, Any], key: str) -> str | None:
    """A GitHub or GitLab handle (``alice``, ``@alice``, ``@org/team``), without the ``@``.

    Checked here because it is written into CODEOWNERS, where a space or a
    stray character would silently route reviews nowhere.
    """
    value = f.text(data, key, ())
    if value is None:
        return None
    value = _handle_of_profile(value.strip(), key)
    if not HANDLE_RE.match(value):
        f.warn(
            "OKR120",
            f"{key} handle {value!r} is not a user or group name (ignored)",
            (key,),
            hint=f"write {key}: alice-ng (a user) or {key}: '@acme/sales' (a team or group)",
        )
        return None
    return value.removeprefix("@")


def _page(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> Page | None:
    title = f.text(data, "title", (), required=True)
    order = f.number(data, "order", ())
    return Page(rid, rel, title or rid, int(order or 0), parts.body, parts.body_line)


_BUILDERS: dict[str, Callable[..., Record | None]] = {
    "objective": _objective,
    "checkin": _checkin,
    "kpi": _kpi,
    "goal": _goal,
    "team": _team,
    "person": _person,
    "page": _page,
}


# --------------------------------------------------------------- KPI CSV
def parse_csv(rel: str, raw: bytes) -> tuple[list[tuple[date, float]], list[Diagnostic]]:
    """A KPI's ``data:`` CSV: a ``date,value`` header, then one row per reading
    (or a spreadsheet's European form, ``Datum;Wert``: :mod:`okrsite.kpi_csv`)."""
    from okrsite import kpi_csv  # imported when a KPI reads a file: most runs read none

    diags: list[Diagnostic] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        save_as = "save it as 'CSV UTF-8' (Excel: Save As, then 'CSV UTF-8')"
        try:
            # Excel on Windows saves "CSV" in Windows-1252: 'Größer' is not
            # UTF-8, and its dates and values are read the same either way
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            return [], [
                error(
                    "OKR201",
                    f"CSV file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                    rel,
                    line=line,
                    column=column,
                    hint=save_as,
                )
            ]
        diags.append(
            warning(
                "OKR204",
                "CSV file is not UTF-8: read as Windows-1252, as Excel saves 'CSV' on Windows",
                rel,
                line=line,
                column=column,
                hint=f"{save_as}, so its letters are read as written",
            )
        )
    try:
        delimiter, rows = kpi_csv.split_rows(text)
    except kpi_csv.UnreadableCsv as exc:
        return [], [
            *diags,
            error(
                "OKR203",
                f"CSV file cannot be read: {exc.reason}",
                rel,
                line=exc.line,
                hint="a KPI's CSV holds a date and a value per row: save the readings "
                "alone as CSV from the spreadsheet",
            ),
        ]
    if not rows:
        return [], [
            error(
                "OKR202",
                "CSV file is empty",
                rel,
                line=1,
                hint="start it with the header 'date,value'",
            )
        ]
    found = kpi_csv.columns(rows[0])
    if found is None:
        return [], [
            error(
                "OKR202",
                "CSV header must name 'date' and 'value' columns, "
                f"got {shown_value(delimiter.join(rows[0]))}",
                rel,
                line=1,
                hint=_header_hint(rows[0], delimiter),
            )
        ]
    di, vi = found
    if len(rows) > limits.MAX_DATA_ROWS + 1:
        return [], [
            error(
                "OKR009",
                f"the CSV has {len(rows) - 1} rows",
                rel,
                line=limits.MAX_DATA_ROWS + 2,
                hint=f"a KPI's data file may have at most {limits.MAX_DATA_ROWS} rows",
            )
        ]
    out: list[tuple[date, float]] = []
    slashes = kpi_csv.slash_order(row[di] for row in rows[1:] if len(row) > di)
    grouped = kpi_csv.thousands_grouped((row[vi] for row in rows[1:] if len(row) > vi), delimiter)
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(di, vi):
            diags.append(
                error(
                    "OKR203",
                    f"row has {plural(len(row), 'column')}, expected date and value",
                    rel,
                    line=n,
                )
            )
            continue
        if any(cell.strip() for cell in row[len(rows[0]) :]):
            # "2026-11-15,150,5": a decimal comma split the value, which would read as 150
            diags.append(
                error(
                    "OKR203",
                    f"row has {len(row)} columns, the header {len(rows[0])}",
                    rel,
                    line=n,
                    column=_csv_col(row, len(rows[0])),
                    hint=_split_hint(row, vi, len(rows[0]), delimiter),
                )
            )
            continue
        day = kpi_csv.read_date(row[di], slashes)
        if day is None or not limits.date_in_range(day):
            readings = year_last_readings(row[di].strip())
            diags.append(
                error(
                    "OKR203",
                    f"{shown_value(row[di])} is not a date like 2026-02-01"
                    if len(readings) < 2
                    else f"{shown_value(row[di])} names two days, {readings[0]} or {readings[1]}, "
                    "and no other row shows whether the day or the month comes first",
                    rel,
                    line=n,
                    column=_csv_col(row, di),
                    hint=f"write real dates between {limits.EARLIEST_DATE} and {limits.LATEST_DATE}"
                    if len(readings) < 2
                    else "write it as year-month-day",
                )
            )
            continue
        value = kpi_csv.read_number(row[vi], delimiter, grouped)
        if value is None:
            diags.append(
                error(
                    "OKR203",
                    f"{shown_value(row[vi])} is not a number",
                    rel,
                    line=n,
                    column=_csv_col(row, vi),
                    hint=_csv_number_hint(row[vi], delimiter),
                )
            )
            continue
        out.append((day, value))
    return out, diags


def _header_hint(header: list[str], delimiter: str) -> str:
    """What to write in a header okrsite cannot read: a spreadsheet's export
    often has more columns than the two a KPI needs (``Date,CSAT,Responses``),
    and only its author knows which one holds the readings, so the hint
    renames one in place (the file's other columns stay) instead of
    suggesting a header that would no longer fit its rows."""
    from okrsite import kpi_csv

    names = [cell.strip() for cell in header]
    date_at = next(
        (i for i, name in enumerate(names) if name.lower() in kpi_csv.DATE_HEADERS), None
    )
    if len(names) < 2 or (len(names) == 2 and date_at is None):
        return f"make the first line 'date{delimiter}value'"
    if date_at is None:
        renamed = ["date", "value", *names[2:]]
        return (
            "name the column of dates 'date' and the column of readings 'value', "
            f"keeping the others: {delimiter.join(renamed)!r}"
        )
    value_at = next(i for i in range(len(names)) if i != date_at)
    renamed = [("value" if i == value_at else name) for i, name in enumerate(names)]
    return (
        f"{len(names)} columns: name the one that holds the readings 'value', "
        f"keeping the others, as in {delimiter.join(renamed)!r}"
    )


def _split_hint(row: list[str], vi: int, width: int, delimiter: str) -> str:
    """What to write when a row has more cells than its header: most often a
    value with a decimal comma (``150,5``), split in two by the comma."""
    if delimiter == "," and vi == width - 1 and row[vi + 1].strip().isdigit():
        whole, part = row[vi].strip(), row[vi + 1].strip()
        return (
            f"write {whole}.{part}: a comma separates the columns here, so {whole},{part} "
            f"reads as {whole} and a stray {part}"
        )
    return f"put a value that holds {delimiter!r} in double quotes, or remove the extra cells"


def _csv_number_hint(cell: str, delimiter: str) -> str:
    """:func:`number_hint`, for a CSV: a comma-separated file cannot have a decimal
    comma (it would split the cell), and ``1.234`` is ambiguous where commas mark decimals."""
    from okrsite import kpi_csv

    if kpi_csv.ambiguous(cell, delimiter):
        bare = cell.strip()
        return (
            f"write {bare.replace('.', '')} if the points group thousands, or "
            f"{bare.replace('.', ',')} if the point marks the decimals: "
            "in a file separated by semicolons a comma marks the decimals"
        )
    bare = cell.strip()
    if delimiter == "," and re.fullmatch(r"[^,]*\d,\d{1,2}(?!\d)\D*", bare):
        # "4,5%" quoted in a comma-separated file: a decimal comma, which such
        # a file cannot hold (its commas group thousands: "1,200")
        return (
            f"write {bare.replace(',', '.')}: in a file separated by commas a point marks "
            'the decimals, and a comma in a quoted number groups thousands ("1,200")'
        )
    written = read_number(bare)
    if written is not None and written[1]:  # a KPI's reading may be a percentage
        return "write digits, e.g. 50, 0.25, 1,000,000 or 3.5%"
    return number_hint(cell).replace("in YAML", "in a file separated by commas")


def _csv_col(row: list[str], index: int) -> int:
    return sum(len(c) + 1 for c in row[:index]) + 1
