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
from hypothesis import example, given, settings
from hypothesis import strategies as st

from okrsite import pyyaml_front_matter, yamlsource


def pyyaml(text: str) -> Any:
    return yaml.load(text, Loader=pyyaml_front_matter.FrontMatterLoader)  # noqa: S506 (a safe loader)


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


def written_twice(text: str) -> bool:
    """Whether the document names a key twice in one mapping (as PyYAML composes it)."""
    try:
        pyyaml_front_matter.check_duplicates(
            yaml.compose(text, Loader=pyyaml_front_matter.FrontMatterLoader)
        )
    except pyyaml_front_matter.DuplicateKeyError:
        return True
    return False


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1), json_like, max_size=6))
# PyYAML dumps the key NEL (U+0085, a YAML line break) in quotes, and reading
# it back folds the break into a space: two keys written the same. PyYAML keeps
# the last silently; okrsite refuses the file, as it refuses any key written twice.
@example({" ": None, "\x85": None})
def test_dumped_data_loads_as_pyyaml_loads_it(data: dict[str, Any]) -> None:
    for style in (False, None):
        text = yaml.safe_dump(data, default_flow_style=style, allow_unicode=True)
        if written_twice(text):
            with pytest.raises(pyyaml_front_matter.DuplicateKeyError):
                yamlsource.load(text)
        else:
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


# ---------------------------------------------------------------- locating
# ``yamlsource.top_level_position`` finds a top-level key's line in the text
# alone; these hold it to composing the YAML (``pyyaml_front_matter.locate``) on
# hand-picked traps and on generated front matter, including the edge cases
# of the library: aliases, anchors, tags, run-on quotes and brackets, block
# scalars, and Unicode whitespace and line breaks.

LOCATE_TRAPS = [
    "title: Grow\nowner: Ada Park\n",
    "owner: &who Ada\ntags:\n  *who\n",  # an alias below its key: the anchored node
    "owner: Ada\ntags:\n  &t\n  - x\n",  # an anchor below its key
    "owner: Ada\ntags:\n  !!seq\n  - x\n",  # a tag below its key
    'title: "Grow\nowner: not a key"\nteam: x\n',  # a quoted value runs on
    "title: 'it''s\nowner: not a key'\nteam: x\n",
    "tags: [a,\nowner]\nteam: x\n",  # a flow sequence runs on
    'key_results:\n  - title: "abc\nowner: x"\nteam: y\n',  # nested run-on quote
    "who: &a Ada\nowner: *a\n",  # an alias points at its anchor
    "owner: &a Ada\nteam: *a\n",
    "owner: !!str Ada\n",
    "owner: |\n  Ada\n",
    "owner:\n  Ada\n",
    "owner: # comment\n  Ada\n",
    "owner:\tAda\n",
    "owner: \u00a0Ada\n",
    "owner: \u3000Ada\n",
    "title: a\u2028b\nowner: Ada\n",
    "title: a\x85b\nowner: Ada\n",
    "title: a\rowner: Ada\n",
    "owner: \U0001f600 Ada\n",
    "title: \U0001f600\U0001f600\nowner: Ünal\n",
    '"owner": Ada\n',
    "? owner\n: Ada\n",
    "owner: -5\n",
    "owner: [a, b]\n",
    "owner: {a: b}\n",
    "owner: 'Ada'  # note\n",
    "# top\n\nowner: Ada\n",
    "tags:\n- a\n- b\nowner: Ada\n",
    'description: >\n  "quoted start\nowner: Ada\n',
    "on: yes\nowner: Ada\n",
    "team: a\nowner: b\nowner-x: c\n",
    "key_results:\n  - id: a\n    target: 1\nowner: Ada\n",
    "key_results:\n- id: a\nowner: Ada\n",
    "key_results:  # below\n\n  # first\n  - id: a\n",
    "owner:\n    Ada\n    Park\n",
    "owner:\n  &a Ada\nteam: *a\n",
    "owner:\n  !!str Ada\n",
    "owner:\n  [a,\n  b]\n",
    "owner:\n  'Ada'\n",
    "owner:\n  a: 1\n  b: 2\n",
    "owner:\n  ? a\n  : 1\n",
    "owner:\nteam: x\n",
    "owner:\n",
    "owner:\n  |\n   Ada\n",
    "owner:\n  \tAda\n",
    "owner:\n  \u00a0Ada\n",
    "owner:\n-\n- b\n",
]


def _composed(fm: str, name: str, key: bool) -> tuple[int | None, int | None]:
    pyyaml_front_matter._last_composed = None
    return pyyaml_front_matter.locate(fm, (name,), 0, key=key)


def _loads(fm: str) -> bool:
    try:
        return isinstance(pyyaml(fm), dict)
    except (yaml.YAMLError, ValueError, TypeError):
        return False


def _check_position(fm: str) -> int:
    """How many keys of ``fm`` the quick reading answered (each equal to composing)."""
    answered = 0
    if not _loads(fm):
        return 0
    for name in ("owner", "team", "title", "tags", "key_results", "who", "missing"):
        for key in (False, True):
            quick = yamlsource.top_level_position(fm, name, key=key)
            if quick is not None:
                answered += 1
                assert quick == _composed(fm, name, key), (fm, name, key)
    return answered


@pytest.mark.parametrize("fm", LOCATE_TRAPS)
def test_quick_position_equals_composing_on_traps(fm: str) -> None:
    _check_position(fm)


def test_quick_position_answers_the_plain_cases() -> None:
    """The quick reading is used where it matters: plain one-line values."""
    fm = '# goals\ntitle: "Grow: fast"\nowner: Ada Park  # lead\nteam: [a, b]\ntags:\n- x\n'
    assert yamlsource.top_level_position(fm, "owner") == (2, 8)
    assert yamlsource.top_level_position(fm, "owner", key=True) == (2, 1)
    assert yamlsource.top_level_position(fm, "team") == (3, 7)
    assert _check_position(fm) >= 6
    assert yamlsource.locate(fm, ("owner",), 4) == (6, 8)
    # a value on the lines below its key (a finding about the key results)
    assert yamlsource.top_level_position(fm, "tags") == (5, 1)
    block = "title: x\nkey_results:  # the list\n\n  - id: a\n    target: 1\n"
    assert yamlsource.top_level_position(block, "key_results") == (3, 3)
    assert _check_position(block) >= 3


_pieces = st.sampled_from(
    [
        "title: Grow",
        'title: "a: b"',
        'title: "run\\"',
        'title: "run',
        "title: 'it''s'",
        "title: 'run",
        "owner: Ada Park",
        "owner: Ünal Öz",
        "owner: \u00a0Ada",
        "owner: &who Ada",
        "owner: *who",
        "who: &who Ben",
        "owner: !!str Ada",
        "owner:",
        "owner: |",
        "owner: >-",
        "owner: # later",
        "team: [a, b]",
        "team: [a,",
        "team: {a: b}",
        "team: {a: 'b'}",
        "tags:",
        "- x",
        '- "run',
        "  - y",
        '  - title: "run',
        "  title: x",
        "  Ada",
        "  'quoted'",
        "owner: Ada]",
        'b: x"',
        "owner: x'",
        "# note",
        "",
        "\u2028",
        "owner:\tAda",
        "\towner: Ada",
        "? owner",
        ": Ada",
        '"owner": Ada',
        "owner: -1",
        "owner: 7",
        "owner: \U0001f600",
        "key_results:",
        "  &a Ada",
        "  !!str Ada",
        "  *who",
        "  ? a",
        "    deeper",
        "  # indented comment",
        "  [a, b]",
        "  [a,",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_pieces, min_size=1, max_size=8))
def test_quick_position_equals_composing_on_generated_front_matter(lines: list[str]) -> None:
    _check_position("\n".join(lines) + "\n")


def test_boundary_is_python_frontmatters() -> None:
    """The ``---`` pattern is written out (no import of the library's handlers at
    start-up); it must stay the one python-frontmatter splits on."""
    from frontmatter.default_handlers import YAMLHandler

    theirs = YAMLHandler.FM_BOUNDARY
    assert theirs is not None
    assert (yamlsource._BOUNDARY.pattern, yamlsource._BOUNDARY.flags) == (
        theirs.pattern,
        theirs.flags,
    )
