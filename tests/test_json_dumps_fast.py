"""``numbers.json_dumps`` writes with json's fast encoder first and walks the
value for a float from 10^15 on only when the text shows one; held equal, on
generated values, to writing every value the way it did before (walked
first, then the fast encoder or the scientific one), floats of every size
and strings that look like huge floats among them."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from okrsite.numbers import (
    _has_huge_float,
    _may_show_huge_float,
    _ScientificEncoder,
    json_dumps,
)


def _walked_first(value: Any, **options: Any) -> str:
    if not _has_huge_float(value):
        return json.dumps(value, **options)
    return "".join(_ScientificEncoder(**options).iterencode(value))


lookalikes = st.sampled_from(
    ["1234567890123456.5", "2e+15", "x1e+16", "9999999999999999.", "ordinary", "1e-07"]
)
floats = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(
    [1e15, -1e15, 999999999999999.9, 1e16, 2.5e300, 1e-7, 0.0, -0.0]
)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | floats | st.text(max_size=8) | lookalikes,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=600, deadline=None)
@given(values, st.booleans())
def test_written_as_when_walked_first(value: Any, ensure_ascii: bool) -> None:
    options = {"ensure_ascii": ensure_ascii, "separators": (",", ":")}
    assert json_dumps(value, **options) == _walked_first(value, **options)


def test_a_huge_float_is_still_scientific() -> None:
    assert (
        json_dumps({"a": [1, 2e15, "1234567890123456.5"]})
        == '{"a": [1, 2e+15, "1234567890123456.5"]}'
    )
    assert json_dumps([1e16, 1234567890123456.5]) == "[1e+16, 1.2345678901234565e+15]"


#: the pattern json_dumps scanned its text with before session 48 (a digit run
#: tried at every character): the cheaper scan must find exactly what it found
_BEFORE = re.compile(r"[0-9]{16}\.|[0-9]e\+")

texts = st.lists(
    st.sampled_from(["1", "9", "0", ".", "e", "+", "e+", "x", "-", '"', "1234567890123456"]),
    max_size=40,
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(texts | st.text(max_size=40))
def test_the_scan_finds_what_the_digit_run_pattern_found(text: str) -> None:
    assert _may_show_huge_float(text) == (_BEFORE.search(text) is not None)


def test_the_scan_at_the_edges() -> None:
    for text, found in [
        ("1234567890123456.", True),
        ("234567890123456.", False),
        ("x1234567890123456.5", True),
        ("1e+16", True),
        ("e+16", False),
        ("ae+1", False),
        ("9e+", True),
        (".1234567890123456", False),
        ("", False),
    ]:
        assert _may_show_huge_float(text) is found, text
        assert (_BEFORE.search(text) is not None) is found, text
