"""What a German team found writing its goals (audit 38): a figure in
``Billionen``, a decimal comma inside a one-line ``values:`` list, the id
``okrsite new person`` says for a name a file already has, and a quarter
written ``4. Quartal 2026``. Each runs the real command on a site in
``tmp_path``."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import files_of, run_cli, write_site

_TOML = 'language = "de"\nas_of = 2026-11-20\n'
_PERSON = "---\ntitle: Jürgen Groß\n---\n"
_BILLION_HINT = 'a German or French "Billion" is a million millions: write Mrd. or bn'


def _site(root: Path, files: dict[str, str], toml: str = _TOML) -> Path:
    return write_site(
        root / "site",
        {"okrsite.toml": toml, "content/people/juergen-gross.md": _PERSON, **files},
    )


def _objective(key_results: str, cycle: str = "Q4 2026") -> str:
    return (
        f"---\ntitle: Budget\ncycle: {cycle}\nowner: Jürgen Groß\nkey_results:\n{key_results}---\n"
    )


def _lines(output: str, code: str) -> list[str]:
    return [line for line in output.splitlines() if code in line]


def test_billionen_is_refused_in_key_results_as_billion_is(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/objectives/budget.md": _objective(
                "  - {id: a, title: Staatsbudget, start: 0, target: 1 Billion €}\n"
                "  - {id: b, title: Plural, start: 0, target: 2 Billionen €}\n"
                '  - {id: c, title: Komma, start: 0, target: "1,2 Billionen"}\n'
                "  - {id: d, title: Euro, start: 0, target: 2 BILLIONEN Euro}\n"
            )
        },
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    errors = _lines(out, "OKR102")
    assert len(errors) == 4, out
    for line in errors:
        assert "as a magnitude" in line and _BILLION_HINT in line, line
    assert "'Billionen'" in out and "'BILLIONEN'" in out
    assert "Billionen €" not in out.replace("got '2 Billionen €'", "")


def test_billionen_is_refused_in_kpi_readings_and_checkins(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/objectives/budget.md": _objective(
                "  - {id: umsatz, title: Umsatz, start: 0, target: 5 Mio. €}\n"
            ),
            "content/kpis/schulden.md": (
                "---\ntitle: Schulden\nunit: €\nowner: Jürgen Groß\nvalues:\n"
                "  2026-10-01: 2 Billionen €\n  2026-11-01: 1 Billion €\n---\n"
            ),
            "content/checkins/budget/2026-11-19.md": (
                "---\ndate: 2026-11-19\nvalues: {umsatz: 2 Billionen €}\n---\n"
            ),
        },
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    assert "OKR312" not in out, out
    errors = _lines(out, "OKR102")
    assert len(errors) == 3, out
    for line in errors:
        assert "does not read 'Billion" in line and _BILLION_HINT in line, line


def test_checkin_set_in_billionen_is_the_same_error(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/objectives/umsatz.md": _objective(
                "  - {id: umsatz, title: Umsatz, start: 0, target: 5 Mio. €}\n"
            )
        },
    )
    before = files_of(site)
    code, out = run_cli(
        "checkin", "umsatz", "--set", "umsatz=2 Billionen €", "--note", "x", "--site", str(site)
    )
    assert code == 1, out
    assert "OKR312" not in out, out
    assert "OKR102" in out and "'Billionen'" in out and _BILLION_HINT in out, out
    assert files_of(site) == before


def test_french_billions_is_refused_too(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/objectives/budget.md": _objective(
                "  - {id: a, title: Budget, start: 0, target: 2 billions €}\n"
            )
        },
        toml='language = "fr"\nas_of = 2026-11-20\n',
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    assert "'billions'" in out and _BILLION_HINT in out, out


def _checkin_site(tmp_path: Path, values: str) -> Path:
    return _site(
        tmp_path,
        {
            "content/objectives/budget.md": _objective(
                "  - {id: kr1, title: Kunden, start: 0, target: 10}\n"
                "  - {id: kr2, title: Quote, start: 0, target: 20 %}\n"
            ),
            "content/checkins/budget/2026-11-20.md": (
                f"---\ndate: 20.11.2026 09:00\nvalues: {values}\n---\n"
            ),
        },
    )


def test_decimal_comma_in_a_one_line_values_list_gets_the_hint(tmp_path: Path) -> None:
    site = _checkin_site(tmp_path, "[kr1: 3, kr2: 16,5 %]")
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    assert "OKR106" not in out and "[{" not in out and "must be a mapping" not in out, out
    (line,) = _lines(out, "OKR102")
    assert "content/checkins/budget/2026-11-20.md:3:" in line, line
    assert "16,5 %" in line and 'write 16.5 %, or put it in quotes: "16,5 %"' in line, line


def test_a_values_list_with_a_stray_item_names_both_forms(tmp_path: Path) -> None:
    site = _checkin_site(tmp_path, "[kr1: 3, 7]")
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    (line,) = _lines(out, "OKR106")
    assert "list of one-key entries" in line and "item 2 (7)" in line, line
    assert "[{" not in out and "{'" not in out, out


def test_new_person_names_one_id(tmp_path: Path) -> None:
    site = _site(tmp_path, {})
    before = files_of(site)
    code, out = run_cli("new", "person", "Jürgen Groß", "--site", str(site))
    assert code == 2, out
    assert "juergen-gross" in out and "jurgen-gross" not in out, out
    assert files_of(site) == before


def test_german_quarter_name_is_the_quarter(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/objectives/budget.md": _objective(
                "  - {id: a, title: Kunden, start: 0, target: 10}\n", cycle="4. Quartal 2026"
            ),
            "content/objectives/halb.md": _objective(
                "  - {id: a, title: Kunden, start: 0, target: 10}\n", cycle="2. Halbjahr 2026"
            ),
        },
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 0, out
    assert "OKR302" not in out
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    cycles = {o["id"]: o["cycle"] for o in json.loads(out)["objectives"]}
    assert cycles == {"budget": "2026-Q4", "halb": "2026-H2"}, cycles
