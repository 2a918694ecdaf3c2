"""Fixes of the audit 45 verification (verifyb), each through the real CLI.

* OKR021 counted table-shaped text inside a code block (an export pasted
  between fences, or indented by four spaces) as table cells and refused a
  body that renders as code in milliseconds.
* OKR324 landed on the original file when the copy sorted first
  (``bob.md`` copied from ``tom-lee.md``) and told Tom Lee to change their
  own handle.
* OKR012 called a link's target under ``_private/`` "a hidden file".
* ``codeowners --check`` passed a rule after okrsite's block that takes
  some goal files from their owners (``/content/objectives/ @acme/okr``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site
from gitrepo import Repo

SITE = 'title = "Verify"\ndefault_cycle = "2026-Q4"\n'

# -- OKR021 counts only tables markdown-it renders as tables -------------------

COLUMNS = 100
EXPORT = "|" + "h|" * COLUMNS + "\n|" + "-|" * COLUMNS + "\n" + ("|" + "1|" * COLUMNS + "\n") * 300


@pytest.mark.parametrize(
    "body",
    [
        "Export as pasted:\n\n```\n" + EXPORT + "```\n",
        "Export as pasted:\n~~~text\n" + EXPORT + "~~~\n\nThat was it.\n",
        "Export as pasted:\n\n" + "".join("    " + line + "\n" for line in EXPORT.splitlines()),
    ],
    ids=["fenced", "tilde-fenced", "indented"],
)
def test_a_table_shaped_export_in_a_code_block_is_not_counted_as_table_cells(
    tmp_path: Path, body: str
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": SITE,
            "content/objectives/wide.md": "---\ntitle: Wide\n---\n" + body,
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert "OKR021" not in out, out
    out_dir = tmp_path / "out"
    code, out = run_cli("build", "--site", str(site), "--out", str(out_dir))
    assert code == 0, out
    page = (out_dir / "objectives" / "wide" / "index.html").read_text(encoding="utf-8")
    assert "<table" not in page and "|h|h|" in page
    # the same text as a real table, or in a list item (where four spaces
    # are no code block), is still refused
    for table in ("Export:\n\n" + EXPORT, "- Export:\n\n    " + EXPORT.replace("\n", "\n    ")):
        (site / "content" / "objectives" / "wide.md").write_text(
            "---\ntitle: Wide\n---\n" + table, encoding="utf-8"
        )
        code, out = run_cli("check", "--site", str(site))
        assert code == 1 and "30,100 table cells" in out, out


# -- OKR324 is said at the copy, not at the file whose handle it is ------------


def test_a_copied_handle_is_warned_at_the_copy_with_a_hint_naming_both_files(
    tmp_path: Path,
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": SITE,
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\ngithub: tom-lee\n---\n",
            "content/people/bob.md": (
                "---\ntitle: Bob Ray\ngithub: https://github.com/tom-lee\n---\n"
            ),
            "content/teams/sales.md": "---\ntitle: Sales\ngitlab: acme/sales\n---\n",
            "content/teams/emea.md": "---\ntitle: EMEA\ngitlab: acme/Sales\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "content/people/bob.md:3:9: warning OKR324: github handle 'tom-lee' of Bob Ray is also "
        "the handle of Tom Lee (content/people/tom-lee.md): okrsite codeowners gives both their "
        "goals to one account, and owner: with that handle names either (hint: the handle is "
        "the account of one of content/people/bob.md and content/people/tom-lee.md (a file "
        "copied from another keeps its handle): in the other, write that one's own github: "
        "handle or leave the line out)"
    ) in out, out
    # a team named after its group is the original too, though it sorts last
    assert "content/teams/emea.md:3:9: warning OKR324: gitlab handle 'acme/Sales'" in out, out
    assert "tom-lee.md:3" not in out and "sales.md:3" not in out


# -- OKR012 says what keeps a link's target from static/ as it is ---------------


def test_a_link_into_an_underscore_folder_is_not_called_a_hidden_file(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": SITE,
            "_private/x.txt": "draft\n",
            "_notes.txt": "draft\n",
            "static/keep.txt": "kept\n",
        },
    )
    (site / "static" / "x.txt").symlink_to("../_private/x.txt")
    (site / "static" / "notes.txt").symlink_to("../_notes.txt")
    for command in ("check", "build"):
        out_args = ["--out", str(tmp_path / "out")] if command == "build" else []
        code, out = run_cli(command, "--site", str(site), *out_args)
        assert code == 1, out
        assert (
            "static/x.txt: error OKR012: link static/x.txt leads to _private/x.txt, a file in "
            "a folder starting with _ (_private/), which static/ never publishes; not published"
        ) in out, out
        assert (
            "link static/notes.txt leads to _notes.txt, a file whose name starts with _, which "
            "static/ never publishes"
        ) in out, out
        assert "hidden" not in out


# -- codeowners --check names a later rule that takes some goal files -----------

RENEWALS = (
    "---\ntitle: Renewals\nowner: Uma Diaz\nkey_results:\n"
    "  - {id: a, title: A, start: 0, target: 1}\n---\n"
)


@pytest.mark.parametrize(
    ("rule", "taken"),
    [
        ("/content/objectives/ @acme/okr", 2),
        ("**/renewals.md @x/y", 1),
        ("/content/checkins/ @x/y", 2),
        ("/content/objectives/churn.md", 1),
    ],
)
def test_a_later_rule_that_takes_some_goal_files_fails_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rule: str, taken: int
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", SITE)
    repo.write("content/people/uma.md", "---\ntitle: Uma Diaz\ngithub: uma\n---\n")
    repo.write("content/objectives/renewals.md", RENEWALS)
    repo.write("content/objectives/churn.md", RENEWALS.replace("Renewals", "Churn"))
    repo.commit("goals", "alice", "2026-10-02T10:00:00+00:00")
    monkeypatch.chdir(repo.root)
    assert run_cli("codeowners", "--write")[0] == 0
    owners = repo.root / ".github" / "CODEOWNERS"
    block = owners.read_text()
    with owners.open("a") as fh:
        fh.write(
            "\n# the CFO reviews renewals too\n/content/objectives/renewals.md @uma @acme/cfo\n"
            f"\n# default reviewers\n{rule}\n"
        )
    code, out = run_cli("codeowners", "--check")
    assert code == 1, out
    line = block.count("\n") + 6
    assert (
        f"okrsite: .github/CODEOWNERS:{line}: '{rule}' comes after okrsite's block and takes "
        f"{taken} of the 4 goal paths it routes from their owners (the last matching rule wins)"
    ) in out, out
    assert "@acme/cfo'" not in out  # keeps the owner, adds a reviewer: the user's
    code, out = run_cli("codeowners", "--write")
    assert code == 0 and "moved okrsite's block where it takes effect" in out, out
    assert owners.read_text().endswith(f"{rule}\n\n" + block)
    code, out = run_cli("codeowners", "--check")
    assert code == 0 and "is up to date" in out, out
