"""A ``default_cycle`` of ``okrsite.toml`` that has ended.

``default_cycle`` is the cycle of every objective that names none, and the
cycle ``okrsite new objective|goal`` and ``okrsite import`` write when not
given ``--cycle``. A site set up one quarter keeps it into the next, where
each new objective lands in a cycle already over: "missed" and red the
moment it is written, and never stale. Nothing about such a file is wrong
on its own, so without these words it would be silent: ``new`` and
``import`` add a note when they write it, and ``okrsite check`` (any load)
warns at the setting's line (CFG020).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from okrsite.config import CONFIG_FILE, SiteConfig, setting_line
from okrsite.cycles import canonical, lookup
from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import Cycle


def ended_default_cycle(config: SiteConfig, day: date) -> Cycle | None:
    """The cycle ``default_cycle`` names when it ended before ``day``; ``None``
    when it is unset, still running or to come, or names no cycle okrsite
    knows (an objective in it is OKR302 then)."""
    if not config.default_cycle:
        return None
    found = lookup(canonical(config.default_cycle, config.cycles), config.cycles)
    return found if found is not None and found.end < day else None


def ended_default_cycle_note(
    config: SiteConfig, today: date, current: str, what: str = "the objective"
) -> str | None:
    """What ``okrsite new`` and ``import`` say when they write ``default_cycle``
    into ``what`` although it ended before ``today`` (the site's as_of when
    okrsite.toml pins one: its pages are judged then): the file is written
    as asked, but ``current`` (the cycle running then) and how to get it are
    named."""
    ended = ended_default_cycle(config, today)
    if ended is None:
        return None
    return (
        f"default_cycle {config.default_cycle} of okrsite.toml ended on {ended.end}: "
        f"writing it anyway, so {what} is over (missed) from the start; pass "
        f"--cycle {current}, or update default_cycle in okrsite.toml"
    )


def ended_default_cycle_warnings(
    config: SiteConfig, as_of: date, read_toml: Callable[[], bytes | None]
) -> list[Diagnostic]:
    """CFG020 at ``default_cycle``'s line of okrsite.toml when the cycle it
    names ended before ``as_of`` (the file is read only then, for the line)."""
    ended = ended_default_cycle(config, as_of)
    if ended is None:
        return []
    raw = read_toml()
    text = raw.decode("utf-8-sig", "replace") if raw else None
    found = warning(
        "CFG020",
        f"default_cycle {config.default_cycle} ended on {ended.end}, before {as_of}: "
        "okrsite new and okrsite import write every objective and goal given no --cycle "
        "into it, over (missed) from the start",
        CONFIG_FILE,
        line=setting_line(text, "default_cycle") if text else None,
        hint="set default_cycle to the cycle you are planning (objectives without cycle: "
        "move with it: give them their cycle: first), or remove it: okrsite new then writes "
        "the current quarter",
    )
    return [found]
