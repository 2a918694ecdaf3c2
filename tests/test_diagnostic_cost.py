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


UNKNOWN_KEYS = {
    # the same stray key in two check-ins, an objective and one of its key results
    # (KPI check-ins: in an objective's, a key at the top may be a key result's
    # value, which resolving judges)
    "content/checkins/nps/2026-11-03.md": (
        "---\nkpi: nps\ndate: 2026-11-03\nvalue: 3\nmood: good\n---\n"
    ),
    "content/checkins/nps/2026-11-10.md": (
        "---\nkpi: nps\ndate: 2026-11-10\nvalue: 5\nmood: tired\n---\n"
    ),
    "content/objectives/sales.md": (
        "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\nmood: good\nkey_results:\n"
        "  - {id: calls, title: Calls, start: 0, target: 40, mood: ok, type: numeric}\n---\n"
    ),
}


def _unknown_key_findings() -> dict[str, list[tuple[object, ...]]]:
    found = {}
    for rel, text in UNKNOWN_KEYS.items():
        diags = parse_file(rel, text.encode()).diagnostics
        found[rel] = [(d.message, d.hint, d.key_path, d.line, d.column) for d in diags]
    return found


def test_an_unknown_key_warned_of_again_reads_as_the_first_time() -> None:
    parse._UNKNOWN_KEYS.clear()
    first = _unknown_key_findings()
    again = _unknown_key_findings()  # from the memo
    assert again == first
    checkin_a, checkin_b = (first[rel][0] for rel in list(UNKNOWN_KEYS)[:2])
    assert checkin_a[0] == "unknown key 'mood' in a checkin is ignored"
    assert checkin_a[1] is not None and checkin_a[1].startswith("known keys: author, comment")
    assert checkin_a[3:] == (5, 1) and checkin_b[3:] == (5, 1)
    # the same objects each time: a pickle writes the second as a reference
    assert checkin_a[0] is checkin_b[0] and checkin_a[1] is checkin_b[1]
    assert checkin_a[2] is checkin_b[2] == ("mood",)
    objective = first["content/objectives/sales.md"]
    assert [(m, p) for m, _, p, _, _ in objective] == [
        ("unknown key 'mood' in an objective is ignored", ("mood",)),
        ("unknown key 'mood' in a key result is ignored", ("key_results", 0, "mood")),
        ("unknown key 'type' in a key result is ignored", ("key_results", 0, "type")),
    ]
    assert objective[0][1] != checkin_a[1]  # each kind's own known keys
    assert objective[2][1] == parse._KR_KIND  # the key result's own hint for type:
