"""Points and commas in numbers that YAML reads otherwise than people mean.

``5.000`` is five to YAML and five thousand in most of Europe's writing;
``{marge: 13,5}`` is, to YAML, 13 and a stray key ``5``. These scan a file's
front matter (and its loaded values) for such numbers, so that
:func:`okrsite.parse.parse_data` can warn of the first and report the
second with what to write, before the records are read (the field
reader warns of a quoted ``"5.000"`` with :data:`_QUOTED_THOUSANDS_POINT`).
"""

from __future__ import annotations

import re
from typing import Any

from okrsite import yamlsource
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.split_figure_pieces import entries_as_written
from okrsite.split_figure_pieces import split_head as _split_head
from okrsite.split_figure_pieces import split_tail as _split_tail
from okrsite.written_numbers import comma_convention, read_number

# A number with a point before three digits, the last a zero (``1.500``,
# ``5.000``), written alone as a value (after ``key:``, as a list item, or
# inside ``[...]`` / ``{...}``). YAML reads it as 1.5 and 5; in German, Dutch,
# Danish and most of Europe's writing it is fifteen hundred and five thousand.
_THOUSANDS_POINT_SOURCE = (
    r"(?:(?::|^[ ]*-)[ ]+([-+]?[1-9][0-9]{0,2}\.[0-9]{2}0)[ ]*(?:[ ]#.*)?$"
    r"|[\[{,][ ]*(?:[\w-]+:[ ]+)?([-+]?[1-9][0-9]{0,2}\.[0-9]{2}0)[ ]*(?=[,\]}]))"
)


#: after a value inside ``{…}``, the comma and digits of a figure YAML split there
_SPLIT_AFTER = re.compile(r",\d{1,3}(?!\d)")
_DECIMALS_ENDING_IN_ZERO = re.compile(r"\.[0-9]{2}0")
#: the same number written as text (``"250.000"``): YAML gives a string, read as 250
_QUOTED_THOUSANDS_POINT = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{2}0")


def thousands_point_words(figure: str, comma_groups: bool = False) -> tuple[str, str]:
    """OKR124's message and hint for ``figure`` (``250.000``), read as a decimal
    though its point may group thousands: in a file, quoted, or typed at
    ``okrsite checkin`` on a site whose language reads it so.

    ``comma_groups``: the site's language groups thousands with commas
    (English), where the slip is a German habit or a pasted cell rather than
    the site's way: the hint offers the site's own grouping (``1,275``) and
    keeps the decimal last, as the likelier meaning there."""
    read, grouped = f"{float(figure):g}", figure.replace(".", "")
    message = f"{figure} is read as {read}; with a point that groups thousands it is {grouped}"
    if comma_groups:
        return message, f"write {grouped} or {int(grouped):,}, or {read} if meant"
    return message, f"write {read} or {grouped}, whichever you mean"


#: a comma before three digits, the last a zero (``4,800``): a decimal comma
#: on a site that writes one, though an English sheet groups thousands so
_THOUSANDS_COMMA = re.compile(r"[-+]?[1-9][0-9]{0,2},[0-9]{2}0")
#: a comma before exactly three digits (``1,275``), once in the figure
_COMMA_BEFORE_THREE = re.compile(r"[-+]?[1-9][0-9]{0,2},[0-9]{3}")


#: a figure with a currency's sign before or after it (``€4,000``, ``4,000 €``)
_BESIDE_SIGN = re.compile(r"[$€£¥]?[ \u00a0]?([-+]?\d[\d.,]*)[ \u00a0]?[$€£¥]?")


def _reading(text: str) -> float | None:
    """What the number reader makes of ``text`` (YAML's float first, as a
    figure in a file is read), ``None`` where it reads no number."""
    try:
        return float(text)
    except ValueError:
        written = read_number(text)
        return None if written is None or written[1] else written[0]


def figure_read_alike(text: str) -> str:
    """The figure of ``text`` when a currency's sign beside it changes nothing
    in how it is read (``4,000`` of ``€4,000`` or ``4,000 €`` on a site that
    writes a decimal comma: 4 each way), so that the thousandth slip of the
    bare figure is found in it too, in a check-in's value and a key result's
    target, start or threshold alike (a goal file's ``EUR 4,000`` comes here
    as ``4,000 €``); else ``text`` as it is: ``$4,000`` is 4000 where
    ``4,000`` is 4, and ``€2.000`` 2000 where ``2.000`` is 2, no slip."""
    text = text.strip()
    found = _BESIDE_SIGN.fullmatch(text)
    if found is None or found[1] == text:
        return text
    read = _reading(text)
    return found[1] if read is not None and read == _reading(found[1]) else text


def decimal_comma_before_three(text: str) -> bool:
    """Whether ``text`` (``1,275``, ``€1,275``) was read with a decimal comma
    before three digits, as a site whose language writes a decimal comma
    reads it (1.275), though an English figure groups thousands so (1275)."""
    figure = figure_read_alike(text)
    return comma_convention() is False and _COMMA_BEFORE_THREE.fullmatch(figure) is not None


def quoted_thousands_words(text: str) -> tuple[str, str] | None:
    """OKR124's message and hint for a figure written as text that is read as
    a decimal though it may group thousands: ``"250.000"`` on every site
    (as :func:`_thousands_points` warns of it bare), and ``"4,800"`` on a
    site that writes a decimal comma (4.8; a figure pasted from an English
    sheet is 4800). ``None`` for any other figure: ``0,125`` or ``4,825``
    say nothing by a trailing zero (:mod:`okrsite.thousandth_slips` weighs
    ``4,825`` beside its key result's range). A currency's sign beside the
    figure is looked past where it changes nothing in the reading
    (:func:`figure_read_alike`): ``"€4,000"`` is the same slip."""
    text = figure_read_alike(text)
    if _QUOTED_THOUSANDS_POINT.fullmatch(text):
        return thousands_point_words(text)
    if comma_convention() is False and _THOUSANDS_COMMA.fullmatch(text):
        return thousands_comma_words(text)
    return None


def thousands_comma_words(written: str) -> tuple[str, str]:
    """OKR124's message and hint for ``written`` (``4,800`` or ``1,275``), read
    with a decimal comma on a site that writes one, though an English figure
    groups thousands so: the hint gives the figures that read as meant there
    (``4800``, or ``4,8`` for the decimal: ``4,800`` warns again)."""
    read = written.replace(",", ".")
    grouped = written.replace(",", "")
    short = f"{float(read):g}".replace(".", ",")
    message = (
        f"{written} is read as {float(read):g} (a decimal comma, as this site writes numbers); "
        f"with a comma that groups thousands it is {grouped}"
    )
    if short != written:
        return message, f"write {grouped}, or {short} if you mean {float(read):g}"
    return message, f"write {grouped}"


def _thousands_points(rel: str, parts: yamlsource.Split) -> list[Diagnostic]:
    """A warning for each number such as ``5.000``, read as 5 though it may
    mean five thousand: a trailing zero says nothing in a decimal, so the
    point is likely a thousands separator. ``1.5`` or ``1500`` says which."""
    fm = parts.front_matter
    if _DECIMALS_ENDING_IN_ZERO.search(fm) is None:  # most files: one quick scan
        return []
    found = []
    pattern = re.compile(_THOUSANDS_POINT_SOURCE, re.MULTILINE)  # (re caches it) for the few files
    for match in pattern.finditer(fm):
        if match.group(2) and ":" in match[0] and _SPLIT_AFTER.match(fm, match.end()):
            continue  # {target: 1.200,50 €}: split at its comma, an error of its own (OKR102)
        text = match.group(1) or match.group(2)
        start = match.start(1) if match.group(1) else match.start(2)
        message, hint = thousands_point_words(text)
        found.append(
            warning(
                "OKR124",
                message,
                rel,
                line=parts.fm_line + fm.count("\n", 0, start),
                column=start - (fm.rfind("\n", 0, start) + 1) + 1,
                hint=hint,
            )
        )
    return found


#: a digit, a comma and a digit: the only way :func:`_split_decimal_commas` finds anything
_DIGIT_COMMA_DIGIT = re.compile(r"\d,\d")


def has_digit_comma_digit(text: str) -> bool:
    """``_DIGIT_COMMA_DIGIT.search(text) is not None``, looking only around commas.

    The expression tries a digit at every character (15 µs for an
    objective's front matter, in every file's parse); a front matter has a
    handful of commas, found by ``str.find``. ``\\d`` is a Unicode decimal
    digit, as ``str.isdecimal`` tests (``tests/test_text_scans.py``).
    """
    at = text.find(",", 1)
    while at != -1:
        if text[at - 1].isdecimal() and text[at + 1 : at + 2].isdecimal():
            return True
        at = text.find(",", at + 1)
    return False


def _split_decimal_commas(rel: str, data: Any, text: str) -> list[Diagnostic]:
    """An error for each decimal comma that YAML split inside ``{…}``.

    ``{marge: 13,5}`` is, to YAML, ``marge: 13`` and a second entry whose key
    is ``5`` and whose value is empty: the comma separates a flow mapping's
    entries. Read so, the figure would be 13 and the 5 an unknown key. Each
    such pair (a number, or a currency sign and a number such as ``$250``,
    followed by a key of up to three digits without a value, or one with a
    unit after its digits such as ``1 %`` from ``{Jan: 3,1 %}``, ``5 h``
    from ``{current: 4,5 h}`` or ``2 Mio €`` from ``{target: 1,2 Mio €}``;
    ``000`` from ``{start: $250,000}``) is an
    error on the figure with what to write, and the stray key is removed so
    nothing else reports it. So is a figure grouped and with decimals:
    ``1,234.5`` (1 and a key ``234.5``), ``$1,200.50``, ``€ 1.200,50`` (the
    text ``€ 1.200`` and a key 50), ``1.200,50 €`` (YAML's float 1.2 and a
    key ``50 €``), ``1,234,567.89`` (1 and the keys 234 and 567.89). Block
    values (``marge: 13,5``) are text and read as 13.5
    (:mod:`okrsite.written_numbers`). The figure is said, and quoted in the
    hint, as ``text`` (the front matter) shows it, not rebuilt from what YAML
    read (which reads ``05`` as 5 and ``1.200`` as 1.2), so that the hint,
    pasted, reads as typed; a key of four digits or more (a year) is left alone.
    """
    found: list[Diagnostic] = []
    composed: list[Any] = []  # the front matter's node tree, composed when a figure is split
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, list):
            found.extend(_split_in_list(rel, node, path, text))
            stack.extend((item, (*path, i)) for i, item in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        previous: tuple[Any, Any] | None = None
        stray: list[Any] = []
        stray_text: set[Any] = set()
        pieces_left: list[Any] = []  # further keys of a figure split at several commas
        entries = list(node.items())
        if len(entries) > 1 and any(v is None and _split_tail(k) for k, v in entries):
            if not composed:
                composed.append(_composed(text))
            written_entries = entries_as_written(_node_at(composed[0], path), node, _stands_for)
            if written_entries is not None and len(written_entries) > len(entries):
                entries = written_entries  # {a: 7,5, b: 2,5}: the key 5 each time it is written
        for key, value in entries:
            if value is None and any(key == piece for piece in pieces_left):
                stray.append(key)
                continue
            pieces_left = []
            if value is None and previous is not None and previous[0] in stray_text:
                continue  # a further piece of a sentence split at its commas
            if value is None and previous is not None and _sentence_head(previous[1], key):
                joined, pieces = _sentence_joined(previous[1], list(node.items()), key, text)
                if pieces:
                    prev_key = previous[0]
                    found.append(
                        error(
                            "OKR106",
                            f"{prev_key} was cut at the comma in {joined!r}: inside {{…}} a "
                            f"comma separates the entries, so it reads {previous[1]!r}",
                            rel,
                            hint=f'put it in quotes: {prev_key}: "{joined}"',
                            key_path=(*path, str(prev_key)),
                        )
                    )
                    node[prev_key] = joined  # (a value's change keeps the dict's size)
                    stray.extend(pieces)
                    stray_text.add(prev_key)
                    continue
            tail = _split_tail(key) if value is None and previous is not None else None
            head = _split_head(previous[1]) if tail is not None and previous is not None else None
            if tail is not None and head is not None and previous is not None:
                prev_key = previous[0]
                if not composed:
                    composed.append(_composed(text))
                shown = _written_split(composed[0], text, path, prev_key, key)
                if shown is not None:
                    written, keys = shown
                    pieces_left = [k for k in keys if k != key]
                else:  # (the text does not show it so: rebuilt from what YAML read)
                    written, keys = _rebuilt_split(head, tail, text), [key]
                sign, whole = head
                read_keys = " and ".join(str(k).strip() for k in keys)
                found.append(
                    error(
                        "OKR102",
                        f"{prev_key}: {written} is read as {sign}{whole} and "
                        f"{'a key' if len(keys) == 1 else 'the keys'} {read_keys}: inside {{…}} "
                        "a comma separates the entries",
                        rel,
                        hint=_split_hint(written),
                        key_path=(*path, str(prev_key)),
                    )
                )
                stray.append(key)
                previous = None
                continue
            previous = (key, value)
            if isinstance(value, (dict, list)):
                stack.append((value, (*path, str(key))))
        for key in stray:
            node.pop(key, None)  # (a key YAML read twice is a piece of two figures)
    return found


def _split_in_list(
    rel: str, items: list[Any], path: tuple[Any, ...], text: str
) -> list[Diagnostic]:
    """An error for each decimal comma that YAML split inside ``[…]``.

    A check-in's ``values:`` may be a list of one-key entries, and written
    on one line, ``[kr2: 16,5 %]`` is to YAML the entry ``kr2: 16`` and a
    second item ``5 %``: the comma separates a flow sequence's items. As
    inside ``{…}``, that is OKR102 on the figure with what to write, and the
    stray item is removed, so that the list does not read as no list of
    one-key entries (OKR106, which would show neither the figure nor the
    hint). Only where the front matter shows the figure so (``16,5``, no
    space after the comma): ``[a: 1, 2]`` is left as written."""
    found: list[Diagnostic] = []
    stray: list[int] = []
    for i in range(1, len(items)):
        entry, tail_item = items[i - 1], items[i]
        if not (isinstance(entry, dict) and len(entry) == 1) or i - 1 in stray:
            continue
        if isinstance(tail_item, (dict, list)) or tail_item is None:
            continue
        tail = _split_tail(tail_item)
        ((key, value),) = entry.items()
        head = _split_head(value)
        if tail is None or head is None:
            continue
        sign, whole = head
        written = _rebuilt_split(head, tail, text)
        if re.search(rf"(?<![\w.]){re.escape(written)}[ ]*(?=[,\]])", text) is None:
            continue
        found.append(
            error(
                "OKR102",
                f"{key}: {written} is read as {sign}{whole} and a further item "
                f"{written[len(sign + whole) + 1 :]}: inside […] a comma separates the items",
                rel,
                hint=_split_hint(written),
                key_path=(*path, i - 1, str(key)),
            )
        )
        stray.append(i)
    for i in reversed(stray):
        del items[i]
    return found


def _rebuilt_split(head: tuple[str, str], tail: tuple[str, str], text: str) -> str:
    """A split figure as YAML's pieces give it, with the digits after the
    comma as the front matter shows them where it does (YAML reads ``05`` as 5)."""
    sign, whole = head
    digits, suffix = tail
    written = [
        m[1]
        for m in re.finditer(rf"(?<![\d.]){re.escape(sign + whole)},(\d+)(?![\d.])", text)
        if digits.isdigit() and int(m[1]) == int(digits)
    ]
    part = written[0] if len(set(written)) == 1 else digits
    return f"{sign}{whole},{part}{suffix}"


#: a figure split at one comma with no point in its number (``13,05``,
#: ``$250,000``, ``4,5 h``, ``1,2 Mio €``): its hint may say what to write
#: ``1 500,25`` too, its thousands grouped by a space (written without them)
_ONE_COMMA = re.compile(
    r"([$€£¥]\s?)?(-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+|-?\d+),(\d{1,3})(?![\d.,])(.*)", re.DOTALL
)
#: one split at several commas that each group three digits (``$1,000,000``)
_GROUPED_BY_COMMAS = re.compile(r"([$€£¥]\s?)?(-?\d{1,3}(?:,\d{3})+)(?![\d.,])(.*)", re.DOTALL)


def _split_hint(written: str) -> str:
    """What to write for a figure YAML split at its comma inside ``{…}``,
    quoting it as written (so that the hint, pasted, reads as meant)."""
    quoted = f'"{written}"'
    one = _ONE_COMMA.fullmatch(written)
    if one is not None:
        sign, part, suffix = one[1] or "", one[3], one[4]
        whole = one[2].replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
        if len(part) == 3 and int(part) == 0:  # $250,000: surely thousands
            return f"write {sign}{whole}{part}{suffix}, or put it in quotes: {quoted}"
        if len(part) == 3:
            return (
                f"write {sign}{whole}{part}{suffix} for the whole number or "
                f"{sign}{float(f'{whole}.{part}'):g}{suffix} for the decimal"
            )
        return f"write {sign}{whole}.{part}{suffix}, or put it in quotes: {quoted}"
    grouped = _GROUPED_BY_COMMAS.fullmatch(written)
    if grouped is not None:  # 1,000,000: thousands in every language
        digits = grouped[2].replace(",", "")
        return f"write {grouped[1] or ''}{digits}{grouped[3]}, or put it in quotes: {quoted}"
    return f"put it in quotes: {quoted}"  # 1,234.5, 1.200,50 €: grouped and with decimals


def _composed(text: str) -> Any:
    """The front matter's YAML node tree (``None`` if it does not compose)."""
    import yaml

    from okrsite.pyyaml_front_matter import FrontMatterLoader

    try:
        return yaml.compose(text, Loader=FrontMatterLoader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None


#: a key that is a further group of three digits of a figure split at several commas
_THREE_DIGITS = re.compile(r"\d{3}")


def _written_split(
    root: Any, text: str, path: tuple[Any, ...], prev_key: Any, key: Any
) -> tuple[str, list[Any]] | None:
    """The figure that YAML split at its commas inside ``{…}`` as the front
    matter shows it (``1,234.5``, ``€ 1.200,50``, ``$1,000,000``), and the
    keys YAML made of its pieces after the first (``key`` first, each once):
    the text from the value of ``prev_key`` at ``path`` to the end of the
    last key that follows it right after a comma, with no value, as a piece
    of a figure (each but the last three digits). ``None`` where the text
    does not show ``key`` so."""
    import yaml
    from yaml.nodes import MappingNode, ScalarNode

    node = _node_at(root, path)
    if not isinstance(node, MappingNode):
        return None
    pairs = node.value
    at = next((i for i, (k, _v) in enumerate(pairs) if _stands_for(k, prev_key)), None)
    if at is None or not isinstance(pairs[at][1], ScalarNode) or pairs[at][1].style:
        return None
    start = pairs[at][1].start_mark.index
    end: int | None = None
    keys: list[Any] = []
    for k, v in pairs[at + 1 :]:
        if not (
            isinstance(k, ScalarNode)
            and not k.style  # (plain: None, or "" from the C loader)
            and isinstance(v, ScalarNode)
            and v.tag == "tag:yaml.org,2002:null"
            and v.value == ""
            and text[k.start_mark.index - 1 : k.start_mark.index] == ","
            and _split_tail(k.value) is not None
        ):
            break
        if end is not None and not _THREE_DIGITS.fullmatch(text[start:end].rsplit(",", 1)[1]):
            break  # (only a group of three digits goes on to a further comma)
        end = k.end_mark.index
        try:
            read = yaml.load(k.value, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            return None
        if not any(read == seen for seen in keys):
            keys.append(read)
    written = text[start:end] if end is not None else ""
    if not keys or keys[0] != key or "\n" in written:
        return None
    return written, keys


def _node_at(root: Any, path: tuple[Any, ...]) -> Any:
    """The node at ``path`` (keys as text, list indexes) of the node tree
    ``root``, or ``None`` where the tree has none."""
    from yaml.nodes import MappingNode, SequenceNode

    node = root
    for step in path:
        if isinstance(node, MappingNode):
            node = next((v for k, v in node.value if _stands_for(k, step)), None)
        elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return None
    return node


def _stands_for(key_node: Any, key: Any) -> bool:
    """Whether ``key_node`` is the key read as ``key`` (a path's step is its text)."""
    from yaml.nodes import ScalarNode

    if not isinstance(key_node, ScalarNode):
        return False
    if key_node.value == str(key):
        return True
    if not key_node.style and not isinstance(key, str):
        import yaml

        try:
            return bool(yaml.load(key_node.value, Loader=yaml.SafeLoader) == key)
        except yaml.YAMLError:
            return False
    return False


def _sentence_head(value: Any, key: Any) -> bool:
    """Whether ``value`` and the empty ``key`` after it are a sentence that
    YAML cut at a comma grouping thousands (``{title: Reduce backlog from
    1,200 to 900 tickets}``: ``Reduce backlog from 1`` and ``200 to 900
    tickets``; ``{title: Umsatz von 1,2 Mio. € auf 2 Mio. €}``): words ending
    in digits, then up to three digits (and more words)."""
    return (
        type(value) is str
        and value[-1:].isdigit()
        and any(c.isalpha() for c in value)
        and (
            (type(key) is int and 0 <= key < 1000)
            or (type(key) is str and re.match(r"\d{1,3}(?!\d)", key) is not None)
        )
    )


def _sentence_joined(
    head: str, items: list[tuple[Any, Any]], key: Any, text: str
) -> tuple[str, list[Any]]:
    """The sentence as written (``head``, then each empty key after it that
    the front matter shows after a comma), and the keys that are its pieces;
    no pieces when the front matter does not show it so."""
    joined, pieces = head, []
    at = next(i for i, (k, _v) in enumerate(items) if k == key)
    for piece, value in items[at:]:
        written = re.search(
            rf"{re.escape(joined)},(\d{{1,3}}[^,{{}}\[\]\n]*?)[ ]*(?=[,}}\]])", text
        )
        if value is not None or written is None:
            break
        if str(piece) != written[1] and not (type(piece) is int and written[1].isdigit()):
            break
        joined = f"{joined},{written[1]}"
        pieces.append(piece)
    if not pieces or not re.search(r"[^\W\d_]", joined[len(head) :]):
        return head, []  # {title: Version 2,100}: digits alone, as a figure may be cut
    return joined, pieces
