"""The quick scans of every file's text find what the regular expressions find.

Each file's parse looks for control characters, for what sends front matter
to PyYAML and for a decimal comma; each used to be one regular expression
over the text, which tests the characters one by one. The quick versions
(``limits.find_control``, ``plain_yaml``'s ASCII check, ``has_digit_comma_digit``,
the line-break check of ``yamlsource.top_level_position``) are held equal
to the expressions here on generated text made of what matters: every ASCII
control, tabs, line breaks of all kinds, digits of other scripts, commas,
non-ASCII letters, noncharacters and lone surrogates.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from okrsite import limits, plain_yaml, yamlsource
from okrsite.parse import _DIGIT_COMMA_DIGIT, has_digit_comma_digit, parse_file

_SPECIAL = (
    [chr(c) for c in range(0x20)]
    + ["\x7f", "\x80", "\x85", "\x9f", "\xa0", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff"]
    + ["\ud800", "\udfff", "\u0663", "\uff15", "\u00b2", ",", " ", "1", "9", "a", ":", "-", "é"]
)
texts = st.text(
    alphabet=st.one_of(st.sampled_from(_SPECIAL), st.characters(codec="utf-8")), max_size=40
) | st.lists(st.sampled_from(_SPECIAL + ["ab", "title: x\n", "12,5"]), max_size=30).map("".join)


@settings(max_examples=2000, deadline=None)
@given(texts)
@example("title: x\n\x07")
@example("a\x7fb")
@example("1,5")
@example("\u0663,\uff15")  # digits of other scripts are \d too
@example("\u00b2,1")  # a superscript two is not
@example(",1")
@example("1,")
def test_quick_scans_find_what_the_expressions_find(text: str) -> None:
    found = limits.CONTROL_CHARS.search(text)
    quick = limits.find_control(text)
    assert (quick and (quick.start(), quick.group())) == (found and (found.start(), found.group()))
    assert has_digit_comma_digit(text) == (_DIGIT_COMMA_DIGIT.search(text) is not None)
    plain_yaml._compile()
    if limits.ascii_free_of(text, plain_yaml._ASCII_UNUSUAL):
        assert plain_yaml._UNUSUAL.search(text) is None
    breaks = yamlsource._OTHER_BREAKS.search(text) is not None
    assert breaks == ("\r" in text or (not text.isascii() and breaks))


def test_ascii_text_is_checked_byte_by_byte() -> None:
    assert limits.ascii_free_of("title: Grow\n\tindented\n", limits.ASCII_CONTROLS)
    assert not limits.ascii_free_of("title: Grow\x1b[31m\n", limits.ASCII_CONTROLS)
    assert not limits.ascii_free_of("title: Grüße\n", limits.ASCII_CONTROLS)  # look closer


def test_a_file_with_a_control_character_or_a_decimal_comma_is_still_told() -> None:
    bell = parse_file("content/objectives/grow.md", b"---\ntitle: Grow\x07\ncycle: 2026-Q4\n---\n")
    assert [(d.code, d.line, d.column) for d in bell.diagnostics] == [("OKR016", 2, 12)]
    comma = parse_file(
        "content/objectives/grow.md",
        b"---\ntitle: Grow\ncycle: 2026-Q4\nkey_results:\n"
        b"  - {id: a, title: A, start: 0, target: 13,5}\n---\n",
    )
    assert [(d.code, d.line, d.column) for d in comma.diagnostics] == [("OKR102", 5, 41)]
    assert comma.diagnostics[0].message.startswith("target: 13,5 is read as 13 and a key 5")
    # a line break YAML knows beside \n: the text is not plain enough to place a key by
    assert yamlsource.top_level_position("a: 1\u2028\nb: 2\n", "b") is None
    assert yamlsource.top_level_position("a: 1\nb: 2\n", "b") == (1, 4)


def _split_with_the_expression(text: str) -> yamlsource.Split | None:
    """yamlsource.split as it was: python-frontmatter's pattern splitting twice."""
    if not yamlsource._BOUNDARY.match(text):
        return None
    parts = yamlsource._BOUNDARY.split(text, 2)
    if len(parts) < 3:
        return None
    _, fm, body = parts
    body_line = 1 + text.count("\n", 0, len(text) - len(body))
    if body.startswith("\n"):
        body = body[1:]
        body_line += 1
    return yamlsource.Split(fm, body, 1, body_line)


_PIECES = ["---", "----", "-", "--", "\n", " ", "\t", "\x0b", "\x1c", "\x85", "\u2028"]
_PIECES += ["\r", "\xa0", "a: 1", "title: x", "# c", "- x", "... ", "+++"]
documents = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=3000, deadline=None)
@given(documents)
@example("---\ntitle: x\n---\nbody\n")
@example("---\n\n---")
@example("---\n---\n---\n")
@example("----  \n  \ntitle: x\n---   \n\n\nbody ---\n---\n")
@example("---\ntitle: x\n--- y\n---\x85\nbody")
@example("---\ntitle: x")
def test_split_cuts_where_the_expression_cuts(text: str) -> None:
    assert yamlsource.split(text) == _split_with_the_expression(text)
