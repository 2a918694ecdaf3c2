"""Unit tests of :func:`okrsite.parse.parse_file` and :func:`parse_csv` (one file at a time)."""

from __future__ import annotations

from datetime import date

import pytest

from okrsite.diagnostics import Diagnostic
from okrsite.model import KPI, CheckIn, Goal, Milestone, Objective, Page, Person, Team
from okrsite.parse import ParsedFile, closest, kind_and_id_from_path, parse_csv, parse_file


def parse(rel: str, text: str | bytes, **kw: object) -> ParsedFile:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_file(rel, raw, **kw)  # type: ignore[arg-type]


def only(pf: ParsedFile) -> Diagnostic:
    assert len(pf.diagnostics) == 1, pf.diagnostics
    return pf.diagnostics[0]


def codes(pf: ParsedFile) -> list[str]:
    return [d.code for d in pf.diagnostics]


OBJ = "---\ntitle: Expand\ncycle: 2026-Q1\n---\nWhy it matters.\n"


# ------------------------------------------------------------------ kinds and ids
@pytest.mark.parametrize(
    ("rel", "kind", "rid"),
    [
        ("content/objectives/sales/emea.md", "objective", "sales/emea"),
        ("content/kpis/nps.md", "kpi", "nps"),
        ("content/goals/a/b/c.md", "goal", "a/b/c"),
        ("content/checkins/2026-02-10-x.md", "checkin", "2026-02-10-x"),
        ("content/teams/sales.md", "team", "sales"),
        ("content/people/alice.md", "person", "alice"),
        ("content/pages/about.md", "page", "about"),
        ("content/misc/x.md", None, "x"),
        ("content/top.md", None, "top"),
    ],
)
def test_kind_and_id_from_path(rel: str, kind: str | None, rid: str) -> None:
    assert kind_and_id_from_path(rel, "content") == (kind, rid)


def test_kind_and_id_custom_content_dir() -> None:
    assert kind_and_id_from_path("goals-src/objectives/x.md", "goals-src/") == ("objective", "x")


def test_objective_from_folder() -> None:
    pf = parse("content/objectives/sales/emea.md", OBJ)
    assert pf.diagnostics == ()
    assert isinstance(pf.record, Objective)
    assert pf.record.id == "sales/emea"
    assert pf.record.title == "Expand"
    assert pf.record.cycle == "2026-Q1"
    assert pf.record.commitment == "committed"
    assert pf.record.status == "active"
    assert pf.record.weight == 1.0
    assert pf.record.body == "Why it matters.\n"
    assert pf.record.body_line == 5


def test_type_overrides_folder() -> None:
    pf = parse("content/pages/x.md", "---\ntype: KPI\ntitle: NPS\n---\n")
    assert pf.kind == "kpi" and isinstance(pf.record, KPI)
    assert pf.record.id == "x"


def test_type_outside_known_folder() -> None:
    pf = parse("content/misc/x.md", "---\ntype: goal\ntitle: G\n---\n")
    assert isinstance(pf.record, Goal) and pf.record.id == "x"


def test_explicit_id() -> None:
    pf = parse("content/objectives/a.md", "---\nid: sales/emea-2026\ntitle: T\ncycle: 2026\n---\n")
    assert isinstance(pf.record, Objective) and pf.record.id == "sales/emea-2026"


def test_unknown_folder_without_type() -> None:
    d = only(parse("content/misc/x.md", "---\ntitle: T\n---\n"))
    assert d.code == "OKR005" and d.line == 1
    assert "not in a known folder" in d.message


@pytest.mark.parametrize("bad_id", ["../x", "/etc/x", "a//b", "a b", "-x", "a/../b"])
def test_unusable_ids(bad_id: str) -> None:
    pf = parse("content/objectives/a.md", f"---\nid: '{bad_id}'\ntitle: T\ncycle: 2026\n---\n")
    d = only(pf)
    assert pf.record is None
    assert d.code == "OKR006" and d.is_error
    assert d.line == 2 and d.column == 5


def test_file_name_not_an_id_is_folded_into_one() -> None:
    """``my file.md`` (as files are named on a laptop) is the id ``my-file``;
    a name with nothing to fold into an id is refused."""
    pf = parse("content/objectives/My File.md", OBJ)
    assert isinstance(pf.record, Objective) and pf.record.id == "my-file" and not pf.diagnostics
    d = only(parse("content/objectives/???.md", OBJ))
    assert d.code == "OKR006" and "'???'" in d.message and d.line == 1


# ------------------------------------------------------------------ text handling
def test_bom_and_crlf() -> None:
    text = "\ufeff---\r\ntitle: T\r\ncycle: 2026-Q1\r\ntarget: x\r\n---\r\nBody\r\n"
    pf = parse("content/objectives/a.md", text)
    d = only(pf)  # unknown key 'target' at line 4, column 1
    assert (d.code, d.line, d.column) == ("OKR111", 4, 1)
    assert isinstance(pf.record, Objective) and pf.record.body == "Body\n"


def test_empty_front_matter_is_missing_title() -> None:
    pf = parse("content/objectives/a.md", "---\n---\nbody\n")
    assert codes(pf) == ["OKR101", "OKR101"]
    assert {d.message for d in pf.diagnostics} == {
        "missing required key 'title'",
        "missing required key 'cycle'",
    }


def test_default_cycle() -> None:
    pf = parse("content/objectives/a.md", "---\ntitle: T\n---\n", default_cycle="2026-Q4")
    assert isinstance(pf.record, Objective) and pf.record.cycle == "2026-Q4"


def test_missing_cycle_without_default() -> None:
    d = only(parse("content/objectives/a.md", "---\ntitle: T\n---\n"))
    assert d.message == "missing required key 'cycle'" and "default_cycle" in (d.hint or "")


def test_blank_title() -> None:
    d = only(parse("content/objectives/a.md", "---\ntitle: '  '\ncycle: 2026\n---\n"))
    assert d.code == "OKR101" and d.message == "title must not be empty"


def test_title_must_be_text() -> None:
    d = only(parse("content/objectives/a.md", "---\ntitle: [a, b]\ncycle: 2026\n---\n"))
    assert d.code == "OKR103" and (d.line, d.column) == (2, 8)


def test_numbers_as_titles_are_text() -> None:
    pf = parse("content/objectives/a.md", "---\ntitle: 2026\ncycle: 2026\n---\n")
    assert isinstance(pf.record, Objective) and pf.record.title == "2026"


def test_unknown_key_did_you_mean() -> None:
    pf = parse("content/objectives/a.md", "---\ntitle: T\ncycle: 2026\nownr: al\n---\n")
    d = only(pf)
    assert d.code == "OKR111" and not d.is_error
    assert d.message == "unknown key 'ownr' in an objective is ignored"
    assert d.hint == "did you mean 'owner'?"
    assert (d.line, d.column) == (4, 1)
    assert pf.record is not None  # a warning keeps the record


@pytest.mark.parametrize("key", ["kind", "type", "Type", "KIND"])
def test_a_key_result_s_kind_or_type_line_says_how_its_kind_is_written(key: str) -> None:
    """Other OKR tools give a key result a type; here its keys say it, and the
    nearest known key ('id' for 'kind') would send the writer the wrong way."""
    text = (
        "---\ntitle: T\ncycle: 2026\nkey_results:\n"
        f"  - id: scanners\n    title: Scanners\n    {key}: milestone\n"
        "    milestones: [Pilot, All sites]\n  - id: b\n    title: B\n    target: 10\n---\n"
    )
    pf = parse("content/objectives/a.md", text)
    d = only(pf)
    assert d.code == "OKR111" and not d.is_error
    assert d.message == f"unknown key '{key}' in a key result is ignored"
    assert d.hint is not None and "follows from its keys" in d.hint and "milestones" in d.hint
    assert (d.line, d.column) == (7, 5)
    assert isinstance(pf.record, Objective)
    assert pf.record.key_results[0].milestones == (
        Milestone("Pilot", False),
        Milestone("All sites", False),
    )


def test_closest() -> None:
    assert closest("sale", ["sales", "support"]) == "sales"
    assert closest("zzz", ["sales"]) is None


# ------------------------------------------------------------------ objectives and key results
FULL = """---
title: Expand into new markets
cycle: 2026-Q1
owner: alice
team: sales
parent: company/market-leader#revenue
supports: [marketing/brand]
commitment: aspirational
weight: 2
status: draft
tags: [growth]
key_results:
  - id: countries
    title: Launch operations in 2 new countries
    start: 0
    target: 2
    current: 1
    unit: countries
    weight: 3
  - id: revenue
    title: Reach $1M revenue
    kpi: revenue
    start: 200000
    target: 1000000
    unit: USD
  - id: churn
    title: Reduce churn to 2%
    start: 5
    target: 2
    unit: "%"
  - id: distributors
    title: Sign 5 local distributors
    milestones:
      - {title: Shortlist, done: true}
      - {title: Contracts signed, done: false}
      - Plain string milestone
  - id: uptime
    title: Keep uptime above 99.9%
    stay_above: 99.9
    current: 99.95
  - id: launch
    title: Public launch happened
    done: false
  - title: Latency
    stay_below: 300
    score: 0.5
    status: dropped
  - title: Roll-up
initiatives:
  - {title: Hire country managers, status: active, link: "https://example.com/x"}
  - Plain initiative
---
Body.
"""


def test_full_objective() -> None:
    pf = parse("content/objectives/sales/emea.md", FULL)
    assert pf.diagnostics == ()
    o = pf.record
    assert isinstance(o, Objective)
    assert o.owner == "alice" and o.team == "sales"
    assert o.parent == "company/market-leader#revenue"
    assert o.parent_objective == "company/market-leader"
    assert o.parent_key_result == "revenue"
    assert o.supports == ("marketing/brand",)
    assert o.commitment == "aspirational" and o.weight == 2.0 and o.status == "draft"
    assert o.tags == ("growth",)
    kinds = {kr.id: kr.kind for kr in o.key_results}
    assert kinds == {
        "countries": "numeric",
        "revenue": "numeric",
        "churn": "numeric",
        "distributors": "milestones",
        "uptime": "stay_above",
        "launch": "boolean",
        "kr7": "stay_below",
        "kr8": "rollup",
    }
    countries = o.key_result("countries")
    assert countries is not None
    assert (countries.start, countries.target, countries.current, countries.weight) == (0, 2, 1, 3)
    revenue = o.key_result("revenue")
    assert revenue is not None and revenue.kpi == "revenue" and revenue.current is None
    churn = o.key_result("churn")
    assert churn is not None and churn.lower_is_better and churn.unit == "%"
    dist = o.key_result("distributors")
    assert dist is not None
    assert dist.milestones == (
        Milestone("Shortlist", True),
        Milestone("Contracts signed", False),
        Milestone("Plain string milestone", False),
    )
    uptime = o.key_result("uptime")
    assert uptime is not None and uptime.threshold == 99.9 and uptime.current == 99.95
    launch = o.key_result("launch")
    assert launch is not None and launch.done is False
    kr7 = o.key_result("kr7")
    assert kr7 is not None and kr7.score == 0.5 and kr7.status == "dropped" and kr7.index == 6
    assert [i.title for i in o.initiatives] == ["Hire country managers", "Plain initiative"]
    assert o.initiatives[0].link == "https://example.com/x"
    assert o.key_result("nope") is None


def test_numeric_start_defaults_to_zero() -> None:
    pf = parse(
        "content/objectives/a.md",
        "---\ntitle: T\ncycle: 2026\nkey_results:\n  - {title: a, target: 10}\n---\n",
    )
    assert isinstance(pf.record, Objective)
    assert pf.record.key_results[0].start == 0.0


@pytest.mark.parametrize(
    ("value", "expected"), [("'1_000'", 1000.0), ("' 42 '", 42.0), ("1.5", 1.5), ("-3", -3.0)]
)
def test_numbers_from_text(value: str, expected: float) -> None:
    pf = parse(
        "content/objectives/a.md",
        f"---\ntitle: T\ncycle: 2026\nkey_results:\n  - title: a\n    target: {value}\n---\n",
    )
    assert isinstance(pf.record, Objective)
    assert pf.record.key_results[0].target == expected


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (
            "€1,000",
            "write 1000 for the whole number or 1.000 for the decimal: "
            "one comma before three digits means either",
        ),
        ("fifty", "write digits, e.g. 50, 0.25 or 1,000,000"),
        ("5 m", "write digits, e.g. 50, 0.25 or 1,000,000"),  # million or metres?
        ("1,2,3", "write digits, e.g. 50, 0.25 or 1,000,000"),
        (".nan", "write digits, e.g. 50, 0.25 or 1,000,000"),
        (".inf", "write digits, e.g. 50, 0.25 or 1,000,000"),
        ("false", "write digits, e.g. 50, 0.25 or 1,000,000"),  # true: a yes/no key result
        (  # too large for a float
            "1" + "0" * 400,
            "the number is too large: a figure may be at most about 1.8e308 (309 digits); "
            "write it in a larger unit (millions, billions) so that it has fewer digits",
        ),
    ],
)
def test_bad_numbers(value: str, hint: str) -> None:
    text = f"---\ntitle: T\ncycle: 2026\nkey_results:\n  - title: a\n    target: {value}\n---\n"
    pf = parse("content/objectives/a.md", text)
    d = only(pf)
    assert pf.broken  # the record is kept for cross-file checks
    assert d.code == "OKR102" and d.message.startswith("target must be a number, got ")
    assert (d.line, d.column) == (6, 13)
    assert d.hint == hint


@pytest.mark.parametrize(
    ("value", "number", "unit"),
    [
        ("50%", 50, "%"),
        ("'-12,50 %'", -12.5, "%"),
        ("1,234,567", 1234567, ""),
        ("1.234.567", 1234567, ""),
        ("1,234.5", 1234.5, ""),
        ("1.234,5", 1234.5, ""),
        ("1 234 567", 1234567, ""),
        ("1\u00a0234,5", 1234.5, ""),
        ("1'234.50", 1234.5, ""),
        ("5,9", 5.9, ""),
        ("0,125", 0.125, ""),
        ("€ 3,14159", 3.14159, "€"),
        ("$1,000,000", 1000000, "$"),
        ("12 €", 12, "€"),
        ("2M", 2000000, ""),
        ("$1.5M", 1500000, "$"),
        ("2.5k", 2500, ""),
        ("3 bn", 3e9, ""),
        ("−7", -7, ""),
    ],
)
def test_numbers_as_people_paste_them(value: str, number: float, unit: str) -> None:
    """What a spreadsheet cell pasted into a goal file brings is read as the one
    number it means; a percentage makes the key result's unit '%', a currency
    sign that sign."""
    text = f"---\ntitle: T\ncycle: 2026\nkey_results:\n  - title: a\n    target: {value}\n---\n"
    pf = parse("content/objectives/a.md", text)
    assert pf.diagnostics == ()
    assert isinstance(pf.record, Objective)
    kr = pf.record.key_results[0]
    assert kr.target == number and kr.unit == unit


def test_a_currency_sign_is_the_unit_only_when_none_is_given_and_all_agree() -> None:
    text = (
        "---\ntitle: T\ncycle: 2026\nkey_results:\n"
        "  - {id: arr, title: ARR, start: 0, target: '€2,500,000', current: €1.1M}\n"
        "  - {id: eur, title: In EUR, target: €2.5M, unit: EUR}\n"
        "  - {id: mixed, title: Mixed, start: $1M, target: €2M}\n"
        "  - {id: plain, title: Plain, target: 7}\n---\n"
    )
    pf = parse("content/objectives/a.md", text)
    # $1M beside €2M with no unit: is no one currency (fix 44: OKR312, was read as one)
    assert [(d.code, d.key_path) for d in pf.diagnostics] == [
        ("OKR312", ("key_results", 2, "start"))
    ]
    assert isinstance(pf.record, Objective)
    assert [(kr.id, kr.target, kr.unit) for kr in pf.record.key_results] == [
        ("arr", 2500000, "€"),
        ("eur", 2500000, "EUR"),
        ("mixed", 2000000, "€"),  # its target's currency; the $1M start left out
        ("plain", 7, ""),
    ]
    kpi = parse(
        "content/kpis/mrr.md", "---\ntitle: MRR\ntarget: $50k\nvalues: {2026-10-01: 41000}\n---\n"
    )
    assert isinstance(kpi.record, KPI) and kpi.record.unit == "$"


def test_percentages_square_with_the_unit() -> None:
    text = (
        "---\ntitle: T\ncycle: 2026\nkey_results:\n"
        "  - {id: rate, title: Rate, start: 2.5%, target: 4 %, unit: percent}\n"
        "  - {id: nps, title: NPS, start: 30, target: 50%, unit: points}\n---\n"
    )
    pf = parse("content/objectives/a.md", text)
    assert isinstance(pf.record, Objective)
    rate = pf.record.key_results[0]
    assert (rate.start, rate.target, rate.unit) == (2.5, 4, "percent")
    found = [(d.code, d.message, d.line) for d in pf.diagnostics]
    assert found == [
        ("OKR121", "target is written as a percentage, but the key result's unit is 'points'", 6)
    ]


def test_weights_as_percentages_are_shares_of_the_default_weight() -> None:
    """``weight: 50%`` as OKR tools that sum weights to 100% write it: 0.5 (the
    default weight 1 is 100%); a negative one is refused."""
    text = (
        "---\ntitle: T\ncycle: 2026\nweight: 200%\nkey_results:\n"
        "  - {id: a, title: A, target: 3, weight: 50%}\n"
        "  - {id: b, title: B, target: 3, weight: 25 %}\n"
        "  - {id: c, title: C, target: 3, weight: '12.5%'}\n"
        "  - {id: d, title: D, target: 3, weight: -5%}\n---\n"
    )
    pf = parse("content/objectives/a.md", text)
    assert isinstance(pf.record, Objective)
    assert pf.record.weight == 2
    assert [kr.weight for kr in pf.record.key_results[:3]] == [0.5, 0.25, 0.125]
    assert [(d.code, d.message, d.line) for d in pf.diagnostics] == [
        ("OKR107", "weight must be at least 0, got -5%", 9)
    ]


def test_key_result_errors_all_reported() -> None:
    text = """---
title: T
cycle: 2026
key_results:
  - {id: a, title: x, target: 1}
  - {id: a, title: y, target: 1}
  - {id: 'b c', title: y, target: 1}
  - 5
  - {id: d, title: z, target: 1, milestones: [a]}
  - {id: e, target: 1}
  - {id: f, title: f, target: 1, weight: -1, score: 2}
---
"""
    pf = parse("content/objectives/a.md", text)
    got = [(d.code, d.line) for d in pf.diagnostics]
    assert got == [
        ("OKR110", 6),
        ("OKR006", 7),
        ("OKR106", 8),
        ("OKR109", 9),
        ("OKR101", 10),
        ("OKR107", 11),
        ("OKR107", 11),
    ]
    assert pf.broken  # the record is kept for cross-file checks
    msgs = [d.message for d in pf.diagnostics]
    assert "key result id 'a' is used twice in this objective" in msgs
    assert "key result 'd' mixes milestones and target: choose one way to measure it" in msgs
    assert "weight must be at least 0, got -1" in msgs
    assert "score must be between 0 and 1, got 2" in msgs


def test_kpi_key_result_needs_target() -> None:
    text = "---\ntitle: T\ncycle: 2026\nkey_results:\n  - {id: r, title: R, kpi: revenue}\n---\n"
    d = only(parse("content/objectives/a.md", text))
    assert d.code == "OKR101"
    assert d.message == "key result 'r' takes its value from KPI 'revenue' but has no target"


def test_choice_did_you_mean_and_case() -> None:
    pf = parse(
        "content/objectives/a.md",
        "---\ntitle: T\ncycle: 2026\ncommitment: aspirationl\nstatus: Dropped\n---\n",
    )
    d = only(pf)
    assert d.code == "OKR105" and d.hint == "did you mean 'aspirational'?"
    assert (d.line, d.column) == (4, 13)
    ok = parse("content/objectives/a.md", "---\ntitle: T\ncycle: 2026\nstatus: Dropped\n---\n")
    assert isinstance(ok.record, Objective) and ok.record.status == "dropped"


def test_key_results_must_be_list() -> None:
    d = only(parse("content/objectives/a.md", "---\ntitle: T\ncycle: 2026\nkey_results: 3\n---\n"))
    assert d.code == "OKR106" and d.line == 4


def test_empty_milestones() -> None:
    text = "---\ntitle: T\ncycle: 2026\nkey_results:\n  - {title: a, milestones: []}\n---\n"
    d = only(parse("content/objectives/a.md", text))
    assert d.code == "OKR106" and d.message.startswith("milestones must be a non-empty list")


def test_bad_initiative_link_warns() -> None:
    text = "---\ntitle: T\ncycle: 2026\ninitiatives:\n  - {title: a, link: 'javascript:alert(1)'}\n---\n"
    pf = parse("content/objectives/a.md", text)
    d = only(pf)
    assert d.code == "OKR112" and not d.is_error
    assert isinstance(pf.record, Objective) and pf.record.initiatives[0].link is None


# ------------------------------------------------------------------ check-ins
def test_checkin() -> None:
    text = (
        "---\nobjective: sales/emea\ndate: 2026-02-10\nauthor: alice\n"
        "confidence: 7\nvalues: {countries: 1, churn: '4.1'}\n---\nProgress.\n"
    )
    pf = parse("content/checkins/2026-02-10.md", text)
    assert pf.diagnostics == ()
    c = pf.record
    assert isinstance(c, CheckIn)
    assert c.objective == "sales/emea" and c.date == date(2026, 2, 10) and c.author == "alice"
    assert c.confidence == 7.0 and c.values == {"countries": 1.0, "churn": 4.1}
    assert c.body == "Progress.\n"


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("low", 3.0),
        ("medium", 5.0),
        ("high", 8.0),
        ("High", 8.0),
        ("0", 0.0),
        ("70%", 7.0),
        ("'85 %'", 8.5),
        ("100%", 10.0),
    ],
)
def test_confidence_words(word: str, value: float) -> None:
    pf = parse(
        "content/checkins/c.md", f"---\nobjective: a\ndate: 2026-01-01\nconfidence: {word}\n---\n"
    )
    assert isinstance(pf.record, CheckIn) and pf.record.confidence == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("11", "confidence must be between 0 and 10, got 11"),
        ("-1", "confidence must be between 0 and 10, got -1"),
        (
            "maybe",
            "confidence must be 0-10, low/medium/high, a traffic light or a percentage, got 'maybe'",
        ),
        (
            "150%",
            "confidence must be 0-10, low/medium/high, a traffic light or a percentage, got '150%'",
        ),
    ],
)
def test_bad_confidence(value: str, message: str) -> None:
    pf = parse(
        "content/checkins/c.md", f"---\nobjective: a\ndate: 2026-01-01\nconfidence: {value}\n---\n"
    )
    d = only(pf)
    assert d.message == message and (d.line, d.column) == (4, 13)


def test_kpi_checkin() -> None:
    pf = parse("content/checkins/c.md", "---\nkpi: nps\ndate: 2026-01-01\nvalue: 42\n---\n")
    assert isinstance(pf.record, CheckIn) and pf.record.kpi == "nps" and pf.record.value == 42.0


@pytest.mark.parametrize(
    ("front", "code", "message"),
    [
        ("kpi: nps\ndate: 2026-01-01", "OKR101", "a KPI check-in needs 'value:'"),
        ("objective: a", "OKR101", "missing required key 'date'"),
        (
            "date: 2026-01-01",
            "OKR101",
            "a check-in needs 'objective:' (with values) or 'kpi:' (with value)",
        ),
        (
            "objective: a\ndate: 2026-1-1",
            "OKR104",
            "date must be a real date like 2026-02-10, got '2026-1-1'",
        ),
        (
            "objective: a\ndate: 2026-02-29",
            "OKR104",
            "date must be a real date like 2026-02-10, got '2026-02-29'",
        ),
        (
            "objective: a\ndate: 2026-01-01\nvalues: [1, 2]",
            "OKR106",
            "values must name each key result with its value, as a mapping "
            "{kr1: 3, kr2: 5} or a list of one-key entries [kr1: 3, kr2: 5], "
            "but item 1 (1) is no 'key: value' entry",
        ),
        (
            "objective: a\ndate: 2026-01-01\nvalues: {x: '1,234'}",
            "OKR102",
            "value of x must be a number, got '1,234'",
        ),
        (
            "kpi: k\ndate: 2026-01-01\nvalue: 3\nvalues: {x: 1}",
            "OKR109",
            "a KPI check-in takes a single 'value:', not 'values:'",
        ),
    ],
)
def test_bad_checkins(front: str, code: str, message: str) -> None:
    pf = parse("content/checkins/c.md", f"---\n{front}\n---\n")
    assert pf.broken  # the record is kept for cross-file checks
    assert (code, message) in [(d.code, d.message) for d in pf.diagnostics]


def test_a_value_in_words_is_kept_for_resolving() -> None:
    """``x: lots`` is no number, but whether it is a milestone's title (a
    checklist, ticked in the objective's file) only the objective says:
    the parse keeps the words for resolving (tests/test_resolve.py)."""
    pf = parse(
        "content/checkins/c.md", "---\nobjective: a\ndate: 2026-01-01\nvalues: {x: lots}\n---\n"
    )
    assert isinstance(pf.record, CheckIn) and pf.record.texts == (("x", "lots"),)
    assert pf.record.values == {} and not pf.diagnostics


def test_leap_day_is_a_date() -> None:
    pf = parse("content/checkins/c.md", "---\nobjective: a\ndate: 2024-02-29\n---\n")
    assert isinstance(pf.record, CheckIn) and pf.record.date == date(2024, 2, 29)


# ------------------------------------------------------------------ KPIs, goals, others
def test_kpi() -> None:
    text = """---
title: Net Promoter Score
unit: points
direction: up
indicator: lagging
owner: bob
team: support
target: 50
thresholds: {green: 40, red: 20}
drives: [revenue]
values: {2026-02-01: 38, 2026-01-01: 35}
data: data/nps.csv
---
"""
    pf = parse("content/kpis/nps.md", text)
    assert pf.diagnostics == ()
    k = pf.record
    assert isinstance(k, KPI)
    assert (k.direction, k.indicator, k.target, k.green, k.red) == ("up", "lagging", 50, 40, 20)
    assert k.drives == ("revenue",)
    assert k.values == ((date(2026, 1, 1), 35.0), (date(2026, 2, 1), 38.0))  # sorted
    assert k.data == "data/nps.csv"


@pytest.mark.parametrize(
    ("direction", "green", "red", "bad"),
    [("up", 20, 40, True), ("up", 40, 20, False), ("down", 5, 2, True), ("down", 2, 5, False)],
)
def test_thresholds_against_direction(direction: str, green: int, red: int, bad: bool) -> None:
    text = (
        f"---\ntitle: K\ndirection: {direction}\nthresholds: {{green: {green}, red: {red}}}\n---\n"
    )
    pf = parse("content/kpis/k.md", text)
    assert codes(pf) == (["OKR113"] if bad else [])


@pytest.mark.parametrize("path", ["../x.csv", "/etc/passwd", "C:/x.csv", "data/../../x.csv"])
def test_kpi_data_path_must_stay_inside(path: str) -> None:
    d = only(parse("content/kpis/k.md", f"---\ntitle: K\ndata: '{path}'\n---\n"))
    assert d.code == "OKR006" and (d.line, d.column) == (3, 7)


def test_kpi_values_errors() -> None:
    pf = parse("content/kpis/k.md", "---\ntitle: K\nvalues: {2026-02-30: 3, 2026-01-01: x}\n---\n")
    assert [(d.code, d.line, d.column) for d in pf.diagnostics] == [
        ("OKR104", 3, 10),
        ("OKR102", 3, 37),
    ]


def test_unknown_threshold_warns() -> None:
    d = only(parse("content/kpis/k.md", "---\ntitle: K\nthresholds: {green: 1, blue: 2}\n---\n"))
    assert d.code == "OKR111" and not d.is_error


def test_amber_is_the_red_threshold_unless_red_is_given() -> None:
    pf = parse("content/kpis/k.md", "---\ntitle: K\nthresholds: {green: 2, amber: 1}\n---\n")
    assert pf.diagnostics == () and (pf.record.green, pf.record.red) == (2, 1)
    text = "---\ntitle: K\nthresholds: {green: 3, amber: 2, red: 1}\n---\n"
    d = only(parse("content/kpis/k.md", text))
    assert d.code == "OKR111" and "'amber'" in d.message and not d.is_error


def test_goal() -> None:
    text = """---
type: goal
title: Resolve 95% of complaints within 48 hours
owner: carol
due: 2026-03-31
supports: support/loyalty#csat
measure: {start: 70, target: 95, current: 82, unit: "%"}
---
Specific description.
"""
    pf = parse("content/goals/complaints.md", text)
    assert pf.diagnostics == ()
    g = pf.record
    assert isinstance(g, Goal)
    assert g.due == date(2026, 3, 31) and g.supports == "support/loyalty#csat"
    assert g.measure is not None and (g.measure.start, g.measure.target, g.measure.current) == (
        70,
        95,
        82,
    )


def test_goal_measure_start_defaults_to_zero_and_several_supports_warn() -> None:
    pf = parse("content/goals/g.md", "---\ntitle: G\nsupports: [a, b]\nmeasure: {target: 5}\n---\n")
    d = only(pf)
    assert d.code == "OKR114" and not d.is_error
    assert isinstance(pf.record, Goal)
    assert pf.record.supports == "a"
    assert pf.record.measure is not None and pf.record.measure.start == 0.0


def test_team_person_page() -> None:
    t = parse("content/teams/sales.md", "---\ntitle: Sales\nlead: alice\nparent: company\n---\n")
    assert isinstance(t.record, Team) and t.record.lead == "alice" and t.record.parent == "company"
    p = parse("content/people/alice.md", "---\nname: Alice A\nteam: sales\nrole: VP\n---\n")
    assert isinstance(p.record, Person) and p.record.title == "Alice A" and p.record.role == "VP"
    pg = parse("content/pages/about.md", "---\ntitle: About\norder: 2\n---\nText\n")
    assert isinstance(pg.record, Page) and pg.record.order == 2
    nobody = parse("content/people/x.md", "---\nrole: VP\n---\n")
    assert codes(nobody) == ["OKR101"] and nobody.record is None


# ------------------------------------------------------------------ whole-file failures
@pytest.mark.parametrize(
    ("raw", "code", "line", "column", "start"),
    [
        (b"", "OKR002", 1, None, "file is empty"),
        (b"  \n\n", "OKR002", 1, None, "file is empty"),
        (b"# Title\n", "OKR002", 1, None, "file has no front matter"),
        (
            b"---\ntitle: x\n",
            "OKR002",
            1,
            None,
            "the front matter opened on line 1 is never closed",
        ),
        (
            b"---\n- a\n---\n",
            "OKR004",
            2,
            None,
            "front matter must be a mapping of keys to values, got list",
        ),
        (
            b"---\n42\n---\n",
            "OKR004",
            2,
            None,
            "front matter must be a mapping of keys to values, got int",
        ),
        (
            b"---\ntitle: x\nowner: \xffz\n---\n",
            "OKR001",
            3,
            8,
            "file is not valid UTF-8 (byte 0xff)",
        ),
        (
            b"---\ntitle: [x\n---\n",
            "OKR003",
            2,
            8,
            "front matter is not valid YAML",
        ),  # the unclosed [
        (b"---\ntitle: x\n  bad: 1\n---\n", "OKR003", 3, 6, "front matter is not valid YAML"),
        (
            b"---\ntitle: !!python/object:os.system x\n---\n",
            "OKR003",
            2,
            8,
            "front matter is not valid YAML",
        ),
        (b"---\ntype: objectiv\n---\n", "OKR005", 2, 7, "type must be one of objective, kpi, goal"),
    ],
)
def test_whole_file_failures(
    raw: bytes, code: str, line: int, column: int | None, start: str
) -> None:
    pf = parse("content/objectives/a.md", raw)
    assert pf.record is None
    d = pf.diagnostics[0]
    assert (d.code, d.line, d.column) == (code, line, column)
    assert d.message.startswith(start), d.message
    assert d.file == "content/objectives/a.md"


def test_yaml_dates_stay_strings_for_validation() -> None:
    # PyYAML would turn this into a date object; we get a real date after validation
    pf = parse("content/goals/g.md", "---\ntitle: G\ndue: 2026-03-31\n---\n")
    assert isinstance(pf.record, Goal) and pf.record.due == date(2026, 3, 31)
    bad = parse("content/goals/g.md", "---\ntitle: G\ndue: 2026-02-30\n---\n")
    assert codes(bad) == ["OKR104"]


# ------------------------------------------------------------------ CSV
class TestCSV:
    def test_rows(self) -> None:
        rows, diags = parse_csv(
            "content/data/x.csv", b"date,value\n2026-01-01,1\n\n2026-01-03, 5 \n"
        )
        assert rows == [(date(2026, 1, 1), 1.0), (date(2026, 1, 3), 5.0)]
        assert diags == []

    def test_columns_in_any_order_with_bom(self) -> None:
        rows, diags = parse_csv("x.csv", "\ufeffValue,Date\n3,2026-01-01\n".encode())
        assert rows == [(date(2026, 1, 1), 3.0)] and diags == []

    def test_bad_rows_report_their_line(self) -> None:
        raw = b"date,value\n2026-01-01,1\n2026-01-02,abc\n2026-13-01,4\n2026-01-04\n"
        rows, diags = parse_csv("x.csv", raw)
        assert rows == [(date(2026, 1, 1), 1.0)]
        assert [(d.code, d.line, d.column, d.message) for d in diags] == [
            ("OKR203", 3, 12, "'abc' is not a number"),
            ("OKR203", 4, 1, "'2026-13-01' is not a date like 2026-02-01"),
            ("OKR203", 5, None, "row has 1 column, expected date and value"),
        ]

    @pytest.mark.parametrize(
        ("raw", "code", "line"),
        [
            (b"", "OKR202", 1),
            (b"when,value\n", "OKR202", 1),
            (b"date,value\n1,2\n\x81,3\n", "OKR201", 3),
        ],
    )
    def test_bad_files(self, raw: bytes, code: str, line: int) -> None:
        rows, diags = parse_csv("x.csv", raw)
        assert rows == []
        assert [(d.code, d.line) for d in diags] == [(code, line)]


@pytest.mark.parametrize(
    ("written", "day", "time"),
    [
        ("2026-11-20T14:05", "2026-11-20", "14:05"),
        ("2026-11-20 14:05:30", "2026-11-20", "14:05:30"),
        ("2026-11-20T14:05:00Z", "2026-11-20", "14:05:00"),
        ("2026-11-20T14:05:00.123Z", "2026-11-20", "14:05:00"),
        ("2026-11-20T14:05:00+01:00", "2026-11-20", "14:05:00"),
        ("2026-11-20T14:05-0500", "2026-11-20", "14:05"),
        ("2026-11-20 2:05 pm", "2026-11-20", "14:05"),
        ("2026-11-20 2:05PM", "2026-11-20", "14:05"),
        ("2026-11-20 12:30 a.m.", "2026-11-20", "00:30"),
        ("2026-11-20 12:30 pm", "2026-11-20", "12:30"),
        ("20.11.2026 09:15", "2026-11-20", "09:15"),
    ],
)
def test_check_in_times_as_people_and_scripts_write_them(written: str, day: str, time: str) -> None:
    pf = parse("content/checkins/c.md", f"---\nobjective: a\ndate: {written}\nvalues: {{}}\n---\n")
    assert list(pf.diagnostics) == []
    assert isinstance(pf.record, CheckIn)
    assert (pf.record.date.isoformat(), pf.record.time) == (day, time)


@pytest.mark.parametrize(
    "written", ["2026-11-20 13:05 pm", "2026-11-20 0:05 am", "2026-11-20 25:00"]
)
def test_times_that_do_not_exist_are_refused(written: str) -> None:
    pf = parse("content/checkins/c.md", f"---\nobjective: a\ndate: {written}\nvalues: {{}}\n---\n")
    assert only(pf).message == f"date has no such time of day: {written!r}"
