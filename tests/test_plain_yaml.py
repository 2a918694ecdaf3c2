"""The quick reader of front matter gives what PyYAML gives, or steps aside.

:func:`okrsite.plain_yaml.read_plain` reads the usual shape of front matter
line by line; for anything else it answers ``NOT_PLAIN`` and PyYAML reads the
text. These tests hold it to ``yaml.load`` with okrsite's loader on front
matter generated the way people write it, with PyYAML's edge cases mixed in
(aliases, tags, block scalars, YAML 1.1's numbers and booleans, Unicode
spaces and line breaks, tabs, comments, values running on, keys written
twice), and check that it does read the shapes it exists for.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from okrsite import plain_yaml, pyyaml_front_matter, yamlsource
from okrsite.plain_yaml import NOT_PLAIN, read_plain

ROOT = Path(__file__).resolve().parent.parent


def pyyaml(text: str) -> Any:
    return yaml.load(text, Loader=pyyaml_front_matter.FrontMatterLoader)  # noqa: S506 (a safe loader)


def pyyaml_outcome(text: str) -> str:
    """What PyYAML makes of ``text``: the value's repr (so that 1, 1.0 and
    True differ, and nan equals nan), or that it refused."""
    try:
        return repr(pyyaml(text))
    except (yaml.YAMLError, ValueError, TypeError):
        return "refused"


def assert_same_or_aside(text: str) -> bool:
    """``read_plain`` equals PyYAML, or steps aside; whether it read the text."""
    got = read_plain(text)
    if got is NOT_PLAIN:
        return False
    assert repr(got) == pyyaml_outcome(text), text
    return True


# Plain values people write, and YAML 1.1's traps among them.
VALUES = [
    "Grow revenue",
    "Ada Park",
    "2026-Q4",
    "2026-11-20",
    "2026-11-20 10:00:00",
    "2026-11-20T10:00:00+02:00",
    "0",
    "7",
    "-3",
    "+4",
    "0123",
    "08",
    "0o17",
    "0x1F",
    "1_000",
    "1,000",
    "0b101",
    "1:30",
    "10:30:15",
    "0.5",
    "-2.25",
    "1e3",
    "1.5e-3",
    "1.5E+3",
    ".5",
    "5.",
    "1_000.5",
    ".inf",
    "-.Inf",
    ".NaN",
    "true",
    "False",
    "TRUE",
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "n",
    "null",
    "Null",
    "~",
    "45%",
    "$1,000,000",
    "C# and F#",
    "a #comment",
    "http://example.com/a?b=c",
    "a:b",
    "a: b",
    "a:",
    "-5",
    "- a",
    "-",
    "--",
    "---",
    "...",
    "?x",
    "? x",
    ":x",
    "=",
    "<<",
    "&anchor x",
    "*alias",
    "!!str 7",
    "!custom x",
    "|",
    ">-",
    "%x",
    "@x",
    "`x`",
    '"quoted: text"',
    '"with \\" escape"',
    '"unclosed',
    '"a" trailing',
    '"a" # comment',
    "'single ''quoted'''",
    "'unclosed",
    "''",
    '""',
    "[a, b, c]",
    "[people, customer success]",
    "[1, 2.5, yes, ~]",
    "[a, [b, c]]",
    "[a, ]",
    "[a,, b]",
    "[]",
    "{}",
    "[a: 1]",
    "[\"q\", 'r']",
    "{title: Ship it, done: false}",
    '{title: "Ship: it", done: true}',
    "{a: 1, a: 2}",
    "{a:1}",
    "[a #b]",
    "[unclosed",
    "{x: [1, 2], y: {z: 3}}",
    "Übergröße",
    "日本語のタイトル",
    "emoji 🎯",
    "nbsp\u00a0inside",
    "trailing nbsp\u00a0",
    "\u3000ideographic",
    "en\u2002space",
    "line\u2028separator",
    "para\u2029graph",
    "next\x85line",
    "bom\ufeff",
    "tab\tinside",
    "bell\x07",
    "del\x7f",
    "a  ",
]

KEYS = [
    "title",
    "owner",
    "target",
    "key_results",
    "Key Results",
    "id",
    "2026-01",
    "2026-01-15",
    "1",
    "yes",
    "null",
    "a b",
    "x-y",
    "Überschrift",
    "a#b",
    "a:b",
    "<<",
    "? q",
    '"quoted"',
    "title ",
]

INDENTS = ["", "  ", "    ", "   ", "      "]


#: the strategies the generators below draw from, built once: a strategy
#: built afresh at every draw is validated and labelled afresh too, which cost
#: the generated-document tests most of their time; the values drawn and their
#: distribution are the same either way
_LINE_COUNT = st.integers(1, 12)
_INDENT = st.sampled_from(INDENTS)
_SHAPE = st.sampled_from(["key", "key", "key", "item", "item-key", "open", "comment", "blank"])
_KEY = st.sampled_from(KEYS)
_VALUE = st.sampled_from(VALUES)
_ITEM_GAP = st.sampled_from([" ", "   "])
_OPEN_TAIL = st.sampled_from(["", " ", " # note"])
_DOCUMENT_END = st.sampled_from(["\n", "", "\n\n"])


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(_LINE_COUNT)):
        indent = draw(_INDENT)
        shape = draw(_SHAPE)
        key = draw(_KEY)
        value = draw(_VALUE)
        if shape == "key":
            lines.append(f"{indent}{key}: {value}")
        elif shape == "item":
            lines.append(f"{indent}- {value}")
        elif shape == "item-key":
            lines.append(f"{indent}-{draw(_ITEM_GAP)}{key}: {value}")
        elif shape == "open":
            lines.append(f"{indent}{key}:{draw(_OPEN_TAIL)}")
        elif shape == "comment":
            lines.append(f"{indent}# {value}")
        else:
            lines.append(indent)
    return "\n".join(lines) + draw(_DOCUMENT_END)


_STEP = st.sampled_from([2, 4])
_ENTRY_COUNT = st.integers(1, 4)
_WRITTEN_KEY = st.sampled_from(KEYS[:12])
_KIND = st.sampled_from(["value", "value", "map", "list", "items", "comment"])
_LIST_TAIL = st.sampled_from(["", " # a list"])
_ITEM_COUNT = st.integers(1, 3)
_ONE_IN_SIX = st.integers(0, 5)
_BLANK = st.sampled_from(["", "   "])
#: a list under a key at its column or indented one step, by step width
_LIST_INDENT = {step: st.sampled_from(["", " " * step]) for step in (2, 4)}


@st.composite
def written_front_matter(draw: st.DrawFn) -> str:
    """A well-formed document in the shapes people write: nested mappings and
    lists by indentation (two or four spaces, lists under a key indented or
    not), ``- key: value`` items, one-line collections, comments and blank
    lines; its values and keys drawn from the traps above."""
    step = draw(_STEP)

    def mapping(indent: str, depth: int, first_prefix: str | None = None) -> list[str]:
        lines: list[str] = []
        for number in range(draw(_ENTRY_COUNT)):
            prefix = first_prefix if number == 0 and first_prefix is not None else indent
            key = draw(_WRITTEN_KEY)
            kind = draw(_KIND)
            if depth > 2:
                kind = "value"
            if kind == "map":
                lines.append(f"{prefix}{key}:")
                lines += mapping(indent + " " * step, depth + 1)
            elif kind in ("list", "items"):
                lines.append(f"{prefix}{key}:{draw(_LIST_TAIL)}")
                inner = indent + draw(_LIST_INDENT[step])
                for _ in range(draw(_ITEM_COUNT)):
                    if kind == "items":
                        lines += mapping(inner + "  ", depth + 1, first_prefix=inner + "- ")
                    else:
                        lines.append(f"{inner}- {draw(_VALUE)}")
            elif kind == "comment":
                lines.append(f"{indent}# {draw(_VALUE)}")
                lines.append(f"{prefix}{key}: {draw(_VALUE)}")
            else:
                lines.append(f"{prefix}{key}: {draw(_VALUE)}")
            if draw(_ONE_IN_SIX) == 0:
                lines.append(draw(_BLANK))
        return lines

    return "\n".join(mapping("", 0)) + "\n"


@settings(max_examples=2000, deadline=None)
@given(written_front_matter())
def test_written_documents_equal_to_pyyaml_or_step_aside(text: str) -> None:
    assert_same_or_aside(text)


@settings(max_examples=1500, deadline=None)
@given(front_matter())
@example("title: a\ntitle: b\n")
@example("a:\n- b\n- c\nd: e\n")
@example("- a:\n  - x\n- b\n")
@example("a:\n    b: 1\n  c: 2\n")
@example("a: b\n  c\n")
@example("a: [b,\n  c]\n")
@example("title: x\n  # a comment, indented\nowner: y\n")
@example("  title: x\n  owner: y\n")
@example("- 1\n- 2\n")
@example("- \n")
@example("k" * 1100 + ": v\n")
def test_equal_to_pyyaml_or_steps_aside(text: str) -> None:
    assert_same_or_aside(text)


@pytest.mark.parametrize("value", VALUES)
def test_each_value_alone_and_in_a_list(value: str) -> None:
    for text in (f"value: {value}\n", f"- {value}\n", f"list: [{value}]\n", f"m: {{k: {value}}}\n"):
        assert_same_or_aside(text)


def test_reads_what_people_write() -> None:
    """The shapes the reader exists for are read by it, not handed on."""
    texts = [
        "title: Grow revenue\nowner: Uma Diaz\ncycle: 2026-Q4\ntags: [growth, q4]\n",
        (
            'title: "Build trust: partners"\nkey_results:\n  - id: kr1\n    title: Raise MRR\n'
            "    start: 461.4\n    target: 3177\n    unit: kUSD\n  - id: kr2\n    milestones:\n"
            '      - {title: "Shortlist vendors", done: false}\n      - {title: Pilot, done: true}\n'
        ),
        "date: 2026-11-20\nconfidence: 7\nvalues:\n  kr1: 34\n  kr2: 12.5\n# a note\nnote: on track\n",
        "key_results:\n- title: Ship\n  target: 3\nowner: Ada   # the lead\n",
        "title: 'It''s done'\nweight: 1\nstatus: null\ndone: yes\n",
    ]
    for text in texts:
        assert assert_same_or_aside(text), text


def test_reads_every_file_of_the_example_site() -> None:
    read = 0
    files = sorted((ROOT / "content").rglob("*.md"))
    for path in files:
        parts = yamlsource.split(path.read_text(encoding="utf-8"))
        if parts is not None:
            read += assert_same_or_aside(parts.front_matter)
    assert read >= 0.9 * len(files)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 7\n",
        "a: |\n  text\n",
        "a: >\n  folded\n",
        "a: b\n\tc: d\n",
        "a: b\r\nc: d\r\n",
        "a: b\u2028c: d\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        '"a": 1\n',
        "a: 'x\n  y'\n",
    ],
)
def test_steps_aside_for_what_only_pyyaml_reads(text: str) -> None:
    assert read_plain(text) is NOT_PLAIN
    # and the loader gives PyYAML's value or error (a key written twice is
    # an error of okrsite's own, where PyYAML keeps the last)
    try:
        loaded = repr(yamlsource.load(text))
    except (yaml.YAMLError, ValueError, TypeError):
        loaded = "refused"
    expected = "refused" if text == "a: 1\na: 2\n" else pyyaml_outcome(text)
    assert loaded == expected


# Plain scalars for the copy of PyYAML's resolver: every first character its
# table dispatches on, each implicit type's forms and near misses.
RESOLVER_TRAPS = [
    "",
    "~",
    "null",
    "Null",
    "NULL",
    "nULL",
    "nul",
    "none",
    "None",
    "yes",
    "Yes",
    "YES",
    "yEs",
    "no",
    "No",
    "NO",
    "n",
    "y",
    "Y",
    "true",
    "True",
    "TRUE",
    "tRUE",
    "false",
    "off",
    "Off",
    "OFF",
    "on",
    "ON",
    "oN",
    "o",
    "0",
    "00",
    "0123",
    "0128",
    "0o17",
    "0b101",
    "0b12",
    "0x1F",
    "0xg",
    "-0x1F",
    "+7",
    "1_000",
    "1__0",
    "_1",
    "1:30",
    "1:60",
    "190:20:30",
    "-1:30",
    "1:30.5",
    "1.5",
    "1.",
    ".5",
    ".",
    "-.5",
    "1e3",
    "1.0e3",
    "1.0e+3",
    "1.0E-3",
    "+.inf",
    "-.Inf",
    ".INF",
    ".inf",
    ".nan",
    ".NaN",
    ".NAN",
    ".nAn",
    "-.nan",
    "1_000.5",
    "1.5_0",
    "2026-11-20",
    "2026-11-2",
    "2026-1-20 10:00:00",
    "2026-11-20T10:00:00Z",
    "2026-11-20 10:00:00.5 +02:00",
    "2026-11-20t10:00:00",
    "2026-11-20T10:00",
    "2026-Q4",
    "<<",
    "<",
    "=",
    "==",
    "!",
    "&",
    "*",
    "-",
    "+",
    "Ada Park",
    "7 days",
]


@pytest.mark.parametrize("text", RESOLVER_TRAPS)
def test_the_resolver_copy_types_as_pyyaml(text: str) -> None:
    plain_yaml._compile()
    expected = yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))
    assert plain_yaml._resolve(text) == expected


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789+-._:eExXbBoOaAfFnNiItTyYsSlLuU~<=Z \t", max_size=14))
def test_the_resolver_copy_types_generated_scalars_as_pyyaml(text: str) -> None:
    plain_yaml._compile()
    expected = yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))
    assert plain_yaml._resolve(text) == expected


def test_a_run_reading_usual_front_matter_does_not_import_pyyaml(tmp_path: Path) -> None:
    """Importing PyYAML is about a seventh of a build after one edit of the
    example site: files in the usual shape are read without it, and the
    first file that needs it (an alias here) brings it in."""
    site = tmp_path / "site"
    (site / "content" / "objectives").mkdir(parents=True)
    (site / "okrsite.toml").write_text('title = "Acme"\n')
    (site / "content" / "objectives" / "grow.md").write_text(
        "---\ntitle: Grow revenue\ncycle: 2026-Q4\nowner: Uma Diaz\ntags: [growth]\n"
        "key_results:\n  - id: arr\n    title: Reach 10 MUSD ARR\n    start: 4\n"
        "    target: 10\n    current: 5.5\n---\nWhy it matters.\n"
    )
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from okrsite.pipeline import load_site\n"
        "result = load_site(Path(sys.argv[1]))\n"
        "print(len(result.scored.portfolio.objectives), 'yaml' in sys.modules)\n"
    )
    run = [sys.executable, "-c", script, str(site)]
    assert subprocess.run(run, capture_output=True, text=True, check=True).stdout.split() == [
        "1",
        "False",
    ]
    (site / "content" / "objectives" / "keep.md").write_text(
        "---\ntitle: &t Keep customers\ncycle: 2026-Q4\nowner: Uma Diaz\nsummary: *t\n---\n"
    )
    assert subprocess.run(run, capture_output=True, text=True, check=True).stdout.split() == [
        "2",
        "True",
    ]


#: values people write before a '#' that YAML reads as a comment, and after it
CUT_VALUES = ["Become the", "sales-emea/emea", "Rank", "7", "2026-11-20", "yes", "C# and F#", "x:y"]
CUT_TAILS = ["#1 vendor in DACH", "#dach", "# a note", "#5", "#", "#Über"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["title", "Title", "parent", "supports", "owner", "target", "note"]),
            st.sampled_from(CUT_VALUES),
            st.sampled_from([" ", "  ", "    "]),
            st.sampled_from(CUT_TAILS),
            st.booleans(),  # in a key result (a list item) or at the top
        ),
        min_size=1,
        max_size=6,
        unique_by=lambda entry: (entry[0].lower(), entry[4]),
    )
)
def test_comment_cuts_are_found_alike_whichever_reader_reads(
    entries: list[tuple[str, str, str, str, bool]],
) -> None:
    """Values cut short by a comment (``title: Become the #1``): the quick
    reader and PyYAML read the same value, and OKR130 (okrsite.comment_cuts,
    which reads the text, not either reader's values) is found exactly at the
    text keys whose value both read as text and whose comment starts with a
    letter or digit, naming that value; the same file made PyYAML's alone (an
    anchor) gives the same findings."""
    from okrsite.comment_cuts import TEXT_KEYS, comment_cuts

    top = [e for e in entries if not e[4]]
    inner = [e for e in entries if e[4]]
    lines = [f"{k}:{v and ' '}{v}{gap}{tail}" for k, v, gap, tail, _ in top]
    if inner:
        lines.append("key_results:")
        for n, (k, v, gap, tail, _) in enumerate(inner):
            lines.append(f"{'  - ' if n == 0 else '    '}{k}: {v}{gap}{tail}")
    text = "\n".join(lines) + "\n"
    assert_same_or_aside(text)
    value = pyyaml(text)
    expected = set()
    for number, (k, _, _, tail, in_list) in enumerate([*top, *inner]):
        got = value["key_results"][0][k] if in_list else value[k]
        is_date = got == "2026-11-20"  # a date is kept as text, but is none
        if k.lower() in TEXT_KEYS and isinstance(got, str) and not is_date and tail[1:2].isalnum():
            expected.add((number + (2 if in_list else 1), repr(got)))
    for source in (text, "anchored: &a x\n" + text):
        found = comment_cuts("f.md", yamlsource.Split(source, "", 1, 1))
        offset = 1 if source is not text else 0
        said = {
            (d.line - offset, d.message.split(" is read as ")[1].split(": ' #'")[0]) for d in found
        }  # type: ignore[operator]
        assert said == expected, source
    assert read_plain("anchored: &a x\n" + text) is NOT_PLAIN


#: figures as people write them inside ``{…}``, most of which YAML splits at
#: their comma into a value and a key with no value (``7,5``: 7 and a key 5)
SPLIT_FIGURES = [
    "7,5",
    "2,5",
    "12,5",
    "2,5 M€",
    "1,5 M€",
    "1 500,25",
    "1\u00a0500,25",
    "1\u202f800,25",
    "$1,000,000",
    "1,000,000",
    "1.200,50 €",
    "1,234.5",
    "2,25",
    "13",
    "x",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "target", "current", "2026-10-01"]),
            st.sampled_from(SPLIT_FIGURES),
        ),
        min_size=1,
        max_size=5,
        unique_by=lambda entry: entry[0],
    ),
    st.booleans(),
)
@example([("target", "7,5"), ("current", "2,5")], False)
@example([("a", "2,5 M€"), ("b", "1,5 M€")], True)
def test_figures_split_at_their_comma_are_read_alike_by_every_reader(
    entries: list[tuple[str, str]], in_list: bool
) -> None:
    """Two figures with the same decimals in one ``{…}`` make YAML's key
    (``5``) twice; it is a piece of each figure (reported one by one as
    OKR102 by okrsite.parse_number_marks), no key written twice: the quick
    reader steps aside, and PyYAML's quick construction, its own
    constructor (a merge key sends the text there) and the reading on
    despite keys written twice all give PyYAML's value, none refuses it as
    OKR007."""
    flow = "{" + ", ".join(f"{key}: {figure}" for key, figure in entries) + "}"
    text = f"key_results:\n  - {flow}\n" if in_list else f"values: {flow}\n"
    assert read_plain(text) is NOT_PLAIN or assert_same_or_aside(text)
    for source in (text, text + "links: {<<: {z: 1}}\n"):
        assert repr(yamlsource.load(source)) == pyyaml_outcome(source), source
        value, twice = pyyaml_front_matter.load_despite_duplicates(source)
        assert twice == [] and repr(value) == pyyaml_outcome(source), source


@pytest.mark.parametrize("flow", ["{a: 7, 5, b: 2, 5}", "{a: 7,5, 5: 3}", "{5: 1, 5: 2}"])
def test_a_key_written_twice_beside_split_figures_is_still_refused(flow: str) -> None:
    """A key the writer wrote (after a space, or with a value) is no piece of
    a figure: written twice, every reader refuses it (OKR007)."""
    for source in (f"values: {flow}\n", f"values: {flow}\nlinks: {{<<: {{z: 1}}}}\n"):
        with pytest.raises(pyyaml_front_matter.DuplicateKeyError):
            yamlsource.load(source)
        _, twice = pyyaml_front_matter.load_despite_duplicates(source)
        assert [key for key, _lines in twice] == ["5"]
