"""``okrsite diff`` end to end: real git repositories, real commits, the real CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_diff_fixtures import (
    AS_OF,
    BASE_FILES,
    CONFIG,
    EMEA,
    EMEA_BASE,
    commit,
    git,
    init_repo,
    realistic_repo,
    refused_checkin_repo,
    write,
)

from okrsite.cli import cli

GOLDEN = Path(__file__).parent / "golden" / "diff"


def run(repo: Path, *args: str, site: Path | None = None) -> Result:
    """Run ``okrsite diff`` in ``repo`` through click's runner (not a TTY)."""
    old = Path.cwd()
    os.chdir(repo)
    try:
        extra = ["--site", str(site)] if site is not None else []
        return CliRunner().invoke(cli, ["diff", *args, *extra], catch_exceptions=False)
    finally:
        os.chdir(old)


def as_json(repo: Path, *args: str) -> dict[str, object]:
    result = run(repo, *args, "--format", "json", "--as-of", AS_OF, "--fail-on", "none")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def realistic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    return realistic_repo(tmp_path_factory.mktemp("realistic") / "repo")


@pytest.fixture(scope="module")
def report(realistic: tuple[Path, str, str]) -> dict[str, object]:
    repo, base, head = realistic
    return as_json(repo, base, head)


def _obj(report: dict[str, object], oid: str) -> dict[str, object]:
    objectives = report["objectives"]
    assert isinstance(objectives, list)
    found = [o for o in objectives if o["id"] == oid]
    assert found, f"{oid} not in {[o['id'] for o in objectives]}"
    return dict(found[0])


def _fields(entry: dict[str, object]) -> dict[str, dict[str, object]]:
    fields = entry["fields"]
    assert isinstance(fields, list)
    return {f["field"]: f for f in fields}


def _kr(report: dict[str, object], oid: str, kr: str) -> dict[str, object]:
    krs = _obj(report, oid)["key_results"]
    assert isinstance(krs, list)
    found = [k for k in krs if k["id"] == kr]
    assert found, f"{oid}#{kr} not in {krs}"
    return dict(found[0])


# ------------------------------------------------------------------ kinds of change
def test_objective_field_changes(report: dict[str, object]) -> None:
    emea = _obj(report, "sales/emea")
    assert emea["change"] == "changed"
    f = _fields(emea)
    assert f["title"]["before"] == "Expand into new markets"
    assert f["title"]["after"] == "Expand into new markets in EMEA"
    assert (f["owner"]["before"], f["owner"]["after"]) == ("alice", "bob")
    assert f["commitment"]["after"] == "aspirational"
    assert f["supports"]["before"] == [] and f["supports"]["after"] == ["product/cost"]


def test_target_raised_when_higher_is_better_is_more_ambitious(report: dict[str, object]) -> None:
    target = _fields(_kr(report, "sales/emea", "countries"))["target"]
    assert (target["before"], target["after"], target["note"]) == (2, 3, "more ambitious")


def test_target_raised_when_lower_is_better_is_less_ambitious(report: dict[str, object]) -> None:
    churn = _fields(_kr(report, "sales/emea", "churn"))["target"]
    assert (churn["before"], churn["after"], churn["note"]) == (2, 3, "less ambitious")
    spend = _fields(_kr(report, "product/cost", "spend"))["target"]
    assert (spend["before"], spend["after"], spend["note"]) == (50, 100, "less ambitious")


def test_key_results_added_and_removed_mid_cycle(report: dict[str, object]) -> None:
    nps = _kr(report, "sales/emea", "nps")
    assert nps["change"] == "added" and nps["mid_cycle"] is True
    uptime = _kr(report, "sales/emea", "uptime")
    assert uptime["change"] == "removed" and uptime["mid_cycle"] is True
    partners = _kr(report, "sales/apac", "partners")
    assert partners["change"] == "removed"


def test_reparented(report: dict[str, object]) -> None:
    parent = _fields(_obj(report, "product/cost"))["parent"]
    assert (parent["before"], parent["after"]) == ("company/growth", "sales/emea")
    rules = {(f["rule"], f["subject"]) for f in report["findings"]}  # type: ignore[union-attr]
    assert ("reparented", "product/cost") in rules


def test_git_mv_with_new_path_id_is_a_rename(report: dict[str, object]) -> None:
    japan = _obj(report, "apac/japan-launch")
    assert japan["change"] == "changed"
    assert japan["renamed_from"] == "product/asia-launch"
    assert japan["moved_from"] == "content/objectives/product/asia-launch.md"
    ids = [o["id"] for o in report["objectives"]]  # type: ignore[union-attr]
    assert "product/asia-launch" not in ids


def test_same_id_in_another_file_is_a_move(report: dict[str, object]) -> None:
    ops = _obj(report, "ops/reliability")
    assert ops["change"] == "changed" and ops["renamed_from"] is None
    assert ops["moved_from"] == "content/objectives/old/ops.md"
    assert ops["file"] == "content/objectives/ops/reliability.md"


def test_objectives_added_and_removed(report: dict[str, object]) -> None:
    assert _obj(report, "support/tickets")["change"] == "added"
    assert _obj(report, "sales/legacy")["change"] == "removed"


def test_kpi_threshold_and_value_changes(report: dict[str, object]) -> None:
    kpis = report["kpis"]
    assert isinstance(kpis, list)
    nps = _fields(kpis[0])
    assert (nps["green"]["before"], nps["green"]["after"], nps["green"]["note"]) == (
        40,
        35,
        "looser",
    )
    assert (nps["health"]["before"], nps["health"]["after"]) == ("warning", "healthy")


def test_goal_target_lowered_is_less_ambitious(report: dict[str, object]) -> None:
    goals = report["goals"]
    assert isinstance(goals, list)
    target = _fields(goals[0])["target"]
    assert (target["before"], target["after"], target["note"]) == (95, 90, "less ambitious")


def test_new_checkin_values_and_confidence(report: dict[str, object]) -> None:
    checkins = report["checkins"]
    assert isinstance(checkins, list) and len(checkins) == 1
    c = checkins[0]
    assert c["change"] == "added" and c["target"] == "sales/emea" and c["counted"] is True
    assert c["confidence"] == {"before": 7, "after": 5}
    assert {"key": "countries", "before": 1, "after": 2} in c["values"]


def test_scores_include_rollup_only_changes(report: dict[str, object]) -> None:
    scores = {s["id"]: s for s in report["scores"]}  # type: ignore[union-attr]
    growth = scores["company/growth"]
    assert growth["causes"] == ["roll-up"]
    assert growth["progress"]["before"] != growth["progress"]["after"]
    apac = scores["sales/apac"]
    assert apac["progress"] == {"before": 0.25, "after": 0.5}
    assert apac["status"] == {"before": "at-risk", "after": "on-track"}
    assert "edited" in apac["causes"]
    assert scores["support/tickets"]["causes"] == ["added"]
    assert scores["sales/legacy"]["progress"]["after"] is None


def test_diagnostics_follow_moved_files(report: dict[str, object]) -> None:
    diags = report["diagnostics"]
    assert isinstance(diags, dict)
    files = {d["file"] for d in diags["introduced"] + diags["resolved"]}
    assert "content/objectives/ops/reliability.md" not in files
    assert "content/objectives/old/ops.md" not in files
    assert "content/objectives/support/tickets.md" in files  # the new objective's warnings
    assert diags["head_errors"] == []


# ------------------------------------------------------------------ fail-on rules
@pytest.mark.parametrize(
    ("rules", "code"),
    [
        ("errors", 0),
        ("none", 0),
        ("less-ambitious", 1),
        ("removed-key-result", 1),
        ("reparented", 1),
        ("errors,reparented", 1),
        (" Errors , less-ambitious ", 1),
    ],
)
def test_fail_on(realistic: tuple[Path, str, str], rules: str, code: int) -> None:
    repo, base, head = realistic
    result = run(repo, base, head, "--as-of", AS_OF, "--fail-on", rules)
    assert result.exit_code == code, result.output
    if code:
        assert "okrsite diff:" in result.stderr


def test_unknown_rule_is_a_usage_error(realistic: tuple[Path, str, str]) -> None:
    repo, base, head = realistic
    result = run(repo, base, head, "--fail-on", "errors,less-ambitous")
    assert result.exit_code == 2
    assert "less-ambitous" in result.output and "less-ambitious" in result.output


# ------------------------------------------------------------------ formats
def test_golden_markdown(realistic: tuple[Path, str, str]) -> None:
    repo, base, head = realistic
    result = run(repo, "HEAD~1", "HEAD", "--as-of", AS_OF, "--format", "markdown")
    assert result.exit_code == 0, result.output
    text = result.stdout
    golden = GOLDEN / "realistic.md"
    if os.environ.get("OKRSITE_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        "markdown report changed; if intended, rerun with OKRSITE_UPDATE_GOLDEN=1"
    )


def test_markdown_shape(realistic: tuple[Path, str, str]) -> None:
    repo, base, head = realistic
    text = run(repo, base, head, "--as-of", AS_OF).stdout  # markdown is the default
    assert text.startswith("<!-- okrsite-diff -->\n")
    summary_at = text.index("This change")
    table_at = text.index("| Objective | Progress | Status | Why |")
    details_at = text.index("<details>")
    assert summary_at < table_at < details_at
    assert text.count("<details>") == text.count("</details>")
    # user text is escaped: the pipe does not split the row, the tag stays text
    row = next(line for line in text.splitlines() if "support/tickets" in line and "|" in line)
    assert "Answer \\| every &lt;ticket&gt; in a day" in row
    assert len(re.findall(r"(?<!\\)\|", row)) == 5
    assert "<ticket>" not in text


def test_text_format_has_no_colour_off_a_tty(realistic: tuple[Path, str, str]) -> None:
    repo, base, head = realistic
    result = run(repo, base, head, "--as-of", AS_OF, "--format", "text")
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "target: 2% → 3% (less ambitious)" in result.stdout


def test_output_file(realistic: tuple[Path, str, str], tmp_path: Path) -> None:
    repo, base, head = realistic
    out = tmp_path / "diff.md"
    result = run(repo, base, head, "--as-of", AS_OF, "--output", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!-- okrsite-diff -->")
    assert "wrote" in result.stderr


def test_json_top_level_structure(report: dict[str, object]) -> None:
    assert set(report) == {
        "schema",
        "as_of",
        "changed_on",
        "base",
        "head",
        "site_moved",
        "summary",
        "empty",
        "settings",
        "organisation",
        "objectives",
        "kpis",
        "goals",
        "checkins",
        "scores",
        "diagnostics",
        "findings",
        "fail_on",
        "failed",
    }
    assert report["schema"] == 1 and report["as_of"] == AS_OF and report["empty"] is False


# ------------------------------------------------------------------ sides and git
def test_head_defaults_to_working_tree(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(repo, "base", BASE_FILES)
    write(
        repo,
        {
            "content/checkins/2026-02-01-emea.md": """
            ---
            objective: sales/emea
            date: 2026-02-01
            confidence: 8
            values: {countries: 2}
            ---
            """
        },
    )
    data = as_json(repo, "HEAD")
    assert data["head"] == {"label": "working tree", "commit": None}
    assert [c["change"] for c in data["checkins"]] == ["added"]  # type: ignore[union-attr]


def test_base_defaults_to_merge_base_with_main(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    base = commit(repo, "base", BASE_FILES)
    git(repo, "checkout", "-q", "-b", "feature")
    commit(repo, "feature", {"content/objectives/sales/legacy.md": None})
    git(repo, "checkout", "-q", "main")
    commit(repo, "main moves on", {"content/objectives/sales/apac.md": None})
    git(repo, "checkout", "-q", "feature")
    data = as_json(repo)
    assert data["base"] == {"label": "merge base with main", "commit": base}
    assert data["head"] == {"label": "working tree", "commit": None}
    changed = [(o["id"], o["change"]) for o in data["objectives"]]  # type: ignore[union-attr]
    assert changed == [("sales/legacy", "removed")]  # main's later change is not this PR's


def test_base_with_no_goals(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    base = commit(repo, "empty", {"okrsite.toml": CONFIG, "README.md": "goals come later\n"})
    head = commit(repo, "goals", BASE_FILES)
    data = as_json(repo, base, head)
    objectives = data["objectives"]
    assert isinstance(objectives, list) and len(objectives) == 7
    assert {o["change"] for o in objectives} == {"added"}
    assert all(s["causes"] == ["added"] for s in data["scores"])  # type: ignore[union-attr]


def test_broken_file_at_head_fails_with_file_and_line(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    base = commit(repo, "base", BASE_FILES)
    head = commit(
        repo,
        "break",
        {
            "content/objectives/sales/apac.md": """
            ---
            title: Open APAC through resellers
            owner: bob
            key_results:
              - id: resellers
                title: Sign 4 resellers
                start: 0
                target: four
            ---
            """
        },
    )
    result = run(repo, base, head, "--as-of", AS_OF)
    assert result.exit_code == 1
    assert re.search(r"content/objectives/sales/apac\.md:\d+", result.stdout)
    assert ":x:" in result.stdout and "error" in result.stdout
    assert "errors:" in result.stderr
    data = as_json(repo, base, head)
    apac = next(o for o in data["objectives"] if o["id"] == "sales/apac")  # type: ignore[union-attr]
    assert apac["change"] == "removed" and apac["broken"] is True
    growth = next(s for s in data["scores"] if s["id"] == "company/growth")  # type: ignore[union-attr]
    assert growth["causes"] == ["roll-up"]
    as_text = run(repo, base, head, "--as-of", AS_OF, "--format", "text", "--fail-on", "none")
    assert as_text.exit_code == 0
    assert re.search(r"content/objectives/sales/apac\.md:8:13: error", as_text.stdout)


def test_site_in_a_subfolder(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    nested = {f"goals site/{k}": v for k, v in BASE_FILES.items()}
    base = commit(repo, "base", {**nested, "content/objectives/decoy.md": "---\ntitle: x\n---\n"})
    head = commit(repo, "drop one", {"goals site/content/objectives/sales/legacy.md": None})
    data = as_json(repo / "goals site", base, head)
    changed = [(o["id"], o["change"]) for o in data["objectives"]]  # type: ignore[union-attr]
    assert changed == [("sales/legacy", "removed")]
    from_top = run(repo, base, head, "--format", "json", "--as-of", AS_OF, site=repo / "goals site")
    assert json.loads(from_top.stdout)["objectives"] == data["objectives"]


def test_missing_revision_exit_2(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(repo, "base", BASE_FILES)
    result = run(repo, "origin/main", "HEAD")
    assert result.exit_code == 2
    assert "revision 'origin/main' not found" in result.output
    # a full clone: the fetch keeps it full (--depth=1 would make it shallow)
    assert "git fetch origin main:refs/remotes/origin/main" in result.output
    assert "--depth" not in result.output
    nope = run(repo, "v2026-Q1", "HEAD")
    assert nope.exit_code == 2 and "git fetch origin tag v2026-Q1 (a tag)" in nope.output
    assert run(repo, "HEAD", "--bad").exit_code == 2


def test_not_a_git_repository_exit_2(tmp_path: Path) -> None:
    site = tmp_path / "plain"
    write(site, {"okrsite.toml": CONFIG})
    env_ceiling = os.environ.get("GIT_CEILING_DIRECTORIES")
    os.environ["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    try:
        result = run(site, "main")
    finally:
        if env_ceiling is None:
            del os.environ["GIT_CEILING_DIRECTORIES"]
        else:
            os.environ["GIT_CEILING_DIRECTORIES"] = env_ceiling
    assert result.exit_code == 2
    assert "not inside a git repository" in result.output


def test_no_default_branch_exit_2(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo", branch="trunk")
    commit(repo, "base", BASE_FILES)
    result = run(repo)
    assert result.exit_code == 2
    assert "pass BASE explicitly" in result.output


def test_shallow_clone_after_fetching_the_base(tmp_path: Path) -> None:
    origin, base, _ = realistic_repo(tmp_path / "origin")
    git(origin, "branch", "-f", "feature", "HEAD")
    git(origin, "reset", "-q", "--hard", base)  # main stays at base, feature has the change
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{origin}", "clone")
    missing = run(clone, "origin/main", "HEAD")
    hint = "git fetch origin main:refs/remotes/origin/main --depth=1"
    assert missing.exit_code == 2 and hint in missing.output
    git(clone, *hint.split()[1:])  # the hint, as written, makes origin/main resolve
    data = as_json(clone, "origin/main", "HEAD")
    assert data["base"] == {"label": "origin/main", "commit": base}
    assert any(o["id"] == "sales/emea" for o in data["objectives"])  # type: ignore[union-attr]


def test_subprocess_entry_point(realistic: tuple[Path, str, str]) -> None:
    repo, base, head = realistic
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "okrsite", "diff", base, head, "--as-of", AS_OF, "--format", "text"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "\x1b[" not in proc.stdout
    assert "sales/emea" in proc.stdout


# ------------------------------------------------------------------ check-ins refused at head
@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    return refused_checkin_repo(tmp_path_factory.mktemp("refused") / "repo")


def _checkins(data: dict[str, object]) -> dict[str, dict[str, object]]:
    checkins = data["checkins"]
    assert isinstance(checkins, list)
    return {c["date"]: c for c in checkins}


def test_checkin_refused_at_head_is_not_removed(refused: tuple[Path, str, str]) -> None:
    repo, _, _ = refused
    data = as_json(repo, "main", "HEAD")
    by_day = _checkins(data)
    refused_one = by_day["2026-01-14"]
    assert refused_one["change"] == "removed" and refused_one["broken"] is True
    assert refused_one["values"] == []
    errors = refused_one["errors"]
    assert isinstance(errors, list)
    assert [(e["code"], e["file"]) for e in errors] == [
        ("OKR304", "content/checkins/2026-01-14-emea.md")
    ]
    assert "no key result 'churn'" in errors[0]["message"]
    assert "breaks 1 check-in (files with errors)" in str(data["summary"])
    assert "edits or removes" not in str(data["summary"])

    text = run(repo, "main", "HEAD", "--as-of", AS_OF, "--format", "text", "--fail-on", "none")
    assert (
        "  cannot be read at head 2026-01-14 objective sales/emea-expansion by Uma Diaz: "
        "content/checkins/2026-01-14-emea.md:6:24: OKR304 objective 'sales/emea-expansion' "
        "has no key result 'churn'\n"
    ) in text.stdout
    assert "removed 2026-01-14" not in text.stdout

    markdown = run(repo, "main", "HEAD", "--as-of", AS_OF, "--fail-on", "none").stdout
    line = next(x for x in markdown.splitlines() if x.startswith("- 2026-01-14"))
    assert "**cannot be read at head**: `content/checkins/2026-01-14-emea.md:6:24` `OKR304`" in line
    assert "**removed**" not in line


def test_next_checkin_compares_with_the_refused_one(refused: tuple[Path, str, str]) -> None:
    """The check-in before the new one is the refused 2026-01-14, not the older 2026-01-07."""
    repo, _, _ = refused
    added = _checkins(as_json(repo, "main", "HEAD"))["2026-02-04"]
    assert added["change"] == "added" and added["broken"] is False and added["errors"] == []
    assert added["values"] == [
        {"key": "countries", "before": 1, "after": 2},
        {"key": "revenue", "before": 150000, "after": 420000},
    ]
    assert added["confidence"] == {"before": 6, "after": 5}


def test_deleted_checkin_file_is_still_removed(refused: tuple[Path, str, str]) -> None:
    repo, _, _ = refused
    git(repo, "checkout", "-q", "-b", "delete-it", "main")
    try:
        commit(repo, "delete", {"content/checkins/2026-01-14-emea.md": None})
        gone = _checkins(as_json(repo, "main", "HEAD"))["2026-01-14"]
    finally:
        git(repo, "checkout", "-q", "feature")
    assert gone["change"] == "removed" and gone["broken"] is False and gone["errors"] == []
    assert {"key": "countries", "before": 1, "after": None} in gone["values"]  # type: ignore[operator]


# ------------------------------------------------------------------ what an edited check-in changed
def test_edited_checkin_says_what_changed(tmp_path: Path) -> None:
    """An objective renamed with ``git mv``: its check-ins now name the new id."""
    repo = init_repo(tmp_path / "repo")
    commit(repo, "base", EMEA_BASE)
    git(repo, "mv", EMEA, "content/objectives/sales/emea-growth.md")
    first = "content/checkins/2026-01-07-emea.md"
    second = "content/checkins/2026-01-14-emea.md"
    old = str(EMEA_BASE[second])
    commit(
        repo,
        "rename",
        {
            first: str(EMEA_BASE[first]).replace("sales/emea-expansion", "sales/emea-growth"),
            second: old.replace("sales/emea-expansion", "sales/emea-growth")
            .replace("author: uma-diaz", "author: tom-lee")
            .replace("2026-01-14", "2026-01-15")
            + "Churn is the worry.\n",
        },
    )
    data = as_json(repo, "HEAD~1", "HEAD")
    by_day = _checkins(data)
    moved = by_day["2026-01-07"]
    assert moved["change"] == "changed" and moved["values"] == []
    assert moved["fields"] == [
        {
            "field": "objective",
            "before": "sales/emea-expansion",
            "after": "sales/emea-growth",
            "note": "follows rename",
        }
    ]
    fields = {f["field"]: (f["before"], f["after"]) for f in by_day["2026-01-15"]["fields"]}  # type: ignore[union-attr]
    assert fields["date"] == ("2026-01-14", "2026-01-15")
    assert fields["author"] == ("uma-diaz", "tom-lee")
    assert fields["note"] == ("", "Churn is the worry.\n")

    text = run(repo, "HEAD~1", "HEAD", "--as-of", AS_OF, "--format", "text").stdout
    assert (
        "  changed 2026-01-07 objective sales/emea-growth by Uma Diaz: "
        "objective: sales/emea-expansion → sales/emea-growth (follows rename); confidence 7\n"
    ) in text
    line = next(x for x in text.splitlines() if x.startswith("  changed 2026-01-15"))
    assert "date: 2026-01-14 → 2026-01-15" in line and "note added" in line
    markdown = run(repo, "HEAD~1", "HEAD", "--as-of", AS_OF).stdout
    assert (
        "- 2026-01-07 objective `sales/emea-growth` by Uma Diaz: **changed**: "
        "objective: sales/emea-expansion → sales/emea-growth (follows rename); confidence 7\n"
    ) in markdown


# ------------------------------------------------------------------ names and units
def test_names_and_figures_as_pages_show_them(refused: tuple[Path, str, str]) -> None:
    """People and teams by their files' titles, figures grouped with their units;
    JSON keeps the ids and raw numbers."""
    repo, _, _ = refused
    text = run(repo, "main", "HEAD", "--as-of", AS_OF, "--format", "text", "--fail-on", "none")
    out = text.stdout
    assert "      owner: Uma Diaz → Tom Lee\n" in out
    assert "      team: Sales EMEA → EMEA Growth\n" in out
    assert "          target: 1,000,000 EUR → 800,000 EUR (less ambitious)\n" in out
    assert (
        "  added 2026-02-04 objective sales/emea-expansion by Tom Lee: "
        "countries 1 → 2, revenue 150,000 EUR → 420,000 EUR; confidence 6 → 5\n"
    ) in out
    assert (
        "  key result sales/emea-expansion#revenue: target 1,000,000 EUR → 800,000 EUR "
        "(less ambitious) [less-ambitious]\n"
    ) in out
    assert "uma-diaz" not in out and "1000000" not in out

    markdown = run(repo, "main", "HEAD", "--as-of", AS_OF, "--fail-on", "none").stdout
    assert "  - owner: Uma Diaz → Tom Lee\n" in markdown
    assert "  - team: Sales EMEA → EMEA Growth\n" in markdown
    assert "    - **target**: 1,000,000 EUR → 800,000 EUR (less ambitious)\n" in markdown
    assert (
        "- 2026-02-04 objective `sales/emea-expansion` by Tom Lee: **added**: "
        "countries 1 → 2, revenue 150,000 EUR → 420,000 EUR; confidence 6 → 5\n"
    ) in markdown
    assert "- 2026-01-14 objective `sales/emea-expansion` by Uma Diaz:" in markdown

    data = as_json(repo, "main", "HEAD")
    emea = _obj(data, "sales/emea-expansion")
    fields = _fields(emea)
    assert (fields["owner"]["before"], fields["owner"]["after"]) == ("uma-diaz", "tom-lee")
    assert (fields["team"]["before"], fields["team"]["after"]) == ("sales", "emea")
    target = _fields(_kr(data, "sales/emea-expansion", "revenue"))["target"]
    assert (target["before"], target["after"]) == (1000000, 800000)
    added = _checkins(data)["2026-02-04"]
    assert added["author"] == "tom-lee"
    assert {"key": "revenue", "before": 150000, "after": 420000} in added["values"]  # type: ignore[operator]
