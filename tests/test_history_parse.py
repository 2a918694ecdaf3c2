"""The history's incremental parse reads every version exactly as the site's parser does.

:func:`okrsite.history_parse.parse_version` loads only the blocks of a file
that changed since its previous version. Each test walks a chain of versions
the way people edit goal files (and the odd ways YAML allows) and holds every
version's record equal to :func:`okrsite.parse.parse_file`'s.
"""

from __future__ import annotations

import random
import re

import pytest

from okrsite import history_commits, history_parse, parse, yamlsource
from okrsite.history_parse import (
    Version,
    parse_version,
    patched_item,
    resplit_blocks,
    split_blocks,
    split_items,
)
from okrsite.model import KPI, CheckIn, Objective

REL = "content/objectives/sales/grow-emea.md"

BASE = """---
title: "Grow EMEA revenue"
cycle: 2026-Q1
owner: Dana Kim
team: sales
commitment: committed
tags: [growth, emea]
key_results:
  - id: revenue
    title: "Reach 1.2M EUR in new contracts"
    start: 0
    target: 1200000
    unit: EUR
  - id: nps
    title: Keep NPS above 40
    stay_above: 40
    current: 44
  - title: Launch the partner portal
    milestones:
      - {title: Design, done: true}
      - {title: Build, done: false}
initiatives:
  - {title: Hire two account executives, status: active}
---
Why this matters: EMEA is our fastest-growing region.
"""


def readable(parsed: parse.ParsedFile) -> object:
    """What the history reads of a whole parse: its record, or none for a
    version with errors (skipped, as ``okrsite diff`` calls it unreadable)."""
    return None if parsed.broken else parsed.record


def chain(versions: list[str], rel: str = REL) -> list[Version]:
    """Parse ``versions`` one after the other and hold each to parse_file's record."""
    out: list[Version] = []
    previous: Version | None = None
    for i, text in enumerate(versions):
        raw = text.encode("utf-8")
        got = parse_version(rel, raw, previous)
        want = readable(parse.parse_file(rel, raw))
        assert got.record == want, f"version {i} differs:\n{text}"
        if previous is not None and previous.blocks is not None and got.blocks is not None:
            cut = resplit_blocks(previous.fm, previous.blocks, got.fm)
            assert cut is None or cut == split_blocks(got.fm), f"version {i} cut differently"
        out.append(got)
        previous = got
    return out


def test_a_moved_target_and_a_new_owner_are_read_from_the_changed_blocks_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    v1 = BASE.replace("target: 1200000", "target: 1000000")
    v2 = v1.replace("owner: Dana Kim", "owner: Lee Park")
    v3 = v2.replace("Why this matters", "Why it matters")  # the body only
    loaded: list[str] = []
    real_load = history_parse.yamlsource.load

    def counting_load(text: str) -> object:
        loaded.append(text)
        return real_load(text)

    versions: list[Version] = []
    for text in (BASE, v1, v2, v3):
        with monkeypatch.context() as patch:
            patch.setattr(history_parse.yamlsource, "load", counting_load)
            got = parse_version(REL, text.encode(), versions[-1] if versions else None)
        assert got.record == readable(parse.parse_file(REL, text.encode()))
        versions.append(got)
    assert all(v.blocks is not None for v in versions)
    # the whole front matter once, then the owner line, nothing: the moved
    # target is the previous key result with its number replaced
    assert len(loaded) == 2
    assert loaded[1] == "owner: Lee Park\n"
    assert versions[1].record.key_results[0].target == 1000000
    assert versions[1].record.key_results[0] is not versions[0].record.key_results[0]
    assert versions[1].record.key_results[1] is versions[0].record.key_results[1]


def test_key_results_added_removed_reordered_and_renamed() -> None:
    added = BASE.replace(
        "initiatives:",
        "  - id: churn\n    title: Cut churn to 2%\n    target: 2\n    start: 5\ninitiatives:",
    )
    removed = added.replace(
        "  - id: nps\n    title: Keep NPS above 40\n    stay_above: 40\n    current: 44\n", ""
    )
    lines = BASE.split("\n")
    revenue = "\n".join(lines[9:14]) + "\n"
    nps = "\n".join(lines[14:18]) + "\n"
    reordered = BASE.replace(revenue + nps, nps + revenue)
    renamed = reordered.replace("id: revenue", "id: contracts")
    duplicate = renamed.replace("id: nps", "id: contracts")  # an error: the id twice
    fixed = duplicate.replace("id: contracts\n    title: Keep", "id: nps\n    title: Keep")
    bad_id = fixed.replace("id: nps", "id: 'n p s'")
    chain([BASE, added, removed, BASE, reordered, renamed, duplicate, fixed, bad_id, BASE])


def test_lists_written_at_the_start_of_the_line_and_flow_lists() -> None:
    compact = BASE.replace("\n  - id:", "\n- id:").replace(
        "\n  - title: Launch", "\n- title: Launch"
    )
    compact = compact.replace("\n    ", "\n  ").replace("\n        - {", "\n    - {")
    moved = compact.replace("target: 1200000", "target: 900000")
    flow = BASE.replace(
        BASE[BASE.index("key_results:") : BASE.index("initiatives:")],
        "key_results: [{id: a, title: One, target: 3}, {id: b, title: Two, done: false}]\n",
    )
    flow2 = flow.replace("target: 3", "target: 4")
    chain([BASE, compact, moved, compact, flow, flow2, BASE])


def test_comments_blank_lines_and_block_text() -> None:
    commented = BASE.replace(
        "key_results:\n", "# the key results, agreed on 2026-01-05\nkey_results:  # three\n\n"
    )
    described = commented.replace(
        "team: sales\n", "team: sales\ndescription: |\n  First line\n\n  # not a comment\n"
    )
    kept = described.replace("description: |", "description: |+")
    folded = kept.replace("description: |+", "description: >-")
    item_text = described.replace(
        "    unit: EUR\n", "    unit: EUR\n    description: |\n      Signed\n\n      contracts\n"
    )
    item_text2 = item_text.replace("      contracts\n", "      contracts only\n")
    chain([BASE, commented, described, kept, folded, described, item_text, item_text2, BASE])


def test_unusual_yaml_is_read_whole_and_still_right() -> None:
    quoted_key = BASE.replace("owner: Dana Kim", '"owner": Dana Kim')
    alias = BASE.replace("owner: Dana Kim", "owner: &who Dana Kim").replace(
        "team: sales", "team: *who"
    )
    alias2 = alias.replace("&who Dana Kim", "&who Lee Park")
    multiline = BASE.replace('title: "Grow EMEA revenue"', 'title: "Grow EMEA\nrevenue: fast"')
    plain_multi = BASE.replace('title: "Grow EMEA revenue"', "title: Grow EMEA\n  revenue")
    twice = BASE.replace("team: sales\n", "team: sales\nowner: Lee Park\n")
    yes_key = BASE.replace("commitment: committed", "yes: committed")
    tab = BASE.replace("team: sales", "team:\tsales")
    escaped = BASE.replace('"Grow EMEA revenue"', '"Grow \\u0007 EMEA"')
    not_yaml = BASE.replace("owner: Dana Kim", "owner: [Dana Kim")
    merge = BASE.replace("owner: Dana Kim", "<<: {owner: Dana Kim}")
    chain(
        [
            BASE,
            quoted_key,
            BASE,
            alias,
            alias2,
            BASE,
            multiline,
            BASE,
            plain_multi,
            twice,
            BASE,
            yes_key,
            tab,
            escaped,
            not_yaml,
            BASE,
            merge,
            BASE,
        ]
    )


def test_files_that_are_not_goals_yet() -> None:
    crlf = BASE.replace("\n", "\r\n")
    bom = "\ufeff" + BASE
    chain(
        [
            "",
            "no front matter",
            BASE,
            crlf,
            bom,
            "---\n---\nempty front matter\n",
            BASE,
            "---\n- a\n- b\n---\n",
            BASE.replace("cycle: 2026-Q1\n", ""),
            BASE.replace("cycle: 2026-Q1\n", "type: kpi\n"),
            BASE.replace("cycle: 2026-Q1\n", "cycle: 2026-Q1\nid: sales/other\n"),
            BASE,
        ]
    )


def test_kpis_and_check_ins() -> None:
    kpi = """---
title: Monthly recurring revenue
owner: Dana Kim
unit: kEUR
direction: up
target: 500
values:
  2026-01-31: 410
  2026-02-28: 432
---
"""
    chain(
        [kpi, kpi.replace("target: 500", "target: 520"), kpi + "", kpi.replace("432", "440")],
        "content/kpis/sales/mrr.md",
    )
    checkin = """---
objective: sales/grow-emea
date: 2026-02-03
author: Dana Kim
confidence: medium
values:
  revenue: 420000
  nps: 45
---
Two contracts signed.
"""
    chain(
        [checkin, checkin.replace("420000", "450000"), checkin.replace("medium", "high")],
        "content/checkins/sales/grow-emea/2026-02-03.md",
    )
    # a version whose date cannot be read is no check-in in the history (the
    # site parses it, with its date's error, only to check its references)
    rel = "content/checkins/sales/grow-emea/2026-02-03.md"
    undated = checkin.replace("2026-02-03", "2026-02-30").encode()
    assert parse.parse_file(rel, undated).broken
    dated = parse_version(rel, checkin.encode(), None)
    assert history_commits._record(dated) == dated.record
    assert history_commits._record(parse_version(rel, undated, None)) is None
    assert history_commits._record(parse_version(rel, undated, dated)) is None


def test_random_edits_keep_every_version_equal_to_a_whole_parse() -> None:
    """Lines deleted, repeated, re-indented and replaced at random, 400 versions."""
    rng = random.Random(13)
    pool = [
        "owner: Lee Park",
        "  - id: extra",
        "    title: Extra result",
        "    target: 7",
        "- id: top",
        "# a comment",
        "",
        "status: draft",
        "weight: 2",
        "  # indented comment",
        "    done: true",
        "key_results:",
        "description: |",
        "  text",
        "\tbad",
        "'quoted': key",
    ]
    lines = BASE.split("\n")
    fm_end = lines.index("---", 1)
    versions = [BASE]
    for _ in range(400):
        fm = lines[1:fm_end]
        at = rng.randrange(len(fm) + 1)
        action = rng.random()
        if action < 0.3 and fm:
            del fm[min(at, len(fm) - 1)]
        elif action < 0.5 and fm:
            fm.insert(at, fm[min(at, len(fm) - 1)])
        elif action < 0.65 and fm:
            i = min(at, len(fm) - 1)
            fm[i] = rng.choice(["", "  ", "    "]) + fm[i].lstrip(" ")
        elif action < 0.8 and fm:
            i = min(at, len(fm) - 1)
            fm[i] = (
                fm[i]
                .replace("1200000", str(rng.randrange(1000)))
                .replace("40", str(rng.randrange(100)))
            )
        else:
            fm.insert(at, rng.choice(pool))
        if rng.random() < 0.1:
            fm = BASE.split("\n")[1 : BASE.split("\n").index("---", 1)]
        lines = ["---", *fm, *lines[fm_end:]]
        fm_end = len(fm) + 1
        versions.append("\n".join(lines))
    got = chain(versions)
    assert sum(v.blocks is not None for v in got) > 100  # the incremental path was taken


def test_split_blocks_and_items() -> None:
    fm = "# intro\ntitle: A\nkey_results:\n- id: a\n  target: 1\n- id: b\n\nowner: x\n"
    blocks = split_blocks(fm)
    assert blocks == {
        "title": "title: A\n",
        "key_results": "key_results:\n- id: a\n  target: 1\n- id: b\n\n",
        "owner": "owner: x\n",
    }
    assert split_items(blocks["key_results"]) == ["- id: a\n  target: 1\n", "- id: b\n\n"]
    assert split_blocks("title: A\ntitle: B\n") is None
    assert split_blocks('"title": A\n') is None
    assert split_blocks("  title: A\n") is None
    assert split_items("key_results: []\n") is None
    assert split_items("key_results:\n    - a\n  - b\n") is None


def _loaded_item(text: str) -> object:
    return yamlsource.load(text)[0]


def _same(a: object, b: object) -> bool:
    """Equal, and of the same types all the way down (1 and 1.0 and True differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    return bool(a == b)


def test_a_changed_number_is_patched_only_where_yaml_reads_the_same() -> None:
    item = '  - id: revenue\n    title: "Reach 1.2M ARR"\n    start: 0\n    target: 1200000\n'
    plain = [
        (item, item.replace("target: 1200000", "target: 1000000.5")),
        (item, item.replace("start: 0", "start: -3")),
        (
            item + "    unit: EUR # money\n",
            item.replace("1200000", "7") + "    unit: EUR # money\n",
        ),
        (
            item + "    milestones:\n      - {title: 'A', done: false}\n",
            item.replace("1200000", "8") + "    milestones:\n      - {title: 'A', done: false}\n",
        ),
    ]
    for old, new in plain:
        got = patched_item(old, _loaded_item(old), new)
        assert got is not None, new
        assert _same(got, _loaded_item(new)), new
    refused = [
        (item, item.replace("1200000", "012")),  # octal to YAML 1.1
        (item, item.replace("1200000", "1e3")),  # text to YAML 1.1
        (item, item.replace("1200000", "1_000")),
        (item, item.replace("1200000", "+5")),
        (item, item.replace("target: 1200000", "target: 5\n")),  # a line more
        (item, item.replace("start: 0", "start: 1").replace("1200000", "2")),  # two lines
        (item, item.replace("target: 1200000", "target: '5'")),
        (item, item.replace("title", "name")),  # not a number
        # the changed line sits inside a quoted text or a flow list begun above it
        (
            '  - id: a\n    title: "Reach\n    target: 5"\n    target: 5\n',
            '  - id: a\n    title: "Reach\n    target: 6"\n    target: 5\n',
        ),
        (
            "  - id: a\n    tags: [x,\n    target: 5]\n",
            "  - id: a\n    tags: [x,\n    target: 6]\n",
        ),
        (
            "  - id: a\n    title: It's\n    target: 5\n",
            "  - id: a\n    title: It's\n    target: 6\n",
        ),
        # a nested key of the same name, not the item's own
        (
            "  - id: a\n    target: 5\n    milestones:\n      - target: 5\n",
            "  - id: a\n    target: 5\n    milestones:\n      - target: 6\n",
        ),
        (
            "  - id: a\n    start: &n 5\n    target: 5\n",
            "  - id: a\n    start: &n 5\n    target: 6\n",
        ),
    ]
    for old, new in refused:
        try:
            before = _loaded_item(old)
        except Exception:
            continue  # YAML refuses the old text: nothing to patch from
        assert patched_item(old, before, new) is None, new


def test_random_items_are_patched_exactly_as_yaml_reads_them() -> None:
    """Items made of plain, quoted and flow values, lines re-indented at random:
    whenever a one-number change is patched, YAML reads the new text the same."""
    rng = random.Random(2026)
    values = ["5", "0.5", "-2", '"a: b"', "'x'", "[1, 2]", "{a: 1}", '"open', "[open", "text", "''"]
    patched = 0
    for _ in range(3000):
        lines = ["  - id: a"]
        for _ in range(rng.randrange(1, 6)):
            indent = rng.choice(["    ", "    ", "      ", "  "])
            lines.append(
                f"{indent}{rng.choice(['start', 'target', 'title', 'x'])}: {rng.choice(values)}"
            )
        numeric = [i for i, line in enumerate(lines) if re.fullmatch(r" +\w+: -?[0-9.]+", line)]
        if not numeric:
            continue
        at = rng.choice(numeric)
        old = "\n".join(lines) + "\n"
        lines[at] = lines[at].rsplit(": ", 1)[0] + ": " + rng.choice(["7", "7.25", "-1", "0"])
        new = "\n".join(lines) + "\n"
        try:
            before = _loaded_item(old)
        except Exception:
            continue
        got = patched_item(old, before, new)
        if got is None:
            continue
        patched += 1
        assert _same(got, _loaded_item(new)), (old, new)
    assert patched > 50


TRICKY = """---
# a comment before the keys
title: "Cut costs"
cycle: 2026-Q1
owner: Dana Kim
weight: 2
key_results:
  # a comment before the first item
  - id: spend
    title: "Spend under
    target: 5 million"
    start: 10
    target: 4
    unit: MEUR
  - id: spend
    title: the same id twice
    target: 3
  - id: nested
    target: 7
    milestones:
      - {title: A, done: true}
      - title: B
        target: 2
  - id: text
    title: |
      Block text with
        target: 9
    start: 0
    target: 1
  - id: same
    target: 1
  - id: same2
    target: 1
  - id: flow
    tags: [a,
      b]
    start: 1
    target: 2
initiatives:
  - title: Hire
    budget: 5
---
Body text.
"""


def test_one_number_moved_reads_every_version_as_a_whole_parse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Versions that each move one number anywhere in the front matter (in a key
    result, inside quoted or block text that looks like a key, in a nested list,
    in the initiatives, at the top level), written as plain decimals and as
    forms YAML reads otherwise (``012``, ``1e3``, ``1_000``): the shortcut for one
    moved number (:func:`history_parse._one_number_moved`) gives every version
    the record :func:`parse.parse_file` gives, and it is taken for most of them."""
    taken: list[bool] = []
    real = history_parse._one_number_moved

    def counting(*args: object) -> object:
        got = real(*args)  # type: ignore[arg-type]
        taken.append(got is not None)
        return got

    monkeypatch.setattr(history_parse, "_one_number_moved", counting)
    rng = random.Random(7)
    plain = ["0", "5", "-2", "7.25", "1200000", "0.5"]
    numbers = [*plain * 3, "012", "1e3", "1_000", "+4", "9 # note", ".5"]
    # the list written at the line's start, as YAML allows
    flush = BASE.replace("\n  - ", "\n- ").replace("\n    ", "\n  ")
    cases = ((BASE, True, 150), (TRICKY, False, 10), (flush, True, 100))
    for base, indented_only, least in cases:
        text = base
        versions = [text]
        lines = text.split("\n")
        spot = r" +\w+: [\w.-]+" if indented_only else r" *\w+: [\w.-]+"
        # (not the cycle: an objective without one has no record to build on)
        numeric = [
            i
            for i, line in enumerate(lines)
            if re.fullmatch(spot, line) and not line.startswith("cycle")
        ]
        taken.clear()
        for _ in range(300):
            lines = text.split("\n")
            at = rng.choice(numeric)
            lines[at] = lines[at].split(": ", 1)[0] + ": " + rng.choice(numbers)
            text = "\n".join(lines)
            versions.append(text)
        chain(versions)
        assert least < sum(taken) < len(taken), base


CYCLE = "cycle: 2026-Q1\n"


@pytest.mark.parametrize(
    ("rel", "text", "skipped"),
    [
        ("content/people/uma-diaz.md", "---\ntitle: Uma Diaz\nrole: Engineer\n---\n", True),
        ("content/teams/sales.md", "---\ntitle: Sales\nlead: Uma Diaz\n---\nWe sell.\n", True),
        ("content/pages/about.md", "---\ntitle: About\n---\nWho we are.\n", True),
        # a type: line makes any file whatever it declares, in any case
        ("content/people/uma-diaz.md", BASE.replace(CYCLE, CYCLE + "type: objective\n"), False),
        ("content/teams/sales.md", BASE.replace(CYCLE, CYCLE + "Type: objective\n"), False),
        ("content/pages/q.md", BASE.replace(CYCLE, CYCLE + "TYPE: objective\n"), False),
        # a quoted key may spell the letters as escapes
        ("content/people/x.md", BASE.replace(CYCLE, CYCLE + '"\\x74ype": objective\n'), False),
        # the word in the body is enough to parse it (nothing is skipped in doubt)
        ("content/people/uma-diaz.md", "---\ntitle: Uma Diaz\n---\nMy type of work.\n", False),
        # other folders are always parsed
        (REL, BASE, False),
        ("content/checkins/sales/grow-emea/2026-01-05.md", "---\nvalues: {}\n---\n", False),
        ("content/notes/x.md", "---\ntitle: x\n---\n", False),
    ],
)
def test_files_that_hold_no_goal_are_told_without_parsing(
    rel: str, text: str, skipped: bool
) -> None:
    """The history skips the versions of team, person and page files that surely
    hold no goal, KPI or check-in; whenever it skips one, the site's parser
    agrees that the file holds none."""
    raw = text.encode()
    assert history_parse.holds_no_goal(rel, raw) is skipped
    record = parse.parse_file(rel, raw).record
    if skipped:
        assert not isinstance(record, (KPI, CheckIn, Objective))
    elif "type: objective" in text.lower() or "\\x74ype" in text:
        assert isinstance(record, Objective)


def test_random_team_and_person_files_skipped_only_when_they_hold_no_goal() -> None:
    """Generated files in the folders the history may skip, some declaring another
    kind: a skipped version never parses to a goal, KPI or check-in."""
    rng = random.Random(13)
    kinds = ["objective", "kpi", "checkin", "person", "team", "page"]
    skipped = 0
    for n in range(400):
        folder = rng.choice(["people", "teams", "pages"])
        lines = [f"title: Name {n}"]
        if rng.random() < 0.4:
            key = rng.choice(["type", "Type", "TYPE", " type", "tYpE"])
            lines.append(f"{key}: {rng.choice(kinds)}")
        if rng.random() < 0.3:
            lines.append("owner: Uma Diaz\ncycle: 2026-Q1")
        if rng.random() < 0.3:
            lines.append("key_results:\n  - title: Ship it\n    target: 3")
        rng.shuffle(lines)
        rel = f"content/{folder}/f{n}.md"
        raw = ("---\n" + "\n".join(lines) + "\n---\nBody.\n").encode()
        if history_parse.holds_no_goal(rel, raw):
            skipped += 1
            record = parse.parse_file(rel, raw).record
            assert not isinstance(record, (KPI, CheckIn, Objective)), raw
    assert 100 < skipped < 400


def _by_text(version: Version) -> Version:
    """``version`` without its kept bytes: the next version is then read from its text."""
    return Version(
        version.record,
        version.fm,
        version.blocks,
        version.values,
        version.items,
        version.memo,
    )


def test_a_version_read_from_the_changed_bytes_equals_one_read_from_its_text() -> None:
    """Random edits of one line anywhere in a file (front matter, its ``---`` lines,
    the body), by plain text and by what the byte shortcut must refuse (a
    ``---`` line, a tab, a backslash, a control character, a line break, a
    non-ASCII letter, a carriage return): each version read on from the
    previous version's bytes (:func:`history_parse._same_but_one_line`) has
    the record, front matter, blocks and values of the same version read on
    from the previous version's text, and of a whole parse."""
    rng = random.Random(24)
    plain = ["7", "12.5", "x", " ", "Uma Diaz", ":", "-"]
    refused_by_bytes = ["---", "\t", "\\", "\x07", "\n", "é", "\r"]
    taken = refused = 0
    for base in (BASE, BASE.replace("\n  - ", "\n- ").replace("\n    ", "\n  ")):
        good = base
        previous: Version | None = None
        for _ in range(400):
            lines = good.split("\n")
            i = rng.randrange(len(lines))
            cut = rng.randrange(len(lines[i]) + 1)
            end = min(len(lines[i]), cut + rng.randrange(3))
            insert = rng.choice(plain if rng.random() < 0.8 else refused_by_bytes)
            if rng.random() < 0.1:  # the whole line's text replaced: "---" ends the front matter
                lines[i] = lines[i][: len(lines[i]) - len(lines[i].lstrip())] + insert
            else:
                lines[i] = lines[i][:cut] + insert + lines[i][end:]
            text = "\n".join(lines)
            raw = text.encode("utf-8", "surrogatepass")
            whole = readable(parse.parse_file(REL, raw))
            if previous is None:
                got = parse_version(REL, raw, None)
            else:
                shortcut = previous.parts is not None and (
                    history_parse._same_but_one_line(previous, raw) is not None
                )
                taken += shortcut
                refused += previous.parts is not None and not shortcut
                got = parse_version(REL, raw, previous)
                by_text = parse_version(REL, raw, _by_text(previous))
                assert got.record == by_text.record, text
                assert (got.fm, got.blocks, got.values) == (
                    by_text.fm,
                    by_text.blocks,
                    by_text.values,
                ), text
            assert got.record == whole, text
            previous = got
            # the next edit starts from a file that reads, block by block
            good = text if whole is not None and got.blocks is not None else base
    assert taken > 100 and refused > 50, (taken, refused)
