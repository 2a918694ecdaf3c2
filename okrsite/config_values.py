"""The check of each setting's value in ``okrsite.toml``: its kind, its range,
and the one-line error (CFG004 …) with the file, line and what to write
instead. :func:`okrsite.config.parse_config` finds each key's check and keeps
the values that pass.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.limits import (
    CONTROL_CHARS,
    DEFAULT_MAX_PAGES,
    date_in_range,
)
from okrsite.model import Settings
from okrsite.repo_urls import is_web_address, repository_address, web_address
from okrsite.written_dates import read_date
from okrsite.written_numbers import read_number

SCORING_KEYS = {
    "on_track_threshold": "on_track",
    "at_risk_threshold": "at_risk",
    "stale_after_days": "stale_after_days",
    "kpi_stale_after_days": "kpi_stale_after_days",
    "aspirational_success": "aspirational_success",
    "low_confidence": "low_confidence",
    "change_window_days": "changes_days",
}


def as_date(value: Any) -> date | None:
    """A date within the range okrsite accepts, else ``None``; a date in quotes
    is read as a check-in's date is (``"20.11.2026"``, ``"Nov 20, 2026"``:
    :func:`okrsite.written_dates.read_date`), so a setting takes what a file
    and ``--as-of`` take."""
    day = None
    if isinstance(value, date):
        day = value if not hasattr(value, "hour") else value.date()  # type: ignore[attr-defined]
    elif isinstance(value, str):
        day = read_date(value)
    return day if day is not None and date_in_range(day) else None


def short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


REFUSED: Any = object()

#: a check of one setting: (key, value, line, file, diagnostics) → the value
#: to keep, or :data:`REFUSED`
Check = Callable[[str, Any, int | None, str, list[Diagnostic]], Any]


def check_repo_url(
    key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]
) -> Any:
    """A text setting, as the repository's web address (a pasted clone
    address becomes one: :func:`~okrsite.repo_urls.web_address`); one that
    is still no http(s) address makes no link, and is warned of (CFG015);
    the address of a page inside the repository (a folder's, pasted for a
    site in a subfolder) is cut back to the repository's, and warned of
    (CFG016), since every link is built on it."""
    checked = check_string(key, value, line, file, diags)
    if checked is REFUSED or not checked.strip():
        return checked
    if has_credentials(checked):
        diags.append(
            error(
                "CFG017",
                f"{key} carries a user name or password: every page would publish it in its links",
                file,
                line=line,
                hint=f"remove the credentials (the part before @): write {key} = "
                '"https://github.com/acme/goals", the address your browser shows; '
                "give a CI job its token another way",
            )
        )
        return REFUSED
    url = web_address(checked)
    if not is_web_address(url):
        diags.append(
            warning(
                "CFG015",
                f"repo_url {short(checked)} is not a web address: no commit, pull-request "
                "or edit link is made from it",
                file,
                line=line,
                hint="write the address your browser shows for the repository, e.g. "
                'repo_url = "https://github.com/acme/goals"',
            )
        )
        return None  # as if unset: no link is built on it (data:, mailto:, a path)
    root, cut = repository_address(url)
    if cut:
        # a folder's address, natural to copy for a site in a subfolder:
        # every link was built on the folder (…/tree/main/goals/commit/…)
        diags.append(
            warning(
                "CFG016",
                f"repo_url {short(checked)} is the address of a page inside the repository "
                f"({short(cut)}): links are built on the repository's address {root!r}",
                file,
                line=line,
                hint=f'write repo_url = "{root}"; the site\'s folder in the repository is '
                "found from git (or set repo_folder), and edit links use edit_branch",
            )
        )
    return root


#: ``https://user:pass@host``, ``https://TOKEN@host``: the user part of a web address
_WEB_USER = re.compile(r"\s*[a-z][a-z0-9+.-]*://(?P<user>[^/?#@\s]*)@", re.I)


def has_credentials(url: str) -> bool:
    """Whether address ``url`` carries credentials: any user name of an http(s)
    (or other ``scheme://``) address, and a password in any form. The user
    ``git@`` of an ssh clone address (``git@github.com:acme/goals.git``,
    ``ssh://git@github.com/acme/goals``) is no secret, and stays allowed."""
    match = _WEB_USER.match(url)
    if match is None:
        return False
    user = match["user"]
    if url.strip().lower().startswith(("http://", "https://")):
        return True
    return ":" in user


def check_string(key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]) -> Any:
    """A text setting: a string without control characters (CFG003)."""
    if not isinstance(value, str) or CONTROL_CHARS.search(value):
        diags.append(
            error(
                "CFG003",
                f"{key} must be a string, got {short(value)}"
                + (" with a control character" if isinstance(value, str) else ""),
                file,
                line=line,
                hint=f'write {key} = "…"',
            )
        )
        return REFUSED
    return value


def check_language(
    key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]
) -> Any:
    """``language``: a string (CFG003), in the case BCP 47 writes a tag
    (``DE`` is ``de``, ``de-at`` is ``de-AT``): tags ignore case, and every
    reader of the setting (the catalogue, ``<html lang>``, the numbers, the
    shipped templates compiled for ``de``) then sees one spelling."""
    from okrsite.translations import language_tag

    checked = check_string(key, value, line, file, diags)
    return checked if checked is REFUSED else language_tag(checked)


def check_max_pages(
    key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]
) -> Any:
    """``max_pages``: a whole number of at least 1 (CFG004)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        diags.append(
            error(
                "CFG004",
                f"max_pages must be a whole number of at least 1, got {short(value)}",
                file,
                line=line,
                hint=f"write a bare whole number: max_pages = {DEFAULT_MAX_PAGES} "
                "is the default, which removing the line also gives",
            )
        )
        return REFUSED
    return value


#: the scoring settings that are shares of 1, which a percentage ("70%") may write
_SHARE_KEYS = frozenset({"on_track_threshold", "at_risk_threshold", "aspirational_success"})


def _scoring_rule(key: str, value: Any) -> tuple[bool, str]:
    """Whether scoring setting ``key`` may be ``value``, and what it must be."""
    ok = (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)  # nan and inf (TOML's ``inf``) are no threshold
        and value >= 0
    )
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


def check_scoring(
    key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]
) -> Any:
    """A scoring setting: a number in its range (CFG004)."""
    if key in _SHARE_KEYS and isinstance(value, str):
        written = read_number(value)
        if written is not None and written[1]:  # "70%", "15 %": a share, as 0.7 and 0.15
            value = round(written[0] / 100, 9)
    ok, expect = _scoring_rule(key, value)
    if not ok:
        default = getattr(Settings(), SCORING_KEYS[key])
        shown = f"{default:g}" if isinstance(default, float) else str(default)
        diags.append(
            error(
                "CFG004",
                f"{key} must be {expect}, got {short(value)}",
                file,
                line=line,
                hint=f"write a bare number, without quotes or unit: {key} = {shown} "
                "is the default, which removing the line also gives",
            )
        )
        return REFUSED
    return value


def check_as_of(key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]) -> Any:
    """``as_of``: a date in okrsite's range (CFG005); ``"today"``, as ``--as-of``
    takes it, is the default (no date pinned)."""
    word = value.strip().casefold() if isinstance(value, str) else None
    if word == "today":
        return None
    d = as_date(value)
    if d is None:
        written = read_date(value) if isinstance(value, str) else None
        if written is not None or isinstance(value, date):
            hint = "dates run from 1900-01-01 to 2999-12-31"
        else:  # no day it surely names (03/01/2026: the 3rd of January, or March 1st?)
            hint = "write the day year first, as 2026-11-20"
        if word == "yesterday":  # a file's date does not move each day; the command line's may
            hint = "a setting is one fixed day; to judge at yesterday run okrsite build --as-of yesterday"
        elif not isinstance(value, date):
            hint += "; remove the line to judge at today"
        diags.append(
            error(
                "CFG005",
                f"as_of must be a date like 2026-02-15, got "
                f"{value.isoformat() if isinstance(value, date) else short(value)}",
                file,
                line=line,
                hint=hint,
            )
        )
        return REFUSED
    return d


def check_bool(key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]) -> Any:
    """A switch: true or false (CFG003)."""
    if not isinstance(value, bool):
        diags.append(
            error(
                "CFG003",
                f"{key} must be true or false, got {short(value)}",
                file,
                line=line,
            )
        )
        return REFUSED
    return value


#: the defaults of the settings that count (:class:`okrsite.config.SiteConfig` uses them)
COUNT_DEFAULTS = {"backdate_days": 7, "dashboard_changes": 50, "dashboard_attention": 25}


def _count_default(key: str) -> int:
    """The default of ``backdate_days``, ``dashboard_changes`` or ``dashboard_attention``."""
    return COUNT_DEFAULTS[key]


def check_count(key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]) -> Any:
    """``backdate_days``, ``dashboard_changes``, ``dashboard_attention``: a whole
    number, 0 or more (CFG004)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        what = "of days " if key == "backdate_days" else ""
        diags.append(
            error(
                "CFG004",
                f"{key} must be a whole number {what}(0 or more), got {short(value)}",
                file,
                line=line,
                hint=f"write a bare whole number: {key} = {_count_default(key)} "
                "is the default, which removing the line also gives",
            )
        )
        return REFUSED
    return value


def check_fiscal_year_start(
    key: str, value: Any, line: int | None, file: str, diags: list[Diagnostic]
) -> Any:
    """``fiscal_year_start``: a month, as a number or a name (CFG004)."""
    month = month_number(value)
    if month is None:
        diags.append(
            error(
                "CFG004",
                f"fiscal_year_start must be a month, got {short(value)}",
                file,
                line=line,
                hint="write the month your fiscal year starts in: fiscal_year_start = 4 "
                'or fiscal_year_start = "April"',
            )
        )
        return REFUSED
    return month


def month_number(value: object) -> int | None:
    """A month written as its number (``4``, ``"04"``) or name (``"April"``, ``"apr"``,
    ``"April"`` in German too: the month names okrsite reads in dates)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= 12 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.isdigit():
        return month_number(int(text))
    from okrsite.written_dates import MONTHS

    return MONTHS.get(text.lower().rstrip("."))
