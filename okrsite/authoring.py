"""Write goal files that the loader accepts, or write nothing.

``okrsite checkin`` and ``okrsite new`` never judge a file themselves: they
lay the files they would write over the site in memory
(:class:`~okrsite.overlay.OverlayTree`, as ``okrsite import`` and ``okrsite
pull`` do), run the real loader on it, and write only if no error appears
that the site did not already have. Otherwise they print the loader's own diagnostics. So
the commands can never disagree with ``okrsite check``, and a rule added to
the loader needs no second copy here.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from okrsite.authoring_tabs import edited_keeping_tabs
from okrsite.diagnostics import Diagnostic, Severity
from okrsite.goal_yaml import QuotingDumper, flow_mapping
from okrsite.id_spellings import existing_spelling
from okrsite.overlay import OverlayTree
from okrsite.parse import confidence_word, split_unit
from okrsite.parse_number_marks import thousands_point_words
from okrsite.path_probe import file_exists
from okrsite.pipeline import FileTree, LoadResult, ParseCache, load
from okrsite.resolve_checkins import natural_key
from okrsite.scaffold import front_matter
from okrsite.written_numbers import (
    CURRENCY_SIGNS,
    comma_groups_thousands,
    numbers_written_in,
    point_groups_thousands,
    read_number,
)
from okrsite.written_yes_no import yes_no
from okrsite.yamlsource import stands_for


@dataclass
class Outcome:
    """What a validated write did: ``written`` is empty when ``errors`` is not."""

    written: list[str]
    errors: list[Diagnostic]
    warnings: list[Diagnostic] = field(default_factory=list)


def _key(d: Diagnostic) -> tuple[str | None, str, str]:
    return (d.file, d.code, d.message)


def new_findings(before: Iterable[Diagnostic], after: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics of ``after`` that ``before`` did not have (lines may differ)."""
    seen = {_key(d) for d in before}
    return [d for d in after if _key(d) not in seen]


def findings(
    root: Path,
    files: Mapping[str, str],
    *,
    base: LoadResult,
    cache: ParseCache,
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """The errors and warnings that laying ``files`` over the site would add:
    what :func:`validated_write` judges by, without writing anything (an
    answer typed at a prompt is checked so, before the next is asked)."""
    after = load(
        OverlayTree(root, {rel: text.encode("utf-8") for rel, text in files.items()}),
        base.as_of,
        cache=cache,
    )
    fresh = new_findings(base.diagnostics, after.diagnostics)
    return [d for d in fresh if d.is_error], [d for d in fresh if not d.is_error]


def validated_write(
    root: Path,
    files: Mapping[str, str],
    *,
    replace: Iterable[str] = (),
    base: LoadResult | None = None,
    cache: ParseCache | None = None,
    refuse: Iterable[str] = (),
) -> Outcome:
    """Write ``files`` (site-relative path → text) only if the site stays free of new errors.

    New files are created exclusively (an existing file is never overwritten);
    paths in ``replace`` are edits of existing files. ``base`` is the site as
    loaded already, if the caller has it, and ``cache`` the parses it was
    loaded with (see :func:`load_for_writing`), so only the new file is parsed
    again. Warnings whose code is in ``refuse`` count as errors (a goal's
    ``supports:`` typed wrong on the command line: OKR303).
    """
    if base is None or cache is None:
        base, cache = load_for_writing(root)
    errors, warnings = findings(root, files, base=base, cache=cache)
    codes = set(refuse)  # warnings of these codes refuse the write, as errors do
    errors += [dc_replace(d, severity=Severity.ERROR) for d in warnings if d.code in codes]
    warnings = [d for d in warnings if d.code not in codes]
    if errors:
        return Outcome([], errors, warnings)
    keep = set(replace)
    for rel in files:
        if rel not in keep and file_exists(root, rel):
            raise FileExistsError(rel)
    written = []
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        # newline="": the text as given, an edited file's CRLF line endings kept as they are
        with open(path, "w" if rel in keep else "x", encoding="utf-8", newline="") as fh:
            fh.write(text)
        written.append(rel)
    return Outcome(written, [], warnings)


def load_for_writing(root: Path) -> tuple[LoadResult, ParseCache]:
    """The site as it is, with the parses kept for :func:`validated_write`."""
    cache = ParseCache()
    return load(FileTree(root), cache=cache), cache


# ------------------------------------------------------------------ check-ins
def number_or_text(raw: str, language: str | None = None) -> bool | float | int | str:
    """A value as typed, as the site's files read it: a number when it is
    one, else the text itself, so the loader (not this module) says what is
    wrong with ``50%`` or ``lots``.

    A number written as people write it (``1,520``, ``1.234,5``, ``1.5k``)
    is the number the site's ``language`` reads it as (``1,520``: 1520 in
    English, 1.52 in German), written as YAML writes numbers, so the file
    means the same if the site's language changes later. A figure with a
    unit, a percent or a currency sign (``1,520 min``) stays text, with a
    figure whose reading depends on the language written so that it does
    not (``1520 min``): see :func:`_figure_as_read`. ``language`` ``None``
    reads as a site whose language is unknown does (``1,520`` is left as
    typed, and the loader refuses it with both readings).

    One point before exactly three digits (``1.234``, ``131.500``) is no
    YAML here, so it too is read as the language writes numbers: 1234 and
    131500 where a point groups thousands (German, Spanish …), 1.234 where
    it marks decimals (English); where the language tells neither (French,
    an unknown code) :class:`AmbiguousFigure` is raised with both readings,
    rather than a decimal a thousand times too small (:func:`_points_as_read`)."""
    text = raw.strip()
    said = yes_no(text)
    if said is not None:  # --set launch=yes: a yes/no key result's, written as YAML writes it
        return said
    text = _points_as_read(text, language)
    try:
        value = float(text.replace("_", ""))
    except ValueError:
        return _figure_as_read(text, language)
    return _number(value)


class AmbiguousFigure(ValueError):
    """A figure typed with a point before three digits (``1.234``) in a site
    whose language does not tell whether the point groups thousands or marks
    decimals; the message gives both readings and what to write."""


#: one point before exactly three digits (``1.234``, ``131.500``): thousands in
#: German, a decimal in English; not a multiplier's (``1.500k`` is YAML-like 1.5k)
_ONE_POINT_GROUP = re.compile(r"(?<![\d.,])[1-9]\d{0,2}\.\d{3}(?![\d.,])(?!(?:k|K|M|B|bn)\b)")


def _points_as_read(text: str, language: str | None) -> str:
    """``text`` with a figure such as ``1.234`` (one point before three
    digits) written without the point where the site's ``language`` groups
    thousands with a point (``1.234`` → ``1234``, ``131.500 Kunden`` →
    ``131500 Kunden``); as typed where it marks decimals (English) or
    ``language`` is ``None``. Only a figure is so read (a number, with a
    sign, a percent or a unit), never a milestone's name (``Release
    1.200``); an amount of money already reads a point before three digits
    as thousands in every language (:func:`~okrsite.written_numbers.read_number`).
    Where the language tells neither, :class:`AmbiguousFigure`."""
    found = _ONE_POINT_GROUP.findall(text)
    if len(found) != 1 or language is None or any(c in text for c in CURRENCY_SIGNS):
        return text
    groups = point_groups_thousands(language)
    if groups is False:
        return text
    with numbers_written_in(language):
        if _figure(text) is None:
            return text
    whole = found[0].replace(".", "")
    if groups:
        return _ONE_POINT_GROUP.sub(whole, text)
    decimal = (
        found[0].replace(".", ",") if comma_groups_thousands(language) is False else found[0] + "0"
    )
    raise AmbiguousFigure(
        f"{text} is {_ONE_POINT_GROUP.sub(whole, text)} where a point groups thousands and "
        f"{text} where it marks decimals, and the site's language ({language!r}) does not "
        f"tell which; write {_ONE_POINT_GROUP.sub(whole, text)} "
        f"for the whole number or {_ONE_POINT_GROUP.sub(decimal, text)} for the decimal"
    )


def point_read_as_decimal(raw: str, language: str | None) -> tuple[str, str] | None:
    """The warning (message, hint) a goal file's ``131.500`` gets (OKR124),
    for a figure typed so where the site's language reads the point as a
    decimal (English: 131.5): a point before three digits that end in zero
    may group thousands, as it does in German. ``None`` for anything else."""
    text = raw.strip()
    found = _ONE_POINT_GROUP.findall(text)
    if (
        len(found) != 1
        or not found[0].endswith("0")
        or language is None
        or point_groups_thousands(language) is not False
        or any(c in text for c in CURRENCY_SIGNS)
    ):
        return None
    with numbers_written_in(language):
        if _figure(text) is None:
            return None
    return thousands_point_words(found[0])


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


#: one comma before exactly three digits (``1,520``): a thousand and more in
#: English, one and a bit in German (:mod:`okrsite.written_numbers`)
_ONE_GROUP = re.compile(r"(?<![\d.,])[1-9]\d{0,2},\d{3}(?![\d.,])")


def _figure_as_read(text: str, language: str | None) -> float | int | str:
    """``text`` (no YAML number) as the site's files read it: the number,
    when it is one number and nothing else; else ``text``, with a
    figure that only the site's language tells how to read (``1,520 min``,
    ``€1,520``) written as that language reads it (``1520 min``), when
    that spelling reads the same in every language. What is not a figure,
    or cannot be written so, stays as typed, for the loader to judge."""
    with numbers_written_in(language):
        whole = read_number(text)
        if whole is not None and not whole[1] and not any(c in text for c in CURRENCY_SIGNS):
            return _number(whole[0])
        groups = _ONE_GROUP.findall(text)
        meant = _figure(text)
        group = read_number(groups[0]) if len(groups) == 1 else None
    if meant is None or group is None:
        return text
    respelled = _ONE_GROUP.sub(_plain_number(group[0]), text)
    for other in ("en", "de"):  # a comma grouping thousands, and a decimal comma
        with numbers_written_in(other):
            if _figure(respelled) != meant:
                return text
    return respelled


def _figure(text: str) -> tuple[float, bool] | None:
    """The number ``text`` writes and whether as a percentage, read as the
    loader reads a check-in value: a number as written (``45 %``, ``€12``),
    or a figure with its unit after it (``1,200 tickets``)."""
    found = read_number(text)
    if found is not None:
        return found
    split = split_unit(text)
    return read_number(split[0]) if split is not None else None


#: what a yes/no key result's value may be typed as (YAML reads the same words in a file)
def confidence_value(raw: str, language: str | None = None) -> float | int | str:
    """``--confidence`` as typed: one of the loader's words (``High``, ``amber``)
    in lower case, else a number or the text, which the loader judges."""
    word = raw.strip().lower()
    if confidence_word(word) is not None:
        return word
    if yes_no(raw.strip()) is not None:  # no confidence: refused as typed ("got 'yes'")
        return raw.strip()
    value = number_or_text(raw, language)
    share = confidence_share(value)
    return value if share is None else share


def confidence_share(value: object) -> float | int | None:
    """A confidence typed as a share of one (``0.8``), out of 10 (``8``),
    as the loader reads it (OKR125): the command writes ``8``, so the file
    it writes is not warned about at every ``okrsite check``. ``None`` for
    anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1:
        return None
    return _number(round(value * 10, 6))


def checkin_folder(content_dir: str, target: str) -> str:
    return f"{content_dir.strip('/')}/checkins/{target}"


def checkin_file(root: Path, content_dir: str, target: str, day: date) -> str:
    """The site-relative path of a new check-in of ``target`` on ``day``.

    ``2026-11-29.md``, then ``2026-11-29-2.md``, ``-3``… above every number of
    that day already in the folder, so in natural file-name order (the order
    of check-ins of one day without a time, and of those with the same
    time) the new one is always last. A file of that day named in words
    (``2026-11-29-evening.md``, ``2026-11-29-kenji.md``) sorts after every
    number, so the new one is named after it (``2026-11-29-evening-2.md``).
    """
    # checkins/vertrieb/messe/ for Vertrieb/Messe is that folder on a Mac: used as it is
    folder = existing_spelling(root, checkin_folder(content_dir, target) + "/")[:-1]
    stem = day.isoformat()
    pattern = re.compile(rf"^{re.escape(stem)}(?:-(\d+))?\.md$")
    taken = []
    try:
        names = os.listdir(root / folder)
    except OSError:
        names = []
    for name in names:
        m = pattern.match(name)
        if m:
            taken.append(int(m[1]) if m[1] else 1)
    same_day = [n for n in names if n.startswith(stem) and n.endswith(".md")]
    if not same_day:
        return f"{folder}/{stem}.md"
    name = f"{stem}-{max(taken, default=1) + 1}.md"
    last = max(same_day, key=natural_key)
    if natural_key(name) <= natural_key(last):  # a name in words sorts after the numbers
        base = last.removesuffix(".md")
        numbered = re.fullmatch(r"(.*)-(\d+)", base)
        name = f"{numbered[1]}-{int(numbered[2]) + 1}.md" if numbered else f"{base}-2.md"
    return f"{folder}/{name}"


def checkin_text(
    kind: str,
    target: str,
    moment: date | datetime,
    *,
    values: Mapping[str, Any] | None = None,
    value: Any = None,
    confidence: Any = None,
    author: str | None = None,
    note: str | None = None,
) -> str:
    """A check-in file; only what was given is written (nothing invented).

    A time's zone is written as typed (``--date 2026-11-23T17:00+01:00``
    keeps ``+01:00``, ``Z`` stays ``Z``: the ``tzinfo``'s name, see
    :class:`okrsite.authoring_prompts.MomentType`; a time typed without
    one has the machine's offset of that day): without it the loader
    would read the time as if in UTC, and order the check-in among the
    day's others by another instant than the one meant."""
    when: date | str = moment
    if isinstance(moment, datetime):
        zone = moment.tzname() or ""
        apart = " " if len(zone) > 1 and zone.isalpha() else ""  # 17:00 UTC, 17:00Z
        # seconds only where given, or stamped after a check-in at 23:59
        # (okrsite.checkin_stamp): the minute is what people write
        clock = "%Y-%m-%dT%H:%M:%S" if moment.second else "%Y-%m-%dT%H:%M"
        when = moment.strftime(clock) + apart + zone
    data: dict[str, Any] = {kind: target, "date": when}
    if author:
        data["author"] = author
    if confidence is not None:
        data["confidence"] = confidence
    if kind == "kpi":
        data["value"] = value
    elif values:
        data["values"] = dict(values)
    return front_matter(data, note or "")


# ------------------------------------------------------------------ goals
def _value_of(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    """The value node of ``key`` as the loader reads it: written so, else
    written in another case or with spaces (``Measure``, ``Current``: see
    :func:`okrsite.parse.respelled`)."""
    keys: list[tuple[str, yaml.Node]] = [
        (str(k.value), v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)
    ]
    exact = next((v for name, v in keys if name == key), None)
    if exact is not None:
        return exact
    return next((v for name, v in keys if stands_for(name, key)), None)


def set_goal_current(text: str, value: Any) -> str | None:
    """:func:`_set_goal_current`, a front matter indented with tabs kept so."""
    return edited_keeping_tabs(text, lambda untabbed: _set_goal_current(untabbed, value))


def _set_goal_current(text: str, value: Any) -> str | None:
    """The goal file ``text`` with its measure's ``current`` set to ``value``.

    Only that value changes (comments, order and the rest of the file stay as
    written). A measure without ``current`` gets one; a goal without a
    measure gets ``measure: {current: …}``. ``None`` if the front matter is
    not a mapping this can edit (the loader reports what is wrong with it).
    """
    new = (
        yaml.dump(value, Dumper=QuotingDumper, default_flow_style=True, allow_unicode=True)
        .strip()
        .removesuffix("...")
        .strip()
    )
    if isinstance(value, str) and any(c in value for c in ",[]{}#"):
        # "4,25 h" (a German decimal comma): plain on a line of its own, but
        # inside {…} its comma would end the entry; quoted it reads alike
        new = json.dumps(value, ensure_ascii=False)
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        return None
    fm = "\n".join(lines[1:end])
    try:
        node = yaml.compose(fm)
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    offset = len(lines[0]) + 1  # the front matter starts after the first '---' line
    measure = _value_of(node, "measure")
    if isinstance(measure, yaml.ScalarNode) and measure.tag.endswith(":str"):
        return _sentence_measure_with_current(text, offset, measure, new)
    if not isinstance(measure, yaml.MappingNode):
        if measure is not None:
            return None
        top = _value_of(node, "current")
        if top is not None:  # the measure written at the top: current: beside target:
            start, stop = top.start_mark.index, top.end_mark.index
            return text[: offset + start] + new + text[offset + stop :]
        written_at_top = any(_value_of(node, key) is not None for key in ("start", "target"))
        lines.insert(end, f"current: {new}" if written_at_top else f"measure: {{current: {new}}}")
        return "\n".join(lines)
    current = _value_of(measure, "current")
    if current is not None:
        start, stop = current.start_mark.index, current.end_mark.index
        return text[: offset + start] + new + text[offset + stop :]
    if measure.flow_style:
        at = offset + measure.start_mark.index + 1  # just after '{'
        sep = ", " if measure.value else ""
        return text[:at] + f"current: {new}{sep}" + text[at:]
    first_key = measure.value[0][0] if measure.value else None
    indent = first_key.start_mark.column if first_key is not None else 2
    at_line = 1 + (first_key.start_mark.line if first_key is not None else measure.start_mark.line)
    lines.insert(at_line, " " * indent + f"current: {new}")
    return "\n".join(lines)


def _sentence_measure_with_current(
    text: str, offset: int, measure: yaml.ScalarNode, new: str
) -> str | None:
    """``measure: from 8 h to 2 h`` with a current value: the figures the
    sentence gives, written out with ``current`` among them, and the
    sentence kept after them as a comment (``measure: {start: 8, target: 2,
    current: 5, unit: h}  # from 8 h to 2 h``). ``None`` when the sentence
    gives no figures (the loader says so). A comment the line has already
    stays after it (``# from 8 h to 2 h   # baseline: Sept``)."""
    from okrsite.parse import measure_sentence

    figures = measure_sentence(measure.value)
    line_end = text.find("\n", offset + measure.end_mark.index)
    rest = text[offset + measure.end_mark.index : None if line_end < 0 else line_end]
    if figures is None or "\n" in measure.value or rest.strip()[:1] not in ("", "#"):
        return None
    written = {k: figures[k] for k in ("start", "target") if k in figures}
    parts = [f"{k}: {_plain_number(v)}" for k, v in written.items()] + [f"current: {new}"]
    if "unit" in figures:
        unit = yaml.dump(
            figures["unit"], Dumper=QuotingDumper, default_flow_style=True, allow_unicode=True
        )
        parts.append(f"unit: {unit.strip().removesuffix('...').strip()}")
    start, stop = offset + measure.start_mark.index, offset + measure.end_mark.index
    mapping = "{" + ", ".join(parts) + "}"
    return text[:start] + mapping + f"  # {measure.value.strip()}" + text[stop:]


def _plain_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# ------------------------------------------------------------------ milestones
def tick_milestone(text: str, kr_index: int, ms_index: int) -> str | None:
    """:func:`_tick_milestone`, a front matter indented with tabs kept so."""
    return edited_keeping_tabs(text, lambda untabbed: _tick_milestone(untabbed, kr_index, ms_index))


def _tick_milestone(text: str, kr_index: int, ms_index: int) -> str | None:
    """The objective file ``text`` with milestone ``ms_index`` of key result
    ``kr_index`` marked ``done: true``, the rest of the file as written.

    A bare title (``- Migrate the data``) becomes ``{title: …, done: true}``,
    a task list's (``- "[ ] Migrate the data"``) gets its box ticked;
    a mapping gets its ``done:`` set, or one added in its own style. ``None``
    when the front matter is not YAML this can edit (TOML, a key result or
    milestone that is not where the loader read it): the command then says
    to tick it by hand.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return None
    try:
        node = yaml.compose("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    krs = _value_of(node, "key_results")
    if not isinstance(krs, yaml.SequenceNode) or kr_index >= len(krs.value):
        return None
    kr = krs.value[kr_index]
    if not isinstance(kr, yaml.MappingNode):
        return None
    milestones = _value_of(kr, "milestones")
    if not isinstance(milestones, yaml.SequenceNode) or ms_index >= len(milestones.value):
        return None
    item = milestones.value[ms_index]
    offset = len(lines[0]) + 1
    from okrsite.parse import open_task

    title = open_task(item.value) if isinstance(item, yaml.ScalarNode) else None
    if title is not None:  # a task list's box ("[ ] Draft"): ticked as a task list is
        start, stop = item.start_mark.index, item.end_mark.index
        return (
            text[: offset + start]
            + json.dumps(f"[x] {title}", ensure_ascii=False)
            + text[offset + stop :]
        )
    if isinstance(item, yaml.ScalarNode) and item.style in ("|", ">"):
        return None  # a block (>- or |) spans lines a one-line mapping cannot replace
    if isinstance(item, yaml.ScalarNode):
        ticked = flow_mapping({"title": item.value, "done": True})
        start, stop = item.start_mark.index, item.end_mark.index
        return text[: offset + start] + ticked + text[offset + stop :]
    if not isinstance(item, yaml.MappingNode):
        return None
    done = _value_of(item, "done")
    if done is not None:
        start, stop = done.start_mark.index, done.end_mark.index
        return text[: offset + start] + "true" + text[offset + stop :]
    if item.flow_style:
        at = offset + item.end_mark.index - 1  # the closing '}'
        return text[:at].rstrip() + ", done: true" + text[at:]
    first_key = item.value[0][0]
    last_value = item.value[-1][1]
    last_line = last_value.end_mark.line - (1 if last_value.end_mark.column == 0 else 0)
    lines.insert(1 + last_line + 1, " " * first_key.start_mark.column + "done: true")
    return "\n".join(lines)
