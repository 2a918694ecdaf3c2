"""The words and punctuation of a Markdown table's name, from the translation table.

A table in a body or a check-in's note stands in a labelled region
(:mod:`okrsite.markdown`) whose name is made of the table's column
headings, a number for a repeat and, in a note, the check-in it belongs
to. The headings are the author's, in whatever language they are written;
the words and punctuation between them ("Week, Value (2) – 19 Nov 2026,
Pipeline") are the site's language's: a French site writes its own, a
theme's catalogue may change them. :func:`table_words` reads them through
the site's ``gettext`` (one translation table, that of the pages), and the
Markdown renderer and :func:`okrsite.markdown.name_tables` are handed
them: markdown-it's rules know no language. :class:`TableWords`'s defaults
are the msgids, which is what an English site writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["TableWords", "table_words"]


@dataclass(frozen=True)
class TableWords:
    """The site's words for naming a table, each a translated msgid."""

    #: a table none of whose rows has text
    table: str = "Table"
    #: one more heading after those before it ("Week, Value")
    heading_list: str = "%(headings)s, %(heading)s"
    #: a text's second table of the same name ("Week, Value (2)")
    repeat: str = "%(name)s (%(number)s)"
    #: a check-in's day and time ("19 Nov 2026 09:30")
    day_time: str = "%(day)s %(time)s"
    #: a check-in and what it is about ("19 Nov 2026, Pipeline")
    checkin_about: str = "%(checkin)s, %(target)s"
    #: a note's table and its check-in ("Week, Value – 19 Nov 2026")
    in_checkin: str = "%(table)s – %(checkin)s"

    def headings(self, cells: Iterable[str]) -> str:
        """The headings one after another (cells of no text left out)."""
        names = [cell for cell in cells if cell]
        if not names:
            return self.table
        joined = names[0]
        for cell in names[1:]:
            joined = self.heading_list % {"headings": joined, "heading": cell}
        return joined

    def numbered(self, name: str, number: int) -> str:
        """``name`` of the ``number``-th table of that name in a text."""
        return self.repeat % {"name": name, "number": number}

    def checkin(self, day: str, time: str, target: str) -> str:
        """A check-in as a note's table names it: its day, its time and what
        it is about where they are given."""
        when = self.day_time % {"day": day, "time": time} if day and time else day or time
        return self.checkin_about % {"checkin": when, "target": target} if target else when

    def of_checkin(self, name: str, checkin: str) -> str:
        """A note's table's ``name`` with the ``checkin`` it belongs to."""
        return self.in_checkin % {"table": name, "checkin": checkin}


def table_words(gettext: Callable[[str], str]) -> TableWords:
    """:class:`TableWords` in the language of ``gettext`` (the site's).

    The msgids are written out here, as literals, so the catalogues' check
    (``tests/test_theme_po_fix43.py``) finds them among okrsite's own words."""
    return TableWords(
        # the name (aria-label) of a table in a text whose rows have no text
        table=gettext("Table"),
        heading_list=gettext("%(headings)s, %(heading)s"),
        repeat=gettext("%(name)s (%(number)s)"),
        day_time=gettext("%(day)s %(time)s"),
        checkin_about=gettext("%(checkin)s, %(target)s"),
        in_checkin=gettext("%(table)s – %(checkin)s"),
    )
