"""What a German team writes as it naturally would, found refused or
mis-hinted by a user audit: ``1,000,000`` in a KPI file separated by
semicolons (whose hint suggested exactly that), ``confidence: gering`` (the
word the German pages show), ``--as-of 24.11.2026`` (which ``as_of`` in
okrsite.toml takes), and ``23.11.2026, 16:30 Uhr`` as a check-in's date.
Each runs the real command on a site in ``tmp_path``."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import files_of, run_cli, write_site

_TOML = 'language = "de"\nas_of = "30.11.2026"\n'
_OBJECTIVE = (
    "---\ntitle: Umsatz steigern\ncycle: 2026-Q4\nowner: Anna Schröder\nkey_results:\n"
    "  - {id: umsatz, title: Umsatz, start: 0, target: 100}\n---\n"
)
_KPI = "---\ntitle: Monatsumsatz\nowner: Anna Schröder\ndata: kpis/umsatz.csv\n---\n"


def _site(root: Path, files: dict[str, str], toml: str = _TOML) -> Path:
    return write_site(
        root / "site",
        {
            "okrsite.toml": toml,
            "content/people/anna-schroeder.md": "---\ntitle: Anna Schröder\n---\n",
            "content/objectives/vertrieb/umsatz.md": _OBJECTIVE,
            **files,
        },
    )


def _checkin(date: str, extra: str = "") -> str:
    return f"---\nobjective: vertrieb/umsatz\ndate: {date}\n{extra}values: {{umsatz: 40}}\n---\n"


def _lines(output: str, code: str) -> list[str]:
    return [line for line in output.splitlines() if code in line]


# 1. a number grouped the English way in a file whose decimals are commas


@pytest.mark.parametrize(
    "delimiter, cell, hint",
    [
        (
            ";",
            "1,000,000",
            "write 1000000 or 1.000.000: in a file separated by semicolons a comma "
            "marks the decimals",
        ),
        (
            "\t",
            "1,234.5 €",
            "write 1234,5 € or 1.234,5 €: in a file separated by tabs a comma marks the decimals",
        ),
        (
            ";",
            "viel",
            "write digits, e.g. 50, 0,25, 1000000 or 1.000.000: in a file separated by "
            "semicolons a comma marks the decimals",
        ),
    ],
)
def test_csv_number_hint_fits_a_file_whose_decimals_are_commas(
    tmp_path: Path, delimiter: str, cell: str, hint: str
) -> None:
    site = _site(
        tmp_path,
        {
            "content/kpis/umsatz.md": _KPI,
            "content/kpis/umsatz.csv": f"Datum{delimiter}Wert\n01.11.2026{delimiter}{cell}\n",
        },
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    [line] = _lines(out, "OKR203")
    assert line == (
        f"content/kpis/umsatz.csv:2:12: error OKR203: {cell!r} is not a number (hint: {hint})"
    )


def test_the_tabs_file_ambiguous_hint_names_tabs(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/kpis/umsatz.md": _KPI,
            "content/kpis/umsatz.csv": "Datum\tWert\n01.11.2026\t1.234\n",
        },
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    [line] = _lines(out, "OKR203")
    assert line.endswith(
        "(hint: write 1234 if the points group thousands, or 1,234 if the point marks "
        "the decimals: in a file separated by tabs a comma marks the decimals)"
    ), line


def test_pull_gives_the_data_files_hint(tmp_path: Path) -> None:
    toml = _TOML + '\n[[sources]]\nname = "umsatz"\nfile = "export/umsatz.csv"\n'
    site = _site(
        tmp_path,
        {
            "content/kpis/umsatz.md": _KPI,
            "content/kpis/umsatz.csv": "Datum;Wert\n01.10.2026;900.000\n",
            "export/umsatz.csv": "Datum;Wert\n01.11.2026;1,000,000\n",
        },
        toml,
    )
    before = files_of(site)
    code, out = run_cli("pull", "--site", str(site))
    assert code == 1, out
    assert (
        "okrsite: source 'umsatz' failed: export/umsatz.csv, line 2 '01.11.2026;1,000,000': "
        "'1,000,000' is not a number (hint: write 1000000 or 1.000.000: in a file separated "
        "by semicolons a comma marks the decimals); nothing changed for it"
    ) in out
    assert files_of(site) == before


# 2. confidence in the words the German pages show


@pytest.mark.parametrize(
    "word, value",
    [("gering", 3), ("Geringe", 3), ("niedrig", 3), ("mittel", 5), ("hoch", 8), ("im Plan", 8)],
)
def test_german_confidence_words_are_read(tmp_path: Path, word: str, value: int) -> None:
    site = _site(
        tmp_path,
        {
            "content/checkins/vertrieb/umsatz/2026-11-20.md": _checkin(
                "20.11.2026", f"confidence: {word}\n"
            )
        },
    )
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    assert f'"confidence": {value}' in out.replace(f"{value}.0", str(value)), out


def test_checkin_command_takes_gering(tmp_path: Path) -> None:
    site = _site(tmp_path, {})
    code, out = run_cli(
        "checkin",
        "vertrieb/umsatz",
        "--site",
        str(site),
        "--set",
        "umsatz=40",
        "--confidence",
        "gering",
        "--date",
        "20.11.2026",
    )
    assert code == 0, out
    written = (site / "content/checkins/vertrieb/umsatz/2026-11-20.md").read_text()
    assert "confidence: gering\n" in written


def test_refused_confidence_names_german_words_on_a_german_site(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/checkins/vertrieb/umsatz/2026-11-20.md": _checkin(
                "20.11.2026", "confidence: sicher\n"
            )
        },
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    [line] = _lines(out, "OKR102")
    assert line == (
        "content/checkins/vertrieb/umsatz/2026-11-20.md:4:13: error OKR102: confidence must "
        "be 0-10, gering/mittel/hoch (low/medium/high), a traffic light or a percentage, "
        "got 'sicher' (hint: write how sure the owner is from 0 (not at all) to 10 "
        "(certain): 7, 7/10, 4/5, 8 von 10, 70%, gering/mittel/hoch or rot/gelb/grün "
        "(or low/medium/high))"
    )


# 3. --as-of in the forms as_of takes


@pytest.mark.parametrize("command", ["check", "build"])
def test_as_of_takes_a_dotted_date(tmp_path: Path, command: str) -> None:
    site = _site(tmp_path, {})
    code, out = run_cli(command, "--no-cache", "--site", str(site), "--as-of", "24.11.2026")
    assert code == 0, out
    if command == "check":
        assert "as of 2026-11-24" in out, out


def test_as_of_refuses_a_date_naming_two_days_with_both(tmp_path: Path) -> None:
    site = _site(tmp_path, {})
    code, out = run_cli("check", "--site", str(site), "--as-of", "03/01/2026")
    assert code == 2, out
    assert (
        "Invalid value for '--as-of': '03/01/2026' names two days: 3 January 2026 (day "
        "first) or March 1, 2026 (month first); write the one you mean as 2026-01-03 or "
        "2026-03-01"
    ) in out


# 4. a date and a time as German writes them


@pytest.mark.parametrize(
    "written, time",
    [
        ("23.11.2026, 16:30", "16:30"),
        ("23.11.2026 16:30 Uhr", "16:30"),
        ("23.11.2026, 16:30 Uhr", "16:30"),
        ("23.11.2026 16 Uhr", "16:00"),
        ("23.11.2026 16.30 Uhr", "16:30"),
        ("23.11.2026 16:30 h", "16:30"),
        ("23. November 2026, 16:30 Uhr", "16:30"),
    ],
)
def test_checkin_date_with_a_german_time(tmp_path: Path, written: str, time: str) -> None:
    site = _site(
        tmp_path, {"content/checkins/vertrieb/umsatz/2026-11-23.md": _checkin(f'"{written}"')}
    )
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    feed = (site / "_site/checkins.xml").read_text()
    assert f"<updated>2026-11-23T{time}:00Z</updated>" in feed, feed


@pytest.mark.parametrize("written", ["23.11.2026 16.30", "23.11.2026 25 Uhr"])
def test_what_is_no_time_stays_refused(tmp_path: Path, written: str) -> None:
    site = _site(
        tmp_path, {"content/checkins/vertrieb/umsatz/2026-11-23.md": _checkin(f'"{written}"')}
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    assert len(_lines(out, "OKR104")) == 1, out


def test_checkin_command_date_with_uhr(tmp_path: Path) -> None:
    site = _site(tmp_path, {})
    code, out = run_cli(
        "checkin",
        "vertrieb/umsatz",
        "--site",
        str(site),
        "--set",
        "umsatz=40",
        "--date",
        "23.11.2026, 16:30 Uhr",
    )
    assert code == 0, out
    written = (site / "content/checkins/vertrieb/umsatz/2026-11-23.md").read_text()
    assert "date: 2026-11-23T16:30+00:00\n" in written


def test_csv_dates_with_a_german_time_order_readings(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/kpis/umsatz.md": _KPI,
            "content/kpis/umsatz.csv": (
                "Datum;Wert\n23.11.2026, 17:30 Uhr;2\n23.11.2026 09:15;1\n24.11.2026 9.15;3\n"
            ),
        },
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    assert (
        "the later time of day counts" in _lines(out, "OKR206")[0]
        and "2 counts" in _lines(out, "OKR206")[0]
    ), out
    [line] = _lines(out, "OKR203")
    assert line == (
        "content/kpis/umsatz.csv:4:1: error OKR203: '24.11.2026 9.15' is a date with no time "
        "of day okrsite reads (hint: write the time as 24-hour HH:MM (or HH:MM:SS), "
        "or the date alone)"
    )


def test_a_date_and_a_comma_before_what_is_no_time_says_the_date_is_one(tmp_path: Path) -> None:
    site = _site(
        tmp_path, {"content/checkins/vertrieb/umsatz/2026-11-23.md": _checkin('"23.11.2026, 16"')}
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    [line] = _lines(out, "OKR104")
    assert "(hint: 23.11.2026 is a date, but what follows is no time okrsite reads" in line, out
