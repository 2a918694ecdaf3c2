"""``numbers.json_dumps`` writes with json's fast encoder first and walks the
value for a float from 10^15 on only when the text shows one; held equal, on
generated values, to writing every value the way it did before (walked
first, then the fast encoder or the scientific one), floats of every size
and strings that look like huge floats among them."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from okrsite.numbers import _has_huge_float, _ScientificEncoder, json_dumps


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
