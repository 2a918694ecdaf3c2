"""Check-ins of a key result or KPI without ``unit:`` written in two currencies.

Found by writing a site by hand: a KPI "Monthly revenue" without ``unit:``,
one check-in ``value: €1,200,000`` and the next ``value: $1,300,000``; both
were read as plain numbers, one series of euros and dollars, without a
word. The first check-in in money sets the currency; a later one in another
is OKR312 and does not count.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_site

CONFIG = 'title = "Goals"\nas_of = "2026-12-06"\n'


def checkin(day: str, line: str) -> str:
    return f"---\ndate: {day}\n{line}\n---\n"


def check(site: Path) -> list[tuple[str, str, int, str]]:
    code, out = run_cli("check", "--site", str(site), "--format", "json")
    found = json.loads(out[out.index("[") : out.rindex("]") + 1])  # the summary on stderr aside
    return [(d["code"], d["file"], d["line"], d["message"]) for d in found]


def test_a_kpi_without_unit_read_in_euros_then_dollars(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "s",
        {
            "okrsite.toml": CONFIG,
            "content/kpis/rev.md": "---\ntitle: Monthly revenue\ntarget: 2000000\n---\n",
            # named so that file order and check-in order differ
            "content/checkins/rev/b.md": checkin("2026-12-01", "value: €1,200,000"),
            "content/checkins/rev/a.md": checkin("2026-12-02", "value: $1,300,000"),
            "content/checkins/rev/c.md": checkin("2026-12-03", "value: 1,250,000 €"),
        },
    )
    found = [f for f in check(site) if f[0] == "OKR312"]
    assert found == [
        (
            "OKR312",
            "content/checkins/rev/a.md",
            3,
            "value is written in '$', but content/checkins/rev/b.md gives KPI 'rev' in '€', "
            "and KPI 'rev' has no unit: okrsite converts nothing between currencies",
        )
    ]


def test_a_key_result_without_unit_and_the_same_currency_twice(tmp_path: Path) -> None:
    objective = (
        "---\ntitle: Grow EMEA\ncycle: 2026-Q4\nkey_results:\n"
        "  - {id: rev, title: Grow revenue, start: 0, target: 2000000}\n---\n"
    )
    files = {
        "okrsite.toml": CONFIG,
        "content/objectives/emea.md": objective,
        "content/checkins/emea/2026-11-01.md": checkin("2026-11-01", "values: {rev: €1200000}"),
        "content/checkins/emea/2026-11-08.md": checkin("2026-11-08", "values: {rev: 1300000 €}"),
    }
    site = write_site(tmp_path / "same", files)
    assert [f for f in check(site) if f[0] == "OKR312"] == []
    files["content/checkins/emea/2026-11-15.md"] = checkin("2026-11-15", "values: {rev: £1400000}")
    site = write_site(tmp_path / "other", files)
    assert [(f[1], f[2]) for f in check(site) if f[0] == "OKR312"] == [
        ("content/checkins/emea/2026-11-15.md", 3)
    ]
    code, out = run_cli("build", "--site", str(site))
    assert code == 1 and "OKR312" in out  # an error: nothing is published


def test_a_key_result_in_its_own_currency_is_held_to_it_elsewhere(tmp_path: Path) -> None:
    objective = (
        "---\ntitle: Grow EMEA\ncycle: 2026-Q4\nkey_results:\n"
        "  - Grow revenue from €1M to €2M\n---\n"
    )
    site = write_site(
        tmp_path / "s",
        {
            "okrsite.toml": CONFIG,
            "content/objectives/emea.md": objective,
            "content/checkins/emea/2026-11-01.md": checkin("2026-11-01", "values: {kr1: $1200000}"),
        },
    )
    found = [f for f in check(site) if f[0] == "OKR312"]
    assert len(found) == 1 and "measured in '€'" in found[0][3], found


def test_a_currency_code_is_read_past_as_a_sign_is(tmp_path: Path) -> None:
    """``1,250,000 EUR`` for a KPI without unit was OKR312 ("written in 'EUR',
    but KPI 'rev' is measured in plain numbers") while ``€1,250,000`` was
    read: a code is now read past as a sign is, and held to the currency of
    the check-ins before it, named as written."""
    site = write_site(
        tmp_path / "s",
        {
            "okrsite.toml": CONFIG,
            "content/kpis/rev.md": "---\ntitle: Monthly revenue\ntarget: 2000000\n---\n",
            "content/checkins/rev/2026-12-01.md": checkin("2026-12-01", "value: €1,200,000"),
            "content/checkins/rev/2026-12-02.md": checkin("2026-12-02", "value: 1,250,000 EUR"),
        },
    )
    assert [f for f in check(site) if f[0] == "OKR312"] == []
    site = write_site(
        site, {"content/checkins/rev/2026-12-03.md": checkin("2026-12-03", "value: 1,300,000 USD")}
    )
    found = [f[3] for f in check(site) if f[0] == "OKR312"]
    assert found == [
        "value is written in 'USD', but content/checkins/rev/2026-12-01.md gives KPI 'rev' in "
        "'€', and KPI 'rev' has no unit: okrsite converts nothing between currencies"
    ]
