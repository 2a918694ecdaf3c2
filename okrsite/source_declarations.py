"""The ``[[sources]]`` of ``okrsite.toml`` as check and diff see them.

Only ``okrsite pull`` runs a source, but a source is written in a pull
request and reviewed there: a ``command`` runs every night with the job's
tokens in its environment. So ``check`` (and ``build``) report every
declaration ``pull`` would refuse, at its line (CFG019: two sources of one
name, a ``file://`` URL, both ``command`` and ``url``), and ``diff`` lists
every declaration as written, invalid ones too, one entry per table: a
declaration is never hidden behind another of the same name.
"""

from __future__ import annotations

from typing import Any

from okrsite import toml_reader as tomllib
from okrsite.diagnostics import Diagnostic, error

__all__ = ["declaration_errors", "declarations_as_written"]

#: the keys a source's entry in the diff shows first, in this order (others follow)
_SHOWN_FIRST = ("command", "file", "url", "header", "header_env", "format", "timeout")


def declaration_errors(text: str, file: str) -> list[Diagnostic]:
    """CFG019 for each ``[[sources]]`` declaration ``okrsite pull`` refuses
    (PULL001), at its line; mistakes check already reports under another
    code (broken TOML, a key a source does not take) are left to it."""
    from okrsite.pull_sources import read_sources

    return [
        error(
            "CFG019",
            problem.message,
            file,
            line=problem.line,
            hint="okrsite pull refuses it as PULL001: see docs/pull.md, Declaring sources",
        )
        for problem in read_sources(text)[1]
        if problem.checked_as is None
    ]


def declarations_as_written(text: str | None) -> dict[str, dict[str, Any]]:
    """Each ``[[sources]]`` table of ``text`` as written, keyed for the diff:
    ``sources.nps``; a second table of the same name ``sources.nps (2)``; a
    table without a usable name by its place, ``sources (3)``. Values are
    shown as written (a ``timeout`` left out is the default the source gets),
    so a declaration ``pull`` refuses is shown too."""
    if text is None:
        return {}
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    raw = data.get("sources")
    if not isinstance(raw, list):
        return {}
    from okrsite.pull_sources import DEFAULT_TIMEOUT

    default = data.get("pull_timeout", DEFAULT_TIMEOUT)
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, int] = {}
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            out[f"sources ({n})"] = {"value": repr(item)}
            continue
        name = item.get("name")
        if isinstance(name, str) and name:
            seen[name] = seen.get(name, 0) + 1
            key = f"sources.{name}" if seen[name] == 1 else f"sources.{name} ({seen[name]})"
        else:
            key = f"sources ({n})"
        shown = {k: _plain(item[k]) for k in _SHOWN_FIRST if k in item}
        shown.update({k: _plain(v) for k, v in item.items() if k not in shown and k != "name"})
        if key.startswith("sources (") and "name" in item:
            shown["name"] = _plain(item["name"])
        shown.setdefault("timeout", _plain(default))
        out[key] = shown
    return out


def _plain(value: Any) -> Any:
    """A TOML value as the report's JSON and text show it: dates as ISO text,
    tables and lists kept, anything else as it is."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
