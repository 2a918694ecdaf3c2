"""Money written as people say it: ``1,2 Mio €``, ``$1.2 million``, ``150 k€``.

A magnitude word (``Mio``, ``Mio.``, ``Millionen``, ``million``, ``Tsd.``,
``Mrd.``) beside a currency multiplies the figure and leaves the currency
as the unit, wherever a figure is read; a unit that holds a magnitude
(``unit: k€``) counts a figure written in it as that unit; a sentence's
figures are read the same way; and what YAML cuts at a comma inside
``{…}`` is an error saying what to write. Each test builds a real site
on disk and runs the real CLI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

TOML = 'title = "Acme"\nas_of = "2026-11-15"\ndefault_cycle = "2026-Q4"\n'
GERMAN_TOML = TOML + 'language = "de"\n'


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def findings(site: Path) -> list[str]:
    """Each finding of ``okrsite check`` as ``LEVEL CODE: message (hint: …)``."""
    _code, output = run("check", "--site", str(site))
    return [
        found.group(1)
        for line in output.splitlines()
        if (found := re.match(r"\S+: ((?:error|warning) OKR\d+:.*)", line)) is not None
        and "OKR401" not in line
        and "OKR404" not in line
    ]


def key_results(site: Path) -> dict[str, dict[str, Any]]:
    code, output = run("export", "--site", str(site))
    assert code == 0, output
    data = json.loads(output)
    (objective,) = data["objectives"]
    return {kr["id"]: kr for kr in objective["key_results"]}


def figures(kr: dict[str, Any]) -> tuple[Any, ...]:
    return (kr["start"], kr["target"], kr["current"], kr["unit"])


def site_with(root: Path, key_results_yaml: str, values_yaml: str = "", toml: str = TOML) -> Path:
    files = {
        "okrsite.toml": toml,
        "content/objectives/sales.md": "---\ntitle: Grow revenue\nowner: Uma Diaz\n"
        "key_results:\n" + key_results_yaml + "---\n",
    }
    if values_yaml:
        files["content/checkins/sales/2026-11-01.md"] = "---\nvalues:\n" + values_yaml + "---\n"
    return write_site(root / "site", files)


# -- 1. a magnitude word before a currency -----------------------------------


def test_german_mio_before_euro_is_millions_in_euro(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        "  - id: umsatz\n    title: Umsatz\n    start: 0\n    target: 1,2 Mio €\n",
        "  umsatz: 600.000 €\n",
        GERMAN_TOML,
    )
    assert findings(site) == []
    kr = key_results(site)["umsatz"]
    assert figures(kr) == (0, 1_200_000, 600_000, "€")
    assert kr["progress"] == 0.5


@pytest.mark.parametrize(
    "written",
    ["1.2 Mio €", "1,2 Mio. €", "1.2 Millionen €", "€ 1,2 Mio.", "€1,2 Mio", "1.2 million €"],
)
def test_english_site_reads_every_spelling_of_millions(tmp_path: Path, written: str) -> None:
    site = site_with(
        tmp_path,
        f'  - {{id: arr, title: ARR, start: 0, target: "{written}"}}\n',
        "  arr: 600000\n",
    )
    assert findings(site) == []
    kr = key_results(site)["arr"]
    assert figures(kr) == (0, 1_200_000, 600_000, "€")
    assert kr["progress"] == 0.5


def test_magnitude_alone_and_other_units(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        "  - {id: plain, title: P, start: 0, target: 1.2 Mio}\n"
        "  - {id: users, title: U, start: 0, target: 2.5 million users}\n"
        "  - {id: eur, title: E, start: 0, target: 1.5 Mio. EUR}\n"
        "  - {id: tsd, title: T, start: 0, target: 500 Tsd. €}\n"
        "  - {id: mrd, title: M, start: 0, target: 2 Mrd. $}\n",
        "  plain: 600 Tsd.\n  users: 1 million users\n  eur: 0.5 Mio. EUR\n"
        "  tsd: 250000 €\n  mrd: $1 Mrd.\n",
    )
    assert findings(site) == []
    krs = key_results(site)
    assert figures(krs["plain"]) == (0, 1_200_000, 600_000, None)
    assert figures(krs["users"]) == (0, 2_500_000, 1_000_000, "users")
    assert figures(krs["eur"]) == (0, 1_500_000, 500_000, "EUR")
    assert figures(krs["tsd"]) == (0, 500_000, 250_000, "€")
    assert figures(krs["mrd"]) == (0, 2e9, 1e9, "$")


def test_magnitude_beside_a_unit_line_is_the_same_figure(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        "  - id: umsatz\n    title: Umsatz\n    unit: €\n    start: 0\n    target: 1,2 Mio €\n",
        "  umsatz: € 0,6 Mio.\n",
        GERMAN_TOML,
    )
    assert findings(site) == []
    assert figures(key_results(site)["umsatz"]) == (0, 1_200_000, 600_000, "€")


def test_lowercase_m_before_a_currency_is_an_error(tmp_path: Path) -> None:
    site = site_with(tmp_path, '  - {id: arr, title: ARR, start: 0, target: "1.2m €"}\n')
    (found,) = findings(site)
    assert found.startswith("error OKR102: target must be a number, got '1.2m €'")
    assert "lowercase m" in found
    assert "write 1.2M € or 1.2 Mio €" in found


def test_a_german_billion_is_refused(tmp_path: Path) -> None:
    """A German "Billion" is a million millions: refused, not read as 10⁹."""
    site = site_with(
        tmp_path, '  - {id: a, title: A, start: 0, target: "2 Billion €"}\n', toml=GERMAN_TOML
    )
    assert [f[:12] for f in findings(site)] == ["error OKR102"]


# -- 2. a unit that holds a magnitude ----------------------------------------


def test_figures_written_in_a_unit_with_a_magnitude_are_in_that_unit(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        "  - {id: k, title: K, unit: k€, start: 0 k€, target: 200 k€}\n"
        "  - {id: m, title: M, unit: M€, start: 0, target: 2 M€, current: 1.5 M€}\n"
        "  - {id: bare, title: B, unit: k, start: 0, target: 200k}\n"
        '  - {id: usd, title: D, unit: $k, start: 0, target: "$200k"}\n',
        "  k: 150\n  bare: 150\n  usd: 150\n",
    )
    assert findings(site) == []
    krs = key_results(site)
    assert figures(krs["k"]) == (0, 200, 150, "k€")
    assert figures(krs["m"]) == (0, 2, 1.5, "M€")
    assert figures(krs["bare"]) == (0, 200, 150, "k")
    assert figures(krs["usd"]) == (0, 200, 150, "$k")
    assert krs["k"]["progress"] == 0.75


def test_checkin_written_in_the_key_results_magnitude_unit(tmp_path: Path) -> None:
    """150 k€ for a key result in k€ is 150 of it; in a key result in € it is
    150,000 €; in one in M€ it is 0.15 of it (the same money in another
    magnitude); $150k in one in M€ is another unit (OKR312: okrsite converts
    nothing)."""
    site = site_with(
        tmp_path,
        "  - {id: k, title: K, unit: k€, start: 0, target: 200}\n"
        "  - {id: usd, title: D, unit: $k, start: 0, target: 200}\n"
        "  - {id: eur, title: E, unit: €, start: 0, target: 300000}\n"
        "  - {id: mio, title: M, unit: Mio €, start: 0, target: 2}\n",
        "  k: 150 k€\n  usd: $150k\n  eur: 150 k€\n  mio: 1,5 Mio €\n",
        GERMAN_TOML,
    )
    assert findings(site) == []
    krs = key_results(site)
    assert [(krs[k]["current"], krs[k]["progress"]) for k in ("k", "usd", "eur", "mio")] == [
        (150, 0.75),
        (150, 0.75),
        (150_000, 0.5),
        (1.5, 0.75),
    ]
    site = site_with(
        tmp_path / "mega",
        "  - {id: m, title: M, unit: M€, start: 0, target: 2}\n",
        "  m: 150 k€\n",
    )
    assert [f for f in findings(site) if "error" in f] == []
    assert key_results(site)["m"]["current"] == 0.15
    site = site_with(
        tmp_path / "dollars",
        "  - {id: m, title: M, unit: M€, start: 0, target: 2}\n",
        "  m: $150k\n",
    )
    assert [f for f in findings(site) if "error" in f] == [
        "error OKR312: m is written in '$k', but key result 'm' is measured in 'M€' "
        "(hint: write the figure in 'M€', without a unit or with it)"
    ]


def test_kpi_checkin_written_in_its_magnitude_unit(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/kpis/arr.md": (
                "---\ntitle: ARR\nowner: Uma Diaz\nunit: k€\ntarget: 900 k€\n"
                "values: {2026-10-01: 800 k€}\n---\n"
            ),
            "content/checkins/arr/2026-11-01.md": "---\nvalue: 850 k€\n---\n",
        },
    )
    assert findings(site) == []
    code, output = run("export", "--site", str(site))
    assert code == 0, output
    (kpi,) = json.loads(output)["kpis"]
    assert (kpi["unit"], kpi["target"], kpi["value"]) == ("k€", 900, 850)
    code, output = run("build", "--site", str(site))
    assert code == 0, output
    page = (site / "_site/kpis/arr/index.html").read_text("utf-8")
    assert "800 k€" in page and "800.000" not in page and "800,000" not in page


# -- 3. sentences --------------------------------------------------------------


def test_sentences_with_millions_in_words(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '  - {id: arr, title: "Raise ARR from $1.2 million to $2 million"}\n'
        "  - Umsatz von 1,2 Mio. € auf 2 Mio. € steigern\n"
        "  - Umsatz von 1,2 Mio € auf 2 Mio € steigern\n"
        "  - title: Umsatz von 1,2 Mio. EUR auf 2 Mio. EUR steigern\n    id: eur\n"
        "  - Umsatz von 500 Tsd. € auf 800 Tsd. € steigern\n",
        "  arr: $1.5M\n  kr2: 1,5 Mio €\n",
    )
    assert findings(site) == []
    krs = key_results(site)
    assert figures(krs["arr"]) == (1_200_000, 2_000_000, 1_500_000, "$")
    assert krs["arr"]["progress"] == 0.375
    assert figures(krs["kr2"]) == (1_200_000, 2_000_000, 1_500_000, "€")
    assert krs["kr2"]["progress"] == 0.375
    assert figures(krs["kr3"])[::3] == (1_200_000, "€") and krs["kr3"]["target"] == 2_000_000
    assert figures(krs["eur"])[::3] == (1_200_000, "EUR") and krs["eur"]["target"] == 2_000_000
    assert (krs["kr5"]["start"], krs["kr5"]["target"]) == (500_000, 800_000)


def test_german_sentence_cut_at_its_decimal_comma_says_to_quote_it(tmp_path: Path) -> None:
    site = site_with(tmp_path, "  - {id: de, title: Umsatz von 1,2 Mio. € auf 2 Mio. € steigern}\n")
    assert findings(site) == [
        "error OKR106: title was cut at the comma in 'Umsatz von 1,2 Mio. € auf 2 Mio. € "
        "steigern': inside {…} a comma separates the entries, so it reads 'Umsatz von 1' "
        '(hint: put it in quotes: title: "Umsatz von 1,2 Mio. € auf 2 Mio. € steigern")'
    ]


def test_sentence_with_lowercase_m_names_the_m(tmp_path: Path) -> None:
    site = site_with(tmp_path, "  - Raise ARR from 1.2m to 2m\n")
    found = findings(site)
    assert found and all(f.startswith("error OKR102") for f in found)
    assert "lowercase m" in found[0] and "write 1.2M" in found[0]
    assert not any("is its target" in f for f in found)


def test_out_of_a_scale_is_no_unit(tmp_path: Path) -> None:
    site = site_with(tmp_path, "  - {id: csat, title: Improve CSAT from 4.2 to 4.5 out of 5}\n")
    assert findings(site) == []
    kr = key_results(site)["csat"]
    assert (kr["start"], kr["target"], kr["unit"]) == (4.2, 4.5, None)


# -- 4. a decimal comma inside {…} before a magnitude and a unit ---------------


def test_decimal_comma_before_two_words_is_an_error(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        "  - {id: a, title: A, target: 1,2 Mio €}\n  - {id: b, title: B, target: 1,2 Mio}\n",
    )
    assert findings(site) == [
        "error OKR102: target: 1,2 Mio € is read as 1 and a key 2 Mio €: inside {…} a comma "
        'separates the entries (hint: write 1.2 Mio €, or put it in quotes: "1,2 Mio €")',
        "error OKR102: target: 1,2 Mio is read as 1 and a key 2 Mio: inside {…} a comma "
        'separates the entries (hint: write 1.2 Mio, or put it in quotes: "1,2 Mio")',
    ]


def test_the_hint_for_a_cut_magnitude_is_accepted(tmp_path: Path) -> None:
    """What OKR102's hint says to write (``1.2 Mio``) is read."""
    site = site_with(tmp_path, "  - {id: b, title: B, start: 0, target: 1.2 Mio}\n")
    assert findings(site) == []
    assert key_results(site)["b"]["target"] == 1_200_000


# -- 5. a title cut at a comma that groups thousands -------------------------


def test_unquoted_title_with_thousands_comma_says_to_quote_it(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        "  - {id: bl, title: Reduce backlog from 1,200 to 900 tickets}\n"
        "  - {id: u, title: Cut from 1,200,000 to 900,000 users}\n",
        "  bl: 1000\n",
    )
    found = findings(site)
    assert found == [
        "error OKR106: title was cut at the comma in 'Reduce backlog from 1,200 to 900 "
        "tickets': inside {…} a comma separates the entries, so it reads 'Reduce backlog "
        'from 1\' (hint: put it in quotes: title: "Reduce backlog from 1,200 to 900 tickets")',
        "error OKR106: title was cut at the comma in 'Cut from 1,200,000 to 900,000 users': "
        "inside {…} a comma separates the entries, so it reads 'Cut from 1' (hint: put it "
        'in quotes: title: "Cut from 1,200,000 to 900,000 users")',
    ]


def test_quoted_title_with_thousands_comma_is_read(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '  - {id: bl, title: "Reduce backlog from 1,200 to 900 tickets"}\n',
        "  bl: 1000\n",
    )
    assert findings(site) == []
    assert figures(key_results(site)["bl"]) == (1200, 900, 1000, "tickets")


def test_kpi_target_and_readings_with_mio(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": GERMAN_TOML,
            "content/kpis/umsatz.md": "---\ntitle: Umsatz\ntarget: 1,2 Mio €\nvalues:\n"
            "  2026-10-01: 600.000 €\n  2026-11-01: 0,9 Mio. €\n---\n",
        },
    )
    assert findings(site) == []
    code, output = run("export", "--site", str(site))
    assert code == 0, output
    (kpi,) = json.loads(output)["kpis"]
    assert (kpi["target"], kpi["value"], kpi["unit"]) == (1_200_000, 900_000, "€")
