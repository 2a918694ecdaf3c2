"""A file's front matter loaded, and its findings located in it.

The front matter is refused when it is too large or no YAML, and read on
despite a key written twice or tabs that indent it; a control character in
a value is found. A finding that carries a key path is given its line and
column in the front matter (:func:`locate_all`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from okrsite import limits, yamlsource
from okrsite.diagnostics import Diagnostic, error
from okrsite.parse_fields import Path_
from okrsite.parse_messages import shown_value

_TABS_HINT = "indent with spaces: YAML does not allow tabs there, and other tools refuse the file"


def located_parts(parts: yamlsource.Split) -> yamlsource.Split:
    """The parts to find a diagnostic's line in: as written, or with the tabs
    of their indentation made spaces when that is how the file was read."""
    found = _tabs_as_spaces(parts)
    if found is None:
        return parts
    import yaml  # (a file with tabs is not in the shape read without PyYAML)

    try:
        yamlsource.load(parts.front_matter)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return found[0]
    return parts


def _tabs_as_spaces(parts: yamlsource.Split) -> tuple[yamlsource.Split, int] | None:
    """The front matter with the tabs that indent its lines made spaces (tab
    stops every 4 columns, as most editors show them), and the number (from
    0) of the first line indented with a tab, when there is one; else ``None``.

    YAML refuses tabs in indentation, but a file typed in an editor that
    inserts them, or pasted from one, is indented with them all the same;
    its structure is what the tabs show.
    """
    fm = parts.front_matter
    if "\t" not in fm:
        return None
    lines = fm.split("\n")
    first: int | None = None
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            lines[number] = line[:indent].expandtabs(4) + line[indent:]
            first = number if first is None else first
    if first is None:
        return None
    return yamlsource.Split("\n".join(lines), parts.body, parts.fm_line, parts.body_line), first


#: the hint of OKR008, by the limit the aliases are over
#: (:attr:`okrsite.pyyaml_front_matter.AliasLimitError.limit`)
_ALIAS_HINTS = {
    "values": f"aliases (*name) may expand to at most {limits.MAX_EXPANDED_VALUES} values; "
    "write the values out instead",
    "chars": f"aliases (*name) may repeat at most {limits.MAX_EXPANDED_CHARS:,} characters "
    "in all; write the text out once or shorten it",
    "cycle": "an alias (*name) may not stand for a value it is inside; write the value out instead",
}


class _FileProblem(Exception):
    """A problem that makes the whole file unusable: (code, message, hint, line, column)."""


def _front_matter_data(parts: yamlsource.Split) -> Any:
    """The front matter's values, or :class:`_FileProblem` (too large, not YAML,
    a key written twice, aliases that expand too far)."""
    fm_size = limits.utf8_length(parts.front_matter)
    if fm_size > limits.MAX_FRONT_MATTER_BYTES:
        raise _FileProblem(
            "OKR009",
            f"the front matter is {fm_size} bytes long",
            f"front matter may be at most {limits.MAX_FRONT_MATTER_BYTES // 1024} KB; "
            "move long text into the body below the second '---'",
            parts.fm_line,
            None,
        )
    try:
        return yamlsource.load(parts.front_matter)
    except Exception as exc:  # PyYAML's errors among them, imported only when a file needs it
        problem = _front_matter_problem(exc, parts)
        if problem is None:
            raise
        raise problem from None


def _despite_duplicates(rel: str, parts: yamlsource.Split) -> tuple[Any, list[Diagnostic]] | None:
    """The front matter of a file with keys written twice, read on (the later
    value of each), and an OKR007 error for each such key, so that one run
    reports the file's other errors too; ``None`` if it cannot be read so."""
    from okrsite import pyyaml_front_matter as pyyaml_read

    try:
        data, twice = pyyaml_read.load_despite_duplicates(parts.front_matter)
    except Exception:  # whatever else is wrong with it is reported as before
        return None
    if not twice:
        return None
    out = []
    for key, lines in twice:
        at = [parts.fm_line + line for line in lines]
        if len(set(at)) == 1:
            where = f"line {at[0]}"
        elif len(at) > _LINES_LISTED:  # 30,000 times: the first lines, then how many more
            shown = ", ".join(map(str, at[:_LINES_LISTED]))
            where = f"lines {shown} and {len(at) - _LINES_LISTED:,} more"
        else:
            where = "lines " + ", ".join(map(str, at[:-1])) + f" and {at[-1]}"
        count = "twice" if len(at) == 2 else f"{len(at)} times"
        out.append(
            error(
                "OKR007",
                f"key {shown_value(key)} is written {count}, on {where}",
                rel,
                line=at[1],
                hint="keep one of them: YAML does not allow a key twice in one mapping",
            )
        )
    return data, out


#: the lines an OKR007 of a key written many times names (a key written
#: 30,000 times made a message of 200,000 characters)
_LINES_LISTED = 10


def _front_matter_problem(exc: Exception, parts: yamlsource.Split) -> _FileProblem | None:
    """What :func:`_front_matter_data` says of ``exc`` raised reading the
    front matter (``None``: not a problem of the file, a bug to show)."""
    import yaml

    from okrsite import pyyaml_front_matter as pyyaml_read

    if isinstance(exc, pyyaml_read.DuplicateKeyError):
        first, again = parts.fm_line + exc.first_line, parts.fm_line + exc.again_line
        return _FileProblem(
            "OKR007",
            f"key {shown_value(exc.key)} is written twice, on lines {first} and {again}",
            "keep one of them: YAML does not allow a key twice in one mapping",
            again,
            None,
        )
    if isinstance(exc, pyyaml_read.AliasLimitError):
        yline, ycol = pyyaml_read.yaml_error_position(exc, parts.fm_line, parts.front_matter)
        return _FileProblem(
            "OKR008",
            f"front matter is refused: {exc.problem}",
            _ALIAS_HINTS.get(exc.limit, _ALIAS_HINTS["values"]),
            yline,
            ycol,
        )
    if isinstance(exc, pyyaml_read.NestingLimitError):
        yline, ycol = pyyaml_read.yaml_error_position(exc, parts.fm_line, parts.front_matter)
        return _FileProblem(
            "OKR003",
            f"front matter is refused: {exc.problem}",
            f"lists and mappings nest at most {yamlsource.MAX_BLOCK_NESTING} levels deep; "
            "flatten the structure",
            yline,
            ycol,
        )
    if isinstance(exc, yaml.YAMLError):
        yline, ycol = pyyaml_read.yaml_error_position(exc, parts.fm_line, parts.front_matter)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        msg = f"front matter is not valid YAML: {problem}" + (f" ({context})" if context else "")
        return _FileProblem(
            "OKR003",
            msg,
            _reserved_start_hint(exc, parts.front_matter)
            or "check indentation, colons after keys, and quote text containing ': ' or '#'",
            yline,
            ycol,
        )
    if isinstance(exc, (ValueError, TypeError, RecursionError, OverflowError)):
        problem = limits.strip_controls(str(exc))[:120]
        return _FileProblem(
            "OKR003", f"front matter could not be read: {problem}", None, parts.fm_line, None
        )
    return None


def _control_character(value: Any, path: Path_) -> tuple[str, Path_] | None:
    """The first control character in any text of ``value``, and the key path to it."""
    stack: list[tuple[Any, Path_]] = [(value, path)]
    seen: set[int] = set()
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            bad = limits.CONTROL_CHARS.search(item)
            if bad is not None:
                return bad.group(), where
        elif isinstance(item, (dict, list)) and id(item) not in seen:
            seen.add(id(item))  # aliases share values: visit each once
            if isinstance(item, dict):
                for k, v in item.items():
                    stack.append((k, where))
                    stack.append((v, (*where, str(k))))
            else:
                stack.extend((v, (*where, i)) for i, v in enumerate(item))
    return None


def locate_all(diags: Iterable[Diagnostic], parts: yamlsource.Split | None) -> list[Diagnostic]:
    """Fill in line and column for diagnostics that carry a key path."""
    out = []
    for d in diags:
        if d.line is None and d.key_path is not None and parts is not None:
            # unknown keys, impossible dates used as keys (a KPI's values:) and unknown key
            # results named in a check-in's values: point at the key, not at its value
            at_key = d.code == "OKR111" or (
                d.code in ("OKR104", "OKR304") and d.key_path[:1] == ("values",)
            )
            line, col = yamlsource.locate(parts.front_matter, d.key_path, parts.fm_line, key=at_key)
            if not d.key_path:
                line, col = 1, None
            d = d.located(line, col)
        out.append(d)
    return out


def text_value_line(parts: yamlsource.Split, key: str, value: str) -> int:
    """The file line on which the text ``value`` of top-level ``key`` starts:
    the line of its first words at or after the key's own (a ``note: |``
    block starts on the line after it), else the key's line, else the front
    matter's first. A check-in's note is checked as Markdown (OKR314) at its
    own lines, not at the body's after which it is shown."""
    lines = parts.front_matter.split("\n")
    written = re.compile(rf"""\s*["']?{re.escape(key)}["']?\s*[:=]""")
    start = next((n for n, line in enumerate(lines) if written.match(line)), None)
    if start is None:
        return parts.fm_line
    first = value.strip().split("\n", 1)[0].strip()
    for number in range(start, len(lines)):
        if first and first in lines[number]:
            return parts.fm_line + number
    return parts.fm_line + start


#: characters YAML reserves, that no plain value may start with: a handle
#: (``author: @jweiss``) or a code span (``title: `okrsite` docs``)
_RESERVED_STARTS = "@`"


def _reserved_start_hint(exc: Exception, front_matter: str) -> str | None:
    """The hint for a value starting with ``@`` or a backtick, which YAML
    refuses unquoted ("found character that cannot start any token"): the
    line to write, quoted; ``None`` for any other error."""
    mark = getattr(exc, "problem_mark", None)
    lines = front_matter.splitlines()
    if mark is None or not 0 <= mark.line < len(lines):
        return None
    line = lines[mark.line]
    if not 0 <= mark.column < len(line) or line[mark.column] not in _RESERVED_STARTS:
        return None
    head, rest = line[: mark.column], line[mark.column :].rstrip()
    in_flow = "[" in head or "{" in head  # author: [@jweiss, @uma]: up to the next ','
    value = re.match(r"[^,\]}]*" if in_flow else r".*", rest)[0].rstrip()  # type: ignore[index]
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (
        f"YAML reserves {line[mark.column]!r} at the start of a value: quote it, write "
        f"{(head + quoted + rest[len(value) :]).strip()}"
    )
