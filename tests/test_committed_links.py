"""Committed links that lead where okrsite must not go (task SB of audit 41).

1. Into ``.git``: actions/checkout writes the job's token into
   ``.git/config`` (``http.https://github.com/.extraheader``); a pull request
   that commits ``static/cfg.txt -> ../.git/config`` (or a template, a
   partial, a KPI CSV linked there) must not get it published or quoted.
   Such a link is refused like a link out of the site (OKR012), naming .git.
2. Out of the site by the folders okrsite writes: a committed
   ``.okrsite-cache`` or ``_site`` link made ``check`` and ``build`` write
   (and clean up) wherever it pointed. Such a folder is refused in one line.

Each test makes a real git repository, commits the link, clones it as a CI
job does, and runs the real CLI in the clone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli, write_site
from gitrepo import Repo

from okrsite.sitefiles import excerpt

TOKEN = "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldHRva2Vu"


def clone_of(tmp_path: Path, links: dict[str, str], files: dict[str, str | bytes]) -> Path:
    """A site committed with ``links`` (path: target) and ``files``, cloned
    into ``tmp_path/ci`` with the token actions/checkout writes in its
    ``.git/config``: the resolved path of the clone's site."""
    origin = Repo(tmp_path / "origin")
    code, output = run_cli("init", str(origin.root / "site"))
    assert code == 0, output
    site = origin.root / "site"
    write_site(site, files)
    for rel, target in links.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        if (site / rel).is_dir():
            shutil.rmtree(site / rel)
        (site / rel).symlink_to(target)
    origin.git("add", "-A")
    origin.git("commit", "-q", "-m", "pull request")
    ci = tmp_path / "ci"
    subprocess.run(["git", "clone", "-q", str(origin.root), str(ci)], check=True, env=origin.env())
    subprocess.run(
        ["git", "config", "http.https://github.com/.extraheader", TOKEN],
        cwd=ci,
        check=True,
        env=origin.env(),
    )
    return (ci / "site").resolve()


def okr012_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if " OKR012: " in line]


def git_refusal(site: Path, rel: str, target: str) -> str:
    return (
        f"{rel}: error OKR012: {excerpt(f'{site}/{rel}', 120)} leads into git's own files "
        f"(.git: {excerpt(target, 80)}); "
        "not read (hint: okrsite never reads, lists or publishes anything in .git "
        "(its config can hold a CI job's token); name or link a file outside .git, "
        "or copy it into the site)"
    )


# ------------------------------------------------------------- 1: into .git
def test_static_link_to_git_config_is_refused_by_check_and_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = clone_of(tmp_path, {"static/cfg.txt": "../../.git/config"}, {})
    monkeypatch.chdir(site)
    code, output = run_cli("check")
    assert code == 1
    assert okr012_lines(output) == [
        git_refusal(site, "static/cfg.txt", f"{site.parent}/.git/config")
    ]
    code, output = run_cli("build", "--out", "_site")
    assert code == 1
    assert okr012_lines(output) == [
        git_refusal(site, "static/cfg.txt", f"{site.parent}/.git/config")
    ]
    assert not (site / "_site").exists()
    assert "basic" not in output


def test_partial_linked_to_git_config_is_never_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = clone_of(
        tmp_path,
        {"templates/partials/x.txt": "../../../.git/config"},
        {"templates/partials/footer.html": '<footer>{% include "partials/x.txt" %}</footer>\n'},
    )
    monkeypatch.chdir(site)
    code, output = run_cli("check")
    assert code == 1
    assert okr012_lines(output) == [
        git_refusal(site, "templates/partials/x.txt", f"{site.parent}/.git/config")
    ]
    code, output = run_cli("build")
    assert code == 1
    assert not (site / "_site").exists()
    assert "basic" not in output and "[core]" not in output


def test_kpi_csv_linked_to_git_config_is_not_quoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = clone_of(
        tmp_path,
        {"content/data/users.csv": "../../../.git/config"},
        {
            "content/kpis/users.md": """
                ---
                title: Weekly users
                unit: users
                direction: up
                owner: alex
                data: data/users.csv
                ---
                """
        },
    )
    monkeypatch.chdir(site)
    code, output = run_cli("check")
    assert code == 1
    assert okr012_lines(output) == [
        git_refusal(site, "content/data/users.csv", f"{site.parent}/.git/config")
    ]
    assert "[core]" not in output and "basic" not in output


def test_static_folder_linked_to_git_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = clone_of(tmp_path, {"static": "../.git"}, {})
    monkeypatch.chdir(site)
    code, output = run_cli("check")
    assert code == 1
    assert okr012_lines(output) == [
        "static: error OKR012: static leads into git's own files "
        f"(.git: {excerpt(f'{site.parent}/.git', 80)}); "
        "not read (hint: okrsite never reads, lists or publishes anything in .git "
        "(its config can hold a CI job's token); name or link a file outside .git, "
        "or copy it into the site)"
    ]


def test_separate_git_dir_is_git_s_own_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``git init --separate-git-dir``: the ``.git`` file names the folder
    holding the repository, here inside the site under another name."""
    site = tmp_path / "site"
    code, output = run_cli("init", str(site))
    assert code == 0, output
    subprocess.run(
        ["git", "init", "-q", "--separate-git-dir", str(site / "repo-data")], cwd=site, check=True
    )
    (site / "static").mkdir(exist_ok=True)
    (site / "static" / "cfg.txt").symlink_to("../repo-data/config")
    site = site.resolve()
    monkeypatch.chdir(site)
    code, output = run_cli("check")
    assert code == 1
    assert okr012_lines(output) == [git_refusal(site, "static/cfg.txt", f"{site}/repo-data/config")]


def test_plain_git_folder_and_file_in_static_are_not_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = clone_of(
        tmp_path,
        {},
        {
            "static/vendored/.git/config": "[core]\n",
            "static/vendored/lib.js": "var x = 1;\n",
            "templates/partials/.git": "gitdir: ../../../.git/modules/partials\n",
        },
    )
    monkeypatch.chdir(site)
    code, output = run_cli("build")
    assert code == 0, output
    published = sorted(
        str(p.relative_to(site / "_site")) for p in (site / "_site" / "static").rglob("*")
    )
    assert "static/vendored/lib.js" in published
    assert not [p for p in published if ".git" in p]


# ------------------------------------------------- 2: written folders linked out
def victim(tmp_path: Path) -> Path:
    """Folders outside the site, one with a stale temporary okrsite would sweep."""
    (tmp_path / "victim" / "cache").mkdir(parents=True)
    (tmp_path / "victim" / "site").mkdir()
    planted = tmp_path / "victim" / "cache" / ".okrsite-notes.tmp"
    planted.write_text("not okrsite's\n")
    os.utime(planted, (0, 0))
    return tmp_path / "victim"


def everything_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def cache_refusal(site: Path, folder: str, link: str, target: Path) -> str:
    """``folder`` as given (``--cache-dir``), or relative to the site (okrsite.toml)."""
    shown = folder if folder.startswith("..") else f"{site}/{folder}"
    way = "is" if folder == link else f"lies through {site}/{link},"
    return (
        f"Error: cache folder {shown} {way} a link in the site that leads out of it "
        f"(to {target}); okrsite writes nothing there: remove the link (a folder okrsite "
        "writes is never committed), or give --cache-dir a folder outside the site"
    )


def output_refusal(shown: str, site: Path, link: str, target: Path) -> str:
    way = "is" if shown == f"{site}/{link}" else f"lies through {site}/{link},"
    return (
        f"Error: output folder {shown} {way} a link in the site that leads out of it "
        f"(to {target}); okrsite writes nothing there: remove the link (a folder okrsite "
        "writes is never committed), or give --out a folder outside the site"
    )


def test_committed_cache_link_is_refused_by_check_and_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    away = victim(tmp_path)
    site = clone_of(tmp_path, {".okrsite-cache": str(away / "cache")}, {})
    monkeypatch.chdir(site)
    expected = cache_refusal(site, ".okrsite-cache", ".okrsite-cache", away / "cache")
    for args in (["check"], ["build"], ["build", "--out", "_site"]):
        code, output = run_cli(*args)
        assert (code, output.strip()) == (1, expected)
    assert everything_in(away) == ["cache", "cache/.okrsite-notes.tmp", "site"]
    assert not (site / "_site").exists()


def test_configured_and_given_cache_folders_through_a_link_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    away = victim(tmp_path)
    site = clone_of(tmp_path, {"work": str(away)}, {})
    with (site / "okrsite.toml").open("a", encoding="utf-8") as toml:
        toml.write('cache_dir = "work/cache"\n')
    monkeypatch.chdir(site)
    code, output = run_cli("check")
    assert (code, output.strip()) == (1, cache_refusal(site, "work/cache", "work", away))
    monkeypatch.chdir(site / "content")
    code, output = run_cli("build", "--cache-dir", "../work/cache")
    assert (code, output.strip()) == (
        1,
        cache_refusal(site, "../work/cache", "work", away),
    )
    assert everything_in(away) == ["cache", "cache/.okrsite-notes.tmp", "site"]
    # --no-cache uses no cache folder: only the output is written, inside the site
    code, output = run_cli("build", "--no-cache")
    assert code == 0, output
    assert everything_in(away) == ["cache", "cache/.okrsite-notes.tmp", "site"]


def test_committed_output_link_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    away = victim(tmp_path)
    site = clone_of(tmp_path, {"_site": str(away / "site")}, {})
    monkeypatch.chdir(site)
    for out, shown in (
        ([], f"{site}/_site"),
        (["--out", "_site"], f"{site}/_site"),
        (["--out", "_site/en"], f"{site}/_site/en"),
    ):
        code, output = run_cli("build", "--no-cache", *out)
        assert (code, output.strip()) == (1, output_refusal(shown, site, "_site", away / "site"))
    assert everything_in(away) == ["cache", "cache/.okrsite-notes.tmp", "site"]


def test_link_outside_the_site_on_the_way_is_the_command_line_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--out /var/www/okr`` where ``/var/www`` is a link: chosen by whoever
    runs the command, not committed, so it is followed."""
    away = victim(tmp_path)
    site = clone_of(tmp_path, {}, {})
    (tmp_path / "www").symlink_to(away / "site")
    monkeypatch.chdir(site)
    code, output = run_cli(
        "build", "--out", str(tmp_path / "www" / "okr"), "--cache-dir", str(tmp_path / "www" / "c")
    )
    assert code == 0, output
    assert (away / "site" / "okr" / "index.html").is_file()
    assert (away / "site" / "c").is_dir()
