"""A key result whose ``unit:`` holds a magnitude (``k``, ``$M``, ``£m``)
counts its title's figures in it, and small figures keep their digits, from
a user audit: ``{title: Users from 10k to 20k, unit: k, current: 16.5k}``
read 0% (10,000 → 16.5 → 20,000 k), ``from £10m to £20m`` beside ``unit:
£m`` read no figures at all, and an error rate's target of 0.00001 showed
as 0."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]
TOML = 'title = "T"\nas_of = 2026-11-04\ndefault_cycle = "2026-Q4"\n'
PATH = "content/objectives/company/users.md"


def _objective(*key_results: str) -> str:
    lines = "".join(f"  - {kr}\n" for kr in key_results)
    return f"---\ntitle: Users\ncycle: 2026-Q4\nowner: alex\nkey_results:\n{lines}---\n"


def _checkin(values: str) -> str:
    return f"---\nobjective: company/users\ndate: 2026-11-01\nauthor: alex\nvalues: {values}\n---\n"


def _check(site: Path) -> list[str]:
    _code, output = run_cli("check", "--site", str(site))
    return [
        line
        for line in output.splitlines()
        if not line.startswith("okrsite:") and " OKR404: " not in line and " OKR401: " not in line
    ]


def _exported(site: Path) -> list[tuple[object, ...]]:
    code, output = run_cli("export", "--site", str(site))
    assert code == 0, output
    return [
        (kr["id"], kr["start"], kr["target"], kr["current"], kr["unit"], kr["progress"])
        for objective in json.loads(output)["objectives"]
        for kr in objective["key_results"]
    ]


def _rows(site: Path) -> list[str]:
    """Each key result's row on its objective's page: percent, figures, unit."""
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    html = (out / "objectives/company/users/index.html").read_text(encoding="utf-8")
    # the expected beside a running key result's bar is not its figures
    html = re.sub(
        r"<script.*?</script>|<style.*?</style>|<span class=\"meta expected\">.*?</span>",
        "",
        html,
        flags=re.S,
    )
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    return re.findall(r"\d+% [^%→]*→ [^%→]*→ [^%→]*? (?=on track|off track|at risk)", text)


def test_a_title_in_the_units_magnitude_counts_in_it(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            PATH: _objective(
                "{id: a, title: Users from 10k to 20k, unit: k, current: 16.5k}",
                "{id: b, title: Users from 10k to 20k, unit: k, current: 16.5}",
                "{id: c, title: Users from 10k to 20k, unit: k}",
                "{id: d, title: Users from 1M to 2M, unit: M, current: 1.65}",
                "{id: e, title: Users from 1 Mio to 2 Mio, unit: Mio, current: 1.65}",
                "{id: f, title: Budget from 1 Mrd to 2 Mrd, unit: Mrd, current: 1.65}",
                "{id: g, title: Volume from 1B to 2B, unit: B, current: 1.65}",
                "{id: h, title: Volume from 1bn to 2bn, unit: bn, current: 1.65}",
                "{id: i, title: MRR from 10k€ to 20k€, unit: k€, current: 16.5}",
                "{id: j, title: MRR from $10k to $20k, unit: $k, current: 16.5}",
                "{id: k, title: ARR from $10M to $20M, unit: $M, current: 16.5}",
                "{id: l, title: ARR from 10M$ to 20M$, unit: M$, current: 16.5}",
                "{id: m, title: ARR from 10 Mio € to 20 Mio €, unit: Mio €, current: 16.5}",
                # a bare title counts in the unit as written; whole figures stay whole
                "{id: n, title: Users from 10 to 20, unit: k, current: 16.5}",
                "{id: o, title: Users from 10k to 20k, unit: users, current: 16500}",
            ),
            "content/checkins/2026-11-01.md": _checkin("{c: 16.5k}"),
        }
    )
    assert _check(site) == []
    assert _exported(site) == [
        ("a", 10, 20, 16.5, "k", 0.65),
        ("b", 10, 20, 16.5, "k", 0.65),
        ("c", 10, 20, 16.5, "k", 0.65),
        ("d", 1, 2, 1.65, "M", 0.65),
        ("e", 1, 2, 1.65, "Mio", 0.65),
        ("f", 1, 2, 1.65, "Mrd", 0.65),
        ("g", 1, 2, 1.65, "B", 0.65),
        ("h", 1, 2, 1.65, "bn", 0.65),
        ("i", 10, 20, 16.5, "k€", 0.65),
        ("j", 10, 20, 16.5, "$k", 0.65),
        ("k", 10, 20, 16.5, "$M", 0.65),
        ("l", 10, 20, 16.5, "M$", 0.65),
        ("m", 10, 20, 16.5, "Mio €", 0.65),
        ("n", 10, 20, 16.5, "k", 0.65),
        ("o", 10000, 20000, 16500, "users", 0.65),
    ]
    assert _rows(site)[:3] == ["65% 10 → 16.5 → 20 k "] * 3


def test_a_target_beside_such_a_title_is_compared_in_the_unit(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            PATH: _objective(
                "{id: a, title: Users from 10k to 20k, unit: k, target: 20}",
                "{id: b, title: Users from 10k to 20k, unit: k, start: 10, target: 20}",
            ),
        }
    )
    assert _check(site) == [
        f"{PATH}:6:20: warning OKR409: key result 'a' has no start:, so it counts from "
        "0 k to 20 k, but its title says from 10 k to 20 k "
        "(hint: write start: 10, or fix the title)",
    ]


def test_a_lowercase_m_beside_a_unit_of_money_in_millions(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            PATH: _objective(
                "{id: a, title: Revenue from £10m to £20m, unit: £m, current: 16.5}",
                "{id: b, title: Revenue from €10m to €20m, unit: €m, current: 16.5}",
                "{id: c, title: Revenue from $10m to $20m, unit: $m, current: 16.5}",
                "{id: d, title: Revenue from $10mn to $20mn, unit: $mn, current: 16.5}",
                # the unit's own lowercase m, or money's M, counts in it as 16.5
                "{id: e, title: Revenue from £10m to £20m, unit: £m, current: £16.5m}",
                "{id: f, title: Revenue from £10m to £20m, unit: £m, current: £16.5M}",
                "{id: g, title: Revenue, start: 10, target: 20, unit: £m}",
                # alone, m is metres
                "{id: h, title: Cable, start: 10, target: 20, unit: m, current: 16.5 m}",
            ),
            "content/checkins/2026-11-01.md": _checkin("{g: £17M}"),
        }
    )
    assert _check(site) == []
    assert _exported(site) == [
        ("a", 10, 20, 16.5, "£m", 0.65),
        ("b", 10, 20, 16.5, "€m", 0.65),
        ("c", 10, 20, 16.5, "$m", 0.65),
        ("d", 10, 20, 16.5, "$mn", 0.65),
        ("e", 10, 20, 16.5, "£m", 0.65),
        ("f", 10, 20, 16.5, "£m", 0.65),
        ("g", 10, 20, 17, "£m", 0.7),
        ("h", 10, 20, 16.5, "m", 0.65),
    ]


def test_a_lowercase_m_without_a_unit_is_refused(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            PATH: _objective(
                "{id: a, title: Revenue from £10m to £20m, current: 16.5}",
                "{id: b, title: Revenue from $10mn to $20mn, current: 16.5}",
            ),
        }
    )
    assert _check(site) == [
        f"{PATH}:6:5: error OKR102: start must be a number, got '£10m': a lowercase m is "
        "million or metres (hint: write £10M or £10 Mio for millions)",
        f"{PATH}:6:5: error OKR102: target must be a number, got '£20m': a lowercase m is "
        "million or metres (hint: write £20M or £20 Mio for millions)",
        f"{PATH}:7:5: error OKR102: start must be a number, got '$10mn': okrsite does not "
        "read 'mn' as a magnitude (hint: write $10M or $10 Mio for millions)",
        f"{PATH}:7:5: error OKR102: target must be a number, got '$20mn': okrsite does not "
        "read 'mn' as a magnitude (hint: write $20M or $20 Mio for millions)",
    ]


def test_checkin_writes_a_figure_with_a_magnitude_in_the_unit(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            PATH: _objective(
                "{id: c, title: Users from 10k to 20k, unit: k}",
                "{id: d, title: Users from 10k to 20k, unit: k}",
                "{id: e, title: ARR from $10M to $20M, unit: $M}",
            ),
        }
    )
    code, output = run_cli(
        "checkin",
        "company/users",
        "--site",
        str(site),
        "--set",
        "c=17k",
        "--set",
        "d=17",
        "--set",
        "e=17M",
        "--date",
        "2026-11-02",
        "--author",
        "alex",
    )
    assert code == 0, output
    written = (site / "content/checkins/company/users/2026-11-02.md").read_text(encoding="utf-8")
    assert "values: {c: 17, d: 17, e: 17}\n" in written
    assert [row[3:] for row in _exported(site)] == [
        (17, "k", 0.7),
        (17, "k", 0.7),
        (17, "$M", 0.7),
    ]


def test_small_figures_keep_their_digits(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            PATH: _objective(
                "{id: a, title: Error rate, start: 0.00005, target: 0.00001, current: 0.000025}",
                "{id: b, title: Err from 0.000001 to 0.0000001, current: 0.0000005}",
            ),
        }
    )
    assert _exported(site) == [
        ("a", 5e-05, 1e-05, 2.5e-05, None, 0.625),
        ("b", 1e-06, 1e-07, 5e-07, None, 0.555556),
    ]
    code, output = run_cli("export", "--site", str(site), "--format", "csv")
    assert code == 0, output
    header, *rows = (line.split(",") for line in output.splitlines())
    assert [
        [dict(zip(header, row, strict=True))[key] for key in ("start", "target", "current")]
        for row in rows
    ] == [
        ["5e-05", "1e-05", "2.5e-05"],
        ["1e-06", "1e-07", "5e-07"],
    ]
    assert _rows(site) == [
        "63% 0.00005 → 0.000025 → 0.00001 ",
        "56% 0.000001 → 0.0000005 → 0.0000001 ",
    ]


def test_the_checkin_prompt_counts_a_magnitude_in_the_unit(
    make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked for each key result's value, ``17k`` for one in ``k`` is 17, as
    ``--set c=17k`` writes it and the file reads it (not 17,000 k)."""
    from okrsite import authoring_cli

    site = make_site(
        {
            "okrsite.toml": TOML,
            PATH: _objective("{id: c, title: Users from 10k to 20k, unit: k}"),
        }
    )
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nexit 0\n")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)
    code, output = run_cli(
        "checkin",
        "company/users",
        "--site",
        str(site),
        "--date",
        "2026-11-02",
        "--author",
        "alex",
        input="17k\n\n",
    )
    assert code == 0, output
    written = (site / "content/checkins/company/users/2026-11-02.md").read_text(encoding="utf-8")
    assert "values: {c: 17}\n" in written, written


def test_a_checkin_in_lowercase_millions_beside_a_unit_that_writes_them_so(
    make_site: MakeSite,
) -> None:
    """``£17m`` for a key result in ``£m`` is 17 £m (it was OKR312, 'written
    in m': money is never counted in metres)."""
    site = make_site(
        {
            "okrsite.toml": TOML,
            PATH: _objective("{id: a, title: Revenue from £10m to £20m, unit: £m}"),
            "content/checkins/company/users/2026-11-02.md": (
                "---\ndate: 2026-11-02\nvalues: {a: £17m}\n---\n"
            ),
        }
    )
    code, output = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR312" not in output, output
    assert [row[3:] for row in _exported(site)] == [(17, "£m", 0.7)]
