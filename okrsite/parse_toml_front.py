"""Front matter written in TOML between ``+++`` lines, as Hugo writes it.

Read with the standard library's TOML reader and then by the same rules as
YAML front matter (:func:`okrsite.parse.parse_data`); imported by
:func:`okrsite.parse.parse_file` only for a file that starts with ``+++``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from datetime import time as time_of_day
from typing import Any

from okrsite import limits, yamlsource
from okrsite.parse import ParsedFile, _with_body_problems, parse_data

_TOML_BOUNDARY = "+++"


def parsed_toml(
    rel: str,
    text: str,
    fail: Callable[..., ParsedFile],
    content_dir: str,
    default_cycle: str | None,
) -> ParsedFile:
    """A file whose front matter is TOML between ``+++`` lines, as Hugo writes
    it (``title = "Ship it"``, ``[[key_results]]``): read with the standard
    library's TOML reader and then by the same rules as YAML front matter,
    its dates and times as text as YAML's are. Findings name the file without
    a line (TOML's reader keeps none), except TOML's own errors."""
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == _TOML_BOUNDARY), None)
    if lines[0].rstrip() != _TOML_BOUNDARY or end is None:
        return fail(
            "OKR002",
            "the TOML front matter has no closing '+++' line",
            hint="end the front matter with a line '+++'",
            line=1,
        )
    front = "\n".join(lines[1:end])
    parts = yamlsource.Split("", "\n".join(lines[end + 1 :]), 1, end + 2)
    # front matter that cannot be read leaves the body's problems to report (as
    # YAML's does): every error of a file in one run
    if limits.utf8_length(front) > limits.MAX_FRONT_MATTER_BYTES:
        return _with_body_problems(
            fail(
                "OKR009",
                f"the front matter is {limits.utf8_length(front)} bytes long",
                hint=f"front matter may be at most {limits.MAX_FRONT_MATTER_BYTES // 1024} KB",
                line=1,
            ),
            parts,
        )
    from okrsite import toml_reader as tomllib

    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        return _with_body_problems(
            fail(
                "OKR003",
                f"front matter is not valid TOML: {str(exc).split(' (at line')[0]}",
                hint="check the quotes and the '=' after each key, or write the front matter "
                "as YAML between '---' lines",
                line=1 + int(found.group(1)) if found else 1,
                col=int(found.group(2)) if found else None,
            ),
            parts,
        )
    parsed = parse_data(
        rel, _dates_as_text(data), parts, content_dir=content_dir, default_cycle=default_cycle
    )
    return _with_body_problems(parsed, parts)


def _dates_as_text(value: Any) -> Any:
    """TOML's dates, times and date-times as the text YAML front matter keeps
    them as (``2026-11-20``, ``2026-11-20T09:30:00``), so one set of rules reads both."""
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if isinstance(value, (date, time_of_day)):  # a datetime is a date
        return value.isoformat()
    return value
