"""The field reader: typed values out of a front-matter mapping, with diagnostics.

Every kind of file is read through one :class:`_Fields`: text, references,
people's and teams' names, numbers, dates, choices, lists and mappings,
each ``None`` (or a default) when it is missing or wrong, with a
diagnostic that carries its key path, so one pass reports every problem of
a file. The class is two: :class:`_FigureFields` reads numbers and dates,
:class:`_Fields` the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from okrsite import limits
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.missing_date_hint import DAY_PLACEHOLDER, day_in_name, missing_date_hint
from okrsite.model import KeyResult
from okrsite.parse_figures import _as_number, figure_in_unit, without_unit
from okrsite.parse_messages import (
    _date_hint,
    _day_month_year,
    _fmt,
    billion_refused,
    closest,
    given_twice,
    number_hint,
    shown_value,
    time_alone,
    too_large_hint,
)
from okrsite.parse_names import (
    _ONE_VALUE_HINTS,
    _TITLED_REFS,
    _invalid_ref_hint,
    _one_value_hint,
    _title_like,
    _valid_ref,
    as_nfc,
    folded_ref,
    name_to_id,
    no_one_warning,
    one_persons_name,
    people_in_one_line,
    says_no_one,
    several_refs,
    without_typed_quotes,
)
from okrsite.parse_number_marks import quoted_thousands_words
from okrsite.parse_unknown_keys import _UNKNOWN_KEYS as _UNKNOWN_KEYS
from okrsite.parse_unknown_keys import _second_name, _unknown_key_words
from okrsite.profile_addresses import profile_as_handle
from okrsite.word_processor_marks import as_typed
from okrsite.written_dates import read_date, read_period, year_last_readings
from okrsite.written_numbers import CURRENCY_SIGNS, read_number
from okrsite.written_yes_no import yes_no

T = TypeVar("T")
Path_ = tuple[str | int, ...]


#: key results already validated, by the identity of their loaded mapping:
#: ``{id(item): (item, index, id or None, key result or None)}``; the item is
#: kept so that its identity cannot be reused while the entry lives
KeyResultMemo = dict[int, tuple[Any, int, "str | None", "KeyResult | None"]]


#: what to write for a number out of its range, by the field's name
RANGE_HINTS = {
    "confidence": "confidence is how sure the owner is, from 0 (not at all) to 10 (certain): "
    "confidence: 7",
    "weight": "a key result's weight counts it that many times in its objective's progress: "
    "weight: 2; weight: 0 leaves it out; without the line it counts once",
}

#: what to write for a field that is no number, where the general examples
#: (50, 0.25, 1,000,000) would be out of its range
NUMBER_HINTS = {"score": "write the score as 0.7, 70% or 7/10"}


class _FigureFields:
    """The half of :class:`_Fields` that holds what every reader shares (the
    file, its diagnostics, the names and figures noted while reading) and
    reads numbers and dates; :class:`_Fields` adds text, names, lists and
    mappings."""

    def __init__(
        self, file: str, diags: list[Diagnostic], memo: KeyResultMemo | None = None
    ) -> None:
        self.file = file
        self.diags = diags
        self.names: list[tuple[str, str, str]] = []
        self.memo = memo
        #: whether anyone reads this parse's warnings: not the history, the
        #: only reader with a ``memo``, which skips a version on its errors
        #: alone, so checks that can only warn are left out for it
        #: (:mod:`okrsite.key_result_warnings`)
        self.warnings_read = memo is None
        #: where a number was written as a percentage (``45%``), in reading order
        self.percents: list[Path_] = []
        #: the currency sign of each number written with one (``€2.5M``), in reading order
        self.currencies: list[str] = []
        #: a check-in's key result values written at the top (``lead: 5``), not under values:
        self.loose: tuple[str, ...] = ()
        #: a KPI check-in's keys that write the KPI's id but are not read (the
        #: id beside ``value:``, or in other letter case), with their values
        self.kpi_aside: tuple[tuple[str, Any], ...] = ()
        #: a KPI check-in's time of day given as a key of its own (OKR323)
        self.time_keys: tuple[tuple[str, Any], ...] = ()
        #: a check-in's objective or KPI is the folder it is filed in (not written)
        self.implied = False
        #: a check-in's day is its file name's: it has no ``date:``
        self.dated_by_name = False
        #: the ``unit:`` of the KPI, key result or measure being read: a figure
        #: written with it after (``target: 12 min`` beside ``unit: min``) is
        #: that number, as people write a figure with its unit
        self.unit_word = ""
        #: a KPI's ``unit:`` that holds a magnitude (``k€``): its figures
        #: written with it count in it (:func:`okrsite.parse_figures.figure_in_unit`)
        self.magnitude_unit = ""

    def err(self, code: str, msg: str, path: Path_, hint: str | None = None) -> None:
        self.diags.append(error(code, msg, self.file, hint=hint, key_path=path))

    def warn(self, code: str, msg: str, path: Path_, hint: str | None = None) -> None:
        self.diags.append(warning(code, msg, self.file, hint=hint, key_path=path))

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
        if self.magnitude_unit and type(value) is str:
            # 900 k€ beside unit: k€ is 900 of it, not 900,000
            value = figure_in_unit(value, self.magnitude_unit) or value
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
        if result is not None and type(value) is str and ("." in value or "," in value):
            self._quoted_thousands_point(value, path)
        if result is None:
            shown = (
                ("true" if value else "false")
                if isinstance(value, bool)
                else "nothing"
                if value is None
                else shown_value(value)
            )
            billion = billion_refused(value)
            self.err(
                "OKR102",
                f"{label} must be a number, got {shown}" + (f": {billion[0]}" if billion else ""),
                path,
                hint=too_large_hint(value) or NUMBER_HINTS.get(label) or number_hint(value),
            )
            return None
        if (low is not None and result < low) or (high is not None and result > high):
            bounds = (
                f"between {_fmt(low)} and {_fmt(high)}"
                if high is not None
                else f"at least {_fmt(low)}"
            )
            self.err(
                "OKR107",
                f"{label} must be {bounds}, got {_fmt(result)}",
                path,
                hint=RANGE_HINTS.get(label, f"write a number {bounds}"),
            )
            return None
        return result

    def _quoted_thousands_point(self, value: str, path: Path_) -> None:
        """OKR124 for a quoted ``"250.000"``, as :func:`_thousands_points` warns
        of ``250.000`` written bare: quoting it does not say which it means;
        also ``"4,800"`` read as 4.8 on a site that writes a decimal comma."""
        words = quoted_thousands_words(as_typed(value))  # „250.000“ as "250.000"
        if words is not None:
            self.warn("OKR124", words[0], path, hint=words[1])

    def date_(
        self, data: Mapping[str, Any], key: str, path: Path_, *, required: bool = False
    ) -> date | None:
        if data.get(key) is None:
            if required:
                self.err(
                    "OKR101",
                    f"missing required key {key!r}",
                    path,
                    hint=missing_date_hint(key),  # the pipeline names the day
                )
            return None
        return self.date_value(data[key], key, (*path, key))

    def date_value(
        self, value: Any, label: str, path: Path_, *, month: bool = False, period: bool = False
    ) -> date | None:
        """A date; with ``month``, a month, quarter or half alone too
        (``2026-10``, ``Oct 2026``, ``2026-Q3``: its first day), as a reading
        reported per period is written; ``period``: a goal's ``due:``, a period too."""
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
        time = time_alone(value)
        if time is not None:  # the day left out: "date: 9:15"
            # the pipeline puts the day of the file's name, else as_of's, in
            # the placeholder, as for a missing date: (a fixed day fell
            # outside every running cycle, OKR309 once pasted)
            self.err(
                "OKR104",
                f"{label} {time!r} is a time of day without its day",
                path,
                hint=f"write the day too: {label}: {DAY_PLACEHOLDER} {time}"
                + (" (the day the file is named for)" if day_in_name(self.file) else ""),
            )
            return None
        readings = year_last_readings(value) if isinstance(value, str) else []
        if len(readings) > 1:
            self.err(
                "OKR104",
                # "date 10/05/2026" (a KPI's reading names its key): the date once, quoted
                f"{label.removesuffix(f' {value}')} {shown_value(value)} names two days: "
                f"{_day_month_year(readings[0])} (day first) "
                f"or {readings[1]:%B} {readings[1].day}, {readings[1].year} (month first)",
                path,
                hint=f"write the one you mean as year-month-day: {readings[0]} or {readings[1]}",
            )
            return None
        self.err(
            "OKR104",
            f"{label} must be a real date like 2026-02-10, got {shown_value(value)}",
            path,
            hint=_date_hint(value, month, period),
        )
        return None


class _Fields(_FigureFields):
    """Reads typed values out of a front-matter mapping, collecting diagnostics.

    Every accessor returns ``None`` (or a default) on bad input and records a
    diagnostic carrying the key path, so one pass reports every problem.
    """

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        path: Path_,
        *,
        required: bool = False,
        label: str | None = None,
    ) -> str | None:
        """The text ``key`` gives; ``label`` is what a message calls it, where
        ``key`` is a list's index (``member``, not ``0``)."""
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
                f"{label or key} must be a text value, got {shown_value(value)}",
                (*path, key),
                hint=_one_value_hint(key, value)
                if isinstance(value, list) and key in _ONE_VALUE_HINTS
                else "quote it if it is meant as text",
            )
            return None
        else:
            text = str(value).strip()
        if required and not text:
            self.err("OKR101", f"{key} must not be empty", (*path, key))
            return None
        return text or None

    def ref(self, data: Mapping[str, Any], key: str, path: Path_) -> str | None:
        if data.get(key) == []:  # parent: [] says no parent, as parent: with nothing does
            return None
        value = self.text(data, key, path)
        if value is not None:
            value = as_nfc(value)  # Größe typed on a Mac (NFD) is the file Größe.md
            value = without_typed_quotes(value)
        several = several_refs(value) if value is not None and key in _ONE_VALUE_HINTS else None
        if several is not None:  # parent: a, b (a list in one line) is no id a-b
            self.err(
                "OKR103",
                f"{key} {shown_value(value)} names {len(several)} objectives, where it takes one",
                (*path, key),
                hint=_one_value_hint(key, several),
            )
            return None
        if value is not None and key in _TITLED_REFS and _title_like(value):
            return value  # resolving says which objective has that title, if one does
        if value is not None and not _valid_ref(value):
            folded = folded_ref(value)
            if folded is not None and _valid_ref(folded):
                # the file's path as written (Vertrieb/Umsatz steigern): the id it
                # folds to, as the file's own id does; resolving still says when
                # no record has it, so a typo is never a new record
                return folded
            self.err(
                "OKR006",
                f"{key} {shown_value(value)} is not a valid id",
                (*path, key),
                hint=_invalid_ref_hint(key, value),
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
        label: str | None = None,
    ) -> str | None:
        """A person or team, written as an id (``uma-diaz``) or a name (``Uma Diaz``).

        A name becomes its id through :func:`okrsite.slug.slugify`; the name as
        written is remembered so pages can show it when no file gives a title.
        Several names (``owner: [Uma Diaz, Tom Lee]``, as tools with co-owners
        allow) are the first, with a warning that names the others; ``several``
        is its hint where the record has another way to say the rest.
        ``label`` is what a message calls it where ``key`` is a list's index
        (``alias '🚀'``, not ``1 '🚀'``).
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
                    hint=several or "name one",
                )
            data = {key: raw[0]}
        if raw == []:  # owner: [] names no one, as owner: with nothing does
            return None
        value = self.text(data, key, path, label=label)
        if value is None:
            return None
        value = without_typed_quotes(value)
        if kind == "person":
            value = one_persons_name(value)
            if says_no_one(value):  # owner: TBD is no one, not a person TBD with a page
                message, hint = no_one_warning(value, key, label)
                self.warn("OKR131", message, (*path, key), hint=hint)
                return None
        elif "/" in value:  # a team's page (github.com/orgs/acme/teams/platform): its handle
            value = profile_as_handle(value)
        ident = name_to_id(value)
        if not ident:
            self.err(
                "OKR006",
                f"{label or key} {value!r} has no letters or digits to make an id from",
                (*path, key),
                hint="write a name like 'Uma Diaz' or an id like 'uma-diaz'",
            )
            return None
        self.names.append((kind, ident, value))
        return ident

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
        if isinstance(value, str) and (said := yes_no(value)) is not None:
            return said  # done: nein, "yes", erledigt: as a check-in's value reads
        self.err(
            "OKR103",
            f"{key} must be true or false, got {shown_value(value)}",
            (*path, key),
            hint="write true or false (also yes/no, ja/nein, done/not done)",
        )
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
            if refs:  # «company/faster-support», as a word processor quotes it
                text = without_typed_quotes(as_nfc(text))
            if refs and key in _TITLED_REFS and _title_like(text):
                out.append(text)  # resolving says which objective has that title, if one does
                continue
            if refs and not _valid_ref(text) and _valid_ref(folded := folded_ref(text) or ""):
                text = folded  # a file's path as written, as ref() reads it
            if refs and not _valid_ref(text):
                self.err(
                    "OKR006",
                    f"{key} entry {shown_value(text)} is not a valid id",
                    (*path, key, i),
                    hint=_invalid_ref_hint(key, text, entry=True),
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
                # a check-in's key result given at the top and under values: both
                twice = given_twice(data, name) if what == "a checkin" and not path else None
                if twice is not None:
                    self.warn("OKR111", twice[0], (name,), hint=twice[1])
                    continue
                same = _second_name(name, data, known, what)
                if same is not None:
                    self.warn(
                        "OKR111",
                        f"{shown_value(name)} is another name for {same!r}, which {what} "
                        "already gives; it is ignored",
                        (*path, name),
                        hint=f"keep one of the two lines: the other one, read as {same!r}, "
                        "is the one that counts",
                    )
                    continue
                message, where, hint = _unknown_key_words(name, known, path, what, hints)
                self.diags.append(warning("OKR111", message, self.file, hint=hint, key_path=where))
