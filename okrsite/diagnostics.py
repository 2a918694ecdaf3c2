"""Diagnostics as data.

Every problem okrsite finds in a user's files is a :class:`Diagnostic`: a code,
a severity, where it is (file, line, column) and what to do about it. The core
never prints and never raises for bad input; it returns diagnostics, and the
edges (the command line, the preview server, the diff report) decide how to
show them. That is what lets one run report *every* problem, not only the
first, and lets the same findings become compiler-style text, JSON or GitHub
annotations.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from okrsite.model import pickled_by_fields
from okrsite.pickled_enums import pickled_by_value
from okrsite.plural import plural


@pickled_by_value  # the same pickle on every Python (a cache reads it back)
class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@pickled_by_fields  # parse results carry them from worker processes and the cache
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding about the user's files.

    ``file`` is the path as the user sees it (relative to the site root, with
    forward slashes). ``line`` and ``column`` are 1-based and point into that
    file's own text. ``key_path`` is the path of the offending value inside the
    front matter (``("key_results", 1, "target")``); the pipeline uses it to
    fill in ``line``/``column`` lazily, only for files that have findings.
    """

    code: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    key_path: tuple[str | int, ...] | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def located(self, line: int | None, column: int | None = None) -> Diagnostic:
        # the constructor directly: dataclasses.replace looks the fields up on every call
        return Diagnostic(
            self.code,
            self.severity,
            self.message,
            self.file,
            line,
            column,
            self.hint,
            self.key_path,
        )

    @property
    def location(self) -> str:
        """``file:line:col`` as compilers print it (parts that are unknown are left out)."""
        if not self.file:
            return "okrsite"
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format_text(self) -> str:
        """One line for a terminal. Control characters (a file named with a
        newline or an escape sequence) are shown escaped, never sent raw."""
        text = f"{self.location}: {self.severity.value} {self.code}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return _printable(text)

    def format_github(self, folder: str = "") -> str:
        """A GitHub Actions workflow command (``::error file=…,line=…::message``).
        ``folder`` is the site's folder in its repository (``goals/``): GitHub
        places an annotation by the file's path from the repository's top."""
        props = []
        if self.file:
            props.append(f"file={_gh_property(folder + self.file)}")
        if self.line is not None:
            props.append(f"line={self.line}")
        if self.column is not None:
            props.append(f"col={self.column}")
        props.append(f"title={_gh_property(self.code)}")
        message = self.message + (f" (hint: {self.hint})" if self.hint else "")
        return f"::{self.severity.value} {','.join(props)}::{_gh_data(message)}"

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
        }


def _printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def error(code: str, message: str, file: str | None = None, **kw: object) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, file, **kw)  # type: ignore[arg-type]


def warning(code: str, message: str, file: str | None = None, **kw: object) -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, message, file, **kw)  # type: ignore[arg-type]


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    return (d.file or "", d.line or 0, d.column or 0, d.code)


def sorted_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Stable, de-duplicated, in file order: the order a person fixes them in."""
    seen: set[Diagnostic] = set()
    out = []
    for d in diags:
        if d not in seen:
            seen.add(d)
            out.append(d)
    return sorted(out, key=sort_key)


def count(diags: Sequence[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diags if d.is_error)
    return errors, len(diags) - errors


def format_report(diags: Sequence[Diagnostic], fmt: str = "text", folder: str = "") -> str:
    """Render diagnostics for a terminal (``text``), tools (``json``) or GitHub
    (``github``, with file paths from the repository's top: ``folder`` is the
    site's folder in it)."""
    if fmt == "json":
        return json.dumps([d.to_json() for d in diags], indent=2)
    if fmt == "github":
        return "\n".join(d.format_github(folder) for d in diags)
    return "\n".join(d.format_text() for d in diags)


def summary_line(diags: Sequence[Diagnostic]) -> str:
    errors, warnings = count(diags)
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
