"""Parse one file into one typed record, validating every value.

:func:`parse_file` is pure: bytes in, a record and diagnostics out. It never
raises for anything a user can write (the property tests feed it random bytes
and random YAML). Cross-file questions (does this parent exist? is the cycle
known?) belong to :mod:`okrsite.resolve`.

This module is the entry point: it splits a file into front matter and body,
loads the front matter (YAML, or TOML between ``+++`` lines), tells what
kind of file it is and hands it to that kind's reader. The readers live in
modules of their own, each named for what it reads:
:mod:`okrsite.parse_objectives` (with :mod:`okrsite.parse_key_results`),
:mod:`okrsite.parse_kpis` (and a KPI's CSV file),
:mod:`okrsite.parse_goals`, :mod:`okrsite.parse_checkins` and
:mod:`okrsite.parse_people` (teams, people and pages), all through the field
reader of :mod:`okrsite.parse_fields`. The names other modules import from
here are imported here from those modules, so ``okrsite.parse`` still
offers them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from okrsite import limits, yamlsource
from okrsite.body_limits import body_problems
from okrsite.checkin_time_key import kpi_time_keys
from okrsite.comment_cuts import comment_cuts
from okrsite.conflict_markers import HINT as CONFLICT_HINT
from okrsite.conflict_markers import conflict_markers
from okrsite.content_names import folder_meant, kind_named
from okrsite.diagnostics import Diagnostic, Severity, error, warning
from okrsite.file_text import dash_fence_hint, file_text
from okrsite.model import Kind, Record, pickled_by_fields
from okrsite.parse_checkins import CONFIDENCE_WORDS as CONFIDENCE_WORDS
from okrsite.parse_checkins import _checkin, _dated_by_name, _filed_in, _loose_values
from okrsite.parse_checkins import _checkin_moment as _checkin_moment
from okrsite.parse_checkins import confidence_word as confidence_word
from okrsite.parse_fields import _UNKNOWN_KEYS as _UNKNOWN_KEYS
from okrsite.parse_fields import KeyResultMemo as KeyResultMemo
from okrsite.parse_fields import Path_ as Path_
from okrsite.parse_fields import _Fields
from okrsite.parse_figures import split_unit as split_unit
from okrsite.parse_figures import without_unit as without_unit
from okrsite.parse_front_matter import (
    _TABS_HINT,
    _control_character,
    _despite_duplicates,
    _FileProblem,
    _front_matter_data,
    _tabs_as_spaces,
)
from okrsite.parse_front_matter import locate_all as locate_all
from okrsite.parse_front_matter import located_parts as located_parts
from okrsite.parse_goals import GOAL_KEY_HINTS, _goal
from okrsite.parse_key_results import _KR_KIND as _KR_KIND
from okrsite.parse_key_results import KR_KEYS as KR_KEYS
from okrsite.parse_key_results import OBJECTIVE_KEY_HINTS
from okrsite.parse_key_results import open_task as open_task
from okrsite.parse_keys import _ALL_KEYS, _KIND_ALIASES
from okrsite.parse_keys import COMMON_KEYS as COMMON_KEYS
from okrsite.parse_keys import KINDS as KINDS
from okrsite.parse_keys import KNOWN_KEYS as KNOWN_KEYS
from okrsite.parse_keys import respelled as respelled
from okrsite.parse_kpis import _kpi
from okrsite.parse_kpis import parse_csv as parse_csv
from okrsite.parse_measures import PERCENT_UNITS as PERCENT_UNITS
from okrsite.parse_measures import _currency_unit as _currency_unit
from okrsite.parse_measures import is_percent_unit as is_percent_unit
from okrsite.parse_measures import measure_sentence as measure_sentence
from okrsite.parse_messages import _CLOSEST as _CLOSEST
from okrsite.parse_messages import closest as closest
from okrsite.parse_messages import number_hint as number_hint
from okrsite.parse_messages import shown_value as shown_value
from okrsite.parse_names import ID_RE as ID_RE
from okrsite.parse_names import KR_ID_RE as KR_ID_RE
from okrsite.parse_names import first_name_first as first_name_first
from okrsite.parse_names import id_fault, usable_id
from okrsite.parse_names import kind_and_id_from_path as kind_and_id_from_path
from okrsite.parse_names import name_to_id as name_to_id
from okrsite.parse_names import path_id as path_id
from okrsite.parse_names import people_in_one_line as people_in_one_line
from okrsite.parse_names import without_note as without_note
from okrsite.parse_number_marks import _DIGIT_COMMA_DIGIT as _DIGIT_COMMA_DIGIT
from okrsite.parse_number_marks import _split_decimal_commas, _thousands_points
from okrsite.parse_number_marks import has_digit_comma_digit as has_digit_comma_digit
from okrsite.parse_objectives import _commitment_flag, _objective, reads_as_checkin
from okrsite.parse_objectives import objective_with_key_results as objective_with_key_results
from okrsite.parse_people import HANDLE_RE as HANDLE_RE
from okrsite.parse_people import _page, _person, _team
from okrsite.parse_unknown_keys import kpi_key_hints
from okrsite.text_sniff import SAVE_AS_UTF8, cp1252_letter, utf16_form


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedFile:
    """The result of parsing one file: a record (``None`` if unusable) and findings."""

    file: str
    kind: Kind | None
    record: Record | None
    diagnostics: tuple[Diagnostic, ...]
    #: people and teams this file names, as written: (``"person"``/``"team"``, id, name)
    names: tuple[tuple[str, str, str], ...] = ()
    #: whether the file has errors; its record (if any) is kept so that its own
    #: references are still checked and files naming it get no second error
    broken: bool = False


def _broken(
    rel: str,
    kind: Kind | None,
    diags: list[Diagnostic],
    code: str,
    msg: str,
    hint: str | None = None,
    line: int | None = None,
    col: int | None = None,
) -> ParsedFile:
    """A file that gives no record: the findings so far and the one that stopped it."""
    diags.append(error(code, msg, rel, line=line, column=col, hint=hint))
    return ParsedFile(rel, kind, None, tuple(diags), broken=True)


#: a control character in a path, line breaks and tabs included, or a byte
#: of a name that is not UTF-8 (read as a lone surrogate)
_CONTROL_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\udc80-\udcff]")


def _utf16(fail: Callable[..., ParsedFile], form: str) -> ParsedFile:
    """OKR001 for a file saved as UTF-16 (:mod:`okrsite.text_sniff`): it only
    needs saving again as UTF-8, whatever byte or NUL the reader met first."""
    return fail(
        "OKR001",
        f"file is not valid UTF-8: it looks like {form} text (two bytes per letter, "
        "as Windows Notepad saves 'Unicode' and PowerShell 5 writes with '>')",
        hint=SAVE_AS_UTF8,
        line=1,
        col=1,
    )


#: lines with a control character reported one by one; the rest in one more error
_MAX_CONTROL_LINES = 20


def _controls(rel: str, kind: Kind | None, text: str) -> ParsedFile:
    """OKR016 for each line (up to :data:`_MAX_CONTROL_LINES`) with a control
    character, at its first one: the file is not read further."""
    diags: list[Diagnostic] = []
    hint = "delete it (it is invisible in most editors; it often comes from pasted text)"
    line, line_start, lines_with, first_extra = 1, 0, 0, 0
    found = limits.CONTROL_CHARS.search(text)
    while found is not None:
        at = found.start()
        line += text.count("\n", line_start, at)
        line_start = text.rfind("\n", 0, at) + 1
        lines_with += 1
        if lines_with <= _MAX_CONTROL_LINES:
            diags.append(
                error(
                    "OKR016",
                    f"the file contains the control character U+{ord(found.group()):04X}",
                    rel,
                    line=line,
                    column=at - line_start + 1,
                    hint=hint,
                )
            )
        elif not first_extra:
            first_extra = line
        end = text.find("\n", at)
        if end < 0:
            break
        line += 1
        line_start = end + 1
        found = limits.CONTROL_CHARS.search(text, line_start)
    if lines_with > _MAX_CONTROL_LINES:
        diags.append(
            error(
                "OKR016",
                f"and {lines_with - _MAX_CONTROL_LINES:,} more lines with a control "
                "character, the first of them",
                rel,
                line=first_extra,
                hint=hint,
            )
        )
    return ParsedFile(rel, kind, None, tuple(diags), broken=True)


def parse_file(
    rel: str,
    raw: bytes,
    *,
    content_dir: str = "content",
    default_cycle: str | None = None,
) -> ParsedFile:
    """Parse one Markdown file (``rel`` is its path relative to the site root)."""
    path_kind, _ = kind_and_id_from_path(rel, content_dir)
    fail = partial(_broken, rel, path_kind, [])
    named = _CONTROL_IN_NAME.search(rel)
    if named is not None:  # a line break in a name would be a line of CODEOWNERS of its own
        char = ord(named.group())
        return fail(
            "OKR016",
            # a byte of a name that is not UTF-8 reaches Python as a lone surrogate
            f"the file's name is not valid UTF-8 (byte 0x{char - 0xDC00:02X})"
            if char >= 0xDC80
            else f"the file's name contains the control character U+{char:04X}",
            hint="rename the file: names are letters, digits, spaces and punctuation",
            line=1,
        )

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if (form := utf16_form(raw)) is not None:
            return _utf16(fail, form)
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        letter = cp1252_letter(raw, exc.start)
        return fail(
            "OKR001",
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})"
            + (
                f": it looks like Windows-1252 text, where that byte is {letter!r} "
                "(as Windows Notepad saves 'ANSI')"
                if letter is not None
                else ""
            ),
            hint=SAVE_AS_UTF8 if letter is not None else "save the file as UTF-8 in your editor",
            line=line,
            col=col,
        )
    text = file_text(text)
    if not text or text.isspace():  # without copying the whole text as strip() would
        return fail(
            "OKR002",
            "file is empty",
            hint="start the file with '---', the front matter, then '---'",
            line=1,
        )
    bad = limits.find_control(text)
    if bad is not None:
        if bad.group() == "\x00" and (form := utf16_form(raw)) is not None:
            return _utf16(fail, form)  # UTF-16 without a byte order mark, all ASCII
        return _controls(rel, path_kind, text)
    conflict = conflict_markers(text)  # one substring test when there is none
    if conflict is not None:
        return fail("OKR020", conflict[1], hint=CONFLICT_HINT, line=conflict[0], col=1)
    parts = yamlsource.split(text)
    if parts is None and text.startswith("+++"):
        from okrsite.parse_toml_front import parsed_toml  # Hugo's TOML front matter: rare

        return parsed_toml(rel, text, fail, content_dir, default_cycle)
    if parts is None and text.partition("\n")[0].rstrip() == "---":
        dashed = _dash_fence(text, 2)
        return fail(
            "OKR002",
            "the front matter opened on line 1 is never closed",
            hint=dashed[0]
            if dashed
            else "add a line '---' after its last key, before the text of the page",
            line=dashed[1] if dashed else 1,
        )
    if parts is None:
        return fail(
            "OKR002",
            "file has no front matter",
            hint=dash_fence_hint(text.partition("\n")[0], 1)
            or "start the file with a line '---', then 'title: …' and the other keys, then '---'",
            line=1,
        )
    read = _read_parts(rel, parts, fail, content_dir, default_cycle)
    return _with_body_problems(read, parts)


def _dash_fence(text: str, first: int) -> tuple[str, int] | None:
    """The hint and line for the first line from line ``first`` on that is a
    fence written with typographic dashes (``—``), if one is."""
    for number, line in enumerate(text.split("\n")[first - 1 :], first):
        hint = dash_fence_hint(line, number)
        if hint is not None:
            return hint, number
    return None


def _with_body_problems(parsed: ParsedFile, parts: yamlsource.Split) -> ParsedFile:
    """``parsed`` with OKR021 for a body over a limit of :mod:`okrsite.body_limits`."""
    found = body_problems(parsed.file, parts.body, parts.body_line)
    if not found:
        return parsed
    return ParsedFile(
        parsed.file,
        parsed.kind,
        parsed.record,
        (*parsed.diagnostics, *found),
        parsed.names,
        broken=True,
    )


def _read_parts(
    rel: str,
    parts: yamlsource.Split,
    fail: Callable[..., ParsedFile],
    content_dir: str,
    default_cycle: str | None,
) -> ParsedFile:
    """The record of a file split into ``parts`` (its front matter read as YAML)."""
    try:
        data = _front_matter_data(parts)
    except _FileProblem as problem:
        if problem.args[0] == "OKR007":
            despite = _despite_duplicates(rel, parts)
            if despite is not None:
                data, twice = despite
                parsed = parse_data(
                    rel, data, parts, content_dir=content_dir, default_cycle=default_cycle
                )
                return ParsedFile(
                    parsed.file,
                    parsed.kind,
                    parsed.record,
                    (*twice, *parsed.diagnostics),
                    parsed.names,
                    broken=True,
                )
        found = _tabs_as_spaces(parts) if problem.args[0] == "OKR003" else None
        if found is None:
            return fail(*problem.args)
        untabbed, first_tab = found
        try:
            data = _front_matter_data(untabbed)
        except _FileProblem:
            code, msg, _, line, col = problem.args
            return fail(code, msg, _TABS_HINT, line, col)
        parsed = parse_data(
            rel, data, untabbed, content_dir=content_dir, default_cycle=default_cycle
        )
        read_so = warning(
            "OKR017",
            "the front matter is indented with tabs; read as if each tab were 4 spaces",
            rel,
            line=untabbed.fm_line + first_tab,
            column=1,
            hint=_TABS_HINT,
        )
        return ParsedFile(
            parsed.file,
            parsed.kind,
            parsed.record,
            (read_so, *parsed.diagnostics),
            parsed.names,
            parsed.broken,
        )
    return parse_data(rel, data, parts, content_dir=content_dir, default_cycle=default_cycle)


def parse_data(
    rel: str,
    data: Any,
    parts: yamlsource.Split,
    *,
    content_dir: str = "content",
    default_cycle: str | None = None,
    memo: KeyResultMemo | None = None,
) -> ParsedFile:
    """The second half of :func:`parse_file`: a record from front matter already loaded.

    The history (:mod:`okrsite.history_parse`) loads only the parts of a
    file that changed since its previous version and validates the rest
    here, so both read a file by the same rules. ``memo`` keeps key results
    already validated (:data:`KeyResultMemo`); with it, their diagnostics are
    not reported again, so only the history passes one.
    """
    diags: list[Diagnostic] = []
    path_kind, path_id = kind_and_id_from_path(rel, content_dir)
    fail = partial(_broken, rel, path_kind, diags)

    if data is None:
        data = {}
    if memo is None:
        diags.extend(_thousands_points(rel, parts))
        if " #" in parts.front_matter:  # (one substring test for most files)
            diags.extend(comment_cuts(rel, parts))
    if "\\" in parts.front_matter:  # only a "\u0007" escape can put a control character in a value
        found = _control_character(data, ())
        if found is not None:
            char, where = found
            diags.append(
                error(
                    "OKR016",
                    f"a value contains the control character U+{ord(char):04X}",
                    rel,
                    hint="remove the escape (such as \\u0007) from the quoted text",
                    key_path=where,
                )
            )
            return _finish(rel, path_kind, None, diags, parts)
    if not isinstance(data, dict):
        return fail(
            "OKR004",
            f"front matter must be a mapping of keys to values, got {type(data).__name__}",
            hint="write 'key: value' lines between the '---' markers",
            line=parts.fm_line + 1,
        )
    if has_digit_comma_digit(parts.front_matter):
        split = _split_decimal_commas(rel, data, parts.front_matter)
        # the history (memo) takes the errors: a version with one is skipped
        diags.extend(d for d in split if memo is None or d.severity is Severity.ERROR)
    if not all(type(k) is str for k in data):
        data = {str(k): v for k, v in data.items()}

    written, data = data, respelled(data, _ALL_KEYS)  # (Type: and ID: decide what the file is)
    f = _Fields(rel, diags, memo)
    kind: Kind | None = path_kind
    if "type" in data:
        declared = data["type"]
        named = kind_named(declared) if isinstance(declared, str) else None
        if named is not None:  # Check-in, KPI, Objective: read as keys are
            kind = named
        else:
            near = closest(str(declared).strip().lower(), KINDS)
            f.err(
                "OKR005",
                f"type must be one of {', '.join(KINDS)}, got {shown_value(declared)}",
                ("type",),
                hint=f"write 'type: {near}'" if near else None,
            )
            return _finish(rel, path_kind, None, diags, parts)
    if kind is None:
        meant = folder_meant(rel, content_dir)
        top = f"{content_dir.strip('/')}/"
        return fail(
            "OKR005",
            "cannot tell what this file is: it is not in a known folder and has no 'type:'",
            hint=f"rename the folder '{top}{meant[0]}/' to '{top}{meant[1]}/': "
            "folder names must match exactly, in lower case"
            if meant
            else "move it under content/objectives, kpis, goals, checkins, teams, people or pages, or add 'type: objective'",
            line=1,
        )

    rid = path_id or ""
    if "id" in data:
        explicit = f.text(data, "id", ())
        if explicit is not None:
            rid = explicit
    if ID_RE.match(rid) and limits.id_too_long(rid):
        f.err(
            "OKR009",
            f"id {shown_value(rid)} is too long to be a file name",
            ("id",) if "id" in data else (),
            hint=f"ids may be at most {limits.MAX_ID_SEGMENT_BYTES} bytes between '/' "
            f"({limits.MAX_ID_BYTES} in all); a character outside ASCII takes 2-4 bytes",
        )
        return _finish(rel, kind, None, diags, parts)
    if not ID_RE.match(rid):
        f.err(
            "OKR006",
            f"id {shown_value(rid)} {id_fault(rid)}",
            ("id",) if "id" in data else (),
            hint=f"rename the file or set 'id:' to something like '{usable_id(rid, 'sales/emea')}'",
        )
        return _finish(rel, kind, None, diags, parts)

    builder = _BUILDERS[kind]
    # read again for this kind: a Due: in an objective is warned of as written
    data = respelled(written, KNOWN_KEYS[kind], _KIND_ALIASES.get(kind))
    if kind == "checkin":
        written_day = data.get("date")
        data = _dated_by_name(data, rel)
        f.dated_by_name = written_day is None and data.get("date") is not None
        data, f.implied = _filed_in(data, rid)
        data, f.loose, f.kpi_aside = _loose_values(data)
        data, f.time_keys = kpi_time_keys(data)
    elif kind == "objective":
        data = _commitment_flag(data)
    if not (kind == "objective" and reads_as_checkin(data)):  # not an objective's slips
        f.unknown_keys(
            data,
            KNOWN_KEYS[kind],
            (),
            ("an " if kind[0] in "aeiou" else "a ") + kind,
            {"goal": GOAL_KEY_HINTS, "objective": OBJECTIVE_KEY_HINTS}.get(kind)
            if kind != "kpi"
            else kpi_key_hints(data),
        )
    try:
        record = builder(f, rid, rel, data, parts, default_cycle)
    except RecursionError:  # pathologically nested YAML
        f.err("OKR003", "front matter is nested too deeply", ())
        record = None
    return _finish(rel, kind, record, diags, parts, tuple(f.names))


def _finish(
    rel: str,
    kind: Kind | None,
    record: Record | None,
    diags: list[Diagnostic],
    parts: yamlsource.Split,
    names: tuple[tuple[str, str, str], ...] = (),
) -> ParsedFile:
    """The parsed file; a record built despite errors is kept, marked ``broken``.

    Its bad values were left out, so the resolver can still check what the
    file names (cycle, parent, KPIs) in the same run: every error at once.
    """
    if not diags:
        return ParsedFile(rel, kind, record, (), names)
    broken = any(d.severity is Severity.ERROR for d in diags)
    return ParsedFile(rel, kind, record, tuple(locate_all(diags, parts)), names, broken)


_BUILDERS: dict[str, Callable[..., Record | None]] = {
    "objective": _objective,
    "checkin": _checkin,
    "kpi": _kpi,
    "goal": _goal,
    "team": _team,
    "person": _person,
    "page": _page,
}
