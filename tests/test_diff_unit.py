"""The pure comparison and the renderers, on in-memory sites (no git)."""

from __future__ import annotations

import json
import re
import textwrap
from datetime import date

import click
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrsite.diff import DiffResult, diff_portfolios, parse_rules, show, show_measure
from okrsite.diff_report import (
    MARKER,
    ReportContext,
    md,
    render_json,
    render_text,
    report_markdown,
)
from okrsite.pipeline import load_tree

AS_OF = date(2026, 2, 15)


def site(files: dict[str, str]) -> dict[str, bytes]:
    return {k: textwrap.dedent(v).lstrip("\n").encode() for k, v in files.items()}


def compare(base: dict[str, str], head: dict[str, str], as_of: date = AS_OF) -> DiffResult:
    b = load_tree(site(base), as_of)
    h = load_tree(site(head), as_of)
    return diff_portfolios(b.scored, h.scored, b.diagnostics, h.diagnostics)


def objective(body: str, cycle: str = "2026-Q1") -> str:
    return f"---\ncycle: {cycle}\n{textwrap.dedent(body).strip()}\n---\nWhy.\n"


def kr_fields(result: DiffResult, oid: str, kr: str) -> dict[str, tuple[object, object, object]]:
    rec = next(o for o in result.objectives if o.id == oid)
    change = next(k for k in rec.key_results if k.id == kr)
    return {f.field: (f.before, f.after, f.note) for f in change.fields}


# ------------------------------------------------------------------ direction rules
@pytest.mark.parametrize(
    ("start", "before", "after", "note"),
    [
        (0, 10, 12, "more ambitious"),
        (0, 10, 8, "less ambitious"),
        (200, 50, 100, "less ambitious"),  # lower is better: raising the target is easier
        (200, 50, 20, "more ambitious"),
        (5, 2, 8, "direction reversed"),  # the key result now counts up instead of down
    ],
)
def test_numeric_target_notes(start: int, before: int, after: int, note: str) -> None:
    def kr(target: int) -> dict[str, str]:
        return {
            "content/objectives/a.md": objective(
                f"""
                title: A
                key_results:
                  - id: k
                    title: K
                    start: {start}
                    target: {target}
                """
            )
        }

    result = compare(kr(before), kr(after))
    assert kr_fields(result, "a", "k")["target"] == (float(before), float(after), note)
    rules = {f.rule for f in result.findings}
    # a reversed direction can turn a miss into "done": it is gated as an easing
    assert ("less-ambitious" in rules) == (note in ("less ambitious", "direction reversed"))


@pytest.mark.parametrize(
    ("kind", "before", "after", "note"),
    [
        ("stay_above", 99.9, 99.5, "less ambitious"),
        ("stay_above", 99.5, 99.9, "more ambitious"),
        ("stay_below", 200, 300, "less ambitious"),
        ("stay_below", 300, 200, "more ambitious"),
    ],
)
def test_stay_threshold_notes(kind: str, before: float, after: float, note: str) -> None:
    def kr(value: float) -> dict[str, str]:
        return {
            "content/objectives/a.md": objective(
                f"""
                title: A
                key_results:
                  - id: k
                    title: K
                    {kind}: {value}
                """
            )
        }

    assert kr_fields(compare(kr(before), kr(after)), "a", "k")["threshold"][2] == note


def test_kpi_direction_and_thresholds() -> None:
    def kpi(direction: str, green: int, red: int, target: int) -> dict[str, str]:
        return {
            "content/kpis/latency.md": f"""
            ---
            title: Latency
            direction: {direction}
            target: {target}
            thresholds: {{green: {green}, red: {red}}}
            ---
            """
        }

    loosened = compare(kpi("down", 200, 400, 150), kpi("down", 250, 500, 180))
    fields = {f.field: f.note for f in loosened.kpis[0].fields}
    assert fields == {"green": "looser", "red": "looser", "target": "less ambitious"}
    flipped = compare(kpi("down", 200, 400, 150), kpi("up", 400, 200, 160))
    notes = {f.field: f.note for f in flipped.kpis[0].fields}
    assert notes["direction"] == "direction reversed"
    assert notes["target"] == "direction reversed"


# ------------------------------------------------------------------ matching
def test_key_result_renamed_by_title() -> None:
    def kr(kr_id: str, target: int) -> dict[str, str]:
        return {
            "content/objectives/a.md": objective(
                f"""
                title: A
                key_results:
                  - id: {kr_id}
                    title: Sign 4 resellers
                    start: 0
                    target: {target}
                """
            )
        }

    result = compare(kr("kr1", 4), kr("resellers", 5))
    (change,) = result.objectives[0].key_results
    assert change.change == "changed" and change.renamed_from == "kr1"
    assert [f.field for f in change.fields] == ["target"]
    assert not [f for f in result.findings if f.rule == "removed-key-result"]


def test_renamed_parent_is_not_reparenting() -> None:
    base = {
        "content/objectives/top.md": objective("title: Top"),
        "content/objectives/child.md": objective(
            "title: Child\nparent: top\nkey_results:\n  - {title: K, done: true}"
        ),
    }
    head = {
        "content/objectives/company.md": objective("title: Top"),
        "content/objectives/child.md": objective(
            "title: Child\nparent: company\nkey_results:\n  - {title: K, done: true}"
        ),
    }
    result = compare(base, head)
    child = next(o for o in result.objectives if o.id == "child")
    assert [(f.field, f.note) for f in child.fields] == [("parent", "follows rename")]
    assert not [f for f in result.findings if f.rule == "reparented"]
    top = next(o for o in result.objectives if o.id == "company")
    assert top.renamed_from == "top"


def test_ambiguous_titles_are_not_renames() -> None:
    base = {
        "content/objectives/a.md": objective("title: Same"),
        "content/objectives/b.md": objective("title: Same"),
    }
    head = {
        "content/objectives/c.md": objective("title: Same"),
        "content/objectives/d.md": objective("title: Same"),
    }
    changes = sorted((o.id, o.change) for o in compare(base, head).objectives)
    assert changes == [("a", "removed"), ("b", "removed"), ("c", "added"), ("d", "added")]


# ------------------------------------------------------------------ check-ins
BASE_CHECKINS = {
    "content/objectives/a.md": objective(
        """
        title: A
        key_results:
          - id: k
            title: K
            start: 0
            target: 10
            current: 1
        """
    ),
    "content/checkins/one.md": """
        ---
        objective: a
        date: 2026-01-10
        confidence: 6
        values: {k: 3}
        ---
        """,
}


def test_checkins_added_edited_removed_and_future() -> None:
    head = dict(BASE_CHECKINS)
    head["content/checkins/one.md"] = BASE_CHECKINS["content/checkins/one.md"].replace(
        "k: 3", "k: 4"
    )
    head["content/checkins/two.md"] = """
        ---
        objective: a
        date: 2026-03-01
        confidence: high
        values: {k: 9}
        ---
        """
    result = compare(BASE_CHECKINS, head)
    by_id = {c.id: c for c in result.checkins}
    edited = by_id["one"]
    assert edited.change == "changed" and [(v.before, v.after) for v in edited.values] == [
        (3.0, 4.0)
    ]
    future = by_id["two"]
    assert future.change == "added" and future.counted is False
    assert (future.values[0].before, future.values[0].after) == (4.0, 9.0)
    assert (future.confidence_before, future.confidence_after) == (6.0, 8.0)
    assert [s.causes for s in result.scores] == [("check-in",)]

    removed = compare(
        BASE_CHECKINS, {"content/objectives/a.md": BASE_CHECKINS["content/objectives/a.md"]}
    )
    (gone,) = removed.checkins
    assert gone.change == "removed" and gone.values[0].before == 3.0
    assert not gone.broken and gone.errors == ()


def test_first_checkin_compares_with_current() -> None:
    head = {"content/objectives/a.md": BASE_CHECKINS["content/objectives/a.md"]}
    head["content/checkins/one.md"] = BASE_CHECKINS["content/checkins/one.md"]
    result = compare({"content/objectives/a.md": head["content/objectives/a.md"]}, head)
    (added,) = result.checkins
    assert (added.values[0].before, added.values[0].after) == (1.0, 3.0)
    assert added.confidence_before is None


def test_kpi_checkin_refused_at_head_is_still_the_previous_one() -> None:
    def reading(day: str, value: str) -> str:
        return f"---\nkpi: m\ndate: {day}\nvalue: {value}\n---\n"

    base = {
        "content/kpis/m.md": "---\ntitle: M\ntarget: 50\nvalues: {2026-01-01: 3}\n---\n",
        "content/checkins/m-1.md": reading("2026-01-10", "5"),
        "content/checkins/m-2.md": reading("2026-01-20", "7"),
    }
    head = {
        **base,
        "content/checkins/m-2.md": reading("2026-01-20", "seven"),
        "content/checkins/m-3.md": reading("2026-02-01", "9"),
    }
    result = compare(base, head)
    by_id = {c.id: c for c in result.checkins}
    refused = by_id["m-2"]
    assert refused.broken and refused.change == "removed" and refused.values == ()
    assert {d.file for d in refused.errors} == {"content/checkins/m-2.md"}
    (move,) = by_id["m-3"].values
    assert (move.before, move.after) == (7.0, 9.0)


# ------------------------------------------------------------------ mid-cycle
@pytest.mark.parametrize(
    ("cycle", "mid"), [("2026-Q1", True), ("2025-Q4", False), ("2026-Q3", False)]
)
def test_mid_cycle_only_while_the_cycle_runs(cycle: str, mid: bool) -> None:
    one = "title: A\nkey_results:\n  - {id: a, title: A, done: true}"
    two = one + "\n  - {id: b, title: B, done: false}"
    base = {"content/objectives/a.md": objective(two, cycle)}
    head = {"content/objectives/a.md": objective(one, cycle)}
    (change,) = compare(base, head).objectives[0].key_results
    assert change.change == "removed" and change.mid_cycle is mid


# ------------------------------------------------------------------ self-diff is empty
titles = st.text(alphabet="abcdefghij |<>*_#`", min_size=1, max_size=12).map(
    lambda s: s.strip() or "t"
)


@st.composite
def portfolios(draw: st.DrawFn) -> dict[str, str]:
    files: dict[str, str] = {}
    n = draw(st.integers(0, 4))
    for i in range(n):
        krs = []
        for j in range(draw(st.integers(0, 3))):
            start = draw(st.integers(0, 100))
            target = draw(st.integers(0, 100))
            current = draw(st.one_of(st.none(), st.integers(0, 100)))
            line = f"  - {{id: k{j}, title: 'KR {j}', start: {start}, target: {target}"
            line += f", current: {current}}}" if current is not None else "}"
            krs.append(line)
        parent = f"parent: o{i - 1}\n" if i and draw(st.booleans()) else ""
        title = draw(titles).replace("'", "")
        body = f"title: '{title}'\n{parent}" + ("key_results:\n" + "\n".join(krs) if krs else "")
        files[f"content/objectives/o{i}.md"] = objective(
            body, draw(st.sampled_from(["2026-Q1", "2025-Q4", "2026"]))
        )
        if draw(st.booleans()):
            files[f"content/checkins/c{i}.md"] = (
                f"---\nobjective: o{i}\ndate: 2026-0{draw(st.integers(1, 3))}-01\n"
                f"confidence: {draw(st.integers(0, 10))}\nvalues: {{k0: 5}}\n---\n"
            )
    if draw(st.booleans()):
        files["content/kpis/m.md"] = "---\ntitle: M\ntarget: 5\nvalues: {2026-01-01: 3}\n---\n"
    return files


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios())
def test_a_revision_against_itself_reports_nothing(files: dict[str, str]) -> None:
    loaded = load_tree(site(files), AS_OF)
    again = load_tree(site(files), AS_OF)
    result = diff_portfolios(loaded.scored, again.scored, loaded.diagnostics, again.diagnostics)
    assert result.is_empty
    assert not [f for f in result.findings if f.rule != "errors"]
    text = report_markdown(result)
    assert "No changes to goals" in text and "<details>" not in text


def test_empty_against_empty() -> None:
    result = compare({}, {})
    assert result.is_empty and not result.findings


# ------------------------------------------------------------------ renderers
def busy_result(n: int = 400) -> DiffResult:
    head = {
        f"content/objectives/o{i:03}.md": objective(
            f"title: Objective number {i} with a long title | pipes\n"
            "key_results:\n  - {title: K, start: 0, target: 10, current: 3}"
        )
        for i in range(n)
    }
    return compare({}, head)


def test_markdown_is_cut_below_the_limit() -> None:
    result = busy_result()
    full = report_markdown(result, limit=10**9)
    assert len(full) > 60_000
    cut = report_markdown(result, limit=20_000)
    assert len(cut) <= 20_000
    assert "Report cut" in cut and cut.startswith(MARKER)
    assert cut.count("<details>") == cut.count("</details>")
    assert cut.rstrip().endswith("</sub>")


def test_markdown_default_limit_fits_a_github_comment() -> None:
    text = report_markdown(busy_result(1500))
    assert len(text) <= 65_000 and "Report cut" in text


def test_md_escapes_tables_and_html() -> None:
    assert md("a|b\nc <b>&") == "a\\|b c &lt;b&gt;&amp;"
    assert md("*x* _y_ [z](u) `c`") == "\\*x\\* \\_y\\_ \\[z\\](u) \\`c\\`"


def test_text_colour_only_when_asked() -> None:
    result = busy_result(2)
    plain = render_text(result, ReportContext(), color=False)
    coloured = render_text(result, ReportContext(), color=True)
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert click.unstyle(coloured) == plain


def test_json_is_serialisable_and_stable() -> None:
    result = busy_result(3)
    ctx = ReportContext("main", "HEAD", "a" * 40, "b" * 40, ("errors", "less-ambitious"))
    first = render_json(result, ctx)
    assert first == render_json(result, ctx)
    data = json.loads(first)
    assert data["base"] == {"label": "main", "commit": "a" * 40}
    assert data["fail_on"] == ["errors", "less-ambitious"] and data["failed"] is False
    assert data["objectives"][0]["key_results"] == []


def test_parse_rules() -> None:
    assert parse_rules("errors") == ("errors",)
    assert parse_rules("errors,errors, reparented") == ("errors", "reparented")
    assert parse_rules("none") == ()
    for empty in ("", ",", " "):
        with pytest.raises(ValueError, match="write none to never fail"):
            parse_rules(empty)
    with pytest.raises(ValueError, match="unknown rule 'nope'"):
        parse_rules("errors,nope")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (16.0, "16"),
        (0.125, "0.125"),
        (0.12345, "0.1235"),  # four decimals: a change in the third still shows
        (1_000_000.0, "1,000,000"),
        (-2500.5, "-2,500.5"),
        (None, "—"),
        (True, "yes"),
        (("a", "b"), "a, b"),
        ((), "—"),
    ],
)
def test_show(value: object, text: str) -> None:
    assert show(value) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (1_000_000.0, "EUR", "1,000,000 EUR"),
        (4.5, "%", "4.5%"),
        (2.0, "", "2"),
        (None, "EUR", "—"),
        (float("inf"), "EUR", "∞"),
        ("uma-diaz", "EUR", "uma-diaz"),
    ],
)
def test_show_measure(value: object, unit: str, text: str) -> None:
    assert show_measure(value, unit) == text  # type: ignore[arg-type]


def test_errors_at_head_are_findings() -> None:
    broken = {"content/objectives/a.md": "---\ntitle: [unclosed\n---\n"}
    result = compare({}, broken)
    assert result.head_errors and result.failures(["errors"])
    assert not result.failures(["reparented"])
    assert re.search(r"content/objectives/a\.md:\d+", report_markdown(result))
