"""Property tests: no input makes the core raise, and scores stay in range.

* any front matter (random nested mappings, lists and scalars, unicode, dumped
  with ``yaml.safe_dump``) and any bytes give a ``ParsedFile`` / ``LoadResult``
  with diagnostics, never another exception;
* random objective / key result structures always score to progress in 0..1,
  statuses from the allowed set, and an export that is valid JSON.
"""

from __future__ import annotations

import functools
import json
import math
from datetime import date, timedelta
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from okrsite import cycles as cycles_mod
from okrsite.export import portfolio_csv, portfolio_json
from okrsite.model import (
    KPI,
    CheckIn,
    Cycle,
    KeyResult,
    Milestone,
    Objective,
    Portfolio,
    Settings,
)
from okrsite.parse import ParsedFile, parse_file
from okrsite.pipeline import LoadResult, load_tree
from okrsite.scoring import numeric_progress, score_portfolio, weighted_mean

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def between(low: int, high: int) -> st.SearchStrategy[int]:
    """``st.integers(low, high)``, built once per range: the generators below
    draw hundreds of thousands of values, and a strategy built afresh at each
    draw is validated and labelled afresh, which cost them much of their
    time. The values drawn and their distribution are the same."""
    return st.integers(low, high)


@functools.cache
def one_of_first(count: int) -> st.SearchStrategy[int]:
    """An index into a sequence of ``count`` items, drawn as
    ``st.sampled_from(items)`` draws its item's index; built once per length."""
    return st.sampled_from(range(count))


BOOLEANS = st.booleans()
FOLDERS = ["objectives", "kpis", "goals", "checkins", "teams", "people", "pages", "other"]
STATUSES = {
    "dropped", "draft", "upcoming", "achieved", "missed", "done", "on-track", "at-risk", "off-track",
}  # fmt: skip
AS_OF = date(2026, 2, 15)

# ------------------------------------------------------------------ random YAML
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
# keys the parser looks at, so random values reach the typed accessors
KEYS = [
    "type", "id", "title", "cycle", "owner", "team", "parent", "supports", "commitment",
    "weight", "status", "tags", "key_results", "initiatives", "objective", "kpi", "date",
    "confidence", "values", "value", "direction", "indicator", "target", "thresholds",
    "drives", "data", "due", "measure", "start", "current", "milestones", "done",
    "stay_above", "stay_below", "score", "unit", "green", "red", "link", "order", "name",
]  # fmt: skip
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    text,
    st.sampled_from(
        [
            "2026-Q1",
            "2026",
            "2026-02-30",
            "2026-02-10",
            "objective",
            "kpi",
            "low",
            "up",
            "a#b",
            "..",
        ]
    ),
    st.dates(min_value=date(1, 1, 1)),
)
keys = st.one_of(st.sampled_from(KEYS), text)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys, inner, max_size=5),
    ),
    max_leaves=25,
)
front_matter = st.one_of(st.dictionaries(keys, values, max_size=8), values)


def dump(data: Any, body: str) -> bytes:
    return ("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body).encode("utf-8")


def assert_parsed(pf: ParsedFile) -> None:
    assert isinstance(pf, ParsedFile)
    for d in pf.diagnostics:
        assert d.file == pf.file
        assert d.message
        assert d.line is None or d.line >= 1
    # a file with errors is marked broken (its record, if any, is only for cross-checks)
    assert pf.broken == any(d.is_error for d in pf.diagnostics)


@SETTINGS
@given(data=front_matter, folder=st.sampled_from(FOLDERS), body=text)
def test_any_front_matter_parses_or_reports(data: Any, folder: str, body: str) -> None:
    assert_parsed(parse_file(f"content/{folder}/x.md", dump(data, body)))


@SETTINGS
@given(raw=st.binary(max_size=300), folder=st.sampled_from(FOLDERS))
def test_any_bytes_parse_or_report(raw: bytes, folder: str) -> None:
    assert_parsed(parse_file(f"content/{folder}/x.md", raw))
    assert_parsed(parse_file(f"content/{folder}/x.md", b"---\n" + raw + b"\n---\n"))


@SETTINGS
@given(
    files=st.lists(
        st.tuples(st.sampled_from(FOLDERS[:-1]), st.sampled_from(["a", "b", "c/d"]), front_matter),
        max_size=5,
    ),
    csv=st.binary(max_size=80),
    toml=st.one_of(st.none(), st.binary(max_size=80)),
)
def test_any_site_loads_with_diagnostics(
    files: list[tuple[str, str, Any]], csv: bytes, toml: bytes | None
) -> None:
    tree = {f"content/{folder}/{name}.md": dump(data, "") for folder, name, data in files}
    tree["content/data/x.csv"] = csv
    if toml is not None:
        tree["okrsite.toml"] = toml
    result = load_tree(tree, AS_OF)
    assert isinstance(result, LoadResult)
    check_scores(result.scored)
    json.loads(json.dumps(portfolio_json(result.scored), allow_nan=False))
    portfolio_csv(result.scored)


# a site that reaches scoring more often: valid skeleton, random values in the key places
number = st.one_of(
    st.integers(-1000, 1000), st.floats(-1e6, 1e6, allow_nan=False), st.sampled_from(["x", None])
)


FILE_KR_KIND = st.sampled_from(["target", "milestones", "done", "stay_above", "stay_below", None])
FILE_WEIGHT = st.sampled_from([0, 1, 2.5, 1e308, -1])
FILE_SCORE = st.sampled_from([0, 0.5, 1, 2])
FILE_CYCLE = st.sampled_from(["2026-Q1", "2026", "2025-Q4", "2026-Q2"])
COMMITMENT = st.sampled_from(["committed", "aspirational"])
FILE_STATUS = st.sampled_from(["active", "active", "draft", "dropped"])
CONFIDENCE = st.sampled_from([0, 5, 10, "high"])


@st.composite
def objective_files(draw: st.DrawFn) -> dict[str, bytes]:
    tree: dict[str, bytes] = {}
    n = draw(between(1, 4))
    for i in range(n):
        krs = []
        for j in range(draw(between(0, 4))):
            kind = draw(FILE_KR_KIND)
            kr: dict[str, Any] = {"id": f"k{j}", "title": f"K{j}"}
            if kind == "target":
                kr.update(start=draw(number), target=draw(number), current=draw(number))
            elif kind == "milestones":
                kr["milestones"] = [
                    {"title": "m", "done": draw(BOOLEANS)} for _ in range(draw(between(1, 3)))
                ]
            elif kind is not None:
                kr[kind] = draw(number) if kind.startswith("stay") else draw(BOOLEANS)
                kr["current"] = draw(number)
            if draw(BOOLEANS):
                kr["weight"] = draw(FILE_WEIGHT)
            if draw(BOOLEANS):
                kr["score"] = draw(FILE_SCORE)
            krs.append(kr)
        obj: dict[str, Any] = {
            "title": f"O{i}",
            "cycle": draw(FILE_CYCLE),
            "commitment": draw(COMMITMENT),
            "status": draw(FILE_STATUS),
            "key_results": krs,
        }
        if i and draw(BOOLEANS):
            parent = draw(between(0, n - 1))
            obj["parent"] = f"o{parent}" + (f"#k{draw(between(0, 3))}" if draw(BOOLEANS) else "")
        tree[f"content/objectives/o{i}.md"] = dump(obj, "")
        for c in range(draw(between(0, 3))):
            ci = {
                "objective": f"o{i}",
                "date": str(date(2026, 1, 1) + timedelta(days=draw(between(-30, 120)))),
                "values": {f"k{draw(between(0, 3))}": draw(number)},
                "confidence": draw(CONFIDENCE),
            }
            tree[f"content/checkins/o{i}-{c}.md"] = dump(ci, "")
    return tree


@SETTINGS
@given(tree=objective_files(), days=st.integers(-60, 400))
def test_generated_sites_score_in_range(tree: dict[str, bytes], days: int) -> None:
    result = load_tree(tree, date(2026, 1, 1) + timedelta(days=days))
    check_scores(result.scored)
    json.loads(json.dumps(portfolio_json(result.scored), allow_nan=False))


@SETTINGS
@given(
    pairs=st.lists(
        st.tuples(st.floats(0, 1), st.floats(0, 1.7e308, allow_nan=False)), min_size=1, max_size=6
    )
)
@example(pairs=[(0.5, 5e-324)])
@example(pairs=[(0.2, 1e308), (0.4, 1e308)])
def test_weighted_mean_stays_between_its_values(pairs: list[tuple[float, float]]) -> None:
    result = weighted_mean(pairs)
    counted = [v for v, w in pairs if w > 0]
    if not counted:
        assert result == 0.0
    else:
        assert min(counted) - 1e-9 <= result <= max(counted) + 1e-9


@SETTINGS
@given(
    start=st.floats(-1.7e308, 1.7e308, allow_nan=False),
    target=st.floats(-1.7e308, 1.7e308, allow_nan=False),
    current=st.one_of(st.none(), st.floats(-1.7e308, 1.7e308, allow_nan=False)),
)
@example(start=0.0, target=5e-324, current=0.0)
@example(start=-1e308, target=1e308, current=1e308)
@example(start=-1e308, target=0.0, current=1e308)
def test_numeric_progress_total(start: float, target: float, current: float | None) -> None:
    progress, ratio = numeric_progress(start, target, current)
    assert 0.0 <= progress <= 1.0
    assert (ratio is None) == (current is None)
    if ratio is not None:
        assert not math.isnan(ratio)
        assert progress == min(1.0, max(0.0, ratio))
    if current is not None and current == target:
        assert progress == 1.0


# ------------------------------------------------------------------ random model structures
finite = st.floats(-1e300, 1e300, allow_nan=False, allow_infinity=False)
small = st.floats(-1000, 1000, allow_nan=False)
maybe = st.one_of(st.none(), small, finite)
weight = st.one_of(st.just(1.0), st.floats(0, 1e300, allow_nan=False))
life = st.sampled_from(["active", "active", "draft", "dropped"])


KR_KIND = st.sampled_from(
    ["numeric", "milestones", "boolean", "stay_above", "stay_below", "rollup"]
)
KR_SCORE = st.one_of(st.none(), st.floats(0, 1))
SMALL_OR_FINITE = st.one_of(small, finite)
KR_KPI = st.sampled_from([None, "k"])
MILESTONES_DONE = st.lists(st.booleans(), min_size=1, max_size=4)
CYCLE_NAMES = ["2026-Q1", "2026", "2025-Q4", "2026-03", "c"]
CYCLE_NAME = st.sampled_from(CYCLE_NAMES)
CHECKIN_CONFIDENCE = st.one_of(st.none(), st.floats(0, 10))
KPI_SERIES = st.lists(st.tuples(st.integers(0, 200), small), max_size=4)
MAYBE_SMALL = st.one_of(st.none(), small)
DIRECTION = st.sampled_from(["up", "down"])


@st.composite
def key_results(draw: st.DrawFn, index: int) -> KeyResult:
    kind = draw(KR_KIND)
    kw: dict[str, Any] = {
        "weight": draw(weight),
        "status": draw(life),
        "score": draw(KR_SCORE),
        "current": draw(maybe),
        "index": index,
    }
    if kind == "numeric":
        kw.update(start=draw(SMALL_OR_FINITE), target=draw(SMALL_OR_FINITE))
        kw["kpi"] = draw(KR_KPI)
    elif kind == "milestones":
        kw["milestones"] = tuple(Milestone("m", b) for b in draw(MILESTONES_DONE))
    elif kind == "boolean":
        kw["done"] = draw(BOOLEANS)
    elif kind.startswith("stay"):
        kw["threshold"] = draw(small)
    return KeyResult(id=f"k{index}", title="t", kind=kind, **kw)


#: key_results(index), built once per index
key_result_at = functools.cache(key_results)


@st.composite
def portfolios(draw: st.DrawFn) -> Portfolio:
    custom = Cycle("c", date(2026, 1, 10), date(2026, 1, 10))  # a one-day cycle
    cycle_names = CYCLE_NAMES
    objectives: dict[str, Objective] = {}
    n = draw(between(1, 6))
    for i in range(n):
        krs = tuple(draw(key_result_at(j)) for j in range(draw(between(0, 4))))
        parent = None
        if i and draw(BOOLEANS):  # parents only among earlier objectives: no loops
            p = draw(between(0, i - 1))
            pkrs = objectives[f"o{p}"].key_results
            parent = f"o{p}" + (
                f"#{pkrs[draw(one_of_first(len(pkrs)))].id}" if pkrs and draw(BOOLEANS) else ""
            )
        objectives[f"o{i}"] = Objective(
            id=f"o{i}",
            file=f"content/objectives/o{i}.md",
            title="o",
            cycle=draw(CYCLE_NAME),
            parent=parent,
            commitment=draw(COMMITMENT),
            weight=draw(weight),
            status=draw(life),
            key_results=krs,
        )
    checkins = []
    for c in range(draw(between(0, 8))):
        oid = f"o{draw(between(0, n - 1))}"
        kr_ids = [kr.id for kr in objectives[oid].key_results]
        vals = {k: draw(SMALL_OR_FINITE) for k in kr_ids if draw(BOOLEANS)}
        checkins.append(
            CheckIn(
                id=f"c{c}",
                file=f"content/checkins/c{c}.md",
                date=date(2025, 12, 1) + timedelta(days=draw(between(0, 200))),
                objective=oid,
                confidence=draw(CHECKIN_CONFIDENCE),
                values=vals,
            )
        )
    series = tuple(sorted((date(2025, 12, 1) + timedelta(days=d), v) for d, v in draw(KPI_SERIES)))
    green, red = draw(MAYBE_SMALL), draw(MAYBE_SMALL)
    kpi = KPI(
        id="k",
        file="content/kpis/k.md",
        title="k",
        direction=draw(DIRECTION),
        green=green,
        red=red,
        target=draw(MAYBE_SMALL),
        values=series,
    )
    cycles = {name: cycles_mod.lookup(name, {"c": custom}) for name in cycle_names}
    return Portfolio(
        objectives=objectives,
        kpis={"k": kpi},
        goals={},
        checkins=tuple(sorted(checkins, key=lambda c: (c.date, c.file))),
        teams={},
        people={},
        pages={},
        cycles={k: v for k, v in cycles.items() if v is not None},
        kpi_series={"k": series},
    )


def check_scores(scored: Any) -> None:
    for oid, s in scored.objectives.items():
        assert 0.0 <= s.progress <= 1.0, (oid, s.progress)
        assert 0.0 <= s.expected <= 1.0 and 0.0 <= s.elapsed <= 1.0
        assert s.status in STATUSES
        # no grade where it counts nowhere or has not begun (scoring.counted_grade)
        ungraded = s.status in ("draft", "dropped", "upcoming")
        assert s.grade is None if ungraded else s.grade in ("red", "yellow", "green"), s
        assert s.forecast is None or 0.0 <= s.forecast <= 1.0
        assert s.confidence is None or 0.0 <= s.confidence <= 10.0
        assert isinstance(s.stale, bool)
        for kr in s.key_results.values():
            assert 0.0 <= kr.progress <= 1.0, (oid, kr)
            assert kr.status in STATUSES
            assert kr.ratio is None or not math.isnan(kr.ratio) or kr.progress == 0.0
    for ks in scored.kpis.values():
        assert ks.health in ("healthy", "warning", "critical", "unknown")
        assert ks.trend in (None, "up", "down", "flat")


@SETTINGS
@given(p=portfolios(), days=st.integers(-60, 500), tight=st.booleans())
def test_random_structures_score_in_range(p: Portfolio, days: int, tight: bool) -> None:
    s = Settings(on_track=0.05, at_risk=0.1) if tight else Settings()
    scored = score_portfolio(p, date(2025, 12, 1) + timedelta(days=days), s)
    check_scores(scored)
    # dropped and draft objectives never move their parent's numbers: they are also scored
    for oid, obj in p.objectives.items():
        if obj.status != "active":
            assert scored.objectives[oid].status == obj.status
            assert not scored.objectives[oid].stale
    json.loads(json.dumps(portfolio_json(scored), allow_nan=False))


@SETTINGS
@given(p=portfolios(), days=st.integers(-60, 500))
def test_scoring_is_a_pure_function(p: Portfolio, days: int) -> None:
    as_of = date(2025, 12, 1) + timedelta(days=days)
    assert portfolio_json(score_portfolio(p, as_of)) == portfolio_json(score_portfolio(p, as_of))
