"""PR review (audit 44, prreview findings): diff, its comment and the check.

Real git repositories and sites, through the real CLI.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli
from test_diff_fixtures import commit, init_repo

TOML = 'title = "Acme"\ndefault_cycle = "2026-Q4"\n'

GOOD = """
    ---
    title: Good
    cycle: 2026-Q4
    owner: Ann Lee
    key_results:
      - {id: x, title: X, start: 0, target: 10}
    ---
    """

BROKEN = """
    ---
    title: Broken
    cycle: 2026-Q4
    owner: Ann Lee
    key_results:
      - {id: x, title: X, start: 0, target: ten}
    ---
    """


def _broken_head(tmp_path: Path, prefix: str = "") -> Path:
    repo = init_repo(tmp_path / "r")
    commit(
        repo,
        "base",
        {f"{prefix}okrsite.toml": TOML, f"{prefix}content/objectives/good.md": GOOD},
    )
    commit(repo, "broken", {f"{prefix}content/objectives/broken.md": BROKEN})
    return repo


@pytest.mark.parametrize("empty", ["", ",", " "])
def test_an_empty_fail_on_is_a_usage_error_not_never(tmp_path: Path, empty: str) -> None:
    """A CI variable left blank wrote ``--fail-on ""``, read as no rules: a
    head with errors then passed with exit 0."""
    repo = _broken_head(tmp_path)
    code, out = run_cli("diff", "HEAD~1", "HEAD", "--site", str(repo), "--fail-on", empty)
    assert code == 2, out
    assert "no rule given" in out and "write none to never fail" in out, out
    assert "errors, less-ambitious" in out, out
    code, out = run_cli("diff", "HEAD~1", "HEAD", "--site", str(repo), "--fail-on", "none")
    assert code == 0, out


def test_the_cut_note_after_a_closed_section_is_a_blockquote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A comment cut at a section's last line had its note right after
    ``</details>``: CommonMark read it as part of that HTML block, so the
    reviewer saw ``> **Report cut** …`` as raw text. The size limit is made
    small so that a real report of three new objectives reaches it exactly
    there."""
    from functools import partial

    from markdown_it import MarkdownIt

    from okrsite import diff_report
    from okrsite.diff_markdown import CUT_NOTE, report_markdown

    repo = init_repo(tmp_path / "r")
    commit(repo, "base", {"okrsite.toml": TOML, "content/objectives/good.md": GOOD})
    commit(
        repo,
        "three more",
        {f"content/objectives/o{i}.md": GOOD.replace("Good", f"Goal {i}") for i in range(3)},
    )

    def report(limit: int) -> str:
        monkeypatch.setattr(diff_report, "report_markdown", partial(report_markdown, limit=limit))
        out = tmp_path / f"diff-{limit}.md"
        code, log = run_cli("diff", "HEAD~1", "HEAD", "--site", str(repo), "--output", str(out))
        assert code == 0, log
        return out.read_text(encoding="utf-8")

    full = report(10**6)
    assert "Report cut" not in full
    after_section = full.index("\n</details>\n") + len("\n</details>\n")
    footer = full.rstrip("\n").rsplit("\n", 1)[1]
    reserve = len(footer) + 1 + len(CUT_NOTE) + len("\n</details>\n") + 16
    at_section_end = 0
    for limit in range(after_section + reserve - 2, after_section + reserve + 3):
        text = report(limit)
        lines = text.split("\n")
        note = next(i for i, line in enumerate(lines) if line.startswith("> **Report cut**"))
        assert lines[note - 1] == "", text
        at_section_end += lines[note - 2] == "</details>"
        html = MarkdownIt("commonmark").render(text)
        assert "<blockquote>\n<p><strong>Report cut</strong>" in html, html
    assert at_section_end, "no limit cut the report right after a section"


def test_a_checkin_dated_after_a_running_cycle_does_not_call_it_ended(tmp_path: Path) -> None:
    """OKR309 said a check-in dated 2027-12-03 "changes the ended cycle's
    final figures" of 2026-Q4 on 2026-12-05, while 2026-Q4 was running."""
    from conftest import write_site

    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/good.md": GOOD,
            "content/checkins/good/2027-12-03.md": "---\nvalues: {x: 4}\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(root), "--as-of", "2026-12-05")
    assert code == 0, out
    line = next(line for line in out.splitlines() if "OKR309" in line)
    assert "ended" not in line, line
    assert "the cycle is still running" in line and "from 2027-12-03 on" in line, line
    assert "did you mean 2026-12-03?" in line, line
    code, out = run_cli("check", "--site", str(root), "--as-of", "2027-01-10")
    line = next(line for line in out.splitlines() if "OKR309" in line)
    assert "changes the ended cycle's final figures from 2027-12-03" in line, line


STALE_TOML = TOML + "stale_after_days = 14\n"


def test_a_broken_okrsite_toml_does_not_resolve_the_warnings_it_stops_checking(
    tmp_path: Path,
) -> None:
    """``stale_after_days = 14 days`` at head: head's check leaves out every
    warning (CFG001), and the diff listed base's stale warning as fixed."""
    import json

    repo = init_repo(tmp_path / "r")
    commit(repo, "base", {"okrsite.toml": STALE_TOML, "content/objectives/good.md": GOOD})
    commit(repo, "break the settings", {"okrsite.toml": TOML + "stale_after_days = 14 days\n"})
    args = ("diff", "HEAD~1", "HEAD", "--site", str(repo), "--as-of", "2026-12-05")
    code, out = run_cli(*args, "--format", "json")
    assert code == 1, out
    data = json.JSONDecoder().raw_decode(out)[0]["diagnostics"]  # stderr follows
    assert [d["code"] for d in data["introduced"]] == ["CFG001"], data
    assert data["resolved"] == [], data
    assert "OKR404" in [d["code"] for d in data["not_checked"]], data
    code, out = run_cli(*args, "--format", "text")
    assert "  fixed " not in out and "resolves 0" in out, out
    assert "findings of the base were not checked at head" in out, out
    assert "compared only in part" in out, out
    code, out = run_cli(*args, "--format", "markdown")
    assert "0 resolved" in out and "compared only in part" in out, out


def test_repairing_a_broken_okrsite_toml_does_not_introduce_the_warnings_base_skipped(
    tmp_path: Path,
) -> None:
    """Audit 44 (verifyc B), the mirror of the test above: main was pushed
    with ``stale_after_days = 14 days`` (CFG001: its check left out every
    warning), and the pull request repairing it was said to introduce the
    stale warnings main had all along. They are now not checked at base;
    an error the repair brings in is still introduced."""
    import json

    repo = init_repo(tmp_path / "r")
    broken = TOML + "stale_after_days = 14 days\n"
    commit(repo, "base", {"okrsite.toml": broken, "content/objectives/good.md": GOOD})
    commit(
        repo,
        "repair the settings",
        {"okrsite.toml": STALE_TOML, "content/objectives/broken.md": BROKEN},
    )
    args = ("diff", "HEAD~1", "HEAD", "--site", str(repo), "--as-of", "2026-12-05")
    code, out = run_cli(*args, "--format", "json")
    data = json.JSONDecoder().raw_decode(out)[0]["diagnostics"]  # stderr follows
    assert [d["code"] for d in data["resolved"]] == ["CFG001"], data
    assert "OKR404" not in [d["code"] for d in data["introduced"]], data
    assert any(d["file"] == "content/objectives/broken.md" for d in data["introduced"]), data
    assert "OKR404" in [d["code"] for d in data["not_checked_at_base"]], data
    assert data["not_checked"] == [], data
    code, out = run_cli(*args, "--format", "text")
    assert "  new " in out and "OKR404" not in out, out  # only the error is new
    assert "findings at head were not checked at base" in out or (
        "finding at head was not checked at base" in out
    ), out
    assert "compared only in part" in out, out
    german = init_repo(tmp_path / "de")  # the same repair on a German site
    commit(german, "base", {"okrsite.toml": broken, "content/objectives/good.md": GOOD})
    commit(german, "repair", {"okrsite.toml": STALE_TOML + 'language = "de"\n'})
    code, out = run_cli(*args[:3], "--site", str(german), "--as-of", "2026-12-05")
    assert "2 Befunde des neuen Stands wurden im alten Stand nicht geprüft" in out, out
    assert "nur zum Teil verglichen" in out and "OKR404" not in out, out


def test_a_checkin_time_key_is_refused_with_the_date_line_that_says_it(tmp_path: Path) -> None:
    """``time: "09:00"`` below ``date:`` was read as a key result named time
    (OKR111, listing the key results) and the time was lost."""
    from conftest import write_site

    checkin = "---\nobjective: good\ndate: 2026-12-01\n{line}\nvalues: {{x: 3}}\n---\n"
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/good.md": GOOD,
            "content/checkins/2026-12-01-a.md": checkin.format(line='time: "09:00"'),
            "content/checkins/2026-12-01-b.md": checkin.format(line="Uhrzeit: 14 Uhr"),
        },
    )
    code, out = run_cli("check", "--site", str(root), "--as-of", "2026-12-05")
    assert code == 1, out
    first = next(line for line in out.splitlines() if "2026-12-01-a.md" in line)
    assert "2026-12-01-a.md:4:" in first and "error OKR323" in first, first
    assert "write date: 2026-12-01T09:00 (24-hour) and remove time:" in first, first
    assert "no key result" not in first, first
    second = next(line for line in out.splitlines() if "2026-12-01-b.md" in line)
    assert "write date: 2026-12-01T14:00 (24-hour) and remove Uhrzeit:" in second, second


def test_a_site_in_a_subfolder_names_files_one_way_in_the_ci_log(tmp_path: Path) -> None:
    """The comment and check's annotations said ``okrs/content/…``, the
    ``--fail-on`` lines on stderr and ``--format text`` ``content/…``."""
    from click.testing import CliRunner

    from okrsite.cli import cli

    repo = _broken_head(tmp_path, prefix="okrs/")
    site = str(repo / "okrs")
    where = "okrs/content/objectives/broken.md:6:"
    # stdout and stderr apart: the --fail-on lines are stderr's
    result = CliRunner().invoke(cli, ["diff", "HEAD~1", "HEAD", "--site", site, "--format", "text"])
    assert result.exit_code == 1, result.output
    assert f"okrsite diff: errors: {where}" in result.stderr, result.stderr
    assert f"{where}" in result.stdout and " content/objectives" not in result.stdout, result.stdout
    md = tmp_path / "diff.md"
    result = CliRunner().invoke(
        cli, ["diff", "HEAD~1", "HEAD", "--site", site, "--output", str(md)]
    )
    assert result.exit_code == 1, result.output
    assert where in md.read_text(encoding="utf-8")
    assert f"okrsite diff: errors: {where}" in result.stderr, result.stderr
    code, out = run_cli("check", "--site", site, "--format", "github")
    assert f"file={where.split(':')[0]},line=6" in out, out
    # the JSON keeps the site's own paths, as okrsite check --format json
    result = CliRunner().invoke(cli, ["diff", "HEAD~1", "HEAD", "--site", site, "--format", "json"])
    assert '"content/objectives/broken.md:6:' in result.stdout, result.stdout


def test_github_annotations_put_errors_and_the_changed_files_first(tmp_path: Path) -> None:
    """GitHub keeps 10 warning annotations per step: in path order the
    site's stale warnings filled them and the pull request's own warning,
    in a file sorting late, was dropped without a word."""
    from test_diff_fixtures import git

    repo = init_repo(tmp_path / "r")
    many = {
        f"okrs/content/objectives/a{i:02d}.md": GOOD.replace("Good", f"Goal {i}") for i in range(8)
    }
    commit(repo, "base", {"okrs/okrsite.toml": TOML, **many})
    git(repo, "checkout", "-q", "-b", "pr")
    late = GOOD.replace("Good", "Late")
    commit(
        repo,
        "pr",
        {"okrs/content/objectives/zz.md": late, "okrs/content/objectives/zy.md": BROKEN},
    )
    site = str(repo / "okrs")
    args = ("check", "--site", site, "--as-of", "2026-12-05", "--format", "github")
    code, out = run_cli(*args, "--changed-from", "main")
    assert code == 1, out
    lines = out.splitlines()
    assert lines[0].startswith("::error file=okrs/content/objectives/zy.md,line=6"), out
    warnings = [line for line in lines if line.startswith("::warning")]
    assert len(warnings) == 10, out
    # the pull request's own files first: zy.md and zz.md, then the rest in path order
    ours = [i for i, line in enumerate(warnings) if "objectives/z" in line]
    assert ours == list(range(len(ours))) and len(ours) >= 2, warnings
    assert "zz.md" in warnings[0] and "title=OKR404" in warnings[0], warnings
    notice = next(line for line in lines if line.startswith("::notice"))
    assert "more warnings not annotated" in notice, notice
    rest = lines[lines.index(notice) + 1 :]
    assert rest and all(line.startswith("okrs/content/objectives/a") for line in rest), rest
    assert len(warnings) + len(rest) == sum(" warning " in line for line in _text(site)), out
    # without --changed-from: errors first, each kind in path order
    code, out = run_cli(*args)
    assert out.splitlines()[0].startswith("::error"), out
    assert "objectives/a00.md" in [x for x in out.splitlines() if "::warning" in x][0], out
    # a revision git does not have: exit 2, saying so
    code, out = run_cli(*args, "--changed-from", "origin/nope")
    assert code == 2 and "origin/nope" in out, out


def _text(site: str) -> list[str]:
    return run_cli("check", "--site", site, "--as-of", "2026-12-05")[1].splitlines()
