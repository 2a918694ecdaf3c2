"""A hostile pull request against ``okrsite diff`` and the comment CI posts.

The diff runs in CI on a checkout of the pull request, whose every file its
author chose: a ``diff.md`` committed as a link, a folder linking out of the
repository, a ``translations/de.po`` whose msgstr mentions a team or shows a
tracking image, a goal file whose name closes the code span it is shown in.
None of it may reach the comment live or be written outside the checkout.
The GitLab recipe's note poster updates only a note its own user wrote.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from gitrepo import Repo
from markdown_it import MarkdownIt

from okrsite.cli import cli

REPO = Path(__file__).resolve().parents[1]
CYCLE = 'default_cycle = "2026-Q4"\n'

GOAL = """---
title: Umsatz
owner: Jo
key_results:
  - {id: marge, title: Marge, start: 12, target: 45, current: 30}
---
"""
EASED = GOAL.replace("target: 45", "target: 40")
#: a goal file whose name holds two backticks, and one invalid key-result id
#: so that the report names the file
HOSTILE_NAME = "content/objectives/q`` @octocat <img src=https:evil.example?g> ``.md"
BROKEN = """---
title: Q
owner: Jo
key_results:
  - {id: "Bad Id!", title: X, start: 0, target: 5, current: 1}
---
"""
PO_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
EVIL = "\\n\\n@acme/everyone ![t](https://evil.example/po.png) <img src=x> </details>"


def pr(root: Path, files: dict[str, str], language: str = "en") -> Repo:
    """A repository whose branch ``pr`` eases a target and adds ``files``."""
    repo = Repo(root)
    repo.write("okrsite.toml", f'language = "{language}"\nas_of = "2026-11-20"\n{CYCLE}')
    repo.write("content/objectives/u.md", GOAL)
    repo.commit("goals", "alice", "2026-10-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "pr")
    repo.write("content/objectives/u.md", EASED)
    for rel, text in files.items():
        repo.write(rel, text)
    repo.commit("pr", "bob", "2026-10-02T10:00:00+00:00")
    return repo


def diff(repo: Repo, *args: str) -> Result:
    old = Path.cwd()
    os.chdir(repo.root)
    try:
        return CliRunner().invoke(cli, ["diff", "main...HEAD", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


def rendered(markdown: str) -> str:
    """The comment as HTML, as a CommonMark renderer shows it (raw HTML kept)."""
    return MarkdownIt("commonmark").render(markdown)


def outside_code(html: str) -> str:
    """``html`` without its ``<code>`` elements: what a reader sees as text."""
    out, rest = [], html
    while "<code>" in rest:
        before, _, rest = rest.partition("<code>")
        out.append(before)
        rest = rest.partition("</code>")[2]
    return "".join(out) + rest


# ---------------------------------------------------------------- --output
def test_a_committed_link_named_like_the_output_is_replaced_not_written_through(
    tmp_path: Path,
) -> None:
    target = tmp_path / "outside.txt"
    target.write_text("kept\n", encoding="utf-8")
    repo = pr(tmp_path / "r", {})
    (repo.root / "diff.md").symlink_to(target)
    repo.commit("link", "bob", "2026-10-03T10:00:00+00:00")
    result = diff(repo, "--format", "markdown", "--output", "diff.md")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == "kept\n"
    written = repo.root / "diff.md"
    assert not written.is_symlink()
    assert written.read_text(encoding="utf-8").startswith("<!-- okrsite-diff -->\n### ")
    assert sorted(p.name for p in repo.root.iterdir() if p.name.startswith(".diff")) == []


def test_a_folder_linking_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "site-packages"
    elsewhere.mkdir()
    repo = pr(tmp_path / "r", {})
    (repo.root / "reports").symlink_to(elsewhere)
    repo.commit("link", "bob", "2026-10-03T10:00:00+00:00")
    result = diff(repo, "--format", "markdown", "--output", "reports/zz.pth")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: cannot write --output 'reports/zz.pth': "
        f"'{repo.root}/reports' is a link out of the repository (to '{elsewhere}'); "
        "write the report to a folder of the checkout that is no link, such as --output diff.md\n"
    )
    assert list(elsewhere.iterdir()) == []


def test_a_folder_linking_inside_the_repository_is_written_through(tmp_path: Path) -> None:
    repo = pr(tmp_path / "r", {"out/.keep": ""})
    (repo.root / "reports").symlink_to("out")
    result = diff(repo, "--format", "markdown", "--output", "reports/diff.md")
    assert result.exit_code == 0, result.output
    assert (repo.root / "out/diff.md").read_text(encoding="utf-8").startswith("<!-- okrsite")


# ---------------------------------------------------------------- translations
def test_a_hostile_translation_reaches_the_comment_as_text(tmp_path: Path) -> None:
    po = PO_HEAD + (
        'msgid "Goal changes: %(base)s → %(head)s"\n'
        f'msgstr "Ziele{EVIL} %(base)s → %(head)s"\n\n'
        'msgid "Objectives and key results (%(count)d)"\n'
        f'msgstr "Ziele{EVIL} (%(count)d)"\n\n'
        'msgid "**Settings** (%(file)s):"\n'
        'msgstr "**Einstellungen** @%(file)s: `okrsite check`"\n\n'
        'msgid "Worth a look:"\n'
        'msgstr "@"\n'
    )
    repo = pr(tmp_path / "r", {"translations/de.po": po}, language="de")
    result = diff(repo, "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == (
        "### Ziele  @\u200bacme/everyone !\\[t\\](https://evil.example/po.png) "
        "&lt;img src=x&gt; &lt;/details&gt; `Merge-Basis mit main` → `HEAD`"
    )
    assert (
        "<summary>Ziele  @\u200bacme/everyone ![t](https://evil.example/po.png) "
        "&lt;img src=x&gt; &lt;/details&gt; (1)</summary>"
    ) in lines
    assert "**@\u200b**" in lines
    html = rendered(result.stdout)
    assert "<img" not in html and 'evil.example/po.png"' not in html
    assert "@acme" not in html and html.count("<details>") == html.count("</details>") == 2


def test_okrsites_own_markup_in_a_translation_stays(tmp_path: Path) -> None:
    po = PO_HEAD + (
        'msgid "**Settings** (%(file)s):"\n'
        'msgstr "**Einstellungen** @%(file)s: `okrsite check` _x_"\n'
    )
    toml = f'language = "de"\nas_of = "2026-11-20"\n{CYCLE}stale_after_days = 9\n'
    repo = pr(tmp_path / "r", {"translations/de.po": po, "okrsite.toml": toml}, language="de")
    result = diff(repo, "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert (
        # the msgid writes no code span: the translation's is escaped
        "**Einstellungen** @\u200b`okrsite.toml`: \\`okrsite check\\` \\_x\\_"
        in result.stdout.splitlines()
    )


def test_a_translation_reaches_the_terminal_on_one_line_without_escapes(tmp_path: Path) -> None:
    po = PO_HEAD + (
        'msgid "Goal changes: %(base)s → %(head)s"\nmsgstr "x"\n\n'
        'msgid "Worth a look:"\n'
        'msgstr "Einen\\nBlick \x1b[2J\x1b]0;pwned\x07wert:"\n'
    )
    repo = pr(tmp_path / "r", {"translations/de.po": po}, language="de")
    result = diff(repo, "--format", "text")
    assert result.exit_code == 0, result.output
    # a catalogue with control characters is refused (THM003, session 53):
    # the shipped words are used, and nothing of the hostile string shows
    assert "Einen Blick wert:" in result.stdout.splitlines()
    assert "pwned" not in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


# ---------------------------------------------------------------- code spans
def test_a_file_name_with_backticks_stays_inside_its_code_span(tmp_path: Path) -> None:
    repo = pr(tmp_path / "r", {HOSTILE_NAME: BROKEN})
    result = diff(repo, "--format", "markdown")
    assert result.exit_code == 1, result.output
    assert (
        "- ``` content/objectives/q`` @octocat <img src=https:evil.example?g> ``.md:5:10 ``` "
        "error `OKR006`: key result id 'Bad Id!' contains ' ': ids are made of letters, "
        "digits, '-', '\\_' and '.' — hint: write it as 'bad-id'"
    ) in result.stdout.splitlines()
    html = rendered(result.stdout)
    assert "<img" not in html
    assert "@octocat" not in outside_code(html)
    assert "<code>content/objectives/q`` @octocat &lt;img" in html


@pytest.mark.parametrize(
    ("text", "span"),
    [("a`b", "`` a`b ``"), ("`a", "`` `a ``"), ("a``b```c", "```` a``b```c ````")],
)
def test_the_fence_is_longer_than_every_run_of_backticks(text: str, span: str) -> None:
    from okrsite.diff_markdown import code

    assert code(text) == span
    assert rendered(span) == f"<p><code>{text}</code></p>\n"


# ---------------------------------------------------------------- the GitLab note
class _GitLab(BaseHTTPRequestHandler):
    notes: list[dict[str, object]] = []
    calls: list[tuple[str, str]] = []

    def _answer(self, data: object) -> None:
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.calls.append(("GET", self.path))
        if self.path == "/api/v4/user":
            self._answer({"id": 42})
        else:
            self._answer(self.notes if self.path.endswith("page=1") else [])

    def do_PUT(self) -> None:  # noqa: N802
        self.calls.append(("PUT", self.path))
        self._answer({})

    def do_POST(self) -> None:  # noqa: N802
        self.calls.append(("POST", self.path))
        self._answer({})

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def gitlab() -> Iterator[tuple[str, type[_GitLab]]]:
    handler = type("Handler", (_GitLab,), {"notes": [], "calls": []})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v4", handler
    finally:
        server.shutdown()
        server.server_close()


def post_note(tmp_path: Path, api: str) -> subprocess.CompletedProcess[str]:
    jobs = yaml.safe_load((REPO / "docs/ci/gitlab-ci.yml").read_text(encoding="utf-8"))
    [poster] = [s for s in jobs["okrsite-review"]["script"] if s.startswith("python3 - <<'PY'")]
    (tmp_path / "diff.md").write_text("<!-- okrsite-diff -->\nreport\n", encoding="utf-8")
    env = {
        "PATH": "/usr/bin:/bin",
        "CI_API_V4_URL": api,
        "CI_PROJECT_ID": "7",
        "CI_MERGE_REQUEST_IID": "5",
        "OKRSITE_GITLAB_TOKEN": "t",
    }
    body = poster.split("\n", 1)[1].rsplit("PY", 1)[0]
    return subprocess.run(
        [sys.executable, "-"], input=body, cwd=tmp_path, capture_output=True, text=True, env=env
    )


NOTES = "/api/v4/projects/7/merge_requests/5/notes"


def test_the_gitlab_poster_leaves_a_marked_note_of_somebody_else_alone(
    tmp_path: Path, gitlab: tuple[str, type[_GitLab]]
) -> None:
    api, handler = gitlab
    handler.notes.append({"id": 1, "body": "<!-- okrsite-diff --> mine!", "author": {"id": 9}})
    proc = post_note(tmp_path, api)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    assert handler.calls == [
        ("GET", "/api/v4/user"),
        ("GET", f"{NOTES}?per_page=100&page=1"),
        ("GET", f"{NOTES}?per_page=100&page=2"),
        ("POST", NOTES),
    ]


def test_the_gitlab_poster_updates_the_note_its_user_wrote(
    tmp_path: Path, gitlab: tuple[str, type[_GitLab]]
) -> None:
    api, handler = gitlab
    handler.notes += [
        {"id": 1, "body": "<!-- okrsite-diff --> fake", "author": {"id": 9}},
        {"id": 2, "body": "<!-- okrsite-diff -->\nold", "author": {"id": 42}},
    ]
    proc = post_note(tmp_path, api)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    assert handler.calls == [
        ("GET", "/api/v4/user"),
        ("GET", f"{NOTES}?per_page=100&page=1"),
        ("PUT", f"{NOTES}/2"),
    ]


def test_a_translation_is_escaped_once_where_the_report_escapes_its_values(
    tmp_path: Path,
) -> None:
    """A finding's message and a field's values are worded, then escaped as
    user text: a translation in them is not escaped twice (no ``&amp;amp;``)."""
    po = PO_HEAD + 'msgid "less ambitious"\nmsgstr "weniger <&> ehrgeizig"\n'
    repo = pr(tmp_path / "r", {"translations/de.po": po}, language="de")
    result = diff(repo, "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "&amp;amp;" not in result.stdout
    assert (
        "- Schlüsselergebnis u\\#marge: Zielwert 45 → 40 (weniger &lt;&amp;&gt; ehrgeizig) "
        "(`less-ambitious`)"
    ) in result.stdout.splitlines()
    assert (
        "    - **Zielwert**: 45 → 40 (weniger &lt;&amp;&gt; ehrgeizig)"
        in result.stdout.splitlines()
    )


def test_an_english_sites_own_words_reach_its_report_escaped(tmp_path: Path) -> None:
    """A site's ``translations/en.po`` rewords its pages and its report alike
    (the report ignored it), and what it says is escaped as any site text."""
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
        'msgid "Goal changes: %(base)s → %(head)s"\n'
        'msgstr "OKR changes @acme/everyone: %(base)s → %(head)s"\n'
    )
    repo = pr(tmp_path / "repo", {"translations/en.po": po})
    result = diff(repo, "--format", "markdown")
    heading = next(line for line in result.output.splitlines() if line.startswith("### "))
    assert heading.startswith("### OKR changes @\u200bacme/everyone: "), heading
