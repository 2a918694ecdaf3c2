"""Audit 43 (a hostile pull request): what a diff, check, import and pull
said differently from each other, or not at all, on real sites through the
real CLI.
"""

from __future__ import annotations

import json
import os
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook
from test_diff_fixtures import commit, init_repo

from okrsite.cli import cli

OBJECTIVE = """
---
title: Grow the pipeline
cycle: 2026-Q4
owner: Tom Lee
key_results:
  - {id: pipeline, title: Pipeline, start: 0, target: 100}
---
"""
TOP = 'title = "Acme"\nas_of = 2026-11-20\n'


def run(where: Path, *args: str) -> tuple[int, str]:
    """Exit code and output of the CLI run in ``where`` (a diff's report alone: its stdout)."""
    old = Path.cwd()
    os.chdir(where)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout if args[0] == "diff" else result.output


# ------------------------------------------------------------------ F2
def test_a_committed_link_into_git_is_the_same_error_in_diff_as_in_check(
    tmp_path: Path,
) -> None:
    """``okrsite diff`` called it a link to nothing (OKR011, a warning, exit 0):
    git never stores ``.git``, so the revision's tree has no such file."""
    repo = init_repo(tmp_path / "repo")
    base = commit(
        repo, "goals", {"okrsite.toml": TOP, "content/objectives/sales/pipeline.md": OBJECTIVE}
    )
    os.symlink("../../.git/config", repo / "content/objectives/g.md")
    head = commit(repo, "link")
    code, out = run(repo, "check")
    assert code == 1 and "error OKR012" in out and "leads into git's own files" in out, out
    code, raw = run(repo, "diff", base, head, "--format", "json")
    assert code == 1, raw
    (found,) = json.loads(raw)["diagnostics"]["head_errors"]
    assert found["code"] == "OKR012", found
    assert "leads into git's own files (.git: .git/config)" in found["message"]
    assert "points nowhere" not in raw


# ------------------------------------------------------------------ F6
class _Redirects(BaseHTTPRequestHandler):
    """``/file`` redirects to ``file:///etc/passwd``; ``/loop`` to itself."""

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(302)
        self.send_header("Location", "file:///etc/passwd" if self.path == "/file" else "/loop")
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def redirects() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Redirects)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_redirect_that_fails_a_source_says_why_in_full(tmp_path: Path, redirects: str) -> None:
    """The reason was urllib's sentence cut at 60 characters ("is not allo…")."""
    site = tmp_path / "site"
    (site / "content/kpis").mkdir(parents=True)
    (site / "content/kpis/nps.md").write_text("---\ntitle: NPS\nunit: points\n---\n")
    (site / "okrsite.toml").write_text(
        TOP + f'\n[[sources]]\nname = "nps"\nurl = "{redirects}/file"\n'
    )
    code, out = run(site, "pull")
    assert code == 1, out
    assert (
        f"okrsite: source 'nps' failed: {redirects}/file redirected (HTTP 302) to "
        "file:///etc/passwd: only http:// and https:// addresses are followed"
    ) in out, out
    assert "…" not in out.split("(hint:")[0], out  # nothing cut short
    (site / "okrsite.toml").write_text(
        TOP + f'\n[[sources]]\nname = "nps"\nurl = "{redirects}/loop"\n'
    )
    code, out = run(site, "pull")
    assert code == 1, out
    assert (
        f"okrsite: source 'nps' failed: {redirects}/loop redirected (HTTP 302) in a loop "
        "or more than 10 times; not followed"
    ) in out, out
    assert "…" not in out.split("(hint:")[0], out  # nothing cut short


# ------------------------------------------------------------------ F4
def _workbook(path: Path, stray_row: int) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Objective", "Key result", "Owner", "Team", "Quarter", "Start", "Target", "Current"])
    ws.append(["Grow usage", "Weekly actives", "Kim Park", "Mobile", "2026-Q4", 100, 200, 150])
    ws[f"J{stray_row}"] = "note"
    book.save(path)
    return path


def test_a_stray_cell_far_below_a_small_table_is_read_not_counted_as_rows(
    tmp_path: Path,
) -> None:
    """A cell at row 100,001 refused a workbook of 3 rows as "more than
    100,000 rows": the empty rows openpyxl makes up for the gap were counted."""
    site = tmp_path / "site"
    assert run(tmp_path, "init", str(site))[0] == 0
    for row in (100_001, 1_048_576):
        path = _workbook(tmp_path / f"r{row}.xlsx", row)
        started = time.monotonic()
        code, out = run(tmp_path, "import", str(path), "--site", str(site), "--dry-run")
        assert time.monotonic() - started < 20, "the gap must not take long to read"
        assert code == 0, out
        assert "more than 100,000 rows" not in out
        assert f"r{row}.xlsx:{row}:10: warning IMP208: row {row}, column J (no header)" in out


def test_a_million_written_empty_rows_are_refused_quickly(tmp_path: Path) -> None:
    """Rows the file writes cost time to read even when empty: bounded."""
    site = tmp_path / "site"
    assert run(tmp_path, "init", str(site))[0] == 0
    small = _workbook(tmp_path / "small.xlsx", 3)
    path = tmp_path / "empty.xlsx"
    rows = "".join(f'<row r="{n}"/>' for n in range(4, 1_048_577))
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", rows.encode() + b"</sheetData>")
            out.writestr(info, data)
    started = time.monotonic()
    code, out = run(tmp_path, "import", str(path), "--site", str(site), "--dry-run")
    assert time.monotonic() - started < 20
    assert code == 1, out
    assert "empty.xlsx:200001: error IMP001: empty.xlsx: the first sheet writes more than " in out
    assert "200,000 rows (at row 200,001), empty ones included" in out


# ------------------------------------------------------------------ F3
def test_a_kpi_named_like_an_objective_gets_no_share_of_its_checkin_folder(
    tmp_path: Path,
) -> None:
    """Mallory's KPI ``company/faster-support`` made her an owner of the
    check-in folder of Alex's objective of that id, with no diagnostic (OKR317
    only when a ``supports:`` names the id)."""
    repo = init_repo(tmp_path / "repo")
    commit(
        repo,
        "goals",
        {
            "okrsite.toml": TOP + 'repo_url = "https://github.com/acme/goals"\n',
            "content/objectives/company/faster-support.md": OBJECTIVE.replace(
                "owner: Tom Lee", "owner: alex"
            ),
            "content/checkins/company/faster-support/2026-11-01.md": (
                "---\ndate: 2026-11-01\nvalues: {pipeline: 10}\n---\n"
            ),
            "content/kpis/company/faster-support.md": (
                "---\ntitle: Support speed\nunit: h\ntarget: 2\nowner: mallory\n---\n"
            ),
            "content/people/alex.md": "---\ntitle: Alex\ngithub: alex-ex\n---\n",
            "content/people/mallory.md": "---\ntitle: Mallory\ngithub: mallory-evil\n---\n",
        },
    )
    code, out = run(repo, "check")
    assert (
        "content/kpis/company/faster-support.md: warning OKR319: KPI 'company/faster-support' "
        "has the id of the objective content/objectives/company/faster-support.md: both file "
        "their check-ins in content/checkins/company/faster-support/"
    ) in out, out
    code, out = run(repo, "codeowners")
    assert code == 0, out
    rules = [line for line in out.splitlines() if line.startswith("/")]
    assert rules == [
        "/content/checkins/company/faster-support/2026-11-01.md @alex-ex",
        "/content/kpis/company/faster-support.md @mallory-evil",
        "/content/objectives/company/faster-support.md @alex-ex",
    ], out


# ------------------------------------------------------------------ F5
def test_a_link_written_with_a_character_reference_is_read_as_the_page_renders_it(
    tmp_path: Path,
) -> None:
    """``[x](&#106;avascript:…)`` is shown as text (no link), but OKR314 said it
    was a broken link "to '&'": the checker cut the address at ``#``."""
    site = tmp_path / "site"
    body = (
        "\nSee [ent](&#106;avascript:alert(10)) here,\n"
        "and [plan](&#112;lan.md) and [ok](pipeline.md?a=1&amp;b=2).\n"
    )
    for rel, text in {
        "okrsite.toml": TOP,
        "content/objectives/sales/pipeline.md": OBJECTIVE.strip("\n") + "\n" + body,
    }.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text)
    code, out = run(site, "check")
    assert "to '&'" not in out, out
    assert "javascript" not in out, out
    # a reference that spells a file name is read as that name, as the page links it
    assert (
        "content/objectives/sales/pipeline.md:10: warning OKR314: the link to 'plan.md'" in out
    ), out
    assert out.count("OKR314") == 1, out
    code, out = run(site, "build")
    assert code == 0, out
    page = (site / "_site/objectives/sales/pipeline/index.html").read_text()
    assert "javascript:alert(10)" in page and 'href="javascript' not in page


# ------------------------------------------------------------------ observation 7
def test_an_id_written_with_a_look_alike_letter_is_warned_about(tmp_path: Path) -> None:
    """``sales/q4-bookіngs`` (Cyrillic і) was a second objective that every
    page showed exactly like ``sales/q4-bookings``, without a word."""
    site = tmp_path / "site"
    files = {
        "okrsite.toml": TOP,
        "content/objectives/sales/q4-bookings.md": OBJECTIVE.lstrip(),
        "content/objectives/sales/q4-bookіngs.md": OBJECTIVE.lstrip(),
        "content/objectives/sales/продажи.md": OBJECTIVE.lstrip(),  # like no other id
    }
    for rel, text in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text)
    code, out = run(site, "check")
    assert code == 0, out
    assert (
        "content/objectives/sales/q4-bookіngs.md: warning OKR320: objective id "
        "'sales/q4-bookіngs' looks like the objective id 'sales/q4-bookings' but is another "
        "id: it is written with і (U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I)"
    ) in out, out
    assert out.count("OKR320") == 1, out
