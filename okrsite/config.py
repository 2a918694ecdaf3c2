"""Site settings from ``okrsite.toml``.

Every key has a default, so a site needs no configuration file at all. Unknown
keys are warned about (a typo in a setting should not silently do nothing) and
wrong types are errors with the TOML line. Parsing is pure: it takes the file's
text and returns settings plus diagnostics.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
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
from okrsite.config_values import (
    COUNT_DEFAULTS,
    REFUSED,
    SCORING_KEYS,
    Check,
    as_date,
    check_as_of,
    check_bool,
    check_count,
    check_fiscal_year_start,
    check_language,
    check_max_pages,
    check_repo_url,
    check_scoring,
    check_string,
    short,
)
from okrsite.cycles import FiscalCycles
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.limits import (
    CONTROL_CHARS,
    DEFAULT_MAX_PAGES,
    MAX_ID_SEGMENT_BYTES,
    utf8_length,
)
from okrsite.model import Cycle, Settings

CONFIG_FILE = "okrsite.toml"

#: the site title of a site whose okrsite.toml sets none: a msgid of the
#: theme's translations, so a German site is "Ziele" (:func:`titled_in_language`)
DEFAULT_TITLE = "Goals"


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The settings of ``okrsite.toml``, each with the default a site without it gets."""

    title: str = DEFAULT_TITLE
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
    backdate_days: int = COUNT_DEFAULTS["backdate_days"]
    #: how many check-ins the dashboard's "What changed" lists, newest first
    #: (the others are counted under it; 0: all of them)
    dashboard_changes: int = COUNT_DEFAULTS["dashboard_changes"]
    #: how many objectives the dashboard's "Needs attention" and "Stale
    #: objectives" each list (the others are on ``attention/index.html``; 0: all)
    dashboard_attention: int = COUNT_DEFAULTS["dashboard_attention"]
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
PULL_KEYS = ("sources", "pull_timeout")
KNOWN_KEYS = (
    _STR_KEYS
    | set(SCORING_KEYS)
    | _BOOL_KEYS
    | {
        "as_of",
        "max_pages",
        "backdate_days",
        "dashboard_changes",
        "dashboard_attention",
        "fiscal_year_start",
    }
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
            f"unknown table {short(key)} is ignored",
            file,
            line=line or _line_of(text, "", table=key),
            hint="write settings at the top of okrsite.toml (or under [site]); "
            "known settings: " + ", ".join(sorted(KNOWN_KEYS)),
        )
    elsewhere = _OTHER_TOOLS.get(key.lower().replace("-", "_"))
    close = difflib.get_close_matches(key.lower(), sorted(KNOWN_KEYS), n=1, cutoff=0.6)
    return warning(
        "CFG010",
        f"unknown setting {short(key)} is ignored",
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


def titled_in_language(config: SiteConfig, gettext: Callable[[str], str]) -> SiteConfig:
    """``config`` with the default title in the site's language: a site that
    sets only ``language = "de"`` is "Ziele" on every page, in its feed and
    on its 404 page, not an English "Goals" among German words. A title
    written in okrsite.toml is the site's name and stays as written."""
    if config.title != DEFAULT_TITLE:
        return config
    return replace(config, title=gettext(DEFAULT_TITLE))


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
    if "sources" in data or "pull_timeout" in data:
        # imported only for a site that declares sources: `okrsite pull` reads them
        from okrsite.source_declarations import declaration_errors

        diags += declaration_errors(text, file)
    settings = _settings(text, values, file, diags)
    _tidy_content_dir(values)
    _keep_folders_inside(text, values, file, diags)
    _keep_output_apart(text, values, file, diags)
    if values.get("fiscal_year_start") is not None:
        cycles = FiscalCycles(cycles, values["fiscal_year_start"])
    config = SiteConfig(
        **{k: v for k, v in values.items() if k not in SCORING_KEYS},
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
        if checked is not REFUSED:
            values[key] = checked
    return values


def _check_of(key: str) -> Check | None:
    """The check of setting ``key``, ``None`` for a key okrsite does not know."""
    if key == "repo_url":
        return check_repo_url
    if key == "language":
        return check_language
    if key in _STR_KEYS:
        return check_string
    if key == "max_pages":
        return check_max_pages
    if key in SCORING_KEYS:
        return check_scoring
    if key == "as_of":
        return check_as_of
    if key in _BOOL_KEYS:
        return check_bool
    if key in COUNT_DEFAULTS:
        return check_count
    if key == "fiscal_year_start":
        return check_fiscal_year_start
    return None


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
                    f"cycle name {short(name)} is not usable",
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
                    f"cycle {short(name)} must be a table with start and end dates",
                    file,
                    line=line,
                    hint=f"{name!r} is a site setting, but written after the {at.header} "
                    "header it belongs to that table: move it above the first [table] header"
                    if at is not None and at.header is not None
                    else f"[cycles.{name}]\nstart = 2026-01-01\nend = 2026-06-30",
                )
            )
            continue
        start, end = as_date(spec.get("start")), as_date(spec.get("end"))
        if start is None or end is None:
            diags.append(
                error(
                    "CFG007",
                    f"cycle {short(name)} needs start and end dates",
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
                    f"cycle {short(name)} ends ({end}) before it starts ({start})",
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
        **{attr: values[key] for key, attr in SCORING_KEYS.items() if key in values}
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


#: each folder setting that must stay inside the site (CFG011): its example,
#: and the command-line option that takes a folder anywhere
_INSIDE = {
    "cache_dir": ('".okrsite-cache"', "okrsite build --cache-dir PATH takes a folder anywhere"),
    "output_dir": ('"_site"', "to build elsewhere, run okrsite build --out PATH"),
}


def _keep_folders_inside(
    text: str, values: dict[str, Any], file: str, diags: list[Diagnostic]
) -> None:
    """Refuse a ``cache_dir`` or ``output_dir`` that leads out of the site
    (CFG011; the default stands): a build replaces its output folder, and one
    line of okrsite.toml in a pull request must not send a CI job's writes
    anywhere. ``--cache-dir`` and ``--out`` take any folder."""
    for key, (example, elsewhere) in _INSIDE.items():
        folder = values.get(key)
        if folder is None or (_stays_inside(folder) and not _in_git(folder)):
            continue
        where = "outside git's own folder" if _stays_inside(folder) else "inside the site"
        diags.append(
            error(
                "CFG011",
                f"{key} must be a folder {where}, got {short(folder)}",
                file,
                line=_line_of(text, key),
                hint=f'write a relative path without ".." or ".git", e.g. {key} = {example}; '
                f"{elsewhere}",
            )
        )
        del values[key]


#: the folders of the site okrsite reads besides ``content_dir``
_READ_FOLDERS = ("templates", "static", "themes")


def _keep_output_apart(
    text: str, values: dict[str, Any], file: str, diags: list[Diagnostic]
) -> None:
    """Refuse an ``output_dir`` that is, contains or lies inside a folder
    okrsite reads (CFG011 at its line): the build refuses it anyway, but
    unlocated and in words for ``--out``, so ``okrsite check`` in a pull
    request passed a line that broke the publishing build after the merge.
    Told from the setting's words alone, as the build's own check would find
    it (links are the build's to follow)."""
    folder = values.get("output_dir")
    if folder is None:
        return
    out = _parts(folder)
    reads = {"content": _parts(values.get("content_dir") or "content")}
    reads.update({name: (name,) for name in _READ_FOLDERS})
    for what, parts in reads.items():
        if out[: len(parts)] == parts or parts[: len(out)] == out:
            shown = "/".join(parts) + "/"
            diags.append(
                error(
                    "CFG011",
                    f"output_dir {short(folder)} overlaps the {what} folder {shown}, which okrsite "
                    "reads: a build would read its own pages, or replace what it reads",
                    file,
                    line=_line_of(text, "output_dir"),
                    hint='choose a folder of its own, e.g. output_dir = "_site" (or "public")',
                )
            )
            del values["output_dir"]
            return


def _tidy_content_dir(values: dict[str, Any]) -> None:
    """``content_dir`` in one spelling: ``./content``, ``content/`` and
    ``content//x`` are the folders ``content`` and ``content/x``. Every path
    okrsite shows or writes starts with it (CODEOWNERS rules, edit links,
    ``check --format github`` annotations), and ``/./content/x.md`` matches
    no file on GitHub or GitLab, so it is tidied once, here. A path with
    ``..`` is left as written (the folder check refuses one leading out)."""
    folder = values.get("content_dir")
    if not isinstance(folder, str) or not folder.strip():
        return
    parts = tuple(p for p in PurePosixPath(folder).parts if p not in (".", ""))
    if "\\" in folder or ".." in parts or PurePosixPath(folder).is_absolute():
        return
    values["content_dir"] = "/".join(parts) or "."


def _parts(rel: str) -> tuple[str, ...]:
    """A relative folder as its parts, ``./`` and empty parts left out."""
    path = PurePosixPath(rel.replace("\\", "/"))
    return tuple(part for part in path.parts if part not in (".", ""))


def _in_git(rel: str) -> bool:
    """A path through a ``.git`` folder (``.git/hooks-site``): git's own files
    (its hooks run code), where one line of okrsite.toml in a pull request
    must not make a CI job write."""
    return any(part.casefold() == ".git" for part in PurePosixPath(rel.replace("\\", "/")).parts)


def _stays_inside(rel: str) -> bool:
    """A relative path that cannot climb out of the folder it is relative to."""
    path = PurePosixPath(rel.replace("\\", "/"))
    return (
        bool(rel.strip()) and not path.is_absolute() and ".." not in path.parts and ":" not in rel
    )
