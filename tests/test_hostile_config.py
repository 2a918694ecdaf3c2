"""Hostile settings and theme folders: nothing is read from outside the site
or written outside the output folder, and bad input is a clear message.

Each test builds (or checks) a real site from files with the real CLI:
a theme folder holding links to secrets and to unreadable files, a theme
named ``/proc``, a theme extending a folder outside the site, an
``output_dir`` leading out of the site, a typo in okrsite.toml, a
``repo_url`` with credentials and an infinite threshold.
"""

from __future__ import annotations

import os
import pathlib
from pathlib import Path

import pytest
from conftest import run_cli, write_site

AS_OF = "2026-11-20"

OBJECTIVE = """\
---
title: Obj
owner: Uma Diaz
key_results:
  - {id: a, title: A, start: 0, target: 10}
  - {id: b, title: B, start: 0, target: 10}
---
body
"""

CONFIG = 'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = 2026-11-20\n'


def _site(tmp_path: Path, extra_config: str = "", files: dict[str, str] | None = None) -> Path:
    site = tmp_path / "site"
    write_site(
        site,
        {
            "okrsite.toml": CONFIG + extra_config,
            "content/objectives/o.md": OBJECTIVE,
            **(files or {}),
        },
    )
    return site


def _build(site: Path, *extra: str) -> tuple[int, str]:
    return run_cli("build", "--site", str(site), *extra)


def _files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


# ----------------------------------------------------------------- 1. theme files


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path this process opens or reads in full, resolved."""
    seen: list[str] = []
    real_open = os.open
    real_read_bytes = pathlib.Path.read_bytes

    def recording_open(path: object, *args: object, **kw: object) -> int:
        seen.append(os.path.realpath(os.fspath(path)))  # type: ignore[arg-type]
        return real_open(path, *args, **kw)  # type: ignore[arg-type]

    def recording_read_bytes(self: pathlib.Path) -> bytes:
        seen.append(os.path.realpath(self))
        return real_read_bytes(self)

    monkeypatch.setattr(os, "open", recording_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", recording_read_bytes)
    return seen


def test_files_beside_a_themes_folders_are_never_read(tmp_path: Path, opened: list[str]) -> None:
    """Links to a secret beside a theme's templates/ are not the theme's
    files: the build neither reads them nor stops on them (a write-only
    file of /sys stopped it with a PermissionError traceback)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET\n", encoding="utf-8")
    site = _site(
        tmp_path,
        'theme = "mine"\n',
        {
            "themes/mine/theme.toml": 'extends = "default"\n',
            "themes/mine/templates/.keep": "",
        },
    )
    (site / "themes/mine/notes.txt").symlink_to(secret)
    write_only = Path("/sys/bus/acpi/drivers/ec/bind")
    if write_only.exists():
        (site / "themes/mine/README.txt").symlink_to(write_only)
    code, output = _build(site)
    assert code == 0, output
    assert str(secret) not in opened and str(write_only) not in opened
    # a second build (the page cache's fingerprint of the theme) reads them neither
    code, output = _build(site)
    assert code == 0, output
    assert str(secret) not in opened
    assert "TOP SECRET" not in "".join(
        p.read_text("utf-8", "replace") for p in (site / "_site").rglob("*") if p.is_file()
    )


def test_a_link_out_of_a_themes_templates_is_refused_by_name(
    tmp_path: Path, opened: list[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET\n", encoding="utf-8")
    site = _site(tmp_path, 'theme = "mine"\n', {"themes/mine/theme.toml": 'extends = "default"\n'})
    (site / "themes/mine/templates").mkdir()
    (site / "themes/mine/templates/notes.txt").symlink_to(secret)
    (site / "themes/mine/static").mkdir()
    (site / "themes/mine/static/leak.txt").symlink_to(secret)
    code, output = _build(site)
    assert code == 1, output
    assert "themes/mine/templates/notes.txt: error OKR012" in output
    assert "themes/mine/static/leak.txt: error OKR012" in output
    assert str(secret) not in opened
    assert not (site / "_site").exists()


@pytest.mark.parametrize("theme", ["/proc", "/sys", "/usr", "OUTSIDE", "../site/content"])
def test_a_theme_path_that_is_no_theme_is_refused_before_any_walk(
    tmp_path: Path, theme: str
) -> None:
    if theme == "OUTSIDE":
        outside = tmp_path / "not-a-theme"
        write_site(outside, {"a/b/c.txt": "x\n"})
        theme = str(outside)
    if not os.path.isdir(theme) and theme.startswith("/"):
        pytest.skip(f"{theme} is not on this machine")
    site = _site(tmp_path, f'theme = "{theme}"\n')
    code, output = _build(site)
    assert code == 1, output
    assert "error THM001" in output and "which is no theme" in output, output
    assert "templates/ or theme.toml" in output
    assert not (site / "_site").exists()


@pytest.mark.parametrize("how", ["climbing", "absolute", "site link"])
def test_a_theme_may_not_extend_a_folder_outside_the_site(tmp_path: Path, how: str) -> None:
    outside = tmp_path / "elsewhere"
    write_site(
        outside,
        {
            "templates/base.html": "ELSEWHERE\n",
            "static/leak.txt": "LEAKED\n",
        },
    )
    site = _site(tmp_path, 'theme = "mine"\n', {"themes/mine/templates/.keep": ""})
    named = {
        "climbing": "../elsewhere",
        "absolute": str(outside),
        "site link": "linked",
    }[how]
    if how == "site link":
        (site / "themes/linked").symlink_to(outside)
    (site / "themes/mine/theme.toml").write_text(f'extends = "{named}"\n', encoding="utf-8")
    code, output = _build(site)
    assert code == 1, output
    assert "error THM001" in output and "names a folder outside the site" in output, output
    assert "themes/mine/theme.toml" in output
    assert not (site / "_site").exists()


def test_a_theme_may_extend_the_sites_own_themes_and_the_shipped_one(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        'theme = "mine"\n',
        {
            "themes/mine/theme.toml": 'extends = "./themes/base"\n',
            "themes/mine/templates/.keep": "",
            "themes/base/theme.toml": 'extends = "default"\n',
            "themes/base/static/base.css": "/* base */\n",
        },
    )
    code, output = _build(site)
    assert code == 0, output
    assert (site / "_site/static/base.css").read_text("utf-8") == "/* base */\n"
    assert (site / "_site/static/style.css").is_file()  # the shipped default's


# ----------------------------------------------------------------- 2. output_dir


@pytest.mark.parametrize(
    "out", ["../escaped_out", "ABSOLUTE", "a/../../escaped_out", "../s1/_site", "C:/x"]
)
def test_an_output_dir_outside_the_site_is_refused(tmp_path: Path, out: str) -> None:
    if out == "ABSOLUTE":
        out = str(tmp_path / "escaped_out")
    site = _site(tmp_path, f'output_dir = "{out}"\n')
    before = _files_under(tmp_path)
    code, output = _build(site)
    assert code == 1, output
    assert "okrsite.toml:4: error CFG011: output_dir must be a folder inside the site" in output
    assert "okrsite build --out PATH" in output
    assert _files_under(tmp_path) == before  # nothing written anywhere
    code, output = run_cli("check", "--site", str(site))
    assert code == 1 and "CFG011" in output


@pytest.mark.parametrize(
    ("folder", "overlapped"),
    [
        ("content/_site", "content"),
        ("./static", "static"),
        ("themes", "themes"),
        (".", "content"),
    ],
)
def test_an_output_dir_overlapping_what_okrsite_reads_is_told_by_check(
    tmp_path: Path, folder: str, overlapped: str
) -> None:
    """``check`` in a pull request passed ``output_dir = "content/_site"``,
    which the build refused after the merge, unlocated and in words for
    ``--out``: now CFG011 at the setting's line, from check and build alike."""
    site = _site(tmp_path, f'output_dir = "{folder}"\n')
    before = _files_under(tmp_path)
    for args in (("check",), ("build",)):
        code, output = run_cli(*args, "--site", str(site))
        assert code == 1, output
        assert (
            f"okrsite.toml:4: error CFG011: output_dir '{folder}' overlaps the {overlapped} "
            f"folder {overlapped}/, which okrsite reads"
        ) in output, output
    assert _files_under(tmp_path) == before  # nothing written anywhere


def test_a_foreign_output_dir_is_named_as_okrsite_toml_names_it(tmp_path: Path) -> None:
    """A ``docs/`` holding the team's handbook as ``output_dir`` (GitHub
    Pages' "deploy from /docs"): the build's refusal names the setting, not
    ``--out`` the user never passed."""
    site = _site(tmp_path, 'output_dir = "docs"\n', {"docs/handbook.md": "# Our handbook\n"})
    code, output = _build(site)
    assert code == 1, output
    assert "is not empty and was not made by okrsite" in output, output
    assert "choose another output_dir in okrsite.toml" in output, output
    assert "--out" not in output, output
    assert (site / "docs/handbook.md").read_text() == "# Our handbook\n"
    code, output = _build(site, "--out", str(site / "docs"))
    assert code == 1 and "choose another --out" in output, output


def test_out_on_the_command_line_may_be_anywhere(tmp_path: Path) -> None:
    site = _site(tmp_path, 'output_dir = "public"\n')
    code, output = _build(site, "--out", str(tmp_path / "elsewhere"))
    assert code == 0, output
    assert (tmp_path / "elsewhere/index.html").is_file()
    code, output = _build(site)
    assert code == 0, output
    assert (site / "public/index.html").is_file()


# ----------------------------------------------------------------- 3. unreadable okrsite.toml


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_typo_in_the_settings_is_the_one_error_told(tmp_path: Path, command: str) -> None:
    site = _site(tmp_path, 'description = "unterminated\n')
    code, output = run_cli(command, "--site", str(site))
    assert code == 1, output
    errors = [ln for ln in output.splitlines() if ": error " in ln]
    assert len(errors) == 1, output
    assert errors[0].startswith("okrsite.toml:4:")
    assert "CFG001" in errors[0]
    assert "checked with the settings above line 4 only" in errors[0]
    assert "OKR101" not in output and "default_cycle" not in output
    assert ": warning " not in output  # nothing judged: not at today, not at as_of
    assert not (site / "_site").exists()


def test_settings_after_the_typo_are_not_blamed_on_the_content(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "okrsite.toml").write_text(
        'title = "T"\ndescription = "oops\ndefault_cycle = "2026-Q4"\nas_of = 2026-11-20\n',
        encoding="utf-8",
    )
    code, output = run_cli("check", "--site", str(site))
    assert code == 1, output
    assert "okrsite.toml:2:" in output and "CFG001" in output
    assert "OKR101" not in output and ": warning " not in output
    # an error of the content itself is still told in the same run
    (site / "content/objectives/bad.md").write_text("---\ntitle: [A\n---\n", encoding="utf-8")
    code, output = run_cli("check", "--site", str(site))
    assert code == 1 and "content/objectives/bad.md:2" in output, output


# ----------------------------------------------------------------- 4. credentials in a URL


@pytest.mark.parametrize(
    "url", ["https://user:pass@github.com/a/b", "https://ghp_token@github.com/a/b"]
)
def test_a_repo_url_with_credentials_is_refused(tmp_path: Path, url: str) -> None:
    site = _site(tmp_path, f'repo_url = "{url}"\n')
    code, output = _build(site)
    assert code == 1, output
    assert "okrsite.toml:4: error CFG017: repo_url carries a user name or password" in output
    assert "remove the credentials" in output
    assert "pass" not in output.replace("password", "") and "ghp_token" not in output
    assert not (site / "_site").exists()


def test_a_clone_address_with_the_git_user_stays_allowed(tmp_path: Path) -> None:
    site = _site(tmp_path, 'repo_url = "git@github.com:a/b.git"\n')
    code, output = _build(site)
    assert code == 0, output
    page = (site / "_site/index.html").read_text("utf-8")
    assert "git@" not in page


# ----------------------------------------------------------------- 5. infinities


@pytest.mark.parametrize(
    "line",
    [
        "at_risk_threshold = inf",
        "on_track_threshold = -inf",
        "low_confidence = +inf",
        "aspirational_success = inf",
        "at_risk_threshold = nan",
    ],
)
def test_an_infinite_setting_is_refused(tmp_path: Path, line: str) -> None:
    site = _site(tmp_path, line + "\n")
    code, output = _build(site)
    assert code == 1, output
    assert "okrsite.toml:4: error CFG004" in output, output
    assert not (site / "_site").exists()
