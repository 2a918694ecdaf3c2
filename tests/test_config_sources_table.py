"""``[sources]`` written with single brackets in ``okrsite.toml``.

``okrsite pull`` reads each source from a ``[[sources]]`` table (an entry of
a list) and refuses ``[sources]`` (one table) with PULL001. ``okrsite check``
and ``okrsite build``, which run in CI on every change, used to say nothing,
so the mistake showed only when the nightly pull failed. Now they warn
(CFG010) at the line of the header, with the hint to write ``[[sources]]``.
Each case writes a real site and runs the real command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from okrsite.cli import cli

KPI = (
    "---\ntitle: NPS\nunit: points\nthresholds: {green: 40, red: 20}\n"
    "values:\n  2026-02-20: 30\n---\n"
)
TOP = "as_of = 2026-03-01\n"
SINGLE = '\n[sources]\nname = "nps"\nurl = "https://example.com/nps.csv"\n'
PULL_HINT = "okrsite pull reports it as an error (PULL001)"
SINGLE_WARNING = (
    "okrsite.toml:3: warning CFG010: [sources] is written as a single table: okrsite pull "
    "reads each source from a [[sources]] table, so these settings are ignored (hint: write "
    f"[[sources]] (two brackets) above each source's keys; {PULL_HINT})"
)


def site_with(tmp_path: Path, toml: str) -> Path:
    """A site of one KPI (no finding about it) with ``toml`` as okrsite.toml."""
    site = tmp_path / "site"
    (site / "content/kpis").mkdir(parents=True)
    (site / "content/kpis/nps.md").write_text(KPI, encoding="utf-8")
    (site / "okrsite.toml").write_text(toml, encoding="utf-8")
    return site


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def config_findings(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("okrsite.toml")]


def test_check_warns_of_a_single_bracket_sources_table(tmp_path: Path) -> None:
    site = site_with(tmp_path, TOP + SINGLE)
    result = invoke("check", "--site", str(site), "--no-cache")
    assert result.exit_code == 0, result.output  # a warning: the check passes
    assert config_findings(result) == [SINGLE_WARNING]
    assert result.stderr.strip().endswith("0 errors, 1 warning"), result.stderr
    strict = invoke("check", "--site", str(site), "--no-cache", "--strict")
    assert strict.exit_code == 1 and config_findings(strict) == [SINGLE_WARNING]


def test_check_with_its_cache_warns_the_same(tmp_path: Path) -> None:
    site = site_with(tmp_path, TOP + SINGLE)
    first = invoke("check", "--site", str(site))
    again = invoke("check", "--site", str(site))
    assert config_findings(first) == config_findings(again) == [SINGLE_WARNING]


def test_build_warns_too(tmp_path: Path) -> None:
    site = site_with(tmp_path, TOP + SINGLE)
    out = tmp_path / "out"
    result = invoke("build", "--site", str(site), "--out", str(out), "--no-cache", "--no-history")
    assert result.exit_code == 0, result.output
    assert config_findings(result) == [SINGLE_WARNING]


def test_json_gives_its_file_line_and_code(tmp_path: Path) -> None:
    site = site_with(tmp_path, TOP + "title = 'Goals'\n" + SINGLE)
    result = invoke("check", "--site", str(site), "--no-cache", "--format", "json")
    found = [d for d in json.loads(result.stdout) if d["file"] == "okrsite.toml"]
    assert [(d["code"], d["severity"], d["line"]) for d in found] == [("CFG010", "warning", 4)]


def test_pull_still_refuses_it(tmp_path: Path) -> None:
    site = site_with(tmp_path, TOP + SINGLE)
    result = invoke("pull", "--site", str(site))
    assert result.exit_code == 1
    assert "okrsite.toml: error PULL001: sources must be written as [[sources]] tables" in (
        result.output
    )


@pytest.mark.parametrize(
    "toml,line,message,hint",
    [
        (
            TOP + '\n[sources.nps]\nurl = "https://example.com/nps.csv"\n',
            3,
            "[sources.nps] is written as a single table: okrsite pull reads each source from a "
            "[[sources]] table, so these settings are ignored",
            "write [[sources]] (two brackets) above each source's keys",
        ),
        (
            TOP + 'sources = "nps.csv"\n',
            2,
            "sources = 'nps.csv' is ignored: okrsite pull reads each source from a [[sources]] "
            "table",
            "write each source as a [[sources]] table (two brackets) with its own keys",
        ),
        (
            TOP + 'sources = {name = "nps", file = "nps.csv"}\n',
            2,
            "sources = { … } is ignored: okrsite pull reads each source from a [[sources]] table",
            "write each source as a [[sources]] table (two brackets) with its own keys",
        ),
    ],
    ids=["dotted-table", "text", "inline-table"],
)
def test_other_sources_that_are_no_list_of_tables(
    tmp_path: Path, toml: str, line: int, message: str, hint: str
) -> None:
    result = invoke("check", "--site", str(site_with(tmp_path, toml)), "--no-cache")
    assert result.exit_code == 0, result.output
    assert config_findings(result) == [
        f"okrsite.toml:{line}: warning CFG010: {message} (hint: {hint}; {PULL_HINT})"
    ]


def test_double_brackets_give_no_warning(tmp_path: Path) -> None:
    toml = TOP + '\n[[sources]]\nname = "nps"\nurl = "https://example.com/nps.csv"\n'
    result = invoke("check", "--site", str(site_with(tmp_path, toml)), "--no-cache")
    assert result.exit_code == 0, result.output
    assert config_findings(result) == []
    assert result.stderr.strip().endswith("0 errors, 0 warnings"), result.stderr
