"""``okrsite diff`` defects found by a user audit, on real git repositories and the real CLI.

* a unit changed in the same edit (``2 h`` → ``120 min``) is no ambition verdict;
* ``--output`` into a folder that does not exist;
* an objective that cannot be read at head: its children and check-ins;
* the mirror: an objective that could not be read at base and the change fixes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

CONFIG = 'title = "Audit"\nas_of = "2026-11-15"\n'
WHEN = "2026-11-10T09:00:00+00:00"


def run(repo: Path, *args: str) -> Result:
    """``okrsite diff ARGS`` in ``repo`` (never catching exceptions: a traceback fails)."""
    old = Path.cwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


def as_json(repo: Path, *args: str) -> dict[str, object]:
    result = run(repo, *args, "--format", "json", "--fail-on", "none")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def objective(title: str, krs: str, parent: str | None = None) -> str:
    line = f"parent: {parent}\n" if parent else ""
    return f"---\ntitle: {title}\ncycle: 2026-Q4\nowner: li\n{line}key_results:\n{krs}---\nWhy.\n"


def kr(kid: str, start: object, target: object, unit: str | None = None) -> str:
    unit_line = f"    unit: {unit}\n" if unit else ""
    return (
        f"  - id: {kid}\n    title: {kid.title()} thing\n"
        f"    start: {start}\n    target: {target}\n{unit_line}"
    )


def checkin(oid: str, day: str, values: str) -> str:
    return f"---\nobjective: {oid}\ndate: {day}\nauthor: li\nvalues: {{{values}}}\n---\nNote.\n"


def repo_with(tmp_path: Path, files: dict[str, str]) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    for rel, text in files.items():
        repo.write(rel, text)
    repo.commit("base", "alice", WHEN)
    return repo


# ------------------------------------------------------------------ 1. unit changes
SUPPORT = "content/objectives/support.md"
GOAL = "content/goals/handbook.md"


def _goal(start: int, target: int, unit: str) -> str:
    return (
        "---\ntitle: Write the handbook\nowner: li\ndue: 2026-12-31\n"
        f'measure: {{start: {start}, target: {target}, current: 3, unit: "{unit}"}}\n---\nWhy.\n'
    )


def test_unit_conversion_is_not_less_ambitious(tmp_path: Path) -> None:
    repo = repo_with(
        tmp_path,
        {
            SUPPORT: objective("Support", kr("frt", 8, 2, "h") + kr("x", 0, 1)),
            GOAL: _goal(0, 12, "chapters"),
        },
    )
    repo.write(SUPPORT, objective("Support", kr("frt", 480, 120, "min") + kr("x", 0, 1)))
    repo.write(GOAL, _goal(0, 10, "sections"))

    result = run(repo.root, "HEAD", "--format", "text", "--fail-on", "errors,less-ambitious")
    assert result.exit_code == 0, result.output
    assert "less ambitious" not in result.output
    assert "target: 2 h → 120 min\n" in result.output
    assert "unit: h → min" in result.output
    assert "target: 12 chapters → 10 sections\n" in result.output

    data = as_json(repo.root, "HEAD")
    assert data["findings"] == []
    (support,) = [o for o in data["objectives"] if o["id"] == "support"]  # type: ignore[union-attr]
    (frt,) = support["key_results"]
    notes = {f["field"]: f["note"] for f in frt["fields"]}
    assert notes == {"start": None, "target": None, "unit": None}

    # the same unit: judged as ever
    repo.write(SUPPORT, objective("Support", kr("frt", 8, 3, "h") + kr("x", 0, 1)))
    result = run(repo.root, "HEAD", "--format", "text", "--fail-on", "errors,less-ambitious")
    assert result.exit_code == 1
    assert "target: 2 h → 3 h (less ambitious)" in result.output


def test_kpi_unit_change_is_not_judged(tmp_path: Path) -> None:
    def kpi(target: object, unit: str) -> str:
        return (
            f'---\ntitle: Churn\nunit: "{unit}"\ndirection: down\nowner: li\n'
            f"target: {target}\nvalues:\n  - {{date: 2026-10-01, value: 5}}\n---\n"
        )

    repo = repo_with(tmp_path, {"content/kpis/churn.md": kpi(3, "%")})
    repo.write("content/kpis/churn.md", kpi(30, "‰"))
    result = run(repo.root, "HEAD", "--format", "text", "--fail-on", "errors,less-ambitious")
    assert result.exit_code == 0, result.output
    assert "less ambitious" not in result.output


# ------------------------------------------------------------------ 2. --output
def test_output_into_a_missing_folder_creates_it(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {SUPPORT: objective("Support", kr("frt", 8, 2, "h"))})
    result = run(repo.root, "HEAD", "--output", "reports/ci/diff.md")
    assert result.exit_code == 0, result.output
    written = (repo.root / "reports" / "ci" / "diff.md").read_text(encoding="utf-8")
    assert written.startswith("<!-- okrsite-diff -->")


def test_output_that_cannot_be_written_is_exit_2(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {SUPPORT: objective("Support", kr("frt", 8, 2, "h"))})
    (repo.root / "reports").write_text("a file, not a folder\n", encoding="utf-8")
    result = run(repo.root, "HEAD", "--output", "reports/diff.md")
    assert result.exit_code == 2
    assert "cannot write --output 'reports/diff.md'" in result.stderr
    assert "'reports' is a file, not a folder" in result.stderr  # not "File exists"
    assert "Traceback" not in result.output


# ------------------------------------------------------------------ 3. broken at head
PARENT = "content/objectives/company/delight.md"
CHILD = "content/objectives/company/support.md"
PARENT_OK = objective("Delight customers", kr("nps", 20, 45))
CHILD_TEXT = objective("Faster support", kr("tickets", 0, 10), parent="company/delight")


def _family(tmp_path: Path) -> Repo:
    return repo_with(
        tmp_path,
        {
            PARENT: PARENT_OK,
            CHILD: CHILD_TEXT,
            "content/checkins/2026-11-02-delight.md": checkin(
                "company/delight", "2026-11-02", "nps: 30"
            ),
            "content/checkins/2026-11-03-delight.md": checkin(
                "company/delight", "2026-11-03", "nps: 32"
            ),
        },
    )


def _assert_broken_parent(data: dict[str, object]) -> None:
    objectives = {o["id"]: o for o in data["objectives"]}  # type: ignore[union-attr]
    assert set(objectives) == {"company/delight"}, objectives  # the child did not change
    assert objectives["company/delight"]["broken"] is True
    assert [f["rule"] for f in data["findings"]] == ["errors"]  # type: ignore[union-attr]
    checkins = {c["id"]: c for c in data["checkins"]}  # type: ignore[union-attr]
    kept = checkins["2026-11-02-delight"]
    assert kept["broken"] is True and kept["change"] == "removed"
    assert kept["errors"][0]["file"] == PARENT
    deleted = checkins["2026-11-03-delight"]  # deleted by the change: really removed
    assert deleted["broken"] is False and deleted["change"] == "removed"
    scores = {s["id"]: s for s in data["scores"]}  # type: ignore[union-attr]
    assert scores["company/delight"]["causes"] == ["edited"]


def test_parent_broken_at_head_in_the_working_tree(tmp_path: Path) -> None:
    repo = _family(tmp_path)
    repo.write(PARENT, PARENT_OK.replace("target: 45", "target: fourty"))
    (repo.root / "content/checkins/2026-11-03-delight.md").unlink()

    result = run(repo.root, "HEAD", "--format", "text", "--fail-on", "errors,reparented")
    assert result.exit_code == 1  # the error, not a reparenting
    assert "reparented" not in result.output
    assert "parent: company/delight → —" not in result.output
    assert "cannot be read at head 2026-11-02 objective company/delight" in result.output
    assert "removed 2026-11-03 objective company/delight" in result.output
    assert "(removed)" not in result.output
    _assert_broken_parent(as_json(repo.root, "HEAD"))

    # moving the child to another, readable parent is a reparenting all the same
    repo.write("content/objectives/company/other.md", objective("Other", kr("o", 0, 1)))
    repo.write(CHILD, CHILD_TEXT.replace("parent: company/delight", "parent: company/other"))
    result = run(repo.root, "HEAD", "--format", "text", "--fail-on", "errors,reparented")
    assert "parent company/delight → company/other [reparented]" in result.output


def test_parent_broken_at_a_head_commit(tmp_path: Path) -> None:
    repo = _family(tmp_path)
    base = repo.head()
    repo.write(PARENT, PARENT_OK.replace("target: 45", "target: fourty"))
    (repo.root / "content/checkins/2026-11-03-delight.md").unlink()
    repo.commit("break", "bob", "2026-11-11T09:00:00+00:00")
    _assert_broken_parent(as_json(repo.root, base, "HEAD"))


# ------------------------------------------------------------------ 4. broken at base
EMEA = "content/objectives/emea.md"


def test_objective_broken_at_base_and_fixed(tmp_path: Path) -> None:
    broken = objective("EMEA", kr("deals", 0, "forty") + kr("b", 0, 10))
    repo = repo_with(
        tmp_path,
        {
            EMEA: broken,
            CHILD: objective("Faster support", kr("tickets", 0, 10), parent="emea"),
            "content/checkins/2026-11-05-emea.md": checkin("emea", "2026-11-05", "deals: 10"),
            "content/checkins/2026-11-09-emea.md": checkin("emea", "2026-11-09", "deals: 12, b: 3"),
        },
    )
    repo.write(EMEA, broken.replace("forty", "40"))
    repo.write("content/checkins/2026-11-12-emea.md", checkin("emea", "2026-11-12", "deals: 14"))

    result = run(repo.root, "HEAD", "--format", "text", "--fail-on", "errors,reparented")
    assert result.exit_code == 0, result.output
    assert "could not be read at base: content/objectives/emea.md had errors there" in result.output
    assert "could not be read at base 2026-11-05 objective emea" in result.output
    assert "added 2026-11-12 objective emea" in result.output
    assert "adds 1 check-in" in result.output and "adds 1 objective" not in result.output
    assert "(added)" not in result.output

    data = as_json(repo.root, "HEAD")
    objectives = {o["id"]: o for o in data["objectives"]}  # type: ignore[union-attr]
    assert set(objectives) == {"emea"}  # the child's link was cut at base only
    assert objectives["emea"]["change"] == "added"
    assert objectives["emea"]["broken_at_base"] is True
    by_id = {c["id"]: c for c in data["checkins"]}  # type: ignore[union-attr]
    assert by_id["2026-11-05-emea"]["broken_at_base"] is True
    assert by_id["2026-11-09-emea"]["broken_at_base"] is True
    assert by_id["2026-11-12-emea"]["broken_at_base"] is False
    scores = {s["id"]: s for s in data["scores"]}  # type: ignore[union-attr]
    assert scores["emea"]["causes"] == ["edited"]

    markdown = run(repo.root, "HEAD", "--fail-on", "none").output
    assert "**could not be read at base**" in markdown


# ------------------------------------------------------------------ moved with git mv
def test_a_file_moved_with_its_title_changed_is_one_objective(tmp_path: Path) -> None:
    """``git mv brand.md marketing/brand-awareness.md`` with the title
    changed in the same commit: the diff said "removed" and "added" (its
    pairing by title failed), while the history, reading git's renames,
    kept one timeline. Both sides of a commit and the working tree."""
    brand = objective("Brand", kr("aw", 0, 50) + kr("b", 0, 5))
    repo = repo_with(tmp_path, {"content/objectives/brand.md": brand})
    (repo.root / "content/objectives/marketing").mkdir()
    repo.git("mv", "content/objectives/brand.md", "content/objectives/marketing/brand-awareness.md")
    repo.write(
        "content/objectives/marketing/brand-awareness.md",
        brand.replace("title: Brand", "title: Brand awareness"),
    )
    for args in (("HEAD",), ()):  # the working tree against HEAD, then the commit
        if not args:
            repo.commit("Move brand under marketing", "bob", WHEN)
            args = ("HEAD~1", "HEAD")
        data = as_json(repo.root, *args)
        changes = [(o["id"], o["change"]) for o in data["objectives"]]  # type: ignore[union-attr, index]
        assert changes == [("marketing/brand-awareness", "changed")], data["objectives"]
        (moved,) = data["objectives"]  # type: ignore[misc]
        assert (moved["renamed_from"], moved["moved_from"]) == (
            "brand",
            "content/objectives/brand.md",
        )  # type: ignore[index]
        fields = {f["field"]: (f["before"], f["after"]) for f in moved["fields"]}  # type: ignore[index]
        assert fields["title"] == ("Brand", "Brand awareness")
