"""The diff report's words and number formats in one language (:class:`Words`).

Split from :mod:`okrsite.diff_wording`: every word of the text and Markdown
reports goes through the theme's gettext catalogues, as the pages' words do,
and numbers, percentages and dates are written the language's way
(:class:`~okrsite.translations.Language`). :data:`ENGLISH` is the words as
the report always wrote them; the JSON always uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from okrsite import numbers
from okrsite.diff import (
    FOLLOWS_RENAME,
    LESS,
    LOOSER,
    MEASURED,
    MORE,
    PARENT_GONE,
    REVERSED,
    STRICTER,
    FieldChange,
    RecordChange,
    Value,
)
from okrsite.diff_records import ReadingChange
from okrsite.diff_scores import percent_move
from okrsite.translations import Language, load_language
from okrsite.ui_words import FIELD_LABELS, STATUS_WORDS
from okrsite.view.formatting import money_with_cents

# ------------------------------------------------------------------ the language
#: how the report names a changed field in another language (the msgids the
#: pages' history uses where there is one); English writes the field's name
FIELD_WORDS = {
    **FIELD_LABELS,
    "weight": "weight",
    "progress": "progress",
    "health": "Health",  # the KPI pages' word (scorecard "Health", de "Zustand")
    "supports": "Supports",
    "kpi": "KPI",
    "milestones": "milestones",
    "done": "done",
    "score": "Grade",
    "indicator": "Indicator",
    "drives": "drives",
    "data": "data",
    "value": "Value",
    "smart": "SMART check",
    "due": "Due",
    "objective": "Objective",
    "date": "Date",
    "time": "time",
    "author": "author",
    "note": "note",
    "key result": "key result",
    "file": "file",
}

#: fields the report names as the KPI page's history does in every language,
#: English included: a KPI's ``green`` and ``red`` are its "healthy threshold"
#: and "critical threshold" there, and a reviewer comparing the pull
#: request's comment with the page reads one name for one change (the JSON
#: keeps ``green`` and ``red``)
NAMED_AS_PAGES = frozenset({"green", "red"})

#: values that are words (a status, a commitment, a direction, a kind of key
#: result, a KPI's health) as the pages write them, translated
VALUE_WORDS = {
    **STATUS_WORDS,
    "active": "active",
    "committed": "committed",
    "aspirational": "aspirational",
    "up": "up",
    "down": "down",
    "leading": "leading",
    "lagging": "lagging",
    "numeric": "numeric",
    "milestones": "milestones",
    "boolean": "yes/no",
    "stay_above": "stay above",
    "stay_below": "stay below",
    "rollup": "roll-up",
    "healthy": "healthy",
    "warning": "warning",
    "critical": "critical",
    "unknown": "unknown",
}

#: fields whose values are such words
WORD_FIELDS = frozenset({"status", "commitment", "direction", "indicator", "kind", "health"})

#: what a record kind, a cause or a judgement is called (English: as written)
KIND_WORDS = {"objective": "objective", "kpi": "KPI", "goal": "SMART goal"}
CAUSE_WORDS = {
    "added": "added",
    "removed": "removed",
    "edited": "edited",
    "check-in": "check-in",
    "kpi": "KPI",
    "roll-up": "roll-up",
    "settings": "settings",
}
NOTE_WORDS = {
    MORE: MORE,
    LESS: LESS,
    REVERSED: REVERSED,
    STRICTER: STRICTER,
    LOOSER: LOOSER,
    FOLLOWS_RENAME: FOLLOWS_RENAME,
    PARENT_GONE: PARENT_GONE,
}


#: a KPI's changed readings the text and Markdown reports name one by one
READINGS_SHOWN = 12

_EN = load_language("en", ())


@dataclass(frozen=True)
class Words:
    """The report's words and number formats in one language.

    ``Words()`` is English, the words as this module writes them: the
    reports are then what they always were, byte for byte.
    """

    language: Language = _EN

    def _(self, message: str, /, **values: Any) -> str:
        """``message`` translated, its ``%(name)s`` filled with ``values``."""
        return self.language.translations.gettext(message) % values

    def n(self, one: str, many: str, count: int, /, **values: Any) -> str:
        """``one`` or ``many`` by ``count`` (``%(num)d``) as the language forms plurals."""
        return self.language.translations.ngettext(one, many, count) % {"num": count, **values}

    def word(self, message: str, raw: str) -> str:
        """``message`` translated; where nothing translates it (English), ``raw``
        as the English report always wrote it (``on-track``, ``kpi``)."""
        said = self.language.translations.gettext(message)
        return raw if said == message else said

    # -------------------------------------------------------------- words
    def field(self, name: str) -> str:
        if name in NAMED_AS_PAGES:
            return self.language.translations.gettext(FIELD_WORDS[name])
        return self.word(FIELD_WORDS.get(name, name), name)

    def kind(self, kind: str) -> str:
        return self.word(KIND_WORDS.get(kind, kind), kind)

    def status(self, status: object) -> str:
        """A status (``on-track``) as the pages word it (``im Plan``)."""
        if not isinstance(status, str):
            return str(status or "—")
        return self.word(VALUE_WORDS.get(status, status), status)

    def note(self, note: str) -> str:
        return self.word(NOTE_WORDS.get(note, note), note)

    def cause(self, cause: str) -> str:
        return self.word(CAUSE_WORDS.get(cause, cause), cause)

    def causes(self, causes: Sequence[str]) -> str:
        return ", ".join(self.cause(c) for c in causes)

    def change(self, change: str) -> str:
        """``added``, ``removed``, ``changed``."""
        return self._(change)

    # -------------------------------------------------------------- figures
    def show(self, value: Value) -> str:
        """A value as a person reads it (:func:`okrsite.diff.show`), in this
        language's number format and words."""
        if value is None:
            return "—"
        if isinstance(value, bool):
            return self._("yes") if value else self._("no")
        if isinstance(value, int | float):
            return self.language.number(numbers.format_number(value, 4))
        if isinstance(value, tuple):
            return ", ".join(value) if value else "—"
        return str(value)

    def measure(self, value: Value, unit: str) -> str:
        """A figure with its unit as the pages write it (:func:`okrsite.diff.show_measure`):
        money with cents has two decimals (``450.000,50 €``)."""
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and numbers.finite(value) is not None
        ):
            money = money_with_cents(value, unit)
            figure = self.show(value) if money is None else self.language.number(money)
            return self.language.with_unit(figure, unit)
        return self.show(value)

    def field_values(self, f: FieldChange, units: tuple[str, str] = ("", "")) -> tuple[str, str]:
        """A field's before and after (:func:`okrsite.diff.show_field`); words translated."""
        if f.field in MEASURED:
            return self.measure(f.before, units[0]), self.measure(f.after, units[1])
        if f.field in WORD_FIELDS:
            return self._value_word(f.before), self._value_word(f.after)
        if f.field == "milestones":
            return self._milestones(f.before), self._milestones(f.after)
        return self.show(f.before), self.show(f.after)

    def _value_word(self, value: Value) -> str:
        if isinstance(value, str):
            return self.word(VALUE_WORDS.get(value, value), value)
        return self.show(value)

    def _milestones(self, value: Value) -> str:
        """``2/3 done`` (:func:`okrsite.diff_records._milestones`) in words."""
        if isinstance(value, str) and value.endswith(" done"):
            return value[: -len(" done")] + " " + self._("done")
        return self.show(value)

    def percent(self, x: float | None) -> str:
        """A 0..1 ratio as the pages write a percentage (``55%``, ``55 %``)."""
        if x is None:
            return "—"
        shown = numbers.percent(x)
        if abs(shown) < numbers.MAX_PERCENT:
            return self.language.percent(self.language.number(str(shown)))
        bound = f"{numbers.MAX_PERCENT:,}" if shown > 0 else f"−{numbers.MAX_PERCENT:,}"
        text = self.language.translations.gettext(
            "more than %(percent)s" if shown > 0 else "less than %(percent)s"
        )
        return text % {"percent": self.language.percent(self.language.number(bound))}

    def _percent_at(self, x: float | None, places: int, pad: bool = True) -> str:
        """:func:`okrsite.diff_scores._percent_at` in this language's numbers."""
        if x is None:
            return "—"
        if places == 0 or abs(x * 100) >= numbers.MAX_PERCENT:
            return self.percent(x)
        return self.language.percent(
            self.language.number(numbers.format_fixed(x * 100, places, pad=pad))
        )

    def percent_move(
        self,
        before: float | None,
        after: float | None,
        arrow: bool = True,
        places: tuple[int, int] = (0, 0),
    ) -> str:
        """``40% → 55% ▲`` (:func:`okrsite.diff_scores.percent_move`) in this
        language's percentages: a move the whole percentages hide gets the
        fewest decimals that show it, and each side at least the ``places``
        its pages wrote it with beside expected ("34.5%" at risk)."""
        return percent_move(before, after, arrow, self._percent_at, places)

    def day(self, value: date) -> str:
        """A date: ISO 8601 in English, the language's way otherwise (20.11.2026)."""
        return self.language.day(value)

    def reading(self, r: ReadingChange, unit: str) -> str:
        """A KPI's reading the change added, removed or moved, by its date
        (``reading of 2026-09-01: 3.4% → 3.7%``), its figures as pages write them."""
        day = self.day(r.date)
        if r.before is None:
            return self._(
                "reading of %(date)s added: %(value)s", date=day, value=self.measure(r.after, unit)
            )
        if r.after is None:
            return self._(
                "reading of %(date)s removed: %(value)s",
                date=day,
                value=self.measure(r.before, unit),
            )
        return self._(
            "reading of %(date)s: %(before)s → %(after)s",
            date=day,
            before=self.measure(r.before, unit),
            after=self.measure(r.after, unit),
        )

    def readings(self, rec: RecordChange) -> list[str]:
        """:meth:`reading` for each of a KPI's changed readings, the first
        :data:`READINGS_SHOWN` of them and how many more (a pull of a year's
        rows would drown the report; the JSON lists every one)."""
        shown = [self.reading(r, rec.units[1]) for r in rec.readings[:READINGS_SHOWN]]
        rest = len(rec.readings) - READINGS_SHOWN
        if rest > 0:
            shown.append(self.n("and %(num)d more reading", "and %(num)d more readings", rest))
        return shown


#: the report's words as written here, and the JSON's
ENGLISH = Words(_EN)
