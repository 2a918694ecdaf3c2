"""Keys inside the tables of ``okrsite.toml`` (``[cycles.NAME]``, ``[[sources]]``,
``[scoring]``, ``[site]``) that okrsite does not read: a CFG010 warning at the
key's line, never silence.

TOML puts every ``key = value`` written after a ``[table]`` header into that
table, so ``backdate_days = 3`` appended at the end of a file whose last table
is ``[cycles.2026-Q4]`` is a key of the cycle, and used to be dropped without
a word; so was a typo inside a cycle table (``titel``). Each case writes a
real site and runs the real ``okrsite check``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from okrsite.cli import cli

REPO = Path(__file__).resolve().parent.parent

OBJECTIVE = (
    "---\ntitle: Grow sales\ncycle: 2026-Q4\nowner: al\n"
    "key_results:\n  - {id: a, title: Deals, target: 10, current: 4}\n"
    "  - {id: b, title: Partners, target: 4, current: 2}\n---\n"
)
CHECKIN = "---\nobjective: sales\ndate: 2026-11-16\nvalues: {a: 5}\n---\n"
TOP = 'title = "Goals"\nstale_after_days = 21\n'
Q4 = '[cycles.2026-Q4]\nstart = 2026-10-01\nend = 2026-12-31\ntitle = "Q4"\n'


def site_with(tmp_path: Path, toml: str) -> Path:
    """A site of one objective in cycle 2026-Q4 (no warning about it) with ``toml`` as okrsite.toml."""
    site = tmp_path / "site"
    (site / "content/objectives").mkdir(parents=True)
    (site / "content/objectives/sales.md").write_text(OBJECTIVE, encoding="utf-8")
    (site / "content/checkins").mkdir()
    (site / "content/checkins/1.md").write_text(CHECKIN, encoding="utf-8")
    (site / "okrsite.toml").write_text(toml, encoding="utf-8")
    return site


def check(site: Path, *more: str) -> Result:
    result = CliRunner().invoke(
        cli, ["check", "--site", str(site), "--as-of", "2026-11-20", "--no-cache", *more]
    )
    assert "Traceback" not in result.output
    return result


def cfg010(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if " CFG010: " in line]


def test_a_site_setting_appended_after_a_cycle_table_is_named_as_one(tmp_path: Path) -> None:
    site = site_with(tmp_path, TOP + "\n" + Q4 + "\nbackdate_days = 3\n")
    result = check(site)
    assert result.exit_code == 0, result.output  # a warning: the check passes
    assert cfg010(result) == [
        "okrsite.toml:9: warning CFG010: 'backdate_days' is a site setting, but written after "
        "the [cycles.2026-Q4] header it belongs to that table and is ignored "
        "(hint: move it above the first [table] header of okrsite.toml)"
    ]
    assert result.stderr.strip().endswith("0 errors, 1 warning")
    strict = check(site, "--strict")
    assert strict.exit_code == 1 and cfg010(strict) == cfg010(result)


def test_a_typo_inside_a_cycle_table_names_the_key_it_means(tmp_path: Path) -> None:
    toml = TOP + '[cycles.2026-Q4]\nstart = 2026-10-01\nend = 2026-12-31\ntitel = "Q4"\n'
    result = check(site_with(tmp_path, toml))
    assert result.exit_code == 0, result.output
    assert cfg010(result) == [
        "okrsite.toml:6: warning CFG010: unknown key 'titel' in [cycles.2026-Q4] is ignored "
        "(hint: did you mean title? a cycle takes start, end and title)"
    ]


def test_a_quoted_cycle_name_and_a_later_table_find_the_right_line(tmp_path: Path) -> None:
    """The key is found inside its own table, not at the first line that
    sets a key of its name elsewhere in the file."""
    toml = (
        TOP
        + '[cycles."FY 27"]\nstart = 2026-04-01\nend = 2027-03-31\n'
        + Q4
        + 'ends = 2026-12-30\n\n[site]\ndescription = "d"\n'
    )
    result = check(site_with(tmp_path, toml))
    assert result.exit_code == 0, result.output
    assert cfg010(result) == [
        "okrsite.toml:10: warning CFG010: unknown key 'ends' in [cycles.2026-Q4] is ignored "
        "(hint: did you mean end? a cycle takes start, end and title)"
    ]


def test_an_unknown_key_in_scoring_is_located_in_that_table(tmp_path: Path) -> None:
    toml = TOP + "\n[scoring]\nat_risk_threshold = 0.3\nstale_days = 5\n"
    result = check(site_with(tmp_path, toml))
    assert result.exit_code == 0, result.output
    assert cfg010(result) == [
        "okrsite.toml:6: warning CFG010: unknown setting 'stale_days' is ignored "
        "(hint: did you mean stale_after_days?)"
    ]


def test_pull_timeout_under_site_or_scoring_says_it_is_read_at_the_top(tmp_path: Path) -> None:
    toml = TOP + "\n[site]\npull_timeout = 60\n"
    result = check(site_with(tmp_path, toml))
    assert result.exit_code == 0, result.output
    assert cfg010(result) == [
        "okrsite.toml:5: warning CFG010: 'pull_timeout' is read at the top of okrsite.toml only: "
        "under [site] it is ignored (hint: move it above the first [table] header of okrsite.toml)"
    ]


def test_keys_of_sources_are_checked_too(tmp_path: Path) -> None:
    """``okrsite pull`` refuses them (PULL001); ``check``, which runs in CI on
    every change, says so before the nightly pull fails."""
    toml = (
        TOP
        + '\n[[sources]]\nname = "nps"\nfile = "nps.csv"\n'
        + '\n[[sources]]\nname = "arr"\nfile = "arr.csv"\nformt = "csv"\nbackdate_days = 3\n'
    )
    result = check(site_with(tmp_path, toml))
    assert result.exit_code == 0, result.output
    assert cfg010(result) == [
        "okrsite.toml:11: warning CFG010: unknown key 'formt' in [[sources]] is ignored "
        "(hint: did you mean format? a source takes command, file, format, header, header_env, "
        "name, timeout and url; okrsite pull reports it as an error (PULL001))",
        "okrsite.toml:12: warning CFG010: 'backdate_days' is a site setting, but written after "
        "the [[sources]] header it belongs to that table and is ignored "
        "(hint: move it above the first [table] header of okrsite.toml; okrsite pull reports "
        "it as an error (PULL001))",
    ]


def test_a_site_setting_directly_under_cycles_says_so_in_its_error(tmp_path: Path) -> None:
    toml = TOP + "\n[cycles]\nbackdate_days = 3\n"
    result = check(site_with(tmp_path, toml))
    assert result.exit_code == 1  # as before: a cycle that is no table is an error
    assert (
        "okrsite.toml:5: error CFG006: cycle 'backdate_days' must be a table with start and end "
        "dates (hint: 'backdate_days' is a site setting, but written after the [cycles] header "
        "it belongs to that table: move it above the first [table] header)"
    ) in result.stderr


def test_build_prints_the_warning_with_its_line(tmp_path: Path) -> None:
    site = site_with(tmp_path, TOP + Q4 + "backdate_days = 3\n")
    result = CliRunner().invoke(
        cli,
        ["build", "--site", str(site), "--as-of", "2026-11-20", "--no-cache", "--no-history"],
    )
    assert result.exit_code == 0, result.output
    assert "okrsite.toml:7: warning CFG010: 'backdate_days' is a site setting" in result.stderr


@pytest.mark.parametrize(
    "toml",
    [
        TOP + "backdate_days = 3\n" + Q4,
        TOP
        + "\n[scoring]\non_track_threshold = 0.2\n\n[site]\n"
        + 'description = """\ntitel = "not a key"\n"""\n\n'
        + Q4
        + '\n[[sources]]\nname = "nps"\nfile = "nps.csv"\nformat = "csv"\n',
        TOP + "pull_timeout = 10\ncycles.2026-Q4 = { start = 2026-10-01, end = 2026-12-31 }\n",
    ],
)
def test_a_correct_file_gives_no_warning(tmp_path: Path, toml: str) -> None:
    result = check(site_with(tmp_path, toml))
    assert result.exit_code == 0, result.output
    assert cfg010(result) == []
    assert result.stderr.strip().endswith("0 errors, 0 warnings"), result.stderr


def test_the_example_site_gives_no_config_warning() -> None:
    result = CliRunner().invoke(
        cli, ["check", "--site", str(REPO), "--as-of", "2026-11-20", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    assert not [line for line in result.stderr.splitlines() if "okrsite.toml" in line]


def test_scoring_that_is_no_table_is_an_error(tmp_path: Path) -> None:
    """``scoring = 3`` was dropped without a word; ``site = 3`` was CFG002."""
    result = check(site_with(tmp_path, TOP + "scoring = 3\n"))
    assert result.exit_code == 1
    assert "okrsite.toml:3: error CFG002: [scoring] must be a table" in result.stderr
