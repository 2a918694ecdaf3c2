"""Where a carried key result starts, and its title saying so.

``okrsite carry`` starts a key result where its last value left it. That
figure is rounded as people write a baseline (:func:`carried_start`), and a
title that says the old start (``Close deals from 10 to 40``, ``Review 100%
of accounts (from 35%)``, ``Reduce churn 3% to 2%``) is rewritten to the new
one, in the title's own number style (``$212,346`` where the title writes
``$180,000``, ``1.235k`` where it writes ``1.5k``), or has its start
dropped where the figures are not the key result's own. A module of its
own because it is one concept (a title's figures made to agree with the
carried start) beside the choice of what to carry (:mod:`okrsite.carry`).
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

from okrsite.model import KeyResult
from okrsite.parse_figures import magnitude_written, unit_multiplier
from okrsite.parse_measures import _FIGURE, _UNIT_WORD, title_figures
from okrsite.units import same_unit
from okrsite.written_numbers import comma_convention, read_number

#: the digits of a written figure, with the marks that group or divide them
_CORE = re.compile(r"\d(?:[\d.,'\s\u00a0\u202f\u2009]*\d)?")
#: the marks that group thousands (``1,200``, ``1.200``, ``1'200``, ``1 200``)
_GROUP_MARKS = ",.'\u00a0\u202f\u2009 "
#: a title's start said alone, as a note: ``Review 100% of accounts (from 35%)``
_FROM_ALONE = re.compile(
    rf"(?P<open>\(\s*)?\bfrom\s+(?P<a>{_FIGURE})(?P<ua>\s*{_UNIT_WORD})?"
    r"(?:(?P<close>\s*\))|(?=\s*(?:[,;.]\s|[,;.]?$)))",
    re.IGNORECASE,
)
#: a title's start and target with no "from": ``Reduce churn 3% to 2%``
_BARE_TO = re.compile(
    rf"(?<![\w.,])(?P<a>{_FIGURE})\s*(?P<ua>{_UNIT_WORD})?\s+to\s+(?P<b>{_FIGURE})",
    re.IGNORECASE,
)


def carried_start(kr: KeyResult, last: float) -> float:
    """``last`` as the next cycle's ``start:``: rounded to the decimals the key
    result writes its start and target with (``212345.67`` beside ``start:
    180000`` is ``212346``), or finer where that would move it by more than
    1% of the way left to the target (``2.5`` beside ``start: 3, target: 2``
    stays ``2.5``; ``36.6667`` beside ``30 → 40`` is ``36.67``). A title
    that writes its figures in a magnitude (``from 3.5k to 1k EUR``) is
    written in it with at most one decimal more than it shows, two at most
    (``2234.5``: ``2230``, ``2.23k``), so that the title reads as people
    write it; but never coarser than 1% of the way left, the bound above
    (``$1,904,500`` toward ``$2M`` stays ``1904500``, not ``$1.9M``: that
    would count $4,500 of the $95,500 left as done on the first day).
    Half away from zero, as people round."""
    written = max(_decimals(x) for x in (kr.start or 0.0, kr.target or 0.0))
    exponent = -written
    left = abs((kr.target or 0.0) - last)
    bound = math.floor(math.log10(left / 100)) if left > 0 else None
    if bound is not None:
        exponent = min(exponent, bound)
    coarsest = _title_rounding(kr)
    if coarsest is not None:
        exponent = max(exponent, coarsest if bound is None else min(coarsest, bound))
    rounded = Decimal(repr(last)).quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
    return float(rounded)


def _title_rounding(kr: KeyResult) -> int | None:
    """The power of ten, in the key result's unit, a title written in a
    magnitude shows its start to with one decimal more than it writes (two
    at most: ``1.235k`` would read as 1,235 thousand): ``from 1.5k to 1k``
    beside ``unit: EUR`` is 1 (tens of euros); ``None`` for a title
    with no figures of the key result's, or none in a magnitude."""
    read = title_figures(kr.title)
    if read is None:
        return None
    found, said = read
    scale = _title_scale(kr, said["start"], said["target"])
    magnitude = max(unit_multiplier(magnitude_written(found[side]) or "") for side in ("a", "b"))
    if scale is None or magnitude == 1:
        return None
    group, point = _number_style(found["a"], found["b"])
    cores = [m[0] for m in (_CORE.search(found[side]) for side in ("a", "b")) if m]
    shown = max(
        (len(c.rpartition(point)[2]) for c in cores if point in c and point != group), default=0
    )
    return math.floor(math.log10(magnitude / scale)) - min(shown + 1, 2)


def _decimals(x: float) -> int:
    text = f"{x:.12g}"
    if "e" in text:
        return 0 if abs(x) >= 1 else 12
    return len(text.partition(".")[2])


def carried_title(kr: KeyResult, start: float) -> str:
    """``kr``'s title for a carried key result that starts at ``start``.

    A title that says its figures (``Close deals from 10 to 40``, any form
    the sentence reader reads: :func:`okrsite.parse_measures.title_figures`)
    would contradict the carried ``start: 25``, and ``check`` says so
    (OKR409) with a hint to write the old start back. Where the title's
    figures are the key result's own, in its unit or a multiple of it
    (``from $10M to $20M`` beside ``unit: $M``), the start figure is
    rewritten in place, written as the title writes it (``from 25 to 40``,
    ``from $15M to $20M``, ``from 24% to 30%``) and read back to be sure;
    anything else (figures that are not the key result's, a figure the
    rewritten title would not read back) has the "from …" part dropped
    (``Close deals to 40``), which no figure can contradict. The two forms
    the sentence reader leaves alone are rewritten or dropped the same way:
    a start said alone (``(from 35%)``) and a start and target with no
    "from" (``3% to 2%``, only where they are the key result's own). A title
    with no figures is kept as written.
    """
    read = title_figures(kr.title)
    if read is None:
        return _partial_title(kr, start)
    found, said = read
    scale = _title_scale(kr, said["start"], said["target"])
    if scale is not None:
        wanted = start * scale
        # "$15M": the title's own "M"; "from 10 to 20 M EUR": the target's
        shared = unit_multiplier(magnitude_written(found["b"]) or "")
        for figure in _written_figures(found["a"], found["b"], wanted, shared):
            title = kr.title[: found.start("a")] + figure + kr.title[found.end("a") :]
            again = title_figures(title)
            if (
                again is not None
                and _same(again[1]["start"], wanted)
                and again[1]["target"] == said["target"]
            ):
                return title
    return _without_start(kr.title, found)


def _written_figures(figure: str, other: str, wanted: float, shared: float) -> list[str]:
    """``wanted`` written in place of ``figure`` (the title's start as written),
    the likeliest first: in the title's magnitude and number style
    (``$212,346``; ``1.235k``), then plain in each magnitude."""
    core = _CORE.search(figure)
    if core is None:
        return []
    prefix = re.sub(r"[-+\u2212]", "", figure[: core.start()])
    suffix = figure[core.end() :]
    group, point = _number_style(figure, other)
    out = []
    for magnitude in dict.fromkeys((shared, 1.0, 1e3, 1e6, 1e9)):
        value = wanted / magnitude
        out.append(prefix + _styled(value, group, point) + suffix)
        out.append(prefix + _styled(value, "", ".") + suffix)
    return list(dict.fromkeys(out))


def _number_style(figure: str, other: str) -> tuple[str, str]:
    """The mark that groups thousands in a title's figures (``""`` for none)
    and the decimal mark: ``,`` and ``.`` in ``from $180,000 to $250,000``,
    ``.`` and ``,`` in ``von 1.200 auf 1.500,5``; where the title writes
    whole numbers alone, the decimal mark of the language the site is read
    in (:func:`okrsite.written_numbers.numbers_written_in`)."""
    group = ""
    for text in (figure, other):
        core = _CORE.search(text)
        if core is None:
            continue
        shape = re.fullmatch(r"\d{1,3}(?P<m>[^\d])\d{3}(?:(?P=m)\d{3})*(?P<rest>[.,]\d+)?", core[0])
        if shape is not None and (shape["rest"] is None or shape["rest"][0] != shape["m"]):
            group = shape["m"]
            break
    if group == ".":
        return group, ","
    cores = [found[0] for found in (_CORE.search(figure), _CORE.search(other)) if found]
    if any(re.search(r",\d{1,2}(?!\d)", core) for core in cores):
        return group, "," if group != "," else "."
    if group == "," or any(re.search(r"\.\d{1,2}(?!\d)", core) for core in cores):
        return group, "."
    # whole numbers alone say no decimal mark: the site's language does
    # (``von 3,04 h auf 2 h`` on a German site), as its files are read
    return group, "," if comma_convention() is False else "."


def _styled(value: float, group: str, point: str) -> str:
    """``value`` with its thousands grouped by ``group`` and decimals after
    ``point``; no more decimals than it has (12 significant digits)."""
    text = f"{value:.12g}"
    if "e" in text:
        text = f"{value:.12f}".rstrip("0").rstrip(".")
    whole, _, decimals = text.partition(".")
    if group and len(whole) > 3:
        whole = f"{int(whole):,}".replace(",", group)
    return whole + (point + decimals if decimals else "")


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def _title_scale(kr: KeyResult, start: float, target: float) -> float | None:
    """How many of the title's units one of the key result's is (1 for ``from
    10 to 40`` beside ``start: 10, target: 40``; a million for ``from $10M
    to $20M`` beside ``unit: $M``), or ``None`` when the title's figures are
    not the key result's (another target, another start)."""
    if kr.start is None or kr.target is None:
        return None
    for ours, theirs in ((kr.target, target), (kr.start, start)):
        if ours:
            scale = theirs / ours
            if scale > 0 and _same(kr.start * scale, start) and _same(kr.target * scale, target):
                return scale
            return None
    return None


def _without_start(title: str, found: re.Match[str]) -> str:
    """``title`` without the start its figures say: ``Close deals from 10 to
    40`` is ``Close deals to 40`` (``von 10 auf 40``: ``auf 40``; ``10 -> 40``:
    ``40``; ``to 40 from 10``: ``to 40``); the original when what is left
    still reads a start (never seen: then ``check`` says so)."""
    start_end = found.end("ua") if found["ua"] else found.end("a")
    if found.start("a") < found.start("b"):
        between = title[start_end : found.start("b")].strip()
        kept = between + " " if between.casefold() in ("to", "auf") else ""
        out = title[: found.start()] + kept + title[found.start("b") :]
    else:  # "to 40 from 10": the start is said last
        target_end = found.end("ub") if found["ub"] else found.end("b")
        out = title[:target_end] + title[start_end:]
    out = _tidy(out)
    return out if out and title_figures(out) is None else title


def _tidy(title: str) -> str:
    """Spaces left by a part taken out: none doubled, none before a closing
    mark or at either end."""
    return re.sub(r"\s+([,.;:!?)])", r"\1", re.sub(r"\s{2,}", " ", title)).strip()


def _figure(text: str) -> float | None:
    read = read_number(text.strip(), one_group_thousands=True)
    return None if read is None else read[0]


def _own_scale(kr: KeyResult, value: float | None, of: float | None) -> float | None:
    """How many of the title's units ``of`` (the key result's start or
    target) is when the title writes it as ``value``: 1, or a thousand,
    million or billion of them (``$180k`` beside ``unit: $k``); ``None``
    when ``value`` is not that figure."""
    if value is None or of is None:
        return None
    for scale in (1.0, 1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9):
        if _same(of * scale, value):
            return scale
    return None


def _partial_title(kr: KeyResult, start: float) -> str:
    """The title of a key result whose title the sentence reader reads no
    "from … to …" in (see :func:`carried_title`): a start said alone
    (``(from 35%)``) or with no "from" (``3% to 2%``) rewritten to ``start``
    where it is the key result's own start, else dropped."""
    title = kr.title
    alone = _FROM_ALONE.search(title)
    if alone is not None:
        word = (alone["ua"] or "").strip()
        scale = _own_scale(kr, _figure(alone["a"]), kr.start)
        if scale is not None and (word in ("", "%") or same_unit(word, kr.unit)):
            for figure in _written_figures(alone["a"], alone["a"], start * scale, 1.0):
                new = title[: alone.start("a")] + figure + title[alone.end("a") :]
                again = _FROM_ALONE.search(new)
                if again is not None and _same(_figure(again["a"]) or math.nan, start * scale):
                    return new
        if alone["open"] and alone["close"]:
            return _tidy(title[: alone.start()] + title[alone.end() :])
        begin = alone.end("open") if alone["open"] else alone.start()
        end = alone.end("ua") if alone["ua"] else alone.end("a")
        return _tidy(title[:begin] + title[end:]) or title
    bare = _BARE_TO.search(title)
    if bare is None:
        return title
    target_scale = _own_scale(kr, _figure(bare["b"]), kr.target)
    if target_scale is None:
        return title  # "Hire 3 to 5 engineers" beside another target: a range, not the KR's
    if _own_scale(kr, _figure(bare["a"]), kr.start) == target_scale:
        for figure in _written_figures(bare["a"], bare["b"], start * target_scale, 1.0):
            new = title[: bare.start("a")] + figure + title[bare.end("a") :]
            again = _BARE_TO.search(new)
            if again is not None and _same(_figure(again["a"]) or math.nan, start * target_scale):
                return new
    return _tidy(title[: bare.start("a")] + "to " + title[bare.start("b") :])
