"""The ``okrsite check`` and ``okrsite export`` commands: formats and exit codes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from okrsite.cli import cli
from okrsite.export import CSV_COLUMNS

REPO = Path(__file__).resolve().parent.parent
MakeSite = Callable[[dict[str, str | bytes]], Path]

GOOD = {
    "content/objectives/sales.md": """
        ---
        title: Sales
        cycle: 2026-Q1
        owner: al
        key_results:
          - {id: a, title: A, target: 10, current: 5}
          - {id: b, title: B, done: true}
          - {id: c, title: C, milestones: [x, {title: y, done: true}]}
        ---
        """,
    "content/objectives/emea.md": """
        ---
        title: EMEA
        cycle: 2026-Q1
        owner: al
        parent: sales
        key_results:
          - {id: a, title: A, target: 4, current: 1}
          - {id: b, title: B, start: 5, target: 2}
        ---
        """,
    "content/objectives/empty.md": """
        ---
        title: Only children
        cycle: 2026-Q1
        owner: al
        ---
        """,
    "content/objectives/child.md": """
        ---
        title: Child
        cycle: 2026-Q1
        owner: al
        parent: empty
        key_results:
          - {id: a, title: A, target: 4, current: 2}
          - {id: b, title: B, target: 4, current: 2}
        ---
        """,
    "content/checkins/1.md": "---\nobjective: sales\ndate: 2026-01-05\nvalues: {a: 5}\n---\n",
    "content/checkins/2.md": "---\nobjective: emea\ndate: 2026-01-05\n---\n",
    "content/checkins/3.md": "---\nobjective: child\ndate: 2026-01-05\n---\n",
    "content/checkins/4.md": "---\nobjective: empty\ndate: 2026-01-05\n---\n",
}

BROKEN = {
    "content/objectives/sales.md": (
        "---\ntitle: Sales\ncycle: 2026-Q1\nowner: al\nkey_results:\n"
        "  - {id: a, title: A, target: 5%x}\n---\n"
    ),
    "content/objectives/west, 2.md": "---\ntitle: W\ncycle: 2026-Q9\n---\n",
}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# ------------------------------------------------------------------ check
def test_check_clean_site(make_site: MakeSite) -> None:
    site = make_site(GOOD)
    result = invoke("check", "--site", str(site), "--as-of", "2026-01-10")
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "okrsite: checked 8 files (4 objectives, 0 KPIs, 0 goals, 4 check-ins) "
        "as of 2026-01-10: 0 errors, 0 warnings"
    )


def test_check_text_errors_go_to_stderr(make_site: MakeSite) -> None:
    result = invoke("check", "--site", str(make_site(BROKEN)), "--as-of", "2026-01-10")
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "content/objectives/sales.md:6:31: error OKR102: target must be a number, got '5%x'" in (
        result.stderr
    )
    assert result.stderr.strip().endswith("2 errors, 0 warnings")


def test_check_github_format(make_site: MakeSite) -> None:
    result = invoke(
        "check", "--site", str(make_site(BROKEN)), "--as-of", "2026-01-10", "--format", "github"
    )
    no_traceback(result)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        # ',' in a property is escaped as %2C, '%' in the message as %25
        "::error file=content/objectives/sales.md,line=6,col=31,title=OKR102::"
        "target must be a number, got '5%25x' (hint: write digits, e.g. 50, 0.25 or 1,000,000)",
        "::error file=content/objectives/west%2C 2.md,line=3,col=8,title=OKR302::"
        "unknown cycle '2026-Q9' (hint: use 2026, 2026-H1, 2026-Q1 or 2026-03, or define it in "
        "okrsite.toml as [cycles.2026-Q9] with start and end dates)",
    ]


def test_an_unknown_cycle_s_hint_names_cycles_of_the_as_of_given(make_site: MakeSite) -> None:
    """``--as-of`` is the day the site is judged at: the hint for an unknown
    cycle names that day's year (it took today's, so the suite's own
    expectations changed on New Year's Day)."""
    result = invoke(
        "check", "--site", str(make_site(BROKEN)), "--as-of", "2028-01-10", "--format", "github"
    )
    no_traceback(result)
    assert "(hint: use 2028, 2028-H1, 2028-Q1 or 2028-03, or define it" in result.stdout


def test_check_github_names_files_from_the_repository_top(tmp_path: Path) -> None:
    """A site in a subfolder of its repository (``goals/``): GitHub places an
    annotation by the file's path from the repository's top, and
    ``content/objectives/…`` annotated nothing."""
    import subprocess

    repo = tmp_path / "repo"
    site = repo / "goals"
    (site / "content/objectives").mkdir(parents=True)
    (site / "okrsite.toml").write_text('title = "Goals"\n', encoding="utf-8")
    (site / "content/objectives/sales.md").write_text(BROKEN["content/objectives/sales.md"])
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    result = invoke("check", "--site", str(site), "--as-of", "2026-01-10", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "::error file=goals/content/objectives/sales.md,line=6,col=31,title=OKR102::"
    ), result.stdout


def test_check_github_warning(make_site: MakeSite) -> None:
    files = {**GOOD, "content/checkins/5.md": "---\nobjective: sales\ndate: 2025-12-31\n---\n"}
    result = invoke(
        "check", "--site", str(make_site(files)), "--as-of", "2026-01-10", "--format", "github"
    )
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "::warning file=content/checkins/5.md,line=3,col=7,title=OKR309::check-in dated 2025-12-31"
    )


def test_check_github_clean_prints_nothing(make_site: MakeSite) -> None:
    result = invoke(
        "check", "--site", str(make_site(GOOD)), "--as-of", "2026-01-10", "--format", "github"
    )
    assert result.exit_code == 0 and result.stdout == ""


def test_check_json_format(make_site: MakeSite) -> None:
    result = invoke(
        "check", "--site", str(make_site(BROKEN)), "--as-of", "2026-01-10", "--format", "json"
    )
    no_traceback(result)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data[0] == {
        "code": "OKR102",
        "severity": "error",
        "file": "content/objectives/sales.md",
        "line": 6,
        "column": 31,
        "message": "target must be a number, got '5%x'",
        "hint": "write digits, e.g. 50, 0.25 or 1,000,000",
    }
    assert [d["code"] for d in data] == ["OKR102", "OKR302"]


def test_check_json_format_clean(make_site: MakeSite) -> None:
    clean = invoke(
        "check", "--site", str(make_site(GOOD)), "--as-of", "2026-01-10", "--format", "json"
    )
    assert clean.exit_code == 0 and json.loads(clean.stdout) == []


def test_check_strict(make_site: MakeSite) -> None:
    site = make_site(GOOD)
    # 2026-02-15: the last check-ins (2026-01-05) are 41 days old -> stale warnings
    lax = invoke("check", "--site", str(site), "--as-of", "2026-02-15")
    strict = invoke("check", "--site", str(site), "--as-of", "2026-02-15", "--strict")
    assert lax.exit_code == 0
    assert strict.exit_code == 1
    assert "warning OKR404: objective is stale" in strict.stderr


def test_check_as_of_from_config(make_site: MakeSite) -> None:
    site = make_site({**GOOD, "okrsite.toml": "as_of = 2026-01-10\n"})
    result = invoke("check", "--site", str(site))
    assert result.exit_code == 0
    assert "as of 2026-01-10: 0 errors, 0 warnings" in result.stderr


def test_check_finds_site_from_cwd(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site({**GOOD, "okrsite.toml": "as_of = 2026-01-10\n"})
    (site / "content" / "objectives" / "deep").mkdir()
    monkeypatch.chdir(site / "content" / "objectives" / "deep")
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert "4 objectives" in result.stderr


# ------------------------------------------------------------------ usage errors: exit 2
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--as-of", "2026-02-30"], "'2026-02-30' is not a date like 2026-02-15"),
        (["check", "--as-of", "last week"], "'last week' is not a date like 2026-02-15"),
        (["check", "--frobnicate"], "No such option '--frobnicate'"),
        (["check", "--format", "xml"], "'xml' is not one of 'text', 'json', 'github'"),
        (["export", "--format", "yaml"], "'yaml' is not one of 'json', 'csv'"),
        (["nonsense"], "No such command 'nonsense'"),
    ],
)
def test_usage_errors(args: list[str], message: str, make_site: MakeSite) -> None:
    site = make_site(GOOD)
    result = (
        invoke(*args[:1], "--site", str(site), *args[1:])
        if args[0] != "nonsense"
        else invoke(*args)
    )
    no_traceback(result)
    assert result.exit_code == 2
    assert message in result.output


def test_as_of_yesterday_is_the_day_before_today(make_site: MakeSite) -> None:
    """``--as-of yesterday`` (or ``today``) judges at that day, as a date."""
    from datetime import date, timedelta

    site = make_site(GOOD)
    result = invoke("export", "--site", str(site), "--as-of", "yesterday")
    assert result.exit_code == 0, result.output
    day = date.today() - timedelta(days=1)
    assert json.loads(result.stdout)["as_of"] == day.isoformat()


def test_usage_error_missing_site_folder(tmp_path: Path) -> None:
    result = invoke("check", "--site", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "no such folder" in result.output


def test_usage_error_no_site_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for command in ("check", "export"):
        result = invoke(command)
        no_traceback(result)
        assert result.exit_code == 2
        assert "no okrsite site here" in result.output


def test_a_site_without_settings_is_found_from_inside_its_content_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: with no okrsite.toml, the site is the folder whose content/ you are in."""
    folder = tmp_path / "site" / "content" / "objectives"
    folder.mkdir(parents=True)
    (folder / "grow.md").write_text(
        "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        "  - {id: a, title: A, target: 10}\n  - {id: b, title: B, target: 5}\n---\n",
        encoding="utf-8",
    )
    for where in (folder, folder.parent):
        monkeypatch.chdir(where)
        result = invoke("export", "--as-of", "2026-11-20")
        no_traceback(result)
        assert result.exit_code == 0, result.output
        assert [o["id"] for o in json.loads(result.stdout)["objectives"]] == ["grow"]


# ------------------------------------------------------------------ export
def test_export_json_shape(make_site: MakeSite) -> None:
    result = invoke("export", "--site", str(make_site(GOOD)), "--as-of", "2026-01-10")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"as_of", "generator", "objectives", "kpis", "goals"}
    assert data["as_of"] == "2026-01-10"
    assert data["generator"].startswith("okrsite ")
    assert [o["id"] for o in data["objectives"]] == ["child", "emea", "empty", "sales"]
    by_id = {o["id"]: o for o in data["objectives"]}
    assert by_id["sales"]["children"] == ["emea"]
    assert by_id["empty"]["children"] == ["child"]
    assert by_id["empty"]["key_results"] == []
    # empty takes its child's progress: (0.5 + 0.5) / 2
    assert by_id["empty"]["progress"] == 0.5


def test_export_csv_one_row_per_key_result(make_site: MakeSite) -> None:
    result = invoke(
        "export", "--site", str(make_site(GOOD)), "--as-of", "2026-01-10", "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == CSV_COLUMNS
    keys = [(r["objective_id"], r["kr_id"]) for r in rows]
    assert keys == [
        ("child", "a"),
        ("child", "b"),
        ("emea", "a"),
        ("emea", "b"),
        ("empty", ""),  # an objective without key results gets one row
        ("sales", "a"),
        ("sales", "b"),
        ("sales", "c"),
    ]
    sales_a = rows[5]
    assert sales_a["kr_progress"] == "0.5" and sales_a["kr_kind"] == "numeric"
    assert sales_a["stale"] == "false" and sales_a["parent"] == ""
    assert rows[7]["kr_kind"] == "milestones" and rows[7]["kr_progress"] == "0.5"
    assert rows[6]["kr_progress"] == "1" and rows[6]["kr_status"] == "done"


def test_export_refuses_broken_site(make_site: MakeSite) -> None:
    result = invoke("export", "--site", str(make_site(BROKEN)), "--as-of", "2026-01-10")
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "OKR102" in result.stderr


def test_export_is_deterministic(make_site: MakeSite) -> None:
    site = make_site(GOOD)
    first = invoke("export", "--site", str(site), "--as-of", "2026-02-01").stdout
    second = invoke("export", "--site", str(site), "--as-of", "2026-02-01").stdout
    assert first == second


# ------------------------------------------------------------------ the example site
def test_example_site_checks_clean() -> None:
    result = invoke("check", "--site", str(REPO), "--as-of", "2026-11-20")
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert " 0 errors" in result.stderr


def test_example_site_exports() -> None:
    result = invoke("export", "--site", str(REPO), "--as-of", "2026-11-20")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["objectives"] and data["kpis"] and data["goals"]
    for o in data["objectives"]:
        assert 0 <= o["progress"] <= 1 and 0 <= o["expected"] <= 1
        # a draft, dropped or upcoming objective has no grade (docs/scoring.md)
        if o["status"] in ("draft", "dropped", "upcoming"):
            assert o["grade"] is None
        else:
            assert o["grade"] in ("red", "yellow", "green")


def test_commands_in_modules_of_their_own_are_imported_only_when_used(tmp_path: Path) -> None:
    """``okrsite check`` does not import the authoring and data-import commands
    (their start-up cost is a good part of a check after one edit), yet every
    command is listed in ``--help`` and runs."""
    import subprocess
    import sys

    probe = (
        "import sys, okrsite.cli\n"
        "print(sorted(m for m in sys.modules if m in "
        "('okrsite.authoring_cli', 'okrsite.cli_data_in', 'okrsite.scaffold')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout.strip() == "[]"
    helped = CliRunner().invoke(cli, ["--help"])
    for name in ("build", "check", "checkin", "import", "new", "pull", "serve"):
        assert f"\n  {name} " in helped.output, name
    for name in ("new", "checkin", "import", "pull"):
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Usage: " in result.output, name
