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


def test_init_refuses_a_folder_with_a_content_folder(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "x.txt").write_text("keep")
    code, out = run("init", str(tmp_path))
    assert code == 2 and "already has content/" in out and "okrsite init goals" in out
    assert (tmp_path / "content" / "x.txt").read_text() == "keep"
    assert not (tmp_path / "okrsite.toml").exists()


def test_init_in_an_existing_repository(tmp_path: Path) -> None:
    repo = tmp_path / "goals"
    (repo / ".git").mkdir(parents=True)
    (repo / "README.md").write_text("# Our goals\n")
    (repo / "LICENSE").write_text("MIT\n")
    (repo / ".gitignore").write_text("*.pyc\n")
    code, out = run("init", str(repo))
    assert code == 0, out
    assert "add the line '_site/' to your .gitignore" in out
    assert (repo / "README.md").read_text() == "# Our goals\n"
    assert (repo / ".gitignore").read_text() == "*.pyc\n"
    assert (repo / "okrsite.toml").is_file()
    assert load_site(repo).ok
    # a second init finds the site's own files and refuses, naming them
    code, out = run("init", str(repo))
    assert code == 2 and "content" in out and "okrsite.toml" in out


def test_new_writes_files_the_loader_accepts_and_never_overwrites(tmp_path: Path) -> None:
    site = tmp_path / "s"
    init_site(site)
    tricky = 'Tricky: "quotes" # and colons'
    for kind, rid, extra in [
        ("objective", "sales/emea", ["--owner", "Uma Díaz", "--team", "Sales EMEA"]),
        ("kpi", "churn", []),
        ("goal", "handbook", ["--parent", "company/faster-support"]),
    ]:
        code, out = run("new", kind, rid, "--site", str(site), "--title", tricky, *extra)
        assert code == 0, out
        assert "wrote content/" in out
    code, out = run("new", "objective", "sales/emea", "--site", str(site))
    assert code == 2 and "already exists" in out
    result = load_site(site)
    assert result.ok, [d.format_text() for d in result.diagnostics]
    p = result.scored.portfolio
    assert p.objectives["sales/emea"].title == tricky
    assert p.objectives["sales/emea"].owner == "uma-diaz"
    assert p.person_names["uma-diaz"] == "Uma Díaz"
    # nothing invented: no key results, thresholds, values or measure were made up
    assert p.objectives["sales/emea"].key_results == ()
    assert p.kpis["churn"].values == () and p.kpis["churn"].green is None
    assert p.goals["handbook"].measure is None
    kpi_text = (site / "content/kpis/churn.md").read_text()
    assert "values: {}" not in kpi_text and "\n# thresholds:" in kpi_text
    # quoted as the docs and people quote: double quotes, only where needed
    emea_text = (site / "content/objectives/sales/emea.md").read_text()
    assert 'title: "Tricky: \\"quotes\\" # and colons"\n' in emea_text
    assert "owner: Uma Díaz\n" in emea_text and "team: Sales EMEA\n" in emea_text


def test_new_refused_by_the_loader_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "s"
    init_site(site)
    code, out = run(
        "new",
        "objective",
        "sales/emea",
        "--parent",
        "company/delight-customer",
        "--site",
        str(site),
    )
    assert code == 1, out
    assert (
        "content/objectives/sales/emea.md:4:9: error OKR303: parent objective "
        "'company/delight-customer' does not exist (hint: did you mean 'company/delight-customers'?)"
    ) in out
    assert "nothing was changed" in out
    assert not (site / "content/objectives/sales/emea.md").exists()
    code, out = run("new", "goal", "g", "--cycle", "2026-Q9", "--site", str(site))
    assert code == 1 and "unknown cycle '2026-Q9'" in out
    assert not (site / "content/goals/g.md").exists()


# x.md is the id x, as a checkin ID ending in .md is (tab-completed): see test_authoring_fix44
@pytest.mark.parametrize("bad", ["../escape", "/abs", "a b/.."])
def test_new_refuses_bad_ids(tmp_path: Path, bad: str) -> None:
    site = tmp_path / "s"
    init_site(site)
    code, out = run("new", "objective", bad, "--site", str(site))
    assert code == 2 and "not a usable id" in out
    assert not (tmp_path / "escape.md").exists()


def test_new_checkin_asks_for_what_it_needs(tmp_path: Path) -> None:
    site = tmp_path / "s"
    init_site(site, today=date(2026, 11, 2))
    code, out = run("new", "checkin", "company/faster-support", "--site", str(site))
    assert code == 2 and "nothing to record: give --set KR=VALUE" in out
    code, out = run("new", "checkin", "nps", "--site", str(site))
    assert code == 2 and "okrsite checkin nps --value V" in out
    code, out = run(
        "new", "checkin", "nps", "--value", "38", "--date", "2026-11-20", "--site", str(site)
    )
    assert code == 0, out
    text = (site / "content/checkins/nps/2026-11-20.md").read_text()
    assert "confidence" not in text and "values" not in text
    assert load_site(site, date(2026, 11, 21)).scored.kpis["nps"].value == 38
