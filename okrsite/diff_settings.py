"""What a change did to ``okrsite.toml``: each setting that differs, before and after.

A pull request that moves a threshold, the days before an objective is
stale or a cycle's dates changes statuses and findings all over the
portfolio without touching one goal file. The report listed those effects
("resolves 11 findings") but not their cause; :func:`settings_changes`
names it, as the reviewer reads it in ``okrsite.toml``: the key as it is
written there, its value before and after (a value not written is the
default the site got, shown as such).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from okrsite.config import SiteConfig
from okrsite.model import Cycle
from okrsite.source_declarations import declarations_as_written

#: fields of :class:`~okrsite.model.Settings` under the key ``okrsite.toml`` gives them
_SETTING_KEYS = {
    "on_track": "on_track_threshold",
    "at_risk": "at_risk_threshold",
    "changes_days": "change_window_days",
}


@dataclass(frozen=True, slots=True)
class SettingChange:
    """One setting of ``okrsite.toml`` whose value differs: ``key`` as written
    there (``stale_after_days``, ``cycles.FY27``); ``before`` and ``after``
    its values (a cycle as its first and last day and its title), ``None``
    when not set."""

    key: str
    before: Any
    after: Any


def settings_changes(
    base: SiteConfig, head: SiteConfig, texts: tuple[str | None, str | None] = (None, None)
) -> tuple[SettingChange, ...]:
    """Every setting that differs between two sides' ``okrsite.toml``: the
    site's settings, then the scoring settings, then the cycles by name, then
    the ``[[sources]]`` of ``okrsite pull`` (:func:`source_changes`), read
    from ``texts`` (each side's file; a source runs a command or fetches a
    URL, which a reviewer wants to see)."""
    out: list[SettingChange] = []
    for f in dataclasses.fields(SiteConfig):
        if f.name in ("settings", "cycles"):
            continue
        before, after = getattr(base, f.name), getattr(head, f.name)
        if before != after:
            out.append(SettingChange(f.name, _shown(before), _shown(after)))
    for f in dataclasses.fields(base.settings):
        before, after = getattr(base.settings, f.name), getattr(head.settings, f.name)
        if before != after:
            key = _SETTING_KEYS.get(f.name, f.name)
            out.append(SettingChange(key, _shown(before), _shown(after)))
    for name in sorted(base.cycles.keys() | head.cycles.keys()):
        before, after = base.cycles.get(name), head.cycles.get(name)
        if before != after:
            out.append(SettingChange(f"cycles.{name}", _cycle(before), _cycle(after)))
    out += source_changes(texts)
    return tuple(out)


def source_changes(texts: tuple[str | None, str | None]) -> list[SettingChange]:
    """Every ``[[sources]]`` declaration of ``okrsite pull`` added, removed or
    changed between two sides' ``okrsite.toml`` texts, each table on its own
    (:func:`~okrsite.source_declarations.declarations_as_written`): a second
    source of a name, or one ``pull`` refuses, is listed too, never hidden
    behind another. Compared even when a side's other settings have errors:
    ``pull`` reads its sources whatever the rest of the file says."""
    before_all, after_all = (declarations_as_written(text) for text in texts)
    out = []
    for key in sorted(before_all.keys() | after_all.keys()):
        before, after = before_all.get(key), after_all.get(key)
        if before != after:
            out.append(SettingChange(key, before, after))
    return out


def _shown(value: Any) -> Any:
    """A setting's value for the report and its JSON: dates as ISO text."""
    return value.isoformat() if isinstance(value, date) else value


def _cycle(cycle: Cycle | None) -> dict[str, str] | None:
    """A cycle as its table in ``okrsite.toml`` says it: first and last day, title."""
    if cycle is None:
        return None
    return {"start": cycle.start.isoformat(), "end": cycle.end.isoformat(), "title": cycle.title}
