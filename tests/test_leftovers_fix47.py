"""Session 47 leftovers, each through the real CLI: a check-in named by an
ISO week whose date: is of another week is warned of (OKR318) as one named
by a day is; diff's summary counts KPIs whose direction was reversed; diff
writes expected with the decimals the objective page wrote it with; a KPI's
data: CSV in a git submodule is read on neither side of a diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import run_cli, write_site

from okrsite.cli import cli

CONFIG = 'title = "T"\nlanguage = "en"\ndefault_cycle = "2026-Q4"\n'


# ------------------------------------------- 1. a week's file name and its date:
def test_a_week_named_checkin_dated_in_another_week_is_warned_of(tmp_path: Path) -> None:
    def checkin(day: str, value: int) -> str:
        return f"---\nobjective: infra\ndate: {day}\nvalues: {{a: {value}}}\n---\n"

    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": CONFIG,
            "content/objectives/infra.md": (
                "---\ntitle: Infra\ncycle: 2026-Q4\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
            ),
            "content/checkins/infra/2026-W48.md": checkin("2026-12-10", 3),
            "content/checkins/infra/2026-W47-5.md": checkin("2026-11-16", 4),
            "content/checkins/infra/2026-W49.md": checkin("2026-12-04", 5),
            "content/checkins/infra/2026-W46-retro.md": checkin("2026-11-14", 6),
        },
    )
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--as-of", "2026-12-15", "--out", str(out))
    assert code == 0, output
    assert (
        "content/checkins/infra/2026-W48.md:3:7: warning OKR318: the file name says 2026-W48 "
        "but date: says 2026-12-10, of 2026-W50; the check-in is read as of 2026-12-10 "
        "(hint: fix date: or rename the file)"
    ) in output, output
    # 2026-12-04 is the Friday of week 49, 2026-11-16 the Monday of week 47,
    # 2026-11-14 the Saturday of week 46: each inside the week its file names
    assert output.count("OKR318") == 1, output
    assert "2026-12-10" in (out / "objectives/infra/index.html").read_text(encoding="utf-8")


# ------------------------------------------- 2. diff's summary counts reversed KPIs
def test_diff_summary_counts_kpis_whose_direction_is_reversed(tmp_path: Path) -> None:
    import json

    from gitrepo import Repo

    def kpi(direction: str) -> str:
        return (
            f"---\ntitle: Incidents\nunit: incidents\ndirection: {direction}\ntarget: 3\n"
            "values: {2026-11-10: 9}\n---\n"
        )

    said = {}
    for language in ("en", "de"):
        repo = Repo(tmp_path / language)
        repo.write("okrsite.toml", f'title = "R"\nas_of = "2026-11-20"\nlanguage = "{language}"\n')
        repo.write("content/kpis/incidents.md", kpi("lower is better"))
        repo.commit("Initial", "alice", "2026-10-01T10:00:00+00:00")
        repo.write("content/kpis/incidents.md", kpi("higher is better"))
        repo.commit("Reframe", "alice", "2026-11-12T10:00:00+00:00")
        for form in ("text", "markdown", "json"):
            code, out = run_cli(
                "diff", "HEAD~1", "HEAD", "--site", str(repo.root), "--format", form
            )
            assert code == 0, out
            said[language, form] = json.loads(out)["summary"] if form == "json" else out
    for form in ("text", "markdown", "json"):
        assert "changes 1 KPI, reverses the direction of 1 KPI" in said["en", form], said
        # JSON's summary is English whatever the site's language
        german = (
            "reverses the direction of 1 KPI"
            if form == "json"
            else ("kehrt die Richtung von 1 Kennzahl um")
        )
        assert german in said["de", form], said["de", form]


# ------------------------------------------- 3. diff's expected as the page wrote it
def test_diff_writes_expected_with_the_decimals_its_page_wrote(tmp_path: Path) -> None:
    import json

    from gitrepo import Repo

    def objective(commitment: str) -> str:
        return (
            f"---\ntitle: Infra\ncycle: 2026-Q4\nowner: Uma\ncommitment: {commitment}\n"
            "key_results:\n  - {id: a, title: A, start: 0, target: 10000}\n"
            "  - {id: b, title: B, start: 0, target: 10000}\n---\n"
        )

    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "R"\nas_of = "2026-11-20"\n')
    repo.write("content/objectives/infra.md", objective("committed"))
    repo.write(
        "content/checkins/infra/2026-11-10.md",
        "---\nobjective: infra\nvalues: {a: 3933, b: 3933}\n---\n",
    )
    repo.commit("Initial", "alice", "2026-10-01T10:00:00+00:00")
    base_out = tmp_path / "base"
    code, built = run_cli("build", "--site", str(repo.root), "--out", str(base_out))
    assert code == 0, built
    page = (base_out / "objectives/infra/index.html").read_text(encoding="utf-8")
    # 39.33% beside 54.35% is 15.02 points behind: at risk, as the page says
    assert "Expected by now</dt><dd>54.35%<" in page and "39.33%" in page, page
    repo.write("content/objectives/infra.md", objective("aspirational"))
    repo.commit("Stretch", "alice", "2026-11-12T10:00:00+00:00")
    head_out = tmp_path / "head"
    code, built = run_cli("build", "--site", str(repo.root), "--out", str(head_out))
    assert code == 0, built
    head_page = (head_out / "objectives/infra/index.html").read_text(encoding="utf-8")
    assert "Expected by now</dt><dd>38%<" in head_page, head_page

    for form in ("text", "markdown"):
        code, out = run_cli("diff", "HEAD~1", "HEAD", "--site", str(repo.root), "--format", form)
        assert code == 0, out
        assert "expected 54.35% → 38%" in out, out
        assert "expected 54% → 38%" not in out, out
    code, out = run_cli("diff", "HEAD~1", "HEAD", "--site", str(repo.root), "--format", "json")
    [score] = json.loads(out)["scores"]
    assert score["status"] == {"before": "at-risk", "after": "on-track"}, score


# ------------------------------------------- 4. a KPI's data: CSV in a submodule
def test_diff_leaves_a_kpi_data_file_in_a_submodule_out_on_both_sides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from gitrepo import Repo

    def kpi(title: str) -> str:
        return f"---\ntitle: {title}\nunit: EUR\ntarget: 200\ndata: data/mrr.csv\n---\n"

    data = Repo(tmp_path / "data")
    data.write("mrr.csv", "date,value\n2026-10-05,100\n2026-11-02,140\n")
    data.commit("readings", "alice", "2026-10-03T10:00:00+00:00")
    repo = Repo(tmp_path / "site")
    repo.write("okrsite.toml", 'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = "2026-11-05"\n')
    repo.write("content/kpis/mrr.md", kpi("MRR"))
    repo.commit("kpi", "alice", "2026-10-02T10:00:00+00:00")
    repo.git(
        "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(data.root), "content/data"
    )
    repo.commit("readings as a submodule", "alice", "2026-10-04T10:00:00+00:00")
    out = tmp_path / "out"
    code, built = run_cli("build", "--site", str(repo.root), "--out", str(out))
    assert code == 0, built  # a build reads the CSV from the checkout
    assert "140" in (out / "kpis/mrr/index.html").read_text(encoding="utf-8")

    repo.write("content/kpis/mrr.md", kpi("Monthly revenue"))  # not committed
    monkeypatch.chdir(repo.root)
    result = CliRunner().invoke(cli, ["diff", "main", "--format", "json", "--fail-on", "errors"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    [record] = report["kpis"]
    # only the title: the readings are read on neither side, no OKR310 fixed
    assert [f["field"] for f in record["fields"]] == ["title"], record
    found = report["diagnostics"]
    assert not found["introduced"] and not found["resolved"], found
    said = [line for line in result.stderr.splitlines() if "git submodule" in line]
    assert said == [
        "okrsite diff: warning: content/data is a git submodule, which okrsite diff "
        "and the history cannot see into; skipped (hint: keep the goals in the site's own "
        "repository: okrsite diff and the pages' history read no submodule's commits)"
    ], result.stderr
