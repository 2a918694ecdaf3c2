"""Site settings from ``okrsite.toml``.

Every key has a default, so a site needs no configuration file at all. Unknown
keys are warned about (a typo in a setting should not silently do nothing) and
wrong types are errors with the TOML line. Parsing is pure: it takes the file's
text and returns settings plus diagnostics.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from okrsite import toml_reader as tomllib
from okrsite.config_tables import (
    Places,
    cached_places,
    places_of,
    pull_timeout_in_table,
    setting_table_of,
    table_key_warnings,
)
from okrsite.cycles import FiscalCycles
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.limits import (
    CONTROL_CHARS,
    DEFAULT_MAX_PAGES,
    MAX_ID_SEGMENT_BYTES,
    date_in_range,
    utf8_length,
)
from okrsite.model import Cycle, Settings
from okrsite.repo_urls import is_web_address, web_address
from okrsite.written_numbers import read_number

CONFIG_FILE = "okrsite.toml"


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The settings of ``okrsite.toml``, each with the default a site without it gets."""

    title: str = "Goals"
    description: str = ""
    content_dir: str = "content"
    output_dir: str = "_site"
    theme: str = "default"
    default_cycle: str | None = None
    as_of: date | None = None
    allow_html: bool = False
    repo_url: str | None = None
    edit_branch: str = "main"
    #: the site's folder inside the repository ("goals/" for a site in a
    #: subfolder), for "edit this file" links; ``None``: found from git by
    #: the build (:func:`okrsite.gitsource.site_prefix`)
    repo_folder: str | None = None
    language: str = "en"
    cache: bool = True
    cache_dir: str = ".okrsite-cache"
    max_pages: int = DEFAULT_MAX_PAGES
    history: bool = True
    backdate_days: int = 7
    #: how many check-ins the dashboard's "What changed" lists, newest first
    #: (the others are counted under it; 0: all of them)
    dashboard_changes: int = 50
    #: the month (1-12) a fiscal year starts in: FY2027, FY2027-Q1 … are then
    #: cycles (:class:`okrsite.cycles.FiscalCycles`); ``None``: no fiscal cycles
    fiscal_year_start: int | None = None
    settings: Settings = field(default_factory=Settings)
    cycles: dict[str, Cycle] = field(default_factory=dict)


# key -> (type, description) for the top-level [site] keys. The file may put
# them at the top level or under [site]; both are accepted.
_STR_KEYS = {
    "title",
    "description",
    "content_dir",
    "output_dir",
    "theme",
    "default_cycle",
    "repo_url",
    "edit_branch",
    "repo_folder",
    "language",
    "cache_dir",
}
_BOOL_KEYS = {"allow_html", "cache", "history"}
_SCORING_KEYS = {
    "on_track_threshold": "on_track",
    "at_risk_threshold": "at_risk",
    "stale_after_days": "stale_after_days",
    "kpi_stale_after_days": "kpi_stale_after_days",
    "aspirational_success": "aspirational_success",
    "low_confidence": "low_confidence",
    "change_window_days": "changes_days",
}
PULL_KEYS = ("sources", "pull_timeout")
KNOWN_KEYS = (
    _STR_KEYS
    | set(_SCORING_KEYS)
    | _BOOL_KEYS
    | {"as_of", "max_pages", "backdate_days", "dashboard_changes", "fiscal_year_start"}
)
#: the settings written at the top of okrsite.toml: one of them inside a table
#: okrsite reads (``[cycles.NAME]``, ``[[sources]]``) was meant to be above it
SITE_KEYS = KNOWN_KEYS | {"pull_timeout"}


#: the folders of a site that hold theme files of its own (okrsite's shipped
#: themes are part of okrsite, and checked by its tests): ``okrsite check``
#: loads the theme, to report what build would refuse, only when one is there
SITE_THEME_FOLDERS = ("templates", "static", "translations", "themes")


def _unknown_setting(text: str, key: str, value: object, line: int | None, file: str) -> Diagnostic:
    """CFG010 for ``key``: located at its ``[table]`` when it is one, with the
    setting it most likely means (``stale_days``: ``stale_after_days``)."""
    import difflib

    if isinstance(value, dict):
        return warning(
            "CFG010",
            f"unknown table {_short(key)} is ignored",
            file,
            line=line or _line_of(text, "", table=key),
            hint="write settings at the top of okrsite.toml (or under [site]); "
            "known settings: " + ", ".join(sorted(KNOWN_KEYS)),
        )
    elsewhere = _OTHER_TOOLS.get(key.lower().replace("-", "_"))
    close = difflib.get_close_matches(key.lower(), sorted(KNOWN_KEYS), n=1, cutoff=0.6)
    return warning(
        "CFG010",
        f"unknown setting {_short(key)} is ignored",
        file,
        line=line,
        hint=elsewhere
        if elsewhere is not None
        else f"did you mean {close[0]}?"
        if close
        else "known settings: " + ", ".join(sorted(KNOWN_KEYS)),
    )


_NO_BASE_URL = (
    "okrsite needs no base URL: every link it writes is relative, so the site works "
    "under any sub-path and from disk (docs/site.md); leave it out"
)
#: settings of other site generators (Hugo, MkDocs, Jekyll) that people bring
#: along, with what okrsite does instead: a near spelling ("did you mean
#: repo_url?" for base_url) would send them to a setting that does another thing
_OTHER_TOOLS = {
    "base_url": _NO_BASE_URL,
    "baseurl": _NO_BASE_URL,
    "site_url": _NO_BASE_URL,
    "url": _NO_BASE_URL,
    "publish_dir": 'write output_dir = "..." for the output folder',
    "publishdir": 'write output_dir = "..." for the output folder',
    "site_dir": 'write output_dir = "..." for the output folder',
    "destination": 'write output_dir = "..." for the output folder',
    "languagecode": 'write language = "de" (a code such as "de" or "en-GB")',
    "defaultcontentlanguage": 'write language = "de" (a code such as "de" or "en-GB")',
}


def setting_line(text: str, key: str) -> int | None:
    """The line of okrsite.toml's ``text`` that sets ``key`` (best effort), for
    findings about a setting made after the configuration was read."""
    return _line_of(text, key)


def _line_of(text: str, key: str, table: str | None = None) -> int | None:
    """The line of ``key = …`` (or of the ``[table]`` header, with ``key``
    empty) in the TOML text: where :func:`okrsite.config_tables.key_places`
    found it (a top-level setting may also sit under ``[site]`` or
    ``[scoring]``), else the first line that looks like it."""
    path: tuple[str, ...] = tuple(table.split(".", 1)) if table else ()
    places = cached_places(text)
    found = places.get((*path, key) if key else path)
    if found is None and table is None and key:
        found = places.get(("site", key)) or places.get(("scoring", key))
    if found is not None:
        return found.line
    return _line_like(text, key, table)


def _line_like(text: str, key: str, table: str | None) -> int | None:
    """The first line that looks like ``key = …`` (after ``[table]``)."""
    if table is not None:
        m = re.search(rf"^[ \t]*\[[ \t]*{re.escape(table)}[ \t]*\]", text, re.M)
        if m and key == "":
            return text.count("\n", 0, m.start()) + 1
        start = m.end() if m else 0
    else:
        start = 0
    # [ \t]* rather than \s*: a blank line before the key must not count as its line
    m = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", text[start:], re.M)
    if m:
        return text.count("\n", 0, start + m.start()) + 1
    return None


def _as_date(value: Any) -> date | None:
    """A date within the range okrsite accepts, else ``None``."""
    day = None
    if isinstance(value, date):
        day = value if not hasattr(value, "hour") else value.date()  # type: ignore[attr-defined]
    elif isinstance(value, str):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return None
    return day if day is not None and date_in_range(day) else None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_config(text: str | None, file: str = CONFIG_FILE) -> tuple[SiteConfig, list[Diagnostic]]:
    """Read ``okrsite.toml`` text (``None``: no file, all defaults): the TOML,
    each setting checked on its own, the cycles, then what the settings say
    together. Every problem is a diagnostic; a setting with one keeps its default."""
    diags: list[Diagnostic] = []
    if text is None:
        return SiteConfig(), diags
    data = _toml(text, file, diags)
    if data is None:
        return SiteConfig(), diags
    places = places_of(text)
    values = _checked_values(text, _merged(text, data, file, diags), file, diags, places)
    cycles: dict[str, Cycle] = _cycles(text, data, file, diags, places)
    diags += table_key_warnings(data, places, file, SITE_KEYS)
    settings = _settings(text, values, file, diags)
    _keep_cache_dir_inside(text, values, file, diags)
    if values.get("fiscal_year_start") is not None:
        cycles = FiscalCycles(cycles, values["fiscal_year_start"])
    config = SiteConfig(
        **{k: v for k, v in values.items() if k not in _SCORING_KEYS},
        settings=settings,
        cycles=cycles,
    )
    return config, diags


def _toml(text: str, file: str, diags: list[Diagnostic]) -> dict[str, Any] | None:
    """The TOML's tables, or ``None`` (and CFG001 at its line) when it is no TOML."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"line (\d+), column (\d+)", msg)
        line, col = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        clean = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
        diags.append(
            error(
                "CFG001",
                f"okrsite.toml is not valid TOML: {clean}",
                file,
                line=line,
                column=col,
                hint=tomllib.duplicate_hint(text, msg, line)
                or 'fix the TOML syntax; strings need quotes, e.g. title = "Acme goals"',
            )
        )
        return None
    return data


def _merged(text: str, data: dict[str, Any], file: str, diags: list[Diagnostic]) -> dict[str, Any]:
    """Every setting, whether written at the top, under ``[site]`` or (the
    scoring ones) under ``[scoring]``."""
    site = data.get("site", {})
    if not isinstance(site, dict):
        diags.append(error("CFG002", "[site] must be a table", file, line=_line_of(text, "site")))
        site = {}
    # [[sources]] and pull_timeout belong to `okrsite pull` (okrsite/pull_sources.py)
    merged = {k: v for k, v in data.items() if k not in ("site", "cycles", "scoring", *PULL_KEYS)}
    merged.update(site)
    scoring = data.get("scoring", {})
    if isinstance(scoring, dict):
        merged.update(scoring)
    else:
        diags.append(
            error("CFG002", "[scoring] must be a table", file, line=_line_of(text, "scoring"))
        )
    return merged


#: what a setting's check returns when the value is refused (its error is
#: already in the diagnostics): the setting keeps its default
_REFUSED: Any = object()

#: a check of one setting: (key, value, line, file, diagnostics) → the value
#: to keep, or :data:`_REFUSED`
_Check = Callable[[str, Any, int | None, str, list[Diagnostic]], Any]


def _checked_values(
    text: str, merged: dict[str, Any], file: str, diags: list[Diagnostic], places: Places
) -> dict[str, Any]:
    """Each setting whose value is of its kind, by its key; an error for each
    that is not, a warning for each key okrsite does not know."""
    values: dict[str, Any] = {}
    for key, value in merged.items():
        line = _line_of(text, key)
        check = _check_of(key)
        if check is None:
            within = setting_table_of(key, places)
            if key == "pull_timeout" and within is not None:
                # okrsite pull reads it at the top of the file only
                diags.append(pull_timeout_in_table(within, file))
                continue
            line = within.line if within is not None else line
            diags.append(_unknown_setting(text, key, value, line, file))
            continue
        checked = check(key, value, line, file, diags)
        if checked is not _REFUSED:
            values[key] = checked
    return values


def _check_of(key: str) -> _Check | None:
    """The check of setting ``key``, ``None`` for a key okrsite does not know."""
    if key == "repo_url":
        return _check_repo_url
    if key in _STR_KEYS:
        return _check_string
    if key == "max_pages":
        return _check_max_pages
    if key in _SCORING_KEYS:
        return _check_scoring
    if key == "as_of":
        return _check_as_of
    if key in _BOOL_KEYS:
        return _check_bool
    if key in ("backdate_days", "dashboard_changes"):
        return _check_count
    if key == "fiscal_year_start":
        return _check_fiscal_year_start
    return None


def _check_repo_url(
    key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]
) -> Any:
    """A text setting, as the repository's web address (a pasted clone
    address becomes one: :func:`~okrsite.repo_urls.web_address`); one that
    is still no http(s) address makes no link, and is warned of (CFG015)."""
    checked = _check_string(key, value, line, file, diags)
    if checked is _REFUSED or not checked.strip():
        return checked
    url = web_address(checked)
    if not is_web_address(url):
        diags.append(
            warning(
                "CFG015",
                f"repo_url {_short(checked)} is not a web address: no commit, pull-request "
                "or edit link is made from it",
                file,
                line=line,
                hint="write the address your browser shows for the repository, e.g. "
                'repo_url = "https://github.com/acme/goals"',
            )
        )
        return None  # as if unset: no link is built on it (data:, mailto:, a path)
    return url


def _check_string(
    key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]
) -> Any:
    """A text setting: a string without control characters (CFG003)."""
    if not isinstance(value, str) or CONTROL_CHARS.search(value):
        diags.append(
            error(
                "CFG003",
                f"{key} must be a string, got {_short(value)}"
                + (" with a control character" if isinstance(value, str) else ""),
                file,
                line=line,
                hint=f'write {key} = "…"',
            )
        )
        return _REFUSED
    return value


def _check_max_pages(
    key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]
) -> Any:
    """``max_pages``: a whole number of at least 1 (CFG004)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        diags.append(
            error(
                "CFG004",
                f"max_pages must be a whole number of at least 1, got {_short(value)}",
                file,
                line=line,
                hint=f"write a bare whole number: max_pages = {DEFAULT_MAX_PAGES} "
                "is the default, which removing the line also gives",
            )
        )
        return _REFUSED
    return value


#: the scoring settings that are shares of 1, which a percentage ("70%") may write
_SHARE_KEYS = frozenset({"on_track_threshold", "at_risk_threshold", "aspirational_success"})


def _scoring_rule(key: str, value: Any) -> tuple[bool, str]:
    """Whether scoring setting ``key`` may be ``value``, and what it must be."""
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
    expect = "a non-negative number"
    if key in ("stale_after_days", "kpi_stale_after_days"):
        ok = ok and isinstance(value, int)
        expect = "a whole number of days (0 or more)"
    elif key == "aspirational_success":
        ok = ok and 0 < value <= 1
        expect = "a number above 0 and at most 1"
    elif key == "low_confidence":
        ok = ok and value <= 10
        expect = "a confidence from 0 to 10"
    elif key == "change_window_days":
        ok = ok and isinstance(value, int) and 1 <= value <= 366
        expect = "a whole number of days from 1 to 366"
    return ok, expect


def _check_scoring(
    key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]
) -> Any:
    """A scoring setting: a number in its range (CFG004)."""
    if key in _SHARE_KEYS and isinstance(value, str):
        written = read_number(value)
        if written is not None and written[1]:  # "70%", "15 %": a share, as 0.7 and 0.15
            value = round(written[0] / 100, 9)
    ok, expect = _scoring_rule(key, value)
    if not ok:
        default = getattr(Settings(), _SCORING_KEYS[key])
        shown = f"{default:g}" if isinstance(default, float) else str(default)
        diags.append(
            error(
                "CFG004",
                f"{key} must be {expect}, got {_short(value)}",
                file,
                line=line,
                hint=f"write a bare number, without quotes or unit: {key} = {shown} "
                "is the default, which removing the line also gives",
            )
        )
        return _REFUSED
    return value


def _check_as_of(key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]) -> Any:
    """``as_of``: a date in okrsite's range (CFG005); ``"today"``, as ``--as-of``
    takes it, is the default (no date pinned)."""
    word = value.strip().casefold() if isinstance(value, str) else None
    if word == "today":
        return None
    d = _as_date(value)
    if d is None:
        hint = "dates run from 1900-01-01 to 2999-12-31"
        if word == "yesterday":  # a file's date does not move each day; the command line's may
            hint = "a setting is one fixed day; to judge at yesterday run okrsite build --as-of yesterday"
        elif not isinstance(value, date):
            hint += "; remove the line to judge at today"
        diags.append(
            error(
                "CFG005",
                f"as_of must be a date like 2026-02-15, got {_short(value)}",
                file,
                line=line,
                hint=hint,
            )
        )
        return _REFUSED
    return d


def _check_bool(key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]) -> Any:
    """A switch: true or false (CFG003)."""
    if not isinstance(value, bool):
        diags.append(
            error(
                "CFG003",
                f"{key} must be true or false, got {_short(value)}",
                file,
                line=line,
            )
        )
        return _REFUSED
    return value


def _count_default(key: str) -> int:
    """The default of ``backdate_days`` or ``dashboard_changes``, as :class:`SiteConfig` sets it."""
    default = SiteConfig.__dataclass_fields__[key].default
    assert isinstance(default, int)
    return default


def _check_count(key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]) -> Any:
    """``backdate_days``, ``dashboard_changes``: a whole number, 0 or more (CFG004)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        what = "of days " if key == "backdate_days" else ""
        diags.append(
            error(
                "CFG004",
                f"{key} must be a whole number {what}(0 or more), got {_short(value)}",
                file,
                line=line,
                hint=f"write a bare whole number: {key} = {_count_default(key)} "
                "is the default, which removing the line also gives",
            )
        )
        return _REFUSED
    return value


def _check_fiscal_year_start(
    key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]
) -> Any:
    """``fiscal_year_start``: a month, as a number or a name (CFG004)."""
    month = _month_number(value)
    if month is None:
        diags.append(
            error(
                "CFG004",
                f"fiscal_year_start must be a month, got {_short(value)}",
                file,
                line=line,
                hint="write the month your fiscal year starts in: fiscal_year_start = 4 "
                'or fiscal_year_start = "April"',
            )
        )
        return _REFUSED
    return month


def _cycles(
    text: str, data: dict[str, Any], file: str, diags: list[Diagnostic], places: Places
) -> dict[str, Cycle]:
    """The cycles of ``[cycles.NAME]`` tables that have a usable name and dates
    (their keys are checked by :func:`table_key_warnings`)."""
    cycles: dict[str, Cycle] = {}
    raw_cycles = data.get("cycles", {})
    if not isinstance(raw_cycles, dict):
        diags.append(
            error(
                "CFG006", "[cycles] must be a table of tables", file, line=_line_of(text, "cycles")
            )
        )
        raw_cycles = {}
    for name, spec in raw_cycles.items():
        line = _line_of(text, "", table=f"cycles.{name}") or _line_of(text, name)
        if CONTROL_CHARS.search(name) or utf8_length(name) > MAX_ID_SEGMENT_BYTES or not name:
            diags.append(
                error(
                    "CFG006",
                    f"cycle name {_short(name)} is not usable",
                    file,
                    line=line,
                    hint=f"cycle names become page names: at most {MAX_ID_SEGMENT_BYTES} bytes, "
                    "no control characters",
                )
            )
            continue
        if not isinstance(spec, dict):
            at = places().get(("cycles", name)) if name in SITE_KEYS else None
            diags.append(
                error(
                    "CFG006",
                    f"cycle {_short(name)} must be a table with start and end dates",
                    file,
                    line=line,
                    hint=f"{name!r} is a site setting, but written after the {at.header} "
                    "header it belongs to that table: move it above the first [table] header"
                    if at is not None and at.header is not None
                    else f"[cycles.{name}]\nstart = 2026-01-01\nend = 2026-06-30",
                )
            )
            continue
        start, end = _as_date(spec.get("start")), _as_date(spec.get("end"))
        if start is None or end is None:
            diags.append(
                error(
                    "CFG007",
                    f"cycle {_short(name)} needs start and end dates",
                    file,
                    line=line,
                    hint="write start = 2026-01-01 and end = 2026-06-30 (dates without quotes, "
                    "from 1900-01-01 to 2999-12-31)",
                )
            )
            continue
        if end < start:
            diags.append(
                error(
                    "CFG008",
                    f"cycle {_short(name)} ends ({end}) before it starts ({start})",
                    file,
                    line=line,
                )
            )
            continue
        title = CONTROL_CHARS.sub("", str(spec.get("title", name)))
        cycles[name] = Cycle(name, start, end, title)
    return cycles


def _settings(text: str, values: dict[str, Any], file: str, diags: list[Diagnostic]) -> Settings:
    """The scoring settings, and CFG009 when the two thresholds are out of order."""
    settings = Settings(
        **{attr: values[key] for key, attr in _SCORING_KEYS.items() if key in values}
    )
    if settings.at_risk < settings.on_track:
        diags.append(
            error(
                "CFG009",
                "at_risk_threshold must not be smaller than on_track_threshold",
                file,
                line=_line_of(text, "at_risk_threshold"),
            )
        )
    return settings


def _keep_cache_dir_inside(
    text: str, values: dict[str, Any], file: str, diags: list[Diagnostic]
) -> None:
    """Drop a ``cache_dir`` that leads out of the site (CFG011): the default stands."""
    cache_dir = values.get("cache_dir")
    if cache_dir is not None and not _stays_inside(cache_dir):
        diags.append(
            error(
                "CFG011",
                f"cache_dir must be a folder inside the site, got {cache_dir!r}",
                file,
                line=_line_of(text, "cache_dir"),
                hint='write a relative path without "..", e.g. cache_dir = ".okrsite-cache"; '
                "okrsite build --cache-dir PATH takes a folder anywhere",
            )
        )
        del values["cache_dir"]


def _month_number(value: object) -> int | None:
    """A month written as its number (``4``, ``"04"``) or name (``"April"``, ``"apr"``,
    ``"April"`` in German too: the month names okrsite reads in dates)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= 12 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.isdigit():
        return _month_number(int(text))
    from okrsite.written_dates import MONTHS

    return MONTHS.get(text.lower().rstrip("."))


def _stays_inside(rel: str) -> bool:
    """A relative path that cannot climb out of the folder it is relative to."""
    path = PurePosixPath(rel.replace("\\", "/"))
    return (
        bool(rel.strip()) and not path.is_absolute() and ".." not in path.parts and ":" not in rel
    )
