"""Goal files in the project's YAML shape, for commands that write them.

Hand-written goal files keep the top-level keys and each key result in block
style, and short lists and leaf mappings (tags, milestones) in flow style;
generated files follow the same shape so they read like their neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

__all__ = ["Block", "PlannedFile", "QuotingDumper", "flow_mapping", "front_matter", "yaml_number"]


@dataclass(frozen=True)
class PlannedFile:
    """A goal file an import or carry-over would write, not yet written."""

    rel: str
    text: str
    row: int | None  # the spreadsheet row (or JSON record) it came from


class Block(dict):  # type: ignore[type-arg]
    """A mapping written in block style (a key result), whatever its contents."""


class QuotingDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting as the docs and people write: double
    quotes where a value needs quotes (``title: "Renew: x"``, ``unit: "%"``),
    not single ones. Every file or line okrsite writes goes through it.

    A value with a character beyond the Basic Multilingual Plane (an emoji,
    ``🚀``) keeps the single quotes: PyYAML's double-quoted writer escapes
    every such character (``\\U0001F680``) even with ``allow_unicode``, which
    no person writes and a review's diff shows as noise; single quotes
    write it as typed, and a ``'`` in it is doubled as YAML reads it."""

    def choose_scalar_style(self) -> str:
        style: str = super().choose_scalar_style()  # type: ignore[no-untyped-call]
        if style == "'" and not beyond_bmp(str(getattr(self.event, "value", ""))):
            return '"'
        return style


def beyond_bmp(text: str) -> bool:
    """Whether ``text`` has a character above U+FFFF (most emoji)."""
    return any(ord(c) > 0xFFFF for c in text)


class _Dumper(QuotingDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent list items under their key (``  - id: …``), as people write them."""
        super().increase_indent(flow, False)


_Dumper.add_representer(
    Block,
    lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), False),
)


def flow_mapping(data: dict[str, Any]) -> str:
    """``data`` as one line of YAML, quoted where YAML needs it:
    ``{title: "Go-Live: Europa", done: true}`` (a hint's line must be one
    that a person can paste)."""
    return yaml.dump(
        data,
        Dumper=QuotingDumper,
        default_flow_style=True,
        allow_unicode=True,
        width=float("inf"),
        sort_keys=False,
    ).strip()


def front_matter(data: dict[str, Any], body: str = "") -> str:
    """The project's file shape: block keys, key results as block mappings,
    short lists and leaf mappings (tags, milestones, values) in flow style."""
    # the top level is always block: a file of scalars only (a check-in of a
    # confidence, a KPI reading) would otherwise come out as one {…} line
    dumped = yaml.dump(
        Block(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=100,
    )
    return f"---\n{dumped}---\n{body.rstrip()}\n" if body.strip() else f"---\n{dumped}---\n"


def yaml_number(value: float | None) -> float | int | None:
    """A number as a file writes it: ``40`` rather than ``40.0``, at most 9
    decimals. ``value`` may be an int where JSON wrote a whole number (a
    goal's ``"progress": 0`` in a ``portfolio.json``), which has no
    ``is_integer`` before Python 3.12."""
    if value is None:
        return None
    rounded = round(float(value), 9)
    return int(rounded) if rounded.is_integer() and abs(rounded) < 1e15 else rounded
