"""A unit written with a currency code holds its magnitude as one written
with the sign does, from a user audit: ``okrsite init``'s own sample key
result (``unit: M EUR``) took ``okrsite checkin --set revenue=1.35M`` as
1,350,000 M EUR, done at 100%, where ``unit: M€`` wrote 1.35; and
``current: 1.35M``, a KPI's ``1.4M`` and ``kEUR``'s ``150k`` were a
million (a thousand) times too large without a word. Also: money of another
currency in a goal file (``current: "$1,200"`` beside ``unit: "€"``) is
refused as a check-in's is (OKR312), a KPI's thresholds pasted as shares of
one beside a target in percent are warned of (OKR127), and so is a key
result's own ``current: 0.12`` beside a range of 10% to 40% (OKR128)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]
TOML = 'title = "T"\nas_of = 2026-11-04\ndefault_cycle = "2026-Q4"\n'

#: the currencies a unit may name by code, with their sign
CURRENCIES = {"EUR": "€", "USD": "$", "GBP": "£"}
#: magnitudes a unit may hold, and what each multiplies by (``T``: the German
#: accounts' thousand, ``TEUR``, ``T€``)
MAGNITUDES = {
    "k": 1e3,
    "T": 1e3,
    "Tsd.": 1e3,
    "M": 1e6,
    "Mio.": 1e6,
    "Mio": 1e6,
    "bn": 1e9,
    "Mrd.": 1e9,
}


def _code_spellings(code: str, magnitude: str) -> list[str]:
    """Every way a unit names a magnitude and a currency code: either order,
    with a space or none (``M EUR``, ``EUR M``, ``MEUR``, ``EURM``)."""
    return [
        f"{magnitude} {code}",
        f"{code} {magnitude}",
        f"{magnitude}{code}",
        f"{code}{magnitude}",
    ]


UNITS = [
    (code, magnitude, spelling)
    for code in CURRENCIES
    for magnitude in MAGNITUDES
    for spelling in _code_spellings(code, magnitude)
]


def _figures(sign: str) -> list[str]:
    """A figure written the ways people write one beside a unit of money in a
    magnitude: bare (in the unit), with a magnitude and no money, with the
    unit's sign and a magnitude, as whole money with its sign or its code."""
    code = next(c for c, s in CURRENCIES.items() if s == sign)
    return ["1.35", "1350k", f"{sign}1.35M", f"1,350,000 {sign}", f"1.35M {code}"]


def _site(make_site: MakeSite, units: list[tuple[str, str]]) -> Path:
    """One objective, check-in and KPI for each ``(unit, sign)``: each figure
    of :func:`_figures` as a key result's ``current:``, a check-in's value
    and a KPI's reading."""
    files: dict[str, str | bytes] = {"okrsite.toml": TOML}
    for n, (unit, sign) in enumerate(units):
        figures = _figures(sign)
        krs = "".join(
            f"  - {{id: c{i}, title: R, start: 0, target: 2, unit: {json.dumps(unit)}, "
            f"current: {json.dumps(figure)}}}\n"
            for i, figure in enumerate(figures)
        ) + "".join(
            f"  - {{id: v{i}, title: R, start: 0, target: 2, unit: {json.dumps(unit)}}}\n"
            for i in range(len(figures))
        )
        files[f"content/objectives/o{n}.md"] = (
            f"---\ntitle: O\ncycle: 2026-Q4\nowner: alex\nkey_results:\n{krs}---\n"
        )
        # a check-in's 1350k beside a unit of money is another unit (OKR312), sign or code
        values = "".join(
            f"  v{i}: {json.dumps(sign + figure if figure == '1350k' else figure)}\n"
            for i, figure in enumerate(figures)
        )
        files[f"content/checkins/o{n}/2026-11-01.md"] = (
            f"---\nobjective: o{n}\ndate: 2026-11-01\nauthor: alex\nvalues:\n{values}---\n"
        )
        for i, figure in enumerate(figures):
            files[f"content/kpis/k{n}-{i}.md"] = (
                f"---\ntitle: K\nowner: alex\nunit: {json.dumps(unit)}\n"
                f"values:\n  2026-10-01: {json.dumps(figure)}\n---\n"
            )
    return make_site(files)


def _read(site: Path, count: int) -> list[list[object]]:
    """Each site unit's figures as the export counts them: key results'
    ``current:``, check-in values, KPI readings; after a check that finds
    nothing wrong."""
    code, output = run_cli("check", "--site", str(site))
    assert code == 0 and " error " not in output and "OKR3" not in output, output
    code, output = run_cli("export", "--site", str(site))
    assert code == 0, output
    data = json.loads(output)
    objectives = {o["id"]: o for o in data["objectives"]}
    kpis = {k["id"]: k for k in data["kpis"]}
    out = []
    for n in range(count):
        krs = {kr["id"]: kr for kr in objectives[f"o{n}"]["key_results"]}
        figures = range(len(_figures("€")))
        out.append(
            [krs[f"c{i}"]["current"] for i in figures]
            + [krs[f"v{i}"]["current"] for i in figures]
            + [kpis[f"k{n}-{i}"]["value"] for i in figures]
        )
    return out


@pytest.mark.parametrize("code", list(CURRENCIES))
def test_a_unit_with_a_currency_code_holds_its_magnitude_as_one_with_the_sign(
    make_site: MakeSite, code: str
) -> None:
    sign = CURRENCIES[code]
    units = [(unit, sign) for c, _magnitude, unit in UNITS if c == code]
    signed = [(f"{magnitude}{sign}", sign) for c, magnitude, _unit in UNITS if c == code]
    read = _read(_site(make_site, units), len(units))
    assert read == _read(_site(make_site, signed), len(signed))
    for (_c, magnitude, unit), figures in zip(
        [u for u in UNITS if u[0] == code], read, strict=True
    ):
        expected = float(f"{1.35e6 / MAGNITUDES[magnitude]:.12g}")
        assert (
            figures == [1.35] + [expected] * 4 + [1.35] + [expected] * 4 + [1.35] + [expected] * 4
        ), unit


def _uncommented(text: str) -> str:
    """The file ``okrsite new objective`` writes with its sample key results
    taken in, as its comment asks."""
    return (
        "\n".join(line[2:] if line.startswith("# ") else line for line in text.splitlines()) + "\n"
    )


def test_okrsite_inits_sample_key_result_in_m_eur_takes_a_check_in_in_millions(
    tmp_path: Path,
) -> None:
    code, output = run_cli("init", str(tmp_path / "s"))
    assert code == 0, output
    site = tmp_path / "s"
    code, output = run_cli(
        "new", "objective", "sales/emea", "--title", "Grow EMEA", "--owner", "alex",
        "--site", str(site),
    )  # fmt: skip
    assert code == 0, output
    goal = site / "content/objectives/sales/emea.md"
    goal.write_text(_uncommented(goal.read_text(encoding="utf-8")), encoding="utf-8")
    assert "    unit: M EUR\n" in goal.read_text(encoding="utf-8")
    code, output = run_cli(
        "checkin", "sales/emea", "--set", "revenue=1.35M", "--set", "partners=no",
        "--date", "2026-12-01", "--site", str(site),
    )  # fmt: skip
    assert code == 0, output
    written = (site / "content/checkins/sales/emea/2026-12-01.md").read_text(encoding="utf-8")
    assert "values: {revenue: 1.35, partners: false}\n" in written
    code, output = run_cli("export", "--site", str(site), "--as-of", "2026-12-05")
    assert code == 0, output
    (objective,) = [o for o in json.loads(output)["objectives"] if o["id"] == "sales/emea"]
    revenue = objective["key_results"][0]
    assert (revenue["start"], revenue["target"], revenue["current"], revenue["unit"]) == (
        1.2,
        1.5,
        1.35,
        "M EUR",
    )
    assert revenue["progress"] == 0.5


@pytest.mark.parametrize(
    ("unit", "typed", "written"),
    [
        ("M EUR", "1.35M", "1.35"),
        ("EUR M", "1350k", "1.35"),
        ("kUSD", "150k", "150"),
        ("USD k", "1.5M", "1500"),
        ("Mio. EUR", "2,5 Mio.", "2.5"),
        ("Tsd. €", "150k", "150"),
    ],
)
def test_checkin_set_counts_a_figure_in_a_code_units_magnitude(
    make_site: MakeSite, unit: str, typed: str, written: str
) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/o.md": "---\ntitle: O\ncycle: 2026-Q4\nowner: alex\n"
            f"key_results:\n  - {{id: r, title: R, start: 0, target: 3000, unit: {unit}}}\n---\n",
        }
    )
    code, output = run_cli(
        "checkin", "o", "--set", f"r={typed}", "--date", "2026-11-01", "--site", str(site)
    )
    assert code == 0, output
    text = (site / "content/checkins/o/2026-11-01.md").read_text(encoding="utf-8")
    assert f"values: {{r: {written}}}\n" in text


def _check(site: Path) -> list[str]:
    _code, output = run_cli("check", "--site", str(site))
    return [
        line
        for line in output.splitlines()
        if not line.startswith("okrsite:") and " OKR404: " not in line and " OKR401: " not in line
    ]


def test_a_goal_files_figure_in_another_currency_is_refused(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/o.md": """\
                ---
                title: O
                cycle: 2026-Q4
                owner: alex
                key_results:
                  - id: a
                    title: Revenue
                    start: 1000
                    target: 2000
                    current: "$1,200"
                    unit: "€"
                  - id: b
                    title: ARR
                    target: 2
                    current: €1.5M
                    unit: M USD
                  - id: c
                    title: Costs
                    target: "1,500 USD"
                    unit: "€"
                  - id: d
                    title: Revenue
                    target: 2
                    current: "1.5M EUR"
                    unit: M€
                ---
                """,
            "content/kpis/k.md": """\
                ---
                title: Revenue
                owner: alex
                unit: "€"
                target: "$1,500"
                thresholds: {green: "1.200 €", red: "$900"}
                values:
                  2026-09-01: "1.100 €"
                  2026-10-01: "$1,200"
                ---
                """,
        }
    )
    assert _check(site) == [
        "content/kpis/k.md:5:9: error OKR312: target is written in '$', but KPI 'k' is measured "
        "in '€': okrsite converts nothing between currencies (hint: write it in '€', without a "
        "currency or with its own)",
        "content/kpis/k.md:6:37: error OKR312: red is written in '$', but KPI 'k' is measured in "
        "'€': okrsite converts nothing between currencies (hint: write it in '€', without a "
        "currency or with its own)",
        "content/kpis/k.md:9:15: error OKR312: value for 2026-10-01 is written in '$', but KPI 'k' "
        "is measured in '€': okrsite converts nothing between currencies (hint: write it in '€', "
        "without a currency or with its own)",
        "content/objectives/o.md:10:14: error OKR312: current is written in '$', but key result "
        "'a' is measured in '€': okrsite converts nothing between currencies (hint: write current "
        "in '€', without a currency or with its own)",
        "content/objectives/o.md:15:14: error OKR312: current is written in '€', but key result "
        "'b' is measured in 'M USD': okrsite converts nothing between currencies (hint: write "
        "current in 'M USD', without a currency or with its own)",
        "content/objectives/o.md:19:13: error OKR312: target is written in '$', but key result "
        "'c' is measured in '€': okrsite converts nothing between currencies (hint: write target "
        "in '€', without a currency or with its own)",
    ]


def test_kpi_thresholds_written_as_shares_of_one_beside_percent_are_warned_of(
    make_site: MakeSite,
) -> None:
    kpi = """\
        ---
        title: Churn
        owner: alex
        direction: down
        target: 3%
        thresholds: {green: 0.03, red: 0.05}
        values:
          2026-09-01: 4.3%
          2026-10-01: 4.1%
        ---
        """
    site = make_site({"okrsite.toml": TOML, "content/kpis/churn.md": kpi})
    assert _check(site) == [
        "content/kpis/churn.md:6:21: warning OKR127: thresholds green 0.03 and red 0.05 look like "
        "shares of one beside target 3% and readings of 4.1% to 4.3%: all are read as "
        "percentages, so green is 0.03% and red is 0.05% (hint: write them as percentages: "
        "thresholds: {green: 3%, red: 5%})",
    ]
    fixed = kpi.replace("{green: 0.03, red: 0.05}", "{green: 3%, red: 5%}")
    site = make_site({"okrsite.toml": TOML, "content/kpis/churn.md": fixed})
    assert _check(site) == []


def test_a_key_results_own_current_written_as_a_share_of_one_is_warned_of(
    make_site: MakeSite,
) -> None:
    def objective(current: str) -> str:
        return (
            "---\ntitle: O\ncycle: 2026-Q4\nowner: alex\nkey_results:\n"
            f'  - {{id: cov, title: Coverage, start: 10, target: 40, unit: "%", current: {current}}}\n'
            "---\n"
        )

    site = make_site({"okrsite.toml": TOML, "content/objectives/o.md": objective("0.12")})
    assert _check(site) == [
        "content/objectives/o.md:6:75: warning OKR128: current of key result 'cov' is 0.12, "
        "which reads as 0.12%, though it runs from 10% to 40%: a share of one where a "
        "percentage belongs? (hint: write current: 12% (or 12) if you meant 12%)",
    ]
    for written in ("12", "0.12%", "0.05"):  # as meant; said with its %; 5% is outside
        site = make_site({"okrsite.toml": TOML, "content/objectives/o.md": objective(written)})
        assert _check(site) == [], written


def test_a_check_in_file_counts_a_magnitude_in_a_money_unit_and_refuses_other_money(
    make_site: MakeSite,
) -> None:
    """A check-in file's ``revenue: 1.35M`` beside ``unit: M EUR`` (or
    ``arr: 1500k`` beside ``M€``) counts in the unit, as ``--set`` and goal
    files do (it was OKR312); ``$1.4M`` beside ``M EUR`` is another currency,
    refused (it was counted as euros)."""
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/rev.md": (
                "---\ntitle: Grow revenue\nowner: alex\nkey_results:\n"
                "  - {id: revenue, title: Revenue, start: 1.2, target: 1.5, unit: M EUR}\n"
                '  - {id: arr, title: ARR, start: 1, target: 2, unit: "M€"}\n---\n'
            ),
            "content/checkins/rev/2026-11-02.md": (
                "---\ndate: 2026-11-02\nvalues:\n  revenue: 1.35M\n  arr: 1500k\n---\n"
            ),
        }
    )
    code, out = run_cli("export", "--site", str(site), "--format", "json")
    assert code == 0, out
    krs = json.loads(out[out.index("{") :])["objectives"][0]["key_results"]
    assert [(kr["id"], kr["current"]) for kr in krs] == [("revenue", 1.35), ("arr", 1.5)]
    (site / "content/checkins/rev/2026-11-03.md").write_text(
        "---\ndate: 2026-11-03\nvalues:\n  revenue: $1.4M\n---\n"
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    assert (
        "content/checkins/rev/2026-11-03.md:4:12: error OKR312: revenue is written in '$M', "
        "but key result 'revenue' is measured in 'M EUR'"
    ) in out
