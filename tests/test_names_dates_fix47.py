"""Session 47 fixes, each through the real CLI: a team's or person's page
address names the team or person whose file gives that handle; a check-in
file named by its ISO week is dated by it; a KPI's reversed direction is
less ambitious."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site

CONFIG = 'title = "T"\nlanguage = "en"\ndefault_cycle = "2026-Q4"\n'


# ------------------------------------------- 1. a page's address names its handle
def _named_site(root: Path, team: str, owner: str) -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": CONFIG,
            "content/teams/platform.md": '---\ntitle: Platform\ngithub: "@acme/platform"\n---\n',
            "content/teams/data.md": '---\ntitle: Data Crew\ngitlab: "@acme/data"\n---\n',
            "content/people/uma.md": "---\ntitle: Uma Diaz\ngithub: uma-diaz\n---\n",
            "content/objectives/infra.md": (
                f"---\ntitle: Infra\ncycle: 2026-Q4\nteam: {team}\nowner: {owner}\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 1}\n---\n"
            ),
        },
    )


@pytest.mark.parametrize(
    ("team", "page"),
    [
        ("https://github.com/orgs/acme/teams/platform", "platform"),
        ("https://github.com/orgs/acme/teams/platform/members", "platform"),
        ("https://gitlab.com/groups/acme/data", "data"),
        ("https://gitlab.com/acme/data", "data"),
    ],
)
def test_a_team_and_an_owner_written_as_their_page_address_name_them(
    tmp_path: Path, team: str, page: str
) -> None:
    site = _named_site(tmp_path / "site", team, "https://github.com/uma-diaz")
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--as-of", "2026-11-20", "--out", str(out))
    assert code == 0, output
    assert "OKR306" not in output, output
    assert "Infra" in (out / "teams" / page / "index.html").read_text(encoding="utf-8")
    assert "Infra" in (out / "people/uma/index.html").read_text(encoding="utf-8")


def test_a_page_address_naming_no_one_says_the_handle_read(tmp_path: Path) -> None:
    site = _named_site(
        tmp_path / "site", "https://github.com/orgs/acme/teams/infra", "https://github.com/kimp"
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, output
    assert (
        "content/objectives/infra.md:4:7: warning OKR306: team '@acme/infra' (acme-infra) "
        "is not a team in content/teams/ (hint: read as the handle '@acme/infra'"
    ) in output, output
    assert (
        "content/objectives/infra.md:5:8: warning OKR306: owner '@kimp' (kimp) "
        "is not a person in content/people/ (hint: read as the handle '@kimp'"
    ) in output, output
    assert "okrsite new team" not in output and "okrsite new person" not in output, output


# ------------------------------------------- 2. a check-in named by its ISO week
def _weekly_site(root: Path, names: list[str]) -> Path:
    files = {
        "okrsite.toml": CONFIG,
        "content/objectives/infra.md": (
            "---\ntitle: Infra\ncycle: 2026-Q4\n"
            "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
        ),
    }
    for value, name in enumerate(names, start=3):
        files[f"content/checkins/{name}"] = f"---\nobjective: infra\nvalues: {{a: {value}}}\n---\n"
    return write_site(root, files)


def test_a_checkin_named_by_its_iso_week_is_dated_as_date_would_be(tmp_path: Path) -> None:
    site = _weekly_site(tmp_path / "site", ["2026-W47.md", "2026-W48-5.md"])
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--as-of", "2026-11-30", "--out", str(out))
    assert code == 0, output
    page = (out / "objectives/infra/index.html").read_text(encoding="utf-8")
    # 2026-W47 is that week's Monday, 2026-W48-5 the Friday of the next
    assert "2026-11-16" in page and "2026-11-27" in page, page


def test_a_checkin_named_by_no_real_week_names_the_nearest(tmp_path: Path) -> None:
    site = _weekly_site(tmp_path / "site", ["2026-W54.md"])
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-30")
    assert code == 1, output
    assert (
        "content/checkins/2026-W54.md:1: error OKR104: the check-in is dated by its file name, "
        "2026-W54, which is not a real week: 2026 has 53 ISO weeks (hint: rename the file to "
        "the check-in's week, e.g. 2026-W53.md, or add 'date: 2026-W53'"
    ) in output, output


# ------------------------------------------- 3. a KPI's direction reversed
def test_a_kpi_whose_direction_is_reversed_trips_less_ambitious(tmp_path: Path) -> None:
    import json

    from gitrepo import Repo

    def kpi(direction: str) -> str:
        return (
            f"---\ntitle: Incidents\nunit: incidents\ndirection: {direction}\ntarget: 3\n"
            "values: {2026-11-10: 9}\n---\n"
        )

    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "R"\nas_of = "2026-11-20"\n')
    repo.write("content/kpis/incidents.md", kpi("lower is better"))
    repo.commit("Initial", "alice", "2026-10-01T10:00:00+00:00")
    repo.write("content/kpis/incidents.md", kpi("higher is better"))
    repo.commit("Reframe", "alice", "2026-11-12T10:00:00+00:00")
    site = str(repo.root)

    code, out = run_cli(
        "diff",
        "HEAD~1",
        "HEAD",
        "--site",
        site,
        "--format",
        "text",
        "--fail-on",
        "errors,less-ambitious",
    )
    assert code == 1, out
    assert "kpi incidents: direction" in out.lower() and "(direction reversed)" in out, out
    code, out = run_cli("diff", "HEAD~1", "HEAD", "--site", site, "--format", "json")
    data = json.loads(out)
    assert [(f["rule"], f["subject"]) for f in data["findings"]] == [
        ("less-ambitious", "incidents")
    ], data["findings"]
    [rec] = data["kpis"]
    said = {f["field"]: f["note"] for f in rec["fields"]}
    assert said["direction"] == "direction reversed", said
    # the site's history says of the same change what the diff says
    out_dir = tmp_path / "out"
    code, built = run_cli("build", "--site", site, "--out", str(out_dir))
    assert code == 0, built
    hist = json.loads((out_dir / "api" / "history.json").read_text("utf-8"))
    changes = {c["field"]: c for c in hist["kpis"]["incidents"]["changes"]}
    assert changes["direction"].get("note") == "direction reversed", changes
