"""The cheaper path of a warning gives the same bytes as the plain one.

Locating a diagnostic reuses the node tree the front matter was loaded from
instead of composing the YAML again, and "did you mean" hints are memoised;
these tests parse files written the ways people write them (anchors, merge
keys, flow mappings, comments, odd keys) both ways and compare every
diagnostic, line and column.
"""

from __future__ import annotations

import difflib

import pytest

from okrsite import parse, pyyaml_front_matter, yamlsource
from okrsite.parse import closest, parse_file

FILES = {
    "plain": "---\ntitle: Grow\ncycle: 2026-Q4\ncolour: teal\nowner: uma\n---\nBody\n",
    "nested": (
        "---\ntitle: Grow\ncycle: 2026-Q4\nkey_results:\n"
        "  - id: a\n    title: A\n    start: 0\n    target: 4\n    colur: red\n"
        "  - {id: b, title: B, start: x, target: 4, wat: 1}\n"
        "tittle: typo\n---\n"
    ),
    "anchors": (
        "---\ntitle: &t Grow\ncycle: 2026-Q4\nsummary: *t\nkey_results:\n"
        "  - &kr {id: a, title: A, start: 0, target: 4}\n  - *kr\nextra: 1\n---\n"
    ),
    "merge key": (
        "---\ntitle: Grow\ncycle: 2026-Q4\nbase: &b {start: 0, target: 4}\n"
        "key_results:\n  - <<: *b\n    id: a\n    title: A\n    bogus: 2\n---\n"
    ),
    "comments and flow": (
        "---\n# a comment\ntitle: Grow  # trailing\ncycle: 2026-Q4\n"
        "tags: [a, b,\n  c]\n'quoted key': 1\n? complex\n: 2\n---\n"
    ),
    "check-in": (
        "---\nobjective: sales/emea\ndate: 2026-11-03\nconfidence: 11\n"
        "values: {kr1: 3, kr9: 4}\nmood: good\n---\n"
    ),
    "broken": "---\ntitle: [Grow\ncycle: 2026-Q4\n---\n",
}


def _parse(name: str, text: str) -> parse.ParsedFile:
    folder = "checkins" if name == "check-in" else "objectives"
    return parse_file(f"content/{folder}/{name.replace(' ', '-')}.md", text.encode())


@pytest.mark.parametrize("name", list(FILES))
def test_located_diagnostics_are_the_same_with_the_reused_node_tree(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reused = _parse(name, FILES[name])
    # the slow path: every locate composes the text again
    monkeypatch.setattr(pyyaml_front_matter, "_last_composed", None)
    original_load = yamlsource.load

    def load_forgetting(fm: str) -> object:
        value = original_load(fm)
        pyyaml_front_matter._last_composed = None
        return value

    monkeypatch.setattr(yamlsource, "load", load_forgetting)
    composed = _parse(name, FILES[name])
    assert reused.diagnostics == composed.diagnostics
    assert [(d.line, d.column) for d in reused.diagnostics] == [
        (d.line, d.column) for d in composed.diagnostics
    ]
    if name not in ("broken", "anchors"):
        assert reused.diagnostics, "no diagnostic: the test compares nothing"


@pytest.mark.parametrize(
    ("name", "candidates"),
    [
        ("colour", ["color", "title", "owner"]),
        ("tittle", {"title", "tags", "team"}),
        ("x_unknown", {"title", "cycle"}),
        ("ab", ["ba", "ab", "abc"]),
        ("tag", ["tags", "tab", "tax"]),  # ties go to the smaller name, in any order
        ("tag", ["tax", "tab", "tags"]),
    ],
)
def test_did_you_mean_is_what_difflib_says(name: str, candidates: list[str] | set[str]) -> None:
    parse._CLOSEST.clear()
    expected = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    first = closest(name, candidates)
    assert first == (expected[0] if expected else None)
    assert closest(name, candidates) == first  # memoised
