"""okrsite init, new and checkin."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrsite.cli import cli
from okrsite.pipeline import load_site
from okrsite.scaffold import init_site, quarter_of


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def test_init_site_checks_and_builds(tmp_path: Path) -> None:
    target = tmp_path / "goals"
    code, out = run("init", str(target))
    assert code == 0 and "created" in out
    code, out = run("check", "--site", str(target), "--strict")
    assert code == 0, out
    code, out = run("build", "--site", str(target))
    assert code == 0, out
    assert (target / "_site" / "index.html").is_file()


@pytest.mark.parametrize("today", [date(2026, 1, 1), date(2026, 5, 17), date(2026, 12, 31)])
def test_init_site_is_clean_on_any_day(tmp_path: Path, today: date) -> None:
    init_site(tmp_path / "s", today=today)
    result = load_site(tmp_path / "s", today)
    assert result.ok, result.diagnostics
    assert not result.diagnostics, [d.format_text() for d in result.diagnostics]
    assert {o.cycle for o in result.scored.portfolio.objectives.values()} == {quarter_of(today)}


def test_init_refuses_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("keep")
    code, out = run("init", str(tmp_path))
    assert code == 2 and "not empty" in out
    assert (tmp_path / "x.txt").read_text() == "keep"


def test_new_writes_valid_files_and_never_overwrites(tmp_path: Path) -> None:
    site = tmp_path / "s"
    init_site(site)
    for kind, rid in [
        ("objective", "sales/emea"),
        ("kpi", "churn"),
        ("goal", "handbook"),
        ("checkin", "sales/emea"),
    ]:
        code, out = run(
            "new", kind, rid, "--site", str(site), "--title", 'Tricky: "quotes" # and colons'
        )
        assert code == 0, out
    code, out = run("new", "objective", "sales/emea", "--site", str(site))
    assert code == 2 and "already exists" in out
    result = load_site(site)
    assert result.ok, [d.format_text() for d in result.diagnostics]
    assert result.scored.portfolio.objectives["sales/emea"].title == 'Tricky: "quotes" # and colons'
    assert "churn" in result.scored.portfolio.kpis and "handbook" in result.scored.portfolio.goals


@pytest.mark.parametrize("bad", ["../escape", "/abs", "a b", "x.md"])
def test_new_refuses_bad_ids(tmp_path: Path, bad: str) -> None:
    site = tmp_path / "s"
    init_site(site)
    code, out = run("new", "objective", bad, "--site", str(site))
    assert code == 2 and "not a usable id" in out
    assert not (tmp_path / "escape.md").exists()


def test_checkin_validates_then_writes(tmp_path: Path) -> None:
    site = tmp_path / "s"
    init_site(site, today=date(2026, 11, 2))
    code, out = run(
        "checkin", "company/faster-supprt", "--set", "self-serve=20", "--site", str(site)
    )
    assert code == 2 and "did you mean 'company/faster-support'" in out
    code, out = run(
        "checkin", "company/faster-support", "--set", "self-serv=20", "--site", str(site)
    )
    assert code == 2 and "did you mean 'self-serve'" in out
    code, out = run(
        "checkin", "company/faster-support", "--set", "self-serve=lots", "--site", str(site)
    )
    assert code == 2 and "not a number" in out
    code, out = run(
        "checkin", "company/delight-customers", "--set", "onboarding=1", "--site", str(site)
    )
    assert code == 2 and "checklist" in out
    code, out = run(
        "checkin",
        "company/faster-support",
        "--set",
        "self-serve=25",
        "--set",
        "first-response=4",
        "--confidence",
        "6",
        "--note",
        "Help centre: 30 new articles",
        "--date",
        "2026-11-10",
        "--site",
        str(site),
    )
    assert code == 0, out
    written = site / "content/checkins/company/faster-support/2026-11-10.md"
    assert written.is_file()
    result = load_site(site, date(2026, 11, 12))
    assert result.ok
    kr = result.scored.objectives["company/faster-support"].key_results["self-serve"]
    assert kr.current == 25 and kr.current_source == "checkin"
    # (25 - 10) / (40 - 10) = 0.5
    assert kr.progress == pytest.approx(0.5)
    assert result.scored.objectives["company/faster-support"].confidence == 6
