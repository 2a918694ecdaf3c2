"""``okrsite codeowners`` against the CODEOWNERS files people really commit.

Audit 45: a committed link out of the repository (printed into the CI log,
written through), ``content_dir = "./content"`` (rules that match no file),
a block that a later rule or a GitLab section keeps from taking effect
while ``--check`` said "up to date", a file an older okrsite wrote with the
user's lines added, a BOM, Latin-1 comments, and a site with no handles.
Real git repositories, the real CLI.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite import codeowners as co
from okrsite.cli import cli

UMA = "---\ntitle: Uma Diaz\ngithub: uma\ngitlab: uma\n---\n"
RENEWALS = (
    "---\ntitle: Renewals\nowner: Uma Diaz\nkey_results:\n"
    "  - {id: a, title: A, start: 0, target: 1}\n---\n"
)
RULES = "/content/checkins/renewals/ @uma\n/content/objectives/renewals.md @uma\n"
BLOCK = co.BEGIN + RULES + co.END


def site(root: Path, config: str = "", people: str = UMA) -> Repo:
    repo = Repo(root)
    repo.write("okrsite.toml", 'title = "x"\ndefault_cycle = "2026-Q4"\n' + config)
    content = "content"
    repo.write(f"{content}/people/uma.md", people)
    repo.write(f"{content}/objectives/renewals.md", RENEWALS)
    repo.commit("goals", "alice", "2026-10-02T10:00:00+00:00")
    return repo


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["codeowners", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_a_committed_link_out_of_the_repository_is_neither_shown_nor_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = site(tmp_path / "repo")
    outside = tmp_path / "outside.txt"
    outside.write_text("SECRET_TOKEN=ghp_abc123\n")
    (repo.root / ".github").mkdir()
    (repo.root / ".github" / "CODEOWNERS").symlink_to(outside)
    monkeypatch.chdir(repo.root)
    code, out, err = run("--check")
    assert code == 1
    assert "ghp_abc123" not in out + err
    assert ".github/CODEOWNERS is a link out of the repository (to " in err
    assert "commit CODEOWNERS as a regular file" in err
    code, out, err = run("--write")
    assert code == 1 and "is a link out of the repository" in err
    assert outside.read_text() == "SECRET_TOKEN=ghp_abc123\n"
    # --file names a link just the same
    (repo.root / "CODEOWNERS.x").symlink_to("/proc/self/environ")
    code, out, err = run("--check", "--file", "CODEOWNERS.x")
    assert code == 1 and "CODEOWNERS.x is a link out of the repository" in err
    assert out == ""


def test_a_link_inside_the_repository_is_refused_not_read_or_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pull request commits ``.github/CODEOWNERS -> ../.env``: CI's
    ``--check`` printed the git-ignored secret, ``--write`` replaced the
    link by a regular file holding it. Any CODEOWNERS that is a link is
    refused, wherever in the checkout it leads."""
    repo = site(tmp_path / "repo")
    repo.write(".gitignore", ".env\n")
    repo.write(".env", "TOKEN=xyz-secret\n")
    repo.write("docs/owners.txt", "* @acme/admins\n")
    (repo.root / ".github").mkdir()
    owners = repo.root / ".github" / "CODEOWNERS"
    owners.symlink_to("../.env")
    repo.commit("owners", "bob", "2026-10-03T10:00:00+00:00")
    monkeypatch.chdir(repo.root)
    for args in (("--check",), ("--write",)):
        code, out, err = run(*args)
        assert code == 1, (args, out, err)
        assert "xyz-secret" not in out + err
        assert (
            "okrsite: .github/CODEOWNERS is a link (to ../.env); not read or written: commit "
            "CODEOWNERS as a regular file (git rm --cached .github/CODEOWNERS, then write it "
            "with okrsite codeowners --write)"
        ) in err
    assert owners.is_symlink() and (repo.root / ".env").read_text() == "TOKEN=xyz-secret\n"
    # a link to an ordinary file of the repository is refused just the same
    owners.unlink()
    owners.symlink_to("../docs/owners.txt")
    code, _, err = run("--write")
    assert code == 1 and ".github/CODEOWNERS is a link (to ../docs/owners.txt)" in err
    assert owners.is_symlink()
    assert (repo.root / "docs" / "owners.txt").read_text() == "* @acme/admins\n"


@pytest.mark.parametrize("folder", ["./content", "./content/", ".//content//"])
def test_a_content_dir_spelt_with_dot_or_slashes_gives_rules_that_match(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    repo = site(tmp_path / "repo", f'content_dir = "{folder}"\n')
    monkeypatch.chdir(repo.root)
    code, out, err = run()
    assert code == 0, err
    assert out == BLOCK
    # the annotations CI shows on the pull request name the files as git does
    repo.write("content/people/jose.md", "---\ntitle: José\ngithub: '@@jose'\n---\n")
    result = CliRunner().invoke(cli, ["check", "--format", "github"])
    assert "file=content/people/jose.md" in result.stdout, result.output
    # and so do the pages' edit links
    repo.write(
        "okrsite.toml",
        f'title = "x"\nrepo_url = "https://github.com/acme/goals"\n'
        f'default_cycle = "2026-Q4"\ncontent_dir = "{folder}"\n',
    )
    result = CliRunner().invoke(cli, ["build", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    page = next((tmp_path / "out").rglob("renewals/index.html")).read_text()
    assert "/edit/main/content/objectives/renewals.md" in page


def test_a_rule_after_the_block_that_overrides_it_fails_the_check_and_write_moves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = site(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    assert run("--write")[0] == 0
    owners = repo.root / ".github" / "CODEOWNERS"
    with owners.open("a") as fh:
        fh.write(
            "/content/objectives/renewals.md @uma @acme/cfo\n"  # one goal: the user's to override
            "\n# default reviewers\n* @acme/admins\n/.github/ @acme/platform\n"
        )
    code, _, err = run("--check")
    assert code == 1
    assert (
        ".github/CODEOWNERS:8: '* @acme/admins' comes after okrsite's block and overrides "
        "every rule of it (the last matching rule wins), so no goal file goes to its owner"
    ) in err
    assert "/.github/ @acme/platform" not in err and "@acme/cfo" not in err
    code, _, err = run("--write")
    assert code == 0
    assert "moved okrsite's block where it takes effect, other lines kept" in err
    assert owners.read_text() == (
        "/content/objectives/renewals.md @uma @acme/cfo\n"
        "\n# default reviewers\n* @acme/admins\n\n" + BLOCK + "\n/.github/ @acme/platform\n"
    )
    assert run("--check")[:3:2] == (0, "okrsite: .github/CODEOWNERS is up to date\n")


def test_gitlab_puts_the_block_before_the_first_section_and_checks_it_is_in_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = site(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    owners = repo.root / "CODEOWNERS"
    owners.write_text("* @acme/admins\n\n^[Docs] @acme/writers\n/docs/\n")
    code, _, err = run("--platform", "gitlab", "--write")
    assert code == 0, err
    assert owners.read_text() == (
        "* @acme/admins\n\n" + BLOCK + "\n^[Docs] @acme/writers\n/docs/\n"
    )
    assert "before the first GitLab section" in err
    assert run("--platform", "gitlab", "--check")[0] == 0
    # a block an older okrsite appended inside the optional section fails the check
    owners.write_text("* @acme/admins\n\n^[Docs] @acme/writers\n/docs/\n\n" + BLOCK)
    code, _, err = run("--platform", "gitlab", "--check")
    assert code == 1
    assert (
        "CODEOWNERS:3: '^[Docs] @acme/writers' starts the GitLab section okrsite's block is "
        "in, so its rules are that section's and the owners' approval is optional"
    ) in err
    assert run("--platform", "gitlab", "--write")[0] == 0
    assert owners.read_text() == (
        "* @acme/admins\n\n" + BLOCK + "\n^[Docs] @acme/writers\n/docs/\n\n"
    )
    # GitHub knows no sections: there the same file is fine as it is
    owners.write_text("* @acme/admins\n\n^[Docs] @acme/writers\n/docs/\n\n" + BLOCK)
    assert run("--platform", "github", "--check")[0] == 0


def test_write_keeps_the_lines_users_added_to_a_file_an_older_okrsite_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = site(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    owners = repo.root / "CODEOWNERS"
    owners.write_text(
        co.HEADER + RULES + "\n# platform team owns CI\n/.github/ @acme/platform\n* @acme/admins\n"
    )
    code, _, err = run("--write")
    assert code == 0
    assert owners.read_text() == (
        "# platform team owns CI\n/.github/ @acme/platform\n* @acme/admins\n\n" + BLOCK
    )
    assert "keeping your 3 lines above it" in err
    assert run("--check")[0] == 0


def test_a_bom_and_latin1_lines_are_kept_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = site(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    owners = repo.root / "CODEOWNERS"
    mine = b"# Zust\xe4ndig: J\xfcrgen\n* @acme/admins\n\n"
    owners.write_bytes(b"\xef\xbb\xbf" + mine + BLOCK.encode())
    code, _, err = run("--check")
    assert (code, err) == (0, "okrsite: CODEOWNERS is up to date\n")
    owners.write_bytes(b"\xef\xbb\xbf" + BLOCK.encode() + mine)
    assert run("--check")[0] == 1  # the catch-all after the block
    assert run("--write")[0] == 0
    assert owners.read_bytes() == b"\xef\xbb\xbf" + mine + BLOCK.encode()


def test_no_handle_at_all_is_said_with_what_to_add(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = site(tmp_path / "repo", people="---\ntitle: Uma Diaz\n---\n")
    monkeypatch.chdir(repo.root)
    code, out, err = run("--write")
    assert code == 0
    assert (
        "warning: no owner or team of the 1 goal file has a github: handle, so CODEOWNERS "
        "routes no goal file to anyone; add github: <handle> to the person files "
        "(content/people/*.md)"
    ) in err
    assert "routes no goal file" in run("--check")[2]
    assert "routes no goal file" in run()[2]


@pytest.mark.parametrize("platform", ["github", "gitlab"])
def test_an_email_handle_is_routed_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    repo = site(tmp_path / "repo", people=f"---\ntitle: Uma Diaz\n{platform}: uma@acme.com\n---\n")
    monkeypatch.chdir(repo.root)
    result = CliRunner().invoke(cli, ["check"])
    assert "OKR120" not in result.output, result.output
    code, out, _ = run("--platform", platform)
    assert code == 0
    assert out == BLOCK.replace("@uma", "uma@acme.com")


def test_two_people_with_one_handle_are_warned_at_the_second_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = site(tmp_path / "repo", people="---\ntitle: Uma Diaz\ngithub: tom-lee\n---\n")
    repo.write(
        "content/people/bob.md", "---\ntitle: Bob Ray\ngithub: https://github.com/Tom-Lee\n---\n"
    )
    monkeypatch.chdir(repo.root)
    result = CliRunner().invoke(cli, ["check"])
    assert (
        "content/people/uma.md:3:9: warning OKR324: github handle 'tom-lee' of Uma Diaz is also "
        "the handle of Bob Ray (content/people/bob.md)"
    ) in result.output, result.output
