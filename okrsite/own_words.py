"""The words okrsite writes itself, and where their translations come from.

Most words of a page are the theme's: its templates write them and its
catalogues translate them. Some okrsite writes itself, in Python: the
navigation's and the site-wide pages' titles (``Teams``, ``Cycle
%(name)s``), a status in words (``status_word``, a badge's text), a history
timeline's field labels, "more than 1,000,000%" (``percent``,
``pct_figure``), an imported check-in's note and ``okrsite diff``'s
reports. A theme that stands alone (``extends = ""``) does not inherit the
default theme's catalogues, and its author cannot know these msgids; so
:func:`okrsite.translations.load_language` reads them, and only them, from
the catalogue okrsite ships (the default theme's ``translations/``) beneath
every theme chain that does not hold it already. The theme's and the
site's catalogues still come later and win string by string; the theme's
own template words stay its own (English until its catalogue translates
them: warning CFG014 when it has none).

:data:`OWN_WORDS` lists them; ``tests/test_theme_po_fix43.py`` reads okrsite's
Python (every literal given to ``_``, ``gettext``, ``ngettext`` and the
diff's ``n``, and the word tables of :mod:`okrsite.ui_words` and
:mod:`okrsite.diff_words`) and fails when one is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from okrsite.theme_find import DEFAULT_THEME, builtin_themes_dir

__all__ = ["OWN_WORDS", "shipped_words_folder"]


def shipped_words_folder(folders: Iterable[Path]) -> Path | None:
    """The theme folder whose catalogues hold okrsite's own words (the
    default theme's), or ``None`` when ``folders`` (a theme chain's and the
    site's) hold it already: a theme that extends ``default`` reads all of
    its words anyway."""
    home = builtin_themes_dir() / DEFAULT_THEME
    real = os.path.realpath(home)
    if any(os.path.realpath(folder) == real for folder in folders):
        return None
    return home


#: the msgids okrsite's Python gives to gettext (a plural by its singular)
OWN_WORDS = frozenset(
    {
        # okrsite diff: a KPI's readings (audit 48)
        "Health",
        "file",
        "%(record)s: readings up to the end of %(cycle)s changed after it ended; "
        "the cycle's final figures change",
        "after %(cycle)s ended: the cycle's final figures change",
        "the cycle's final figures change",
        "reading of %(date)s added: %(value)s",
        "reading of %(date)s removed: %(value)s",
        "reading of %(date)s: %(before)s → %(after)s",
        "and %(num)d more reading",
        "and %(num)d more readings",
        "People and teams:",
        "none",
        "removes %(num)d person's or team's file",
        "removes %(num)d people's or teams' files",
        "renames %(num)d people or teams",
        "renames %(num)d person or team",
        "moves %(num)d team to another parent (%(figures)s)",
        "moves %(num)d teams to other parents (%(figures)s)",
        "%(num)d team figure changes",
        "%(num)d team figures change",
        "moves team %(team)s (%(file)s) from parent %(before)s to %(after)s",
        "no team figure changes",
        "%(team)s in %(cycle)s: %(before)s → %(after)s (%(num_before)d → %(num_after)d objectives)",
        "%(file)s had errors there",
        "%(file)s has errors",
        "%(keys)s and %(more)d more",
        "%(num)d finding",
        "%(num)d findings",
        "%(num)d finding of the base was not checked at head, as its okrsite.toml cannot be "
        "read: the findings are compared only in part.",
        "%(num)d findings of the base were not checked at head, as its okrsite.toml cannot be "
        "read: the findings are compared only in part.",
        "%(num)d finding at head was not checked at base, as the base's okrsite.toml cannot be "
        "read: the findings are compared only in part.",
        "%(num)d findings at head were not checked at base, as the base's okrsite.toml cannot "
        "be read: the findings are compared only in part.",
        "%(num)d key result target",
        "%(num)d key result targets",
        "%(record)s: %(change)s after %(cycle)s ended; its final figures change",
        "%(record)s: key results without an id moved (%(places)s), so the check-in "
        "%(checkins)s, which names them by their place, now counts for other key results: "
        "give each key result an id: and name it so in its check-ins",
        "%(record)s: key results without an id moved (%(places)s), so the %(num)d check-ins "
        "%(checkins)s, which name them by their place, now count for other key results: "
        "give each key result an id: and name it so in its check-ins",
        "%(start)s to %(end)s, %(title)s",
        "%(time)s (UTC%(offset)s)",
        "%(what)s (%(less)d less ambitious)",
        "%(what)s (%(mid)d mid-cycle)",
        "(dated after as_of: not counted yet)",
        "(unchanged)",
        "**:x: %(num)d error at %(label)s** (the site will not build until they are fixed):",
        "**:x: %(num)d errors at %(label)s** (the site will not build until they are fixed):",
        "**Settings** (%(file)s):",
        "; progress, expected progress, status, confidence or forecast changes for %(num)d objective",
        "; progress, expected progress, status, confidence or forecast changes for %(num)d objectives",
        "> **Report cut** at the comment size limit; run `okrsite diff` locally (or with `--format json`) for all of it.",
        "Alignment",
        "Check-ins",
        "Check-ins (%(count)d)",
        "Check-ins:",
        "Cycle %(name)s",
        # a badge's text (its widths are measured from it) and a table's name
        # in a text whose rows have no text (okrsite.markdown)
        "%(percent)s %(status)s",
        "Table",
        # the words and punctuation of a Markdown table's name (okrsite.table_words)
        "%(headings)s, %(heading)s",
        "%(name)s (%(number)s)",
        "%(day)s %(time)s",
        "%(checkin)s, %(target)s",
        "%(table)s – %(checkin)s",
        "Cycles",
        "Dashboard",
        "Date",
        "Due",
        "Errors at %(label)s:",
        "Findings:",
        "Findings: %(introduced)d introduced, %(resolved)d resolved",
        "Goal changes: %(base)s → %(head)s",
        "Grade",
        "Imported.",
        "Indicator",
        "Introduced:",
        "It introduces %(what)s and resolves %(resolved)d.",
        "KPI",
        "KPIs",
        "KPIs (%(count)d)",
        "KPIs:",
        "More pages",
        "No changes to goals (%(as_of)s).",
        "Objective",
        "Objectives and key results (%(count)d)",
        "Objectives and key results:",
        "Objectives that need attention",
        "Objectives whose figures changed:",
        "Page not found",
        "Pages",
        "People",
        "Progress",
        "Resolved:",
        "SMART check",
        "SMART goal",
        "SMART goals",
        "SMART goals (%(count)d)",
        "SMART goals:",
        "Scores in detail (%(count)d)",
        "Search",
        "Settings (okrsite.toml):",
        "Status",
        "Supports",
        "Tag: %(name)s",
        "Tags",
        "Teams",
        "The head revision has %(num)d error.",
        "The head revision has %(num)d errors.",
        "The head revision still has %(num)d error.",
        "The head revision still has %(num)d errors.",
        "The site moved from %(old)s to %(new)s in this change.",
        "This change %(what)s",
        "This change changes no goal records",
        "Value",
        "Why",
        "Worth a look:",
        "achieved",
        "active",
        "added",
        "added in %(file)s",
        "adds %(what)s",
        "after %(cycle)s ended",
        "after %(cycle)s ended: its final figures change",
        "as of %(day)s",
        "aspirational",
        "at risk",
        "author",
        "breaks %(what)s (files with errors)",
        "by",
        "cannot be read at head",
        "cannot be read at head: %(file)s has errors",
        "changes %(num)d setting of okrsite.toml (%(keys)s)",
        "changes %(num)d settings of okrsite.toml (%(keys)s)",
        "check-in",
        "commitment",
        "committed",
        "confidence",
        "could not be read at base",
        "could not be read at base: %(file)s had errors there",
        "critical",
        "critical threshold",
        "current value",
        "cycle",
        "data",
        "direction",
        "direction reversed",
        "done",
        "down",
        "draft",
        "drives",
        "dropped",
        "edited",
        "edits or removes %(what)s",
        "errors at base: %(errors)s",
        "expected",
        "fixed",
        "fixes %(what)s (could not be read at base)",
        "follows rename",
        "forecast",
        "health",
        "healthy",
        "healthy threshold",
        "hint: %(hint)s",
        "in %(file)s",
        "its final figures change",
        "key result",
        "kind",
        "lagging",
        "leading",
        "less ambitious",
        "less than %(percent)s",
        "looser",
        "merge base with %(branch)s",
        "mid-cycle",
        "milestones",
        "missed",
        "more ambitious",
        "more than %(percent)s",
        "moved from %(old)s to %(new)s",
        "moves %(what)s",
        "moves %(what)s with a renamed objective or KPI",
        "new",
        "no",
        "not done",
        "not set",
        "note",
        "note added",
        "note edited",
        "note removed",
        "numeric",
        "objective",
        "off track",
        "okrsite diff %(base)s → %(head)s, both scored as of %(day)s.",
        "on track",
        "owner",
        "parent",
        "progress",
        "removed",
        "removed; was %(file)s",
        "renamed from %(old)s",
        "reverses the direction of %(num)d key result",
        "reverses the direction of %(num)d key results",
        "reverses the direction of %(num)d KPI",
        "reverses the direction of %(num)d KPIs",
        "reverses the direction of %(num)d SMART goal",
        "reverses the direction of %(num)d SMART goals",
        "roll-up",
        "settings",
        "start",
        "status",
        "stay above",
        "stay below",
        "stricter",
        "target",
        "team",
        "the site moved from %(old)s to %(new)s in this change",
        "threshold",
        "time",
        "title",
        "unit",
        "unknown",
        "up",
        "upcoming",
        "updates %(what)s for a renamed key result",
        "warning",
        "was %(file)s",
        "weight",
        "working tree",
        "yes",
        "yes/no",
        "… and %(more)d more",
        "… and %(more)d more (run `okrsite check`)",
    }
)
