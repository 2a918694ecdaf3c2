"""A site whose ``okrsite.toml`` cannot be read: what its content is checked with.

A typo in ``okrsite.toml`` (an unterminated string) used to turn every
setting to its default while the content was still checked: each
objective without a ``cycle:`` was reported "missing required key 'cycle'
… or set default_cycle in okrsite.toml" although default_cycle was set,
every staleness warning was judged at today instead of ``as_of``, and the
one error that mattered, CFG001, came last among them.

Now the settings written above the line TOML stopped at are read (a file
broken at its end keeps them all), the content is checked with them, and
what only the settings TOML could not read decide is not reported: the
warnings (judged at ``as_of``, by the thresholds), and an objective
without a cycle when ``default_cycle`` was not among the settings read.
CFG001 says so, once. The run fails on CFG001 anyway; every error of the
content that does not depend on the settings is still reported in the
same run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from okrsite.config import CONFIG_FILE, SiteConfig, parse_config
from okrsite.diagnostics import Diagnostic

__all__ = ["salvaged_config", "settings_unread", "without_unread_consequences"]


def settings_unread(diags: Sequence[Diagnostic]) -> Diagnostic | None:
    """The error saying okrsite.toml could not be read at all (no TOML, not
    UTF-8, refused as a file), or ``None`` when its settings were read (a
    setting refused on its own keeps its default, and the rest stand)."""
    for d in diags:
        if d.is_error and d.file == CONFIG_FILE and d.code in _UNREAD_CODES:
            return d
    return None


#: okrsite.toml not read: no TOML or not UTF-8 (CFG001), refused as a file
#: (a link out of the site, a FIFO, too large, no permission)
_UNREAD_CODES = frozenset({"CFG001", "OKR012", "OKR013", "OKR014", "OKR015"})


def salvaged_config(raw: bytes | None, unread: Diagnostic) -> tuple[SiteConfig, list[Diagnostic]]:
    """The settings of the lines above the TOML error of ``unread`` (when
    they are TOML on their own), with ``unread`` saying what the content
    was checked with, and the errors of those lines."""
    config, found, read = SiteConfig(), [], False
    if unread.code == "CFG001" and unread.line and raw is not None:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            above = "".join(text.splitlines(keepends=True)[: unread.line - 1])
            config, diags = parse_config(above)
            if any(d.code == "CFG001" for d in diags):  # cut inside a value: nothing stands
                config = SiteConfig()
            else:
                # its warnings (an unknown key) are left out as the content's are
                found = [d for d in diags if d.is_error]
                read = any("=" in line.split("#")[0] for line in above.splitlines())
    if read:
        what = f"the content was checked with the settings above line {unread.line} only"
    else:
        what = "the content was checked with every setting at its default"
    note = (
        f"{what}; its warnings, and anything those settings decide, are reported "
        "once okrsite.toml is fixed"
    )
    told = replace(unread, hint=f"{unread.hint}; {note}" if unread.hint else note)
    return config, [told, *found]


def without_unread_consequences(
    diags: Sequence[Diagnostic], config: SiteConfig
) -> list[Diagnostic]:
    """``diags`` without what follows from settings that were not read: every
    warning (judged at ``as_of``, by thresholds and settings not read) and,
    unless ``default_cycle`` was read, "missing required key 'cycle'"."""
    kept = []
    for d in diags:
        if d.file == CONFIG_FILE and d.code in _UNREAD_CODES:
            kept.append(d)
        elif not d.is_error or (
            d.code == "OKR101"
            and config.default_cycle is None
            and d.message == "missing required key 'cycle'"
        ):
            continue
        else:
            kept.append(d)
    return kept
