"""Files written as people write them, from a user audit of the parse's wording.

Each test writes a real site, runs ``okrsite check`` (or ``build``) and
asserts on the finding the person reads: file, line, column, code, message
and hint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

Make = Callable[[dict[str, str | bytes]], Path]

OBJECTIVE = """\
    ---
    title: Q
    cycle: 2026-Q1
    owner: alex
    key_results:
      - {id: a, title: A, target: 10}
      - {id: d, title: Launched, done: false}
    ---
    """


def _site(make_site: Make, files: dict[str, str | bytes], language: str = "") -> Path:
    toml = 'title = "Audit"\n' + (f'language = "{language}"\n' if language else "")
    return make_site(
        {
            "okrsite.toml": toml,
            "content/objectives/q.md": OBJECTIVE,
            "content/people/alex.md": "---\ntitle: Alex Example\n---\n",
            **files,
        }
    )


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


# ---------------------------------------------------------------- yes/no words


def test_a_word_for_a_yes_no_key_result_is_okr307_with_the_words_accepted(
    make_site: Make,
) -> None:
    """``d: maybe`` for a done-or-not key result: OKR307, as ``d: 5`` is, with
    the words it takes; ``a: maybe`` for the measured one stays OKR102."""
    site = _site(
        make_site,
        {
            "content/checkins/q/2026-02-10.md": "---\nvalues: {d: maybe}\n---\n",
            "content/checkins/q/2026-02-11.md": "---\nvalues: {a: maybe}\n---\n",
        },
    )
    code, out = _run("check", "--site", str(site))
    assert code == 1, out
    assert (
        "content/checkins/q/2026-02-10.md:2:13: error OKR307: key result 'd' is done or not: "
        "its check-in value must be 0 or 1, got 'maybe' "
        "(hint: write 1, yes or done if it is done; 0, no or not done if it is not)"
    ) in out
    assert "value of d must be a number" not in out
    assert (
        "content/checkins/q/2026-02-11.md:2:13: error OKR102: value of a must be a number, "
        "got 'maybe'"
    ) in out


def test_a_word_for_a_yes_no_key_result_on_a_german_site_offers_ja_and_nein(
    make_site: Make,
) -> None:
    site = _site(
        make_site,
        {"content/checkins/q/2026-02-10.md": "---\nvalues: {d: vielleicht}\n---\n"},
        language="de",
    )
    code, out = _run("check", "--site", str(site))
    assert code == 1, out
    assert (
        "content/checkins/q/2026-02-10.md:2:13: error OKR307: key result 'd' is done or not: "
        "its check-in value must be 0 or 1, got 'vielleicht' "
        "(hint: write 1, ja, erledigt, yes or done if it is done; "
        "0, nein, nicht erledigt, no or not done if it is not)"
    ) in out


# ------------------------------------------------------ a file named a non-day


def test_a_checkin_named_with_an_impossible_day_is_okr104_naming_that_day(
    make_site: Make,
) -> None:
    """``2026-02-30.md`` without ``date:``: the name's day does not exist
    (OKR104 saying so), not a missing ``date:``."""
    site = _site(make_site, {"content/checkins/q/2026-02-30.md": "---\nvalues: {a: 1}\n---\n"})
    code, out = _run("check", "--site", str(site))
    assert code == 1, out
    assert (
        "content/checkins/q/2026-02-30.md:1: error OKR104: the check-in is dated by its file "
        "name, 2026-02-30, which is not a real day: February 2026 has 28 days "
        "(hint: rename the file to the check-in's day, e.g. 2026-02-28.md, "
        "or add 'date: 2026-02-28' (year-month-day))"
    ) in out
    assert "missing required key 'date'" not in out


def test_a_checkin_named_with_a_month_that_does_not_exist_is_okr104(make_site: Make) -> None:
    site = _site(
        make_site, {"content/checkins/q/2026-13-02-weekly.md": "---\nvalues: {a: 1}\n---\n"}
    )
    code, out = _run("check", "--site", str(site))
    assert code == 1, out
    assert (
        "content/checkins/q/2026-13-02-weekly.md:1: error OKR104: the check-in is dated by its "
        "file name, 2026-13-02, which is not a real day: there is no month 13 "
        "(hint: rename the file to the check-in's day as year-month-day, e.g. 2026-02-13.md, "
        "or add 'date: 2026-02-13' (year-month-day))"
    ) in out


def test_a_date_in_the_file_still_counts_over_its_impossible_name(make_site: Make) -> None:
    site = _site(
        make_site,
        {"content/checkins/q/2026-02-30.md": "---\ndate: 2026-02-27\nvalues: {a: 1}\n---\n"},
    )
    code, out = _run("check", "--site", str(site))
    assert "OKR104" not in out and "OKR101" not in out, out
    assert code == 0, out


# ------------------------------------------------- a KPI's shares of one in %


CHURN = """\
    ---
    title: Churn
    direction: down
    target: 1.5%
    thresholds: {green: 2%, red: 3%}
    values: {2026-10-01: 0.028, 2026-11-01: 0.031}
    ---
    """


def test_kpi_readings_pasted_as_shares_beside_a_percent_target_are_warned_of(
    make_site: Make,
) -> None:
    site = _site(make_site, {"content/kpis/churn.md": CHURN})
    code, out = _run("build", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, out
    assert (
        "content/kpis/churn.md:6:22: warning OKR127: readings 0.028 and 0.031 look like shares "
        "of one beside target 1.5%, green 2% and red 3%: all are read as percentages, "
        "so the latest reading, 0.031, is 0.031% (hint: write them as percentages: "
        "2026-10-01: 2.8%, 2026-11-01: 3.1% (or 2.8 and 3.1: the KPI's unit is %))"
    ) in out
    assert out.count("OKR127") == 1


def test_kpi_readings_written_in_percent_or_above_one_are_not_warned_of(
    make_site: Make,
) -> None:
    """Readings written 2.8% (or 2.8), a KPI in another unit, or readings
    among which one is above 1: no warning."""
    site = _site(
        make_site,
        {
            "content/kpis/churn.md": CHURN.replace("0.028", "2.8%").replace("0.031", "3.1%"),
            "content/kpis/bare.md": CHURN.replace("0.028", "2.8").replace("0.031", "3.1"),
            "content/kpis/mixed.md": CHURN.replace("0.028", "1.2"),
            "content/kpis/ratio.md": CHURN.replace("%", ""),
        },
    )
    code, out = _run("build", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, out
    assert "OKR127" not in out, out
