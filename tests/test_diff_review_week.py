"""``okrsite diff`` as a pull request's review sees a week of a team's work.

A real git repository, files written as people write them (names with
accents, times of day), check-ins written with the real ``okrsite checkin``,
and the real CLI in all three formats, which must agree with each other and
with the figures the site's own export gives.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_diff_fixtures import commit, git, init_repo

from okrsite.cli import cli

AS_OF = "2026-11-20"

BASE: dict[str, str | None] = {
    "okrsite.toml": 'title = "Acme"\nas_of = 2026-11-20\n',
    "content/people/renee-obrien.md": "---\ntitle: Renée O'Brien\n---\n",
    "content/people/jose-alvarez.md": "---\ntitle: José Álvarez\n---\n",
    "content/people/zoe-angstrom.md": "---\ntitle: Zoë Ångström\n---\n",
    "content/objectives/sales/emea.md": """
        ---
        title: Win EMEA mid-market
        cycle: 2026-Q4
        owner: Renée O'Brien
        key_results:
          - id: deals
            title: Close 20 new deals
            target: 20
          - id: cycle-time
            title: Cut the sales cycle from 60 to 40 days
            start: 60
            target: 40
            unit: days
        ---
        """,
    "content/objectives/product/reliability.md": """
        ---
        title: Make the platform reliable
        cycle: 2026-Q4
        owner: Zoë Ångström
        key_results:
          - id: incidents
            title: Reduce incidents from 12 to 4
            start: 12
            target: 4
          - id: p95
            title: p95 latency from 800 to 300 ms
            start: 800
            target: 300
            unit: ms
        ---
        """,
    "content/checkins/sales/emea/2026-11-10.md": """
        ---
        objective: sales/emea
        date: 2026-11-10 4:30 pm
        author: Renée O'Brien
        confidence: 7
        values: {deals: 11, cycle-time: 48}
        ---
        """,
    "content/checkins/product/reliability/2026-11-05.md": """
        ---
        objective: product/reliability
        date: 2026-11-05T10:00
        author: Zoë Ångström
        confidence: 8
        values: {incidents: 7, p95: 520}
        ---
        """,
}


def cli_run(repo: Path, *args: str) -> str:
    old = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """main, then a branch that renames a key result's id (its check-in follows)
    and adds two check-ins of one day with ``okrsite checkin``."""
    repo = init_repo(tmp_path_factory.mktemp("week") / "repo")
    commit(repo, "base", BASE)
    git(repo, "checkout", "-q", "-b", "review")
    for rel, old, new in (
        ("content/objectives/product/reliability.md", "- id: incidents", "- id: sev-incidents"),
        ("content/checkins/product/reliability/2026-11-05.md", "{incidents:", "{sev-incidents:"),
    ):
        path = repo / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    # the afternoon's check-in first: the file names then sort against the
    # order of the day (2026-11-19.md is 17:00, 2026-11-19-2.md is 10:30)
    cli_run(
        repo, "checkin", "sales/emea", "--set", "deals=14", "--author", "José Álvarez",
        "--date", "2026-11-19 17:00",
    )  # fmt: skip
    cli_run(
        repo, "checkin", "sales/emea", "--set", "deals=13", "--set", "cycle-time=46",
        "--confidence", "6", "--author", "Renée O'Brien", "--date", "2026-11-19 10:30",
    )  # fmt: skip
    commit(repo, "a week of work")
    return repo


def test_checkins_are_listed_in_the_order_of_the_day_with_their_times(week: Path) -> None:
    text = cli_run(week, "diff", "main", "review", "--format", "text", "--fail-on", "none")
    lines = [x for x in text.splitlines() if x.startswith("  added 2026-11-19")]
    assert lines == [
        "  added 2026-11-19 10:30 (UTC+00:00) objective sales/emea by Renée O'Brien: "
        "deals 11 → 13, cycle-time 48 days → 46 days; confidence 7 → 6",
        # no confidence given: the objective keeps 6, nothing reads "6 → —"
        "  added 2026-11-19 17:00 (UTC+00:00) objective sales/emea by José Álvarez: deals 13 → 14",
    ]
    markdown = cli_run(week, "diff", "main", "review", "--fail-on", "none")
    lines = [x for x in markdown.splitlines() if x.startswith("- 2026-11-19")]
    assert lines == [
        "- 2026-11-19 10:30 (UTC+00:00) objective `sales/emea` by Renée O'Brien: **added**: "
        "deals 11 → 13, cycle-time 48 days → 46 days; confidence 7 → 6",
        "- 2026-11-19 17:00 (UTC+00:00) objective `sales/emea` by José Álvarez: **added**: deals 13 → 14",
    ]
    data = json.loads(
        cli_run(week, "diff", "main", "review", "--format", "json", "--fail-on", "none")
    )
    added = [c for c in data["checkins"] if c["change"] == "added"]
    assert [(c["file"], c["date"], c["time"]) for c in added] == [
        ("content/checkins/sales/emea/2026-11-19-2.md", "2026-11-19", "10:30"),
        ("content/checkins/sales/emea/2026-11-19.md", "2026-11-19", "17:00"),
    ]
    assert added[1]["confidence"] == {"before": 6, "after": None}

    # the site's own figures: the 17:00 check-in is the current one, and the
    # confidence is still the 10:30 one's
    export = json.loads(cli_run(week, "export", "--as-of", AS_OF))
    emea = next(o for o in export["objectives"] if o["id"] == "sales/emea")
    deals = next(k for k in emea["key_results"] if k["id"] == "deals")
    assert deals["current"] == 14 and emea["confidence"] == 6
    score = next(s for s in data["scores"] if s["id"] == "sales/emea")
    assert score["progress"]["after"] == pytest.approx(emea["progress"], abs=1e-6)


def test_a_renamed_key_result_moves_no_figure(week: Path) -> None:
    """Renaming a key result's id (and its check-in with it) is a rename, not
    a key result gone to "—" and another come from nowhere."""
    data = json.loads(
        cli_run(week, "diff", "main", "review", "--format", "json", "--fail-on", "none")
    )
    assert [s["id"] for s in data["scores"]] == ["sales/emea"]
    reliability = next(o for o in data["objectives"] if o["id"] == "product/reliability")
    assert [(k["id"], k["renamed_from"]) for k in reliability["key_results"]] == [
        ("sev-incidents", "incidents")
    ]
    edited = next(c for c in data["checkins"] if c["target"] == "product/reliability")
    assert edited["values"] == []
    assert edited["fields"] == [
        {
            "field": "key result",
            "before": "incidents",
            "after": "sev-incidents",
            "note": "follows rename",
        }
    ]
    text = cli_run(week, "diff", "main", "review", "--format", "text", "--fail-on", "none")
    assert (
        "  changed 2026-11-05 10:00 objective product/reliability by Zoë Ångström: "
        "key result: incidents → sev-incidents (follows rename); confidence 8\n"
    ) in text
    assert "product/reliability: 73%" not in text and "incidents: 63% → —" not in text
