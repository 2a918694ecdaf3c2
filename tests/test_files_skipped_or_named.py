"""Files a new user naturally puts in ``content/``, each read by the real CLI:

1. a goal file saved under another Markdown ending (``builds.markdown``,
   ``HIRING.MD``, ``.Md``, ``.mdown``, ``.mkd``) is not read, but named
   (warning OKR022, with the ``.md`` name to rename it to) in ``check``,
   ``build``, ``diff`` and the preview, instead of vanishing unsaid; files
   that are plainly no goal files (``.DS_Store``, ``name.md~``, ``.txt``)
   stay silent;
2. a folder's ``README.md`` (any case), which GitHub and GitLab show below
   the folder, is skipped silently, by the history too;
3. a known folder written in another case or spelling (``Objectives``,
   ``Check-ins``, ``KPIs``) is OKR005 with the folder to use, and
   ``type: Check-in`` / ``KPI`` / ``Objective`` is read as ``checkin`` /
   ``kpi`` / ``objective``.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_site
from gitrepo import Repo

from okrsite.preview import Preview

AS_OF = "2026-10-02"
TOML = 'title = "T"\ndefault_cycle = "2026-Q4"\n'


def objective(title: str) -> str:
    return (
        f"---\ntitle: {title}\nowner: Uma Diaz\ncycle: 2026-Q4\n"
        "key_results:\n  - id: a\n    title: A\n    target: 10\n"
        "  - id: b\n    title: B\n    target: 10\n---\n"
    )


def check(site: Path, *options: str) -> tuple[int, list[str]]:
    code, out = run_cli("check", "--site", str(site), "--as-of", AS_OF, *options)
    return code, out.splitlines()


def test_markdown_under_another_ending_is_named_with_the_name_to_give_it(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/platform/ci.md": objective("Faster CI"),
            "content/objectives/platform/builds.markdown": objective("Faster builds"),
            "content/objectives/platform/HIRING.MD": objective("Hire"),
            "content/objectives/platform/Retention.Md": objective("Keep people"),
            "content/objectives/platform/docs.mdown": objective("Docs"),
            "content/objectives/platform/uptime.mkd": objective("Uptime"),
            # a copy beside a file of that name: merge it, not rename it
            "content/objectives/platform/ci.markdown": objective("Faster CI (old)"),
            # plainly no goal files: silent
            "content/objectives/platform/.DS_Store": b"\0\0\0\1Bud1",
            "content/objectives/platform/ci.md~": objective("Faster CI"),
            "content/objectives/platform/notes.txt": "ideas\n",
            "content/objectives/platform/.hidden.markdown": objective("Hidden"),
            "content/objectives/README.markdown": "# Objectives\n",
            "content/_drafts/later.markdown": objective("Later"),
        },
    )
    platform = "content/objectives/platform"
    expected = [
        f"{platform}/HIRING.MD: warning OKR022: not read: okrsite reads files ending in .md "
        "(hint: rename it to 'HIRING.md')",
        f"{platform}/Retention.Md: warning OKR022: not read: okrsite reads files ending in .md "
        "(hint: rename it to 'Retention.md')",
        f"{platform}/builds.markdown: warning OKR022: not read: okrsite reads files ending "
        "in .md (hint: rename it to 'builds.md')",
        f"{platform}/ci.markdown: warning OKR022: not read: okrsite reads files ending in .md "
        "(hint: a file 'ci.md' is already beside it: move what this one adds into 'ci.md' "
        "and delete this one)",
        f"{platform}/docs.mdown: warning OKR022: not read: okrsite reads files ending in .md "
        "(hint: rename it to 'docs.md')",
        f"{platform}/uptime.mkd: warning OKR022: not read: okrsite reads files ending in .md "
        "(hint: rename it to 'uptime.md')",
    ]
    code, lines = check(site, "--strict")
    assert code == 1  # --strict: the site is not what its author thinks it is
    assert lines == [
        *expected,
        f"okrsite: checked 2 files (1 objective, 0 KPIs, 0 goals, 0 check-ins) as of {AS_OF}: "
        "0 errors, 6 warnings",
    ]
    code, out = run_cli("build", "--site", str(site), "--as-of", AS_OF)
    assert code == 0
    assert out.splitlines()[:-1] == expected
    # again, with the folders' listings kept from the last build: still said
    code, out = run_cli("build", "--site", str(site), "--as-of", AS_OF)
    assert (code, out.splitlines()[:-1]) == (0, expected)
    # named, never read: no page for any of them
    assert sorted(p.name for p in (site / "_site/objectives/platform").iterdir()) == ["ci"]


def test_the_name_is_said_again_after_an_edit_in_the_preview(tmp_path: Path) -> None:
    """The preview trusts its last listing after an edit of a known file; a
    finding only the listing makes must still be on the page after it."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/ci.md": objective("Faster CI"),
            "content/objectives/builds.markdown": objective("Faster builds"),
            "content/README.md": "# What this folder is\n",
        },
    )
    preview = Preview(site, port=0, as_of=None, echo=lambda _m: None)
    try:
        first = preview.rebuild()
        assert first.ok
        named = [(d.code, d.file, d.hint) for d in first.diagnostics if d.code == "OKR022"]
        assert named == [
            ("OKR022", "content/objectives/builds.markdown", "rename it to 'builds.md'")
        ]
        src = site / "content/objectives/ci.md"
        src.write_text(objective("Much faster CI"), encoding="utf-8")
        preview.on_change({src})
        assert preview.last is not None and preview.last.ok
        again = [(d.code, d.file) for d in preview.last.diagnostics if d.code == "OKR022"]
        assert again == [("OKR022", "content/objectives/builds.markdown")]
        # a folder's README is never read: editing it is no error either
        readme = site / "content/README.md"
        readme.write_text("# What this folder is\n\nNo front matter here.\n", encoding="utf-8")
        preview.on_change({readme})
        assert preview.last is not None and preview.last.ok
        assert not [d for d in preview.last.diagnostics if d.is_error]
    finally:
        preview.stop()


def test_a_folders_readme_is_skipped_in_any_case(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/README.md": "# Our goals\n\nOne file per objective, see below.\n",
            "content/objectives/readme.md": "How to write an objective.\n",
            "content/objectives/ci.md": objective("Faster CI"),
            "content/kpis/Readme.md": "KPIs live here.\n",
            "content/checkins/README.MD": "Check-ins by date.\n",
        },
    )
    code, lines = check(site, "--strict")
    assert (code, lines) == (
        0,
        [
            f"okrsite: checked 2 files (1 objective, 0 KPIs, 0 goals, 0 check-ins) as of {AS_OF}: "
            "0 errors, 0 warnings"
        ],
    )
    code, out = run_cli("build", "--site", str(site), "--as-of", AS_OF)
    assert code == 0, out
    assert not (site / "_site/objectives/readme").exists()
    assert not (site / "_site/pages/readme").exists()


def test_a_committed_readme_is_no_goal_in_the_history_or_a_diff(tmp_path: Path) -> None:
    """A README showing a goal file to copy, then moved (``git mv``) into a
    goal: the goal's history starts at that commit, not at the README's."""
    repo = Repo(tmp_path / "site")
    repo.write("okrsite.toml", TOML)
    repo.write("content/README.md", "# Our goals\n")
    repo.write("content/objectives/ci.md", objective("Faster CI"))
    repo.write("content/objectives/README.md", objective("Template (copy me)"))
    repo.commit("start", "alice", "2026-10-01T10:00:00+00:00")
    repo.git("mv", "content/objectives/README.md", "content/objectives/growth.md")
    repo.write("content/objectives/growth.md", objective("Grow revenue"))
    use = repo.commit("use the template", "bob", "2026-10-02T10:00:00+00:00")
    repo.write("content/objectives/README.md", "Copy a file here to start an objective.\n")
    repo.commit("say what the folder is", "carol", "2026-10-02T11:00:00+00:00")
    site = repo.root
    code, out = run_cli("build", "--site", str(site), "--as-of", AS_OF)
    assert code == 0, out
    history = json.loads((site / "_site/api/history.json").read_text(encoding="utf-8"))
    assert sorted(history["objectives"]) == ["ci", "growth"]
    changes = history["objectives"]["growth"]["changes"]
    assert [(c["commit"], c["field"], c["old"], c["new"]) for c in changes] == [
        (use, "created", None, "Grow revenue")
    ]
    # both revisions read from git: a README there is no error either
    code, out = run_cli(
        "diff", "HEAD~1", "HEAD", "--site", str(site), "--as-of", AS_OF, "--format", "json"
    )
    assert code == 0, out
    assert "README" not in out and "OKR002" not in out


def test_a_markdown_file_under_another_ending_is_named_in_a_diff(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    repo.write("okrsite.toml", TOML)
    repo.write("content/objectives/ci.md", objective("Faster CI"))
    repo.commit("start", "alice", "2026-10-01T10:00:00+00:00")
    repo.write("content/objectives/builds.markdown", objective("Faster builds"))
    repo.commit("add builds", "bob", "2026-10-02T10:00:00+00:00")
    code, out = run_cli(
        "diff", "HEAD~1", "HEAD", "--site", str(repo.root), "--as-of", AS_OF, "--format", "json"
    )
    assert code == 0, out
    report = json.loads(out)
    named = [d for d in report["diagnostics"]["introduced"] if d["code"] == "OKR022"]
    assert [(d["file"], d["hint"]) for d in named] == [
        ("content/objectives/builds.markdown", "rename it to 'builds.md'")
    ]


def test_a_known_folder_in_another_case_names_the_folder_to_use(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/Objectives/ci.md": objective("Faster CI"),
            "content/KPIs/nps.md": "---\ntitle: NPS\ntarget: 50\n---\n",
            "content/Check-ins/ci/2026-10-01.md": "---\nvalues:\n  a: 1\n---\n",
            "content/misc/other.md": "---\ntitle: Other\n---\n",
        },
    )
    code, lines = check(site)
    what = "error OKR005: cannot tell what this file is: it is not in a known folder and has no 'type:'"
    assert code == 1
    assert lines == [
        f"content/Check-ins/ci/2026-10-01.md:1: {what} (hint: rename the folder "
        "'content/Check-ins/' to 'content/checkins/': folder names must match exactly, in "
        "lower case)",
        f"content/KPIs/nps.md:1: {what} (hint: rename the folder 'content/KPIs/' to "
        "'content/kpis/': folder names must match exactly, in lower case)",
        f"content/Objectives/ci.md:1: {what} (hint: rename the folder 'content/Objectives/' "
        "to 'content/objectives/': folder names must match exactly, in lower case)",
        f"content/misc/other.md:1: {what} (hint: move it under content/objectives, kpis, "
        "goals, checkins, teams, people or pages, or add 'type: objective')",
        f"okrsite: checked 5 files (0 objectives, 0 KPIs, 0 goals, 0 check-ins) as of {AS_OF}: "
        "4 errors, 0 warnings",
    ]


def test_type_values_are_read_in_any_case_and_with_hyphens(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/misc/ci.md": objective("Faster CI").replace(
                "---\n", "---\ntype: Objective\n", 1
            ),
            "content/misc/nps.md": "---\ntype: KPI\ntitle: NPS\ntarget: 50\n---\n",
            "content/misc/update.md": (
                "---\ntype: Check-in\nobjective: ci\ndate: 2026-10-01\nvalues:\n  a: 1\n---\n"
            ),
            "content/misc/typo.md": "---\ntype: objectiv\ntitle: Typo\n---\n",
        },
    )
    code, lines = check(site)
    assert code == 1
    assert lines == [
        "content/misc/typo.md:2:7: error OKR005: type must be one of objective, kpi, goal, "
        "checkin, team, person, page, got 'objectiv' (hint: write 'type: objective')",
        f"okrsite: checked 5 files (1 objective, 1 KPI, 0 goals, 1 check-in) as of {AS_OF}: "
        "1 error, 0 warnings",
    ]
