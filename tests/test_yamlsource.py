"""The front-matter loader builds the same values as PyYAML with the same loader.

``yamlsource.load`` builds common scalars, mappings and lists itself for
speed; these tests hold it to what PyYAML's own constructor makes of the same
nodes (``yaml.load`` with :class:`FrontMatterLoader`, which keeps timestamps
as text).
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from okrsite import yamlsource


def pyyaml(text: str) -> Any:
    return yaml.load(text, Loader=yamlsource.FrontMatterLoader)  # noqa: S506 (a safe loader)


SCALARS = [
    "0",
    "7",
    "-3",
    "+4",
    "0123",
    "-017",
    "0o17",
    "0x1F",
    "1_000",
    "0b101",
    "1:30",
    "0.5",
    "-2.25",
    "1e3",
    "1.5e-3",
    ".5",
    "00.5",
    "1_000.5",
    ".inf",
    "-.Inf",
    ".nan",
    "true",
    "False",
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "null",
    "~",
    "",
    "2026-11-20",
    "2026-11-20 10:00:00",
    "'0123'",
    '"7"',
    "text",
    "a: b",
    "[1, 2]",
    "{a: 1}",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_match_pyyaml(scalar: str) -> None:
    text = f"value: {scalar}\nlist: [{scalar}]\n"
    assert outcome(yamlsource.load, text) == outcome(pyyaml, text)


def outcome(load: Any, text: str) -> str:
    """The value's repr (nan != nan, and 1 == 1.0 == True), or the error's type."""
    try:
        return repr(load(text))
    except yaml.YAMLError as exc:
        return type(exc).__name__


def test_octal_is_octal_as_in_pyyaml() -> None:
    assert yamlsource.load("target: 0123") == {"target": 83}


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1), json_like, max_size=6))
def test_dumped_data_loads_as_pyyaml_loads_it(data: dict[str, Any]) -> None:
    for style in (False, None):
        text = yaml.safe_dump(data, default_flow_style=style, allow_unicode=True)
        assert repr(yamlsource.load(text)) == repr(pyyaml(text))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(json_like.filter(lambda v: isinstance(v, (list, dict))), min_size=1, max_size=3),
    st.lists(st.integers(0, 2), min_size=1, max_size=6),
    st.booleans(),
)
def test_aliased_data_loads_as_pyyaml_loads_it(
    shared: list[Any], uses: list[int], flow: bool
) -> None:
    """PyYAML's dumper writes ``&id001`` and ``*id001`` for an object used twice:
    the same values must come back, each aliased node built once."""
    data: dict[str, Any] = {f"k{i}": shared[n % len(shared)] for i, n in enumerate(uses)}
    data["nested"] = [shared[0], {"again": shared[-1]}]
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert repr(yamlsource.load(text)) == repr(pyyaml(text))
    loaded = yamlsource.load(text)
    same = next((k for k in data if data[k] is shared[0]), None)
    if same is not None and shared[0]:  # PyYAML aliases non-empty collections only
        assert loaded["nested"][0] is loaded[same]
